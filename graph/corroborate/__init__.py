"""Claim corroboration: matching across articles, derivation, independence, statuses.

"A copy is not a confirmation": claims are confirmed only by independent outlets (not the
same domain, not derived from one another), by primary sources or by fact-checker reviews.
"""

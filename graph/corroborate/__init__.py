"""Claim corroboration: matching across articles, derivation, independence, statuses.

"A copy is not a confirmation": claims are confirmed only by independent outlets (not the
same domain, not derived from one another), by primary sources or by fact-checker reviews.
"""

from graph.corroborate.index import (
    CorroborationIndex,
    CorroborationUpdate,
    Derivation,
    claim_features,
)
from graph.corroborate.matching import ClaimFeatures, Match, MatchKind, compare
from graph.corroborate.reviews import embedded_review_id
from graph.corroborate.status import Reason, StatusVerdict

__all__ = [
    "ClaimFeatures",
    "CorroborationIndex",
    "CorroborationUpdate",
    "Derivation",
    "Match",
    "MatchKind",
    "Reason",
    "StatusVerdict",
    "claim_features",
    "compare",
    "embedded_review_id",
]

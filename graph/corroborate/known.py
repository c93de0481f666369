"""Known fact-checks: how close a claim is to an imported review's reviewed claim.

Two tiers, both suggestions for a fact-checker (neither changes a status):

* **match**: the matcher says "same content" (:func:`graph.corroborate.matching.compare`) at
  a high similarity, the claim's named entities and figures are in the reviewed text, the
  polarity is the same, and neither text is short;
* **possible match**: a weaker overlap, a short text, or the same content with the opposite
  polarity (the review may still be what a fact-checker wants to read).

A reviewed text that disagrees with the claim on a figure or an actor is no match at all.
The thresholds are tuned on CheckThat! 2020 task 2 train (``claimgraph eval known-reviews``).
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.corroborate.matching import (
    MIN_OVERLAP,
    ClaimFeatures,
    MatchKind,
    compare,
    cosine,
    overlap,
    word_set,
)
from graph.corroborate.text import tokens

MATCH = "match"
POSSIBLE = "possible"
TIERS = (MATCH, POSSIBLE)


@dataclass(frozen=True, slots=True)
class KnownThresholds:
    """Cosine thresholds of the two tiers, and the length below which a text is short."""

    match: float = 0.6
    possible: float = 0.35
    short_words: int = 6


DEFAULT_KNOWN = KnownThresholds()


@dataclass(frozen=True, slots=True)
class KnownMatch:
    tier: str
    similarity: float
    reason: str


def _entities_covered(review: ClaimFeatures, claim: ClaimFeatures) -> bool:
    """Every entity the claim names appears in the reviewed text."""
    words = set(review.tokens)
    return all(set(tokens(key.replace("-", " "))) <= words for key in claim.entities)


def known_tier(review: ClaimFeatures, claim: ClaimFeatures,
               th: KnownThresholds = DEFAULT_KNOWN) -> KnownMatch | None:
    """The tier of ``claim`` against an imported review's text, or None."""
    if overlap(review.tokens, claim.tokens) < MIN_OVERLAP:
        return None
    found = compare(review, claim)
    if found is not None and found.kind is MatchKind.DISPUTE and "polarity" not in found.reason:
        return None  # a different figure or actor: the review is about something else
    similarity = round(found.similarity if found else cosine(review.tokens, claim.tokens), 4)
    if similarity < th.possible:
        return None
    short = min(len(word_set(review.tokens)), len(word_set(claim.tokens))) < th.short_words
    figures = claim.quantities <= review.quantities
    if (found is not None and found.kind is MatchKind.SAME and similarity >= th.match
            and not short and figures and _entities_covered(review, claim)):
        return KnownMatch(MATCH, similarity, found.reason)
    if found is not None and found.kind is MatchKind.DISPUTE:
        why = found.reason
    elif short:
        why = f"short text (similarity {similarity:.2f})"
    else:
        why = f"similar wording (similarity {similarity:.2f})"
    return KnownMatch(POSSIBLE, similarity, why)

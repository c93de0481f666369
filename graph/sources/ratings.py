"""A fact-checker's own rating label (and numbers) normalised to the one review scale.

The label is read first: publishers name their verdicts ("Pants on Fire", "Half True",
"Mostly accurate") and the numbers, where given, are on their own scales. A label that says
nothing known falls back to where ``ratingValue`` sits between ``worstRating`` and
``bestRating``; with neither, the rating is ``other``.
"""

from __future__ import annotations

import re

from graph.model import Scale

#: Phrases by scale point, tried in this order (so "mostly false" is not read as "false",
#: nor "not true" / "half true" as "true"). Matched as whole words of the lowered label.
_PHRASES: tuple[tuple[Scale, tuple[str, ...]], ...] = (
    (Scale.OTHER, ("unproven", "unverified", "unverifiable", "satire", "outdated",
                   "research in progress", "legend", "no evidence", "not rated",
                   "unsupported", "unclear", "undetermined")),
    (Scale.MOSTLY_FALSE, ("mostly false", "largely false", "mostly inaccurate",
                          "mostly incorrect", "mostly untrue", "three pinocchios")),
    (Scale.MOSTLY_TRUE, ("mostly true", "largely true", "mostly accurate", "mostly correct",
                         "one pinocchio")),
    (Scale.MIXTURE, ("mixture", "mixed", "half true", "half-true", "half false", "half-false",
                     "partly true", "partly false", "partially true", "partially false",
                     "misleading", "missing context", "needs context", "out of context",
                     "two pinocchios", "exaggerated", "cherry picks")),
    (Scale.FALSE, ("false", "pants on fire", "fake", "incorrect", "wrong", "inaccurate",
                   "fabricated", "baseless", "hoax", "not true", "untrue", "four pinocchios",
                   "debunked", "scam")),
    (Scale.TRUE, ("true", "correct", "accurate", "verified", "confirmed", "geppetto checkmark")),
)
_PATTERNS = tuple(
    (scale, re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b"))
    for scale, phrases in _PHRASES
)


def _from_numbers(value: float | None, best: float | None, worst: float | None) -> Scale:
    if value is None or best is None or worst is None or best == worst:
        return Scale.OTHER
    share = (value - worst) / (best - worst)
    if not 0.0 <= share <= 1.0:
        return Scale.OTHER
    if share >= 0.9:
        return Scale.TRUE
    if share >= 0.65:
        return Scale.MOSTLY_TRUE
    if share > 0.35:
        return Scale.MIXTURE
    return Scale.MOSTLY_FALSE if share > 0.1 else Scale.FALSE


def normalize_rating(label: str | None, value: float | None = None, best: float | None = None,
                     worst: float | None = None) -> Scale:
    """The scale point of a rating: its label if it names one, else its numbers."""
    lowered = " ".join((label or "").lower().replace("_", " ").split())
    for scale, pattern in _PATTERNS:
        if pattern.search(lowered):
            return scale
    return _from_numbers(value, best, worst)

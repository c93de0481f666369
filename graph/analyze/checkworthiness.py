"""Check-worthiness: a hand-weighted linear feature score squashed into 0..1."""

from __future__ import annotations

import math
import re

_NUMBER = re.compile(r"\d")
_PERCENT = re.compile(r"\d\s*(?:%|percent|per cent)|\bpercent\b", re.I)
_MONEY = re.compile(r"\$\s?\d|\b(?:million|billion|trillion|dollars?)\b", re.I)
_COMPARE = re.compile(
    r"\b(?:more|less|fewer|higher|lower|larger|smaller|biggest|largest|highest|lowest|"
    r"most|least|increase[ds]?|decrease[ds]?|doubled|tripled|rose|fell|grew|dropped|"
    r"cut|raised|record|times|than|since|ago|every|only|first|last)\b",
    re.I,
)
_FACT_VERB = re.compile(
    r"\b(?:was|were|has been|have been|had|did|voted|passed|signed|created|lost|"
    r"killed|spent|paid|won|built|approved|supported|opposed|released|reported)\b",
    re.I,
)
_OPINION = re.compile(
    r"\b(?:i think|i believe|i feel|i hope|i want|i'm|i am|we're going|we will|we need|"
    r"we must|let me|thank you|thanks|great|wonderful|terrible|beautiful|love|"
    r"congratulations|applause|laughter|crosstalk|okay|ok|yes|no|well)\b",
    re.I,
)
_QUESTION = re.compile(r"\?\s*$")
_CAP_WORD = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+")
_WORDS = re.compile(r"\w+")

WEIGHTS: dict[str, float] = {
    "bias": -2.0,
    "number": 1.0,
    "percent": 1.0,
    "money": 0.8,
    "compare": 0.4,
    "fact_verb": 0.4,
    "entities": 0.25,
    "opinion": -0.8,
    "question": -1.5,
    "short": -1.5,
    "length": 0.02,
}


def features(sentence_text: str) -> dict[str, float]:
    s = sentence_text.strip()
    n = len(_WORDS.findall(s))
    return {
        "bias": 1.0,
        "number": float(bool(_NUMBER.search(s))),
        "percent": float(bool(_PERCENT.search(s))),
        "money": float(bool(_MONEY.search(s))),
        "compare": min(len(_COMPARE.findall(s)), 3) / 1.0,
        "fact_verb": min(len(_FACT_VERB.findall(s)), 2) / 1.0,
        "entities": min(len(_CAP_WORD.findall(s)), 4) / 1.0,
        "opinion": min(len(_OPINION.findall(s)), 3) / 1.0,
        "question": float(bool(_QUESTION.search(s))),
        "short": float(n < 6),
        "length": min(n, 40) / 1.0,
    }


def check_worthiness(sentence_text: str, weights: dict[str, float] | None = None) -> float:
    """Score in 0..1; higher = more worth checking."""
    w = weights or WEIGHTS
    z = sum(w.get(k, 0.0) * v for k, v in features(sentence_text).items())
    return 1.0 / (1.0 + math.exp(-z))

"""Check-worthiness: a hand-weighted linear feature score squashed into 0..1.

Features are lexical cues of checkable factual content (numbers, statistics, comparisons,
superlatives, named entities, past-tense events, policy topics) minus cues of non-checkable
talk (questions, opinions, first-person feelings and promises, thanks, very short turns).
The weights are set by hand (see docs/error-analysis.md); no model is trained or shipped.
"""

from __future__ import annotations

import math
import re

_NUMBER = re.compile(
    r"\d|\b(?:hundred|thousand|million|billion|trillion|half|twice|double|triple|dozens?)\b",
    re.I,
)
_STAT = re.compile(r"\d\s*(?:%|percent|per cent)|\bpercent\b|\$\s?\d|\b\d[\d,.]*\s+(?:people|jobs|"
                   r"americans|dollars|years|times|workers|children|women|men)\b", re.I)
_COMPARE = re.compile(
    r"\b(?:more|less|fewer|higher|lower|larger|smaller|bigger|biggest|largest|highest|"
    r"lowest|worst|best|greatest|most|least|record|ever|never|only|any other|increased?|"
    r"decreased?|doubled|tripled|rose|fell|grew|dropped|cut|raised|lost|since|ago|"
    r"than|all-time|nobody|no one|everybody)\b",
    re.I,
)
_PAST = re.compile(
    r"\b(?:was|were|did|had|voted|passed|signed|created|killed|spent|paid|won|built|approved|"
    r"supported|opposed|released|took|gave|said|called|fought|caught|wiped|sent|made|left|"
    r"started|ended|added|closed|moved|came|went|\w{3,}ed)\b",
    re.I,
)
_TOPIC = re.compile(
    r"\b(?:tax(?:es)?|jobs?|unemployment|wages?|deficit|debt|budget|economy|immigra\w*|"
    r"illegal|border|crime|isis|iran|iraq|syria|russia|china|mexico|trade|deal|health ?care|"
    r"obamacare|insurance|wall|police|guns?|military|war|troops|veterans|regulations?|"
    r"minimum wage|billionaires?|companies|manufacturing|nuclear|terroris\w+|refugees|"
    r"abortion|prison|drugs?|energy|oil|coal|climate|emails?|senate|congress|bill|law|"
    r"poverty|income|social security|medicare|medicaid|students?|college|banks?)\b",
    re.I,
)
_OPINION = re.compile(
    r"\b(?:i think|i believe|i feel|i hope|i want|i'm going to|i will|we will|we're going to|"
    r"we are going to|we need|we must|we have to|let me|let's|thank you|thanks|"
    r"congratulations|i'd like|i would|i love|god bless|my friend|of course|frankly|"
    r"believe me|i agree|i disagree|i know|you know|good evening|welcome)\b",
    re.I,
)
_FUTURE = re.compile(r"\b(?:will|'ll|gonna|going to|should|would|could|must|might|may)\b", re.I)
_QUESTION = re.compile(r"\?\s*[\"'”’)]*\s*$")
_NOISE = re.compile(r"^\s*[\[(][^\])]*[\])]\s*$")
_CAP_WORD = re.compile(r"(?<=\s)[A-Z][a-z]+")
_WORDS = re.compile(r"\w+")

WEIGHTS: dict[str, float] = {
    "bias": -3.0,
    "number": 0.9,
    "stat": 0.8,
    "compare": 0.35,
    "past": 0.0,  # noisy in debates (see docs); kept as a feature for inspection
    "topic": 0.35,
    "entities": 0.0,  # hurt ranking on the CheckThat train split (moderators name people)
    "opinion": -0.6,
    "future": -0.3,
    "question": -1.5,
    "short": -1.2,
    "noise": -4.0,
    "length": 0.8,
}


def features(sentence_text: str) -> dict[str, float]:
    """Feature values of a sentence (counts are capped)."""
    s = sentence_text.strip()
    n = len(_WORDS.findall(s))
    return {
        "bias": 1.0,
        "number": float(min(len(_NUMBER.findall(s)), 2)),
        "stat": float(min(len(_STAT.findall(s)), 2)),
        "compare": float(min(len(_COMPARE.findall(s)), 3)),
        "past": float(min(len(_PAST.findall(s)), 3)),
        "topic": float(min(len(_TOPIC.findall(s)), 3)),
        "entities": float(min(len(_CAP_WORD.findall(s)), 4)),
        "opinion": float(min(len(_OPINION.findall(s)), 2)),
        "future": float(min(len(_FUTURE.findall(s)), 2)),
        "question": float(bool(_QUESTION.search(s))),
        "short": float(n < 7),
        "noise": float(bool(_NOISE.match(s)) or n == 0),
        "length": math.log1p(min(n, 60)) / math.log(61),
    }


def check_worthiness(sentence_text: str, weights: dict[str, float] | None = None) -> float:
    """Score in 0..1; higher = more worth checking."""
    w = weights or WEIGHTS
    z = sum(w.get(k, 0.0) * v for k, v in features(sentence_text).items())
    return 1.0 / (1.0 + math.exp(-z))

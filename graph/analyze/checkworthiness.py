"""Check-worthiness: a hand-weighted linear feature score squashed into 0..1.

Features are lexical cues of checkable factual content (numbers, statistics, changes and
comparisons, a number with a superlative / past action / third-person subject, policy topics)
minus cues of non-checkable talk (questions, opinions, predictions and modals, talk about the
conversation itself, first-person asides, very short turns, stage directions). The weights are
set by hand from 5-fold cross-validation over the CheckThat! train debates (see
docs/error-analysis.md); no model is trained or shipped. Sentence-only: articles give no speaker.
"""

from __future__ import annotations

import math
import re

_NUMBER = re.compile(
    r"\d|\b(?:hundred|thousand|million|billion|trillion|half|twice|double|triple|dozens?)\b",
    re.I,
)
_STAT = re.compile(
    r"\d\s*(?:%|percent|per cent)|\bpercent\b|\$\s?\d|\b(?:million|billion|trillion)s?\b"
    r"|\b\d[\d,.]*\s+(?:people|jobs|americans|dollars|years|times|workers|children|women|men|"
    r"immigrants|refugees|countries|states)\b",
    re.I,
)
_CHANGE = re.compile(
    r"\b(?:more|less|fewer|higher|lower|larger|smaller|bigger|increased?|decreased?|doubled|"
    r"tripled|rose|risen|fell|fallen|grew|grown|dropped|cut|cuts|raised|lost|gained|created|"
    r"added|saved|went up|went down|than|since|ago)\b",
    re.I,
)
#: superlatives and absolutes ("the largest", "never", "first time"): count only together
#: with a number (see "detail"); alone they are as common in rhetoric as in claims
_SUPERLATIVE = re.compile(
    r"\b(?:largest|biggest|highest|lowest|worst|best|greatest|most|least|record|ever|never|"
    r"first|only|all-time|nobody|no one|every|any other|single)\b|\b\w{3,}est\b",
    re.I,
)
_PAST = re.compile(
    r"\b(?:voted|passed|signed|created|killed|spent|paid|won|built|approved|supported|opposed|"
    r"released|took|gave|called|fought|caught|sent|lost|cut|raised|increased|doubled|tripled|"
    r"closed|moved|left|started|ended|added|wiped|invaded|destroyed|allowed|admitted|"
    r"deported|borrowed|owed|owes|owns|hired|fired|sued)\b",
    re.I,
)
_THIRD = re.compile(r"\b(?:he|she|they|his|her|their|him|them)\b", re.I)
#: policy / economy / security topics of checkable claims (a small hand-built lexicon)
_TOPIC = re.compile(
    r"\b(?:tax(?:es|ed|payers?)?|jobs?|unemploy\w*|employ\w*|wages?|deficit|debt|budget|"
    r"econom(?:y|ic)|immigra\w*|illegal|border|crime|isis|iran|iraq|syria|russia|china|mexico|"
    r"trade|tariffs?|deal|health ?care|obamacare|premiums?|insurance|wall|police|guns?|"
    r"military|war|troops|veterans|regulations?|minimum wage|billionaires?|companies|"
    r"manufacturing|nuclear|terroris\w+|refugees|abortion|prison|drugs?|energy|oil|coal|"
    r"climate|emails?|senate|congress|bills?|law|poverty|income|social security|medicare|"
    r"medicaid|students?|college|banks?|spending|spent|spend|dollars?|money|government|"
    r"federal|inflation|gdp|growth|plan|program|families|workers|middle class|wealthy|rich|"
    r"poor|costs?|prices?|murders?|killed|deaths?|visa|amnesty|sanctuary|deport\w*|nato|"
    r"treaty|agreement|nafta|funding|funded|loans?|pension|gas|schools?|education|"
    r"vot(?:e|es|ed|ing))\b",
    re.I,
)
_OPINION = re.compile(
    r"\b(?:i think|i believe|i feel|i hope|i want|i'm going to|i will|we will|we're going to|"
    r"we are going to|we need|we must|we have to|let me|let's|thank you|thanks|"
    r"congratulations|i'd like|i would|i love|god bless|my friend|of course|frankly|"
    r"believe me|i agree|i disagree|i know|you know|good evening|welcome)\b",
    re.I,
)
#: talk about the conversation itself (debate, question, answer, audience): not a claim
_META = re.compile(
    r"\b(?:thank(?:s| you)?|welcome|debate|stage|candidates?|answer|respond|response|"
    r"questions?|agree|disagree|let me|let's|talk(?:ing)? about|crosstalk|inaudible|applause|"
    r"laughter|nominee|audience|folks|ladies|gentlemen|tonight|congratulat\w+|honou?red|"
    r"appreciate|privilege)\b",
    re.I,
)
_FIRST_PERSON = re.compile(r"\b(?:i'm|me|my|myself|i've|i'd)\b", re.I)
_FUTURE = re.compile(r"\b(?:will|'ll|gonna|going to|should|would|could|must|might|may)\b", re.I)
_QUESTION = re.compile(r"\?\s*[\"'”’)]*\s*$")
_NOISE = re.compile(r"^\s*[\[(][^\])]*[\])]\s*$")
_CAP_WORD = re.compile(r"(?<=\s)[A-Z][a-z]+")
_WORDS = re.compile(r"\w+")

WEIGHTS: dict[str, float] = {
    "bias": -3.0,
    "number": 0.9,
    "stat": 0.8,
    "change": 0.35,
    "detail": 0.5,  # a number plus a comparison, superlative, past action or third person
    "topic": 0.35,
    "opinion": -1.1,
    "future": -0.8,
    "meta": -0.5,
    "first_person": -0.3,
    "question": -1.5,
    "short": -1.2,
    "noise": -4.0,
    "length": 0.8,
    # computed for inspection, weighted 0: alone they lowered train MAP (see docs)
    "superlative": 0.0,
    "past": 0.0,
    "third_person": 0.0,
    "entities": 0.0,
}


def features(sentence_text: str) -> dict[str, float]:
    """Feature values of a sentence (counts are capped)."""
    s = sentence_text.strip()
    n = len(_WORDS.findall(s))

    def count(rx: re.Pattern[str], cap: int) -> float:
        return float(min(len(rx.findall(s)), cap))

    number = count(_NUMBER, 2)
    superlative = count(_SUPERLATIVE, 2)
    change = count(_CHANGE, 3)
    past = count(_PAST, 2)
    third = count(_THIRD, 3)
    detail = number > 0 and (superlative or change or past or third)
    return {
        "bias": 1.0,
        "number": number,
        "stat": count(_STAT, 2),
        "change": change,
        "detail": float(bool(detail)),
        "topic": count(_TOPIC, 3),
        "opinion": count(_OPINION, 2),
        "future": count(_FUTURE, 2),
        "meta": count(_META, 2),
        "first_person": count(_FIRST_PERSON, 2),
        "question": float(bool(_QUESTION.search(s))),
        "short": float(n < 7),
        "noise": float(bool(_NOISE.match(s)) or n == 0),
        "length": math.log1p(min(n, 60)) / math.log(61),
        "superlative": superlative,
        "past": past,
        "third_person": third,
        "entities": count(_CAP_WORD, 4),
    }


def check_worthiness(sentence_text: str, weights: dict[str, float] | None = None) -> float:
    """Score in 0..1; higher = more worth checking."""
    w = weights or WEIGHTS
    z = sum(w.get(k, 0.0) * v for k, v in features(sentence_text).items())
    return 1.0 / (1.0 + math.exp(-z))

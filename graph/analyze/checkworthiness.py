"""Check-worthiness: a hand-weighted linear feature score squashed into 0..1.

Features are lexical cues of checkable factual content (numbers and quantities, statistics,
changes, trends and comparisons, a number with a superlative / past action / third-person subject,
record-type superlatives, the scope of a comparison ("in 50 years"), "in fact" assertions, what a
third person did or said, policy topics) minus cues of non-checkable talk (questions, opinions,
predictions and modals, talk about the conversation itself, addressing someone by title,
first-person asides, very short turns, stage directions). The weights are set by hand from 5-fold
cross-validation over the CheckThat! train debates (see docs/error-analysis.md); no model is
trained or shipped.

:func:`check_worthiness` sees one sentence (articles give no speaker). For a transcript (speaker,
sentence lines in order), :func:`transcript_check_worthiness` adds what the sentence alone cannot
show: who asks the questions (moderators, interviewers) and who barely speaks.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

_NUMBER = re.compile(
    r"\d|\b(?:hundred|thousand|million|billion|trillion|half|twice|double|triple|dozens?)\b",
)
_STAT = re.compile(
    r"\d\s*(?:%|percent|per cent)|\bpercent\b|\$\s?\d|\b(?:million|billion|trillion)s?\b"
    r"|\b\d[\d,.]*\s+(?:people|jobs|americans|dollars|years|times|workers|children|women|men|"
    r"immigrants|refugees|countries|states)\b",
)
_CHANGE = re.compile(
    r"\b(?:more|less|fewer|higher|lower|larger|smaller|bigger|increased?|decreased?|doubled|"
    r"tripled|rose|risen|fell|fallen|grew|grown|dropped|cut|cuts|raised|lost|gained|created|"
    r"added|saved|went up|went down|than|since|ago)\b",
)
#: superlatives and absolutes ("the largest", "never", "first time"): count only together
#: with a number (see "detail"); alone they are as common in rhetoric as in claims
_SUPERLATIVE = re.compile(
    r"\b(?:largest|biggest|highest|lowest|worst|best|greatest|most|least|record|ever|never|"
    r"first|only|all-time|nobody|no one|every|any other|single)\b|\b\w{3,}est\b",
)
_PAST = re.compile(
    r"\b(?:voted|passed|signed|created|killed|spent|paid|won|built|approved|supported|opposed|"
    r"released|took|gave|called|fought|caught|sent|lost|cut|raised|increased|doubled|tripled|"
    r"closed|moved|left|started|ended|added|wiped|invaded|destroyed|allowed|admitted|"
    r"deported|borrowed|owed|owes|owns|hired|fired|sued)\b",
)
#: a quantity: a number that is not a year, an ordinal or a clock time / duration in minutes
_QUANTITY = re.compile(
    r"(?<![\w.])(?!(?:19|20)\d\d\b(?![,.]\d))\d[\d,.]*(?!\d|[,.]?\d|\s*(?:th|st|nd|rd)\b|"
    r"\s*(?:seconds?|minutes?|o'clock|a\.m|p\.m)\b)"
    r"|\b(?:hundreds?|thousands?|millions?|billions?|trillions?|half|twice|double|triple|dozens?)\b",
)
#: movement of a quantity ("premiums are going up 60 percent", "crime fell")
_TREND = re.compile(
    r"\b(?:up|down|increase[sd]?|decrease[sd]?|rise|rising|rose|fell|falling|soar(?:ed|ing)?|"
    r"skyrocket\w*|plummet\w*|surged?|jumped|doubled|tripled|quadrupled)\b",
)
#: record-type superlatives, checkable against a record (unlike "best", "ever", "every")
_RECORD = re.compile(
    r"\b(?:most|largest|biggest|highest|lowest|worst|fastest|greatest|record)\b"
)
#: the reference set or span of a comparison ("in the world", "in 50 years", "since 1977",
#: "than any other country"): what makes a record claim checkable
_SCOPE = re.compile(
    r"\b(?:in the (?:world|history|country)|on earth|on the planet|"
    r"in (?:our |american |u\.s\. |recorded )?history|"
    r"in (?:over |more than |almost |nearly |about |the last |the past )?(?:\d[\d,]*|two|three|"
    r"four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|a hundred|a few|several)[- ](?:years|decades)|"
    r"since (?:19|20)\d\d|since (?:world war|the great depression)|"
    r"(?:of|than) any (?:other )?(?:\w+ )?(?:country|countries|state|nation|president|governor|"
    r"candidate|city|cities|time)|on record|ever recorded)\b"
)
#: asserting a fact against a belief ("in fact", "actually", "the truth is")
_ASSERT = re.compile(r"\b(?:actually|in fact|the truth|the fact)\b")
#: what a third person did or said ("she voted", "he never paid", "he said")
_THIRD_ACT = re.compile(
    r"\b(?:he|she)\s+(?:\w+ly\s+)?(?:\w+ed|wants|was|has|had|did|does|took|gave|got|"
    r"made|went|called|supports?|voted|never|doesn't|didn't|wasn't)\b",
)
#: addressing someone by title ("Senator Sanders, you ..." / "..., Governor."): a conversational
#: turn; a leading title needs "you" too, as news writes "President Biden, who ..."
_ADDRESS = re.compile(
    r"^\W*(?:(?:Mr|Mrs|Ms|Dr)\.?|Senator|Governor|Secretary|President|Congressman|Congresswoman|"
    r"Mayor|Vice President)\s+[A-Z][\w'-]+,.*\b(?:you|your)\b|,\s+(?:(?:Mr|Mrs|Ms)\.?|Senator|"
    r"Governor|Secretary)(?:\s+[A-Z][\w'-]+)?[.?!]?\s*$"
)
_THIRD = re.compile(r"\b(?:he|she|they|his|her|their|him|them)\b")
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
)
_OPINION = re.compile(
    r"\b(?:i think|i believe|i feel|i hope|i want|i'm going to|i will|we will|we're going to|"
    r"we are going to|we need|we must|we have to|let me|let's|thank you|thanks|"
    r"congratulations|i'd like|i would|i love|god bless|my friend|of course|frankly|"
    r"believe me|i agree|i disagree|i know|you know|good evening|welcome)\b",
)
#: talk about the conversation itself (debate, question, answer, audience): not a claim
_META = re.compile(
    r"\b(?:thank(?:s| you)?|welcome|debate|stage|candidates?|answer|respond|response|"
    r"questions?|agree|disagree|let me|let's|talk(?:ing)? about|crosstalk|inaudible|applause|"
    r"laughter|nominee|audience|folks|ladies|gentlemen|tonight|congratulat\w+|honou?red|"
    r"appreciate|privilege)\b",
)
_FIRST_PERSON = re.compile(r"\b(?:i'm|me|my|myself|i've|i'd)\b")
_FUTURE = re.compile(r"\b(?:will|'ll|gonna|going to|should|would|could|must|might|may)\b")
_QUESTION = re.compile(r"\?\s*[\"'”’)]*\s*$")
_NOISE = re.compile(r"^\s*[\[(][^\])]*[\])]\s*$")
_WORDS = re.compile(r"\w+")

WEIGHTS: dict[str, float] = {
    "bias": -3.0,
    "number": 0.5,
    "quantity": 0.25,  # on top of "number": not a year / ordinal / clock time
    "stat": 0.8,
    "change": 0.35,
    "trend": 0.5,
    "record": 0.25,
    "scope": 0.25,
    "assert": 0.25,
    "third_act": 0.15,
    "detail": 0.5,  # a number plus a comparison, superlative, past action or third person
    "topic": 0.35,
    "opinion": -0.8,
    "future": -0.8,
    "meta": -0.5,
    "address": -0.5,
    "first_person": -0.3,
    "question": -1.5,
    "short": -1.2,
    "noise": -4.0,
    "length": 0.8,
    # computed for inspection, weighted 0: alone they lowered train MAP (see docs)
    "superlative": 0.0,
    "past": 0.0,
    "third_person": 0.0,
}


def features(sentence_text: str) -> dict[str, float]:
    """Feature values of a sentence (counts are capped)."""
    s = sentence_text.strip()
    n = len(_WORDS.findall(s))

    low = s.lower()  # the lexical patterns are lower case: no re.I (3x faster)

    def count(rx: re.Pattern[str], cap: int) -> float:
        return float(min(len(rx.findall(low)), cap))

    number = count(_NUMBER, 2)
    superlative = count(_SUPERLATIVE, 2)
    change = count(_CHANGE, 3)
    past = count(_PAST, 2)
    third = count(_THIRD, 3)
    detail = number > 0 and (superlative or change or past or third)
    return {
        "bias": 1.0,
        "number": number,
        "quantity": count(_QUANTITY, 2),
        "stat": count(_STAT, 2),
        "change": change,
        "trend": count(_TREND, 2),
        "record": count(_RECORD, 2),
        "scope": count(_SCOPE, 1),
        "assert": count(_ASSERT, 1),
        "third_act": count(_THIRD_ACT, 2),
        "detail": float(bool(detail)),
        "topic": count(_TOPIC, 3),
        "opinion": count(_OPINION, 2),
        "future": count(_FUTURE, 2),
        "meta": count(_META, 2),
        "address": float(bool(_ADDRESS.search(s))),
        "first_person": count(_FIRST_PERSON, 2),
        "question": float(bool(_QUESTION.search(s))),
        "short": float(n < 7),
        "noise": float(bool(_NOISE.match(s)) or n == 0),
        "length": math.log1p(min(n, 60)) / math.log(61),
        "superlative": superlative,
        "past": past,
        "third_person": third,
    }


def _logit(sentence_text: str, weights: dict[str, float] | None = None) -> float:
    w = weights or WEIGHTS
    return sum(w.get(k, 0.0) * v for k, v in features(sentence_text).items())


def _squash(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def check_worthiness(sentence_text: str, weights: dict[str, float] | None = None) -> float:
    """Score in 0..1; higher = more worth checking."""
    return _squash(_logit(sentence_text, weights))


#: transcript cues, added to the sentence score (see transcript_features)
TRANSCRIPT_WEIGHTS: dict[str, float] = {
    "questioner": -1.0,  # the speaker asks: moderators, interviewers, audience questions
    "minor": -1.0,  # the speaker has under 30% of the lines of the most frequent speaker
}
#: a speaker asks questions when more than this share of their sentences are questions
QUESTIONER_SHARE = 0.15
MINOR_SHARE = 0.3


def transcript_features(lines: Sequence[tuple[str, str]]) -> list[dict[str, float]]:
    """Transcript cues of each (speaker, sentence) line, in order (see TRANSCRIPT_WEIGHTS).

    Derived from the transcript alone; speakers are compared by name (case-insensitive).
    """
    speakers = [sp.strip().casefold() for sp, _ in lines]
    n_lines = Counter(speakers)
    n_questions = Counter(
        sp for sp, (_, s) in zip(speakers, lines, strict=True) if _QUESTION.search(s)
    )
    most = max(n_lines.values(), default=1)
    several = len(n_lines) > 1  # one speaker (a speech, an article): the sentences alone
    cues = {
        sp: {
            "questioner": float(several and n_questions[sp] / n > QUESTIONER_SHARE),
            "minor": float(n / most < MINOR_SHARE),
        }
        for sp, n in n_lines.items()
    }
    return [dict(cues[sp]) for sp in speakers]


def transcript_check_worthiness(
    lines: Sequence[tuple[str, str]],
    weights: dict[str, float] | None = None,
    transcript_weights: dict[str, float] | None = None,
) -> list[float]:
    """Scores in 0..1 of a transcript's (speaker, sentence) lines, in order.

    The sentence score of :func:`check_worthiness` plus the transcript cues; a transcript with one
    speaker scores as its sentences alone.
    """
    tw = transcript_weights or TRANSCRIPT_WEIGHTS
    return [
        _squash(_logit(s, weights) + sum(tw.get(k, 0.0) * v for k, v in tf.items()))
        for (_, s), tf in zip(lines, transcript_features(lines), strict=True)
    ]

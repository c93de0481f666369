"""Hedging (speculation) and negation cues inside a span.

Rules chosen (see docs/error-analysis.md):
- modal verbs may/might/could/would/should count, except "could not"/"couldn't" in a past
  narrative, "would" in reported past habits is still counted (rarely separable by rules);
  "May" the month is not a modal;
- future tense ("will", "'ll", "shall", "is going to", "is set/scheduled/slated/due to")
  counts as a *prediction* (news profile) unless it is a scheduled future: a concrete time
  anchor (a date, month, weekday, "next week", "during construction") and a predicate that
  is an action or event, not a forecast of a quantity or consequence ("will bring 300 jobs",
  "will double next year" stay hedges). See :func:`is_scheduled_future`;
- "is expected to", "is likely to", "plans to" (intent, not fact) always count;
- "whether", "or not", "if ... will/would/could" count.
"""

from __future__ import annotations

import re

from graph.analyze.hedge_lexicon import (
    EVENT_ANCHOR,
    FORECAST_AFTER_BE,
    FORECAST_VERBS,
    FUTURE_ADVERBS,
    TIME_ANCHOR,
    WILL_NOUN_BEFORE,
)
from graph.model import Cue, Span

_W = r"(?<![\w-])"
_E = r"(?![\w-])"

_HEDGE_WORDS = (
    # modal verbs
    r"may|might|could|would|should|must(?=\s+(?:have|be)\b)"
    # speculation verbs (all forms)
    r"|suggest(?:s|ed|ing)?|indicat(?:e|es|ed|ing)|appear(?:s|ed)?|seem(?:s|ed|ingly)?"
    r"|believ(?:e|es|ed)|expect(?:s|ed)?|speculat(?:e|es|ed|ing|ion|ive)"
    r"|estimat(?:e|es|ed)|hint(?:s|ed)?|assum(?:e|es|ed)|predict(?:s|ed)?"
    r"|presum(?:e|es|ed|ably)|suspect(?:s|ed)?|propos(?:e|es|ed)|hypothes[ie]s(?:e|ed|is)?"
    r"|imply|implies|implied|think|thinks|thought|guess(?:es|ed)?|doubt(?:s|ed|ful)?"
    r"|consider(?:ed)?(?=\s+(?:to|as|likely|possible))|tend(?:s|ed)?(?=\s+to)"
    r"|rumou?r(?:s|ed)?|claim(?:s|ed)?(?=\s+(?:to|that))"
    # adverbs and adjectives
    r"|likely|unlikely|possibl[ey]|possibility|probabl[ey]|perhaps|maybe|reportedly|allegedly"
    r"|apparent(?:ly)?|potential(?:ly)?|unconfirmed|unclear|uncertain(?:ty)?|unknown"
    r"|conceivabl[ey]|presumabl[ey]|supposedly|purportedly|putative(?:ly)?|plausibl[ey]"
    r"|seemingly|arguably|roughly|approximately|about(?=\s+\$?\d)|around(?=\s+\$?\d)"
    r"|hope(?:s|d)?(?=\s+(?:to|that))|if|whether|or\s+not|either"
    r"|in\s+theory|not\s+(?:yet\s+)?clear|no\s+guarantee"
)

_HEDGE = re.compile(rf"{_W}(?:{_HEDGE_WORDS}){_E}", re.IGNORECASE)
_PHRASES = re.compile(
    rf"{_W}(?:(?:is|are|was|were|be|been|remains?)\s+(?:widely\s+|still\s+)?"
    rf"(?:expected|set|likely|poised|projected|forecast|rumou?red|thought|believed|said|"
    rf"scheduled|slated|due)\s+to"
    rf"|plan(?:s|ned)?\s+to|aim(?:s|ed)?\s+to|intend(?:s|ed)?\s+to"
    rf"|(?:will|'ll|won't|shall)|(?:is|are|am)\s+going\s+to){_E}",
    re.IGNORECASE,
)
_COULD_NOT = re.compile(r"(?:could|would)(?:\s+not|n't)\s", re.IGNORECASE)
_IF_WORDS = re.compile(rf"{_W}if{_E}", re.IGNORECASE)

_NEG = re.compile(
    rf"(?:n['’]t|{_W}(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot|"
    rf"den(?:y|ies|ied|ying)|refus(?:e|es|ed|ing)|lack(?:s|ed|ing)?|absence|fail(?:s|ed)?\s+to|"
    rf"unable|rul(?:e|es|ed)\s+out|rejected))"
    rf"(?=\W|$)",
    re.IGNORECASE,
)
_NEG_EXCEPT = re.compile(
    r"not only|no doubt|not just|no longer than|nothing but|never been better|no matter"
    r"|whether or not",
    re.IGNORECASE,
)


PROFILES = ("news", "bio", "review")
_PREDICTION = re.compile(r"(?:will|'ll|won't|shall|(?:is|are|am)\s+going\s+to)$", re.IGNORECASE)
_SCHEDULE = re.compile(
    r"(?:is|are|was|were|be|been|remains?)\s+(?:widely\s+|still\s+)?"
    r"(?:set|scheduled|slated|due)\s+to$", re.IGNORECASE)
_CAUSAL_DUE = re.compile(
    r"\s+(?:the|a|an|its|their|his|her|our|this|that|these|those|lack|poor|high|low|"
    r"heavy|bad|increased|reduced|rising|falling)\b", re.IGNORECASE)
_PLAN_NOUN = re.compile(r"plans?\s+to$", re.IGNORECASE)
_PLAN_DETERMINERS = frozenset("no any the its their his her our my your these those".split())
_PLACE_AFTER = re.compile(r"\s+(?:in|on|at|before|with|alongside)\b")
_SENT_END = re.compile(r"[.!?](?=[\"”’')\]]*(?:\s|$))|\n")
#: "said on Monday", "announced Tuesday": the date of the saying, not of the future event
_SAID_WHEN = re.compile(
    r"\b(?:said|says|told\s+\w+|announced|stated|added|wrote|reported|confirmed|tweeted)"
    r"\s+(?:on\s+|late\s+|early\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|"
    r"yesterday|(?:this|last)\s+\w+)\b", re.IGNORECASE)
_LABEL = re.compile(r"\s*[\"“]?((?:viral\s+)?claim|rumou?r)\s*:\s*", re.IGNORECASE)
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
_BE_AMOUNT = re.compile(r"\s+be\s+(?:(?:about|around|roughly|nearly|almost|over|under|at\s+least)"
                        r"\s+)?[$€£¥]?\d", re.IGNORECASE)
#: "should" as a prediction ("should be ready", "should cost"), not advice ("should publish")
_EPISTEMIC_SHOULD = re.compile(
    r"\s+(?:not\s+)?(?:be|arrive|reach|rise|fall|increase|decrease|drop|grow|improve|cost|last"
    r"|take|happen|come|see|result|lead|finish|end|open|close)\b", re.IGNORECASE)
_CONDITIONAL_CONSEQUENCE = re.compile(
    r"\b(?:would|could|might|may|will|won't|'ll|shall|likely|going\s+to)\b", re.IGNORECASE)
_REVIEW_EXTRA = re.compile(rf"{_W}(?:or|can|cannot|ought|suppose[sd]?)(?![\w-])",
                           re.IGNORECASE)


def find_hedges(text: str, span: Span, profile: str = "news") -> list[Cue]:
    """Speculation cues in ``text[span.start:span.end]`` (absolute offsets).

    ``profile``: "news" (default, the product rule set: lexical speculation cues plus
    future predictions "will" / "is going to" that are not scheduled, dated actions);
    "bio" (CoNLL-2010 / BioScope conventions: no predictions); "review" (SFU Review
    guidelines: also disjunction "or", epistemic "can", "either", "ought"; no predictions).
    """
    if profile not in PROFILES:
        raise ValueError(f"unknown hedge profile {profile!r}; use one of {PROFILES}")
    cues: list[Cue] = []
    for m in _HEDGE.finditer(text, span.start, span.end):
        word = m.group(0).lower()
        if word in ("could", "would") and _COULD_NOT.match(text, m.start()):
            # "could not attend" is past inability, not speculation; "would not" is refusal
            continue
        if word in ("either", "about", "around", "roughly", "approximately"):
            continue
        if m.group(0) == "May" and _is_month_may(text, span, m.start()):
            continue
        if profile == "news" and _not_epistemic(text, m, word):
            continue
        cues.append(Cue(Span(m.start(), m.end()), m.group(0), "hedge"))
    for m in _PHRASES.finditer(text, span.start, span.end):
        cue = m.group(0)
        if _PREDICTION.match(cue):
            if profile != "news" or _is_will_noun(text, span, m.start(), cue):
                continue
            if is_scheduled_future(text, span, m.start(), m.end()):
                continue
        elif _SCHEDULE.match(cue):
            if _CAUSAL_DUE.match(text, m.end()) and cue.lower().endswith("due to"):
                continue  # "was due to the rain": a cause, not a schedule
            if is_scheduled_future(text, span, m.start(), m.end()):
                continue
        elif _PLAN_NOUN.match(cue) and _after_determiner(text, span, m.start()):
            continue  # "has no plans to", "any plans to relocate": a noun, not intent
        cues.append(Cue(Span(m.start(), m.end()), cue, "hedge"))
    label = _review_label(text, span) if profile == "news" else None
    if label is not None:
        cues.append(label)
    if profile == "review":
        for m in _REVIEW_EXTRA.finditer(text, span.start, span.end):
            cues.append(Cue(Span(m.start(), m.end()), m.group(0), "hedge"))
    cues.sort(key=lambda c: c.span.start)
    return _dedupe(text, cues)


def is_scheduled_future(text: str, span: Span, start: int, end: int) -> bool:
    """Is the future marker ``text[start:end]`` a scheduled action, not a prediction?

    True when (1) the predicate after the marker is not a forecast verb (quantity change,
    consequence, outcome: "bring", "double", "cost", "extend") nor "be" + an evaluation or
    comparison ("be cheaper", "be a blow"); and (2) the clause holds a concrete time anchor
    (date, month, weekday, year, "next week", "this month", a clock time) or names the
    scheduled period it belongs to ("during construction", "while crews work").
    """
    lo, hi = _clause(text, span, start, end)
    if span.end - span.start > end - start:  # a claim's content: only its own words anchor it
        lo, hi = max(lo, span.start), min(hi, span.end)
    if _forecast_predicate(text[end:hi]):
        return False
    clause = _SAID_WHEN.sub(" ", text[lo:hi])
    return bool(TIME_ANCHOR.search(clause) or EVENT_ANCHOR.search(clause))


def _clause(text: str, span: Span, start: int, end: int) -> tuple[int, int]:
    """The clause of a future marker: its sentence (which may reach past ``span`` when the
    span is an attribution cue such as "will recall"), cut at semicolons."""
    lo = span.start
    for m in _SENT_END.finditer(text, max(0, span.start - 400), span.start):
        lo = m.end()
    hi_m = _SENT_END.search(text, max(end, span.end - 1))
    hi = hi_m.end() if hi_m else len(text)
    lo = max(lo, text.rfind(";", lo, start) + 1)
    semi = text.find(";", end, hi)
    return lo, semi if semi >= 0 else hi


def _review_label(text: str, span: Span) -> Cue | None:
    """ "Claim: ..." / "Rumor: ..." opening a sentence in a fact-check: the claim under review
    is not asserted by the outlet. The label may sit just before ``span`` (an attribution
    reading of the colon leaves it out of the content)."""
    lo, _ = _clause(text, span, span.start, span.start)
    m = _LABEL.match(text, lo)
    if m is None or m.end() < span.start or m.start(1) >= span.end:
        return None
    return Cue(Span(m.start(1), m.end(1)), m.group(1), "hedge")


def _forecast_predicate(rest: str) -> bool:
    if _BE_AMOUNT.match(rest):
        return True  # "growth in 2019 will be 3.5%": a future quantity is a forecast
    words = [w.lower() for w in _TOKEN.findall(rest[:120])]
    while words and words[0] in FUTURE_ADVERBS:
        words.pop(0)
    if not words:
        return True
    head = words[0]
    if head == "have" and len(words) > 1 and words[1] == "been":
        head = "be"
        words = words[1:]
    if head == "be":
        nxt = words[1] if len(words) > 1 else ""
        if nxt in FORECAST_AFTER_BE or (nxt.endswith("est") and len(nxt) > 5):
            return True
        return False  # a passive action ("be published") or a state ("be open")
    if head == "take" and len(words) > 1 and words[1] in ("effect", "place", "office"):
        return False  # "will take effect on January 1": a scheduled event
    return head in FORECAST_VERBS


def _is_month_may(text: str, span: Span, pos: int) -> bool:
    """Capitalised "May" inside a sentence is the month ("due in May", "May 5")."""
    before = text[span.start : pos].rstrip()
    return bool(before) and before[-1] not in "\"“‘'(:"


def _is_will_noun(text: str, span: Span, pos: int, cue: str) -> bool:
    if cue.lower() != "will":
        return False
    if cue == "Will" and text[span.start : pos].strip():
        return True  # a name inside the sentence ("Will Smith")
    prev = _TOKEN.findall(text[max(span.start, pos - 30) : pos])
    return bool(prev) and prev[-1].lower() in WILL_NOUN_BEFORE


def _after_determiner(text: str, span: Span, pos: int) -> bool:
    prev = _TOKEN.findall(text[max(span.start, pos - 30) : pos])
    return bool(prev) and prev[-1].lower() in _PLAN_DETERMINERS


def _not_epistemic(text: str, m: re.Match[str], word: str) -> bool:
    """News-only readings that are not speculation: "appeared in the Times" (place),
    "proposed a tax" (an act), "the city should publish" (advice, not a guess), and a bare
    "if" with no modal or future in its sentence ("penalties ... if the work finishes late":
    a term of the contract, not a conditional prediction)."""
    after = text[m.end() : m.end() + 12].lower()
    if word.startswith("appear"):
        return bool(_PLACE_AFTER.match(after))
    if word.startswith("propos"):
        return not after.lstrip().startswith("that")
    if word == "should":
        return not _EPISTEMIC_SHOULD.match(text, m.end())
    if word == "if":
        start, end = _sentence_bounds(text, m.start())
        return not _CONDITIONAL_CONSEQUENCE.search(text, start, end)
    return False


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    starts = [e.end() for e in _SENT_END.finditer(text, 0, pos)]
    end = _SENT_END.search(text, pos)
    return (starts[-1] if starts else 0), (end.end() if end else len(text))


def find_negations(text: str, span: Span) -> list[Cue]:
    """Negation cues of the claim in ``text[span.start:span.end]``."""
    out: list[Cue] = []
    excluded = [
        (m.start(), m.end()) for m in _NEG_EXCEPT.finditer(text, span.start, span.end)
    ]
    for m in _NEG.finditer(text, span.start, span.end):
        if any(a <= m.start() < b for a, b in excluded):
            continue
        out.append(Cue(Span(m.start(), m.end()), m.group(0), "negation"))
    return out


def _dedupe(text: str, cues: list[Cue]) -> list[Cue]:
    out: list[Cue] = []
    for c in cues:
        if out and c.span.start < out[-1].span.end:
            if c.span.end > out[-1].span.end:
                sp = Span(out[-1].span.start, c.span.end)
                out[-1] = Cue(sp, text[sp.start : sp.end], "hedge")
            continue
        out.append(c)
    return out

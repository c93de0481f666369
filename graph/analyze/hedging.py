"""Hedging (speculation) and negation cues inside a span.

Rules chosen (see docs/error-analysis.md):
- modal verbs may/might/could/would/should count, except "could not"/"couldn't" in a past
  narrative, "would" in reported past habits is still counted (rarely separable by rules);
- "will" / "is going to" count only as a *prediction*: not in attributed speech of intent?
  We count "will" as speculative (DESIGN: future predictions are speculative) when the
  subject is not first person and the sentence is not a question.
- "is expected to", "is likely to", "plans to" (intent, not fact) count; "is set to" counts.
- "whether", "or not", "if ... will/would/could" count.
"""

from __future__ import annotations

import re

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
_REVIEW_EXTRA = re.compile(rf"{_W}(?:or|can|cannot|ought|suppose[sd]?)(?![\w-])",
                           re.IGNORECASE)


def find_hedges(text: str, span: Span, profile: str = "news") -> list[Cue]:
    """Speculation cues in ``text[span.start:span.end]`` (absolute offsets).

    ``profile``: "news" (default, the product rule set: lexical speculation cues plus
    future predictions "will" / "is going to"); "bio" (CoNLL-2010 / BioScope conventions:
    no predictions); "review" (SFU Review guidelines: also disjunction "or", epistemic "can",
    "either", "ought"; no predictions).
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
        cues.append(Cue(Span(m.start(), m.end()), m.group(0), "hedge"))
    for m in _PHRASES.finditer(text, span.start, span.end):
        if profile != "news" and _PREDICTION.match(m.group(0)):
            continue
        cues.append(Cue(Span(m.start(), m.end()), m.group(0), "hedge"))
    if profile == "review":
        for m in _REVIEW_EXTRA.finditer(text, span.start, span.end):
            cues.append(Cue(Span(m.start(), m.end()), m.group(0), "hedge"))
    cues.sort(key=lambda c: c.span.start)
    return _dedupe(text, cues)


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

"""Content spans of attributions: what follows a cue ("told reporters on Tuesday that ..."),
and whether a trailing cue's tail is only an adverbial ("..., X said in a statement.")."""

from __future__ import annotations

from graph.analyze.attribution_cues import trim_span
from graph.analyze.attribution_inverted import right_np
from graph.analyze.lexicon import BREAK_RIGHT, DETERMINERS, OBJECT_VERBS, PREPOSITIONS, TIME_WORDS
from graph.analyze.tokens import Tok
from graph.model import Span

_ADVERBIAL = TIME_WORDS | PREPOSITIONS | DETERMINERS | frozenset(
    "statement interview email emails phone call conference news release tweet post "
    "recently later earlier previously also last late early".split()
)


def only_adverbial(text: str, span: Span | None) -> bool:
    """True when the text after a trailing cue is just "on Tuesday" / "in a statement"."""
    if span is None:
        return True
    words = [w.strip(".,;:!?\"'”’").lower() for w in text[span.start : span.end].split()]
    return all(not w or w in _ADVERBIAL or w[:1].isdigit() for w in words)


def n_words(text: str, span: Span | None) -> int:
    if span is None:
        return 0
    return sum(1 for w in text[span.start : span.end].split() if any(c.isalnum() for c in w))


def content_after_cue(text: str, toks: list[Tok], b: int, lemma: str, stop: int) -> Span | None:
    """Content after the cue: skip an indirect object, punctuation and "on Tuesday" to "that"."""
    k = b + 1
    if lemma in OBJECT_VERBS and k < len(toks):
        # "told reporters (that)", "told CNN on Sunday that ..."
        for m in range(k, min(k + 8, len(toks))):
            if toks[m].low == "that":
                k = m
                break
        else:
            obj = right_np(toks, k)
            if obj is None and toks[k].low in ("reporters", "them", "us", "me"):
                obj = (k, k)
            if obj:
                k = obj[1] + 1
    while k < len(toks) and toks[k].text in (",", ":", "—"):
        k += 1
    # "said on Tuesday that ...", "said in a statement that ..."
    for m in range(k, min(k + 6, len(toks))):
        if toks[m].low == "that" and m > k:
            if all(t.is_word and t.low not in BREAK_RIGHT - PREPOSITIONS - {"last", "this"}
                   for t in toks[k:m]):
                k = m
            break
    if k >= len(toks) or toks[k].start >= stop:
        return None
    return trim_span(text, toks[k].start, stop)

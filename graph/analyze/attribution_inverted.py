"""Inverted sources: "..., said David Wasserman, an elections analyst at X." - the noun
phrase right of a cue, whether it may end the clause, and its appositions."""

from __future__ import annotations

from graph.analyze.attribution_np import POSSESSIVES, VERBISH, closing_paren, np_segments, seg_kind
from graph.analyze.lexicon import BREAK_RIGHT, DETERMINERS, PREPOSITIONS, PRONOUNS, TIME_WORDS
from graph.analyze.lexicon import CORE_CUE_FORMS as CUE_FORMS
from graph.analyze.phrases import NOUN_SOURCES
from graph.analyze.tokens import Tok

Rng = tuple[int, int]


def right_np(toks: list[Tok], k: int) -> Rng | None:
    """Token range of the noun phrase starting at index k (inverted "said X")."""
    if k >= len(toks) or not toks[k].is_word:
        return None
    low = toks[k].low
    if low in PRONOUNS:
        return None if low in ("that", "which", "this", "its", "his", "their") else (k, k)
    titled = False
    if not (toks[k].is_cap or low in DETERMINERS or low in ("one", "two", "several", "many")
            or low in NOUN_SOURCES or low[:1].isdigit()):
        # lower-case title before a name: "said pollster Frank Luntz"
        for m in range(k, min(k + 4, len(toks))):
            if toks[m].is_cap:
                titled = m > k
                break
            if (not toks[m].is_word or toks[m].low in BREAK_RIGHT or toks[m].low in VERBISH
                    or toks[m].low in CUE_FORMS or toks[m].low in PREPOSITIONS):
                break
        if not titled:
            return None
    b = m = k
    while m < len(toks) and m - k < 10:
        t = toks[m]
        if t.text in POSSESSIVES or t.text in ("&", "-"):
            m += 1
            continue
        if t.text == "(" and m > k:
            close = closing_paren(toks, m, len(toks))
            if close is None:
                break
            b = m = close
            m += 1
            continue
        if t.text == "." and m > k and len(toks[m - 1].text) <= 3 and toks[m - 1].is_cap:
            m += 1  # "Robert P. Casey", "Jr."
            continue
        if not t.is_word or t.low in BREAK_RIGHT or t.low in VERBISH or (
                m > k and t.low in CUE_FORMS and not t.is_cap):
            break
        b = m
        m += 1
    return (k, b)


_AFTER_INVERTED = frozenset(
    """on in at during after before to of about last this yesterday today who which that
    earlier later when while as""".split()
)


def inverted_ok(toks: list[Tok], rng: Rng, strict: bool = False) -> bool:
    """ "..., said X." - X must end the clause (not "said she made her decision").

    ``strict``: only a sentence end or a comma may follow X.
    """
    nxt = rng[1] + 1
    if nxt >= len(toks):
        return True
    t = toks[nxt]
    if t.text in (".", ",", "!", "?", ";") or (not t.is_word and t.text not in "“\"‘'("):
        return True
    if strict or not t.is_word:
        return False
    if rng[0] == rng[1] and toks[rng[0]].low in PRONOUNS:
        return t.low in ("on", "in", "at", "during", "last", "this", "yesterday", "today")
    return t.low in _AFTER_INVERTED or t.low in TIME_WORDS


def extend_apposition(toks: list[Tok], b: int) -> int:
    """ "said David Wasserman, an elections analyst at X." -> to the end of the apposition.

    Participial and relative clauses ("..., referring to Trump", "..., who ...") are not part
    of the source; a noun-phrase apposition is.
    """
    if b + 2 >= len(toks) or toks[b + 1].text != ",":
        return b
    end = len(toks) - 1
    while end > b and not toks[end].is_word:
        end -= 1
    if end <= b + 1 or any(t.text in ("“", '"') for t in toks[b + 1 : end]):
        return b
    segs = [s for s in np_segments(toks, end + 1) if s[0] > b + 1]
    out = b
    for seg in segs:
        if seg_kind(toks, seg) != "np":
            break
        out = seg[1]
    return out

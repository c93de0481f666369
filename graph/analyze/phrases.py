"""Noun-phrase and quotation helpers for attribution (token-index based)."""

from __future__ import annotations

from graph.analyze.lexicon import SKIP_ADVERBIAL
from graph.analyze.tokens import Tok
from graph.model import Span

ADJ_SUFFIXES = ("al", "ive", "ous", "ic", "ful", "less", "able", "ible", "ary", "ern", "ish")
NEEDS_QUOTE = frozenset({"continue", "chant"})
FIRST_SECOND_PERSON = frozenset({"i", "we", "you"})
RELATIVE_WORDS = frozenset({"who", "which", "that"})
NOUN_SOURCES = frozenset(
    """officials official experts analysts sources aides people critics advocates observers
    residents voters supporters opponents democrats republicans lawmakers spokesman
    spokeswoman spokesperson police authorities investigators researchers scientists
    economists strategists advisers insiders polls surveys data numbers records documents
    results studies figures reports emails statistics estimates projections""".split()
)


def is_adverb(t: Tok) -> bool:
    return t.low in SKIP_ADVERBIAL or (t.low.endswith("ly") and len(t.low) > 4 and not t.is_cap)


def _according_np(toks: list[Tok], k: int) -> tuple[int, int] | None:
    """Source after "according to": up to the next comma / end (at most 12 tokens)."""
    m = k
    while m < len(toks) and m - k < 12 and toks[m].text not in (",", ";", ".", "—", ":"):
        if toks[m].text in ("“", "\"") or (toks[m].low in ("that", "which") and m > k):
            break
        m += 1
    return (k, m - 1) if m > k else None


def make_span(toks: list[Tok], rng: tuple[int, int]) -> Span:
    return Span(toks[rng[0]].start, toks[rng[1]].end)


OPENERS = frozenset({"“", "‘"})
_CLOSERS = frozenset({"”", "’"})



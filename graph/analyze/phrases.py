"""Noun-phrase and quotation helpers for attribution (token-index based)."""

from __future__ import annotations

from graph.analyze.lexicon import (
    BREAK_LEFT,
    BREAK_RIGHT,
    CUE_FORMS,
    DETERMINERS,
    PREPOSITIONS,
    PRONOUNS,
    SKIP_ADVERBIAL,
    TIME_WORDS,
)
from graph.analyze.tokens import Tok
from graph.model import Span

_ADJ_SUFFIXES = ("al", "ive", "ous", "ic", "ful", "less", "able", "ible", "ary", "ern", "ish")
_NEEDS_QUOTE = frozenset({"continue", "chant"})
_FIRST_SECOND = frozenset({"i", "we", "you"})
_REL = frozenset({"who", "which", "that"})
_NOUN_SOURCES = frozenset(
    """officials official experts analysts sources aides people critics advocates observers
    residents voters supporters opponents democrats republicans lawmakers spokesman
    spokeswoman spokesperson police authorities investigators researchers scientists
    economists strategists advisers insiders polls surveys data numbers records documents
    results studies figures reports emails statistics estimates projections""".split()
)


def _is_adverb(t: Tok) -> bool:
    return t.low in SKIP_ADVERBIAL or (t.low.endswith("ly") and len(t.low) > 4 and not t.is_cap)


def _left_np(toks: list[Tok], j: int) -> tuple[int, int] | None:
    """Token range [a, b] of the subject noun phrase ending at index j (inclusive)."""
    # skip time adverbials and adverbs between subject and verb ("Trump on Sunday said")
    while j >= 0 and (_is_adverb(toks[j]) or toks[j].low in TIME_WORDS):
        if toks[j].low in TIME_WORDS and j > 0 and toks[j - 1].low in ("on", "last", "this"):
            j -= 2
            continue
        j -= 1
    if j < 0 or not toks[j].is_word:
        return None
    if toks[j].low in PRONOUNS and toks[j].low not in ("his", "her", "their", "its"):
        return (j, j)
    if toks[j].low in BREAK_LEFT or toks[j].low in PREPOSITIONS:
        return None
    b = a = j
    k = j
    while k >= 0 and b - k < 10:
        t = toks[k]
        low = t.low
        if t.text in ("'s", "’s", "&", "-", "'", "’") and k < j:
            k -= 1
            continue
        if not t.is_word or low in BREAK_LEFT or (
            low in PRONOUNS and low not in ("his", "her", "their", "its")
        ):
            break
        if k < j and not t.is_cap and (low in CUE_FORMS or (
                low.endswith("ed") and k > 0 and toks[k - 1].low not in DETERMINERS)):
            break  # a verb: the subject ended before it
        a = k
        k -= 1
    # sentence-initial prepositional phrase without comma: keep the part after it
    if toks[a].low in PREPOSITIONS:
        for m in range(a + 1, b + 1):
            if (toks[m].is_cap or toks[m].low in ("the", "a", "an")) and toks[
                m - 1
            ].low not in DETERMINERS and toks[m - 1].low not in PREPOSITIONS:
                a = m
                break
        else:
            return None
    # appositive before the subject: "Larry Cohen, a senior adviser to Mr. Sanders, said"
    if a >= 2 and toks[a - 1].text == "," and toks[a].low in ("a", "an", "the"):
        x = a - 2
        while x >= 0 and (toks[x].is_cap or toks[x].text in ("'s", "’s", ".")):
            x -= 1
        if x < a - 2 and (x < 0 or toks[x].text == ",") and not (x < 0 and x + 2 == a - 1):
            a = x + 1
    return (a, b)


def _right_np(toks: list[Tok], k: int) -> tuple[int, int] | None:
    """Token range of the noun phrase starting at index k (inverted "said X")."""
    if k >= len(toks) or not toks[k].is_word:
        return None
    low = toks[k].low
    if low in PRONOUNS:
        return None if low in ("that", "which", "this", "its", "his", "their") else (k, k)
    if not (toks[k].is_cap or low in DETERMINERS or low in ("one", "two", "several", "many")
            or low in _NOUN_SOURCES):
        return None
    b = m = k
    while m < len(toks) and m - k < 10:
        t = toks[m]
        if t.text in ("'s", "’s", "&", "-"):
            m += 1
            continue
        if t.text == "(" and m > k:
            close = next((x for x in range(m + 1, min(m + 8, len(toks))) if toks[x].text == ")"),
                         None)
            if close is None:
                break
            b = m = close
            m += 1
            continue
        if t.text == "." and m > k and len(toks[m - 1].text) <= 3 and toks[m - 1].is_cap:
            m += 1  # "Robert P. Casey", "Jr."
            continue
        if not t.is_word or t.low in BREAK_RIGHT or (m > k and t.low in CUE_FORMS and not t.is_cap):
            break
        b = m
        m += 1
    return (k, b)


def _extend_apposition(toks: list[Tok], b: int) -> int:
    """ "said David Wasserman, an elections analyst at X." -> extend to the sentence end."""
    if b + 2 < len(toks) and toks[b + 1].text == ",":
        end = len(toks) - 1
        while end > b and not toks[end].is_word:
            end -= 1
        if end > b + 1 and not any(t.text in ("“", '"') for t in toks[b + 1 : end]):
            return end
    return b


def _according_np(toks: list[Tok], k: int) -> tuple[int, int] | None:
    """Source after "according to": up to the next comma / end (at most 12 tokens)."""
    m = k
    while m < len(toks) and m - k < 12 and toks[m].text not in (",", ";", ".", "—", ":"):
        if toks[m].text in ("“", "\"") or (toks[m].low in ("that", "which") and m > k):
            break
        m += 1
    return (k, m - 1) if m > k else None


def _span(toks: list[Tok], rng: tuple[int, int]) -> Span:
    return Span(toks[rng[0]].start, toks[rng[1]].end)


def _interrupted_subject(toks: list[Tok], left: int) -> tuple[int, int] | None:
    """ "Trump, speaking at a rally, warned ..." / "John Ryder, the RNC's counsel, replied"."""
    commas = [i for i in range(left) if toks[i].text == ","]
    if not commas or left - commas[0] > 30:
        return None
    c1 = commas[0]
    subj = (0, c1 - 1)
    if c1 == 0 or not toks[0].is_cap or any(t.low in BREAK_LEFT for t in toks[:c1]):
        return None
    if toks[c1 + 1].low.endswith("ing"):
        return subj
    return (0, left - 1)


def _subject_of_sentence(
    toks: list[Tok], upto: int, quoted: list[bool] | None = None
) -> tuple[int, int] | None:
    """First plausible subject before index ``upto`` (for participles: ", adding that ...")."""
    for i in range(upto):
        if quoted and quoted[i]:
            continue
        if toks[i].low in PRONOUNS and toks[i].low not in ("his", "her", "their", "its"):
            return (i, i)
        if toks[i].is_cap and toks[i].is_word and toks[i].low not in BREAK_LEFT:
            j = i
            while j + 1 < upto and (toks[j + 1].is_cap or toks[j + 1].text in ("'s", "’s")):
                j += 1
            return (i, j)
    return None


_OPENERS = frozenset({"“", "‘"})
_CLOSERS = frozenset({"”", "’"})


def _quoted_mask(toks: list[Tok]) -> list[bool]:
    """True for tokens inside a direct quotation (also one that opened in an earlier sentence).

    Straight quotes get their direction from spacing: glued to the previous token = closing.
    """
    kinds: list[int] = []  # +1 opener, -1 closer, 0 other
    for i, t in enumerate(toks):
        if t.text == "“" and i > 0 and toks[i - 1].end == t.start and toks[i - 1].text in ",.?!":
            kinds.append(-1)  # a mis-typed closing quote: 'here,“ said Jim'
        elif t.text in _OPENERS:
            kinds.append(1)
        elif t.text in _CLOSERS and t.text != "’":
            kinds.append(-1)
        elif t.text == '"' or (t.text == "'" and i + 1 < len(toks) and toks[i + 1].text == "'"):
            glued = i > 0 and toks[i - 1].end == t.start and toks[i - 1].text not in "\"'“"
            kinds.append(-1 if glued else 1)
        else:
            kinds.append(0)
    first = next((k for k in kinds if k), 0)
    inside = first == -1
    mask = [False] * len(toks)
    for i, k in enumerate(kinds):
        if k == 1:
            inside = True
        elif k == -1:
            inside = False
        else:
            mask[i] = inside
    return mask

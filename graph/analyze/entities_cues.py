"""Entity runs: splitting glued names and titles, structural type cues, non-entity filters.

A capitalised run can hold a title between two names ("Disney Chief Executive Bob Iger"), two
names joined by "for" or a headline's holiday ("Macron for Hong Kong", "Black Friday Apple"),
or be no name at all ("Nov", "Red", "Tbsp", "Chinese"). The words around a run type it
("Apple's CEO", "shares of Boeing", "the London-based", "Fresno, Calif.", "mayor of Reno").
"""

from __future__ import annotations

import re

from graph.analyze.entities_kinds import unglue
from graph.analyze.entities_lexicon import DEMONYMS, ORGS, PLACES
from graph.analyze.gazetteer import (
    COLOURS,
    COUNTRIES_STATES,
    DAY_ABBR,
    FIRST_NAMES,
    HOLIDAYS,
    HONORIFICS,
    LEAD_DROP,
    MONTH_ABBR,
    ORG_CUES,
    ORG_NEXT,
    ORG_TITLE_HEADS,
    PLACE_CUES,
    PLACE_TITLE_HEADS,
    PRODUCT_CUES,
    STATE_ABBR,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    UNITS,
)
from graph.analyze.tokens import Tok

Segment = tuple[int, int, str | None]  # token range [a, b) and a type hint

_MONTHS = frozenset(
    "january february march april june july august september october november december".split()
) | MONTH_ABBR  # not "may": "Theresa May"
_TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS
_CONNECT = frozenset({"of", "for", "and", "&", "de", "van", "von", "del", "la", "du", "da"})
_NOT_NAME = ORG_CUES | PLACE_CUES | PRODUCT_CUES | _TITLE_WORDS
_PLACE_BEFORE_OF = frozenset(
    """city town village suburb suburbs outskirts streets capital mayor governor province
    county state residents""".split()
)
#: Titles that name their owner when nothing follows ("Disney CEO", "U.S. Ambassador"), unlike
#: "Advocacy Director", a department.
_OWNED_TITLES = HONORIFICS | frozenset(
    """ceo cfo coo cto founder cofounder co-founder spokesperson spokesman spokeswoman coach
    chairman chairwoman""".split()
)
_TEAM_NEXT = frozenset(
    """coach quarterback linebacker receiver cornerback pitcher goalkeeper midfielder striker
    defender engineers executive""".split()
)
_ORG_BEFORE_PREP = ORG_TITLE_HEADS | frozenset("employees spokesperson owner".split())
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")


def _low(t: Tok) -> str:
    return t.low.rstrip(".")


def split_based(toks: list[Tok]) -> list[Tok]:
    """"London-based" -> "London", "Rose-Lynn's" -> "Rose-Lynn" (no part of the name); glued
    tokens apart ("MIAug", "Director_Park")."""
    out = []
    for t in (part for tok in toks for part in unglue(tok)):
        cut = 6 if t.low.endswith("-based") else 2 if "-" in t.low and t.low.endswith("'s") else 0
        out.append(Tok(t.start, t.end - cut, t.text[:-cut]) if cut and len(t.text) > cut + 1
                   else t)
    return out


def split_run(toks: list[Tok], a: int, b: int) -> list[Segment]:
    """The names inside one capitalised run, each with a type hint (or None)."""
    # a unit's AC/DC ("7.2 kW DC") is no name
    while a < b and a > 0 and _low(toks[a - 1]) in UNITS and toks[a].low in ("ac", "dc"):
        a += 1
    # "Macron for Hong Kong" is two names; "Center for Disease Control" is one
    for k in range(a + 1, b - 1):
        right = " ".join(t.text for t in toks[k + 1:b])
        if toks[k].low == "for" and (lexicon_type(right) or right.lower() in COUNTRIES_STATES
                                     or _low(toks[a]) in TITLE_HEADS - HONORIFICS):
            left = split_run(toks, a, k)
            hint = "organization" if _low(toks[a]) in TITLE_HEADS else None
            right = [(x, y, h or hint) for x, y, h in split_run(toks, k + 1, b)]
            return left + right
    # a headline's day before a name: "Black Friday Apple"
    for n in (3, 2, 1):
        if b - a > n and " ".join(t.low for t in toks[a:a + n]) in HOLIDAYS:
            return [(a, a + n, None), *split_run(toks, a + n, b)]
    # tour dates: "Xfinity Center July"
    while b - a > 1 and _low(toks[b - 1]) in _MONTHS:
        b -= 1
    if b <= a:
        return []
    return _split_title(toks, a, b)


def _split_title(toks: list[Tok], a: int, b: int) -> list[Segment]:
    low = [_low(t) if t.is_cap or t.low == "of" else "" for t in toks]
    if (b - a > 1 and low[b - 1] in _OWNED_TITLES and low[a] not in _TITLE_WORDS
            and low[b - 2] not in _CONNECT):
        t0 = b - 1  # "U.S. Ambassador", "Disney CEO": the owner of a title, no name
        while t0 - 1 > a and low[t0 - 1] in _TITLE_WORDS - {"of"}:
            t0 -= 1
        head = low[b - 1]
        return _strip_lead(toks, a, t0, "organization" if head in ORG_TITLE_HEADS else
                           "place" if head in PLACE_TITLE_HEADS else None, prefix=True)
    i = b - 2
    while i >= a and low[i] not in _TITLE_WORDS:
        i -= 1
    if i < a or low[i] == "of":
        return _strip_lead(toks, a, b)
    name = toks[i + 1:b]
    t0 = i
    while t0 - 1 >= a and (low[t0 - 1] in _TITLE_WORDS - {"of"} or (
            low[t0 - 1] == "of" and t0 - 2 >= a and low[t0 - 2] in TITLE_HEADS)):
        t0 -= 1
    heads = [w for w in low[t0:i + 1] if w in TITLE_HEADS]
    if not heads or low[t0] == "of":
        return _strip_lead(toks, a, b)
    is_name = len(name) <= 3 and all(
        t.text[:1].isupper() and t.text.replace("-", "").replace(".", "").isalpha()
        and _low(t) not in _NOT_NAME and _low(t) not in COUNTRIES_STATES for t in name
    ) and " ".join(t.low for t in name) not in PLACES
    if t0 == a and (all(w in HONORIFICS for w in low[t0:i + 1]) or not is_name):
        return [(a, b, None)]  # "Dr. Ana Ruiz", "Chief Executive": as before
    head = heads[-1]
    hint = ("organization" if head in ORG_TITLE_HEADS else
            "place" if head in PLACE_TITLE_HEADS else None)
    out = _strip_lead(toks, a, t0, hint, prefix=True)
    if is_name:
        out.append((i + 1, b, "person"))
    elif low[t0] in TITLE_HEADS and t0 + 1 < b and low[t0 + 1] == "of":
        pass  # "U.S. Head of Sales": a title, no name
    elif i + 1 < b:
        out.extend(_strip_lead(toks, i + 1, b))
    return out


def _strip_lead(toks: list[Tok], a: int, b: int, hint: str | None = None,
                prefix: bool = False) -> list[Segment]:
    """Drop "Former"/"Ousted"/"Republican"/"Israeli" before a title or a person's name (not
    in "American Music Awards"); drop a lone title ("Head of Sales")."""
    while b - a > 1 and (_low(toks[a]) in LEAD_DROP or _low(toks[a]) in DEMONYMS) and (
            prefix or (b - a <= 4 and _low(toks[a + 1]) in FIRST_NAMES)):
        a += 1
    while b > a and toks[b - 1].low in _CONNECT:
        b -= 1
    if b <= a or (b - a == 1 and _low(toks[a]) in DEMONYMS | LEAD_DROP):
        return []
    if _low(toks[a]) in TITLE_HEADS - HONORIFICS and b - a > 1 and toks[a + 1].low == "of":
        return []  # "Head of Platform Solutions"
    return [(a, b, hint)]


def context_hint(text: str, toks: list[Tok], a: int, b: int) -> str | None:
    """A type from the words around a name, or None."""
    nxt = [t.low for t in toks[b:b + 4]]
    prev = [t.low for t in toks[max(0, a - 2):a]]
    if text.startswith("-based", toks[b - 1].end):
        return "place"
    if nxt[:1] and nxt[0] in ("'s", "’s") and nxt[1:2] and nxt[1] in ORG_NEXT:
        return "organization"
    if nxt[:1] and nxt[0] in (ORG_NEXT | _TEAM_NEXT) - {"founder", "board"}:
        return "organization"
    if 2 <= b - a <= 3 and (nxt[:2] == [",", "who"] or nxt[:1] == ["who"] or (
            len(nxt) > 2 and nxt[0] == "," and nxt[1].isdigit() and nxt[2] == ",")):
        return "person"  # "Rose Harlan, who ...", "Rose Harlan, 34, ..."
    if nxt[:4] in (["said", "in", "a", "statement"], ["says", "in", "a", "statement"]):
        return "organization"
    if len(prev) == 2 and (prev in (["shares", "of"], ["stake", "in"], ["stock", "of"])
                           or prev[1] in ("of", "for", "at") and prev[0] in _ORG_BEFORE_PREP):
        return "organization"
    if len(prev) == 2 and prev[1] == "of" and prev[0] in _PLACE_BEFORE_OF:
        return "place"
    if (b - a == 1 and toks[a].low in STATE_ABBR and prev[-1:] == [","] and a >= 2
            and toks[a - 2].is_cap and (toks[a].text.isupper() or nxt[:1] == ["."])):
        return "place"  # the "CA" of "Fresno, CA", the "Calif." of "Fresno, Calif."
    if b - a <= 2 and len(nxt) >= 2 and nxt[0] == "," and toks[b + 1].text[:1].isupper():
        state = toks[b + 1]
        dotted = len(nxt) > 2 and nxt[2] == "."
        if state.low in COUNTRIES_STATES or (state.low in STATE_ABBR and (
                state.text.isupper() or dotted)):
            return "place"
    return None


def lexicon_type(name: str) -> str | None:
    """Place or organization from the world-knowledge lists (whole name)."""
    low = name.lower()
    if low in PLACES or low.removeprefix("the ") in PLACES:
        return "place"
    if name in ORGS or name.removeprefix("The ") in ORGS:
        return "organization"
    return None


def lower_words(text: str) -> set[str]:
    """Words written in lower case somewhere other than a sentence start."""
    return set(_LOWER_WORD.findall(text))


def not_an_entity(words: list[str], lowered: set[str]) -> bool:
    """Month abbreviations, colours, units, single letters, demonyms, and a single word the
    article also writes in lower case ("Tariffs", "Streets")."""
    low = [w.lower().rstrip(".") for w in words]
    if " ".join(low) in DEMONYMS:
        return True
    if len(low) != 1:
        return False
    w = low[0]
    if w in MONTH_ABBR | DAY_ABBR | COLOURS | UNITS or len(w.replace(".", "")) <= 1:
        return True
    if w in FIRST_NAMES or w in HONORIFICS or lexicon_type(words[0]):
        return False
    return w in lowered and not any(ch.isupper() for ch in words[0][1:])

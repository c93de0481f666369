"""Context rules for event / stance cue words ("offered", "named", "backing", "plans"): they
count as attribution cues only with a person or organisation as their subject."""

from __future__ import annotations

from graph.analyze.lexicon import DETERMINERS
from graph.analyze.tokens import Tok

Rng = tuple[int, int]

_HUMAN_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "who"})
#: heads of noun phrases that name people or organisations (general news vocabulary)
HUMAN_HEADS = frozenset(
    """official officials expert experts analyst analysts source sources aide aides people
    person critic critics advocate advocates observer observers resident residents voter
    voters supporter supporters opponent opponents democrat democrats republican republicans
    lawmaker lawmakers legislator legislators spokesman spokeswoman spokesperson police
    authorities investigator investigators researcher researchers scientist scientists
    economist economists strategist strategists adviser advisers advisor advisors insider
    insiders leader leaders member members delegate delegates donor donors activist activists
    protester protesters protestors candidate candidates senator senators president governor
    mayor congressman congresswoman campaign campaigns administration government party
    parties committee group groups organization organisation union unions company companies
    firm agency department court judge judges jury board council panel staff team allies
    ally rival rivals conservatives liberals progressives evangelicals members officers
    leadership chairman chairwoman director manager secretary minister prime spokesmen
    aides voters americans citizens students workers women men parents families clinton
    trump sanders cruz rubio obama everyone nobody someone many most some others both
    newspaper paper network station outlet magazine website editorial writer writers author
    columnist reporter reporters journalist journalists pollster pollsters poll polls survey
    surveys study report""".split()
)


def human_like(toks: list[Tok], rng: Rng | None) -> bool:
    """True when the source range looks like a person or an organisation."""
    if rng is None:
        return False
    a, b = rng
    head = toks[b].low
    if head in _HUMAN_PRONOUNS or head in HUMAN_HEADS:
        return True
    if toks[b].text in (")",):
        return True
    words = [t for t in toks[a : b + 1] if t.is_word]
    if not words:
        return False
    # a capitalised word other than a sentence-initial determiner ("The agreement")
    return any(t.is_cap and not (m == 0 and t.low in DETERMINERS) and t.low not in ("it",)
               for m, t in enumerate(words))


#: multiword stance / speech predicates (PolNeAR train misses, hand-reviewed); subject needed
MULTI_CUES: frozenset[tuple[str, ...]] = frozenset(
    tuple(p.split())
    for p in (
        "made it clear", "make it clear", "makes it clear", "making it clear", "made clear",
        "make clear", "makes clear", "put it", "puts it", "known as", "known for",
        "best known for", "would like", "weighed in", "weighs in", "weigh in", "took aim at",
        "take aim at", "takes aim at", "taking aim at", "shot back", "fired back",
        "cast doubt on", "raised concerns", "raised questions", "expressed concern",
        "took issue with", "takes issue with", "sided with", "spoke out",
        "raised questions about", "raised concerns about", "raises questions about",
        "raise questions about", "raising questions about", "weighed in on", "weigh in on",
        "weighs in on", "expressed concern about", "expressed concerns about",
    )
)
_MULTI_FIRST = frozenset(p[0] for p in MULTI_CUES)
#: "went on to say", "has tried to explain": the matrix verb belongs to the cue
_CHAIN = frozenset(
    """tried try tries trying sought seek seeks wanted want wants continued continue continues
    moved rushed hastened declined refused vowed promised pledged sought attempted""".split()
)


def multi_cue(toks: list[Tok], i: int) -> int | None:
    """Index of the last token of a multiword cue starting at i, or None."""
    if toks[i].low not in _MULTI_FIRST:
        return None
    for size in (4, 3, 2):
        if i + size <= len(toks) and tuple(t.low for t in toks[i : i + size]) in MULTI_CUES:
            return i + size - 1
    return None


def chain_start(toks: list[Tok], a: int) -> int:
    """Start of "went on to" / "has tried to" / "issued a statement" before a cue at a."""
    if a >= 3 and toks[a - 3].low in ("issued", "released", "put") and (
            toks[a - 2].low in ("a", "the") and toks[a - 1].low == "statement"):
        return a - 3  # "issued a statement saying": PolNeAR's cue
    if a < 2 or toks[a - 1].low != "to":
        return a
    if toks[a - 2].low == "on" and a >= 3 and toks[a - 3].low in ("went", "goes", "go", "going"):
        return a - 3
    if toks[a - 2].low in _CHAIN:
        return a - 2
    return a

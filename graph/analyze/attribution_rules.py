"""Context rules for single cue words (product recalls, "appeared in", "adds 20 minutes")
and for attributions that are not reported statements (subordinate "as X said")."""

from __future__ import annotations

from graph.analyze.attribution_inverted import extend_apposition
from graph.analyze.attribution_stance import human_like
from graph.analyze.lexicon import PRONOUNS, TIME_WORDS
from graph.analyze.tokens import Tok

_CONJ = frozenset({"but", "and", "while", "though", "although", "yet"})
_QUOTES = frozenset({"“", '"', "”", "‘", "’", "'"})
_SUBJ_PRONOUNS = frozenset({"i", "we", "he", "she", "they", "you", "who"})
#: verbs that take a gerund but do not report speech by themselves ("I will keep asking")
_GERUND_TAKERS = frozenset(
    """keep keeps kept stop stops stopped start starts started avoid avoids avoided risk
    risks finish finished mind""".split()
)
_NEEDS_THAT = frozenset({"maintain", "hear", "demonstrate", "determine", "advise"})
_APPEAR_NOT = frozenset(
    """in on at before with as alongside together onstage live during after from for by
    twice again briefly""".split()
)
#: headline / fact-check labels that look like "Name: ..." but are not speakers
COLON_LABELS = frozenset(
    """claim claims verdict rating update updated note correction source sources photo photos
    video watch read related analysis opinion editorial exclusive breaking live summary
    background context fact facts conclusion bottom line question answer why what how
    who when where review disclosure clarification editor's editors warning""".split()
)
_FEEL_DETS = frozenset("the a an its their his her our my no any some".split())
_FEEL_OBJECTS = frozenset(
    """need needs urge pressure pinch impact impacts effect effects brunt heat pain weight
    squeeze sting burn strain loss absence presence difference benefit benefits""".split())
#: words that make the following cue part of a subordinate clause, not a report
SUBORDINATORS = frozenset({"as", "than", "what", "until", "unless", "whatever", "how"})


def cue_context_ok(toks: list[Tok], i: int, lemma: str) -> bool:
    """Lemma-specific checks for toks[i] (a cue form) beyond the generic noun/verb test."""
    low = toks[i].low
    nxt = toks[i + 1].low if i + 1 < len(toks) else "."
    prev = toks[i - 1].low if i > 0 else ""
    if lemma == "recall":
        # "Brightline will recall the Rover X2" is a product recall; "he recalled that" a report
        return low.endswith(("ed", "ing")) or prev in _SUBJ_PRONOUNS
    if lemma == "appear":
        # "This article first appeared in the Harbor Times" is not an attribution
        return nxt not in _APPEAR_NOT and nxt.isalpha()
    if lemma == "add":
        # "which adds about 20 minutes", "it might add extra sailings", "be added to the bridge"
        return (nxt in ("that", ",", ":", ".", "in", "on", "during", "later", "afterward")
                or nxt in _QUOTES or prev in (",", "and") or prev in _QUOTES)
    if lemma in _NEEDS_THAT:
        # "maintain a balanced trade", "heard the case", "demonstrate the product": acts, not
        # statements, unless a clause follows ("maintained that ...")
        return nxt in ("that", ":", ",") or nxt in _QUOTES
    if lemma == "feel":
        # "Apple has felt the need to hold back", "felt the pinch": an experience, not a view
        return not (nxt in _FEEL_DETS and i + 2 < len(toks) and toks[i + 2].low in _FEEL_OBJECTS)
    if lemma == "vote":
        # "voted 7-2 to award the contract" is an event; "voted for / against X" a stance
        return nxt in ("for", "against")
    if lemma == "call" and nxt in ("off", "back", "in", "."):
        return False  # "called off a deal", "Eric Trump called."
    if low == "questions" and i > 0 and not (
            toks[i - 1].is_cap or prev in _SUBJ_PRONOUNS or prev in ("also", "who", "which")):
        return False  # "faced questions about", "is taking questions"
    if low.endswith("ing") and prev in _GERUND_TAKERS:
        return False
    return True


def is_subordinate(toks: list[Tok], src_start: int) -> bool:
    """ "... not $40 million as the city said", "... than the council was told"."""
    k = src_start - 1
    return k >= 0 and toks[k].low in SUBORDINATORS


def colon_label(toks: list[Tok], start: int, colon: int) -> bool:
    """ "Claim: The bridge will close" - a label, not a speaker."""
    words = [t.low for t in toks[start:colon] if t.is_word]
    return len(words) <= 2 and (any(w in COLON_LABELS for w in words) or
                                all(w in PRONOUNS for w in words))


_DOUBLE_OPEN = frozenset({"“"})
_DOUBLE_CLOSE = frozenset({"”"})


def quoted_mask(toks: list[Tok]) -> list[bool]:
    """True for tokens inside a direct quotation (also one that opened in an earlier sentence).

    Double quotes (“ ” " and the '' of some archives) delimit quotations; single quotes only
    count when the sentence has no double quotes, so a quote inside a quote ("... say 'I'm the
    only one,'" Green said) does not flip the state. Straight quotes get their direction from
    spacing: glued to the previous token = closing.
    """
    n = len(toks)
    kinds = [0] * n  # +1 opener, -1 closer, 0 other
    has_double = False
    i = 0
    while i < n:
        t = toks[i]
        pair = t.text == "'" and i + 1 < n and toks[i + 1].text == "'" and (
            toks[i + 1].start == t.end)
        if t.text in _DOUBLE_OPEN or t.text in _DOUBLE_CLOSE or t.text == '"' or pair:
            has_double = True
            glued = i > 0 and toks[i - 1].end == t.start and toks[i - 1].text not in "\"“‘"
            j = i + 2 if pair else i + 1
            if not glued and i > 0 and toks[i - 1].text == "'" and j < n and (
                    toks[j].is_word and not toks[j].is_cap):
                glued = True  # "... poor,' '' she said": a spaced closing quote
            if t.text == "“" and glued and toks[i - 1].text in ",.?!":
                kinds[i] = -1  # a mis-typed closing quote: 'here,“ said Jim'
            elif t.text in _DOUBLE_OPEN:
                kinds[i] = 1
            elif t.text in _DOUBLE_CLOSE:
                kinds[i] = -1
            else:
                kinds[i] = -1 if glued else 1
            if pair:
                i += 1
        i += 1
    if not has_double:
        open_single = False
        for i, t in enumerate(toks):
            if t.text == "‘":
                kinds[i] = 1
                open_single = True
            elif t.text == "’" and i + 1 < n and (not toks[i + 1].is_word or (
                    open_single and toks[i + 1].start > t.end)):
                kinds[i] = -1  # "‘ISIS Truther’ Donald Trump ...": closes an open ‘
                open_single = False
    first = next((k for k in kinds if k), 0)
    inside = first == -1
    mask = [False] * n
    for i, k in enumerate(kinds):
        if k == 1:
            inside = True
        elif k == -1:
            inside = False
        else:
            mask[i] = inside
    return mask


def absolute_phrase(toks: list[Tok], a: int, b: int) -> bool:
    """ "That said, ...", "All told, ...", "That being said, ...": a fronted absolute phrase
    (a sentence adverb meaning "nevertheless" / "in total"), not a report."""
    k = a - 1
    if k >= 1 and toks[k].low == "being":
        k -= 1
    return (k == 0 and a == b and toks[0].low in ("that", "this", "all")
            and toks[a].low in ("said", "told") and b + 1 < len(toks) and toks[b + 1].text == ",")


def mid_inverted(toks: list[Tok], inner: tuple[int, int], comma: int,
                  right: tuple[int, int], cue_starts: list[int]) -> bool:
    """ "The paradox of Nancy, says Carl Anthony, historian at X, is that ...": the sentence's
    subject, one comma, then an inverted speaker with at most a comma-closed apposition."""
    if toks[comma + 1].low in ("called", "named", "dubbed", "known", "titled"):
        return False  # "The program, called EB-5, allows ...": a name, not a speaker
    if inner[0] != 0 or inner[1] != comma - 1 or any(
            toks[x].text == "," or x in cue_starts for x in range(inner[0], inner[1] + 1)):
        return False
    if toks[right[0]].low in TIME_WORDS or not human_like(toks, right):
        return False
    end = extend_apposition(toks, right[1])
    return end + 2 < len(toks) and toks[end + 1].text == "," and (
        toks[end + 2].low not in _CONJ)  # not "..., said Howard, but her ..."

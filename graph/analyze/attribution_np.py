"""Source noun phrases for attribution: subjects left of a cue, inverted sources right of it,
and comma-interrupted subjects ("Purcell, a Republican, said ...")."""

from __future__ import annotations

from graph.analyze.gazetteer import COUNTRIES_STATES
from graph.analyze.lexicon import (
    BREAK_LEFT,
    BREAK_RIGHT,
    DETERMINERS,
    PREPOSITIONS,
    PRONOUNS,
    TIME_WORDS,
)
from graph.analyze.lexicon import CORE_CUE_FORMS as CUE_FORMS
from graph.analyze.phrases import ADJ_SUFFIXES, NOUN_SOURCES, is_adverb
from graph.analyze.tokens import Tok

Rng = tuple[int, int]

#: auxiliaries and modals: a noun phrase never runs across them
VERBISH = frozenset(
    """is are was were be been being has have had do does did will would shall should can could
    may might must 's 're 've 'll 'd n't not""".split()
)
#: common irregular past tenses (finite verbs that end a subject noun phrase)
IRREGULAR_PAST = frozenset(
    """sent made took gave went came got left held told said put set kept led met ran won lost
    began brought built spent paid wrote spoke saw found thought felt became stood heard let
    meant knew sought fought bought struck drew threw broke chose rose fell drove rode stole
    swore tore woke hung sold hid shook forgot froze grew blew flew fled slid stuck swung lent
    dealt slept taught caught died lied""".split()
)
POSSESSIVES = frozenset({"'s", "’s"})
_POSS_DET = frozenset({"his", "her", "their", "its", "our", "my"})
_QUOTE_MARKS = frozenset({"“", "”", '"', "‘", "’", "'"})
_REL_HEADS = frozenset({"who", "which", "whose", "where", "when", "whom"})
_LEAD_TRIM = frozenset({"and", "but", "so", "even", "now", "then", "still", "also", "yet", "or",
                        "perhaps", "maybe", "whereas", "just"})
_TIME_TAIL = frozenset({"later", "ago", "earlier", "afterward", "afterwards"})
#: adverbs and floating quantifiers between a subject and its verb ("He soon learned", "They
#: both said") that are neither "-ly" words nor in SKIP_ADVERBIAL
_MID_ADVERBS = frozenset("soon ever long both all each too thus finally".split())
_FLOATING = frozenset({"both", "all", "each"})
#: one-word comma segments that are sentence adverbs, never a subject
_SENTENCE_ADVERBS = frozenset(
    "too also though however instead meanwhile nonetheless nevertheless anyway indeed "
    "therefore thus again still yet then now here there so well".split())
#: "About four in 10 said", "Nearly half said": a quantity is a subject, not a preposition
_APPROX = frozenset("about nearly almost around roughly over under some".split())



def closing_paren(toks: list[Tok], m: int, stop: int) -> int | None:
    """The ")" closing the "(" at ``m`` within the next 7 tokens (before ``stop``)."""
    return next((x for x in range(m + 1, min(m + 8, stop)) if toks[x].text == ")"), None)

def is_finite_verbish(toks: list[Tok], m: int) -> bool:
    t = toks[m]
    low = t.low
    if t.is_cap and m > 0:
        return False
    if low in VERBISH or low in IRREGULAR_PAST:
        return True
    if low in CUE_FORMS and not (m > 0 and toks[m - 1].low in DETERMINERS):
        return True
    return low.endswith("ed") and len(low) > 4 and not (m > 0 and toks[m - 1].low in DETERMINERS)


def np_forward(toks: list[Tok], k: int, upto: int | None = None, limit: int = 12) -> Rng | None:
    """Subject-like noun phrase starting at k: stops before a verb, clause word or comma."""
    end = len(toks) if upto is None else upto
    if k >= end or not toks[k].is_word:
        return None
    low = toks[k].low
    poss = low in _POSS_DET and k + 1 < end and toks[k + 1].is_word
    demonstrative = low in ("that", "this", "these", "those") and k + 1 < end and (
        toks[k + 1].is_word and toks[k + 1].low not in PRONOUNS
        and toks[k + 1].low not in TIME_WORDS and not toks[k + 1].low.endswith("ed")
        and not is_finite_verbish(toks, k + 1))  # "That letter, on ... letterhead, demanded"
    if low in PRONOUNS and not poss and not demonstrative:
        return None if low in ("that", "which", "this", "its", "his", "their") else (k, k)
    if (low in BREAK_LEFT and not demonstrative) or low in PREPOSITIONS:
        return None
    b = m = k
    while m < end and m - k < limit:
        t = toks[m]
        if t.text in POSSESSIVES or t.text in ("&", "-"):
            m += 1
            continue
        if t.text == "(" and m > k:
            close = closing_paren(toks, m, end)
            if close is None:
                break
            b = m = close
            m += 1
            continue
        if t.text == "." and m > k and len(toks[m - 1].text) <= 3 and toks[m - 1].is_cap:
            m += 1
            continue
        if not t.is_word or (m > k and (t.low in BREAK_RIGHT - {"of"} or t.low in _REL_HEADS
                                        or is_finite_verbish(toks, m))):
            break
        b = m
        m += 1
    while b > k and toks[b].low in PREPOSITIONS | DETERMINERS | {"and", "or"}:
        b -= 1
    return (k, b)


def np_segments(toks: list[Tok], upto: int) -> list[Rng]:
    """Comma-separated token ranges before index ``upto`` (exclusive)."""
    segs: list[Rng] = []
    start = 0
    for i in range(upto):
        if i == start and i > 0 and toks[i].text in _QUOTE_MARKS and (
                toks[i - 1].text == "," or toks[i - 1].text in _QUOTE_MARKS):
            start = i + 1  # '..., ” his wife, X, wrote': the quote closes the segment before
            continue
        if toks[i].text in (",", ";", "—", "–") or (toks[i].text == "-" and toks[i].start > 0
                                                   and i > 0 and toks[i - 1].end < toks[i].start):
            if i > start:
                segs.append((start, i - 1))
            start = i + 1
    if upto > start:
        segs.append((start, upto - 1))
    return segs


def seg_kind(toks: list[Tok], seg: Rng) -> str:
    """'rel' (who ...), 'part' (participle / prepositional / adverbial) or 'np'."""
    a, b = seg
    while a < b and toks[a].low in _LEAD_TRIM:
        a += 1
    t = toks[a]
    low = t.low
    if low in _REL_HEADS:
        return "rel"
    if not t.is_word:
        return "part"
    if low in ("that", "this", "these", "those") and a < b and toks[a + 1].is_word and (
            toks[a + 1].low not in PRONOUNS and toks[a + 1].low not in TIME_WORDS
            and not is_finite_verbish(toks, a + 1)):
        return "np"  # "That letter, on Trump Organization letterhead, demanded"
    if low in PREPOSITIONS or low in BREAK_LEFT or low in ("according", "asked", "reached"):
        return "part"
    if a == b and low in _SENTENCE_ADVERBS:
        return "part"  # "... have seen impacts, too, said X": an adverb, not a subject
    if low in _FRONT_ADVERBS or (a == 0 and low.endswith("ly") and len(low) > 4):
        return "part"  # "Here in Columbia, Sanders ...", "Shortly after the merger, ..."
    if a == 0 and a == b and len(t.text) > 2 and t.text.isupper() and t.text.isalpha():
        return "part"  # dateline: "WASHINGTON, Dec. 8 (UPI) -"
    if any(toks[x].text in _WIRES and (b - a < 4 or toks[x - 1].text == "(")
           for x in range(a, b + 1)):
        return "part"
    fronted = a == 0 and b > a and not toks[a + 1].is_cap and len(low) > 5 and not (
        t.is_cap and is_finite_verbish(toks, a + 1))  # "Husted continued by saying"
    if (not t.is_cap or fronted) and (low.endswith(("ing", "ed")) or is_adverb(t)) and (
            low not in NOUN_SOURCES):
        return "part"  # "speaking at a rally", "Alarmed by the unrest"
    if toks[b].low in _TIME_TAIL or (b - a < 3 and any(toks[x].low in TIME_WORDS
                                                        for x in range(a, b + 1))):
        return "part"
    if toks[a].text[:2] in ("R-", "D-", "I-") or (
            toks[a].text in ("R", "D", "I") and b > a and toks[a + 1].text == "-"):
        return "np"  # party tag: "Sen. Lindsey Graham, R-S.C."
    if all(toks[x].text.isupper() or not toks[x].is_word for x in range(a, b + 1)) and b > a:
        return "part"  # dateline: "RANGOON, Burma"
    if low in IRREGULAR_PAST or low in ("became", "becomes", "become"):
        return "clause"  # "X, a former chairman, became a delegate ..., said"
    if any(toks[x].low in VERBISH and not _possessive(toks, x) for x in range(a, b + 1)):
        return "clause"
    return "np"


_FRONT_ADVERBS = frozenset(
    """here there instead meanwhile now then later earlier today yesterday tonight soon
    again indeed moreover however otherwise""".split()
)
_WIRES = frozenset({"UPI", "AFP", "AP", "Reuters", "CNN", "Xinhua", "dpa"})
_NOT_NOUN_AFTER_S = frozenset(
    "a an the not no been being going got gotten also never just still already".split()
)


def _possessive(toks: list[Tok], x: int) -> bool:
    """ "Carter's press secretary": 's between a name/noun and a noun is not "is"."""
    if toks[x].text not in POSSESSIVES or x == 0 or x + 1 >= len(toks):
        return False
    nxt = toks[x + 1]
    return toks[x - 1].is_word and nxt.is_word and toks[x - 1].low not in PRONOUNS and (
        nxt.is_cap or (nxt.low not in _NOT_NOUN_AFTER_S and not nxt.low.endswith(("ing", "ed"))
                       and not nxt.low.endswith("ly")))


def trim_lead(toks: list[Tok], rng: Rng) -> Rng:
    a, b = rng
    while a < b and toks[a].low in _LEAD_TRIM:
        a += 1
    return (a, b)


def comma_subject(toks: list[Tok], left: int) -> Rng | None:
    """Subject of "X, a Republican, said ..." / "X, who ..., said" (toks[left] is the comma).

    The source is the subject plus appositive noun phrases directly after it; relative and
    participial clauses are left out (the product wants the speaker, not a description).
    """
    every = np_segments(toks, left)
    q = next((x for x in range(left - 1, 0, -1)
              if toks[x].text in _QUOTE_MARKS and toks[x - 1].text == ","), -1)
    segs = [sg for sg in every if sg[0] > q]  # '"...," his wife, X, wrote': not the quote
    opening = next((x for x in range(q - 2, max(q - 10, -1), -1)
                    if toks[x].text in _QUOTE_MARKS), None) if q >= 0 else None
    if opening is not None and segs != every:
        # a quoted title inside the subject ('Hemsley, the co-author of "Going Viral,"
        # about ..., said') rather than a quotation before it
        return _comma_subject(toks, segs) or _comma_subject(toks, every)
    return _comma_subject(toks, segs)


def _comma_subject(toks: list[Tok], segs: list[Rng]) -> Rng | None:
    if not segs or len(segs) > 6:
        return None
    kinds = [seg_kind(toks, s) for s in segs]
    for i, (a, b) in enumerate(segs):
        if kinds[i] == "part" and toks[a].low in _SUBORD and b > a and toks[a + 1].is_cap:
            head = np_forward(toks, a + 1, b + 1)
            if head is not None and head[1] == b:
                # "while Mike Huckabee, the former governor, proposed", "As John Cornyn,
                # the No. 2 in the GOP leadership, put it"
                segs[i], kinds[i] = (a + 1, b), "np"
    subj = None
    for i in range(len(segs) - 1, -1, -1):
        if kinds[i] == "np" and (i == 0 or kinds[i - 1] in ("part", "clause")
                                 and not _continues(toks, segs[i - 1])
                                 and not _place_tail(toks, segs[i - 1], segs[i])
                                 and not _place_apposition(toks, segs[i - 1], segs[i])):
            subj = i
            break
    if subj is None:
        return None
    first = trim_lead(toks, segs[subj])[0]
    head = np_forward(toks, first, segs[subj][1] + 1, limit=14)
    if head is None:
        return None
    if head[1] != segs[subj][1]:
        if segs[subj][1] - first > 14 or any(
                is_finite_verbish(toks, x) for x in range(first + 1, segs[subj][1] + 1)):
            return None
        head = (first, segs[subj][1])  # "Another delegate on the Cruz slate, Jim Poolman,"
    end = head[1]
    for j in range(subj + 1, len(segs)):
        if kinds[j] != "np" or segs[j][1] - segs[j][0] > 14:
            break
        end = segs[j][1]
    return (head[0], end)


def _place_tail(toks: list[Tok], prev: Rng, seg: Rng) -> bool:
    """ "speaking at a rally in Wilmington, N.C.,": a state or country after a place."""
    a, b = seg
    return (b - a < 3 and all(toks[x].is_cap or toks[x].text == "." for x in range(a, b + 1))
            and _ends_in_place(toks, prev) and (
                prev[0] > 0  # "Of Carson, Levine, ...": a fronted phrase, then the subject
                or any("." in toks[x].text or toks[x].text == "." for x in range(a, b + 1))
                or " ".join(toks[x].low for x in range(a, b + 1)) in COUNTRIES_STATES))


def _ends_in_place(toks: list[Tok], seg: Rng) -> bool:
    """The segment ends with "in Wilmington" / "at New York University"."""
    return seg[1] - seg[0] >= 1 and toks[seg[1]].is_cap and any(
        toks[x].low in ("in", "at", "from", "of", "near")
        and all(toks[y].is_cap for y in range(x + 1, seg[1] + 1))
        for x in range(max(seg[0], seg[1] - 3), seg[1]))


_SUBORD = frozenset("while as because though although when if since whereas after before".split())


def _place_apposition(toks: list[Tok], prev: Rng, seg: Rng) -> bool:
    """ "facing a challenge in Iowa, a swing state,": an apposition to the place."""
    return toks[seg[0]].low in ("a", "an") and _ends_in_place(toks, prev)


def _continues(toks: list[Tok], seg: Rng) -> bool:
    """A fronted clause that is a full clause itself ("He said X, Y ...") is not skipped."""
    return any(toks[x].low in ("said", "says", "told") for x in range(seg[0], seg[1] + 1))


_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten half third quarter".split())


def left_np(toks: list[Tok], j: int) -> Rng | None:
    """Token range [a, b] of the subject noun phrase ending at index j (inclusive)."""
    # skip time adverbials and adverbs between subject and verb ("Trump on Sunday said")
    while j >= 0 and (is_adverb(toks[j]) or toks[j].low in TIME_WORDS or (
            toks[j].low in _MID_ADVERBS and j > 0 and toks[j - 1].is_word and (
                toks[j].low not in _FLOATING or toks[j - 1].low in PRONOUNS))):
        if toks[j].low in TIME_WORDS and j > 0 and toks[j - 1].low in ("on", "last", "this"):
            j -= 2
            continue
        j -= 1
    if j >= 1 and toks[j].text == ")":
        # "Rep. Gregory Meeks (D-N.Y.) said"
        op = next((x for x in range(j - 1, max(j - 9, -1), -1) if toks[x].text == "("), None)
        if op is None or op == 0:
            return None
        inner = left_np(toks, op - 1)
        return (inner[0], j) if inner and inner[1] == op - 1 else None
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
        if t.text in ("'s", "’s", "&", "-", "'", "’", "/") and k < j and not (
                t.text == "-" and k > 0 and toks[k - 1].end < t.start):
            k -= 1  # "A CNN/ORC poll", "Procter & Gamble"
            continue
        if t.text == "." and k < j and k > 0 and toks[k - 1].is_cap and len(toks[k - 1].text) <= 4:
            k -= 1  # "Pres. Obama", "Nov. 8"
            continue
        if k < j and low in ("this", "these") and toks[k + 1].is_word:
            a = k  # "This group recognizes", "this reporter revealed"
            break
        if not t.is_word or low in BREAK_LEFT or (
            low in PRONOUNS and low not in ("his", "her", "their", "its")
        ):
            break
        if k < j and not t.is_cap and (low in CUE_FORMS or (
                low.endswith("ed") and k > 0 and toks[k - 1].low not in DETERMINERS)) and not (
                k > 0 and toks[k - 1].low in DETERMINERS):
            break  # a verb: the subject ended before it ("Some protest leaders" is a noun)
        a = k
        k -= 1
    if toks[a].low == "with" and a < b:
        a += 1  # ", with Trump calling for a ban": the subject of the absolute clause
    # sentence-initial prepositional phrase without comma: keep the part after it
    elif toks[a].low in PREPOSITIONS and not (
            toks[a].low in _APPROX and a < b and (toks[a + 1].low[:1].isdigit()
                                                  or toks[a + 1].low in _NUMBER_WORDS)):
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
        if x < a - 2 and (x < 0 or toks[x].text == ",") and not (x < 0 and x + 2 == a - 1) and (
                toks[x + 1].low not in {"like", "unlike"}
                and seg_kind(toks, (x + 1, a - 2)) == "np"):
            a = x + 1  # not "Like Rove, the Sanders camp ..." / "Early Tuesday, the ..."
    a = _coordinate_adjectives(toks, a) if b > a else a  # not "The editorial, sources said"
    while a < b and toks[a].low in _LEAD_TRIM:
        a += 1
    return (a, b)


def _coordinate_adjectives(toks: list[Tok], a: int) -> int:
    """ "One small, 2-month study showed": a determiner and an adjective before a comma belong
    to the noun phrase after it (not "Last week, the company said")."""
    if a < 2 or toks[a - 1].text != "," or toks[a].low in DETERMINERS or toks[a].is_cap:
        return a  # "The museum, Mr. Bush said": an interrupted clause
    x = a - 2
    adj = toks[x].low
    if toks[x].is_cap or not (adj in _ADJECTIVES or adj.endswith(ADJ_SUFFIXES + ("ed",))
                              or "-" in adj):
        return a
    x -= 1
    if x < 0 or toks[x].low not in _DET_NUM or (x > 0 and toks[x - 1].is_word):
        return a
    return x


_DET_NUM = frozenset("a an one another this the some several two three".split())
_ADJECTIVES = frozenset("small large big new old long short recent young major".split())

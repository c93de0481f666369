"""The source *mention* of an attribution, as PolNeAR marks it, next to the speaker *name*.

The product names the speaker ("Whit Ayres"); the source span marks the whole mention the
article gives ("Whit Ayres, who was Rubio's campaign pollster"): relative clauses and
appositions that describe the speaker are part of it. ``Attribution.source_text`` keeps the
name, ``Attribution.source`` the mention.
"""

from __future__ import annotations

from graph.analyze.attribution_np import IRREGULAR_PAST, VERBISH, left_np, seg_kind
from graph.analyze.attribution_stance import human_like
from graph.analyze.lexicon import BREAK_LEFT, CORE_CUE_FORMS, DETERMINERS, PREPOSITIONS, PRONOUNS
from graph.analyze.tokens import Tok

Rng = tuple[int, int]

_SEP = frozenset({",", ";"})
_HARD_STOP = frozenset({"—", "–", "“", '"', "”", "(", ")", ":", "‘"})


def _segs(toks: list[Tok], lo: int, hi: int) -> list[Rng]:
    """Comma-separated ranges in [lo, hi] (inclusive), up to a dash, quote or parenthesis."""
    out: list[Rng] = []
    start = lo
    for i in range(lo, hi + 1):
        t = toks[i].text
        if t in _HARD_STOP:
            hi = i - 1
            break
        if t in _SEP:
            if i > start:
                out.append((start, i - 1))
            start = i + 1
    if hi >= start:
        out.append((start, hi))
    return out


def _has_cue(toks: list[Tok], seg: Rng, cues: list[int]) -> bool:
    """A cue of its own: "Cruz, who says ..., said" - the relative clause is its own
    attribution (source "who"), not part of this source."""
    return any(seg[0] <= c <= seg[1] for c in cues) or any(
        toks[x].low in CORE_CUE_FORMS and not toks[x].is_cap for x in range(seg[0], seg[1] + 1))


def mention_before(toks: list[Tok], name: Rng, comma: int, cues: list[int]) -> Rng:
    """ "Ms. Arnold, who helped found EDGE, said": from the name to the comma before the cue
    (``toks[comma]``), over relative clauses and appositions; a participial segment
    ("..., speaking on condition of anonymity, said") ends it."""
    a, b = name
    if b + 2 >= comma or toks[b + 1].text != ",":
        return name
    return _extend(toks, name, _segs(toks, b + 2, comma - 1), cues)


def _place(toks: list[Tok], seg: Rng) -> bool:
    """ "of Raleigh", "in Almaty": a short place phrase stays in the mention."""
    a, b = seg
    return b - a <= 3 and toks[a].low in ("of", "from", "in") and all(
        toks[x].is_cap or toks[x].text == "." for x in range(a + 1, b + 1))


def mention_after(toks: list[Tok], name: Rng, cues: list[int]) -> Rng:
    """ "said Whit Ayres, who was Rubio's campaign pollster.": the name plus the relative
    clause / description after it, up to the end of the sentence or a dash; not over a
    participle (", referring to ...")."""
    a, b = name
    if b + 2 >= len(toks) or toks[b + 1].text != ",":
        return name
    hi = len(toks) - 1
    while hi > b and not toks[hi].is_word:
        hi -= 1
    if hi <= b + 1:
        return name
    return _extend(toks, name, _segs(toks, b + 2, hi), cues)


def _extend(toks: list[Tok], name: Rng, segs: list[Rng], cues: list[int]) -> Rng:
    """The name plus the description segments after it, up to a participle phrase that is
    not a place, or a segment holding a cue."""
    end = name[1]
    for seg in segs:
        if (seg_kind(toks, seg) == "part" and not _place(toks, seg)) or _has_cue(toks, seg, cues):
            break
        end = seg[1]
    return (name[0], end)


_CONJ = frozenset({"and", "nor", "&"})
_MORE = frozenset({"more", "less", "fewer", "Less", "More", "Fewer"})
_CLAUSE_OPEN = frozenset(
    """that but and when while because as if so since where whether although though after
    before until unless once however yet then also""".split()
)
_OPEN_PUNCT = frozenset({",", ";", ":", "—", "–", "“", '"', "(", "‘"})


def coordinated(toks: list[Tok], rng: Rng) -> Rng:
    """ "Trump and Sanders often blame", "Neither Maples nor Trump responded", "Friends,
    lobbyists and former foes say", "more than 4 in 10 said": the left subject walk stops at a
    conjunction, a comma of a list or "than"; take the whole subject when it starts the
    clause."""
    a, b = rng
    if a >= 2 and toks[a - 1].low == "than" and toks[a - 2].low in _MORE:
        return (a - 2, b)
    if a < 2 or toks[a - 1].low not in _CONJ:
        return rng
    k = a - 2
    if toks[k].text == ",":
        return rng  # "X said ..., and Y added": two clauses, not a list
    if not toks[k].is_word:
        return rng
    first = left_np(toks, k)
    if first is None or first[1] != k:
        return rng
    starts = [first[0]]
    while starts[-1] >= 2 and toks[starts[-1] - 1].text == ",":
        item = left_np(toks, starts[-1] - 2)
        if item is None or item[1] != starts[-1] - 2 or item[1] - item[0] > 4:
            break
        starts.append(item[0])
    for p in reversed(starts):  # the longest list that starts the clause
        if p > 0 and toks[p - 1].low == "neither":
            p -= 1
        if p == 0 or toks[p - 1].text in _OPEN_PUNCT or toks[p - 1].low in _CLAUSE_OPEN:
            if p < first[0] and p > 0 and toks[p - 1].text == ",":
                continue  # "In Iowa, Trump and Cruz": a fronted phrase, not a list item
            return (p, b)
    return rng


_DANGLING = frozenset("a an the no his its their my our your every".split())


def junk_source(toks: list[Tok], rng: Rng) -> bool:
    """A walk that did not find a noun phrase: "the latter a (reference)", "raising (fears)",
    "n't the (only question)". The cue may still be right; the source is not."""
    a, b = rng
    first, last = toks[a], toks[b]
    if last.low in _DANGLING:
        return True
    if not first.is_cap and first.low.endswith("ing") and len(first.low) > 4:
        return True
    if not first.is_cap and first.low.endswith("ed") and not any(
            t.is_cap for t in toks[a : b + 1]):
        return True
    # "began (writing)", "spent nearly all of her time (responding)", "much (saying)"
    if a == b and first.low in _LONE_ADVERBS:
        return True
    if first.low == "there":
        return True  # existential "There were reports ...": no one speaks
    return not first.is_cap and (first.low in IRREGULAR_PAST or first.low in _NOT_SUBJECT
                                 or first.low in VERBISH)


_REL_STOP = frozenset({"who", "which", "that", "whose", "whom"})
#: words a determiner may follow inside a noun phrase ("all the", "half their", "such a")
_PREDET = frozenset("all both half such quite rather what many".split())


def reduced_relative(toks: list[Tok], rng: Rng, adjacent: bool) -> tuple[Rng, bool]:
    """ "things the Donald (has said)", "a letter the Sanders campaign (sent)", "make his
    supporters (feel)": a determiner after a lower-case content word starts a new noun phrase
    (inside one, a determiner follows only a preposition, "and"/"or", "'s" or a
    predeterminer), and that phrase is the cue's subject. Returns the range and whether it is
    no noun phrase at all ("bears the case number", "taken their toll on": a verb and its
    object - the source is junk). Only a subject ``adjacent`` to its verb is trimmed."""
    a, b = rng
    start = a
    if junk_source(toks, rng):
        return rng, False  # "sent a letter to Senate leaders (opposing)": junk anyway
    for k in range(a + 1, b + 1):
        low = toks[k].low
        if low in _REL_STOP or not toks[k].is_word:
            break  # "a pollster who advises the ...": a relative clause in the mention
        if low not in DETERMINERS or low in ("that", "such", "another", "no"):
            continue
        prev = toks[k - 1]
        if prev.is_word and not prev.is_cap and prev.low not in PREPOSITIONS and (
                prev.low not in _PREDET and prev.low not in DETERMINERS
                and prev.low not in _NP_GLUE):
            start = k
    if start == a:
        return rng, False
    if human_like(toks, (start, b)):
        return ((start, b) if adjacent else rng), False  # "things the Donald (has said)"
    return rng, not (toks[a].is_cap or toks[a].low in DETERMINERS)


_NP_GLUE = frozenset({"and", "or", "but", "nor", "of", "off", "'s", "’s"})


_LONE_ADVERBS = frozenset(
    """more less much little ever any seldom few likewise well instead never rarely often
    always only even rather perhaps again already""".split()
)
_NOT_SUBJECT = frozenset(
    """began begin begins started kept continued went go goes provide provides soon
    reasonably like unlike otherwise easier look looks am involves heaps there numerous""".split()
)


_TAIL_ADVERBS = frozenset(
    """earlier later also often still then now again first once themselves himself herself
    itself ago somehow flat-out outright anyway indeed nonetheless nevertheless meanwhile
    however therefore instead too""".split()
)


def trim_tail(toks: list[Tok], rng: Rng) -> Rng:
    """ "Trump earlier (Tuesday) backed", "Sanders often questions", "Hillary Clinton sternly
    reprimanded": adverbs between the subject and the cue are not part of the source."""
    a, b = rng
    while b > a and (toks[b].low in _TAIL_ADVERBS or (
            toks[b].low.endswith("ly") and len(toks[b].low) > 4 and not toks[b].is_cap
            and toks[b - 1].low not in DETERMINERS and toks[b - 1].low not in ("'s", "’s"))):
        b -= 1
        if toks[b].low == "long" and toks[b + 1].low == "ago" and b > a:
            b -= 1
    return (a, b)


def cut_at_verb(toks: list[Tok], rng: Rng) -> Rng:
    """ "Rubio's campaign sent out a press release saying": the walk ran over a finite verb;
    the source is the subject before it."""
    a, b = rng
    for m in range(a + 1, b + 1):
        t = toks[m]
        if not t.is_word or t.low in ("who", "that", "which", "whose"):
            return rng  # appositions and relative clauses have verbs of their own
        if t.is_cap:
            continue
        if t.low in IRREGULAR_PAST or t.low in VERBISH - {"'s", "’s"} or (
                t.low.endswith("ed") and len(t.low) > 4 and toks[m - 1].low not in DETERMINERS
                and toks[m - 1].is_cap):
            return (a, m - 1)
    return rng



_ACC_STOP = frozenset({",", ";", "—", "–", ":", "(", ")"})


def according_np(toks: list[Tok], k: int, final: bool) -> Rng | None:
    """Source after "according to": up to the next comma, dash or the end of the sentence
    ("early results of exit polls conducted for the Associated Press and television networks
    for Edison Research"), over abbreviations ("through Jan. 31") and quoted titles; a
    noun-phrase apposition after a comma is part of it ("Dennis B. Ross, another former
    envoy,")."""
    n = len(toks)
    last = n - 1
    while last > k and not toks[last].is_word:
        last -= 1
    m = k
    while m < n and m - k < (30 if final else 12):
        t = toks[m]
        if t.text in _ACC_STOP or (t.text == "-" and m > 0 and toks[m - 1].end < t.start):
            break
        if t.text == "." and m >= last:
            break
        if t.text in ("“", '"') and (m == k or toks[m - 1].text == ","):
            break
        if t.low in ("that", "which") and m > k and toks[m - 1].low not in ("the", "a"):
            break
        m += 1
    if m == k:
        return None
    end = m - 1
    while end > k and not toks[end].is_word and toks[end].text not in (")", "”", '"', "'", "’"):
        end -= 1
    if m < n and toks[m].text == ",":
        # "according to X, an advocacy group(, ...)": appositions that end at a comma or
        # the sentence end
        for seg in _segs(toks, m + 1, last):
            closes = (final and seg[1] + 1 >= last) or (
                seg[1] + 1 < last and toks[seg[1] + 1].text == ",")
            if seg_kind(toks, seg) not in ("np", "rel") or not closes or seg[1] - seg[0] > 14:
                break
            if seg_kind(toks, seg) == "np" and not _appos_start(toks, seg):
                break
            end = seg[1]
    return (k, end)


def _appos_start(toks: list[Tok], seg: Rng) -> bool:
    """An apposition starts like a description: "another former envoy", "a political
    crowdfunding website", "director of the Survey Center", "Clinton's Latino vote director";
    not like a clause ("..., according to Roffman, Trump made further demands")."""
    t = toks[seg[0]]
    if any(toks[x].low in IRREGULAR_PAST or (toks[x].low.endswith("ed") and not toks[x].is_cap
                                              and toks[x - 1].is_cap)
           for x in range(seg[0] + 1, seg[1] + 1)):
        return False  # "Mexico's powerful Televisa network censured his first report"
    return t.low in DETERMINERS or t.low in ("one", "another") or (
        seg[1] > seg[0] and toks[seg[0] + 1].text in ("'s", "’s"))


def relative_subject(toks: list[Tok], rng: Rng) -> tuple[Rng, Rng] | None:
    """ "Democrats in Iowa who watched the Saturday debate said": the walk left stopped inside
    the relative clause; (name, mention) = ("Democrats in Iowa", the whole subject)."""
    a, b = rng
    if a == b and toks[a].low in ("he", "she", "they", "i", "we", "it", "you"):
        return None
    r = a - 1
    while r > 0 and a - r < 14 and toks[r].is_word and toks[r].low not in ("who", "that"):
        r -= 1
    if r <= 0 or toks[r].low != "who" or r + 1 >= a:
        return None
    nxt = toks[r + 1]
    if nxt.is_cap or nxt.low in DETERMINERS or nxt.low in ("he", "she", "they", "i", "we"):
        return None  # "the rivals who Trump said" - an object relative
    head = left_np(toks, r - 1) if toks[r - 1].is_word else None
    if head is None or head[1] != r - 1:
        return None
    return head, (head[0], b)


_SUBJ_PRONOUNS = frozenset("i we you he she they it who which that this".split())
_WIDEN_PREPS = frozenset("of in at from for with on since near by about among across".split())


def widen_subject(toks: list[Tok], rng: Rng) -> Rng:
    """ "A post shared more than 20,000 times since March 9 says": the walk left stopped at a
    preposition; take the whole noun phrase from the start of the clause when it has no verb."""
    a, b = rng
    if a == 0 or toks[a - 1].low not in _WIDEN_PREPS:
        return rng
    cs = a - 1
    while cs > 0 and toks[cs - 1].text not in (",", ";", ":", "“", '"', "—", "(") and a - cs < 16:
        cs -= 1
    if cs > 0 and toks[cs - 1].text not in (",", ";", ":", "“", '"', "—", "("):
        return rng
    first = toks[cs]
    if not (first.is_cap or first.low in DETERMINERS or first.low[:1].isdigit()):
        return rng
    if first.low in PRONOUNS or first.low in BREAK_LEFT or first.low in PREPOSITIONS:
        return rng
    for m in range(cs + 1, a):
        low = toks[m].low
        if low in VERBISH or low in IRREGULAR_PAST or (
                low in BREAK_LEFT and low != "than" and low not in _WIDEN_PREPS) or (
                low in CORE_CUE_FORMS and not toks[m].is_cap) or low in _SUBJ_PRONOUNS:
            return rng
    return (cs, b)

"""Sources of cues whose subject is not right before them: infinitives ("she struggled to
demonstrate", "led her to declare"), gerund clauses and cues after modals or adverbs."""

from __future__ import annotations

from graph.analyze.attribution_np import (
    IRREGULAR_PAST,
    VERBISH,
    is_finite_verbish,
    left_np,
    np_forward,
    np_segments,
    seg_kind,
    trim_lead,
)
from graph.analyze.lexicon import CUE_FORMS, DETERMINERS, PREPOSITIONS, TIME_WORDS
from graph.analyze.phrases import is_adverb
from graph.analyze.tokens import Tok

Rng = tuple[int, int]

#: object pronouns before an infinitive: "led her to declare", "giving them leverage to insist"
OBJ_PRONOUNS = frozenset({"him", "her", "them", "us", "me"})
#: verbs of causing / allowing / asking whose object is the one who speaks: "led X to say"
_OBJECT_CONTROL = frozenset(
    """led lead leads leading drove drive drives prompted prompt prompts prompting forced force
    forces forcing pushed pressed pressured urged urging asked asking allowed allow allows
    invited encouraged encourage encourages caused causing called calling convinced
    persuaded expected want wants wanted need needs needed get got getting inspired""".split()
)
_VERB_GROUP = VERBISH | frozenset(
    """to also just still even already now then not never again only further""".split()
)


def _verbish(t: Tok, prev: Tok | None) -> bool:
    """A finite or participle verb before "to" ("struggled", "is beginning", "wants");
    not "have to" / "need to" (an obligation, not a report)."""
    low = t.low
    if t.is_cap or not t.is_word or low in _OBLIGATION:
        return False
    if prev is not None and (prev.low in DETERMINERS or prev.low in PREPOSITIONS):
        return False
    return low in IRREGULAR_PAST or low in CUE_FORMS or (
        low.endswith(("ed", "ing")) and len(low) > 4)


_OBLIGATION = frozenset("have has had having need needs needed got".split())


def infinitive_source(toks: list[Tok], to: int) -> Rng | None:
    """Who speaks in "X struggled to demonstrate" (X), "led her to declare" (her), "drove
    thousands of Armenians to demand" (the object), "is beginning to ask" (the subject)."""
    k = to - 1
    while k > 0 and is_adverb(toks[k]) and toks[k].low not in VERBISH:
        k -= 1
    if k < 0 or not toks[k].is_word:
        return None
    if toks[k].low in OBJ_PRONOUNS:
        return (k, k)
    if not _verbish(toks[k], toks[k - 1] if k > 0 else None):
        # "drove hundreds of Armenians to demand": an object after a causing verb
        obj = left_np(toks, k)
        if obj is None or obj[0] == 0:
            return None
        v = obj[0] - 1
        if toks[v].low in _OBJECT_CONTROL:
            return obj
        return None
    # walk left over the verb group: "has plainly struggled to", "are beginning to"
    m = k
    steps = 0
    while m > 0 and steps < 6:
        prev = toks[m - 1]
        if prev.low in _VERB_GROUP or is_adverb(prev) or (
                prev.low in ("'s", "'ve", "'re", "'d") and m - 1 > 0):
            m -= 1
            steps += 1
            continue
        break
    if m == 0:
        return None
    subj = left_np(toks, m - 1)
    if subj is None or subj[1] != m - 1:
        return None
    return subj


_BY_STOP = frozenset(
    """, ; : — – “ ” " ( ) that which who whom because while when if after before since
    than whether and but""".split()
)


_BY_PREP_STOP = frozenset("in on at during for from with about into over under".split())


def by_phrase(toks: list[Tok], k: int) -> int | None:
    """Index of the "by" of a passive's agent at or after k, in the same phrase: "was
    announced by X", "was viewed as a victory by some in the movement"."""
    for m in range(k, min(k + 10, len(toks))):
        low = toks[m].low
        if low == "by":
            return m
        if low in _BY_STOP and not (low == "and" and m > k and is_adverb(toks[m - 1])):
            return None  # "most forcefully and effectively by X" keeps going
        if low in _BY_PREP_STOP or (m > k and (low in IRREGULAR_PAST or low in CUE_FORMS or (
                low.endswith(("ed", "en")) and len(low) > 4 and not toks[m].is_cap))):
            return None  # "a case brought by X", "an interview published Monday by X"
        if low == "to" and m + 1 < len(toks) and not toks[m + 1].is_cap and (
                toks[m + 1].low not in DETERMINERS):
            return None  # "is expected to rule soon on a case brought by"

    return None


_CLAUSE_EDGE = frozenset({";", ":", "—", "–", "(", ")"})
_AUX_WALK = VERBISH | frozenset({"also", "just", "still", "even", "already", "never"})


def clause_subject(toks: list[Tok], i: int, quoted: list[bool]) -> Rng | None:
    """Subject of the finite verb nearest before a participle cue at i: "President Obama released
    a statement Thursday night condemning ...", "Mr. Trump was just as blunt, claiming ...",
    "Justice Thomas broke a decade-long silence by asking ..." (not the object or a fronted
    time phrase)."""
    for k in range(i - 1, 0, -1):
        t = toks[k]
        if t.text in _CLAUSE_EDGE or (t.text in ("“", '"') and not quoted[k]):
            return None
        if quoted[k] or not t.is_word or t.low.endswith("ing") or t.is_cap:
            continue
        if not is_finite_verbish(toks, k) or toks[k - 1].low == "to":
            continue
        j = k
        while j > 0 and (toks[j - 1].low in _AUX_WALK or is_adverb(toks[j - 1])):
            j -= 1
        if j == 0 or not toks[j - 1].is_word:
            return None
        subj = left_np(toks, j - 1)
        return subj if subj is not None and subj[1] == j - 1 else None
    return None


def subject_of_sentence(
    toks: list[Tok], upto: int, quoted: list[bool] | None = None
) -> Rng | None:
    """Subject of the main clause before ``upto`` (for ", adding that ..." and "... and said")."""
    segs = np_segments(toks, upto)
    for si, seg in enumerate(segs):
        if quoted and any(quoted[x] for x in range(seg[0], seg[1] + 1)):
            continue
        kind = seg_kind(toks, seg)
        if kind == "part" and toks[seg[0]].low in ("on", "in", "at", "by", "after", "late"):
            inner = _after_fronted_time(toks, seg)  # "On Tuesday she doubled down, ..."
            if inner is not None:
                return inner
        if kind in ("part", "rel"):
            continue
        a = trim_lead(toks, seg)[0]
        if toks[a].text in ("“", '"', "‘", "'"):
            continue
        rng = np_forward(toks, a, seg[1] + 1)
        if rng is None:
            continue
        # appositions directly after the subject: "The Cruz campaign, in a statement, said"
        if rng[1] == seg[1]:
            for nxt in segs[si + 1 :]:
                if seg_kind(toks, nxt) != "np" or nxt[1] - nxt[0] > 14:
                    break
                rng = (rng[0], nxt[1])
        return rng
    return None


def _after_fronted_time(toks: list[Tok], seg: Rng) -> Rng | None:
    """The subject after a fronted time phrase without a comma: "On Tuesday she ...",
    "On Sunday morning Mr. Trump made ..."."""
    for m in range(seg[0] + 1, min(seg[1], seg[0] + 5)):
        if toks[m - 1].low not in TIME_WORDS and toks[m - 1].low not in _DAYPARTS or (
                toks[m].low in TIME_WORDS or toks[m].low in _DAYPARTS):
            continue
        if toks[m].low in ("he", "she", "they", "we", "i"):
            return (m, m)
        if toks[m].is_cap:
            rng = np_forward(toks, m, seg[1] + 1)
            if rng and rng[1] < seg[1] and is_finite_verbish(toks, rng[1] + 1):
                return rng
        return None
    return None


_DAYPARTS = frozenset({"morning", "afternoon", "evening", "night", "week", "month", "year"})

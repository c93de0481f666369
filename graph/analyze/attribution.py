"""Attribution: who is said to have made a claim (source), with which cue, and what (content).

Rule-based over a light tokenization. Patterns: "X said (that) ...", "..., X said.",
"..., said X", "X told Y (that) ...", "according to X, ...", "X, who noted ...",
direct quotes, described sources ("officials", "people familiar with the matter"),
"in a statement, X said", pronoun sources, and source-less cues ("reportedly").
"""

from __future__ import annotations

import logging

from graph.analyze.lexicon import (
    AMBIGUOUS,
    AUX_BEFORE_CUE,
    BREAK_LEFT,
    BREAK_RIGHT,
    CUE_FORMS,
    DETERMINERS,
    OBJECT_VERBS,
    PARTICLES,
    PREPOSITIONS,
    PRONOUNS,
    SKIP_ADVERBIAL,
    SOURCELESS,
    SPEECH_LEMMAS,
    TIME_WORDS,
)
from graph.analyze.tokens import Tok, tokenize
from graph.model import Attribution, Sentence, Span

log = logging.getLogger(__name__)

_OPEN_Q = "\"“‘'"
_CLOSE_Q = "\"”’'"
_END_PUNCT = ".!?;:,—–-\"”’'()[] \n\t"


def _trim_span(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start] in " \n\t,;:—–-":
        start += 1
    while end > start and text[end - 1] in " \n\t,;:—–-.":
        end -= 1
    return Span(start, end) if end > start else None


def _is_verb_here(toks: list[Tok], i: int) -> bool:
    """Cheap check that toks[i] is used as a verb, for noun/verb-ambiguous cue words."""
    low = toks[i].low
    prev = toks[i - 1].low if i > 0 else ""
    if prev in DETERMINERS or prev in PREPOSITIONS and prev != "to":
        return False
    if CUE_FORMS.get(low) not in AMBIGUOUS:
        return True
    if i == 0:
        return False
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    if nxt in ("of",) and not low.endswith("ed"):
        return False
    p = toks[i - 1]
    return (
        prev in PRONOUNS
        or prev in AUX_BEFORE_CUE
        or prev.endswith("ly")
        or (p.is_cap and i > 1)
        or (prev.endswith("s") and prev.isalpha() and len(prev) > 3)
        or prev in (",", "who", "that", "which")
    )


def _left_np(toks: list[Tok], j: int) -> tuple[int, int] | None:
    """Token range [a, b] of the subject noun phrase ending at index j (inclusive)."""
    # skip time adverbials and adverbs between subject and verb ("Trump on Sunday said")
    while j >= 0 and (toks[j].low in SKIP_ADVERBIAL or toks[j].low in TIME_WORDS):
        if toks[j].low in TIME_WORDS and j > 0 and toks[j - 1].low in ("on", "last", "this"):
            j -= 2
            continue
        j -= 1
    if j < 0 or not toks[j].is_word:
        return None
    if toks[j].low in PRONOUNS:
        return (j, j)
    b = j
    a = j
    k = j
    while k >= 0 and b - k < 9:
        t = toks[k]
        low = t.low
        if t.text in ("'s", "’s", "&", "-", "'", "’"):
            k -= 1
            continue
        if not t.is_word or low in BREAK_LEFT or low in PRONOUNS - {"his", "her", "their", "its"}:
            break
        if low == "and" and not (k > 0 and toks[k - 1].is_cap and toks[k + 1].is_cap):
            break
        a = k
        k -= 1
    # sentence-initial prepositional phrase without comma: keep the part after it
    if toks[a].low in PREPOSITIONS:
        for m in range(a + 1, b + 1):
            if toks[m].is_cap or toks[m].low in ("the", "a", "an"):
                if m > a + 1 and toks[m - 1].low not in DETERMINERS:
                    a = m
                    break
        else:
            return None
        if toks[a].low in PREPOSITIONS:
            return None
    return (a, b)


def _right_np(toks: list[Tok], k: int) -> tuple[int, int] | None:
    """Token range of the noun phrase starting at index k (inverted "said X")."""
    if k >= len(toks) or not toks[k].is_word:
        return None
    if toks[k].low in PRONOUNS:
        return (k, k)
    if not (toks[k].is_cap or toks[k].low in DETERMINERS or toks[k].low in ("one", "two")):
        return None
    a = k
    b = k
    m = k
    while m < len(toks) and m - k < 10:
        t = toks[m]
        if t.text in ("'s", "’s", "&", "-"):
            m += 1
            continue
        if not t.is_word or t.low in BREAK_RIGHT:
            break
        b = m
        m += 1
    return (a, b)


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


def _subject_of_sentence(toks: list[Tok], upto: int) -> tuple[int, int] | None:
    """First plausible subject before index ``upto`` (for participles: ", adding that ...")."""
    for i in range(upto):
        if toks[i].low in PRONOUNS and toks[i].low not in ("his", "her", "their", "its"):
            return (i, i)
        if toks[i].is_cap and toks[i].is_word and toks[i].low not in BREAK_LEFT:
            j = i
            while j + 1 < upto and (toks[j + 1].is_cap or toks[j + 1].text in ("'s", "’s")):
                j += 1
            return (i, j)
    return None


def _candidates(toks: list[Tok]) -> list[tuple[int, int, str]]:
    """Cue token ranges (first, last, kind)."""
    out: list[tuple[int, int, str]] = []
    n = len(toks)
    i = 0
    while i < n:
        low = toks[i].low
        if low == "according" and i + 1 < n and toks[i + 1].low == "to":
            out.append((i, i + 1, "according_to"))
            i += 2
            continue
        if low in SOURCELESS:
            out.append((i, i, "sourceless"))
        elif low in CUE_FORMS and _is_verb_here(toks, i):
            if out and i - out[-1][1] <= 3 and i > 0 and toks[i - 1].low == "to":
                i += 1
                continue  # "declined to comment", "went on to say"
            a, b = i, i
            while a > 0 and toks[a - 1].low in AUX_BEFORE_CUE and a - 1 > 0:
                a -= 1
            lemma = CUE_FORMS[low]
            parts = PARTICLES.get(lemma)
            if parts and i + 1 < n and toks[i + 1].low in parts:
                b = i + 1
            out.append((a, b, "verb"))
        i += 1
    return out


def _content_after(text: str, toks: list[Tok], k: int, end: int) -> Span | None:
    if k >= len(toks):
        return None
    return _trim_span(text, toks[k].start, end)


def find_attributions(text: str, sentence: Sentence) -> list[Attribution]:
    """All attributions in a sentence, in text order."""
    toks = tokenize(text, sentence.start, sentence.end)
    if not toks:
        return []
    cands = _candidates(toks)
    out: list[Attribution] = []
    s_end = sentence.end
    for ci, (a, b, kind) in enumerate(cands):
        next_cue = cands[ci + 1][0] if ci + 1 < len(cands) else len(toks)
        stop = s_end
        if next_cue < len(toks):
            # content ends before a later ", adding/saying ..." cue
            for m in range(next_cue - 1, b, -1):
                if toks[m].text in (",", ";", "—"):
                    stop = toks[m].start
                    break
        cue = Span(toks[a].start, toks[b].end)
        if kind == "sourceless":
            content = _trim_span(text, sentence.start, s_end)
            if content:
                out.append(Attribution(content, None, cue, None, text[cue.start : cue.end], "verb"))
            continue
        if kind == "according_to":
            rng = _according_np(toks, b + 1)
            src = _span(toks, rng) if rng else None
            if a <= 1 or (a > 1 and toks[a - 1].text not in (",",) and a < 4):
                after = rng[1] + 1 if rng else b + 1
                content = _content_after(text, toks, after, stop)
            else:
                content = _trim_span(text, sentence.start, toks[a].start)
            if content:
                out.append(
                    Attribution(
                        content, src, cue,
                        text[src.start : src.end] if src else None,
                        text[cue.start : cue.end], "according_to",
                    )
                )
            continue
        lemma = CUE_FORMS.get(toks[b].low) or CUE_FORMS.get(toks[a].low, "")
        first_cue = a
        while first_cue <= b and toks[first_cue].low in AUX_BEFORE_CUE:
            first_cue += 1
        head = toks[first_cue].low
        att_kind = "verb"
        src_rng = None
        left = a - 1
        trailing = False
        b_after = b
        if head.endswith("ing") and left >= 0 and toks[left].text == ",":
            src_rng = _subject_of_sentence(toks, left)
        else:
            src_rng = _left_np(toks, left)
            if src_rng and toks[src_rng[0]].low in ("who", "which") and src_rng[0] > 1:
                ante = _left_np(toks, src_rng[0] - 2 if toks[src_rng[0] - 1].text == ","
                                else src_rng[0] - 1)
                att_kind = "relative"
                src_rng = ante or src_rng
            if src_rng is None and left >= 0 and toks[left].text in (",", "”", "\"", "’"):
                src_rng = _right_np(toks, b + 1)
                if src_rng:
                    b_after = src_rng[1]
                    trailing = True
        if src_rng is None and left < 0:
            src_rng = _right_np(toks, b + 1)
            if src_rng:
                b_after = src_rng[1]
                trailing = False
        src = _span(toks, src_rng) if src_rng else None
        # is this a trailing attribution (", X said." / "”, said X.")?
        tail = b_after + 1 if trailing else b + 1
        rest_words = [t for t in toks[tail:] if t.is_word]
        before = src_rng[0] if src_rng and not trailing else a
        if src_rng and not trailing and src_rng[0] < a:
            before = src_rng[0]
        if (trailing or len(rest_words) <= 3) and before > 0 and (
            toks[before - 1].text in (",", "”", "\"", "’", "—") or trailing
        ):
            content = _trim_span(text, sentence.start, toks[before].start)
            if content and text[content.start] in _OPEN_Q:
                att_kind = "quote"
        else:
            k = b + 1
            if lemma in OBJECT_VERBS and k < len(toks):
                # "told reporters (that)", "told CNN on Sunday that ..."
                for m in range(k, min(k + 8, len(toks))):
                    if toks[m].low == "that":
                        k = m
                        break
                else:
                    obj = _right_np(toks, k)
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
            content = _content_after(text, toks, k, stop)
        if content is None:
            continue
        out.append(
            Attribution(
                content, src, cue,
                text[src.start : src.end] if src else None,
                text[cue.start : cue.end], att_kind,
            )
        )
    return out


def find_attribution(text: str, sentence: Sentence) -> Attribution | None:
    """The main attribution of a sentence (a speech-verb one with a source first), or None."""
    atts = find_attributions(text, sentence)
    if not atts:
        return None
    for att in atts:
        if att.source is not None and att.cue_text and any(
            w in SPEECH_LEMMAS for w in _lemmas(att.cue_text)
        ):
            return att
    for att in atts:
        if att.source is not None:
            return att
    return atts[0]


def _lemmas(cue_text: str) -> list[str]:
    return [CUE_FORMS.get(w.lower(), w.lower()) for w in cue_text.split()]

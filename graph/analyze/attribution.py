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
    SOURCELESS,
    SPEECH_LEMMAS,
    TIME_WORDS,
)
from graph.analyze.phrases import (
    _ADJ_SUFFIXES,
    _FIRST_SECOND,
    _NEEDS_QUOTE,
    _NOUN_SOURCES,
    _OPENERS,
    _REL,
    _according_np,
    _extend_apposition,
    _interrupted_subject,
    _is_adverb,
    _left_np,
    _quoted_mask,
    _right_np,
    _span,
    _subject_of_sentence,
)
from graph.analyze.tokens import Tok, tokenize
from graph.model import Attribution, Sentence, Span

log = logging.getLogger(__name__)

_OPEN_Q = "\"“‘'"


def _trim_span(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start] in " \n\t,;:—–-":
        start += 1
    while end > start and text[end - 1] in " \n\t,;:—–-.":
        end -= 1
    return Span(start, end) if end > start else None


def _is_verb_here(toks: list[Tok], i: int) -> bool:
    """Cheap check that toks[i] is used as a verb, for noun/verb-ambiguous cue words."""
    low = toks[i].low
    lemma = CUE_FORMS.get(low)
    if lemma in _NEEDS_QUOTE:
        nxt = toks[i + 1].text if i + 1 < len(toks) else "."
        prv = toks[i - 1].text if i > 0 else ""
        return nxt in (",", ":", "“", '"', ".") or prv in (",", "”", '"')
    if lemma not in AMBIGUOUS:
        return True
    if i == 0:
        return False
    p = toks[i - 1]
    prev = p.low
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    if prev in DETERMINERS or prev in PREPOSITIONS or prev in ("'s", "’s") or nxt == "of":
        return False
    if prev[:1].isdigit():
        return False
    if low.endswith("ed") or low in ("said", "told", "found", "saw", "thought"):
        return p.is_word or prev in (",", "”", '"')
    if low.endswith("ing") and prev == ",":
        return True  # ", adding that ..."
    if (p.is_word and not p.is_cap and prev not in BREAK_LEFT and len(prev) > 2
            and not prev.endswith(_ADJ_SUFFIXES) and low.endswith("s")):
        return True  # "the poll shows", "the report claims"
    # base / 3sg / -ing forms of noun-like words: need a clear subject or auxiliary
    return (
        prev in PRONOUNS
        or prev in AUX_BEFORE_CUE
        or prev in ("to", "who", "which", "that", "will", "would", "could", "might", "may",
                    "must", "should", "can", "cannot", "did", "does", "do")
        or _is_adverb(p)
        or (p.is_cap and i > 1 and p.is_word and toks[i - 2].low not in DETERMINERS)
        or prev in _NOUN_SOURCES
    )


_SAY_EXT = (
    ("in", "a", "statement"), ("in", "an", "interview"), ("in", "a", "written", "statement"),
    ("in", "the", "statement"), ("of",),
)


def _extend_say(toks: list[Tok], i: int) -> int:
    """ "said in a statement", "said of": PolNeAR includes these in the cue."""
    for ext in _SAY_EXT:
        j = i + 1 + len(ext)
        if j <= len(toks) and tuple(t.low for t in toks[i + 1 : j]) == ext:
            return j - 1
    return i


def _candidates(toks: list[Tok]) -> list[tuple[int, int, str]]:
    """Cue token ranges (first, last, kind)."""
    out: list[tuple[int, int, str]] = []
    n = len(toks)
    quoted = _quoted_mask(toks)
    words = [t for t in toks if t.is_word and t.text[:1].isalpha()]
    title_case = len(words) >= 4 and sum(t.is_cap for t in words) >= 0.7 * len(words)
    i = 0
    while i < n:
        low = toks[i].low
        if quoted[i] or (toks[i].is_cap and i > 0 and low != "according" and not title_case):
            i += 1
            continue
        if low == "according" and i + 1 < n and toks[i + 1].low == "to":
            out.append((i, i + 1, "according_to"))
            i += 2
            continue
        if low in SOURCELESS:
            out.append((i, i, "sourceless"))
        elif low in CUE_FORMS and _is_verb_here(toks, i) and not (
            i + 1 < n and toks[i + 1].low in ("tank", "tanks")
        ):
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
            elif lemma == "say" and i + 1 < n:
                b = _extend_say(toks, i)
            out.append((a, b, "verb"))
        i += 1
    return out


def _content_after(text: str, toks: list[Tok], k: int, end: int) -> Span | None:
    if k >= len(toks):
        return None
    return _trim_span(text, toks[k].start, end)


def _colon_attribution(text: str, toks: list[Tok]) -> Attribution | None:
    """Headline / transcript style "Rubio: I'm not interested ..." and "- Bump: “Two ..."."""
    n = len(toks)
    for c in range(1, min(n - 1, 40)):
        if toks[c].text != ":":
            continue
        a = c - 1
        while a >= 0 and c - a <= 6 and (toks[a].is_cap or toks[a].text in ("'s", "’s", "and",
                                                                                ".")):
            a -= 1
        start = a + 1
        if start >= c or not toks[start].is_cap:
            return None
        if a >= 0 and toks[a].text not in ("-", "—", "–"):
            return None
        if c + 1 >= n or not (toks[c + 1].is_cap or toks[c + 1].text in _OPENERS | {'"', "'"}):
            return None
        src = Span(toks[start].start, toks[c - 1].end)
        content = _trim_span(text, toks[c + 1].start, toks[-1].end)
        if content is None:
            return None
        cue = Span(toks[c].start, toks[c].end)
        return Attribution(content, src, cue, text[src.start : src.end], ":", "verb")
    return None


def find_attributions(text: str, sentence: Sentence) -> list[Attribution]:
    """All attributions in a sentence, in text order."""
    toks = tokenize(text, sentence.start, sentence.end)
    if not toks:
        return []
    cands = _candidates(toks)
    quoted = _quoted_mask(toks)
    last_src: tuple[int, int] | None = None
    out: list[Attribution] = []
    s_end = sentence.end
    colon = _colon_attribution(text, toks)
    if colon is not None:
        out.append(colon)
    if 2 <= len(toks) <= 6 and toks[0].text in "―—" and all(
        t.is_cap or t.text in (".", ",") for t in toks[1:]
    ):
        # a sign-off under a quote: "― Jacklyn Ashley"
        src = _trim_span(text, toks[1].start, sentence.end)
        if src is not None:
            cue = Span(toks[0].start, toks[0].end)
            return [Attribution(Span(sentence.start, sentence.end), src, cue,
                                text[src.start : src.end], toks[0].text, "quote")]

    for ci, (a, b, kind) in enumerate(cands):
        next_cue = cands[ci + 1][0] if ci + 1 < len(cands) else len(toks)
        stop = s_end
        if next_cue < len(toks):
            # content ends before a later ", adding/saying ..." or "... and called ..." cue
            for m in range(next_cue - 1, b, -1):
                if toks[m].text in (",", ";", "—") or (
                    toks[m].low in ("and", "but") and m == next_cue - 1
                ):
                    stop = toks[m].start
                    break
        cue = Span(toks[a].start, toks[b].end)
        if kind == "sourceless":
            start = toks[b + 1].start if a == 0 and b + 1 < len(toks) else sentence.start
            content = _trim_span(text, start, s_end)
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
        if _is_passive(toks, a, first_cue):
            # "has not been announced" (no speaker) / "was announced by the mayor"
            by_agent = b + 1 < len(toks) and toks[b + 1].low == "by"
            agent = _right_np(toks, b + 2) if by_agent else None
            src = _span(toks, agent) if agent else None
            out.append(Attribution(
                Span(sentence.start, sentence.end), src, cue,
                text[src.start : src.end] if src else None, text[cue.start : cue.end], "verb",
            ))
            continue
        att_kind = "verb"
        src_rng = None
        left = a - 1
        trailing = False
        b_after = b
        prev = toks[left].text.lower() if left >= 0 else ""
        if (head.endswith("ing") and prev == ",") or prev in ("and", "but"):
            # ", adding that ..." / "X said ... and added ...": the earlier speaker
            src_rng = last_src or _subject_of_sentence(toks, left, quoted)
        elif prev in (",", "”", '"', "’", "'", "—", ":") or left < 0:
            src_rng = _right_np(toks, b + 1)
            if src_rng:
                trailing = left >= 0
                if trailing:
                    src_rng = (src_rng[0], _extend_apposition(toks, src_rng[1]))
                b_after = src_rng[1]
            elif prev == ",":
                src_rng = _interrupted_subject(toks, left)
        else:
            src_rng = _left_np(toks, left)
            if src_rng and toks[src_rng[0]].low in _REL and src_rng[0] > 1:
                r = src_rng[0]
                ante = _left_np(toks, r - 2 if toks[r - 1].text == "," else r - 1)
                att_kind = "relative"
                src_rng = ante or src_rng
        if (src_rng and src_rng[0] == src_rng[1] and toks[src_rng[0]].low in _FIRST_SECOND
                and lemma not in SPEECH_LEMMAS):
            continue  # "I think", "we want", "you know": opinion, not attribution
        src = _span(toks, src_rng) if src_rng else None
        before = src_rng[0] if src_rng and not trailing and src_rng[0] < a else a
        before_content = (
            _trim_span(text, sentence.start, toks[before].start) if before > 0 else None
        )
        after_content = _after_content(text, toks, b_after if trailing else b, lemma, stop)
        n_after = _n_words(text, after_content)
        if before_content and (
            trailing
            or n_after == 0
            or (n_after <= 4 and toks[before - 1].text in (",", "”", '"', "’", "'", "—")
                and _only_adverbial(text, after_content))
        ):
            content = before_content
            if text[content.start] in _OPEN_Q:
                att_kind = "quote"
        else:
            content = after_content
        if src_rng:
            last_src = src_rng
        if content is None and src is not None and lemma in SPEECH_LEMMAS:
            content = Span(sentence.start, sentence.end)  # "Trump said." after a quote
        if content is None:
            continue
        if (lemma not in SPEECH_LEMMAS or src is None) and _n_words(text, content) < 3:
            continue  # "inspectors found cracks": an event, not a reported statement
        out.append(
            Attribution(
                content, src, cue,
                text[src.start : src.end] if src else None,
                text[cue.start : cue.end], att_kind,
            )
        )
    return out


_ADVERBIAL = TIME_WORDS | PREPOSITIONS | DETERMINERS | frozenset(
    "statement interview email emails phone call conference news release tweet post "
    "recently later earlier previously also last late early".split()
)


def _only_adverbial(text: str, span: Span | None) -> bool:
    """True when the text after a trailing cue is just "on Tuesday" / "in a statement"."""
    if span is None:
        return True
    words = [w.strip(".,;:!?\"'”’").lower() for w in text[span.start : span.end].split()]
    return all(not w or w in _ADVERBIAL or w[:1].isdigit() for w in words)


_BE = frozenset({"was", "were", "is", "are", "be", "been", "being"})


def _is_passive(toks: list[Tok], a: int, head: int) -> bool:
    return head > a and toks[head - 1].low in _BE and toks[head].low.endswith(("ed", "en", "wn"))


def _n_words(text: str, span: Span | None) -> int:
    if span is None:
        return 0
    return sum(1 for w in text[span.start : span.end].split() if any(c.isalnum() for c in w))


def _after_content(text: str, toks: list[Tok], b: int, lemma: str, stop: int) -> Span | None:
    """Content after the cue: skip an indirect object, punctuation and "on Tuesday" to "that"."""
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
    if k >= len(toks) or toks[k].start >= stop:
        return None
    return _trim_span(text, toks[k].start, stop)


def find_attribution(text: str, sentence: Sentence) -> Attribution | None:
    """The main attribution of a sentence (a speech-verb one with a source first), or None."""
    atts = find_attributions(text, sentence)
    if not atts:
        return None
    for att in atts:
        if att.source is not None and att.cue_text and not att.cue_text.endswith("ing") and any(
            w in SPEECH_LEMMAS for w in _lemmas(att.cue_text)
        ):
            return att
    for att in atts:
        if att.source is not None:
            return att
    return atts[0]


def _lemmas(cue_text: str) -> list[str]:
    return [CUE_FORMS.get(w.lower(), w.lower()) for w in cue_text.split()]

"""Attribution: who is said to have made a claim (source), with which cue, and what (content).

Rule-based over a light tokenization. Patterns: "X said (that) ...", "..., X said.",
"..., said X", "X told Y (that) ...", "according to X, ...", "X, who noted ...",
direct quotes, described sources ("officials", "people familiar with the matter"),
"in a statement, X said", pronoun sources, and source-less cues ("reportedly").
"""

from __future__ import annotations

import logging

from graph.analyze.attribution_content import content_after_cue, n_words, only_adverbial
from graph.analyze.attribution_cues import (
    colon_attribution,
    content_after,
    cue_candidates,
    poll_np,
    trim_span,
)
from graph.analyze.attribution_inverted import extend_apposition, inverted_ok, right_np
from graph.analyze.attribution_mention import (
    according_np,
    coordinated,
    cut_at_verb,
    junk_source,
    mention_after,
    mention_before,
    reduced_relative,
    relative_subject,
    trim_tail,
    widen_subject,
)
from graph.analyze.attribution_np import comma_subject, left_np, np_forward
from graph.analyze.attribution_rules import (
    absolute_phrase,
    is_subordinate,
    mid_inverted,
    quoted_mask,
)
from graph.analyze.attribution_stance import human_like
from graph.analyze.attribution_subject import (
    by_phrase,
    clause_subject,
    infinitive_source,
    subject_of_sentence,
)
from graph.analyze.lexicon import (
    AGENT_FORMS,
    AUX_BEFORE_CUE,
    CUE_FORMS,
    PARTICLE_FORMS,
    PREPOSITIONS,
    PRONOUNS,
    SPEECH_LEMMAS,
    TIME_WORDS,
)
from graph.analyze.phrases import FIRST_SECOND_PERSON, RELATIVE_WORDS, make_span
from graph.analyze.tokens import Tok, tokenize
from graph.model import Attribution, Sentence, Span

log = logging.getLogger(__name__)

_OPEN_Q = "\"“‘'"



def find_attributions(text: str, sentence: Sentence) -> list[Attribution]:
    """All attributions in a sentence, in text order."""
    toks = tokenize(text, sentence.start, sentence.end)
    if not toks:
        return []
    cands = cue_candidates(toks)
    cue_starts = [c[1] for c in cands]
    quoted = quoted_mask(toks)
    last_src: tuple[int, int] | None = None
    taken: list[tuple[int, int]] = []
    out: list[Attribution] = []
    s_end = sentence.end
    colon = colon_attribution(text, toks)
    if colon is not None:
        out.append(colon)
    if 2 <= len(toks) <= 6 and toks[0].text in "―—" and all(
        t.is_cap or t.text in (".", ",") for t in toks[1:]
    ):
        # a sign-off under a quote: "― Jacklyn Ashley"
        src = trim_span(text, toks[1].start, sentence.end)
        if src is not None:
            cue = Span(toks[0].start, toks[0].end)
            return [Attribution(Span(sentence.start, sentence.end), src, cue,
                                text[src.start : src.end], toks[0].text, "quote")]

    for ci, (a, b, kind) in enumerate(cands):
        if absolute_phrase(toks, a, b):
            continue
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
            content = trim_span(text, start, s_end)
            if content:
                out.append(Attribution(content, None, cue, None, text[cue.start : cue.end], "verb"))
            continue
        if kind == "according_to":
            fronted = (a <= 1 or (a > 1 and toks[a - 1].text not in (",",) and a < 4)) and not (
                a == 2 and toks[1].low in ("'s", "’s", "is", "was"))  # "That's according to X"
            rng = poll_np(toks, b + 1) if toks[a].low == "in" else according_np(
                toks, b + 1, final=not fronted)
            src = make_span(toks, rng) if rng else None
            if rng:
                taken.append(rng)
                if toks[a].low == "in" and not any(t.is_cap for t in toks[rng[0] : rng[1] + 1]):
                    src = None  # "a wide lead in the polls": no one in particular
            if fronted:
                after = rng[1] + 1 if rng else b + 1
                if after < len(toks) and toks[after].start >= stop:
                    stop = s_end  # "According to X, Mills asked ...": the whole clause
                content = content_after(text, toks, after, stop)
            else:
                content = trim_span(text, sentence.start, toks[a].start)
            if content:
                out.append(
                    Attribution(
                        content, src, cue,
                        text[src.start : src.end] if src else None,
                        text[cue.start : cue.end], "according_to",
                    )
                )
            continue
        if any(x <= a <= y for x, y in taken):
            continue  # "according to two council members who spoke on condition of ..."
        lemma = (CUE_FORMS.get(toks[b].low) or CUE_FORMS.get(toks[a].low)
                 or PARTICLE_FORMS.get(toks[b - 1].low, ""))
        first_cue = a
        while first_cue <= b and toks[first_cue].low in AUX_BEFORE_CUE:
            first_cue += 1
        head = toks[first_cue].low
        by_next = b + 2 < len(toks) and toks[b + 1].low == "by" and a == first_cue and (
            not toks[b + 2].low.endswith("ing")) and (  # not "responded by saying"
            toks[b].low.endswith("ed") and (a == 0 or (
                not toks[a - 1].is_cap or (a == 1 and toks[0].low in _BY_OPENERS))))
        agentive = head in AGENT_FORMS or kind == "multi"
        if kind != "adj" and (_is_passive(toks, a, first_cue) or _is_passive(toks, a, b)
                              or by_next):
            # "has not been announced" (no speaker) / "was announced by the mayor"
            by_at = by_phrase(toks, b + 1)  # "was recommended to Trump ... by their friend"
            agent = None if by_at is None else right_np(toks, by_at + 1)
            if by_at is not None and agent is None and human_like(
                    toks, low_agent := np_forward(toks, by_at + 1)):
                agent = low_agent  # "by left-leaning economists"
            if agentive and not human_like(toks, agent):
                continue
            src = make_span(toks, agent) if agent else None
            content = Span(sentence.start, sentence.end)
            if src is not None and a > 0 and toks[a - 1].low in ("as", "first"):
                # "X will move, as reported by the Beacon." / "As first reported by Y, X ..."
                lo = a - 1 if toks[a - 1].low == "as" else a - 2
                after = agent[1] + 1 if agent else b + 1
                if lo <= 1:
                    content = content_after(text, toks, after, s_end) or content
                else:
                    content = trim_span(text, sentence.start, toks[lo].start) or content
            out.append(Attribution(
                content, src, cue,
                text[src.start : src.end] if src else None, text[cue.start : cue.end], "verb",
            ))
            continue
        att_kind = "verb"
        src_rng = None
        rel_tok = -1
        verb_object = False
        rel_that = False
        mention = None
        left = a - 1
        trailing = False
        b_after = b
        prev = toks[left].text.lower() if left >= 0 else ""
        if head.endswith("ing") and prev in _GERUND_PREPS:
            src_rng = (clause_subject(toks, left, quoted)
                       or subject_of_sentence(toks, left, quoted))
        elif (head.endswith("ing") and prev == ",") or prev in ("and", "but"):
            # ", adding that ..." / "X said ... and added ...": the earlier speaker
            src_rng = last_src or subject_of_sentence(toks, left, quoted)
        elif left < 0 and head.endswith("ing") and (comma := _first_comma(toks, b, quoted)):
            src_rng = np_forward(toks, comma + 1)
            stop = min(stop, toks[comma].start)
        elif prev in (",", "”", '"', "’", "'", "—", ":") or left < 0:
            # "— responded to the allegations": the object of a particle, not an inverted speaker
            src_rng = None if toks[b].low in PREPOSITIONS else right_np(toks, b + 1)
            # "Purcell, a Republican, said she ...": the subject is left of the comma
            inner = comma_subject(toks, left) if prev in (",", "—") else None
            if inner is not None and src_rng and mid_inverted(toks, inner, left, src_rng,
                                                                cue_starts):
                # "The paradox of Nancy, says Carl Anthony, historian ..., is that": a single
                # comma never separates a subject from its verb, so the source is inverted
                inner = None
            if src_rng and (inner is not None or not inverted_ok(toks, src_rng)):
                src_rng = None
            if src_rng:
                trailing = left >= 0
                if trailing:
                    src_rng = (src_rng[0], extend_apposition(toks, src_rng[1]))
                    mention = mention_after(toks, src_rng, cue_starts)
                b_after = src_rng[1]
            else:
                src_rng = inner
                if inner is not None:
                    mention = mention_before(toks, inner, left, cue_starts)
        else:
            if toks[left].text in _CONTRACTED and left > 0 and toks[left - 1].low in (
                    "he", "she", "they", "we", "i", "who"):
                left -= 1  # "he's said", "they've argued"
            src_rng = (infinitive_source(toks, left) if toks[left].low == "to"
                       else left_np(toks, left))
            if src_rng is None:
                k = left
                while k > 0 and (toks[k].low in TIME_WORDS or toks[k].low in _INTERRUPT
                                 or toks[k].low in ("on", "last", "this")):
                    k -= 1
                if k > 0 and k < left and toks[k].text == ",":
                    # "Trump, who has been feuding with leaders, on Friday described"
                    src_rng = comma_subject(toks, k)
                    if src_rng is not None:
                        mention = mention_before(toks, src_rng, k, cue_starts)
            if src_rng and src_rng[1] < left and toks[src_rng[1]].low.endswith("ed") and all(
                    toks[x].low in TIME_WORDS or toks[x].low in ("on", "last", "this")
                    for x in range(src_rng[1] + 1, left + 1)):
                src_rng = (src_rng[0], left)  # "New polls released Sunday showed"
            if src_rng:
                src_rng = coordinated(toks, widen_subject(toks, src_rng))
                if (rel_subj := relative_subject(toks, src_rng)) is not None:
                    src_rng, mention = rel_subj
            if src_rng and toks[src_rng[0]].low in RELATIVE_WORDS and src_rng[0] > 1:
                r = src_rng[0]
                ante = left_np(toks, r - 2 if toks[r - 1].text == "," else r - 1)
                att_kind = "relative"
                if ante:
                    rel_tok, src_rng = r, ante
                elif toks[r].low == "that" and toks[r - 1].is_word:
                    rel_that = True  # "spots that highlight": a thing, unless a person is named
        if agentive and not human_like(toks, src_rng):
            continue  # "the bill passed", "the plan offered": an event, not a stance
        if (src_rng and src_rng[0] == src_rng[1] and toks[src_rng[0]].low in FIRST_SECOND_PERSON
                and lemma not in SPEECH_LEMMAS):
            continue  # "I think", "we want", "you know": opinion, not attribution
        if src_rng:
            src_rng = trim_tail(toks, cut_at_verb(toks, src_rng))
            if not trailing and src_rng[1] < a:
                # "things the Donald has said" -> "the Donald"; "bears the case number": junk
                src_rng, verb_object = reduced_relative(toks, src_rng, src_rng[1] == a - 1)
        src = make_span(toks, src_rng) if src_rng else None
        before = src_rng[0] if src_rng and not trailing and src_rng[0] < a else a
        before_content = (
            trim_span(text, sentence.start, toks[before].start) if before > 0 else None
        )
        after_content = content_after_cue(text, toks, b_after if trailing else b, lemma, stop)
        n_after = n_words(text, after_content)
        if before_content and (
            trailing
            or n_after == 0
            or (n_after <= 4 and toks[before - 1].text in (",", "”", '"', "’", "'", "—")
                and only_adverbial(text, after_content))
        ):
            content = before_content
            if text[content.start] in _OPEN_Q:
                att_kind = "quote"
        else:
            content = after_content
        if content is None and src is not None and lemma in SPEECH_LEMMAS:
            content = Span(sentence.start, sentence.end)  # "Trump said." after a quote
        if content is None:
            continue
        if (lemma not in SPEECH_LEMMAS or src is None) and n_words(text, content) < 3 and (
                lemma != "decline" or src is None) and not (
                src is not None and n_words(text, content) >= 1 and human_like(toks, src_rng)):
            continue  # "inspectors found cracks": an event, not a reported statement
        if src_rng and is_subordinate(toks, src_rng[0]) and (
                (content is after_content and n_words(text, content) < 3)
                or (content is not after_content and toks[src_rng[0] - 1].low != "as")):
            continue  # "... until the company says more", "see what the engineers found"
        nested = any(o.kind != "quote" and o.content.start <= cue.start < o.content.end
                     and o.cue is not None and o.cue.end <= cue.start
                     and not _clause_break(toks, o.cue.end, a) for o in out)
        if nested and (lemma not in SPEECH_LEMMAS or _is_pronoun(toks, src_rng)):
            # "Schlafly said she considered ...": PolNeAR (and the claim) keep the outer one;
            # a named nested speaker ("said the governor told him") stays
            continue
        if a > 0 and toks[a - 1].low == "to" and not (src_rng and src_rng[1] >= a - 1):
            cue = Span(toks[a - 1].start, cue.end)  # "led Republicans to say": PolNeAR's cue
        src_text = text[src.start : src.end] if src else None
        if src_rng and rel_tok >= 0 and junk_source(toks, src_rng):
            src_text = None  # "..., who said": the relative is the mention; no clear name
        elif src_rng and (junk_source(toks, src_rng) or verb_object or rel_that
                          or lemma in _IMPERSONAL or (kind == "adj" and src_rng[0] == src_rng[1]
                                                      and toks[src_rng[0]].low == "it")):
            # "It is doubtful (that) ...": an extraposed clause; "it" is no one
            src = src_text = None
        elif mention is not None and mention != src_rng:
            src = make_span(toks, mention)
        if src is not None and rel_tok >= 0:
            # PolNeAR's source is the relative pronoun; the name stays the speaker
            src = Span(toks[rel_tok].start, toks[rel_tok].end)
            if toks[rel_tok].low == "that" and not human_like(toks, src_rng):
                src = src_text = None  # "a Web video that accuses": a thing, not a speaker
        if src_rng and not nested:
            # ", adding ..." / "... but cautioned": the subject of a kept main-clause cue, not
            # of a dropped or nested one ("said that he had voted for X, but cautioned")
            last_src = src_rng
        out.append(Attribution(content, src, cue, src_text, text[cue.start : cue.end], att_kind))
    return out


_CONTRACTED = frozenset({"'s", "’s", "'ve", "’ve", "'re", "’re", "'d", "’d"})
_INTERRUPT = frozenset({"however", "though", "meanwhile", "too", "instead", "therefore"})
#: "Clinton appeared to have the most to gain": the writer's impression, not Clinton's
#: statement (PolNeAR marks the cue with no source); the attribution stays, source-less
_IMPERSONAL = frozenset({"appear", "seem"})
#: "... incurred boos upon saying", "pressured them by threatening": the clause's subject
_GERUND_PREPS = frozenset({"by", "upon", "after", "before", "while", "without", "in"})
#: sentence openers before a participle cue with a by-agent ("As reported by X, ...")
_BY_OPENERS = frozenset({"as", "when", "if", "unless", "once", "while"})
_BE = frozenset({"was", "were", "is", "are", "be", "been", "being"})
_PARTICIPLES = frozenset({"told", "said", "found", "thought", "heard", "written", "known", "seen"})


def _clause_break(toks: list[Tok], after: int, a: int) -> bool:
    """ "Beck said he ..., but he said ...": a new clause between an earlier cue (ending at
    offset ``after``) and the cue at token ``a``; the later cue is not nested."""
    for k in range(a - 1, 0, -1):
        t = toks[k]
        if t.start < after:
            return False
        if t.text == ";" or (t.low in _CLAUSE_CONJ and toks[k - 1].text == ","):
            return True
    return False


_CLAUSE_CONJ = frozenset({"but", "and", "while", "though", "although", "yet"})


def _is_pronoun(toks: list[Tok], rng: tuple[int, int] | None) -> bool:
    return rng is None or (rng[0] == rng[1] and toks[rng[0]].low in PRONOUNS)


def _is_passive(toks: list[Tok], a: int, head: int) -> bool:
    low = toks[head].low
    if not (low.endswith(("ed", "en", "wn")) or low in _PARTICIPLES):
        return False
    k = head - 1
    while k > a and (toks[k].low in ("not", "n't", "also", "still", "now", "first")
                     or toks[k].low.endswith("ly")):
        k -= 1  # "is not (widely) expected", "are now maintained"
    return k >= a and k < head and toks[k].low in _BE


def _first_comma(toks: list[Tok], b: int, quoted: list[bool]) -> int | None:
    return next((m for m in range(b + 1, min(len(toks) - 1, b + 40))
                 if toks[m].text == "," and not quoted[m]), None)


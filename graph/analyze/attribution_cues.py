"""Cue candidates for attribution: speech/cognition verbs in a verb context, "according to",
source-less adverbs ("reportedly") and headline colons ("Rubio: I'm not interested")."""

from __future__ import annotations

from graph.analyze.attribution_rules import colon_label, cue_context_ok, quoted_mask
from graph.analyze.attribution_stance import HUMAN_HEADS, chain_start, multi_cue
from graph.analyze.gazetteer import COUNTRIES_STATES
from graph.analyze.lexicon import (
    AMBIGUOUS,
    ATTITUDE_ADJ,
    AUX_BEFORE_CUE,
    BE_FORMS,
    BREAK_LEFT,
    CUE_FORMS,
    DETERMINERS,
    PARTICLE_FORMS,
    PARTICLES,
    PREPOSITIONS,
    PRONOUNS,
    SOURCELESS,
)
from graph.analyze.phrases import ADJ_SUFFIXES, NEEDS_QUOTE, NOUN_SOURCES, OPENERS, is_adverb
from graph.analyze.tokens import Tok
from graph.model import Attribution, Span


def trim_span(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start] in " \n\t,;:—–-":
        start += 1
    while end > start and text[end - 1] in " \n\t,;:—–-.":
        end -= 1
    return Span(start, end) if end > start else None


_PRENOMINAL = frozenset("such same other new first last only big real overt public".split())
#: adjectives that make a following cue word a noun even without a determiner
_BARE_ADJ = frozenset(
    "new private renewed failed firmest constant repeated growing bipartisan".split())


def _human_plural(p: Tok) -> bool:
    """A plural noun for people or their groups: "voters", "Democrats", "analysts", "polls"."""
    low = p.low
    if not p.is_word or not low.endswith("s") or low.endswith("ss") or len(low) < 4:
        return False
    return low in HUMAN_HEADS or low.endswith(_PERSON_PLURALS) or (
        p.is_cap and low.endswith(("ans", "ats")))


_PERSON_PLURALS = ("ers", "ists", "ents", "ors", "ians", "icans", "crats")


def _noun_after_det(toks: list[Tok], i: int) -> bool:
    """"no overt mention", "an off-color joke", "the most telling promise": a base form after
    a determiner and modifiers is a noun ("the people say", "his aides say" are subjects)."""
    low = toks[i].low
    if i < 1 or (low != CUE_FORMS.get(low) and not (
            low.endswith("s") and low[:-1] == CUE_FORMS.get(low))):
        return False
    adj = toks[i - 1]
    if not adj.is_word or adj.low in HUMAN_HEADS or (adj.is_cap and i > 1):
        return False
    if (adj.low in _BARE_ADJ or adj.low.endswith(("ous", "ful", "less", "ic", "able"))) and (
            i == 1 or (toks[i - 2].low not in PRONOUNS and not toks[i - 2].is_cap)):
        return True  # "serious doubts", "vicious ridicule", "faces renewed doubts"
    if i < 2:
        return False
    det = toks[i - 2].low
    return det in DETERMINERS and det not in ("that", "this") and low == CUE_FORMS.get(low) and (
        "-" in adj.text or adj.low in _PRENOMINAL or adj.low.endswith(ADJ_SUFFIXES))


def _noun_compound(toks: list[Tok], i: int) -> bool:
    """ "(habitual offender notice)", "to keep stress under control", "the lowest Amazon offer":
    a base form right after a singular noun or a verb that is not its subject, auxiliary or
    modal is a noun (a singular subject would take "notices")."""
    low = toks[i].low
    if i < 1 or low != CUE_FORMS.get(low) or low in _BASE_IS_PAST:
        return False
    p, pp = toks[i - 1], toks[i - 2].low if i > 1 else ""
    prev = p.low
    if not p.text.isalpha() or prev.endswith(("s", "ed")) or prev in HUMAN_HEADS or (
            prev in _NOT_NOUN_BEFORE or prev in _NUMBERS or _verb_slot(p)):
        return False  # "those surveyed say", "the two admit", "official data suggest"
    nxt = toks[i + 1] if i + 1 < len(toks) else p
    if prev in PREPOSITIONS and prev not in ("to", "than"):
        # "levels of stress hormones" (not "a note of caution, ...")
        return nxt.text.isalpha() and not nxt.is_cap and nxt.low not in _FUNCTION_WORDS
    if any(t.low in ("who", "that", "which") for t in toks[max(0, i - 10) : i]):
        return False  # "lawmakers who are open to reform disagree", "that the union endorse"
    if pp == "to":
        return not p.is_cap  # "to keep stress", "to hear notice": a verb and its object
    # "(habitual offender notice", "the lowest Amazon offer", "the debate invite"
    if i > 2 and (toks[i - 3].low in PREPOSITIONS or toks[i - 3].low in _NOT_NOUN_BEFORE):
        return False  # "observers around the country say": the subject is further left
    return (pp in DETERMINERS and pp not in ("that", "this")) or pp == "(" or (
        pp.endswith(ADJ_SUFFIXES + ("est",)) and not toks[i - 2].is_cap)


#: base forms that are also past tenses ("read"); words before a base-form verb
_BASE_IS_PAST = frozenset({"read", "put", "let", "set", "cut"})
_NOT_NOUN_BEFORE = frozenset(
    """and or but nor not never also then just only even still often always rather than
    let make made help helped people police children men women staff public majority
    government team family couple i you we they who please him her them us me it data
    media crowd two around across throughout near inside outside beyond like""".split())
_FUNCTION_WORDS = PREPOSITIONS | {"that", "and", "or", "but", "is", "was", "are", "were"}


def _is_verb_here(toks: list[Tok], i: int) -> bool:
    """Cheap check that toks[i] is used as a verb, for noun/verb-ambiguous cue words."""
    low = toks[i].low
    lemma = CUE_FORMS.get(low)
    if lemma in NEEDS_QUOTE:
        nxt = toks[i + 1].text if i + 1 < len(toks) else "."
        prv = toks[i - 1].text if i > 0 else ""
        return nxt in (",", ":", "“", '"', ".") or prv in (",", "”", '"')
    if _noun_after_det(toks, i) or _noun_compound(toks, i):
        return False
    if lemma not in AMBIGUOUS:
        return True
    if i == 0:
        return False
    p = toks[i - 1]
    prev = p.low
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    if low.endswith("ing") and prev in _GERUND_PREPS and i > 1:
        return True  # "by calling", "after questioning": a gerund takes an object
    if low.endswith("ing") and (prev in (",", "—", "–", "-") or (prev == "and" and any(
            t.low.endswith("ing") and len(t.low) > 5 for t in toks[max(0, i - 12) : i - 1]))):
        return True  # "Mr. Manafort said, adding of Mr. Trump", "dismissing them and calling"
    if (low.endswith("s") and (prev == "," or (p.is_cap and p.is_word and i == 1
                                               and prev not in _NUMBERS))
            and nxt not in ("of", "for", "to", "and", ",", ".")):
        return True  # "Biden calls Trump ...", "Her aide, Jake Sullivan, calls her record"
    if low.endswith("ed") and prev == ")":
        return True  # "Rep. Gregory Meeks (D-N.Y.) backed"
    if low == CUE_FORMS.get(low) and _human_plural(p) and nxt not in ("of", "for", "to", "."):
        return True  # "voters support", "Democrats want", "most analysts view"
    if prev in DETERMINERS or prev in PREPOSITIONS or prev in ("'s", "’s") or nxt == "of":
        return False
    if prev[:1].isdigit():
        return False
    if low.endswith("ed") or low in ("said", "told", "found", "saw", "thought"):
        return p.is_word or prev in (",", "”", '"', "'", "’", "—")
    if low.endswith("ing") and prev == ",":
        return True  # ", adding that ..."
    if (p.is_word and not p.is_cap and prev not in BREAK_LEFT and len(prev) > 2
            and not prev.endswith(ADJ_SUFFIXES) and low.endswith("s")):
        return True  # "the poll shows", "the report claims"
    # base / 3sg / -ing forms of noun-like words: need a clear subject or auxiliary
    return (
        prev in PRONOUNS
        or prev in AUX_BEFORE_CUE
        or prev in ("to", "who", "which", "that", "will", "would", "could", "might", "may",
                    "must", "should", "can", "cannot", "did", "does", "do")
        or is_adverb(p)
        or (p.is_cap and i > 1 and p.is_word and toks[i - 2].low not in DETERMINERS)
        or prev in NOUN_SOURCES
    )


_NUMBERS = frozenset("two three four five six seven eight nine ten many several few".split())
_GERUND_PREPS = frozenset({"by", "after", "before", "upon", "without", "while"})
_SAY_EXT = (
    ("in", "a", "statement"), ("in", "a", "written", "statement"), ("in", "the", "statement"),
)
#: modals that PolNeAR keeps in the cue ("could not support", "may have suggested")
_MODALS = frozenset("could may might must cannot ca 've ’ve 're ’re 'd ’d".split())
#: adverbs inside the cue after a subject, besides the "-ly" ones and SKIP_ADVERBIAL
_PRE_ADVERBS = frozenset("always long since further both all".split())


def _extend_say(toks: list[Tok], i: int) -> int:
    """ "said in a statement": PolNeAR includes it in the cue (not "in an interview", "of")."""
    for ext in _SAY_EXT:
        j = i + 1 + len(ext)
        if j <= len(toks) and tuple(t.low for t in toks[i + 1 : j]) == ext:
            return j - 1
    return i


def _verb_slot(p: Tok) -> bool:
    """The word before a noun-like base form makes it a verb: "they focus on", "must vote for",
    "will also focus on"; not "the swing vote for", "her new focus on"."""
    return (p.low in PRONOUNS or p.low in AUX_BEFORE_CUE or p.low in _MODALS or is_adverb(p)
            or p.low in ("to", "can", "should", "will", "would", "who", "that", "which"))


def _be_before(toks: list[Tok], i: int) -> int | None:
    """Start of "were (increasingly) hopeful": a form of "be" (and its auxiliaries) before
    the adjective at i, after a subject."""
    j = i - 1
    while j > 0 and toks[j].low not in BE_FORMS and (is_adverb(toks[j]) or toks[j].low in (
            "so", "very", "too", "more", "most", "less", "all", "quite", "not")):
        j -= 1
    if j < 1 or toks[j].low not in BE_FORMS or not toks[j - 1].is_word:
        return None
    if toks[j].low in ("'s", "'re") and toks[j - 1].low not in PRONOUNS:
        return None  # "Clinton's wary words": a possessive
    if toks[i].low == "critical" and (i + 1 >= len(toks) or toks[i + 1].low != "of"):
        return None  # "critical for Trump": important, not disapproving
    return _aux_start(toks, j)


def _aux_start(toks: list[Tok], i: int) -> int:
    """Start of the auxiliaries before a cue: "did not immediately reply"."""
    a = i
    while a > 1:
        prev, prev2 = toks[a - 1], toks[a - 2]
        if prev.low in AUX_BEFORE_CUE or prev.low in _MODALS or (
                is_adverb(prev) and prev2.low in AUX_BEFORE_CUE):
            a -= 1
        elif (is_adverb(prev) or prev.low in _PRE_ADVERBS) and prev2.is_word and (
                prev2.low not in ("and", "but", "or", "that", "as")):
            a -= 1  # "Trump repeatedly said", "Democrats have long complained"
        elif prev.low in ("'s", "’s") and toks[i].low.endswith("ing") and (
                prev2.low in PRONOUNS or prev2.low in ("who", "that")):
            a -= 1  # "he's suggesting"
        else:
            break
    return a


def cue_candidates(toks: list[Tok]) -> list[tuple[int, int, str]]:
    """Cue token ranges (first, last, kind)."""
    out: list[tuple[int, int, str]] = []
    n = len(toks)
    quoted = quoted_mask(toks)
    words = [t for t in toks if t.is_word and t.text[:1].isalpha()]
    title_case = len(words) >= 4 and sum(t.is_cap for t in words) >= 0.7 * len(words)
    i = 0
    while i < n:
        low = toks[i].low
        if quoted[i] or (toks[i].is_cap and i > 0 and low != "according" and not title_case):
            i += 1
            continue
        if low == "in" and poll_np(toks, i + 1) is not None:
            out.append((i, i, "according_to"))  # "in the latest CNN/ORC poll"
            i += 1
            continue
        if low == "according" and i + 1 < n and toks[i + 1].low == "to":
            out.append((i, i + 1, "according_to"))
            i += 2
            continue
        if (m := multi_cue(toks, i)) is not None:
            out.append((_aux_start(toks, i), m, "multi"))  # "made it clear", "weighed in"
            i = m + 1
            continue
        if low in SOURCELESS:
            out.append((i, i, "sourceless"))
        elif low in ATTITUDE_ADJ and (be := _be_before(toks, i)) is not None:
            out.append((be, i, "adj"))  # "activists were hopeful that", "is wary of"
        elif low in PARTICLE_FORMS and i + 1 < n and i > 0 and (
                toks[i + 1].low in PARTICLES[PARTICLE_FORMS[low]]) and (
                toks[i - 1].low not in DETERMINERS and toks[i - 1].low not in ("'s", "’s")) and (
                low.endswith(("ing", "ks", "ts")) or _verb_slot(toks[i - 1])):
            out = [c for c in out if c[1] < i]
            out.append((_aux_start(toks, i), i + 1, "verb"))  # "points out", "spoke about"
        elif low in CUE_FORMS and _is_verb_here(toks, i) and cue_context_ok(
            toks, i, CUE_FORMS[low]
        ) and not (i + 1 < n and toks[i + 1].low in ("tank", "tanks")):
            if out and i - out[-1][1] <= 3 and i > 0 and toks[i - 1].low == "to":
                i += 1
                continue  # "declined to comment", "went on to say"
            a, b = chain_start(toks, _aux_start(toks, i)), i
            out = [c for c in out if c[0] < a]  # "issued" inside "issued a statement saying"
            lemma = CUE_FORMS[low]
            parts = PARTICLES.get(lemma)
            if parts and i + 1 < n and toks[i + 1].low in parts:
                b = i + 1
            elif lemma == "say" and i + 1 < n:
                b = _extend_say(toks, i)
            out.append((a, b, "verb"))
        i += 1
    if any(k == "according_to" and toks[x].low == "in" for x, _, k in out) and any(
            k != "according_to" or toks[x].low != "in" for x, _, k in out):
        # "respondents in the USA TODAY/Suffolk poll said": the poll is part of the source
        out = [c for c in out if not (c[2] == "according_to" and toks[c[0]].low == "in")]
    return out


def content_after(text: str, toks: list[Tok], k: int, end: int) -> Span | None:
    if k >= len(toks):
        return None
    return trim_span(text, toks[k].start, end)


def colon_attribution(text: str, toks: list[Tok]) -> Attribution | None:
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
        if c + 1 >= n or not (toks[c + 1].is_cap or toks[c + 1].text in OPENERS | {'"', "'"}):
            return None
        label = " ".join(t.low for t in toks[start:c] if t.is_word)
        if colon_label(toks, start, c) or label in _NEWS_LABELS or label in COUNTRIES_STATES:
            return None  # "Iowa: Tim Albrecht, Brad Anderson, ...": a list by state
        if _title_continues(toks, c):
            return None  # "Star Wars Jedi: Fallen Order is a game that ...": a title
        src: Span | None = Span(toks[start].start, toks[c - 1].end)
        content = trim_span(text, toks[c + 1].start, toks[-1].end)
        if content is None:
            return None
        cue = Span(toks[c].start, toks[c].end)
        if start == c - 1 and toks[start].text in ("Q", "A"):
            src = None  # interview labels: the cue is PolNeAR's, "A" is no speaker's name
        return Attribution(content, src, cue, text[src.start : src.end] if src else None, ":",
                           "verb")
    return None


def _title_continues(toks: list[Tok], c: int) -> bool:
    """ "X: Y is ..." in running text: the capitalised words after the colon are the rest of a
    title (a subtitle) that is the subject of a lower-case verb, not a speaker's statement."""
    k = c + 1
    while k < len(toks) and k - c <= 4 and toks[k].is_cap and toks[k].is_word and (
            toks[k].low not in PRONOUNS and (toks[k].low not in DETERMINERS or (
                k == c + 1 and toks[k].low == "the"))):
        k += 1
    if k < c + 3 or k >= len(toks) or toks[k].is_cap or (c == 1 and toks[0].text in "QA"):
        return False  # one word after the colon may be a name: "Insiders: Trump will ..."
    low = toks[k].low
    rest = [t for t in toks[k:] if t.is_word and t.text[:1].isalpha()]
    return (low in ("is", "was", "are", "were", "has", "have", "had", "will", "can", "finds")
            ) and sum(not t.is_cap for t in rest) >= 0.6 * len(rest)


#: headline and byline labels before a colon: "Contributing: X", "The Latest: ...", "BOOM: ..."
_NEWS_LABELS = frozenset(
    """contributing|byline|the latest|revealed|wow|look|boom|busted|bombshell|remember|hey|so|
    paid notice|just leaked|fix is in"""
    .replace("\n", "").replace("    ", "").split("|")
)
_POLL_HEADS = frozenset("poll polls survey surveys polling average averages".split())
_POLL_TAIL = frozenset("of from by released conducted taken published out".split())


def poll_np(toks: list[Tok], k: int) -> tuple[int, int] | None:
    """The poll after "in": "in the most recent Fox poll", "in national polls"."""
    head = None
    m = k
    while m < len(toks) and m - k < 10:
        t = toks[m]
        if t.low == "to":
            return None  # "going to the polls"
        if not (t.is_word or t.text in ("/", "-", "'s", "’s", "&")) or (
                t.low in ("that", "which", "who", "and") and head is None):
            break
        if t.low in _POLL_HEADS:
            head = m
            nxt = toks[m + 1].low if m + 1 < len(toks) else ""
            if nxt not in _POLL_TAIL:
                break
        m += 1
    if head is None:
        return None
    end = head
    if head + 1 < len(toks) and toks[head + 1].low in _POLL_TAIL:
        end = head + 1
        while end + 1 < len(toks) and end - head < 8 and toks[end + 1].is_word and (
                toks[end + 1].low not in ("that", "which", "and", "but", "while")):
            end += 1
    return (k, end)

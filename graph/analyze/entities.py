"""Rule-based named entities: capitalised sequences, typed by cue words, aliased in-article."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from graph.analyze.entities_cues import (
    context_hint,
    lexicon_type,
    lower_words,
    not_an_entity,
    split_based,
    split_run,
)
from graph.analyze.entities_kinds import (
    BRANDS,
    GENERIC,
    brand_product,
    early_type,
    headline_parts,
    is_title_case,
    kind_hint,
    known_word,
    sport_article,
)
from graph.analyze.gazetteer import (
    CANONICAL_NAMES,
    COLOURS,
    COMMON_CAPS,
    COUNTRIES_STATES,
    FIRST_NAMES,
    HONORIFICS,
    ORG_CUES,
    ORG_PREFIX_CUES,
    PLACE_CUES,
    PRODUCT_CUES,
    STATE_ABBR,
    UNITS,
)
from graph.analyze.syntax_lexicon import COMPANY_NOUNS
from graph.analyze.tokens import Tok, tokenize
from graph.model import Entity, Mention, Sentence, Span

_CONNECT = frozenset({"of", "for", "and", "&", "de", "van", "von", "del", "la", "du", "da"})
_BREAK = frozenset({"or", "and", "nor", "vs", "versus"}) | UNITS  # "Sword OR Shield", "kW"
_PRONOUN_PERSON = re.compile(r"\b(?:He|She|he|she)\b")
_THE_ORG = re.compile(r"\b[Tt]he (company|firm|council|agency|department|group|startup)\b")
_INITIALS = re.compile(r"^(?:[A-Z]\.)+$")
_NAME_PREFIX = re.compile(r"^(?:Mc|Mac|O['’]|De['’]?|Le|La|Di|Du)(?=[A-Z])")
_VERSION = re.compile(r"^\d+(?:\.\d+)*$")
_MODEL = re.compile(r"^(?:[A-Z]+\d+\w*|\d+[A-Z]\w*|[A-Z]\d*|[a-z]+[A-Z]\w*)$")


def entity_key(name: str) -> str:
    """Stable slug for a name: the same string in any article gives the same key."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    s = s.replace("&", " and ")
    words = re.findall(r"[A-Za-z0-9]+", s.lower())
    while words and (words[0] in ("the",) or words[0] in HONORIFICS):
        words = words[1:]
    if words and words[-1] in ("inc", "corp", "co", "ltd", "llc", "plc"):
        words = words[:-1] or words
    return "-".join(words) or "unnamed"


def _runs(toks: list[Tok], first: int) -> list[tuple[int, int]]:
    """Token ranges [a, b) of capitalised sequences."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        if _is_name_tok(t):
            j = i + 1
            while j < n:
                if _is_name_tok(toks[j]):
                    j += 1
                elif (toks[j].low in _CONNECT and j + 1 < n and _is_name_tok(toks[j + 1])
                      and toks[j].low != "and"):
                    j += 2
                elif _VERSION.match(toks[j].text) and j + 1 < n and _is_name_tok(toks[j + 1]):
                    j += 2  # "Nova 3 Pro Max", "Gemini 1.5 Pro": one product name
                else:
                    break
            a = i
            # drop sentence-initial common words ("The", "But", "Officials")
            while a < j and (a == first or toks[a].low in COMMON_CAPS) and (
                toks[a].low in COMMON_CAPS or (a == first and toks[a].low.replace("-", "").isalpha()
                                               and a + 1 == j and toks[a].low not in FIRST_NAMES
                                               and toks[a].low not in COUNTRIES_STATES
                                               and not known_word(toks[a].text))
            ):
                a += 1
            while a < j and toks[a].low in _CONNECT:
                a += 1
            b = j
            while b > a and toks[b - 1].low in _CONNECT:
                b -= 1
            if b > a:
                out.append((a, b))
            i = j
        else:
            i += 1
    return out


def _display_name(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS - {"mr", "mrs", "ms", "dr"}:
        words = words[1:]
    return " ".join(words)


def _plain_name(word: str) -> bool:
    """A word that can be part of a person's name: "Harlan", "Rose-Lynn", not "AirPods",
    "HMP", "Apple" or "Blue"."""
    if word.lower() in _CONNECT or _INITIALS.match(word):
        return True
    parts = re.split(r"[-'’]", _NAME_PREFIX.sub("", word))
    return (all(p[:1].isupper() and p[1:].islower() or p.islower() for p in parts if p)
            and word[:1].isupper() and lexicon_type(word) is None
            and word.lower() not in COLOURS)


def _is_name_tok(t: Tok) -> bool:
    c = t.text[:1]
    if not c.isupper() and not _MODEL.match(t.text):
        return False
    if t.text in ("I", "A") or t.low in ("i",) or t.low.rstrip(".") in _BREAK:
        return False
    return t.is_word or t.text.endswith(".")


def _type_of(words: list[str], hints: list[str] | None = None, sporty: bool = False) -> str:
    """Cue words in the name, then the world-knowledge lists, then cues around it."""
    low = [w.lower().rstrip(".") for w in words]
    if low[0] in HONORIFICS:
        return "person"
    early = early_type(words, hints, sporty)
    if early:
        return early
    if len(words) == 1 and low[0] in STATE_ABBR and words[0].isupper() and hints and (
            "place" in hints):
        return "place"  # the "CO" of "Denver, CO", not a company
    if any(w in ORG_CUES for w in low) or low[0] in ORG_PREFIX_CUES:
        return "organization"
    if any(w in PRODUCT_CUES for w in low) or any(_MODEL.match(w) and any(
            ch.isdigit() for ch in w) for w in words[1:]):
        return "product"
    if " ".join(low) in COUNTRIES_STATES or any(w in PLACE_CUES for w in low):
        return "place"
    known = lexicon_type(" ".join(words))
    if known:
        return known
    if brand_product(words, hints):
        return "product"
    if low[0] in FIRST_NAMES and len(low) <= 4:
        return "person"
    if hints:
        return max(sorted(set(hints)), key=hints.count)
    return "thing"


def find_entities(
    text: str, sentences: list[Sentence]
) -> tuple[list[Mention], dict[str, Entity]]:
    """Mentions (in text order) and entities keyed by ``entity_key``."""
    raw: list[tuple[int, int, list[str], int]] = []  # start, end, words, sentence index
    toks_by_sent: list[list[Tok]] = []
    seen_inside: set[str] = set()
    evidenced: set[str] = set()  # capitalised inside a sentence that is no headline
    titled: list[bool] = []
    hints: dict[str, list[str]] = {}
    for s in sentences:
        toks = split_based(tokenize(text, s.start, s.end)) if s.kind in (
            "sentence", "list_item") else []
        toks_by_sent.append(toks)
        headline = is_title_case(toks)
        titled.append(headline)
        for t in toks[1:]:
            if t.is_cap and t.low not in COMMON_CAPS:
                seen_inside.add(t.low)
                if not headline:
                    evidenced.add(t.low)
    lowered = lower_words(text)
    sporty = sport_article(text, lowered)
    runs_by_sent: list[tuple[int, list[tuple[int, int]]]] = []
    run_starts: set[str] = set()
    for toks in toks_by_sent:
        first = 0
        while first < len(toks) and not toks[first].is_word:
            first += 1
        if first < len(toks) and toks[first].low in seen_inside:
            first = -1  # sentence-initial word used as a name elsewhere: keep it
        runs = _runs(toks, first)
        if titled[len(runs_by_sent)]:
            runs = [part for a, b in runs for part in headline_parts(
                toks, a, b, evidenced, lowered)]
        if 0 <= first < len(toks) and (not runs or runs[0][0] > first) and _is_name_tok(
                toks[first]) and toks[first].low not in COMMON_CAPS and "organization" in (
                context_hint(text, toks, first, first + 1), kind_hint(text, toks, first,
                                                                      first + 1)):
            runs.insert(0, (first, first + 1))  # "Lomax said in a statement", "Kites 3, ..."
        runs_by_sent.append((first, runs))
        run_starts.update(toks[a].low for a, _ in runs if a > max(first, 0))
    for si, toks in enumerate(toks_by_sent):
        first, runs = runs_by_sent[si]
        for a0, b0 in runs:
            if a0 == max(first, 0) and b0 - a0 > 1 and toks[a0 + 1].low in run_starts and (
                    toks[a0].low in lowered or toks[a0].low.endswith("ing")) and (
                    toks[a0].low not in FIRST_NAMES):
                a0 += 1  # "Getting Disney", "Whatever Apple": an opener before a name
            for a, b, hint in split_run(toks, a0, b0):
                words = [t.text for t in toks[a:b]]
                raw.append((toks[a].start, toks[b - 1].end, words, si))
                hint = hint or context_hint(text, toks, a, b) or kind_hint(text, toks, a, b)
                if hint:
                    hints.setdefault(" ".join(words), []).append(hint)
    # canonical names: longest first; shorter names alias to a longer one containing them
    names = sorted({" ".join(w) for *_, w, _ in raw}, key=lambda n: (-len(n.split()), n))
    canon: dict[str, str] = {}
    types: dict[str, str] = {}
    canonical: list[tuple[str, list[str], list[str]]] = []  # name, words, words sans honorific
    for name in names:
        words = name.split()
        if name in canon:
            continue
        target = None
        titled = words[0].lower().rstrip(".") in HONORIFICS  # "Ms. Lindqvist"
        for longer, lw, core in canonical:  # names are sorted longest first
            if len(lw) == len(words) and not titled:
                continue
            if name in BRANDS and brand_product(lw):
                continue  # "Apple" is the maker of "Apple AirPods", not another name for it
            if words == core[-len(words):] or words == core[: len(words)] or (
                words[0].lower().rstrip(".") in HONORIFICS and words[1:] == core[-len(words) + 1:]
            ):
                if len(words) == 1 and len(core) in (2, 3) and words == core[-1:] and (
                        types.get(longer) == "thing") and all(map(_plain_name, core)):
                    types[longer] = "person"  # "Tomas Reyes ... Reyes said": a surname
                if types.get(longer) != "person":
                    continue  # "Vantor" is not "Vantor Labs": only a person has short names
                target = longer
                break
        canon[name] = target or name
        if target is None:
            types[name] = _type_of(words, hints.get(name), sporty)
            canonical.append((name, words, [w for w in words
                                            if w.lower().rstrip(".") not in HONORIFICS]))
    dropped = {n for n in names if canon[n] == n and (n in GENERIC or types[n] == "thing"
               and not_an_entity(n.split(), lowered))}
    raw = [r for r in raw if canon[" ".join(r[2])] not in dropped]
    entities: dict[str, Entity] = {}
    mentions: list[Mention] = []
    last_person_by_sent: dict[int, set[str]] = {}
    for start, end, words, si in raw:
        name = " ".join(words)
        cname = canon[name]
        if cname in CANONICAL_NAMES:  # "US" is "United States"
            cname = CANONICAL_NAMES[cname]
            types.setdefault(cname, _type_of(cname.split()))
        key = entity_key(cname)
        ent = entities.get(key)
        if ent is None:
            ent = Entity(key, _display_name(cname), types.get(cname, "thing"))
            entities[key] = ent
        if len(_display_name(cname)) > len(ent.name):
            ent.name = _display_name(cname)
        ent.aliases.add(text[start:end])
        if words[0].lower().rstrip(".") in HONORIFICS and ent.type == "thing":
            ent.type = "person"
        mentions.append(Mention(Span(start, end), text[start:end], key))
        if ent.type == "person":
            last_person_by_sent.setdefault(si, set()).add(key)
    mentions.extend(_pronoun_mentions(text, sentences, mentions, entities))
    mentions.sort(key=lambda m: m.span.start)
    return mentions, entities


def _pronoun_mentions(
    text: str, sentences: list[Sentence], mentions: list[Mention], entities: dict[str, Entity]
) -> list[Mention]:
    """He/She -> the single person named in the previous sentence; "the company" -> last org."""
    out: list[Mention] = []
    by_sent: list[list[Mention]] = [[] for _ in sentences]
    si = 0
    for m in sorted(mentions, key=lambda m: m.span.start):
        while si < len(sentences) and sentences[si].end <= m.span.start:
            si += 1
        if si < len(sentences):
            by_sent[si].append(m)
    org_counts: Counter[str] = Counter()
    for i, s in enumerate(sentences):
        prev_people = {m.entity_key for m in by_sent[i - 1] if entities[m.entity_key].type
                       == "person"} if i > 0 else set()
        here_people = {m.entity_key for m in by_sent[i] if entities[m.entity_key].type
                       == "person"}
        for m in _THE_ORG.finditer(text, s.start, s.end):
            org = salient_organisation(m.group(1).lower(), org_counts, entities)
            if org:
                out.append(Mention(Span(m.start(), m.end()), m.group(0), org))
        if len(prev_people) == 1 and not here_people:
            key = next(iter(prev_people))
            m = _PRONOUN_PERSON.search(text, s.start, s.end)
            if m:
                out.append(Mention(Span(m.start(), m.end()), m.group(0), key))
        org_counts.update(m.entity_key for m in by_sent[i]
                          if entities[m.entity_key].type == "organization")
    return out


def salient_organisation(noun: str, counts: Counter[str],
                         entities: dict[str, Entity]) -> str | None:
    """What "the <noun>" refers to, given how often each organisation was named so far
    (``counts``): the most named one with ``noun`` in its name ("the council": "Portcalder City
    Council"), or, for "the company" and its kin, the most named organisation of all; never
    merely the last one named. None when no organisation fits."""
    orgs = [(n, key) for key, n in counts.items() if entities[key].type == "organization"]
    named = [(n, key) for n, key in orgs if noun in entities[key].name.lower().split()]
    pool = named or (orgs if noun in COMPANY_NOUNS else [])
    return max(pool, key=lambda pair: pair[0])[1] if pool else None


_GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv"})


def surname_key(entity: Entity) -> str | None:
    """The entity key of a person's surname, from the last word of the name ("Donald Trump" ->
    "trump", "Alexandria Ocasio-Cortez" -> "ocasio-cortez", not "cortez"): another article
    that names only the surname has that key, and the queries treat the two as one person
    while no other person has the surname (graph/queries/persons.py)."""
    words = [w for w in entity.name.split() if w.lower().strip(".,") not in _GENERATIONAL]
    if entity.type != "person" or len(words) < 2:
        return None
    key = entity_key(words[-1])
    return None if key == "unnamed" else key  # a surname that is also a title ("King")

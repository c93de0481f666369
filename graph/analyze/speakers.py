"""Who a claim's source is, and who speaks in the sentences of a running quotation.

``resolve_speakers`` maps each source mention to the entity it refers to within the article:
a name to its entity, "he"/"she" to the person last named or last quoted, "the president" /
"the analyst" to the person the article last gave that role ("President Donald Trump",
"Jeffrey Halley, a market analyst"), "the company" / "the ministry" to the article's most
salient organisation of that kind. Described sources
("officials", "a spokesperson") stay unresolved (None): nothing is guessed.

``carry_quotations`` attributes the later sentences of a quotation to its speaker
(``... said Ortiz. "We are ready. The rest is up to the council."``), as well as the quoted
paragraphs after an introduction ("Ortiz said:") and the first sentences of a quotation whose
tag comes at its end.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from graph.analyze.entities import salient_organisation
from graph.analyze.gazetteer import HONORIFICS
from graph.analyze.syntax_lexicon import COMPANY_NOUNS, PERSON_PRONOUNS, PREPOSITIONS
from graph.model import Attribution, Claim, Entity, Mention, Sentence, Span

QUOTE_CHARS = "\"“”"
FIRST_PERSON = frozenset({"i", "we"})


#: ", a market analyst with ..." / ", the president of ...": the head noun of an apposition
_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}?([a-z][\w-]+)"
                         r"(?=\s+(?:at|with|for|of|in|from|on|and)\b|\s*[,.;])")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w-]+)\s+$")


def person_roles(text: str, mention: Mention, entity: Entity) -> set[str]:
    """The role nouns the article gives a person where it names them: a title in the mention
    ("President Donald Trump"), the word before it ("Wells Fargo analyst Zachary Fadem") and
    the head of an apposition after it ("Jeffrey Halley, a market analyst with Oanda"); what
    "the president" or "the analyst" can later refer to. Learned from the article itself."""
    name_words = {w.lower() for w in entity.name.split()}
    roles = {w.lower() for w in mention.text.split()[:-1]
             if w.isalpha() and w.lower() not in name_words}
    before = _WORD_BEFORE.search(text, max(0, mention.span.start - 40), mention.span.start)
    if before:
        roles.add(before.group(1).lower())
    apposition = _APPOSITION.match(text, mention.span.end, mention.span.end + 100)
    if apposition:
        roles.add(apposition.group(1))
    return roles


@dataclass(slots=True)
class Salience:
    """Entities named so far in the article, in order, with their mention counts, and the
    person each role noun was last given to."""

    entities: dict[str, Entity]
    counts: Counter[str] = field(default_factory=Counter)
    last_person: str | None = None
    roles: dict[str, str] = field(default_factory=dict)

    def see(self, mention: Mention, text: str) -> None:
        entity = self.entities.get(mention.entity_key)
        if entity is None or is_pronoun_like(mention.text):
            return
        self.counts[entity.key] += 1
        if entity.type == "person":
            self.last_person = entity.key
            self.roles.update(dict.fromkeys(person_roles(text, mention, entity), entity.key))

    def organisation(self, noun: str) -> str | None:
        return salient_organisation(noun, self.counts, self.entities)


def is_pronoun_like(text: str) -> bool:
    low = text.lower()
    return low in PERSON_PRONOUNS or low.startswith("the ")


def _named(text: str, source: Span, mentions: list[Mention],
           entities: dict[str, Entity]) -> list[str]:
    """Entities that head the source: "Meridian Works chief executive Tomas Reyes" is Reyes,
    "Zippy Duvall, the president of the Farm Bureau" is Duvall (before the apposition), "Ana
    Ortiz and Tim Lee" both; "City officials" or "Members of the Chamber" name no one (the name
    modifies a described group)."""
    comma = text.find(",", source.start, source.end)
    end = comma if comma > source.start else source.end
    while end > source.start and not text[end - 1].isalnum():
        end -= 1
    keys: list[str] = []
    for mention in mentions:
        entity = entities.get(mention.entity_key)
        if entity is None or is_pronoun_like(mention.text) or not (
                source.start <= mention.span.start < end):
            continue
        before = text[source.start:mention.span.start].lower().split()
        after = text[mention.span.end:end].strip(" ’'s")
        if PREPOSITIONS & set(before) or (after and not after.lower().startswith(("and", "&"))):
            continue
        if entity.key not in keys:
            keys.append(entity.key)
    return keys


def speaker_name(entity: Entity, entities: dict[str, Entity]) -> str:
    """The fullest name the article gives, without an honorific ("Mr. Trump" -> "Trump"; a
    surname alone -> the one person of the article with that surname)."""
    words = entity.name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:
        words = words[1:]
    if entity.type == "person" and len(words) == 1:
        fuller = [e.name for e in entities.values() if e.type == "person" and e.key != entity.key
                  and len(e.name.split()) > 1 and e.name.split()[-1] == words[0]
                  and e.name.split()[0].lower().rstrip(".") not in HONORIFICS]
        if len(fuller) == 1:
            return fuller[0]
    return " ".join(words)


def resolve_source(text: str, source: Span, mentions: list[Mention], salience: Salience,
                   last_speaker: str | None) -> list[str]:
    """Entity keys the source refers to (several for "X and Y"); empty when unresolved."""
    named = _named(text, source, mentions, salience.entities)
    if named:
        if len(named) > 1 and any(w in text[source.start:source.end].split()
                                  for w in ("and", "&")):
            return named
        return named[-1:]
    words = text[source.start:source.end].lower().split()
    if len(words) == 1 and words[0] in PERSON_PRONOUNS:
        person = last_speaker if last_speaker and salience.entities[
            last_speaker].type in ("person", "thing") else salience.last_person
        return [person] if person else []
    if len(words) == 2 and words[0] == "the":
        person = None if words[1] in COMPANY_NOUNS else salience.roles.get(words[1])
        found = person or salience.organisation(words[1])
        return [found] if found else []
    return []


def resolve_speakers(text: str, claims: list[Claim], mentions: list[Mention],
                     entities: dict[str, Entity]) -> None:
    """Fill ``speaker`` / ``speaker_key`` of each claim's attribution, in article order."""
    salience = Salience(entities)
    ordered = sorted(mentions, key=lambda m: m.span.start)
    seen = 0
    last_speaker: str | None = None
    for claim in claims:
        attribution = claim.attribution
        source = attribution.source if attribution else None
        limit = source.start if source is not None else claim.start
        while seen < len(ordered) and ordered[seen].span.start < limit:
            salience.see(ordered[seen], text)
            seen += 1
        if attribution is not None and source is not None:
            keys = resolve_source(text, source, claim.mentions, salience, last_speaker)
            if keys:
                attribution.speaker_key = keys[0]
                attribution.speaker = " and ".join(speaker_name(entities[k], entities)
                                                   for k in keys)
                last_speaker = keys[0]
        while seen < len(ordered) and ordered[seen].span.start < claim.end:
            salience.see(ordered[seen], text)
            seen += 1


def continuation(of: Attribution, claim: Claim, text: str) -> Attribution:
    source_text = of.source_text or (of.source.text(text) if of.source else None)
    return replace(of, content=Span(claim.start, claim.end), source=None, cue=None,
                   source_text=source_text, cue_text=None, kind="continuation")


def quote_open_after(fragment: str, open_before: bool) -> bool:
    state = open_before
    for ch in fragment:
        if ch == "“":
            state = True
        elif ch == "”":
            state = False
        elif ch == '"':
            state = not state
    return state


def carry_quotations(text: str, sentences: list[Sentence], claims: list[Claim]) -> None:
    """Attribute unattributed sentences inside a quotation to the quotation's speaker."""
    by_start = {c.start: c for c in claims}
    is_open = False
    speaker: Attribution | None = None
    waiting: list[Claim] = []
    fallback: Attribution | None = None  # the speaker just before an untagged quotation
    previous: Attribution | None = None  # the attribution of the unit just before
    intro: Attribution | None = None  # "Ortiz said:" before a quoted paragraph
    prev_end = 0
    for sentence in sentences:
        unit = text[sentence.start:sentence.end]
        body = unit.lstrip()
        new_block = "\n" in text[prev_end:sentence.start]
        prev_end = sentence.end
        starts_quoted = body[:1] in QUOTE_CHARS
        if new_block and is_open and not starts_quoted:
            for early in waiting if fallback is not None else []:
                early.attribution = continuation(fallback, early, text)
            is_open, speaker, waiting, fallback = False, None, [], None
        counted = unit
        if new_block and is_open and body[:1] == '"':
            counted = body[1:]  # a quotation running on: each paragraph reopens it
        claim = by_start.get(sentence.start)
        own = claim.attribution if claim is not None and claim.sourced else None
        # `"We are ready," Ortiz said. "The rest is up to the council."`: an untagged quotation
        # right after a speaker's sentence, in the same paragraph, is that speaker's
        whole_quote = (not is_open and starts_quoted and not new_block
                       and body.rstrip()[-1:] in QUOTE_CHARS
                       and not quote_open_after(counted, False))
        if own is not None and (is_open or whole_quote or quote_open_after(counted, False)) and (
                (own.source_text or "").lower() in FIRST_PERSON):
            own = None  # "we believe ..." inside a quotation: the quoted speaker's words
        carried = previous if whole_quote and own is None else None
        if carried is not None and claim is not None:
            claim.attribution = continuation(carried, claim, text)
        if not is_open and starts_quoted and intro is not None:
            is_open, speaker = True, intro
            counted = body[1:]
        intro = own if own is not None and unit.rstrip().endswith(":") else None
        opened_here = not is_open and quote_open_after(counted, False)
        if is_open or opened_here:
            if opened_here and (own is None or own.kind == "continuation"):
                fallback = previous  # `... said Ortiz. "We are ready.`
            if own is not None and own.kind != "continuation":
                speaker = own
                for early in waiting:
                    early.attribution = continuation(own, early, text)
                waiting = []
            elif claim is not None and is_open and speaker is not None:
                claim.attribution = continuation(speaker, claim, text)
            elif claim is not None:
                waiting.append(claim)
        is_open = quote_open_after(counted, is_open)
        if not is_open:
            if fallback is not None:
                for early in waiting:
                    early.attribution = continuation(fallback, early, text)
            waiting, fallback = [], None
            if own is None:
                speaker = None
        given = claim.attribution if claim is not None else None
        previous = own if own is not None and own.kind != "continuation" else (
            given if given is not None and given.kind == "continuation" else None)

"""One article's analysis: split into units, propose claims and their facets with the surface
rules, then read the units that can carry an attribution, a hedge or a negation on a dependency
parse (graph/analyze/doc.py) to keep only what the syntax supports; resolve speakers and carry
quotations across sentences. Pure: no network and no model download."""

from __future__ import annotations

import logging

from graph.analyze.attribution_claim import find_attribution
from graph.analyze.checkworthiness import check_worthiness
from graph.analyze.claims import is_claim
from graph.analyze.doc import Unit, make_doc, model_info
from graph.analyze.entities import find_entities, surname_key
from graph.analyze.hedging import find_hedges, find_negations
from graph.analyze.refine import needs_parse, refine_claim
from graph.analyze.sentences import split_sentences
from graph.analyze.speakers import carry_quotations, resolve_speakers
from graph.model import (
    AnalyzedArticle,
    AnalyzerInfo,
    Article,
    Claim,
    Cue,
    Entity,
    Mention,
    Sentence,
    Span,
)

log = logging.getLogger(__name__)

ANALYZER_NAME = "claimgraph-analyzer"
ANALYZER_VERSION = "0.2.0"


def _is_english(language: str | None) -> bool:
    if not language:
        return True
    return language.lower().replace("_", "-").split("-")[0] == "en"


def _name_key(name: str) -> str:
    return "".join(ch for ch in name.lower().removeprefix("the ") if ch.isalnum())


def _type_own_outlet(entities: dict, outlet: str | None) -> None:
    """An article naming its own publisher ("TruthDesk rates the claim False") names an
    organization, whatever the name looks like."""
    if not outlet:
        return
    for entity in entities.values():
        if entity.type == "thing" and _name_key(entity.name) == _name_key(outlet):
            entity.type = "organization"


def analyzer_info() -> AnalyzerInfo:
    model = model_info()
    return AnalyzerInfo(ANALYZER_NAME, ANALYZER_VERSION, model.name, model.version)


def analyze(article: Article) -> AnalyzedArticle:
    """Split, find claims and read their facets (attribution, hedges, negation, entities)."""
    text = article.text
    sentences = split_sentences(text, article.blocks)
    info = analyzer_info()
    if not _is_english(article.language):
        log.info("language %r not supported: claims without facets", article.language)
        claims = [
            Claim(article.url, s.start, s.end, text[s.start : s.end], Span(s.start, s.end),
                  analyzed=False)
            for s in sentences
            if is_claim(text, s)
        ]
        return AnalyzedArticle(article, sentences, claims, {}, info)
    mentions, entities = find_entities(text, sentences)
    _type_own_outlet(entities, article.outlet)
    for entity in entities.values():
        entity.surname = surname_key(entity)
    claims: list[Claim] = []
    units: list[int] = []
    mi = 0
    introductions: list[Claim] = []
    for index, s in enumerate(sentences):
        while mi < len(mentions) and mentions[mi].span.start < s.start:
            mi += 1
        if not is_claim(text, s):
            intro = _introduction(text, s, mentions[mi:])
            if intro is not None:
                introductions.append(intro)
            continue
        span = Span(s.start, s.end)
        att = find_attribution(text, s)
        content = att.content if att else span
        hedges = find_hedges(text, content)
        if att and att.cue is not None and not att.cue.overlaps(content):
            hedges = _merge_cues(find_hedges(text, att.cue), hedges)
        negations = find_negations(text, content)
        if att and att.cue is not None and not att.cue.overlaps(content):
            negations = _merge_cues(find_negations(text, att.cue), negations)
        ms: list[Mention] = []
        j = mi
        while j < len(mentions) and mentions[j].span.start < s.end:
            ms.append(mentions[j])
            j += 1
        claims.append(
            Claim(
                article_url=article.url,
                start=s.start,
                end=s.end,
                text=text[s.start : s.end],
                content=content,
                attribution=att,
                hedges=hedges,
                negations=negations,
                mentions=ms,
                check_worthiness=round(check_worthiness(text[s.start : s.end]), 4),
            )
        )
        units.append(index)
    claims = _refined(text, sentences, claims, units, entities)
    every = sorted(claims + introductions, key=lambda c: c.start)
    resolve_speakers(text, every, mentions, entities)
    carry_quotations(text, sentences, every)
    return AnalyzedArticle(article, sentences, claims, entities, info)


def _introduction(text: str, sentence: Sentence, mentions: list[Mention]) -> Claim | None:
    """ "Ortiz said:" is no claim, but it gives the speaker of the quoted paragraph after it."""
    if sentence.kind != "sentence" or not text[sentence.start:sentence.end].rstrip().endswith(":"):
        return None
    attribution = find_attribution(text, sentence)
    if attribution is None or attribution.source is None:
        return None
    inside = [m for m in mentions if m.span.start < sentence.end]
    return Claim(article_url="", start=sentence.start, end=sentence.end,
                 text=text[sentence.start:sentence.end], content=attribution.content,
                 attribution=attribution, mentions=inside)


def _refined(text: str, sentences: list[Sentence], claims: list[Claim], units: list[int],
             entities: dict[str, Entity]) -> list[Claim]:
    """Each proposed claim read on its unit's parse; advice to the reader is dropped."""
    wanted = [index for claim, index in zip(claims, units, strict=True)
              if needs_parse(text, claim)]
    doc = make_doc(text, sentences, wanted)
    kept = []
    for claim, index in zip(claims, units, strict=True):
        unit: Unit = doc.units[index]
        if unit.parse is None or refine_claim(text, unit, claim, entities):
            kept.append(claim)
    return kept


def _merge_cues(a: list[Cue], b: list[Cue]) -> list[Cue]:
    return sorted(a + b, key=lambda c: c.span.start)

"""One article's analysis: split, find claims and read their facets (attribution, hedges,
negation, entities, check-worthiness). Pure: no network and no model download."""

from __future__ import annotations

import logging

from graph.analyze.attribution_claim import find_attribution
from graph.analyze.checkworthiness import check_worthiness
from graph.analyze.claims import is_claim
from graph.analyze.entities import find_entities, surname_key
from graph.analyze.hedging import find_hedges, find_negations
from graph.analyze.sentences import split_sentences
from graph.model import AnalyzedArticle, AnalyzerInfo, Article, Claim, Cue, Mention, Span

log = logging.getLogger(__name__)

ANALYZER_NAME = "claimgraph-rules"
ANALYZER_VERSION = "0.1.0"


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


def analyze(article: Article, analyzer: str = "rules") -> AnalyzedArticle:
    """Split, find claims and read their facets (attribution, hedges, negation, entities)."""
    if analyzer != "rules":
        raise ValueError(f"analyzer {analyzer!r} is not available: this version has only 'rules'")
    text = article.text
    sentences = split_sentences(text, article.blocks)
    info = AnalyzerInfo(ANALYZER_NAME, ANALYZER_VERSION)
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
    mi = 0
    for s in sentences:
        while mi < len(mentions) and mentions[mi].span.start < s.start:
            mi += 1
        if not is_claim(text, s):
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
    return AnalyzedArticle(article, sentences, claims, entities, info)


def _merge_cues(a: list[Cue], b: list[Cue]) -> list[Cue]:
    return sorted(a + b, key=lambda c: c.span.start)

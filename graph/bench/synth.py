"""A synthetic claim store of realistic shape, written with the real RDF mapping
(graph/rdf/mapping.py).

Articles from ~300 outlets, each with 6-14 claims; entity popularity is Zipf-skewed; claims are
attributed, hedged or negated at rates like the demo corpus; later articles confirm, dispute or
copy earlier claims. ``AnalyzedArticle`` objects are built directly (no HTML, no analysis) and
turned into triples with ``mapping.article_triples`` / ``mapping.link_triples`` /
``mapping.status_triples``;
chunks are generated in worker processes as N-Quads and bulk-loaded.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta

from graph.analyze.entities import surname_key
from graph.model import (
    AnalyzedArticle,
    AnalyzerInfo,
    Article,
    Attribution,
    Claim,
    ClaimLink,
    Cue,
    Entity,
    LinkKind,
    Mention,
    Relation,
    Span,
    Status,
)
from graph.rdf import ids, mapping
from graph.rdf.terms import nt_term
from graph.rdf.vocab import CORROBORATION_GRAPH, SHARED_GRAPH, VOCAB_GRAPH

log = logging.getLogger(__name__)

OUTLETS = 300
ENTITIES = 5000
ZIPF_S = 1.1
TRIPLES_PER_ARTICLE = 650  # measured average of this generator, used to size a run
CHUNK = 100  # articles per worker task
ANALYZER = AnalyzerInfo("synthetic", "1")
SPEAKERS = ("a spokesperson", "the minister", "police", "the company", "analysts", "officials")
VERBS = ("said", "told reporters", "announced", "confirmed", "claimed", "stated")
HEDGES = ("may", "could", "is expected to", "reportedly", "possibly")
ACTIONS = ("approved", "rejected", "delayed", "funded", "investigated", "announced", "cancelled")
OBJECTS = ("the bridge contract", "a new budget", "the merger", "the recall", "the audit",
           "the inquiry", "the tariff plan", "the hospital expansion", "the data breach")


@dataclass(frozen=True)
class SynthSpec:
    articles: int
    seed: int = 7


def _zipf_weights(n: int, s: float) -> list[float]:
    return [1.0 / (rank**s) for rank in range(1, n + 1)]


_WEIGHTS = _zipf_weights(ENTITIES, ZIPF_S)


def entity_name(index: int) -> str:
    return f"Entity {index:04d} Group" if index % 3 else f"Person {index:04d} Smith"


def outlet_domain(index: int) -> str:
    return f"outlet{index:03d}.example"


def _sentence(rng: random.Random, names: list[str]) -> tuple[str, list[tuple[int, int, str]]]:
    """A claim sentence and the spans of the entity names in it."""
    subject, other = names[0], names[-1]
    parts = [subject, " ", rng.choice(ACTIONS), " ", rng.choice(OBJECTS)]
    if len(names) > 1:
        parts += [" with ", other]
    parts.append(f" worth {rng.randint(2, 900)} million")
    text = "".join(parts)
    spans = [(0, len(subject), subject)]
    if len(names) > 1:
        start = text.index(" with ") + 6
        spans.append((start, start + len(other), other))
    return text, spans


def _claim(rng: random.Random, url: str, offset: int, entity_ids: list[int],
           entities: dict[str, Entity]) -> tuple[Claim, str]:
    names = [entity_name(i) for i in entity_ids]
    body, spans = _sentence(rng, names)
    kind = rng.random()
    prefix = suffix = ""
    hedged = kind < 0.15
    negated = 0.15 <= kind < 0.22
    sourced = rng.random() < 0.45
    if hedged:
        cue = rng.choice(HEDGES)
        prefix = f"It {cue} be that "
    if negated:
        prefix = "It is not true that "
    if sourced:
        speaker, verb = rng.choice(SPEAKERS), rng.choice(VERBS)
        suffix = f", {speaker} {verb}"
    text = prefix + body + suffix + "."
    start = offset
    content = Span(start + len(prefix), start + len(prefix) + len(body))
    claim = Claim(url, start, start + len(text), text, content,
                  check_worthiness=round(rng.random(), 3))
    if hedged:
        claim.hedges.append(Cue(Span(start + 3, start + 3 + len(cue)), cue))
    if negated:
        claim.negations.append(Cue(Span(start + 6, start + 9), "not", kind="negation"))
    if sourced:
        src_start = start + len(prefix) + len(body) + 2
        source = Span(src_start, src_start + len(speaker))
        cue_span = Span(source.end + 1, source.end + 1 + len(verb))
        claim.attribution = Attribution(content, source, cue_span, speaker, verb)
    for (s, e, name), index in zip(spans, entity_ids, strict=True):
        key = f"synthetic-{index}"
        kind = "person" if index % 3 == 0 else "organization"
        entities.setdefault(key, Entity(key, name, kind))
        entities[key].surname = surname_key(entities[key])
        at = start + len(prefix) + s
        claim.mentions.append(Mention(Span(at, at + (e - s)), name, key))
    return claim, text


def synth_article(rng: random.Random, number: int) -> AnalyzedArticle:
    outlet = min(int(rng.paretovariate(1.2)) - 1, OUTLETS - 1)  # a few big outlets
    domain = outlet_domain(outlet)
    url = f"https://{domain}/news/{number:07d}"
    published = date(2024, 1, 1) + timedelta(days=rng.randrange(730))
    title = f"Report {number}: {rng.choice(OBJECTS)}"
    claims: list[Claim] = []
    entities: dict[str, Entity] = {}
    texts = [title + "\n"]
    offset = len(texts[0])
    for _ in range(rng.randint(6, 14)):
        picked = rng.choices(range(ENTITIES), weights=_WEIGHTS, k=rng.choice((1, 2)))
        claim, text = _claim(rng, url, offset, picked, entities)
        claims.append(claim)
        texts.append(text + " ")
        offset += len(text) + 1
    article = Article(url, "".join(texts), title=title, author=f"Reporter {number % 900}",
                      published=published, outlet=f"Outlet {outlet:03d}", outlet_domain=domain,
                      language="en", source_location=url)
    return AnalyzedArticle(article, [], claims, entities, ANALYZER)


def _links(rng: random.Random, claims: list[tuple[str, str]]) -> list[ClaimLink]:
    """Later claims confirm (independent), copy or dispute earlier claims of the same chunk."""
    links = []
    for index in range(1, len(claims)):
        subject, subject_domain = claims[index]
        roll = rng.random()
        if roll > 0.35:
            continue
        target, target_domain = claims[rng.randrange(max(0, index - 400), index)]
        if target_domain == subject_domain:
            continue
        if roll < 0.2:
            links.append(ClaimLink(subject, target, Relation.CONFIRMS, LinkKind.INDEPENDENT,
                                   round(rng.uniform(0.6, 0.95), 3), "independent outlet"))
        elif roll < 0.3:
            links.append(ClaimLink(subject, target, Relation.DERIVED_FROM, LinkKind.COPY,
                                   round(rng.uniform(0.9, 1.0), 3), "near-duplicate text"))
        else:
            links.append(ClaimLink(subject, target, Relation.DISPUTES, LinkKind.INDEPENDENT,
                                   round(rng.uniform(0.5, 0.8), 3), "different number"))
    return links


def _nquads(graph, name: str) -> Iterator[str]:
    g = f"<{name}>"
    for s, p, o in graph:
        yield f"{nt_term(s)} {nt_term(p)} {nt_term(o)} {g} .\n"


def synth_chunk(args: tuple[int, int, int]) -> bytes:
    """N-Quads for articles [start, stop) of a run seeded with ``seed``."""
    start, stop, seed = args
    rng = random.Random(seed * 1_000_003 + start)
    lines: list[str] = []
    claim_refs: list[tuple[str, str]] = []
    flags: dict[str, Claim] = {}
    for number in range(start, stop):
        analyzed = synth_article(rng, number)
        triples = mapping.article_triples(analyzed)
        lines.extend(_nquads(triples.graph, str(ids.article_graph_iri(analyzed.article.url))))
        lines.extend(_nquads(triples.shared, str(SHARED_GRAPH)))
        for claim in analyzed.claims:
            iri = str(ids.claim_iri(claim.article_url, claim.start, claim.end))
            claim_refs.append((iri, analyzed.article.outlet_domain))
            flags[iri] = claim
    links = _links(rng, claim_refs)
    lines.extend(_nquads(mapping.link_triples(links), str(CORROBORATION_GRAPH)))
    confirmed = {link.target for link in links if link.relation is Relation.CONFIRMS}
    disputed = {link.target for link in links if link.relation is Relation.DISPUTES}
    for iri, claim in flags.items():
        if iri in disputed:
            status, reason = Status.DISPUTED, "disputed by another outlet"
        elif iri in confirmed:
            status, reason = Status.CONFIRMED, "confirmed by an independent outlet"
        elif claim.speculative:
            status, reason = Status.SPECULATIVE, "hedged"
        elif claim.sourced:
            status, reason = Status.SOURCED, "attributed"
        else:
            continue  # unsourced claims carry no status node
        reasons = mapping.status_triples(iri, status, [reason])
        lines.extend(_nquads(reasons, str(CORROBORATION_GRAPH)))
    return "".join(lines).encode("utf-8")


def synth_nquads(spec: SynthSpec, workers: int = 1) -> Iterator[bytes]:
    """N-Quads chunks for the whole synthetic store (vocabulary first)."""
    yield "".join(_nquads(mapping.vocabulary_graph(), str(VOCAB_GRAPH))).encode("utf-8")
    tasks = [(start, min(start + CHUNK, spec.articles), spec.seed)
             for start in range(0, spec.articles, CHUNK)]
    if workers <= 1:
        yield from map(synth_chunk, tasks)
        return
    with ProcessPoolExecutor(workers) as pool:
        yield from pool.map(synth_chunk, tasks)


def articles_for(triples: int) -> int:
    return max(10, round(triples / TRIPLES_PER_ARTICLE))


def load_oxigraph(store, spec: SynthSpec, workers: int = 1) -> int:
    """Bulk-load the synthetic store into an embedded Oxigraph ClaimStore; returns triples."""
    import pyoxigraph as ox

    inner = store.dataset.store._inner
    for chunk in synth_nquads(spec, workers):
        inner.bulk_load(chunk, format=ox.RdfFormat.N_QUADS)
    inner.optimize()
    return store.triple_count()


def load_rdflib(dataset, spec: SynthSpec, workers: int = 1) -> None:
    """Load the same synthetic data into an rdflib Dataset (Memory store)."""
    for chunk in synth_nquads(spec, workers):
        dataset.parse(data=chunk.decode("utf-8"), format="nquads")


def popular_entities(count: int = 3) -> list[str]:
    return [entity_name(i) for i in range(count)]


def tail_entity() -> str:
    """A mid-popularity entity (rank 50 of the Zipf distribution)."""
    return entity_name(50)


def some_outlets() -> list[str]:
    return [outlet_domain(i) for i in (0, 1, 5, 40)]

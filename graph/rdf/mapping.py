"""The only place that builds triples: analysed articles, links and statuses -> rdflib graphs.

Every node has a deterministic IRI (see :mod:`graph.rdf.ids`); no blank nodes. The mapping emits
``(s, p, o)`` term tuples (``*_terms``); the ``*_triples`` functions wrap them in rdflib graphs,
and :func:`graph.rdf.terms.ntriples` serialises them directly (the ingest path, without
building graphs).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from graph.model import (
    UNKNOWN_OUTLET,
    AnalyzedArticle,
    Attribution,
    Claim,
    ClaimLink,
    Entity,
    Relation,
    Span,
    Status,
)
from graph.rdf import ids
from graph.rdf.reviews import page_review_terms
from graph.rdf.terms import Terms, Triple, safe_iri
from graph.rdf.terms import literal as _lit
from graph.rdf.vocab import (
    CITO,
    CKG,
    EPISTEMIC,
    OA,
    PREFIXES,
    SCHEMA,
    SHARED_GRAPH,
    STATUS_CONCEPT,
)

CITO, CKG, OA, SCHEMA = Terms(CITO), Terms(CKG), Terms(OA), Terms(SCHEMA)  # type: ignore[assignment]
DCTERMS, PROV, RDF, RDFS = Terms(DCTERMS), Terms(PROV), Terms(RDF), Terms(RDFS)  # type: ignore[assignment]
SKOS, XSD = Terms(SKOS), Terms(XSD)  # type: ignore[assignment]

#: Properties that hold one value per shared node; a new write replaces the old value.
SINGLE_VALUED = (SCHEMA.name, SCHEMA.softwareVersion, CKG.domain, CKG.entityType)
UNSPECIFIC_ENTITY_TYPE = "thing"  # never replaces a type another article found

QUOTE_CONTEXT = 32
#: the analyzer's language model is trained on UD English EWT and shares its licence
MODEL_LICENSE = "https://creativecommons.org/licenses/by-sa/4.0/"
SCORE_DECIMALS = 4  # check-worthiness precision; graph/queries/pages.py enumerates the values
ENTITY_CLASS = {
    "person": SCHEMA.Person,
    "organization": SCHEMA.Organization,
    "product": SCHEMA.Product,
    "place": SCHEMA.Place,
}
LINK_CLASS = {
    Relation.CONFIRMS: (CKG.Confirmation, CITO.confirms),
    Relation.DISPUTES: (CKG.Dispute, CITO.disputes),
    Relation.DERIVED_FROM: (CKG.Derivation, PROV.wasDerivedFrom),
}


def new_graph(identifier: URIRef | None = None, triples: Iterable[Triple] = ()) -> Graph:
    graph = Graph(identifier=identifier)
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    for triple in triples:
        graph.add(triple)
    return graph


def epistemic_status(claim: Claim) -> URIRef:
    if claim.speculative:
        return EPISTEMIC["hedged"]
    if claim.negated:
        return EPISTEMIC["negated"]
    if claim.sourced:
        return EPISTEMIC["attributed"]
    return EPISTEMIC["asserted"]


@dataclass
class ArticleTriples:
    """An article's own named graph, plus descriptions of nodes shared across articles
    (outlets, people, entities, software) that belong in the shared graph."""

    graph: Graph
    shared: Graph


@dataclass
class ArticleTerms:
    """:class:`ArticleTriples` as lists of term tuples (may repeat a triple)."""

    graph: list[Triple] = field(default_factory=list)
    shared: list[Triple] = field(default_factory=list)


@dataclass
class _ArticleWriter:
    analyzed: AnalyzedArticle
    graph: list[Triple]
    shared: list[Triple]
    run: URIRef
    extracted_at: datetime

    @property
    def text(self) -> str:
        return self.analyzed.article.text

    def add(self, s, p, o) -> None:
        self.graph.append((s, p, o))

    def add_shared(self, s, p, o) -> None:
        self.shared.append((s, p, o))

    def write_article(self) -> tuple[URIRef, URIRef, URIRef | None]:
        art = self.analyzed.article
        node = ids.article_iri(art.url)
        outlet = ids.outlet_iri(art.outlet_domain or art.outlet or UNKNOWN_OUTLET)
        self.add(node, RDF.type, SCHEMA.NewsArticle)
        self.add(node, RDF.type, PROV.Entity)
        url = safe_iri(art.url)
        self.add(node, SCHEMA.url, url if url is not None else _lit(art.url))
        self.add(node, SCHEMA.headline, _lit(art.title))
        self.add(node, SCHEMA.publisher, outlet)
        self.add(node, SCHEMA.text, _lit(art.text))
        self.add(node, DCTERMS.identifier, _lit(art.text_hash))
        if art.source_location.startswith(("http://", "https://")):
            self.add(node, CKG.sourceLocation, _lit(art.source_location))  # a path never
        if art.source_file:
            self.add(node, DCTERMS.source, _lit(art.source_file))
        if art.language:
            self.add(node, SCHEMA.inLanguage, _lit(art.language))
        if art.published:
            self.add(node, SCHEMA.datePublished, _lit(art.published, datatype=XSD.date))
            if art.published_source:
                self.add(node, CKG.dateSource, _lit(art.published_source))
        if art.modified:
            self.add(node, SCHEMA.dateModified, _lit(art.modified, datatype=XSD.date))
        for link in art.links:
            target = safe_iri(link.href)
            if target is not None:
                self.add(node, SCHEMA.citation, target)
        self.add_shared(outlet, RDF.type, SCHEMA.NewsMediaOrganization)
        self.add_shared(outlet, RDF.type, PROV.Agent)
        name = art.outlet or art.outlet_domain or UNKNOWN_OUTLET
        self.add_shared(outlet, SCHEMA.name, _lit(name))
        self.add_shared(outlet, CKG.domain, _lit(art.outlet_domain))
        author = None
        if art.author:
            author = ids.person_iri(art.author)
            self.add(node, SCHEMA.author, author)
            self.add_shared(author, RDF.type, SCHEMA.Person)
            self.add_shared(author, RDF.type, PROV.Agent)
            self.add_shared(author, SCHEMA.name, _lit(art.author))
        return node, outlet, author

    def write_run(self, article: URIRef) -> None:
        info = self.analyzed.analyzer
        agent = ids.agent_iri(info.name, info.version)
        self.add(self.run, RDF.type, PROV.Activity)
        self.add(self.run, PROV.used, article)
        self.add(self.run, PROV.wasAssociatedWith, agent)
        self.add(self.run, PROV.startedAtTime, _lit(self.extracted_at, datatype=XSD.dateTime))
        self.add_shared(agent, RDF.type, PROV.SoftwareAgent)
        self.add_shared(agent, SCHEMA.name, _lit(info.name))
        self.add_shared(agent, SCHEMA.softwareVersion, _lit(info.version))
        if info.model:
            model = ids.agent_iri(info.model, info.model_version or "")
            self.add(self.run, PROV.wasAssociatedWith, model)
            self.add_shared(model, RDF.type, PROV.SoftwareAgent)
            self.add_shared(model, SCHEMA.name, _lit(info.model))
            self.add_shared(model, SCHEMA.softwareVersion, _lit(info.model_version or ""))
            self.add_shared(model, SCHEMA.license, URIRef(MODEL_LICENSE))

    def write_entity(self, entity: Entity) -> URIRef:
        node = ids.entity_iri(entity.key)
        self.add_shared(node, RDF.type, ENTITY_CLASS.get(entity.type, SCHEMA.Thing))
        self.add_shared(node, SCHEMA.name, _lit(entity.name))
        self.add_shared(node, CKG.entityType, _lit(entity.type))
        self.add_shared(node, CKG.entityKey, _lit(entity.key))
        for alias in sorted(entity.aliases - {entity.name}):
            self.add_shared(node, SCHEMA.alternateName, _lit(alias))
        if entity.surname:
            self.add_shared(node, CKG.surname, _lit(entity.surname))
        return node

    def write_span(self, claim_node: URIRef, role: str, span: Span, index: int = 0) -> None:
        node = URIRef(f"{claim_node}/{role}-{index}")
        self.add(claim_node, CKG.span, node)
        self.add(node, RDF.type, CKG.TextSpan)
        self.add(node, CKG.role, _lit(role))
        self.add(node, CKG.start, _lit(span.start, datatype=XSD.integer))
        self.add(node, CKG.end, _lit(span.end, datatype=XSD.integer))
        self.add(node, CKG.exact, _lit(span.text(self.text)))

    def write_anchor(self, claim_node: URIRef, article: URIRef, claim: Claim) -> None:
        anchor = ids.anchor_iri(claim_node)
        target = ids.anchor_iri(claim_node, "target")
        quote = ids.anchor_iri(claim_node, "quote")
        position = ids.anchor_iri(claim_node, "position")
        self.add(anchor, RDF.type, OA.Annotation)
        self.add(anchor, OA.motivatedBy, OA.identifying)
        self.add(anchor, OA.hasBody, claim_node)
        self.add(anchor, OA.hasTarget, target)
        self.add(target, RDF.type, OA.SpecificResource)
        self.add(target, OA.hasSource, article)
        self.add(target, OA.hasSelector, quote)
        self.add(target, OA.hasSelector, position)
        self.add(quote, RDF.type, OA.TextQuoteSelector)
        self.add(quote, OA.exact, _lit(claim.text))
        prefix = self.text[max(0, claim.start - QUOTE_CONTEXT) : claim.start]
        suffix = self.text[claim.end : claim.end + QUOTE_CONTEXT]
        self.add(quote, OA.prefix, _lit(prefix))
        self.add(quote, OA.suffix, _lit(suffix))
        self.add(position, RDF.type, OA.TextPositionSelector)
        self.add(position, OA.start, _lit(claim.start, datatype=XSD.integer))
        self.add(position, OA.end, _lit(claim.end, datatype=XSD.integer))

    def write_attribution(self, node: URIRef, claim: Claim, reporter: URIRef) -> URIRef:
        """Qualified attributions; returns the agent to record as the claim's author."""
        reporter_link = URIRef(f"{node}/attribution-reporter")
        self.add(node, PROV.qualifiedAttribution, reporter_link)
        self.add(reporter_link, RDF.type, PROV.Attribution)
        self.add(reporter_link, PROV.agent, reporter)
        self.add(reporter_link, PROV.hadRole, CKG.Reporter)
        attribution = claim.attribution
        if attribution is None or not claim.sourced:
            return reporter
        source_text = attribution.source_text or attribution.source.text(self.text)
        speaker = self._speaker_node(attribution, source_text)
        speaker_link = URIRef(f"{node}/attribution-speaker")
        self.add(node, PROV.qualifiedAttribution, speaker_link)
        self.add(speaker_link, RDF.type, PROV.Attribution)
        self.add(speaker_link, PROV.agent, speaker)
        self.add(speaker_link, PROV.hadRole, CKG.Speaker)
        self.add(node, CKG.sourceText, _lit(source_text))
        if attribution.cue is not None:
            cue_text = attribution.cue_text or attribution.cue.text(self.text)
            self.add(node, CKG.cueText, _lit(cue_text))
        self.add(node, CKG.attributionKind, _lit(attribution.kind))
        if attribution.speaker:
            self.add(node, CKG.speakerName, _lit(attribution.speaker))
        return speaker

    def _speaker_node(self, attribution: Attribution, source_text: str) -> URIRef:
        """The entity the source was resolved to; else a node for the source as written in
        this article ("officials"), never an entity it was not resolved to."""
        if attribution.speaker_key in self.analyzed.entities:
            speaker = ids.entity_iri(attribution.speaker_key)
            self.add(speaker, RDF.type, PROV.Agent)
            return speaker
        speaker = ids.person_iri(f"{self.analyzed.article.url}#{source_text}")
        self.add(speaker, RDF.type, PROV.Agent)
        self.add(speaker, SCHEMA.name, _lit(source_text))
        return speaker

    def write_claim(self, claim: Claim, article: URIRef, outlet: URIRef, reporter: URIRef) -> None:
        node = ids.claim_iri(claim.article_url, claim.start, claim.end)
        self.add(node, RDF.type, SCHEMA.Claim)
        self.add(node, RDF.type, PROV.Entity)
        self.add(node, SCHEMA.text, _lit(claim.text))
        self.add(node, CKG.content, _lit(claim.content.text(self.text)))
        self.add(node, SCHEMA.appearance, article)
        self.add(node, PROV.wasQuotedFrom, article)
        self.add(node, PROV.wasGeneratedBy, self.run)
        self.add(node, CKG.outlet, outlet)
        self.add(node, CKG.startOffset, _lit(claim.start, datatype=XSD.integer))
        self.add(node, CKG.endOffset, _lit(claim.end, datatype=XSD.integer))
        self.add(node, CKG.epistemicStatus, epistemic_status(claim))
        self.add(node, CKG.sourced, _lit(claim.sourced))
        self.add(node, CKG.speculative, _lit(claim.speculative))
        self.add(node, CKG.negated, _lit(claim.negated))
        self.add(node, CKG.analyzed, _lit(claim.analyzed))
        score = score_literal(claim.check_worthiness)
        self.add(node, CKG.checkWorthiness, score)
        self.add(node, SCHEMA.author, self.write_attribution(node, claim, reporter))
        self.write_anchor(node, article, claim)
        self.write_span(node, "content", claim.content)
        if claim.attribution is not None:
            if claim.attribution.source is not None:
                self.write_span(node, "source", claim.attribution.source)
            if claim.attribution.cue is not None:
                self.write_span(node, "cue", claim.attribution.cue)
        for index, cue in enumerate(claim.hedges):
            self.write_span(node, "hedge", cue.span, index)
            self.add(node, CKG.hedgeCue, _lit(cue.text))
        for index, cue in enumerate(claim.negations):
            self.write_span(node, "negation", cue.span, index)
            self.add(node, CKG.negationCue, _lit(cue.text))
        for mention in claim.mentions:
            if mention.entity_key in self.analyzed.entities:
                self.add(node, SCHEMA.about, ids.entity_iri(mention.entity_key))


def article_terms(analyzed: AnalyzedArticle, extracted_at: datetime | None = None) -> ArticleTerms:
    """All triples of one article's extraction: its own named graph and shared descriptions."""
    art = analyzed.article
    terms = ArticleTerms()
    run = ids.run_iri(art.url, art.text_hash, analyzed.analyzer.name + analyzed.analyzer.version)
    writer = _ArticleWriter(analyzed, terms.graph, terms.shared, run,
                            extracted_at or datetime.now(UTC))
    article, outlet, author = writer.write_article()
    writer.write_run(article)
    for entity in analyzed.entities.values():
        writer.write_entity(entity)
    reporter = author or outlet
    for claim in analyzed.claims:
        writer.write_claim(claim, article, outlet, reporter)
    reviews, shared = page_review_terms(art, article)
    terms.graph += reviews
    terms.shared += shared
    return terms


def article_triples(
    analyzed: AnalyzedArticle, extracted_at: datetime | None = None
) -> ArticleTriples:
    """:func:`article_terms` as rdflib graphs."""
    terms = article_terms(analyzed, extracted_at)
    return ArticleTriples(new_graph(ids.article_graph_iri(analyzed.article.url), terms.graph),
                          new_graph(SHARED_GRAPH, terms.shared))


def link_terms(links: Iterable[ClaimLink]) -> Iterator[Triple]:
    """Qualified link nodes plus the plain CiTO / PROV edges, for the corroboration graph."""
    for link in links:
        subject, target = URIRef(link.subject), URIRef(link.target)
        node_class, edge = LINK_CLASS[link.relation]
        node = ids.link_iri(link.subject, link.target, link.relation.value)
        yield subject, edge, target
        yield node, RDF.type, node_class
        yield node, RDF.type, PROV.Entity
        yield node, CKG.linkSubject, subject
        yield node, CKG.linkTarget, target
        yield node, CKG.kind, Literal(link.kind.value)
        yield node, CKG.similarity, Literal(round(link.similarity, 4), datatype=XSD.decimal)
        yield node, CKG.independenceChecked, Literal(True)
        if link.reason:
            yield node, RDFS.comment, Literal(link.reason)


def link_triples(links: Iterable[ClaimLink]) -> Graph:
    return new_graph(None, link_terms(links))


def status_terms(claim: str, status: Status, reasons: Iterable[str]) -> Iterator[Triple]:
    node = URIRef(claim)
    yield node, CKG.status, STATUS_CONCEPT[status]
    for index, reason in enumerate(reasons):
        reason_node = URIRef(f"{claim}/reason-{index}")
        yield node, CKG.statusReason, reason_node
        yield reason_node, RDF.type, CKG.StatusReason
        yield reason_node, RDFS.comment, Literal(reason)
        yield reason_node, CKG.order, Literal(index)


def status_triples(claim: str, status: Status, reasons: Iterable[str]) -> Graph:
    return new_graph(None, status_terms(claim, status, reasons))


def vocabulary_graph() -> Graph:
    """The statuses as a SKOS concept scheme (the product's own small vocabulary)."""
    graph = new_graph()
    scheme = CKG.ClaimStatus
    graph.add((scheme, RDF.type, SKOS.ConceptScheme))
    for rank, status in enumerate(Status):
        concept = STATUS_CONCEPT[status]
        graph.add((concept, RDF.type, SKOS.Concept))
        graph.add((concept, SKOS.inScheme, scheme))
        graph.add((concept, SKOS.prefLabel, Literal(status.value, lang="en")))
        graph.add((concept, SKOS.notation, Literal(status.value)))
        graph.add((concept, CKG.precedence, Literal(rank)))
    for name, concept in EPISTEMIC.items():
        graph.add((concept, RDF.type, SKOS.Concept))
        graph.add((concept, SKOS.inScheme, CKG.EpistemicStatus))
        graph.add((concept, SKOS.prefLabel, Literal(name, lang="en")))
    graph.add((CKG.Speaker, RDF.type, PROV.Role))
    graph.add((CKG.Reporter, RDF.type, PROV.Role))
    return graph


def score_literal(score: float) -> Literal:
    return Literal(round(score, SCORE_DECIMALS), datatype=XSD.decimal)

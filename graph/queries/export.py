"""Serialisations of the graph: RDF formats, ClaimReview JSON-LD and CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from graph.queries.claimreview import CONTEXT, claimreview_objects
from graph.queries.claims import claim_records
from graph.queries.filters import ClaimFilter
from graph.rdf.vocab import PREFIXES
from graph.store.claim_store import ClaimStore

RDF_FORMATS = {
    "turtle": (ox.RdfFormat.TURTLE, "text/turtle", ".ttl"),
    "trig": (ox.RdfFormat.TRIG, "application/trig", ".trig"),
    "nt": (ox.RdfFormat.N_TRIPLES, "application/n-triples", ".nt"),
    "nquads": (ox.RdfFormat.N_QUADS, "application/n-quads", ".nq"),
    "jsonld": (ox.RdfFormat.JSON_LD, "application/ld+json", ".jsonld"),
}
OTHER_FORMATS = {
    "claimreview": ("application/ld+json", ".claimreview.jsonld"),
    "csv": ("text/csv", ".csv"),
}
FORMATS = tuple(RDF_FORMATS) + tuple(OTHER_FORMATS)
GRAPH_FORMATS = ("trig", "nquads", "jsonld")  # keep named graphs
CSV_FIELDS = (
    "id", "status", "text", "content", "source", "speaker", "cue", "speculative", "hedge_cues",
    "negated",
    "entities", "outlet", "outlet_domain", "published", "article", "start", "end",
    "confirmed_by", "disputed_by", "derived_from", "check_worthiness",
)


def media_type(fmt: str) -> str:
    return RDF_FORMATS[fmt][1] if fmt in RDF_FORMATS else OTHER_FORMATS[fmt][0]


def file_suffix(fmt: str) -> str:
    return RDF_FORMATS[fmt][2] if fmt in RDF_FORMATS else OTHER_FORMATS[fmt][1]


def _to_ox(term: Node) -> ox.NamedNode | ox.Literal:
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD.string)))
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    raise ValueError(f"unexpected term in store: {term!r}")  # claimgraph writes no blank nodes


def store_quads(store: ClaimStore, graphs: Iterable[str] | None = None) -> Iterator[ox.Quad]:
    """The store's named-graph quads, as Oxigraph terms (fast path for embedded Oxigraph)."""
    names = list(graphs) if graphs is not None else store.named_graphs()
    for name in names:
        if store.kind == "oxigraph":
            yield from store.dataset.store._inner.quads_for_pattern(
                None, None, None, ox.NamedNode(name))
            continue
        graph_name = ox.NamedNode(name)
        for s, p, o in store.dataset.graph(URIRef(name)):
            yield ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o), graph_name)


def serialize_rdf(store: ClaimStore, fmt: str, graphs: Iterable[str] | None = None) -> bytes:
    """Serialise the store (or some named graphs); Turtle and N-Triples get the union graph."""
    rdf_format = RDF_FORMATS[fmt][0]
    prefixes = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    quads = store_quads(store, graphs)
    if fmt in GRAPH_FORMATS:
        return ox.serialize(quads, format=rdf_format, prefixes=prefixes)
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
    return ox.serialize(sorted(triples, key=str), format=rdf_format, prefixes=prefixes)


def claimreview_jsonld(store: ClaimStore, flt: ClaimFilter | None = None) -> bytes:
    """The store's reviews as a ClaimReview JSON-LD document (with a filter: the reviews of
    the claims it selects)."""
    claims = None
    if flt is not None:
        claims = {r["id"] for r in claim_records(store, flt, sort="position", limit=None)}
    document = {"@context": CONTEXT, "@graph": claimreview_objects(store, claims)}
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def _cell(value) -> str:
    if isinstance(value, list):
        return "; ".join(v["claim"] if isinstance(v, dict) else str(v) for v in value)
    if value is None:
        return ""
    return str(value)


def claims_csv(records: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, extrasaction="ignore")
    writer.writeheader()
    for record in records:
        writer.writerow({key: _cell(record.get(key)) for key in CSV_FIELDS})
    return buffer.getvalue().encode("utf-8")


def export(store: ClaimStore, fmt: str, flt: ClaimFilter | None = None) -> bytes:
    if fmt in RDF_FORMATS:
        graphs = filtered_graphs(store, flt) if flt is not None else None
        return serialize_rdf(store, fmt, graphs)
    if fmt == "claimreview":
        return claimreview_jsonld(store, flt)
    if fmt == "csv":
        return claims_csv(claim_records(store, flt, sort="position", limit=None))
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


def filtered_graphs(store: ClaimStore, flt: ClaimFilter) -> list[str]:
    """The article graphs holding the filtered claims, plus the shared graphs."""
    from graph.rdf import ids
    from graph.rdf.vocab import CORROBORATION_GRAPH, SHARED_GRAPH, VOCAB_GRAPH

    urls = {record["article"] for record in claim_records(store, flt, limit=None)}
    graphs = [str(ids.article_graph_iri(url)) for url in sorted(urls)]
    return graphs + [str(SHARED_GRAPH), str(CORROBORATION_GRAPH), str(VOCAB_GRAPH)]

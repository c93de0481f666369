"""Namespaces and the small claimgraph vocabulary."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from graph.model import Status

SCHEMA = Namespace("http://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
CITO = Namespace("http://purl.org/spar/cito/")
CKG = Namespace("https://w3id.org/claimgraph/vocab#")
ID = Namespace("https://w3id.org/claimgraph/id/")
GRAPH = Namespace("https://w3id.org/claimgraph/graph/")

#: Named graph holding cross-article links, materialised statuses and their reasons.
CORROBORATION_GRAPH = GRAPH["corroboration"]
#: Named graph describing nodes shared by many articles: outlets, people, entities, software.
SHARED_GRAPH = GRAPH["shared"]
#: Named graph holding the vocabulary itself (statuses as SKOS concepts).
VOCAB_GRAPH = GRAPH["vocab"]

PREFIXES: dict[str, Namespace] = {
    "schema": SCHEMA,
    "prov": PROV,
    "oa": OA,
    "cito": CITO,
    "ckg": CKG,
    "cgid": ID,
    "dcterms": DCTERMS,
    "xsd": XSD,
    "skos": SKOS,
    "rdf": RDF,
    "rdfs": RDFS,
}

EPISTEMIC = {
    "asserted": CKG.Asserted,
    "attributed": CKG.Attributed,
    "hedged": CKG.Hedged,
    "negated": CKG.Negated,
}

STATUS_CONCEPT: dict[Status, URIRef] = {s: CKG["status-" + s.value] for s in Status}
CONCEPT_STATUS: dict[str, Status] = {str(v): k for k, v in STATUS_CONCEPT.items()}


def status_of(concept: str | None) -> str:
    """The status a stored concept IRI names; a claim without one is unsourced."""
    return CONCEPT_STATUS.get(concept or "", Status.UNSOURCED).value


def sparql_prefixes() -> str:
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())

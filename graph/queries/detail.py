"""One claim: its record with spans, reasons and article text, its own RDF, the claims it
derives from, and short descriptions of the claims linked to it."""

from __future__ import annotations

from rdflib import URIRef

from graph.queries.claims import CLAIM_PATTERN, CLAIM_VARS, P, iso_date, records_for_rows
from graph.rdf.vocab import PREFIXES, status_of
from graph.store.claim_store import ClaimStore

CLAIM_CONSTRUCT = """
CONSTRUCT { ?s ?p ?o } WHERE {
  { BIND(%(claim)s AS ?s) ?s ?p ?o }
  UNION { %(claim)s ckg:span|ckg:statusReason|prov:qualifiedAttribution ?s . ?s ?p ?o }
  UNION { ?s oa:hasBody %(claim)s . ?s ?p ?o }
  UNION { ?anchor oa:hasBody %(claim)s ; oa:hasTarget ?s . ?s ?p ?o }
  UNION { ?anchor oa:hasBody %(claim)s ; oa:hasTarget/oa:hasSelector ?s . ?s ?p ?o }
  UNION { ?s ckg:linkSubject|ckg:linkTarget %(claim)s . ?s ?p ?o }
}
"""


def _iri(value: str) -> str:
    """An IRI as a SPARQL term; rdflib refuses (raises on) anything that is not a valid IRI."""
    return URIRef(value).n3()


def claim_turtle(store: ClaimStore, claim: str) -> str:
    """The claim's own triples (spans, anchor, attributions, status reasons, links) as Turtle.

    The IRI is written into each branch (serialised by rdflib, which refuses invalid IRIs) so
    every branch starts from a bound node.
    """
    graph = store.construct(P + CLAIM_CONSTRUCT % {"claim": _iri(claim)})
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph.serialize(format="turtle")


def provenance_chain(store: ClaimStore, claim: str) -> list[dict]:
    """The claim and every claim it derives from (transitively), oldest first.

    Rows: claim, text, outlet, domain, published (ISO), url, relation ("this claim" or
    "derived from"). The first row is the earliest known source.
    """
    start = _iri(claim)  # written in place: Virtuoso ignores a VALUES-bound path start
    rows = store.select(
        f"{P}SELECT DISTINCT ?c ?text ?outlet ?domain ?published ?url ?self WHERE {{ "
        f"{start} prov:wasDerivedFrom* ?c . BIND(?c = {start} AS ?self) "
        "?c schema:text ?text ; ckg:outlet ?o ; schema:appearance ?a . "
        "?o schema:name ?outlet ; ckg:domain ?domain . ?a schema:url ?url . "
        "OPTIONAL { ?a schema:datePublished ?published } }"
    )
    chain = [
        {"claim": r["c"], "text": r["text"], "outlet": r["outlet"], "domain": r["domain"],
         "published": iso_date(r["published"]), "url": r["url"],
         "relation": "this claim" if r["self"] else "derived from"}
        for r in rows
    ]
    return sorted(chain, key=lambda r: (r["published"] or "9999", r["relation"] != "derived from"))


# --- entities and outlets -----------------------------------------------------------------------


def claim_summaries(store: ClaimStore, iris: list[str]) -> dict[str, dict]:
    """Short descriptions of claims: text, outlet, domain, published (ISO), url, status."""
    if not iris:
        return {}
    values = " ".join(_iri(i) for i in sorted(set(iris)))
    rows = store.select(
        f"{P}SELECT ?c ?text ?outlet ?domain ?published ?url ?status_concept WHERE {{ "
        f"VALUES ?c {{ {values} }} ?c schema:text ?text ; ckg:outlet ?o ; schema:appearance ?a . "
        "?o schema:name ?outlet ; ckg:domain ?domain . ?a schema:url ?url . "
        "OPTIONAL { ?a schema:datePublished ?published } "
        "OPTIONAL { ?c ckg:status ?status_concept } }"
    )
    return {
        r["c"]: {"text": r["text"], "outlet": r["outlet"], "domain": r["domain"],
                 "published": iso_date(r["published"]), "url": r["url"],
                 "status": status_of(r["status_concept"])}
        for r in rows
    }


def copied_by(store: ClaimStore, claim: str) -> list[dict]:
    """Claims derived from ``claim`` (copies, citations): claim, kind, similarity, reason."""
    rows = store.select(
        f"{P}SELECT ?other ?kind ?similarity ?reason WHERE {{ ?l a ckg:Derivation ; "
        "ckg:linkTarget ?claim ; ckg:linkSubject ?other ; ckg:kind ?kind ; "
        "ckg:similarity ?similarity . OPTIONAL { ?l rdfs:comment ?reason } }",
        {"claim": URIRef(claim)},
    )
    return [{"claim": r["other"], "kind": r["kind"], "similarity": float(r["similarity"] or 0),
             "reason": r["reason"]} for r in rows]


def claim_detail(store: ClaimStore, claim: str) -> dict | None:
    """Everything the claim page shows: the record, spans, reasons, article text."""
    rows = store.select(
        f"{P}SELECT {CLAIM_VARS} WHERE {{ {CLAIM_PATTERN} }}", {"claim": URIRef(claim)}
    )
    if not rows:
        return None
    row = rows[0]
    detail = records_for_rows(store, [row])[0]
    spans = store.select(
        f"{P}SELECT ?role ?start ?end ?exact WHERE {{ ?claim ckg:span ?s . ?s ckg:role ?role ; "
        "ckg:start ?start ; ckg:end ?end ; ckg:exact ?exact } ORDER BY ?start",
        {"claim": URIRef(claim)},
    )
    reasons = store.select(
        f"{P}SELECT ?text WHERE {{ ?claim ckg:statusReason ?r . ?r rdfs:comment ?text ; "
        "ckg:order ?o } ORDER BY ?o",
        {"claim": URIRef(claim)},
    )
    article = store.select(
        f"{P}SELECT ?title ?body ?author_name WHERE {{ ?article schema:text ?body . "
        "OPTIONAL { ?article schema:headline ?title } "
        "OPTIONAL { ?article schema:author/schema:name ?author_name } }",
        {"article": URIRef(row["article"])},
    )
    detail["spans"] = spans
    detail["reasons"] = [r["text"] for r in reasons]
    if article:
        detail["article_title"] = article[0]["title"]
        detail["article_text"] = article[0]["body"]
        detail["article_author"] = article[0]["author_name"]
    return detail

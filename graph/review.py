"""Fact-checkers' verdicts recorded in the app: schema:ClaimReview in the reviewer's named graph.

A review is written, and the claim's status refreshed through the corroboration index, in one
SPARQL Update request. Withdrawing keeps the review and marks it ``Withdrawn``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD

from graph import ids
from graph.pipeline import corroboration_update_sparql, open_index
from graph.store import ClaimStore
from graph.vocab import CKG, PREFIXES, SCHEMA, sparql_prefixes

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Rating:
    label: str
    value: int
    verdict: str | None  # what the corroboration index is told: "true" | "false" | None


RATINGS: dict[str, Rating] = {
    r.label: r
    for r in (
        Rating("True", 5, "true"),
        Rating("Mostly true", 4, "true"),
        Rating("Mixed", 3, None),
        Rating("Mostly false", 2, "false"),
        Rating("False", 1, "false"),
    )
}
PUBLISHED = "Published"
WITHDRAWN = "Withdrawn"


class ReviewError(ValueError):
    """The review cannot be recorded or withdrawn; the message is one line."""


def _iri(url: str) -> URIRef | None:
    value = url.strip()
    if not value.startswith(("http://", "https://")) or any(c in value for c in ' <>"{}|\\^`\n'):
        return None
    return URIRef(value)


def _claim_text(store: ClaimStore, claim_iri: str) -> str:
    rows = store.select(
        sparql_prefixes() + "SELECT ?text WHERE { ?claim a schema:Claim ; schema:text ?text }",
        {"claim": URIRef(claim_iri)},
    )
    if not rows:
        raise ReviewError(f"no claim {claim_iri} in the store")
    return rows[0]["text"]


def review_graph(review: URIRef, claim_iri: str, claim_text: str, rating: Rating, note: str,
                 reviewer: str, evidence: URIRef | None, created: datetime) -> Graph:
    """The review's triples (no blank nodes): review, its rating node, the reviewer."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    rating_node = URIRef(f"{review}/rating")
    author = ids.person_iri(reviewer)
    add = graph.add
    add((review, RDF.type, SCHEMA.ClaimReview))
    add((review, RDF.type, PROV.Entity))
    add((review, SCHEMA.itemReviewed, URIRef(claim_iri)))
    add((review, SCHEMA.claimReviewed, Literal(claim_text)))
    add((review, SCHEMA.reviewRating, rating_node))
    add((review, SCHEMA.author, author))
    add((review, SCHEMA.dateCreated, Literal(created.isoformat(), datatype=XSD.dateTime)))
    add((review, SCHEMA.datePublished, Literal(created.date(), datatype=XSD.date)))
    add((review, SCHEMA.creativeWorkStatus, Literal(PUBLISHED)))
    add((review, CKG.verdict, Literal(rating.verdict or "mixed")))
    if note.strip():
        add((review, SCHEMA.reviewBody, Literal(note.strip())))
    if evidence is not None:
        add((review, SCHEMA.citation, evidence))
    add((rating_node, RDF.type, SCHEMA.Rating))
    add((rating_node, SCHEMA.ratingValue, Literal(rating.value)))
    add((rating_node, SCHEMA.bestRating, Literal(5)))
    add((rating_node, SCHEMA.worstRating, Literal(1)))
    add((rating_node, SCHEMA.alternateName, Literal(rating.label)))
    add((author, RDF.type, SCHEMA.Person))
    add((author, RDF.type, PROV.Agent))
    add((author, SCHEMA.name, Literal(reviewer)))
    return graph


def _write(store: ClaimStore, sparql: str, undo) -> None:
    """Apply the update; if it fails, undo the index change so both stay in step."""
    try:
        store.update(sparql.rstrip().rstrip(";"))
    except Exception:
        undo()
        raise


def record_review(store: ClaimStore, claim_iri: str, rating: str, note: str, reviewer: str,
                  evidence_url: str = "", now: datetime | None = None) -> str:
    """Record a verdict on a claim; returns the review IRI. The claim's status follows."""
    if rating not in RATINGS:
        raise ReviewError(f"rating must be one of {', '.join(RATINGS)}")
    reviewer = " ".join(reviewer.split())
    if not reviewer:
        raise ReviewError("a reviewer name is required")
    evidence = _iri(evidence_url) if evidence_url.strip() else None
    if evidence_url.strip() and evidence is None:
        raise ReviewError("the evidence URL must be an http(s) URL")
    text = _claim_text(store, claim_iri)
    created = now or datetime.now(UTC)
    review = ids.review_iri(claim_iri, reviewer, created.isoformat())
    graph_iri = ids.reviewer_graph_iri(reviewer)
    triples = review_graph(review, claim_iri, text, RATINGS[rating], note, reviewer, evidence,
                           created)
    sparql = f"INSERT DATA {{ GRAPH <{graph_iri}> {{\n{triples.serialize(format='nt')}}} }} ;\n"
    verdict = RATINGS[rating].verdict
    index = open_index(store)
    try:
        if verdict is not None:
            update = index.add_review(claim_iri, verdict, str(review), reviewer,
                                      str(evidence or ""))
            sparql += corroboration_update_sparql(
                index, update.affected | set(update.statuses), update)
        _write(store, sparql, lambda: index.withdraw_review(str(review)))
    finally:
        index.close()
    log.info("review %s on %s: %s by %s", review, claim_iri, rating, reviewer)
    return str(review)


REVIEWS_QUERY = """
SELECT ?review ?g ?claim ?claim_text ?rating ?rating_value ?verdict ?note ?reviewer ?evidence
       ?created ?state ?modified WHERE {
  GRAPH ?g {
    ?review a schema:ClaimReview ; schema:itemReviewed ?claim ; schema:claimReviewed ?claim_text ;
            schema:reviewRating ?r ; schema:author/schema:name ?reviewer ;
            schema:dateCreated ?created ; schema:creativeWorkStatus ?state .
    ?r schema:alternateName ?rating ; schema:ratingValue ?rating_value .
    OPTIONAL { ?review ckg:verdict ?verdict }
    OPTIONAL { ?review schema:reviewBody ?note }
    OPTIONAL { ?review schema:citation ?evidence }
    OPTIONAL { ?review schema:dateModified ?modified }
  }
  %s
}
ORDER BY DESC(?created)
"""


def list_reviews(store: ClaimStore, claim_iri: str | None = None,
                 review_iri: str | None = None) -> list[dict]:
    """Recorded reviews, newest first (withdrawn ones included, ``state`` says which)."""
    bindings = {}
    if claim_iri:
        bindings["claim"] = URIRef(claim_iri)
    if review_iri:
        bindings["review"] = URIRef(review_iri)
    rows = store.select(sparql_prefixes() + REVIEWS_QUERY % "", bindings)
    for row in rows:
        row["withdrawn"] = row["state"] == WITHDRAWN
        for key in ("created", "modified"):
            if row[key] is not None and not isinstance(row[key], str):
                row[key] = row[key].isoformat()
    return rows


def withdraw_review(store: ClaimStore, review_iri: str, now: datetime | None = None) -> bool:
    """Mark a review withdrawn (it stays in the graph); the claim's status is recomputed.

    Returns False when it was already withdrawn.
    """
    found = list_reviews(store, review_iri=review_iri)
    if not found:
        raise ReviewError(f"no review {review_iri}")
    review = found[0]
    if review["withdrawn"]:
        return False
    node, graph = URIRef(review_iri), f"<{review['g']}>"
    stamp = Literal((now or datetime.now(UTC)).isoformat(), datatype=XSD.dateTime)
    state = SCHEMA.creativeWorkStatus.n3()
    sparql = (
        f"DELETE WHERE {{ GRAPH {graph} {{ {node.n3()} {state} ?s }} }} ;\n"
        f"INSERT DATA {{ GRAPH {graph} {{ {node.n3()} {state} {Literal(WITHDRAWN).n3()} . "
        f"{node.n3()} {SCHEMA.dateModified.n3()} {stamp.n3()} }} }} ;\n"
    )
    index = open_index(store)
    try:
        if review["verdict"] in ("true", "false"):
            update = index.withdraw_review(review_iri)
            sparql += corroboration_update_sparql(
                index, update.affected | set(update.statuses), update)

            def undo() -> None:
                index.add_review(review["claim"], review["verdict"], review_iri,
                                 review["reviewer"], review["evidence"] or "")
        else:
            def undo() -> None:
                return None
        _write(store, sparql, undo)
    finally:
        index.close()
    log.info("review %s withdrawn", review_iri)
    return True

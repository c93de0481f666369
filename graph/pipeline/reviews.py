"""Fact-checkers' verdicts recorded in the app: schema:ClaimReview in the reviewer's named graph.

A review is written, and the claim's status refreshed through the corroboration index, in one
SPARQL Update request. Withdrawing keeps the review and marks it ``Withdrawn``.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from rdflib import URIRef

from graph.model import RATINGS
from graph.pipeline.update import corroboration_update_sparql
from graph.queries.reviews import list_reviews
from graph.rdf import ids
from graph.rdf.reviews import REVIEW_STATE, app_review_terms, withdrawal_terms
from graph.rdf.terms import ntriples, safe_iri
from graph.rdf.vocab import sparql_prefixes
from graph.store.claim_store import ClaimStore
from graph.store.side_index import open_index

log = logging.getLogger(__name__)


class ReviewError(ValueError):
    """The review cannot be recorded or withdrawn; the message is one line."""


def _claim_text(store: ClaimStore, claim_iri: str) -> str:
    rows = store.select(
        sparql_prefixes() + "SELECT ?text WHERE { ?claim a schema:Claim ; schema:text ?text }",
        {"claim": URIRef(claim_iri)},
    )
    if not rows:
        raise ReviewError(f"no claim {claim_iri} in the store")
    return rows[0]["text"]


def _write(store: ClaimStore, sparql: str, undo) -> None:
    """Apply the update; if it fails, undo the index change so both stay in step."""
    try:
        store.update(sparql.rstrip().rstrip(";"))
    except Exception:
        undo()
        raise


def _http_iri(value: str, what: str) -> URIRef | None:
    value = value.strip()
    if not value:
        return None
    iri = safe_iri(value)
    if iri is None or not value.lower().startswith(("http://", "https://")):
        raise ReviewError(f"the {what} must be an http(s) URL")
    return iri


def record_review(store: ClaimStore, claim_iri: str, rating: str, note: str, reviewer: str,
                  evidence_url: str = "", now: datetime | None = None, *, review_url: str,
                  label: str = "", cites: str | None = None) -> str:
    """Record a verdict on a claim; returns the review IRI. The claim's status follows (and
    that of its copies) when the rating is true / mostly true or false / mostly false.

    ``rating`` is a point of the scale (:data:`graph.model.RATINGS`), ``label`` the reviewer's
    own wording, ``review_url`` the published fact-check (``schema:url``), ``cites`` the known
    fact-check this review accepts."""
    if rating not in RATINGS:
        raise ReviewError(f"rating must be one of {', '.join(RATINGS)}")
    reviewer = " ".join(reviewer.split())
    if not reviewer:
        raise ReviewError("a reviewer name is required")
    url = _http_iri(review_url, "review URL")
    if url is None:
        raise ReviewError("the review URL (where the fact-check is published) is required")
    evidence = _http_iri(evidence_url, "evidence URL")
    text = _claim_text(store, claim_iri)
    created = now or datetime.now(UTC)
    review = ids.review_iri(claim_iri, reviewer, created.isoformat())
    graph_iri = ids.reviewer_graph_iri(reviewer)
    point = RATINGS[rating]
    label = " ".join(label.split())
    triples = app_review_terms(review, claim_iri, text, point, label, note, reviewer, url,
                               evidence, created, URIRef(cites) if cites else None)
    sparql = f"INSERT DATA {{ GRAPH <{graph_iri}> {{\n{ntriples(triples)}}} }} ;\n"
    index = open_index(store)
    try:
        if point.verdict is not None:
            update = index.add_review(claim_iri, point.verdict, str(review), reviewer, str(url),
                                      label or point.label, point.scale.value)
            sparql += corroboration_update_sparql(
                index, update.affected | set(update.statuses), update)
        _write(store, sparql, lambda: index.withdraw_review(str(review)))
    finally:
        index.close()
    log.info("review %s on %s: %s by %s", review, claim_iri, rating, reviewer)
    return str(review)


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
    withdrawal = ntriples(withdrawal_terms(node, now or datetime.now(UTC)))
    sparql = (
        f"DELETE WHERE {{ GRAPH {graph} {{ {node.n3()} {REVIEW_STATE.n3()} ?s }} }} ;\n"
        f"INSERT DATA {{ GRAPH {graph} {{\n{withdrawal}}} }} ;\n"
    )
    index = open_index(store)
    try:
        if review["verdict"] in ("true", "false"):
            update = index.withdraw_review(review_iri)
            sparql += corroboration_update_sparql(
                index, update.affected | set(update.statuses), update)

            def undo() -> None:
                index.add_review(review["claim"], review["verdict"], review_iri,
                                 review["reviewer"], review["url"] or "", review["rating"],
                                 review["scale"])
        else:
            def undo() -> None:
                return None
        _write(store, sparql, undo)
    finally:
        index.close()
    log.info("review %s withdrawn", review_iri)
    return True

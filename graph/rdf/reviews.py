"""Reviews as triples: ClaimReview markup found in pages, and verdicts recorded in the app."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD

from graph.model import PUBLISHED, WITHDRAWN, Article, Rating
from graph.rdf import ids
from graph.rdf.terms import Triple, safe_iri
from graph.rdf.vocab import CKG, SCHEMA


def page_review_terms(article: Article, article_node: URIRef
                      ) -> tuple[list[Triple], list[Triple]]:
    """ClaimReview markup found in the page, as schema:ClaimReview nodes (matched claims are
    linked by the corroboration graph): triples of the article's graph, and of the shared one."""
    graph: list[Triple] = []
    shared: list[Triple] = []
    add = graph.append
    for index, review in enumerate(article.reviews):
        node = URIRef(ids.embedded_review_id(article, index, review))
        rating = URIRef(f"{node}/rating")
        add((node, RDF.type, SCHEMA.ClaimReview))
        add((node, RDF.type, PROV.Entity))
        add((node, SCHEMA.claimReviewed, Literal(review.claim_reviewed)))
        add((node, SCHEMA.url,
             safe_iri(review.url or "") or safe_iri(article.url) or article_node))
        add((node, PROV.wasQuotedFrom, article_node))
        add((node, SCHEMA.reviewRating, rating))
        add((rating, RDF.type, SCHEMA.Rating))
        add((rating, SCHEMA.alternateName, Literal(review.rating or "unrated")))
        for prop, value in ((SCHEMA.ratingValue, review.rating_value),
                            (SCHEMA.bestRating, review.best_rating),
                            (SCHEMA.worstRating, review.worst_rating)):
            if value is not None:
                add((rating, prop, Literal(value, datatype=XSD.decimal)))
        if review.verdict:
            add((node, CKG.verdict, Literal(review.verdict)))
        if review.published:
            add((node, SCHEMA.datePublished, Literal(review.published, datatype=XSD.date)))
        if review.author:
            author = ids.person_iri(review.author)
            add((node, SCHEMA.author, author))
            shared.append((author, RDF.type, SCHEMA.Organization))
            shared.append((author, SCHEMA.name, Literal(review.author)))
    return graph, shared


def app_review_terms(review: URIRef, claim_iri: str, claim_text: str, rating: Rating,
                     note: str, reviewer: str, evidence: URIRef | None,
                     created: datetime) -> Iterator[Triple]:
    """A verdict recorded in the app (no blank nodes): review, its rating node, the reviewer."""
    rating_node = URIRef(f"{review}/rating")
    author = ids.person_iri(reviewer)
    yield review, RDF.type, SCHEMA.ClaimReview
    yield review, RDF.type, PROV.Entity
    yield review, SCHEMA.itemReviewed, URIRef(claim_iri)
    yield review, SCHEMA.claimReviewed, Literal(claim_text)
    yield review, SCHEMA.reviewRating, rating_node
    yield review, SCHEMA.author, author
    yield review, SCHEMA.dateCreated, Literal(created.isoformat(), datatype=XSD.dateTime)
    yield review, SCHEMA.datePublished, Literal(created.date(), datatype=XSD.date)
    yield review, SCHEMA.creativeWorkStatus, Literal(PUBLISHED)
    yield review, CKG.verdict, Literal(rating.verdict or "mixed")
    if note.strip():
        yield review, SCHEMA.reviewBody, Literal(note.strip())
    if evidence is not None:
        yield review, SCHEMA.citation, evidence
    yield rating_node, RDF.type, SCHEMA.Rating
    yield rating_node, SCHEMA.ratingValue, Literal(rating.value)
    yield rating_node, SCHEMA.bestRating, Literal(5)
    yield rating_node, SCHEMA.worstRating, Literal(1)
    yield rating_node, SCHEMA.alternateName, Literal(rating.label)
    yield author, RDF.type, SCHEMA.Person
    yield author, RDF.type, PROV.Agent
    yield author, SCHEMA.name, Literal(reviewer)


#: What a withdrawal replaces: the review's state (the review itself stays in the graph).
REVIEW_STATE = SCHEMA.creativeWorkStatus


def withdrawal_terms(review: URIRef, when: datetime) -> Iterator[Triple]:
    """The state of a withdrawn review, and when it was withdrawn."""
    yield review, REVIEW_STATE, Literal(WITHDRAWN)
    yield review, SCHEMA.dateModified, Literal(when.isoformat(), datatype=XSD.dateTime)

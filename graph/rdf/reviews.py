"""Reviews as triples: ClaimReview markup found in pages, imported ClaimReview feeds, and
verdicts recorded in the app."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD

from graph.model import BEST_RATING, PUBLISHED, WITHDRAWN, WORST_RATING, Article, Rating, Review
from graph.rdf import ids
from graph.rdf.terms import Triple, safe_iri
from graph.rdf.vocab import CKG, SCHEMA


def _agent(name: str, kind: str, url: str | None) -> tuple[URIRef, list[Triple]]:
    node = ids.person_iri(name)
    triples: list[Triple] = [(node, RDF.type, SCHEMA.Person if kind == "Person"
                              else SCHEMA.Organization),
                             (node, RDF.type, PROV.Agent), (node, SCHEMA.name, Literal(name))]
    link = safe_iri(url or "")
    if link is not None:
        triples.append((node, SCHEMA.url, link))
    return node, triples


def review_terms(node: URIRef, review: Review, fallback_url: URIRef | None = None
                 ) -> tuple[list[Triple], list[Triple]]:
    """A ClaimReview read from markup or a feed, as given: the review and its rating (its
    graph's triples), and its author (shared). ``itemReviewed`` is a claim node of the review's
    own, with the reviewed claim's author, date and appearances where the input gives them."""
    graph: list[Triple] = []
    shared: list[Triple] = []
    add = graph.append
    rating = URIRef(f"{node}/rating")
    add((node, RDF.type, SCHEMA.ClaimReview))
    add((node, RDF.type, PROV.Entity))
    add((node, SCHEMA.claimReviewed, Literal(review.claim_reviewed)))
    url = safe_iri(review.url or "") or fallback_url
    if url is not None:
        add((node, SCHEMA.url, url))
    add((node, SCHEMA.reviewRating, rating))
    add((rating, RDF.type, SCHEMA.Rating))
    add((rating, SCHEMA.alternateName, Literal(review.rating or review.scale or "unrated")))
    for prop, value in ((SCHEMA.ratingValue, review.rating_value),
                        (SCHEMA.bestRating, review.best_rating),
                        (SCHEMA.worstRating, review.worst_rating)):
        if value is not None:
            add((rating, prop, Literal(value, datatype=XSD.decimal)))
    if review.scale:
        add((node, CKG.scale, Literal(review.scale)))
    if review.verdict:
        add((node, CKG.verdict, Literal(review.verdict)))
    if review.published:
        add((node, SCHEMA.datePublished, Literal(review.published, datatype=XSD.date)))
    if review.author:
        author, triples = _agent(review.author, review.author_type, review.author_url)
        add((node, SCHEMA.author, author))
        shared += triples
    item = URIRef(f"{node}/item")
    item_terms: list[Triple] = []
    if review.item_author:
        who, triples = _agent(review.item_author, review.item_author_type, None)
        item_terms.append((item, SCHEMA.author, who))
        shared += triples
    if review.item_published:
        item_terms.append((item, SCHEMA.datePublished,
                           Literal(review.item_published, datatype=XSD.date)))
    for prop, urls in ((SCHEMA.appearance, review.appearances),
                       (SCHEMA.firstAppearance, [review.first_appearance or ""])):
        for page in filter(None, (safe_iri(u) for u in urls if u)):
            item_terms += [(item, prop, page), (page, RDF.type, SCHEMA.CreativeWork),
                           (page, SCHEMA.url, page)]
    if item_terms:
        graph += [(node, CKG.reviewedClaim, item), (item, RDF.type, CKG.ReviewedClaim),
                  *item_terms]
    return graph, shared


def page_review_terms(article: Article, article_node: URIRef
                      ) -> tuple[list[Triple], list[Triple]]:
    """ClaimReview markup found in the page, as schema:ClaimReview nodes (matched claims are
    linked by the corroboration graph): triples of the article's graph, and of the shared one."""
    graph: list[Triple] = []
    shared: list[Triple] = []
    for index, review in enumerate(article.reviews):
        node = URIRef(ids.embedded_review_id(article, index, review))
        if review.published is None and article.published is not None:
            review = replace(review, published=article.published)  # the page's own date
        terms, agents = review_terms(node, review, safe_iri(article.url) or article_node)
        graph += terms
        graph.append((node, PROV.wasQuotedFrom, article_node))
        graph.append((node, CKG.reviewOrigin, Literal("page")))
        shared += agents
    return graph, shared


def imported_review_terms(node: URIRef, review: Review, source: str
                          ) -> tuple[list[Triple], list[Triple]]:
    """An imported ClaimReview (a known fact-check), with the file it was read from."""
    graph, shared = review_terms(node, review)
    graph.append((node, CKG.reviewOrigin, Literal("import")))
    graph.append((node, CKG.importedFrom, Literal(source)))
    return graph, shared


def app_review_terms(review: URIRef, claim_iri: str, claim_text: str, rating: Rating,
                     label: str, note: str, reviewer: str, url: URIRef,
                     evidence: URIRef | None, created: datetime,
                     cites: URIRef | None = None) -> Iterator[Triple]:
    """A verdict recorded in the app (no blank nodes): review, its rating node, the reviewer.
    ``label`` is the reviewer's own wording of the rating (default: the scale's)."""
    rating_node = URIRef(f"{review}/rating")
    author = ids.person_iri(reviewer)
    yield review, RDF.type, SCHEMA.ClaimReview
    yield review, RDF.type, PROV.Entity
    yield review, SCHEMA.itemReviewed, URIRef(claim_iri)
    yield review, SCHEMA.claimReviewed, Literal(claim_text)
    yield review, SCHEMA.url, url
    yield review, SCHEMA.reviewRating, rating_node
    yield review, SCHEMA.author, author
    yield review, SCHEMA.dateCreated, Literal(created.isoformat(), datatype=XSD.dateTime)
    yield review, SCHEMA.datePublished, Literal(created.date(), datatype=XSD.date)
    yield review, SCHEMA.creativeWorkStatus, Literal(PUBLISHED)
    yield review, CKG.verdict, Literal(rating.verdict or "mixed")
    yield review, CKG.scale, Literal(rating.scale.value)
    yield review, CKG.reviewOrigin, Literal("app")
    if note.strip():
        yield review, SCHEMA.reviewBody, Literal(note.strip())
    if evidence is not None:
        yield review, SCHEMA.citation, evidence
    if cites is not None:
        yield review, SCHEMA.citation, cites
        yield review, CKG.acceptsKnownReview, cites
    yield rating_node, RDF.type, SCHEMA.Rating
    if rating.value is not None:
        yield rating_node, SCHEMA.ratingValue, Literal(rating.value)
        yield rating_node, SCHEMA.bestRating, Literal(BEST_RATING)
        yield rating_node, SCHEMA.worstRating, Literal(WORST_RATING)
    yield rating_node, SCHEMA.alternateName, Literal(label.strip() or rating.label)
    yield author, RDF.type, SCHEMA.Person
    yield author, RDF.type, PROV.Agent
    yield author, SCHEMA.name, Literal(reviewer)


#: What a withdrawal replaces: the review's state (the review itself stays in the graph).
REVIEW_STATE = SCHEMA.creativeWorkStatus


def withdrawal_terms(review: URIRef, when: datetime) -> Iterator[Triple]:
    """The state of a withdrawn review, and when it was withdrawn."""
    yield review, REVIEW_STATE, Literal(WITHDRAWN)
    yield review, SCHEMA.dateModified, Literal(when.isoformat(), datatype=XSD.dateTime)

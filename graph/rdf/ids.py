"""Deterministic IRIs: the same input always mints the same IRI, so re-ingesting is idempotent."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from graph.model import Article, Review
from graph.rdf.vocab import GRAPH, ID


def _digest(*parts: str, length: int = 16) -> str:
    joined = "\x1f".join(parts).encode("utf-8", "surrogatepass")
    return hashlib.sha256(joined).hexdigest()[:length]


def slug(text: str, max_len: int = 48) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return cleaned[:max_len].strip("-") or "x"


def article_iri(url: str) -> URIRef:
    return ID["article/" + _digest(url)]


def article_graph_iri(url: str) -> URIRef:
    return GRAPH["article/" + _digest(url)]


def claim_iri(article_url: str, start: int, end: int) -> URIRef:
    return ID[f"claim/{_digest(article_url)}-{start}-{end}"]


def anchor_iri(claim: URIRef, part: str = "") -> URIRef:
    return URIRef(f"{claim}/anchor{('-' + part) if part else ''}")


def outlet_iri(domain: str) -> URIRef:
    return ID["outlet/" + slug(domain, 80)]


def person_iri(name: str) -> URIRef:
    return ID[f"agent/{slug(name)}-{_digest(name.lower(), length=6)}"]


def entity_iri(key: str) -> URIRef:
    return ID[f"entity/{slug(key)}-{_digest(key, length=6)}"]


def run_iri(article_url: str, text_hash: str, analyzer: str) -> URIRef:
    return ID["run/" + _digest(article_url, text_hash, analyzer)]


def agent_iri(analyzer: str, version: str) -> URIRef:
    return ID[f"software/{slug(analyzer)}-{slug(version)}"]


def link_iri(subject: str, target: str, relation: str) -> URIRef:
    return ID[f"link/{_digest(subject, target, relation)}"]


def review_iri(claim: str, reviewer: str, created: str) -> URIRef:
    return ID[f"review/{_digest(claim, reviewer, created)}"]


def reviewer_graph_iri(reviewer: str) -> URIRef:
    return GRAPH[f"reviewer/{slug(reviewer)}-{_digest(reviewer, length=6)}"]


def embedded_review_id(article: Article, index: int, review: Review) -> str:
    """Deterministic IRI of the ``index``-th ClaimReview embedded in ``article``."""
    reviewer = review.author or article.outlet or article.outlet_domain
    return str(review_iri(f"{article.url}#claimreview-{index}", reviewer, review.claim_reviewed))

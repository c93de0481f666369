"""Fact-checker reviews in the index: page-embedded ClaimReviews matched to claims, verdicts
recorded in the app, imported ClaimReviews (known fact-checks, matched as suggestions), and
verdicts that follow a claim through its copies."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from graph.corroborate.known import DEFAULT_KNOWN, KnownThresholds, known_tier
from graph.corroborate.matching import ClaimFeatures, MatchKind, compare, make_features
from graph.corroborate.tables import IndexTables, fts_query
from graph.model import Article, ClaimLink, LinkKind, Relation, Review
from graph.rdf.ids import embedded_review_id

log = logging.getLogger(__name__)

REVIEW_CANDIDATES = 30
MAX_COPIES = 50  # claims a verdict reaches through copies (one story syndicated widely)
PAGE, APP, IMPORT = "page", "app", "import"


@dataclass(frozen=True, slots=True)
class StoredReview:
    """What the index keeps of one review."""

    review_id: str
    text: str
    verdict: str  # "true" | "false" | "mixed"
    reviewer: str | None
    url: str | None
    label: str | None = None
    scale: str | None = None
    origin: str = PAGE
    published: str | None = None
    article_url: str | None = None
    claim_iri: str | None = None


def _relation(
    verdict: str, review: ClaimFeatures, claim: ClaimFeatures
) -> tuple[Relation, float, str] | None:
    m = compare(review, claim)
    if m is None:
        return None
    true = verdict == "true"
    if m.kind is MatchKind.DISPUTE:
        if "polarity" not in m.reason:
            return None  # a different figure: the review says nothing about this claim
        true = not true  # the claim states the opposite of what was reviewed
    rel = Relation.CONFIRMS if true else Relation.DISPUTES
    return rel, m.similarity, f"ClaimReview rated '{review.text[:80]}' {verdict}; {m.reason}"


def _store_match(conn: sqlite3.Connection, review_id: str, claim_iri: str, rel: Relation,
                 similarity: float, reason: str) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO review_match(review_id, claim_iri, relation, similarity, reason) "
        "VALUES (?,?,?,?,?)",
        (review_id, claim_iri, rel.value, similarity, reason),
    )


def _store_known(conn: sqlite3.Connection, review_id: str, claim_iri: str, tier: str,
                 similarity: float, reason: str) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO known_match(review_id, claim_iri, tier, similarity, reason) "
        "VALUES (?,?,?,?,?)",
        (review_id, claim_iri, tier, similarity, reason),
    )


def insert_review(conn: sqlite3.Connection, review: StoredReview) -> None:
    """Store one review (replacing one of the same id); its text is searchable when given."""
    withdraw(conn, review.review_id)
    feats = make_features(review.review_id, review.text) if review.text else None
    cur = conn.execute(
        "INSERT INTO review(review_id, claim_iri, article_url, text, tokens, verdict, reviewer, "
        "url, label, scale, origin, published) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (review.review_id, review.claim_iri, review.article_url, review.text,
         " ".join(feats.tokens) if feats else "", review.verdict, review.reviewer, review.url,
         review.label, review.scale, review.origin, review.published),
    )
    if feats is not None and feats.tokens:
        conn.execute("INSERT INTO review_fts(rowid, tokens) VALUES (?, ?)",
                     (cur.lastrowid, " ".join(feats.tokens)))


def stored_review(review_id: str, review: Review, origin: str, article_url: str | None = None,
                  reviewer: str | None = None) -> StoredReview:
    return StoredReview(
        review_id, review.claim_reviewed, review.verdict or "mixed", reviewer or review.author,
        review.url or article_url, review.rating or None, review.scale, origin,
        review.published.isoformat() if review.published else None, article_url)


def _match_review(store: IndexTables, stored: StoredReview,
                  th: KnownThresholds = DEFAULT_KNOWN) -> set[str]:
    """Match one stored review's text against every claim: page reviews link (and change
    statuses), imported ones become known-fact-check suggestions."""
    feats = make_features(stored.review_id, stored.text)
    affected: set[str] = set()
    for claim in store.candidates(feats.tokens, None, REVIEW_CANDIDATES):
        if not claim.analyzed:
            continue
        if stored.origin == IMPORT:
            known = known_tier(feats, claim, th)
            if known:
                _store_known(store.conn, stored.review_id, claim.iri, known.tier,
                             known.similarity, known.reason)
                affected.add(claim.iri)
            continue
        found = _relation(stored.verdict, feats, claim)
        if found:
            _store_match(store.conn, stored.review_id, claim.iri, *found)
            affected.add(claim.iri)
    return affected


def add_imported(store: IndexTables, reviews: Iterable[StoredReview],
                 th: KnownThresholds = DEFAULT_KNOWN) -> set[str]:
    """Store imported reviews and match each against the stored claims; returns the claims
    that gained a known fact-check."""
    affected: set[str] = set()
    for stored in reviews:
        affected |= withdraw(store.conn, stored.review_id)
        insert_review(store.conn, stored)
        if stored.text:
            affected |= _match_review(store, stored, th)
    return affected


def match_article(store: IndexTables, article: Article,
                  th: KnownThresholds = DEFAULT_KNOWN) -> set[str]:
    """Store the article's embedded reviews, match them to all claims, and match the article's
    claims to reviews already stored. Returns the affected claim IRIs."""
    conn = store.conn
    affected: set[str] = set()
    for i, review in enumerate(article.reviews):
        if review.verdict not in ("true", "false") or not review.claim_reviewed.strip():
            continue
        rid = embedded_review_id(article, i, review)
        stored = stored_review(rid, review, PAGE, article.url,
                               review.author or article.outlet_domain)
        insert_review(conn, stored)
        affected |= _match_review(store, stored, th)
    for claim in store.claims_of(article.url):
        if not claim.analyzed or not claim.tokens:
            continue
        rows = conn.execute(
            "SELECT r.review_id, r.text, r.verdict, r.origin FROM (SELECT rowid AS id, "
            "bm25(review_fts) AS s FROM review_fts WHERE review_fts MATCH ? ORDER BY s LIMIT ?) "
            "hit JOIN review r ON r.id = hit.id WHERE coalesce(r.article_url, '') != ?",
            (fts_query(store.rarest(claim.tokens)), REVIEW_CANDIDATES, article.url),
        ).fetchall()
        for rid, text, verdict, origin in rows:
            feats = make_features(rid, text)
            if origin == IMPORT:
                known = known_tier(feats, claim, th)
                if known:
                    _store_known(conn, rid, claim.iri, known.tier, known.similarity,
                                 known.reason)
                    affected.add(claim.iri)
                continue
            found = _relation(verdict, feats, claim)
            if found:
                _store_match(conn, rid, claim.iri, *found)
                affected.add(claim.iri)
    return affected


def copy_related(conn: sqlite3.Connection, iri: str) -> dict[str, str]:
    """Claims that are copies of ``iri`` or that it copies, transitively (the same statement
    in copies): claim IRI -> the claim it was reached from."""
    seen: dict[str, str] = {}
    frontier = [iri]
    while frontier and len(seen) < MAX_COPIES:
        current = frontier.pop()
        for other, in conn.execute(
            "SELECT target FROM link WHERE subject = ? AND relation = ? UNION "
            "SELECT subject FROM link WHERE target = ? AND relation = ?",
            (current, Relation.DERIVED_FROM.value, current, Relation.DERIVED_FROM.value),
        ):
            if other != iri and other not in seen:
                seen[other] = current
                frontier.append(other)
    return seen


def _claims_of_review(conn: sqlite3.Connection, review_id: str) -> set[str]:
    rows = conn.execute(
        "SELECT claim_iri FROM review_match WHERE review_id = ? UNION "
        "SELECT claim_iri FROM known_match WHERE review_id = ? UNION "
        "SELECT claim_iri FROM review WHERE review_id = ? AND claim_iri IS NOT NULL",
        (review_id, review_id, review_id),
    ).fetchall()
    direct = {r[0] for r in rows}
    return direct | {c for iri in direct for c in copy_related(conn, iri)}


def withdraw(conn: sqlite3.Connection, review_id: str) -> set[str]:
    affected = _claims_of_review(conn, review_id)
    conn.execute(
        "DELETE FROM review_fts WHERE rowid IN (SELECT id FROM review WHERE review_id = ?)",
        (review_id,),
    )
    conn.execute("DELETE FROM review WHERE review_id = ?", (review_id,))
    conn.execute("DELETE FROM review_match WHERE review_id = ?", (review_id,))
    conn.execute("DELETE FROM known_match WHERE review_id = ?", (review_id,))
    return affected


def delete_article_reviews(conn: sqlite3.Connection, url: str) -> set[str]:
    affected: set[str] = set()
    for (rid,) in conn.execute(
        "SELECT review_id FROM review WHERE article_url = ?", (url,)
    ).fetchall():
        affected |= withdraw(conn, rid)
    return affected


def _direct_links(conn: sqlite3.Connection, claim_iri: str, target: str,
                  via: str) -> list[ClaimLink]:
    """Review links of ``claim_iri`` (verdicts on it, matched page reviews), aimed at
    ``target`` (the claim itself, or a copy of it: ``via`` is then ``claim_iri``)."""
    links = [
        ClaimLink(rid, target, Relation.CONFIRMS if verdict == "true" else Relation.DISPUTES,
                  LinkKind.REVIEW, 1.0,
                  f"reviewed by {reviewer or 'a fact-checker'}: {label or verdict}", via)
        for rid, verdict, reviewer, label in conn.execute(
            "SELECT review_id, verdict, reviewer, label FROM review WHERE claim_iri = ? "
            "AND verdict IN ('true', 'false')", (claim_iri,))
    ]
    links += [
        ClaimLink(rid, target, Relation(rel), LinkKind.REVIEW, sim or 0.0, reason or "", via)
        for rid, rel, sim, reason in conn.execute(
            "SELECT review_id, relation, similarity, reason FROM review_match WHERE claim_iri = ?",
            (claim_iri,),
        )
    ]
    return links


def review_links(conn: sqlite3.Connection, claim_iri: str) -> list[ClaimLink]:
    """Review links to one claim: its own, then those of its copies and of the claim it
    copies (``via`` names the reviewed claim)."""
    links = _direct_links(conn, claim_iri, claim_iri, "")
    seen = {link.subject for link in links}
    for other in copy_related(conn, claim_iri):
        for link in _direct_links(conn, other, claim_iri, other):
            if link.subject not in seen:
                seen.add(link.subject)
                links.append(link)
    return links


def describe(conn: sqlite3.Connection, review_id: str) -> tuple[str, str | None, str, str]:
    """A review's reviewer, its URL, its rating as the reviewer gave it, and its verdict."""
    row = conn.execute(
        "SELECT reviewer, url, article_url, label, scale, verdict FROM review "
        "WHERE review_id = ?", (review_id,)
    ).fetchone()
    if row is None:
        return review_id, None, "", ""
    reviewer, url, article_url, label, scale, verdict = row
    return ((reviewer or "a fact-checker"), (url or article_url),
            rating_text(label, scale, verdict), verdict)


def rating_text(label: str | None, scale: str | None, verdict: str | None) -> str:
    """"mostly false", or "'Pants on Fire' (false)" when the label is not the scale's name."""
    scale = scale or verdict or ""
    if not label or label.lower() == scale:
        return scale
    return f"'{label}' ({scale})" if scale else f"'{label}'"


def known_matches(conn: sqlite3.Connection, claim_iri: str) -> list[tuple[str, str, float, str]]:
    """Imported reviews suggested for one claim: (review id, tier, similarity, reason)."""
    return [tuple(r) for r in conn.execute(  # type: ignore[misc]
        "SELECT review_id, tier, similarity, reason FROM known_match WHERE claim_iri = ? "
        "ORDER BY similarity DESC, review_id", (claim_iri,))]

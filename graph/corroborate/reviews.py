"""Fact-checker reviews: page-embedded ClaimReviews matched to claims, and manual verdicts."""

from __future__ import annotations

import logging
import sqlite3

from graph.corroborate.matching import ClaimFeatures, MatchKind, compare, make_features
from graph.corroborate.tables import IndexTables, fts_query
from graph.model import Article, ClaimLink, LinkKind, Relation
from graph.rdf.ids import embedded_review_id

log = logging.getLogger(__name__)

REVIEW_CANDIDATES = 30


def _relation(
    verdict: str, review: ClaimFeatures, claim: ClaimFeatures, store: IndexTables
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


def _store_match(
    conn: sqlite3.Connection,
    review_id: str,
    claim_iri: str,
    rel: Relation,
    similarity: float,
    reason: str,
) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO review_match(review_id, claim_iri, relation, similarity, reason) "
        "VALUES (?,?,?,?,?)",
        (review_id, claim_iri, rel.value, similarity, reason),
    )


def match_article(store: IndexTables, article: Article) -> set[str]:
    """Store the article's embedded reviews, match them to all claims, and match the article's
    claims to reviews already stored. Returns the affected claim IRIs."""
    conn = store.conn
    affected: set[str] = set()
    for i, review in enumerate(article.reviews):
        if review.verdict not in ("true", "false") or not review.claim_reviewed.strip():
            continue
        rid = embedded_review_id(article, i, review)
        feats = make_features(rid, review.claim_reviewed)
        cur = conn.execute(
            "INSERT OR REPLACE INTO review(review_id, claim_iri, article_url, text, tokens, "
            "verdict, reviewer, url) VALUES (?,?,?,?,?,?,?,?)",
            (
                rid,
                None,
                article.url,
                review.claim_reviewed,
                " ".join(feats.tokens),
                review.verdict,
                review.author or article.outlet_domain,
                review.url or article.url,
            ),
        )
        conn.execute(
            "INSERT INTO review_fts(rowid, tokens) VALUES (?, ?)",
            (cur.lastrowid, " ".join(feats.tokens)),
        )
        for claim in store.candidates(feats.tokens, None, REVIEW_CANDIDATES):
            found = _relation(review.verdict, feats, claim, store) if claim.analyzed else None
            if found:
                _store_match(conn, rid, claim.iri, *found)
                affected.add(claim.iri)
    for claim in store.claims_of(article.url):
        if not claim.analyzed or not claim.tokens:
            continue
        rows = conn.execute(
            "SELECT r.review_id, r.text, r.verdict FROM (SELECT rowid AS id, bm25(review_fts) AS s "
            "FROM review_fts WHERE review_fts MATCH ? ORDER BY s LIMIT ?) hit "
            "JOIN review r ON r.id = hit.id WHERE coalesce(r.article_url, '') != ?",
            (fts_query(store.rarest(claim.tokens)), REVIEW_CANDIDATES, article.url),
        ).fetchall()
        for rid, text, verdict in rows:
            found = _relation(verdict, make_features(rid, text), claim, store)
            if found:
                _store_match(conn, rid, claim.iri, *found)
                affected.add(claim.iri)
    return affected


def _claims_of_review(conn: sqlite3.Connection, review_id: str) -> set[str]:
    rows = conn.execute(
        "SELECT claim_iri FROM review_match WHERE review_id = ? UNION "
        "SELECT claim_iri FROM review WHERE review_id = ? AND claim_iri IS NOT NULL",
        (review_id, review_id),
    ).fetchall()
    return {r[0] for r in rows}


def withdraw(conn: sqlite3.Connection, review_id: str) -> set[str]:
    affected = _claims_of_review(conn, review_id)
    conn.execute(
        "DELETE FROM review_fts WHERE rowid IN (SELECT id FROM review WHERE review_id = ?)",
        (review_id,),
    )
    conn.execute("DELETE FROM review WHERE review_id = ?", (review_id,))
    conn.execute("DELETE FROM review_match WHERE review_id = ?", (review_id,))
    return affected


def delete_article_reviews(conn: sqlite3.Connection, url: str) -> set[str]:
    affected: set[str] = set()
    for (rid,) in conn.execute(
        "SELECT review_id FROM review WHERE article_url = ?", (url,)
    ).fetchall():
        affected |= withdraw(conn, rid)
    return affected


def review_links(conn: sqlite3.Connection, claim_iri: str) -> list[ClaimLink]:
    """Review links to one claim: manual verdicts and matched embedded reviews."""
    links = [
        ClaimLink(
            rid,
            claim_iri,
            Relation.CONFIRMS if verdict == "true" else Relation.DISPUTES,
            LinkKind.REVIEW,
            1.0,
            f"reviewed by {reviewer or 'a fact-checker'}: {verdict}",
        )
        for rid, verdict, reviewer in conn.execute(
            "SELECT review_id, verdict, reviewer FROM review WHERE claim_iri = ?", (claim_iri,)
        )
    ]
    links += [
        ClaimLink(rid, claim_iri, Relation(rel), LinkKind.REVIEW, sim or 0.0, reason or "")
        for rid, rel, sim, reason in conn.execute(
            "SELECT review_id, relation, similarity, reason FROM review_match WHERE claim_iri = ?",
            (claim_iri,),
        )
    ]
    return links


def describe(conn: sqlite3.Connection, review_id: str) -> tuple[str, str | None]:
    row = conn.execute(
        "SELECT reviewer, url, article_url FROM review WHERE review_id = ?", (review_id,)
    ).fetchone()
    if row is None:
        return review_id, None
    return (row[0] or "a fact-checker"), (row[1] or row[2])

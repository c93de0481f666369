"""The persistent corroboration index: ingest analysed articles, keep links and statuses current."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from graph.corroborate import graphops, linking, reviews
from graph.corroborate.derivation import normalize_url, outlet_keys
from graph.corroborate.known import DEFAULT_KNOWN
from graph.corroborate.matching import (
    MIN_CONTENT_WORDS,
    ClaimFeatures,
    Match,
    compare,
    make_features,
    shares_enough,
    word_set,
)
from graph.corroborate.status import Facets, StatusVerdict, compute_status
from graph.corroborate.tables import IndexTables, connect
from graph.corroborate.text import tokens
from graph.model import AnalyzedArticle, Claim, ClaimLink, Relation, Span
from graph.rdf.ids import claim_iri

log = logging.getLogger(__name__)

Pair = tuple[ClaimFeatures, ClaimFeatures, Match]
Derivation = tuple[str, str, str, str]  # (derived_url, source_url, kind, reason)
CANDIDATES_PER_CLAIM = 30


@dataclass(slots=True)
class CorroborationUpdate:
    """What changed: links touching the article, every affected claim and its new status."""

    article_url: str | None
    links: list[ClaimLink] = field(default_factory=list)
    affected: set[str] = field(default_factory=set)
    removed_claims: set[str] = field(default_factory=set)
    statuses: dict[str, StatusVerdict] = field(default_factory=dict)
    derivations: list[Derivation] = field(default_factory=list)


def claim_features(analyzed: AnalyzedArticle, claim: Claim) -> ClaimFeatures:
    art = analyzed.article
    att = claim.attribution
    source_text = None
    if att is not None and att.source is not None:
        source_text = att.source_text or art.text[att.source.start : att.source.end]
    cue_text = None
    if att is not None and att.cue is not None:
        cue_text = att.cue_text or art.text[att.cue.start : att.cue.end]
    content = art.text[claim.content.start : claim.content.end]
    span = claim.content
    toks: list[str] | None = tokens(content)
    if len([t for t in toks if not t[0].isdigit()]) < MIN_CONTENT_WORDS:
        content = claim.text  # a clipped content span would match almost anything
        span = Span(claim.start, claim.end)
        toks = None
    # Negation of the content itself; a denial cue in the frame ("denied that") is read
    # separately as `denial`, so counting it here too would cancel it out.
    negated = any(span.start <= c.span.start and c.span.end <= span.end
                  and not (att is not None and att.cue is not None and c.span.overlaps(att.cue))
                  for c in claim.negations)
    return make_features(
        str(claim_iri(art.url, claim.start, claim.end)),
        content,
        full_text=claim.text,
        entities={m.entity_key for m in claim.mentions},
        negated=negated,
        cue_text=cue_text,
        content_tokens=toks,
        article_url=art.url,
        outlet=art.outlet,
        domain=art.outlet_domain,
        published=art.published,
        speculative=claim.speculative,
        sourced=claim.sourced,
        analyzed=claim.analyzed,
        source_text=source_text,
        hedges=tuple(c.text for c in claim.hedges),
    )


class CorroborationIndex:
    """Claims, derivations, links and statuses in one SQLite file (FTS5 BM25 retrieval)."""

    def __init__(self, store: IndexTables, path: Path | None) -> None:
        self.store = store
        self.conn = store.conn
        self.path = path
        self._lock = threading.RLock()
        # id(features) -> (features, word set): candidates come back as the same objects
        self._word_sets: dict[int, tuple[ClaimFeatures, frozenset[str]]] = {}
        self.known_thresholds = DEFAULT_KNOWN

    @classmethod
    def open(cls, path: Path | None = None) -> CorroborationIndex:
        return cls(IndexTables(connect(path)), path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> CorroborationIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _tx(self) -> Iterator[None]:
        with self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            self.store.begin()
            try:
                yield
            except BaseException:
                self.conn.execute("ROLLBACK")
                self.store.end(committed=False)
                raise
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                self.store.end(committed=False)
                raise
            self.store.end(committed=True)

    # --- public API --------------------------------------------------------------------------
    def add(self, analyzed: AnalyzedArticle) -> CorroborationUpdate:
        """Add (or replace) an article; recompute links and statuses of every affected claim."""
        art = analyzed.article
        with self._tx():
            old = self.conn.execute("SELECT seq FROM article WHERE url = ?", (art.url,)).fetchone()
            affected, relink, removed = self._delete(art.url)
            self._insert(analyzed, old[0] if old else None)
            self.store.reset_caches()
            pairs = self._match(art.url)
            edges = graphops.copy_edges(self.conn, art.url) + graphops.link_edges(
                self.conn, art.url
            )
            edges += graphops.citation_edges(
                self.conn, art.url, {y.article_url for _, y, _ in pairs}
            )
            graphops.store_edges(self.conn, edges)
            relink |= graphops.descendants(self.conn, art.url)
            affected |= self._relink(art.url, pairs)
            for other in sorted(relink - {art.url}):
                affected |= self._relink(other)
            reviewed = reviews.match_article(self.store, art, self.known_thresholds)
            affected |= reviewed | self._copies_of(reviewed)
            own = {f.iri for f in self.store.claims_of(art.url)}
            affected |= own
            statuses = self._recompute(affected)
            log.info("corroborate: %s: %d claims, %d affected", art.url, len(own), len(affected))
            return CorroborationUpdate(
                art.url,
                linking.links_touching(self.conn, own),
                affected,
                removed - own,
                statuses,
                self._derivations_of(art.url),
            )

    def remove(self, article_url: str) -> CorroborationUpdate:
        with self._tx():
            affected, relink, removed = self._delete(article_url)
            for other in sorted(relink):
                affected |= self._relink(other)
            statuses = self._recompute(affected - removed)
            return CorroborationUpdate(article_url, [], affected, removed, statuses)

    def add_review(
        self, claim_iri: str, verdict: str, review_id: str, reviewer: str = "", url: str = "",
        label: str | None = None, scale: str | None = None,
    ) -> CorroborationUpdate:
        """Record a fact-checker's verdict ("true" | "false") on one claim; it reaches the
        claim's copies and the claim it copies too."""
        if verdict not in ("true", "false"):
            raise ValueError(f"verdict must be 'true' or 'false', not {verdict!r}")
        with self._tx():
            affected = reviews.withdraw(self.conn, review_id)
            reviews.insert_review(self.conn, reviews.StoredReview(
                review_id, "", verdict, reviewer, url, label, scale, reviews.APP,
                claim_iri=claim_iri))
            affected |= {claim_iri} | self._copies_of({claim_iri})
            statuses = self._recompute(affected)
            return CorroborationUpdate(
                None, linking.links_touching(self.conn, affected), affected, set(), statuses
            )

    def add_known_reviews(self, imported: list[reviews.StoredReview]) -> CorroborationUpdate:
        """Store imported ClaimReviews and match them against every stored claim. The
        matches are suggestions: the statuses stay as they are."""
        with self._tx():
            self.store.reset_caches()
            affected = reviews.add_imported(self.store, imported, self.known_thresholds)
            return CorroborationUpdate(None, [], affected, set(), {})

    def known_for(self, claim_iri: str) -> list[tuple[str, str, float, str]]:
        """Known fact-checks suggested for a claim: (review id, tier, similarity, reason)."""
        with self._lock:
            return reviews.known_matches(self.conn, claim_iri)

    def withdraw_review(self, review_id: str) -> CorroborationUpdate:
        with self._tx():
            affected = reviews.withdraw(self.conn, review_id)
            return CorroborationUpdate(None, [], affected, set(), self._recompute(affected))

    def entity_key(self, name: str) -> str | None:
        """The key of the indexed entity named ``name`` (or keyed so), case-insensitively."""
        with self._lock:
            row = self.conn.execute(
                "SELECT key FROM entity WHERE lower(name) = lower(?) OR key = ? ORDER BY key "
                "LIMIT 1", (name.strip(), name.strip())).fetchone()
        return row[0] if row else None

    def link_outlets(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Record (outlet domain, entity key) pairs: that outlet is the entity's own, so it is
        ``primary`` (or ``interested``) on claims about the entity in articles judged later."""
        with self._tx():
            self.conn.executemany(
                "INSERT OR IGNORE INTO outlet_actor(domain, key) VALUES (?, ?)", list(pairs))

    def links_for(self, claim_iri: str) -> list[ClaimLink]:
        with self._lock:
            return linking.links_touching(self.conn, {claim_iri})

    def status_of(self, claim_iri: str) -> StatusVerdict | None:
        with self._lock:
            row = self.conn.execute(
                "SELECT verdict FROM status WHERE iri = ?", (claim_iri,)
            ).fetchone()
        return StatusVerdict.from_dict(json.loads(row[0])) if row else None

    def statuses(self) -> dict[str, StatusVerdict]:
        with self._lock:
            rows = self.conn.execute("SELECT iri, verdict FROM status").fetchall()
        return {iri: StatusVerdict.from_dict(json.loads(v)) for iri, v in rows}

    def article_derivations(self) -> list[Derivation]:
        with self._lock:
            rows = self.conn.execute(
                "SELECT derived, source, kind, reason FROM derivation ORDER BY derived, source"
            ).fetchall()
        return [tuple(r) for r in rows]  # type: ignore[misc]

    def articles(self) -> list[dict[str, str | None]]:
        """Article metadata (url, outlet, domain, published ISO date, title) for the network."""
        with self._lock:
            rows = self.conn.execute(
                "SELECT url, outlet, domain, published, title FROM article ORDER BY seq"
            ).fetchall()
        keys = ("url", "outlet", "domain", "published", "title")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def claim(self, claim_iri: str) -> ClaimFeatures | None:
        with self._lock:
            return self.store.claim(claim_iri)

    def claims_of(self, article_url: str) -> list[ClaimFeatures]:
        with self._lock:
            return self.store.claims_of(article_url)

    # --- internals -----------------------------------------------------------------------------
    def _insert(self, analyzed: AnalyzedArticle, seq: int | None = None) -> None:
        """Insert an article; a re-added one keeps its ingestion order (``seq``), which breaks
        ties in copy direction, so re-adding changes nothing."""
        art = analyzed.article
        if seq is None:
            seq = self.conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM article").fetchone()[0]
        self.conn.execute(
            "INSERT INTO article(url, norm_url, outlet, domain, published, title, seq) "
            "VALUES (?,?,?,?,?,?,?)",
            (
                art.url,
                normalize_url(art.url),
                art.outlet,
                art.outlet_domain,
                art.published.isoformat() if art.published else None,
                art.title,
                seq,
            ),
        )
        self.conn.executemany(
            "INSERT INTO article_key(url, key) VALUES (?, ?)",
            [(art.url, k) for k in outlet_keys(art.outlet, art.outlet_domain)],
        )
        graphops.record_article_evidence(self.conn, art)
        self.conn.executemany(
            "INSERT OR REPLACE INTO entity(key, name, type) VALUES (?, ?, ?)",
            [(e.key, e.name, e.type) for e in analyzed.entities.values()],
        )
        seen: set[str] = set()
        for claim in analyzed.claims:
            f = claim_features(analyzed, claim)
            if f.iri not in seen:
                seen.add(f.iri)
                self.store.insert_claim(f)

    def _delete(self, url: str) -> tuple[set[str], set[str], set[str]]:
        """Remove an article; returns (affected claims, articles to relink, removed claims)."""
        own = {r[0] for r in self.conn.execute("SELECT iri FROM claim WHERE url = ?", (url,))}
        if (
            not own
            and not self.conn.execute("SELECT 1 FROM article WHERE url = ?", (url,)).fetchone()
        ):
            return set(), set(), set()
        relink = graphops.descendants(self.conn, url)
        affected = set(own) | reviews.delete_article_reviews(self.conn, url)
        for iri in own:
            affected |= self._delete_links_of(iri)
            self.conn.execute("DELETE FROM review_match WHERE claim_iri = ?", (iri,))
            self.conn.execute("DELETE FROM known_match WHERE claim_iri = ?", (iri,))
            self.conn.execute("DELETE FROM status WHERE iri = ?", (iri,))
        self.store.delete_claims_of(url)
        for table in (
            "article",
            "article_key",
            "article_href",
            "article_cites",
            "paragraph",
            "para_band",
        ):
            self.conn.execute(f"DELETE FROM {table} WHERE url = ?", (url,))
        self.conn.execute("DELETE FROM derivation WHERE derived = ? OR source = ?", (url, url))
        return affected, relink, own

    def _delete_links_of(self, iri: str) -> set[str]:
        rows = self.conn.execute(
            "SELECT subject, target FROM link WHERE subject = ? OR target = ?", (iri, iri)
        ).fetchall()
        self.conn.execute("DELETE FROM link WHERE subject = ? OR target = ?", (iri, iri))
        return {x for r in rows for x in r}

    def _match(self, url: str) -> list[Pair]:
        pairs: list[Pair] = []
        seen = self._word_sets
        if len(seen) > 50_000:
            seen.clear()
        for x in self.store.claims_of(url):
            if not x.analyzed:
                continue
            sx = word_set(x.tokens)
            for y in self.store.candidates(x.tokens, url, CANDIDATES_PER_CLAIM):
                if y.analyzed:
                    hit = seen.get(id(y))
                    if hit is None:  # y is held in ``seen``, so its id is not reused
                        hit = seen[id(y)] = (y, word_set(y.tokens))
                    if not shares_enough(sx, hit[1]):
                        continue  # compare() would say None on its first test
                    m = compare(x, y)
                    if m is not None:
                        pairs.append((x, y, m))
        return pairs

    def _relink(self, url: str, pairs: list[Pair] | None = None) -> set[str]:
        affected: set[str] = set()
        for f in self.store.claims_of(url):
            affected |= self._delete_links_of(f.iri)
        if pairs is None:
            pairs = self._match(url)
        linker = linking.Linker(self.conn)
        links = [link for x, y, m in pairs for link in linker.classify(x, y, m)]
        # a repeat of an upstream claim (copied or cited) adds no independent support
        repeats = {lk.subject for lk in links if lk.relation is Relation.DERIVED_FROM}
        repeats |= self._derived_subjects({y.iri for _, y, _ in pairs})
        for link in links:
            if link.relation is not Relation.DERIVED_FROM and link.subject in repeats:
                continue
            self.conn.execute(
                "INSERT OR REPLACE INTO link(subject, target, relation, kind, similarity, "
                "reason) VALUES (?,?,?,?,?,?)",
                (
                    link.subject,
                    link.target,
                    link.relation.value,
                    link.kind.value,
                    link.similarity,
                    link.reason,
                ),
            )
            affected |= {link.subject, link.target}
        return affected

    def _copies_of(self, iris: set[str]) -> set[str]:
        return {c for iri in iris for c in reviews.copy_related(self.conn, iri)}

    def _derived_subjects(self, iris: set[str]) -> set[str]:
        found: set[str] = set()
        for iri in iris:
            if self.conn.execute(
                "SELECT 1 FROM link WHERE subject = ? AND relation = ?",
                (iri, Relation.DERIVED_FROM.value),
            ).fetchone():
                found.add(iri)
        return found

    def _derivations_of(self, url: str) -> list[Derivation]:
        rows = self.conn.execute(
            "SELECT derived, source, kind, reason FROM derivation WHERE derived = ? OR source = ?",
            (url, url),
        ).fetchall()
        return [tuple(r) for r in rows]  # type: ignore[misc]

    def _recompute(self, iris: set[str]) -> dict[str, StatusVerdict]:
        out: dict[str, StatusVerdict] = {}
        for iri in sorted(iris):
            f = self.store.claim(iri)
            if f is None:
                continue
            facets = Facets(
                f.analyzed, f.speculative, f.hedges, f.sourced, f.source_text, f.cue_text
            )
            verdict = compute_status(facets, linking.evidence(self.conn, iri))
            self.conn.execute(
                "INSERT OR REPLACE INTO status(iri, status, verdict) VALUES (?,?,?)",
                (iri, verdict.status.value, json.dumps(verdict.to_dict())),
            )
            out[iri] = verdict
        return out

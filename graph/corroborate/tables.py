"""SQLite storage of the corroboration index: schema, feature rows, FTS5 BM25 retrieval."""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import math
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from graph.corroborate.matching import ClaimFeatures

log = logging.getLogger(__name__)

SCHEMA_VERSION = 3
#: Columns added since schema 2 (added in place when an older file is opened).
MIGRATIONS = {
    2: tuple(f"ALTER TABLE review ADD COLUMN {column} TEXT"
             for column in ("label", "scale", "origin", "published")),
}
IDF_PRIOR_DOCS = 1000
SMALL_INDEX = 5000  # claims; see IndexTables.candidates
FTS_CRISIS_MERGE = 2  # see connect
# Claim rows kept between write transactions (IndexTables.begin). About 6 KB each in Python, so
# this bounds the batch's memory: at 50 000 RSS kept rising for the first ~5 000 articles.
MAX_KEPT_ROWS = 10_000
MAX_QUERY_TERMS = 10  # candidate retrieval ORs the rarest terms of a claim
COMMON_TERM_SHARE = 0.02  # terms in more than this share of claims are not searched on...
COMMON_TERM_DOCS = 200  # ...once the index holds more than this many claims containing them

SCHEMA = """
CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS article(
  url TEXT PRIMARY KEY, norm_url TEXT NOT NULL, outlet TEXT, domain TEXT, published TEXT,
  title TEXT, seq INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS article_norm ON article(norm_url);
CREATE TABLE IF NOT EXISTS article_key(url TEXT NOT NULL, key TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS article_key_key ON article_key(key);
CREATE INDEX IF NOT EXISTS article_key_url ON article_key(url);
CREATE TABLE IF NOT EXISTS article_href(url TEXT NOT NULL, href TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS article_href_href ON article_href(href);
CREATE INDEX IF NOT EXISTS article_href_url ON article_href(url);
CREATE TABLE IF NOT EXISTS article_cites(url TEXT NOT NULL, key TEXT NOT NULL, name TEXT,
  phrase TEXT);
CREATE INDEX IF NOT EXISTS article_cites_key ON article_cites(key);
CREATE INDEX IF NOT EXISTS article_cites_url ON article_cites(url);
CREATE TABLE IF NOT EXISTS paragraph(url TEXT NOT NULL, idx INTEGER NOT NULL, sig BLOB NOT NULL,
  nwords INTEGER NOT NULL, PRIMARY KEY(url, idx));
CREATE TABLE IF NOT EXISTS para_band(band INTEGER NOT NULL, url TEXT NOT NULL,
  idx INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS para_band_band ON para_band(band);
CREATE INDEX IF NOT EXISTS para_band_url ON para_band(url);
CREATE TABLE IF NOT EXISTS claim(
  id INTEGER PRIMARY KEY, iri TEXT UNIQUE NOT NULL, url TEXT NOT NULL, content TEXT,
  full_text TEXT, tokens TEXT, quantities TEXT, entities TEXT, negated INTEGER, denial INTEGER,
  speculative INTEGER, sourced INTEGER, analyzed INTEGER, source_text TEXT, cue_text TEXT,
  hedges TEXT);
CREATE INDEX IF NOT EXISTS claim_url ON claim(url);
CREATE VIRTUAL TABLE IF NOT EXISTS claim_fts USING fts5(tokens);
CREATE TABLE IF NOT EXISTS term_df(term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS entity(key TEXT PRIMARY KEY, name TEXT, type TEXT);
CREATE TABLE IF NOT EXISTS link(subject TEXT NOT NULL, target TEXT NOT NULL,
  relation TEXT NOT NULL, kind TEXT NOT NULL, similarity REAL, reason TEXT,
  PRIMARY KEY(subject, target, relation));
CREATE INDEX IF NOT EXISTS link_target ON link(target);
CREATE TABLE IF NOT EXISTS derivation(derived TEXT NOT NULL, source TEXT NOT NULL,
  kind TEXT NOT NULL, reason TEXT, PRIMARY KEY(derived, source));
CREATE INDEX IF NOT EXISTS derivation_source ON derivation(source);
CREATE TABLE IF NOT EXISTS review(id INTEGER PRIMARY KEY, review_id TEXT UNIQUE NOT NULL,
  claim_iri TEXT, article_url TEXT, text TEXT, tokens TEXT, verdict TEXT NOT NULL,
  reviewer TEXT, url TEXT, label TEXT, scale TEXT, origin TEXT, published TEXT);
CREATE INDEX IF NOT EXISTS review_claim ON review(claim_iri);
CREATE INDEX IF NOT EXISTS review_article ON review(article_url);
CREATE VIRTUAL TABLE IF NOT EXISTS review_fts USING fts5(tokens);
CREATE TABLE IF NOT EXISTS review_match(review_id TEXT NOT NULL, claim_iri TEXT NOT NULL,
  relation TEXT NOT NULL, similarity REAL, reason TEXT, PRIMARY KEY(review_id, claim_iri));
CREATE INDEX IF NOT EXISTS review_match_claim ON review_match(claim_iri);
CREATE TABLE IF NOT EXISTS known_match(review_id TEXT NOT NULL, claim_iri TEXT NOT NULL,
  tier TEXT NOT NULL, similarity REAL, reason TEXT, PRIMARY KEY(review_id, claim_iri));
CREATE INDEX IF NOT EXISTS known_match_claim ON known_match(claim_iri);
CREATE TABLE IF NOT EXISTS status(iri TEXT PRIMARY KEY, status TEXT NOT NULL, verdict TEXT);
CREATE TABLE IF NOT EXISTS outlet_actor(domain TEXT NOT NULL, key TEXT NOT NULL,
  PRIMARY KEY(domain, key));
"""

_CLAIM_COLS = (
    "c.iri, c.url, c.content, c.full_text, c.tokens, c.quantities, c.entities, c.negated, "
    "c.denial, c.speculative, c.sourced, c.analyzed, c.source_text, c.cue_text, c.hedges, "
    "a.outlet, a.domain, a.published"
)


def connect(path: Path | None) -> sqlite3.Connection:
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(
        ":memory:" if path is None else str(path), check_same_thread=False, isolation_level=None
    )
    conn.execute("PRAGMA journal_mode=WAL" if path is not None else "PRAGMA journal_mode=MEMORY")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.executescript(SCHEMA)
    # FTS5 merges index segments as soon as two share a level (default: 16), so a query reads
    # a few segments instead of dozens; rows and BM25 scores are the same, queries ~1.5x faster
    # (set once per file; a read-only or busy file just keeps the default)
    if conn.execute("SELECT v FROM claim_fts_config WHERE k = 'crisismerge'").fetchone() != (
        FTS_CRISIS_MERGE,
    ):
        with contextlib.suppress(sqlite3.OperationalError):
            conn.execute(
                "INSERT INTO claim_fts(claim_fts, rank) VALUES('crisismerge', ?)",
                (FTS_CRISIS_MERGE,),
            )
    row = conn.execute("SELECT version FROM schema_version").fetchone()
    if row is None:
        conn.execute("INSERT INTO schema_version(version) VALUES (?)", (SCHEMA_VERSION,))
    elif row[0] in MIGRATIONS:
        for statement in MIGRATIONS[row[0]]:
            conn.execute(statement)
        conn.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION,))
    elif row[0] != SCHEMA_VERSION:
        raise RuntimeError(
            f"corroboration index {path} has schema {row[0]}, expected {SCHEMA_VERSION}; "
            "delete it and re-ingest"
        )
    return conn


def fts_query(tokens: Iterable[str], max_terms: int = 32) -> str:
    """An OR query over distinct tokens (quoted, so FTS5 syntax in the text is inert)."""
    seen: list[str] = []
    for t in tokens:
        if t not in seen:
            seen.append(t)
    return " OR ".join('"' + t.replace('"', "") + '"' for t in seen[:max_terms])


def row_to_features(row: Sequence[object]) -> ClaimFeatures:
    (
        iri,
        url,
        content,
        full_text,
        toks,
        quants,
        ents,
        neg,
        den,
        spec,
        src,
        analyzed,
        source_text,
        cue_text,
        hedges,
        outlet,
        domain,
        published,
    ) = row
    return ClaimFeatures(
        iri=str(iri),
        text=str(content or ""),
        article_url=str(url),
        outlet=str(outlet or ""),
        domain=str(domain or ""),
        published=date.fromisoformat(str(published)) if published else None,
        full_text=str(full_text or ""),
        tokens=tuple(str(toks or "").split()),
        quantities=frozenset(json.loads(str(quants or "[]"))),
        entities=frozenset(json.loads(str(ents or "[]"))),
        negated=bool(neg),
        denial=bool(den),
        speculative=bool(spec),
        sourced=bool(src),
        analyzed=bool(analyzed),
        source_text=str(source_text) if source_text is not None else None,
        cue_text=str(cue_text) if cue_text is not None else None,
        hedges=tuple(json.loads(str(hedges or "[]"))),
    )


@functools.lru_cache(maxsize=5_000)
def _cached_features(row: tuple[object, ...]) -> ClaimFeatures:
    """Features of a candidate row; the same claims come back for many queries. The key is the
    whole row, so a changed claim (same IRI, new content) is a new entry. Callers do not mutate
    the shared ``ClaimFeatures``."""
    return row_to_features(row)


class IndexTables:
    """Row-level access; the caller (``CorroborationIndex``) owns transactions."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._df_cache: dict[str, int] = {}
        self._n_docs: int | None = None
        # Claim rows by id, used inside write transactions only (see ``begin``).
        self._rows: dict[int, ClaimFeatures] = {}
        self._data_version: int | None = None
        self._claims: dict[str, list[ClaimFeatures]] | None = None  # url -> claims, per tx

    def reset_caches(self) -> None:
        """Forget term statistics (and, in a transaction, the claims read per article)."""
        self._df_cache.clear()
        self._n_docs = None
        if self._claims is not None:
            self._claims.clear()

    def begin(self) -> None:
        """The caller has just begun a write transaction. Candidate rows kept by claim id stay
        valid while only this store writes claims: a new claim gets an id above every kept one,
        deleting claims drops them all, and a commit by another connection (``data_version``)
        or a rollback does too."""
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        if version != self._data_version:
            self._rows.clear()
            self._data_version = version
        self.reset_caches()
        self._claims = {}

    def end(self, committed: bool) -> None:
        """The write transaction begun with ``begin`` is over."""
        if not committed:
            self._rows.clear()
        self._claims = None
        self.reset_caches()

    # --- claims ------------------------------------------------------------------------------
    def insert_claim(self, f: ClaimFeatures) -> None:
        if self._claims is not None:
            self._claims.clear()
        cur = self.conn.execute(
            "INSERT INTO claim(iri, url, content, full_text, tokens, quantities, entities, "
            "negated, denial, speculative, sourced, analyzed, source_text, cue_text, hedges) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                f.iri,
                f.article_url,
                f.text,
                f.full_text,
                " ".join(f.tokens),
                json.dumps(sorted(f.quantities)),
                json.dumps(sorted(f.entities)),
                int(f.negated),
                int(f.denial),
                int(f.speculative),
                int(f.sourced),
                int(f.analyzed),
                f.source_text,
                f.cue_text,
                json.dumps(list(f.hedges)),
            ),
        )
        if f.analyzed and f.tokens:
            self.conn.execute(
                "INSERT INTO claim_fts(rowid, tokens) VALUES (?, ?)",
                (cur.lastrowid, " ".join(f.tokens)),
            )
            self._count_terms(f.tokens, +1)

    def _count_terms(self, tokens: Sequence[str], delta: int) -> None:
        """Document frequencies (and the document count under the empty term)."""
        self.conn.executemany(
            "INSERT INTO term_df(term, df) VALUES (?, ?) "
            "ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
            [(t, delta) for t in {"", *tokens}],
        )

    def delete_claims_of(self, url: str) -> None:
        self._rows.clear()  # their ids may come back with other claims
        if self._claims is not None:
            self._claims.clear()
        for cid, toks in self.conn.execute(
            "SELECT c.id, f.tokens FROM claim c JOIN claim_fts f ON f.rowid = c.id WHERE c.url = ?",
            (url,),
        ).fetchall():
            self._count_terms(str(toks).split(), -1)
            self.conn.execute("DELETE FROM claim_fts WHERE rowid = ?", (cid,))
        self.conn.execute("DELETE FROM claim WHERE url = ?", (url,))

    def claims_of(self, url: str) -> list[ClaimFeatures]:
        if self._claims is not None and url in self._claims:
            return list(self._claims[url])
        rows = self.conn.execute(
            f"SELECT {_CLAIM_COLS} FROM claim c JOIN article a ON a.url = c.url "
            "WHERE c.url = ? ORDER BY c.id",
            (url,),
        ).fetchall()
        found = [row_to_features(r) for r in rows]
        if self._claims is not None:
            self._claims[url] = found
            return list(found)
        return found

    def claim(self, iri: str) -> ClaimFeatures | None:
        row = self.conn.execute(
            f"SELECT {_CLAIM_COLS} FROM claim c JOIN article a ON a.url = c.url WHERE c.iri = ?",
            (iri,),
        ).fetchone()
        return row_to_features(row) if row else None

    def candidates(
        self, tokens: Sequence[str], exclude_url: str | None, limit: int = 30
    ) -> list[ClaimFeatures]:
        """Top ``limit`` claims by FTS5 BM25 for an OR query over ``tokens``.

        A small index (up to ``SMALL_INDEX`` claims) is searched on every term with a deeper
        limit, so its links do not depend on the order articles arrived in; a large one on the
        rarest terms only, which keeps one article's ingestion fast.
        """
        if not tokens:
            return []
        if self.n_docs() <= SMALL_INDEX:
            terms, limit = list(dict.fromkeys(tokens)), max(limit, 100)
        else:
            terms = self.rarest(tokens)
        query = fts_query(terms, max_terms=64)
        sql = (
            "FROM (SELECT rowid AS id, bm25(claim_fts) AS score "
            "FROM claim_fts WHERE claim_fts MATCH ? ORDER BY score LIMIT ?) hit "
            "JOIN claim c ON c.id = hit.id JOIN article a ON a.url = c.url "
            "WHERE c.url != ? ORDER BY hit.score"
        )
        args = (query, limit + 40, exclude_url or "")
        if self._claims is None:  # not in a write transaction
            rows = self.conn.execute(f"SELECT {_CLAIM_COLS} {sql}", args).fetchall()
            return [_cached_features(r) for r in rows[:limit]]
        # in one: the ranked ids, then the rows not kept yet (see ``begin``)
        cache = self._rows
        ids = [r[0] for r in self.conn.execute(f"SELECT c.id {sql}", args).fetchall()[:limit]]
        missing = [i for i in ids if i not in cache]
        if len(cache) + len(missing) > MAX_KEPT_ROWS:
            cache.clear()
            missing = ids
        for start in range(0, len(missing), 500):
            chunk = missing[start : start + 500]
            for cid, *row in self.conn.execute(
                f"SELECT c.id, {_CLAIM_COLS} FROM claim c JOIN article a ON a.url = c.url "
                f"WHERE c.id IN ({','.join('?' * len(chunk))})",
                chunk,
            ):
                cache[cid] = row_to_features(tuple(row))  # the kept rows are the cache
        return [cache[i] for i in ids]

    # --- term statistics -----------------------------------------------------------------------
    def n_docs(self) -> int:
        if self._n_docs is None:
            self._n_docs = self.df("")
        return self._n_docs

    def df(self, term: str) -> int:
        if term not in self._df_cache:
            row = self.conn.execute("SELECT df FROM term_df WHERE term = ?", (term,)).fetchone()
            self._df_cache[term] = int(row[0]) if row else 0
        return self._df_cache[term]

    def idf(self, term: str) -> float:
        """BM25-style IDF with a background prior of ``IDF_PRIOR_DOCS`` documents in which the
        term is absent, so a small index does not turn shared words into noise."""
        n, df = self.n_docs() + IDF_PRIOR_DOCS, self.df(term)
        return math.log(1.0 + (n - df + 0.5) / (df + 0.5))

    def rarest(self, tokens: Sequence[str], keep: int = MAX_QUERY_TERMS) -> list[str]:
        """The ``keep`` most informative distinct tokens, without very common ones (at least
        3 kept). Bounds the cost of the OR query: FTS5 scores every row matching any term."""
        distinct = sorted(dict.fromkeys(tokens), key=self.df)
        cap = max(COMMON_TERM_DOCS, COMMON_TERM_SHARE * self.n_docs())
        informative = [t for t in distinct if self.df(t) <= cap]
        if len(informative) < 3:
            informative = distinct[:3]
        return informative[:keep]

"""Two-field BM25 retrieval (FTS5) with the product's re-ranking features.

Used to match free text (a tweet, a ClaimReview's ``claimReviewed``) against a collection of
claims with titles; the corroboration index uses the same tokens, FTS5 BM25 and IDF cosine.
"""

from __future__ import annotations

import math
import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from graph.corroborate import text as tx
from graph.corroborate.matching import cosine
from graph.corroborate.tables import fts_query


@dataclass(frozen=True, slots=True)
class RetrievalWeights:
    """BM25 column weights and the re-ranking weights (tuned on CheckThat! 2020 train)."""

    text: float = 1.0
    title: float = 1.0
    cosine: float = 0.1  # IDF cosine of query vs text+title, added to the max-normalised BM25
    quantities: float = 0.05  # share of the query's normalised figures found in the document
    depth: int = 50  # BM25 candidates re-ranked


@dataclass(frozen=True, slots=True)
class Hit:
    key: str
    score: float
    bm25: float
    cosine: float


class TextRetriever:
    """An in-memory FTS5 table over (text, title) with IDF statistics for re-ranking."""

    def __init__(self, weights: RetrievalWeights | None = None, max_terms: int = 64) -> None:
        self.weights = weights or RetrievalWeights()
        self.max_terms = max_terms
        self.conn = sqlite3.connect(":memory:")
        self.conn.execute("CREATE VIRTUAL TABLE doc USING fts5(text, title)")
        self._keys: list[str] = []
        self._tokens: list[tuple[str, ...]] = []
        self._quantities: list[frozenset[str]] = []
        self._df: Counter[str] = Counter()

    def add(self, key: str, text: str, title: str = "") -> None:
        body, head = tx.tokens(text), tx.tokens(title)
        rowid = len(self._keys) + 1
        self._keys.append(key)
        self._tokens.append(tuple(body + head))
        self._quantities.append(frozenset(tx.quantities(text + " " + title)))
        self._df.update(set(body) | set(head))
        self.conn.execute(
            "INSERT INTO doc(rowid, text, title) VALUES (?, ?, ?)",
            (rowid, " ".join(body), " ".join(head)),
        )

    def add_many(self, docs: Iterable[tuple[str, str, str]]) -> None:
        for key, text, title in docs:
            self.add(key, text, title)

    def idf(self, term: str) -> float:
        n, df = len(self._keys), self._df[term]
        return math.log(1.0 + (n - df + 0.5) / (df + 0.5))

    def search(self, query: str, k: int = 5) -> list[Hit]:
        """Top ``k`` documents: BM25 candidates re-ranked with IDF cosine and shared figures."""
        q_tokens = tx.tokens(query)
        if not q_tokens:
            return []
        w = self.weights
        rows = self.conn.execute(
            f"SELECT rowid, -bm25(doc, {w.text:.6f}, {w.title:.6f}) AS s FROM doc "
            "WHERE doc MATCH ? ORDER BY s DESC LIMIT ?",
            (fts_query(q_tokens, self.max_terms), max(w.depth, k)),
        ).fetchall()
        if not rows:
            return []
        top = rows[0][1] or 1.0
        q_quant = tx.quantities(query)
        hits = []
        for rowid, bm25 in rows:
            i = rowid - 1
            cos = cosine(q_tokens, self._tokens[i], self.idf) if w.cosine else 0.0
            shared = len(q_quant & self._quantities[i]) / len(q_quant) if q_quant else 0.0
            score = bm25 / top + w.cosine * cos + w.quantities * shared
            hits.append(Hit(self._keys[i], score, bm25, cos))
        hits.sort(key=lambda h: -h.score)
        return hits[:k]

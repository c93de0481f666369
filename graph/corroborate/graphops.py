"""Derivation edges in the index: computing them for a new article, and walking them."""

from __future__ import annotations

import logging
import sqlite3
from collections import deque
from dataclasses import dataclass

from graph.corroborate import text as tx
from graph.corroborate.derivation import (
    COPY_THRESHOLD,
    MIN_COPIED_WORDS,
    cited_outlets,
    normalize_url,
    paragraphs,
)
from graph.model import Article, LinkKind

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Edge:
    derived: str
    source: str
    kind: LinkKind
    reason: str


def record_article_evidence(conn: sqlite3.Connection, article: Article) -> None:
    """Store hrefs, cited outlet names and paragraph signatures of a new article."""
    url = article.url
    hrefs = {normalize_url(link.href) for link in article.links if link.href}
    hrefs.discard(normalize_url(url))
    conn.executemany("INSERT INTO article_href(url, href) VALUES (?, ?)", [(url, h) for h in hrefs])
    conn.executemany(
        "INSERT INTO article_cites(url, key, name, phrase) VALUES (?, ?, ?, ?)",
        [(url, c.key, c.name, c.phrase) for c in cited_outlets(article.text)],
    )
    paras = paragraphs(article)
    sigs = tx.minhashes([tx.shingles(para) for para in paras])
    conn.executemany(
        "INSERT INTO paragraph(url, idx, sig, nwords) VALUES (?, ?, ?, ?)",
        [
            (url, idx, tx.pack_signature(sig), len(tx.words(para)))
            for idx, (para, sig) in enumerate(zip(paras, sigs, strict=True))
        ],
    )
    conn.executemany(
        "INSERT INTO para_band(band, url, idx) VALUES (?, ?, ?)",
        [(band, url, idx) for idx, sig in enumerate(sigs) for band in tx.lsh_bands(sig)],
    )


def _order(conn: sqlite3.Connection, a: str, b: str) -> tuple[str, str, bool]:
    """(later, earlier, dated): by published date; when either is undated (or both share a
    date), by ingestion order, and ``dated`` is False: the direction is not evidence."""
    rows = dict(
        (r[0], (r[1] or "", r[2]))
        for r in conn.execute(
            "SELECT url, published, seq FROM article WHERE url IN (?, ?)", (a, b)
        ).fetchall()
    )
    ka, kb = rows.get(a, ("", 0)), rows.get(b, ("", 0))
    if ka[0] and kb[0] and ka[0] != kb[0]:
        return ((a, b) if ka[0] > kb[0] else (b, a)) + (True,)
    return ((a, b) if ka[1] > kb[1] else (b, a)) + (False,)


def copy_edges(conn: sqlite3.Connection, url: str) -> list[Edge]:
    """Near-duplicate paragraphs shared with other outlets' articles (LSH lookup)."""
    best: dict[str, tuple[float, int, int]] = {}
    for blob, nwords in conn.execute(
        "SELECT sig, nwords FROM paragraph WHERE url = ?", (url,)
    ).fetchall():
        sig = tx.unpack_signature(blob)
        bands = tx.lsh_bands(sig)
        marks = ",".join("?" * len(bands))
        rows = conn.execute(
            "SELECT DISTINCT p.url, p.idx, p.sig FROM para_band b JOIN paragraph p "
            "ON p.url = b.url AND p.idx = b.idx "
            f"WHERE b.band IN ({marks}) AND b.url != ?",
            (*bands, url),
        ).fetchall()
        seen: set[str] = set()
        for other, _idx, other_blob in rows:
            sim = tx.minhash_similarity(sig, tx.unpack_signature(other_blob))
            if sim >= COPY_THRESHOLD and other not in seen:
                seen.add(other)  # one copied paragraph counts once per article
                top, count, words = best.get(other, (0.0, 0, 0))
                best[other] = (max(top, sim), count + 1, words + nwords)
    edges = []
    for other, (sim, count, words) in best.items():
        if words < MIN_COPIED_WORDS:
            continue  # one short similar sentence is not evidence of copying
        later, earlier, dated = _order(conn, url, other)
        reason = f"copies text of {earlier}: {count} near-duplicate paragraph(s), Jaccard≈{sim:.2f}"
        if not dated:
            reason += " (order unknown: not both dated, or dated alike; taken in ingestion order)"
        edges.append(Edge(later, earlier, LinkKind.COPY, reason))
    return edges


def link_edges(conn: sqlite3.Connection, url: str) -> list[Edge]:
    """Hyperlinks both ways: articles this one links to, and articles linking to it."""
    norm = conn.execute("SELECT norm_url FROM article WHERE url = ?", (url,)).fetchone()[0]
    edges = [
        Edge(url, src, LinkKind.CITATION, f"links to {src}")
        for (src,) in conn.execute(
            "SELECT DISTINCT a.url FROM article_href h JOIN article a ON a.norm_url = h.href "
            "WHERE h.url = ? AND a.url != ?",
            (url, url),
        )
    ]
    edges += [
        Edge(derived, url, LinkKind.CITATION, f"links to {url}")
        for (derived,) in conn.execute(
            "SELECT DISTINCT url FROM article_href WHERE href = ? AND url != ?", (norm, url)
        )
    ]
    return edges


def citation_edges(conn: sqlite3.Connection, url: str, partners: set[str]) -> list[Edge]:
    """Named source outlets both ways, restricted to ``partners`` (articles sharing a claim)."""
    if not partners:
        return []
    marks = ",".join("?" * len(partners))
    edges = []
    # this article names the partner's outlet
    for src, name, phrase in conn.execute(
        f"SELECT DISTINCT k.url, c.name, c.phrase FROM article_cites c "
        f"JOIN article_key k ON k.key = c.key WHERE c.url = ? AND k.url IN ({marks})",
        (url, *partners),
    ):
        edges.append(Edge(url, src, LinkKind.CITATION, f"names {name} as its source ('{phrase}')"))
    # a partner names this article's outlet
    for derived, name, phrase in conn.execute(
        f"SELECT DISTINCT c.url, c.name, c.phrase FROM article_cites c "
        f"JOIN article_key k ON k.key = c.key WHERE k.url = ? AND c.url IN ({marks})",
        (url, *partners),
    ):
        edges.append(
            Edge(derived, url, LinkKind.CITATION, f"names {name} as its source ('{phrase}')")
        )
    return edges


def _published(conn: sqlite3.Connection, url: str) -> str:
    row = conn.execute("SELECT published FROM article WHERE url = ?", (url,)).fetchone()
    return (row[0] or "") if row else ""


def store_edges(conn: sqlite3.Connection, edges: list[Edge]) -> list[Edge]:
    """Insert edges (first evidence wins per pair; same-domain pairs skipped)."""
    stored = []
    for e in edges:
        if e.derived == e.source:
            continue
        doms = dict(
            conn.execute(
                "SELECT url, domain FROM article WHERE url IN (?, ?)", (e.derived, e.source)
            ).fetchall()
        )
        if doms.get(e.derived) and doms.get(e.derived) == doms.get(e.source):
            continue
        # a citation of an outlet cannot point at an article published after the citing one
        if e.kind is LinkKind.CITATION and e.reason.startswith("names "):
            pd, ps = _published(conn, e.derived), _published(conn, e.source)
            if pd and ps and ps > pd:
                continue
        cur = conn.execute(
            "INSERT OR IGNORE INTO derivation(derived, source, kind, reason) VALUES (?,?,?,?)",
            (e.derived, e.source, e.kind.value, e.reason),
        )
        if cur.rowcount:
            stored.append(e)
    return stored


def ancestors(conn: sqlite3.Connection, url: str) -> dict[str, tuple[str, str, str]]:
    """Every article ``url`` derives from, transitively: {ancestor: (first_hop, kind, reason)}."""
    seen: dict[str, tuple[str, str, str]] = {}
    queue: deque[tuple[str, tuple[str, str, str] | None]] = deque([(url, None)])
    while queue:
        node, via = queue.popleft()
        for src, kind, reason in conn.execute(
            "SELECT source, kind, reason FROM derivation WHERE derived = ?", (node,)
        ):
            if src in seen or src == url:
                continue
            hop = via or (src, kind, reason)
            seen[src] = hop
            queue.append((src, hop))
    return seen


def descendants(conn: sqlite3.Connection, url: str) -> set[str]:
    seen: set[str] = set()
    queue = deque([url])
    while queue:
        node = queue.popleft()
        for (d,) in conn.execute("SELECT derived FROM derivation WHERE source = ?", (node,)):
            if d not in seen and d != url:
                seen.add(d)
                queue.append(d)
    return seen

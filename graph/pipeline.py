"""ingest -> analyze -> corroborate -> rdf -> store, one article at a time, each one transaction.

Batches read, extract and analyse in worker processes and write in the main process.
"""

from __future__ import annotations

import fcntl
import logging
import multiprocessing as mp
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field

from rdflib import URIRef

from graph import ids, rdf
from graph.analyze import analyze
from graph.corroborate import CorroborationIndex, CorroborationUpdate
from graph.fetch import FetchPolicy
from graph.ingest import IngestError, Source, load_article
from graph.model import AnalyzedArticle, Article
from graph.store import ClaimStore
from graph.vocab import CKG, CORROBORATION_GRAPH, SHARED_GRAPH, VOCAB_GRAPH

log = logging.getLogger(__name__)

INDEX_FILE = "corroboration.sqlite"
WRITE_LOCK = "write.lock"
FLUSH_EVERY = 25  # articles between store flushes in a batch


@dataclass
class ItemResult:
    source: str
    ok: bool
    url: str = ""
    claims: int = 0
    skipped: bool = False  # unchanged since the last ingest
    error: str = ""


@dataclass
class IngestReport:
    items: list[ItemResult] = field(default_factory=list)

    @property
    def articles(self) -> int:
        return sum(1 for item in self.items if item.ok)

    @property
    def claims(self) -> int:
        return sum(item.claims for item in self.items if item.ok)

    @property
    def failures(self) -> list[ItemResult]:
        return [item for item in self.items if not item.ok]

    def summary(self) -> str:
        skipped = sum(1 for item in self.items if item.skipped)
        text = f"{self.articles} articles, {self.claims} claims, {len(self.failures)} failures"
        return text + (f" ({skipped} unchanged, skipped)" if skipped else "")


class _AttachedIndex(CorroborationIndex):
    """An in-memory index that lives as long as its in-memory store; ``close`` keeps it."""

    def close(self) -> None:
        return None

    def release(self) -> None:
        super().close()


def open_index(store: ClaimStore) -> CorroborationIndex:
    """The store's corroboration side index (callers close it when done).

    On disk next to an embedded store, or in the cache for a remote one; an in-memory store
    keeps one in-memory index for its lifetime, so that successive batches see each other.
    """
    if store.side_dir is not None:
        with writer_lock(store):  # two processes creating one SQLite file: "database is locked"
            return CorroborationIndex.open(store.side_dir / INDEX_FILE)
    index = store.attached.get("index")
    if index is None:
        index = store.attached["index"] = _AttachedIndex.open(None)
    return index


nt_term = rdf.nt_term  # re-exported (graph.bench.synth)


def _nt(triples: Iterable[rdf.Triple]) -> str:
    """N-Triples for an INSERT DATA block (about 3x faster than rdflib's serializer)."""
    return rdf.ntriples(triples)


def stored_text_hash(store: ClaimStore, url: str) -> str | None:
    rows = store.select(
        "SELECT ?h WHERE { GRAPH ?g { ?a <http://purl.org/dc/terms/identifier> ?h } }",
        {"g": ids.article_graph_iri(url)},
    )
    return rows[0]["h"] if rows else None


def stored_articles(store: ClaimStore) -> dict[str, tuple[str, int]]:
    """Every stored article's URL -> (text hash, number of claims), in one query."""
    rows = store.select(
        "SELECT ?url ?h (COUNT(?c) AS ?n) WHERE { GRAPH ?g { "
        "?a a <http://schema.org/NewsArticle> ; <http://schema.org/url> ?url ; "
        "<http://purl.org/dc/terms/identifier> ?h . "
        "OPTIONAL { ?c <http://schema.org/appearance> ?a } } } GROUP BY ?url ?h"
    )
    return {str(row["url"]): (str(row["h"]), int(row["n"])) for row in rows}


def stored_claims(store: ClaimStore, url: str) -> set[str]:
    rows = store.select(
        "SELECT ?c WHERE { GRAPH ?g { ?c a <http://schema.org/Claim> } }",
        {"g": ids.article_graph_iri(url)},
    )
    return {row["c"] for row in rows}


def corroboration_update_sparql(index: CorroborationIndex, affected: Iterable[str],
                                update: CorroborationUpdate) -> str:
    """Replace, for the affected claims, their links, statuses and reasons."""
    claims = sorted(set(affected))
    if not claims:
        return ""
    values = " ".join(f"<{c}>" for c in claims)
    g = f"<{CORROBORATION_GRAPH}>"
    delete = f"""
DELETE {{ GRAPH {g} {{ ?r ?p ?o }} }} WHERE {{ GRAPH {g} {{
  VALUES ?c {{ {values} }} ?c <{CKG.statusReason}> ?r . ?r ?p ?o }} }} ;
DELETE {{ GRAPH {g} {{ ?l ?p ?o }} }} WHERE {{ GRAPH {g} {{
  VALUES ?c {{ {values} }} {{ ?l <{CKG.linkSubject}> ?c }} UNION {{ ?l <{CKG.linkTarget}> ?c }}
  ?l ?p ?o }} }} ;
DELETE {{ GRAPH {g} {{ ?x ?p ?c }} }} WHERE {{ GRAPH {g} {{
  VALUES ?c {{ {values} }} ?x ?p ?c }} }} ;
DELETE {{ GRAPH {g} {{ ?c ?p ?o }} }} WHERE {{ GRAPH {g} {{
  VALUES ?c {{ {values} }} ?c ?p ?o }} }} ;
"""
    links = {}
    for claim in claims:
        for link in index.links_for(claim):
            links[(link.subject, link.target, link.relation)] = link
    triples = list(rdf.link_terms(links.values()))
    for claim in claims:
        verdict = update.statuses.get(claim) or index.status_of(claim)
        if verdict is None:
            continue  # the claim no longer exists
        triples += rdf.status_terms(claim, verdict.status, [r.text for r in verdict.reasons])
    return delete + f"INSERT DATA {{ GRAPH {g} {{\n{_nt(triples)}}} }} ;\n"


def shared_update_sparql(shared: Iterable[rdf.Triple]) -> str:
    """Upsert shared node descriptions: single-valued properties are replaced, not added."""
    shared = list(shared)
    subjects = " ".join(sorted({s.n3() for s, _, _ in shared}))
    if not subjects:
        return ""
    g = f"<{SHARED_GRAPH}>"
    properties = " ".join(p.n3() for p in rdf.SINGLE_VALUED)
    return (
        f"DELETE {{ GRAPH {g} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {g} {{\n"
        f"  VALUES ?s {{ {subjects} }} VALUES ?p {{ {properties} }} ?s ?p ?o }} }} ;\n"
        f"INSERT DATA {{ GRAPH {g} {{\n{_nt(shared)}}} }} ;\n"
    )


def ensure_vocabulary(store: ClaimStore) -> None:
    if not store.ask("ASK WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": URIRef(VOCAB_GRAPH)}):
        body = _nt(rdf.vocabulary_graph())
        store.update(f"INSERT DATA {{ GRAPH <{VOCAB_GRAPH}> {{\n{body}}} }}")


@dataclass
class Prepared:
    """An article analysed (in a worker process), with its own triples already serialised."""

    analyzed: AnalyzedArticle
    article_sparql: str  # DROP + INSERT DATA of the article graph, and the shared upsert


def prepare(analyzed: AnalyzedArticle) -> Prepared:
    triples = rdf.article_terms(analyzed)
    graph_iri = ids.article_graph_iri(analyzed.article.url)
    sparql = (
        f"DROP SILENT GRAPH <{graph_iri}> ;\n"
        f"INSERT DATA {{ GRAPH <{graph_iri}> {{\n{_nt(triples.graph)}}} }} ;\n"
        + shared_update_sparql(triples.shared)
    )
    return Prepared(analyzed, sparql)


def write_article(store: ClaimStore, index: CorroborationIndex,
                  analyzed: AnalyzedArticle | Prepared) -> None:
    """Replace the article's named graph and refresh corroboration, in one transaction.

    The side index is updated first; if anything after that fails (building the triples or the
    store write), the article is removed from the index again, so that the next ingest, which
    skips only articles that both the store and the index know, redoes it.
    """
    prepared = analyzed if isinstance(analyzed, Prepared) else None
    analyzed = prepared.analyzed if prepared is not None else analyzed
    url = analyzed.article.url
    with writer_lock(store):
        previous = stored_claims(store, url)
        update = index.add(analyzed)
        try:
            prepared = prepared or prepare(analyzed)
            current = {str(ids.claim_iri(c.article_url, c.start, c.end)) for c in analyzed.claims}
            affected = (previous | current | update.affected | update.removed_claims
                        | set(update.statuses))
            sparql = prepared.article_sparql + corroboration_update_sparql(index, affected, update)
            store.update(sparql.rstrip().rstrip(";"))
        except BaseException:
            index.remove(url)  # keep the side index in step with the store
            raise


@contextmanager
def writer_lock(store: ClaimStore) -> Iterator[None]:
    """Serialise index+store writes of processes sharing a side index (remote stores).

    Two ingests into one endpoint from this machine share the side index; without the lock one
    could write statuses computed before the other's article was indexed. Embedded Oxigraph
    admits one process, so it needs no lock.
    """
    if store.kind != "sparql" or store.side_dir is None:
        yield
        return
    with open(store.side_dir / WRITE_LOCK, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ingest_article(store: ClaimStore, index: CorroborationIndex, article: Article,
                   analyzer: str = "rules", force: bool = False) -> ItemResult:
    if not force and stored_text_hash(store, article.url) == article.text_hash:
        claims = len(stored_claims(store, article.url))
        return ItemResult(article.source_location, True, article.url, claims, skipped=True)
    analyzed = analyze(article, analyzer=analyzer)
    write_article(store, index, analyzed)
    return ItemResult(article.source_location, True, article.url, len(analyzed.claims))


# --- batches -----------------------------------------------------------------------------------
@dataclass
class _Job:
    policy: FetchPolicy | None
    analyzer: str
    known: dict[str, str]  # URL -> text hash of articles to skip (stored and indexed)


_JOB: _Job | None = None


def _init_worker(job: _Job) -> None:
    global _JOB
    _JOB = job


def _work(source: Source) -> tuple[Source, ItemResult | Prepared]:
    """Read, extract, analyse and serialise one source (runs in a worker process)."""
    assert _JOB is not None
    try:
        article = load_article(source, _JOB.policy)
        if _JOB.known.get(article.url) == article.text_hash:
            return source, ItemResult(source.location, True, article.url, skipped=True)
        return source, prepare(analyze(article, analyzer=_JOB.analyzer))
    except IngestError as exc:
        return source, ItemResult(source.location, False, error=exc.reason)
    except Exception as exc:  # one bad page must not stop the batch
        log.exception("unexpected failure on %s", source.location)
        return source, ItemResult(source.location, False, error=f"{type(exc).__name__}: {exc}")


def _prepared_stream(job: _Job, sources: Iterable[Source],
                     workers: int) -> Iterator[tuple[Source, ItemResult | Prepared]]:
    """Results in input order; at most ``4 * workers`` sources in flight (flat memory)."""
    if workers <= 1:
        _init_worker(job)
        yield from map(_work, sources)
        return
    context = mp.get_context("forkserver")
    context.set_forkserver_preload(["graph.pipeline"])
    window: deque[Future] = deque()
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                             initargs=(job,)) as pool:
        for source in sources:
            window.append(pool.submit(_work, source))
            if len(window) >= 4 * workers:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


def ingest_sources(
    store: ClaimStore,
    sources: Iterable[Source],
    policy: FetchPolicy | None = None,
    analyzer: str = "rules",
    force: bool = False,
    on_item: Callable[[ItemResult], None] | None = None,
    workers: int = 1,
) -> IngestReport:
    """Ingest every source; failures are reported per item and the batch goes on.

    Reading, extraction, analysis and triple building run in ``workers`` processes; the writes
    (side index + one SPARQL Update per article) run here, one article at a time, in input order.
    Unchanged articles (same URL and text hash, present in the store and in the side index) are
    skipped; what is stored is looked up once, up front.
    """
    report = IngestReport()
    ensure_vocabulary(store)
    index = open_index(store)
    try:
        known: dict[str, str] = {}
        counts: dict[str, int] = {}
        if not force:
            indexed = {str(a["url"]) for a in index.articles()}
            for url, (text_hash, n) in stored_articles(store).items():
                if url in indexed:
                    known[url], counts[url] = text_hash, n
        job = _Job(policy, analyzer, known)
        for source, item in _prepared_stream(job, sources, workers):
            if isinstance(item, Prepared):
                try:
                    write_article(store, index, item)
                    url = item.analyzed.article.url
                    item = ItemResult(source.location, True, url, len(item.analyzed.claims))
                except Exception as exc:  # a failed write is this item's failure
                    log.warning("write failed for %s: %s", source.location, exc)
                    item = ItemResult(source.location, False, error=str(exc))
            elif item.skipped:
                item.claims = counts.get(item.url, 0)
            report.items.append(item)
            if len(report.items) % FLUSH_EVERY == 0:
                store.flush()  # keeps memory flat over long batches
            if on_item is not None:
                on_item(item)
    finally:
        index.close()
    return report


def remove_article(store: ClaimStore, url: str) -> bool:
    previous = stored_claims(store, url)
    if not previous:
        return False
    index = open_index(store)
    try:
        with writer_lock(store):
            update = index.remove(url)
            affected = previous | update.affected | set(update.statuses)
            sparql = f"DROP SILENT GRAPH <{ids.article_graph_iri(url)}> ;\n" + (
                corroboration_update_sparql(index, affected, update)
            )
            store.update(sparql.rstrip().rstrip(";"))
    finally:
        index.close()
    return True

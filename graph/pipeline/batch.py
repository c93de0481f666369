"""Ingest a batch: sources -> analyze -> corroborate -> rdf -> store, each article one transaction.

Batches read, extract and analyse in worker processes; the main process indexes each article
and hands its write to :class:`graph.pipeline.writer.OrderedWriter` (in input order).
"""

from __future__ import annotations

import logging
import multiprocessing as mp
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from graph.analyze.analyzer import analyze
from graph.corroborate.index import CorroborationIndex
from graph.errors import IngestError, StoreError
from graph.model import AnalyzedArticle, Article, GivenMetadata
from graph.pipeline.outlets import sync_outlet_links
from graph.pipeline.update import (
    Prepared,
    corroboration_update_sparql,
    ensure_vocabulary,
    prepare,
    stored_articles,
    stored_claims,
    stored_text_hash,
)
from graph.pipeline.writer import OrderedWriter, Written, unindex_sparql, write_prepared
from graph.rdf import ids
from graph.sources.feeds import feed_sources
from graph.sources.fetch import FetchPolicy
from graph.sources.inputs import Source, expand_sources, load_article, with_given
from graph.store.claim_store import ClaimStore
from graph.store.locks import writer_lock
from graph.store.side_index import open_index

log = logging.getLogger(__name__)

FLUSH_EVERY = 25  # articles between store flushes in a batch


@dataclass
class ItemResult:
    source: str
    ok: bool
    url: str = ""
    claims: int = 0
    skipped: bool = False  # unchanged since the last ingest
    error: str = ""
    unanalysed_language: str = ""  # stored, but its language is not one the analyzer reads


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
        languages = sorted({item.unanalysed_language for item in self.items
                            if item.unanalysed_language})
        unanalysed = sum(1 for item in self.items if item.unanalysed_language)
        notes = [f"{skipped} unchanged, skipped"] if skipped else []
        if unanalysed:
            notes.append(f"{unanalysed} not analysed, language {', '.join(languages)} "
                         "not supported: claims stored without facets")
        text = f"{self.articles} articles, {self.claims} claims, {len(self.failures)} failures"
        return text + (f" ({'; '.join(notes)})" if notes else "")


def drop_unstored(store: ClaimStore, index: CorroborationIndex) -> dict[str, tuple[str, int]]:
    """Take out of the side index every article the store does not hold; returns what the store
    holds (``stored_articles``).

    A batch killed with ``kill -9`` can leave up to three articles indexed ahead of the store
    (:mod:`graph.pipeline.writer`). Left there, they would confirm or dispute later articles'
    claims with claims nobody can see. The statuses they changed on stored claims are written
    back. Runs under the writer lock, so another process's article in flight to a shared
    endpoint is not taken for one of them.
    """
    with writer_lock(store):
        stored = stored_articles(store)
        for article in index.articles():
            url = str(article["url"])
            if url not in stored:
                log.warning("the side index held %s, which the store does not: removed", url)
                sparql = unindex_sparql(index, url)
                try:
                    if sparql:
                        store.update(sparql)
                except StoreError as exc:  # the store never saw its effects: nothing to undo
                    log.warning("could not rewrite statuses after removing %s: %s", url, exc)
    return stored


def write_article(store: ClaimStore, index: CorroborationIndex,
                  analyzed: AnalyzedArticle | Prepared) -> None:
    """Replace the article's named graph and refresh corroboration, in one transaction (see
    :func:`graph.writer.write_prepared`)."""
    prepared = analyzed if isinstance(analyzed, Prepared) else prepare(analyzed)
    write_prepared(store, index, prepared)


def ingest_article(store: ClaimStore, index: CorroborationIndex, article: Article,
                   force: bool = False) -> ItemResult:
    if not force and stored_text_hash(store, article.url) == article.text_hash:
        claims = len(stored_claims(store, article.url))
        return ItemResult(article.source_location, True, article.url, claims, skipped=True)
    analyzed = analyze(article)
    write_article(store, index, analyzed)
    return ItemResult(article.source_location, True, article.url, len(analyzed.claims))


# --- batches -----------------------------------------------------------------------------------
@dataclass
class _Job:
    policy: FetchPolicy | None
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
        return source, prepare(analyze(article))
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
    context.set_forkserver_preload(["graph.pipeline.batch"])
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
        stored = drop_unstored(store, index)
        sync_outlet_links(store, index)
        known: dict[str, str] = {}
        counts: dict[str, int] = {}
        if not force:
            indexed = {str(a["url"]) for a in index.articles()}
            for url, (text_hash, n) in stored.items():
                if url in indexed:
                    known[url], counts[url] = text_hash, n
        job = _Job(policy, known)
        writer = OrderedWriter(store, index)

        def record(written: Written) -> None:
            if isinstance(written.key, ItemResult):
                item = written.key
            elif written.error:  # a failed write is this item's failure
                item = ItemResult(written.key.location, False, error=written.error)
            else:
                item = ItemResult(written.key.location, True, written.url, written.claims,
                                  unanalysed_language=written.unanalysed_language)
            report.items.append(item)
            if len(report.items) % FLUSH_EVERY == 0:
                writer.flush()  # keeps memory flat over long batches
            if on_item is not None:
                on_item(item)

        try:
            for source, item in _prepared_stream(job, sources, workers):
                if isinstance(item, Prepared):
                    writer.put(source, item)
                else:
                    if item.skipped:
                        item.claims = counts.get(item.url, 0)
                    writer.put(item)
                for written in writer.done():
                    record(written)
            for written in writer.close():
                record(written)
        finally:
            writer.abort()  # an interrupted batch still finishes the writes it queued
    finally:
        index.close()
    return report


def collect_sources(inputs: Iterable[str | Path] = (), *, feeds: Iterable[str] = (),
                    urls_file: Path | None = None, policy: FetchPolicy | None = None,
                    given: GivenMetadata | None = None) -> list[Source]:
    """The items named by http(s) URLs, files, folders (recursively), a file of URLs and RSS or
    Atom feeds; ``given`` describes the one item named (:func:`with_given`). Raises
    IngestError when a feed cannot be read, nothing is left to ingest, or ``given`` would
    describe several items."""
    named = [str(item) for item in inputs]
    sources = list(expand_sources(named, urls_file))
    for feed in feeds:
        sources += feed_sources(feed, policy or FetchPolicy())
    if not sources:
        listed = ", ".join([*named, *([str(urls_file)] if urls_file else []), *feeds])
        raise IngestError(listed or "(no input)",
                          "nothing to ingest (no HTML or .txt files or URLs)")
    return with_given(sources, given)


def ingest(
    store: ClaimStore,
    inputs: Iterable[str | Path | Source] = (),
    *,
    feeds: Iterable[str] = (),
    urls_file: Path | None = None,
    policy: FetchPolicy | None = None,
    force: bool = False,
    workers: int = 1,
    on_item: Callable[[ItemResult], None] | None = None,
    given: GivenMetadata | None = None,
) -> IngestReport:
    """Ingest what a user names (see :func:`collect_sources`; ``Source`` items are taken as
    they are). ``given`` is what the user says of the one item named (its URL, title, ...).
    ``on_item`` hears each item's result, in input order; a bad item is its own failed result
    and the batch goes on."""
    inputs = list(inputs)
    sources = [item for item in inputs if isinstance(item, Source)]
    named = [item for item in inputs if not isinstance(item, Source)]
    if named or feeds or urls_file:
        sources += collect_sources(named, feeds=feeds, urls_file=urls_file, policy=policy)
    sources = with_given(sources, given)
    return ingest_sources(store, sources, policy, force=force, on_item=on_item,
                          workers=workers)


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

"""Batch writes in input order, overlapped with the next article's work on embedded Oxigraph.

Oxigraph releases the GIL while it applies an update, so one background thread can store
article N while the main thread corroborates article N+1 (about 1.5x the articles per second on
two cores). Each article is still one SPARQL Update, applied in input order; results come back
in input order too.

The side index runs ahead of the store by at most ``DEPTH + 1`` articles. When a write fails,
the article leaves the index again and the statuses it touched are written back (as
``remove_article`` of :mod:`graph.pipeline.batch` does), after the writes already queued behind it.

Other stores are written in the calling thread: rdflib's Memory store is not thread-safe, and a
remote store serialises writers across processes with a file lock around index + store.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from graph.corroborate.index import CorroborationIndex
from graph.model import AnalyzedArticle
from graph.pipeline.update import Prepared, corroboration_update_sparql, stored_claims
from graph.rdf import ids
from graph.store.claim_store import ClaimStore
from graph.store.locks import writer_lock

log = logging.getLogger(__name__)

DEPTH = 2  # writes pending before the next article waits


@dataclass
class Written:
    """The outcome of one queued item, in input order: ``error`` is empty on success."""

    key: object  # what the caller queued it with
    url: str = ""
    claims: int = 0
    error: str = ""
    unanalysed_language: str = ""  # set when the analyzer does not support the page's language


@dataclass
class _Queued:
    key: object
    url: str = ""
    claims: int = 0
    unanalysed_language: str = ""
    future: Future | None = None
    indexed: bool = False  # in the side index, ahead of the store


def stage_article(index: CorroborationIndex, prepared: Prepared, previous: set[str]) -> str:
    """Index the article and return the one SPARQL Update that stores it with its effects.

    ``previous``: the article's claims now in the store. If building the update fails, the
    article leaves the index again.
    """
    analyzed = prepared.analyzed
    url = analyzed.article.url
    update = index.add(analyzed)
    try:
        current = {str(ids.claim_iri(c.article_url, c.start, c.end)) for c in analyzed.claims}
        affected = (previous | current | update.affected | update.removed_claims
                    | set(update.statuses))
        sparql = prepared.article_sparql + corroboration_update_sparql(index, affected, update)
        return sparql.rstrip().rstrip(";")
    except BaseException:
        index.remove(url)
        raise


def write_prepared(store: ClaimStore, index: CorroborationIndex, prepared: Prepared) -> None:
    """Replace the article's named graph and refresh corroboration, in one transaction.

    The side index is updated first; if the store write fails, the article is removed from the
    index again, so that the next ingest, which skips only articles that both the store and the
    index know, redoes it.
    """
    url = prepared.analyzed.article.url
    with writer_lock(store):
        sparql = stage_article(index, prepared, stored_claims(store, url))
        try:
            store.update(sparql)
        except BaseException:
            index.remove(url)
            raise


class OrderedWriter:
    """Queue articles (or finished items) with ``put``; collect outcomes in input order."""

    def __init__(self, store: ClaimStore, index: CorroborationIndex) -> None:
        self.store = store
        self.index = index
        self._queue: deque[_Queued] = deque()
        self._pool = (ThreadPoolExecutor(1, thread_name_prefix="claimgraph-write")
                      if store.kind == "oxigraph" else None)

    def put(self, key: object, prepared: Prepared | None = None) -> None:
        """Queue an article to store, or (without one) an item that only keeps its place."""
        if prepared is None:
            self._queue.append(_Queued(key))
            return
        url = prepared.analyzed.article.url
        entry = _Queued(key, url, len(prepared.analyzed.claims),
                        unanalysed_language(prepared.analyzed))
        if self._pool is None:
            entry.future = _run_now(write_prepared, self.store, self.index, prepared)
        else:
            if any(queued.url == url for queued in self._queue):
                self._wait_all()  # its stored claims must be read after the earlier write
            try:
                sparql = stage_article(self.index, prepared, stored_claims(self.store, url))
            except Exception as exc:  # stage_article took it out of the index again
                entry.future = _failed(exc)
            else:
                entry.future = self._pool.submit(self.store.update, sparql)
                entry.indexed = True
        self._queue.append(entry)

    def flush(self) -> None:
        """Write buffered store data to disk, after the writes queued so far (and wait)."""
        if self._pool is None:
            self.store.flush()
        else:
            self._pool.submit(self.store.flush).result()

    def done(self) -> Iterator[Written]:
        """Outcomes ready at the front of the queue; waits while more than DEPTH are pending."""
        while self._queue:
            entry = self._queue[0]
            pending = sum(1 for e in self._queue if e.future is not None and not e.future.done())
            if entry.future is not None and not entry.future.done() and pending <= DEPTH:
                return
            yield self._finish(self._queue.popleft())

    def close(self) -> Iterator[Written]:
        """Every remaining outcome, in order."""
        while self._queue:
            yield self._finish(self._queue.popleft())

    def abort(self) -> None:
        """End the writer thread once the writes already queued are done. Outcomes not read
        by then (an interrupted batch) are only logged: a failed article stays in the index, and
        the next ingest, which skips only articles the store also holds, redoes it."""
        if self._pool is None:
            return
        self._pool.shutdown(wait=True)
        for entry in self._queue:
            if entry.future is not None and entry.future.exception() is not None:
                log.warning("write failed for %s: %s", entry.url, entry.future.exception())
        self._queue.clear()

    def _wait_all(self) -> None:
        for entry in self._queue:
            if entry.future is not None:
                entry.future.exception()  # waits; the outcome is read in order later

    def _finish(self, entry: _Queued) -> Written:
        if entry.future is None:
            return Written(entry.key)
        try:
            entry.future.result()
        except Exception as exc:
            log.warning("write failed for %s: %s", entry.url, exc)
            if entry.indexed:
                self._undo(entry.url)
            return Written(entry.key, entry.url, error=str(exc))
        return Written(entry.key, entry.url, entry.claims,
                       unanalysed_language=entry.unanalysed_language)

    def _undo(self, url: str) -> None:
        """Take a failed article out of the index and store the statuses that changed back.

        Not when the same URL was staged again behind it: that staging already replaced the
        article in the index, and its own outcome decides."""
        if any(entry.indexed and entry.url == url for entry in self._queue):
            return
        self._wait_all()
        try:
            sparql = unindex_sparql(self.index, url)
            if sparql:
                self._pool.submit(self.store.update, sparql).result()
        except Exception as exc:  # re-ingesting the article, or any article they match, repairs
            log.warning("could not restore statuses after %s: %s", url, exc)


def unanalysed_language(analyzed: AnalyzedArticle) -> str:
    """The page's language when the analyzer left its claims unanalysed, else ""."""
    if analyzed.claims and not any(claim.analyzed for claim in analyzed.claims):
        return analyzed.article.language or "unknown"
    return ""


def unindex_sparql(index: CorroborationIndex, url: str) -> str:
    """Take an article out of the side index only; returns the update that writes back the
    links and statuses of the stored claims it touched ("" when there are none)."""
    update = index.remove(url)
    sparql = corroboration_update_sparql(index, update.affected | set(update.statuses), update)
    return sparql.rstrip().rstrip(";")


def _run_now(function, *args) -> Future:
    future: Future = Future()
    try:
        future.set_result(function(*args))
    except Exception as exc:
        future.set_exception(exc)
    return future


def _failed(exc: Exception) -> Future:
    future: Future = Future()
    future.set_exception(exc)
    return future

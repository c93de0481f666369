"""Batch ingest: worker processes, per-item failures, resuming, and side index consistency."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest

from graph.analyze.analyzer import analyze
from graph.errors import StoreError
from graph.pipeline import batch as pipeline
from graph.pipeline.batch import ingest_sources
from graph.pipeline.update import stored_articles
from graph.queries.claims import claim_records
from graph.rdf import ids
from graph.rdf.vocab import CORROBORATION_GRAPH
from graph.sources.inputs import Source, expand_sources, load_article
from graph.store.claim_store import ClaimStore
from graph.store.open import open_store
from graph.store.side_index import open_index
from tests.conftest import CORPUS, DEMO


def _claims(store: ClaimStore) -> set[tuple[str, str]]:
    return {(r["id"], r["status"]) for r in claim_records(store, limit=None)}


def fail_article_writes(monkeypatch, store: ClaimStore, url: str, times: int | None = None,
                        reason: str = "disk full (simulated)") -> list[str]:
    """Make the store write of ``url``'s article fail (the first ``times`` tries, or every
    one); returns the names of the threads that wrote articles, filled as the batch runs."""
    real_update, threads, failures = store.update, [], []

    def update(sparql: str) -> None:
        if sparql.startswith("DROP SILENT GRAPH"):  # an article's write
            threads.append(threading.current_thread().name)
        mine = sparql.startswith(f"DROP SILENT GRAPH <{ids.article_graph_iri(url)}>")
        if mine and (times is None or len(failures) < times):
            failures.append(sparql)
            raise StoreError(reason)
        real_update(sparql)

    monkeypatch.setattr(store, "update", update)
    return threads


def test_workers_give_the_same_claims_as_one_process(tmp_path):
    with open_store(str(tmp_path / "one")) as one, open_store(str(tmp_path / "two")) as two:
        a = ingest_sources(one, expand_sources([str(CORPUS)]))
        b = ingest_sources(two, expand_sources([str(CORPUS)]), workers=2)
        assert a.articles == b.articles == 11
        assert [i.source for i in a.items] == [i.source for i in b.items]  # input order
        assert _claims(one) == _claims(two)


def test_failures_are_reported_per_item_and_the_batch_goes_on(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body><p>hi</p></body></html>", encoding="utf-8")
    sources = [Source(str(empty)), Source(str(tmp_path / "missing.html")),
               *expand_sources([str(DEMO / "02-harbor-times-report.html")])]
    seen = []
    with open_store(str(tmp_path / "store")) as store:
        report = ingest_sources(store, sources, workers=2, on_item=seen.append)
    assert [item.ok for item in report.items] == [False, False, True]
    assert report.failures[0].error == "no article text found"
    assert report.failures[1].error == "no such file"
    assert seen == report.items


def test_resuming_skips_unchanged_articles_with_one_lookup(tmp_path, monkeypatch):
    with open_store(str(tmp_path / "store")) as store:
        first = ingest_sources(store, expand_sources([str(DEMO)]))
        calls = []
        monkeypatch.setattr(pipeline, "stored_text_hash", lambda *a: calls.append(a))
        again = ingest_sources(store, expand_sources([str(DEMO)]), workers=2)
    assert all(item.skipped for item in again.items) and not calls
    assert [i.claims for i in again.items] == [i.claims for i in first.items]


def test_a_failed_store_write_takes_the_article_out_of_the_index(tmp_path, monkeypatch):
    page = DEMO / "02-harbor-times-report.html"
    url = "https://harbortimes.example/2026/03/02/bridge-contract"
    with open_store(str(tmp_path / "store")) as store:
        fail_article_writes(monkeypatch, store, url)
        report = ingest_sources(store, expand_sources([str(DEMO)]))
        assert [f.source for f in report.failures] == [str(page)]
        assert "disk full" in report.failures[0].error
        assert report.articles == 11  # the batch went on
        index = open_index(store)
        try:
            assert url not in {a["url"] for a in index.articles()}
        finally:
            index.close()
        assert not [r for r in claim_records(store, limit=None) if r["article"] == url]
        monkeypatch.undo()
        redo = ingest_sources(store, expand_sources([str(DEMO)]))
        assert [i.source for i in redo.items if not i.skipped] == [str(page)]
        assert [r for r in claim_records(store, limit=None) if r["article"] == url]


def test_a_failure_while_building_triples_also_rolls_back_the_index(tmp_path, monkeypatch):
    def broken(analyzed):
        raise RuntimeError("mapping bug (simulated)")

    with open_store(str(tmp_path / "store")) as store:
        monkeypatch.setattr(pipeline, "prepare", broken)
        with pytest.raises(RuntimeError):
            from graph.analyze.analyzer import analyze
            from graph.sources.inputs import load_article

            article = load_article(Source(str(DEMO / "02-harbor-times-report.html")))
            index = open_index(store)
            try:
                pipeline.write_article(store, index, analyze(article))
            finally:
                assert not index.articles()
                index.close()


def test_cli_ingest_with_workers_shows_progress_and_failures(tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text("<html></html>", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "graph", "ingest", str(CORPUS), str(bad), "--workers", "2",
         "--store", str(tmp_path / "store")],
        capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr  # some items failed
    assert "11 articles" in done.stdout and "1 failures" in done.stdout
    assert f"failed: {bad}" in done.stderr
    assert "article/s" in done.stderr or "s/article" in done.stderr  # tqdm rate


def test_a_failed_write_in_a_pipelined_batch_leaves_what_a_batch_without_it_leaves(
        tmp_path, monkeypatch):
    """Embedded Oxigraph stores on a writer thread while later articles are indexed; the failed
    article leaves the index and the statuses written meanwhile are put back."""
    failing_page = CORPUS / "a3-independent.html"  # confirms a1/a2; a4-a9 come after it
    url = "https://techcurrent.example/news/brightline-recalls-rover-x2"
    others = [s for s in expand_sources([str(CORPUS)]) if s.location != str(failing_page)]
    with open_store(str(tmp_path / "a")) as store, open_store(str(tmp_path / "b")) as clean:
        writer_threads = fail_article_writes(monkeypatch, store, url)
        report = ingest_sources(store, expand_sources([str(CORPUS)]))
        assert [f.source for f in report.failures] == [str(failing_page)]
        assert ingest_sources(clean, others).articles == report.articles == 10
        records = sorted(claim_records(store, limit=None), key=lambda r: r["id"])
        assert records == sorted(claim_records(clean, limit=None), key=lambda r: r["id"])
        assert any(r["confirmed_by"] for r in records)
        assert set(store.graph(CORROBORATION_GRAPH)) == set(clean.graph(CORROBORATION_GRAPH))
    assert writer_threads and threading.main_thread().name not in writer_threads


def test_a_url_twice_in_a_batch_whose_first_write_fails_is_stored_once_and_indexed(tmp_path,
                                                                                   monkeypatch):
    page = str(CORPUS / "a3-independent.html")
    url = "https://techcurrent.example/news/brightline-recalls-rover-x2"
    sources = list(expand_sources([str(CORPUS)]))
    sources.insert([s.location for s in sources].index(page) + 1, Source(page))
    with open_store(str(tmp_path / "a")) as store, open_store(str(tmp_path / "b")) as clean:
        fail_article_writes(monkeypatch, store, url, times=1, reason="connection reset")
        report = ingest_sources(store, sources)
        assert [i.ok for i in report.items if i.source == page] == [False, True]
        index = open_index(store)
        try:
            assert url in {a["url"] for a in index.articles()}
        finally:
            index.close()
        ingest_sources(clean, expand_sources([str(CORPUS)]))
        assert _claims(store) == _claims(clean)


def test_articles_indexed_but_never_stored_leave_the_index_before_the_next_batch(tmp_path):
    """kill -9 can leave the side index up to three articles ahead of the store; the next
    batch takes them out before it matches anything against them."""
    ahead = CORPUS / "a3-independent.html"  # confirms a1/a2
    first = [Source(str(CORPUS / "a1-primary.html")), Source(str(CORPUS / "a2-independent.html"))]
    rest = [s for s in expand_sources([str(CORPUS)])
            if s.location not in {str(ahead)} | {f.location for f in first}]
    with open_store(str(tmp_path / "a")) as store, open_store(str(tmp_path / "b")) as clean:
        assert ingest_sources(store, first).articles == 2
        index = open_index(store)
        index.add(analyze(load_article(Source(str(ahead)))))  # indexed; the write never ran
        index.close()
        assert not ingest_sources(store, rest).failures
        ingest_sources(clean, first)
        ingest_sources(clean, rest)
        index = open_index(store)
        assert {a["url"] for a in index.articles()} == set(stored_articles(store))
        index.close()
        records = sorted(claim_records(store, limit=None), key=lambda r: r["id"])
        assert records == sorted(claim_records(clean, limit=None), key=lambda r: r["id"])
        assert any(r["confirmed_by"] for r in records)
        assert set(store.graph(CORROBORATION_GRAPH)) == set(clean.graph(CORROBORATION_GRAPH))


def test_a_store_error_while_dropping_an_unstored_article_does_not_stop_the_batch(
        tmp_path, monkeypatch):
    ahead = CORPUS / "a3-independent.html"
    first = [Source(str(CORPUS / "a1-primary.html")), Source(str(CORPUS / "a2-independent.html"))]
    with open_store(str(tmp_path / "a")) as store:
        assert ingest_sources(store, first).articles == 2
        index = open_index(store)
        index.add(analyze(load_article(Source(str(ahead)))))
        index.close()
        real_update, refused = store.update, []

        def update(sparql: str) -> None:
            if not sparql.startswith("DROP SILENT GRAPH") and not refused:
                refused.append(sparql)
                raise StoreError("endpoint hiccup (simulated)")
            real_update(sparql)

        monkeypatch.setattr(store, "update", update)
        report = ingest_sources(store, [Source(str(CORPUS / "a4-syndicated.html"))])
        assert refused and report.articles == 1 and not report.failures
        index = open_index(store)
        assert {a["url"] for a in index.articles()} == set(stored_articles(store))
        index.close()

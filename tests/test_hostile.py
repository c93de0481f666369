"""A batch of bad, hostile and faulty inputs on a store that already holds the demo corpus.

Each bad item fails with one line naming it and the reason; the store does not change while it
fails; the good items in the same batch are ingested; nothing already stored is lost.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import URIRef

from graph.pipeline.batch import ingest_sources
from graph.rdf import ids
from graph.sources.fetch import FetchPolicy
from graph.sources.inputs import Source
from graph.store.claim_store import ClaimStore
from tests.conftest import DEMO, ROOT, free_port
from tests.test_fetch import local_server, silent_server

HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
BIG = 50 * 1024 * 1024
NEW_URL = "https://quaysidepost.example/2026/03/07/new-ferry"
PREFIX = "PREFIX schema: <http://schema.org/> PREFIX ckg: <https://w3id.org/claimgraph/vocab#>\n"


def new_article(tmp: Path) -> Path:
    """A demo page under a new canonical URL: a good item in the batch."""
    html = (DEMO / "02-harbor-times-report.html").read_text(encoding="utf-8")
    old = "https://harbortimes.example/2026/03/02/bridge-contract"
    path = tmp / "good-new.html"
    path.write_text(html.replace(old, NEW_URL), encoding="utf-8")
    return path


@dataclass
class Batch:
    items: list[str]
    expected: dict[str, str]  # source -> reason (substring), for the bad ones
    good: list[str]


@pytest.fixture(scope="module")
def servers() -> Iterator[tuple[str, str]]:
    with local_server() as base, silent_server() as silent:
        yield base, silent


def make_batch(tmp: Path, base: str, silent: str) -> Batch:
    files = {
        "empty.html": b"",
        "binary.html": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64,
        "deep.html": ("<html><body>" + "<div>" * 100_000 + "<p>" + "Deep words. " * 20
                      + "</p>" + "</div>" * 100_000 + "</body></html>").encode(),
    }
    for name, data in files.items():
        (tmp / name).write_bytes(data)
    with (tmp / "huge.html").open("wb") as handle:
        handle.truncate(BIG)
    good = new_article(tmp)
    expected = {
        str(tmp / "empty.html"): "empty file",
        str(tmp / "binary.html"): "binary data, not HTML",
        str(tmp / "huge.html"): f"file too large ({BIG} bytes > {10 * 1024 * 1024})",
        str(tmp / "deep.html"): "no article text found",
        str(HOSTILE / "no-body.html"): "no article text found",
        str(HOSTILE / "table-only.html"): "no article text found (only tables or scripts)",
        str(HOSTILE / "script-only.html"): "no article text found",
        f"http://127.0.0.1:{free_port()}/": "connection failed (ConnectionRefusedError",
        silent: "timed out after 1 s",
        base + "/loop-a": "redirect loop",
        base + "/pdf": "not an HTML page (content type application/pdf)",
        base + "/png": "not an HTML page (content type image/png)",
    }
    items = list(expected)
    items[3:3] = [str(good)]  # good items between the bad ones
    items += [str(HOSTILE / "cp1252-declared-utf8.html"), str(HOSTILE / "latin1-undeclared.html"),
              str(HOSTILE / "german-article.html"), str(HOSTILE / "xss-article.html"),
              str(good), str(DEMO / "02-harbor-times-report.html"), base + "/article"]
    return Batch(items, expected, [i for i in items if i not in expected])


def article_graph_size(store: ClaimStore, url: str) -> int:
    rows = store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                        {"g": ids.article_graph_iri(url)})
    return int(rows[0]["n"])


def test_bad_items_fail_alone_and_change_nothing(demo_store, tmp_path, servers) -> None:
    base, silent = servers
    batch = make_batch(tmp_path, base, silent)
    demo_graphs = {g: len(demo_store.dataset.graph(URIRef(g))) for g in demo_store.named_graphs()}
    policy = FetchPolicy(timeout_s=1, allow_private=True)
    report = ingest_sources(demo_store, [Source(i) for i in batch.items], policy)
    assert [r.source for r in report.items] == batch.items
    for result in report.items:
        if result.source in batch.expected:
            assert not result.ok, result
            assert batch.expected[result.source] in result.error, result
            assert "\n" not in result.error
        else:
            assert result.ok, result
    # once more, item by item (a batch may store later articles before it reports earlier
    # ones): no bad item, no article seen before and no demo article adds a triple
    counts = [demo_store.triple_count()]
    for item in batch.items:
        again = ingest_sources(demo_store, [Source(item)], policy).items[0]
        assert again.ok == (item not in batch.expected) and again.ok <= again.skipped, again
        counts.append(demo_store.triple_count())
    assert len(set(counts)) == 1, list(zip(["start", *batch.items], counts, strict=True))
    assert article_graph_size(demo_store, NEW_URL) > 50
    # nothing already stored was lost: every demo graph is still there, and none shrank
    # (the corroboration graph may grow: the new copy repeats demo claims)
    for graph, size in demo_graphs.items():
        now = len(demo_store.dataset.graph(URIRef(graph)))
        assert now >= size if "corroboration" in graph or "shared" in graph else now == size


def test_same_article_twice_adds_no_triples(demo_store) -> None:
    before = demo_store.triple_count()
    source = Source(str(DEMO / "03-calder-ledger-report.html"))
    report = ingest_sources(demo_store, [source, source])
    assert all(r.ok and r.skipped for r in report.items)
    report = ingest_sources(demo_store, [source], force=True)
    assert report.items[0].ok and not report.items[0].skipped
    assert demo_store.triple_count() == before


def test_non_english_page_is_stored_unanalysed(memory_store) -> None:
    report = ingest_sources(memory_store, [Source(str(HOSTILE / "german-article.html"))])
    assert report.items[0].ok and report.items[0].claims > 0
    url = "https://kaiblatt.example/2026/03/06/hafenbruecke"
    rows = memory_store.select(PREFIX + "SELECT ?lang WHERE { ?a schema:inLanguage ?lang }",
                               {"a": ids.article_iri(url)})
    assert [r["lang"] for r in rows] == ["de"]
    claims = memory_store.select(PREFIX + """SELECT ?c ?analyzed ?why WHERE {
        ?c a schema:Claim ; schema:appearance ?a ; ckg:analyzed ?analyzed .
        OPTIONAL { ?c ckg:statusReason/<http://www.w3.org/2000/01/rdf-schema#comment> ?why } }""",
                                 {"a": ids.article_iri(url)})
    assert len(claims) == report.items[0].claims
    assert all(row["analyzed"] is False for row in claims)
    assert all("not analysed" in (row["why"] or "") for row in claims)
    assert report.items[0].unanalysed_language == "de"
    assert "(1 not analysed, language de not supported" in report.summary()


def test_xss_article_is_stored_literally(memory_store) -> None:
    report = ingest_sources(memory_store, [Source(str(HOSTILE / "xss-article.html"))])
    assert report.items[0].ok
    article = ids.article_iri("https://quaysidepost.example/2026/03/04/xss-vote")
    row = memory_store.select(PREFIX + """SELECT ?title ?text WHERE {
        ?a schema:headline ?title ; schema:text ?text }""", {"a": article})[0]
    assert "<script>window.__xss=1</script>" in row["title"]
    assert "<script>window.__xss=1</script>" in row["text"]
    assert '"><img src=x onerror="window.__xss=1">' in row["text"]
    claims = memory_store.select(PREFIX + "SELECT ?t WHERE { ?c schema:text ?t }")
    assert any("<script>window.__xss=1</script>" in r["t"] for r in claims)
    cited = memory_store.select(PREFIX + "SELECT ?l WHERE { ?a schema:citation ?l }",
                                {"a": article})
    assert [r["l"] for r in cited] == ["https://portcalder.example/agenda/2026-03-04"]
    everything = memory_store.select("SELECT ?o WHERE { ?s ?p ?o FILTER(isIRI(?o)) }")
    assert not any(r["o"].lower().startswith("javascript:") for r in everything)


def test_cli_reports_one_line_per_bad_item(demo_store_dir, tmp_path, servers) -> None:
    base, silent = servers
    store = tmp_path / "store"
    subprocess.run(["cp", "-r", str(demo_store_dir), str(store)], check=True)
    batch = make_batch(tmp_path, base, silent)
    command = [str(Path(sys.executable).parent / "claimgraph"), "ingest", *batch.items,
               "--store", str(store), "--allow-private", "--timeout", "1", "--quiet"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, PYTHONWARNINGS="ignore"))
    assert done.returncode == 1, done.stderr  # some items failed
    failed = [line for line in done.stderr.splitlines() if line.startswith("failed: ")]
    assert len(failed) == len(batch.expected), done.stderr
    for line, (source, reason) in zip(failed, batch.expected.items(), strict=True):
        assert line.startswith(f"failed: {source}: ") and reason in line, line
    # duplicates count as articles (reported ok, skipped as unchanged)
    assert done.stdout.strip().startswith(f"{len(batch.good)} articles"), done.stdout
    assert f"{len(batch.expected)} failures" in done.stdout


def test_cli_max_bytes_option(tmp_path) -> None:
    command = [str(Path(sys.executable).parent / "claimgraph"), "ingest",
               str(DEMO / "02-harbor-times-report.html"), "--store", "memory",
               "--max-bytes", "1000", "--quiet"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    lines = [line for line in done.stderr.splitlines() if line.startswith("failed: ")]
    assert len(lines) == 1 and "file too large (" in lines[0] and "> 1000)" in lines[0]
    assert "0 articles" in done.stdout  # the summary still prints

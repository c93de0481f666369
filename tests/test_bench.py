"""`claimgraph bench` in a tiny configuration: the JSON keys are there and the numbers positive;
the proposed faster queries return exactly what graph/queries.py returns."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from graph.bench import synth
from graph.bench.fast import fast_claim_rows
from graph.cli import main
from graph.queries import ClaimFilter, claim_rows
from graph.store import open_store
from tests.conftest import DEMO, EVAL

KEYS = {
    "ingest_articles_per_s", "trafilatura_articles_per_s", "ingest_ratio", "store_triples",
    "query_p50_ms", "query_p95_ms", "memory_store_query_p50_ms", "export_turtle_s",
    "peak_rss_mb", "batch_articles_per_s", "batch_rss_mb", "fast_query_p50_ms",
}
QUERIES = {"status_counts", "claims_page", "claims_page_filtered", "claim_page", "entity_page",
           "graph_view"}


def test_bench_prints_a_table_then_one_json_line(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    real = sorted((EVAL / "news-html" / "html").glob("*.html"))[:1]
    for page in real or sorted(DEMO.glob("*.html"))[:1]:
        shutil.copy(page, pages / page.name)  # a tmp copy, never into the repo
    result = CliRunner().invoke(main, ["bench", "--quick", "--pages", str(pages), "--triples",
                                       "4000", "--batch", "4", "--workers", "1"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert any("pipeline, 1 process" in line for line in lines)
    data = json.loads(lines[-1])
    assert KEYS <= set(data)
    assert set(data["query_p50_ms"]) == QUERIES == set(data["query_p95_ms"])
    assert set(data["memory_store_query_p50_ms"]) == QUERIES
    for key in ("ingest_articles_per_s", "trafilatura_articles_per_s", "ingest_ratio",
                "store_triples", "export_turtle_s", "peak_rss_mb", "batch_articles_per_s"):
        assert data[key] > 0, key
    assert all(v > 0 for v in data["query_p50_ms"].values())
    assert data["batch_articles"] == 4 and data["batch_failures"] == 0


def test_fast_claim_rows_equal_the_reference_queries(tmp_path, demo_store):
    synthetic = open_store(str(tmp_path / "synthetic"))
    synth.load_oxigraph(synthetic, synth.SynthSpec(60))
    cases = [
        (ClaimFilter(), "newest"), (ClaimFilter(status="confirmed"), "oldest"),
        (ClaimFilter(status="unsourced"), "position"),
        (ClaimFilter(entity=synth.popular_entities()[0].upper()), "newest"),
        (ClaimFilter(outlet="outlet000.example", status="sourced"), "outlet"),
        (ClaimFilter(text="merger"), "check_worthiness"),
    ]
    demo_cases = [(ClaimFilter(entity="meridian works"), "newest"),
                  (ClaimFilter(outlet="Harbor Times"), "position"), (ClaimFilter(), "newest")]
    try:
        for store, flt, sort in [(synthetic, *c) for c in cases] + [
                (demo_store, *c) for c in demo_cases]:
            for limit, offset in ((50, 0), (7, 3)):
                expected = claim_rows(store, flt, sort, limit, offset)
                assert fast_claim_rows(store, flt, sort, limit, offset) == expected, (flt, sort)
    finally:
        synthetic.close()

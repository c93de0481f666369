"""`claimgraph bench` in a tiny configuration: the JSON keys are there and the numbers positive;
the app's page-first claims query returns exactly what the plain full-pattern query returns."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from graph.bench import synth
from graph.cli import main
from graph.queries.claims import CLAIM_PATTERN, CLAIM_VARS, P, claim_rows
from graph.queries.filters import SORTS, ClaimFilter
from graph.store.open import open_store
from tests.conftest import DEMO, EVAL

KEYS = {
    "ingest_articles_per_s", "trafilatura_articles_per_s", "ingest_ratio", "store_triples",
    "query_p50_ms", "query_p95_ms", "memory_store_query_p50_ms", "export_turtle_s",
    "peak_rss_mb", "batch_articles_per_s", "batch_rss_mb",
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


def reference_claim_rows(store, flt, sort, limit, offset):
    """The plain query (every claim's full pattern, then sort and cut): slow, obviously right."""
    extra, bindings = flt.pattern()
    query = (f"{P}SELECT {CLAIM_VARS} WHERE {{ {CLAIM_PATTERN} {extra} }} "
             f"ORDER BY {SORTS[sort]} LIMIT {limit} OFFSET {offset}")
    rows = store.select(query, bindings)
    return list({row["claim"]: row for row in rows}.values())


def sort_key(row: dict, sort: str) -> tuple:
    names = [n.removeprefix("DESC(").strip("?()") for n in SORTS[sort].split()]
    return tuple(row[name] for name in names if name != "claim")


def test_page_first_claim_rows_equal_the_plain_query(tmp_path, demo_store):
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
                expected = reference_claim_rows(store, flt, sort, limit, offset)
                got = claim_rows(store, flt, sort, limit, offset)
                # Equal sort keys in the same order; among claims that tie on the key, the
                # page may hold other claims than the IRI tie-break would pick.
                assert [sort_key(r, sort) for r in got] == [
                    sort_key(r, sort) for r in expected], (flt, sort)
                full = {r["claim"]: r for r in reference_claim_rows(store, flt, sort, 10**6, 0)}
                assert all(full[r["claim"]] == r for r in got), (flt, sort)
            pages = [r["claim"] for start in range(0, 28, 7)
                     for r in claim_rows(store, flt, sort, 7, start)]
            whole = [r["claim"] for r in claim_rows(store, flt, sort, 28, 0)]
            assert len(pages) == len(set(pages)) and set(pages) == set(whole), (flt, sort)
    finally:
        synthetic.close()

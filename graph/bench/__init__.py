"""`claimgraph bench`: ingest, batch, queries and export, compared side by side in one run.

Prints a table as it goes; the caller prints the returned dict as the last line (JSON).
"""

from __future__ import annotations

import logging
import os
import platform
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset

from graph.bench import ingest as ingest_bench
from graph.bench import queries as query_bench
from graph.bench import synth
from graph.bench.stages import stage_ms_p50
from graph.queries.export import export
from graph.store.claim_store import ClaimStore
from graph.store.open import open_store

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent.parent
DEMO = ROOT / "data" / "demo"
PAGES = ROOT.parent / "shared" / "eval" / "news-html" / "html"


@dataclass
class BenchConfig:
    pages: list[Path]  # real pages for the ingest ratio (plus the demo pages)
    triples: int  # size of the synthetic Oxigraph store
    memory_triples: int  # size of the synthetic rdflib Memory store
    batch: int  # synthetic batch size (0: skip)
    reps: int  # repetitions per query
    workers: int
    work_dir: Path | None = None
    quick: bool = False
    budget_s: float = 10.0  # per query: stop repeating after this long

    @classmethod
    def make(cls, quick: bool = False, pages_dir: Path | None = None, triples: int | None = None,
             batch: int | None = None, workers: int | None = None,
             work_dir: Path | None = None, page_limit: int | None = None,
             reps: int | None = None, memory_triples: int | None = None) -> BenchConfig:
        pages_dir = pages_dir or PAGES
        real = sorted(pages_dir.glob("*.html")) if pages_dir.is_dir() else []
        if not real:
            log.warning("no pages in %s; timing the demo pages only", pages_dir)
        limit = page_limit if page_limit is not None else (20 if quick else None)
        pages = real[:limit] + sorted(DEMO.glob("*.html"))
        triples = triples or (100_000 if quick else 1_000_000)
        return cls(
            pages=pages,
            triples=triples,
            memory_triples=memory_triples or min(triples, 10_000 if quick else 50_000),
            batch=batch if batch is not None else (200 if quick else 10_000),
            reps=reps or (5 if quick else 20),
            workers=workers or os.cpu_count() or 1,
            work_dir=work_dir,
            quick=quick,
            budget_s=2.0 if quick else 10.0,
        )


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = int(Path("/proc/meminfo").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        mem_kb = 0
    return {"nproc": os.cpu_count(), "cpu": cpu, "ram_gb": round(mem_kb / 1024**2, 1),
            "python": platform.python_version()}


def _timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def bench_ingest(config: BenchConfig, work: Path, echo: Callable[[str], None]) -> dict:
    pages = config.pages
    echo(f"ingest: {len(pages)} pages, trafilatura alone vs the full pipeline")
    traf_s = ingest_bench.time_trafilatura(pages)
    one_s, ok, failed = ingest_bench.time_pipeline(pages, work / "ingest-1", workers=1)
    many_s, ok_n, _ = ingest_bench.time_pipeline(pages, work / "ingest-n", config.workers)
    traf, one, many = len(pages) / traf_s, ok / one_s, ok_n / many_s
    echo(f"  {'trafilatura.extract alone':<34} {traf:8.2f} pages/s")
    echo(f"  {'pipeline, 1 process':<34} {one:8.2f} articles/s  ratio {one / traf:.3f}")
    echo(f"  {f'pipeline, {config.workers} workers':<34} {many:8.2f} articles/s  "
         f"ratio {many / traf:.3f}")
    return {
        "pages": len(pages), "pages_failed": failed,
        "trafilatura_articles_per_s": round(traf, 2),
        "ingest_articles_per_s": round(one, 2),
        "ingest_ratio": round(one / traf, 3),
        "ingest_workers": config.workers,
        "ingest_workers_articles_per_s": round(many, 2),
        "ingest_workers_ratio": round(many / traf, 3),
    }


def bench_store(config: BenchConfig, work: Path, echo: Callable[[str], None]) -> dict:
    spec = synth.SynthSpec(synth.articles_for(config.triples))
    echo(f"store: synthetic, {spec.articles} articles (~{config.triples} triples)")
    store = open_store(str(work / "synthetic-store"))
    try:
        load_s, triples = _timed(lambda: synth.load_oxigraph(store, spec, config.workers))
        claims = int(store.select("SELECT (COUNT(*) AS ?n) WHERE { ?c a "
                                  "<http://schema.org/Claim> }")[0]["n"])
        echo(f"  oxigraph: {triples} triples, {claims} claims, generated+loaded in {load_s:.1f} s")
        echo("  queries (graph/queries/) on embedded Oxigraph:")
        timings = query_bench.time_queries(store, config.reps, echo, budget_s=config.budget_s)
        turtle_s, data = _timed(lambda: export(store, "turtle"))
        echo(f"  export turtle: {turtle_s:.1f} s ({len(data) / 1e6:.0f} MB)")
        del data
    finally:
        store.close()
    return {
        "store_triples": triples, "store_claims": claims, "store_load_s": round(load_s, 1),
        "query_p50_ms": {k: v["p50"] for k, v in timings.items()},
        "query_p95_ms": {k: v["p95"] for k, v in timings.items()},
        "export_turtle_s": round(turtle_s, 2),
    }


def bench_memory(config: BenchConfig, echo: Callable[[str], None]) -> dict:
    spec = synth.SynthSpec(synth.articles_for(config.memory_triples))
    dataset = Dataset(default_union=True)
    load_s, _ = _timed(lambda: synth.load_rdflib(dataset, spec, config.workers))
    store = ClaimStore(dataset, "memory", "memory")
    triples = store.triple_count()
    echo(f"memory: rdflib Memory store, {triples} triples (loaded in {load_s:.1f} s)")
    timings = query_bench.time_queries(store, max(3, config.reps // 4), echo,
                                       budget_s=config.budget_s)
    return {"memory_store_triples": triples, "memory_store_load_s": round(load_s, 1),
            "memory_store_query_p50_ms": {k: v["p50"] for k, v in timings.items()}}


def run_bench(config: BenchConfig, echo: Callable[[str], None] = print) -> dict:
    info = machine()
    echo(f"machine: {info['nproc']} CPUs, {info['cpu']}, {info['ram_gb']} GB RAM, "
         f"Python {info['python']}")
    owned = config.work_dir is None
    work = Path(tempfile.mkdtemp(prefix="claimgraph-bench-")) if owned else config.work_dir
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    result: dict = {"quick": config.quick, "machine": info}
    try:
        result.update(bench_ingest(config, work, echo))
        result["stage_ms_p50"] = stage_ms_p50(config.pages, work)
        echo("  per page, median ms: " + ", ".join(
            f"{stage} {ms}" for stage, ms in result["stage_ms_p50"].items()))
        if config.batch:
            echo(f"batch: {config.batch} synthetic pages, {config.workers} workers")
            result.update(ingest_bench.run_batch(sorted(DEMO.glob("*.html")), config.batch,
                                                 work, config.workers, echo))
            echo(f"  {result['batch_articles_per_s']:.2f} articles/s, "
                 f"{result['batch_failures']} failures")
        result.update(bench_store(config, work, echo))
        result.update(bench_memory(config, echo))
        if result["memory_store_triples"] < result["store_triples"]:
            echo("  (the Memory store is smaller than the Oxigraph store: loading "
                 f"{result['store_triples']} triples into it is too slow for this run)")
    finally:
        if owned:
            shutil.rmtree(work, ignore_errors=True)
    result["peak_rss_mb"] = round(ingest_bench.peak_rss_mb(), 1)
    result["bench_s"] = round(time.perf_counter() - started, 1)
    return result

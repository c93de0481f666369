"""Ingest benchmarks: the full pipeline against trafilatura alone, and a long synthetic batch."""

from __future__ import annotations

import logging
import os
import re
import resource
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import trafilatura

from graph.ingest import Source, decode_html
from graph.pipeline import ItemResult, ingest_sources
from graph.store import open_store

log = logging.getLogger(__name__)

_CANONICAL = re.compile(r'(<link[^>]+rel="canonical"[^>]+href=")([^"]+)(")', re.IGNORECASE)
_OG_URL = re.compile(r'(<meta[^>]+property="og:url"[^>]+content=")([^"]+)(")', re.IGNORECASE)
_PARAGRAPH = re.compile(r"(<p>)", re.IGNORECASE)


def rss_mb() -> float:
    """Current resident set size of this process, in MB."""
    with open("/proc/self/statm", encoding="ascii") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def peak_rss_mb(children: bool = False) -> float:
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def time_trafilatura(pages: list[Path]) -> float:
    """Seconds for ``trafilatura.extract`` alone (read + decode + extract) on the pages."""
    start = time.perf_counter()
    for page in pages:
        html = decode_html(page.read_bytes(), None, str(page))
        trafilatura.extract(html)
    return time.perf_counter() - start


def time_pipeline(pages: list[Path], store_dir: Path, workers: int) -> tuple[float, int, int]:
    """Seconds for the full pipeline into a fresh embedded store; (seconds, ok, failed)."""
    store = open_store(str(store_dir))
    try:
        start = time.perf_counter()
        report = ingest_sources(store, (Source(str(p)) for p in pages), workers=workers)
        elapsed = time.perf_counter() - start
    finally:
        store.close()
    for item in report.failures:
        log.info("bench page failed: %s: %s", item.source, item.error)
    return elapsed, report.articles, len(report.failures)


def synthetic_pages(templates: list[Path], count: int, out_dir: Path) -> Iterator[Source]:
    """Write ``count`` HTML pages made from the templates with distinct canonical URLs and a
    distinct sentence each, lazily (one page on disk per item; the batch streams them)."""
    bodies = [t.read_text(encoding="utf-8") for t in templates]
    out_dir.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        html = bodies[number % len(bodies)]
        url = f"https://batch{number % 97:02d}.example/story/{number:06d}"
        html = _CANONICAL.sub(rf"\g<1>{url}\g<3>", html, count=1)
        html = _OG_URL.sub(rf"\g<1>{url}\g<3>", html, count=1)
        extra = (f"<p>Batch note {number}: the council recorded {number * 7 % 1000} "
                 f"objections, a clerk said.</p>")
        html = _PARAGRAPH.sub(extra + r"\g<1>", html, count=1)
        path = out_dir / f"page-{number:06d}.html"
        path.write_text(html, encoding="utf-8")
        yield Source(str(path))


def run_batch(templates: list[Path], count: int, work: Path, workers: int,
              echo: Callable[[str], None]) -> dict:
    """Ingest ``count`` synthetic pages with a worker pool; sample RSS along the way."""
    samples: list[tuple[int, float]] = []
    done = 0

    def on_item(item: ItemResult) -> None:
        nonlocal done
        done += 1
        if done % max(1, count // 10) == 0:
            samples.append((done, rss_mb()))
            echo(f"  batch {done}/{count}: rss {samples[-1][1]:.0f} MB")

    store = open_store(str(work / "batch-store"))
    try:
        start = time.perf_counter()
        report = ingest_sources(store, synthetic_pages(templates, count, work / "batch-pages"),
                                workers=workers, on_item=on_item)
        elapsed = time.perf_counter() - start
        triples = store.triple_count()
    finally:
        store.close()
    return {
        "batch_articles": report.articles,
        "batch_failures": len(report.failures),
        "batch_articles_per_s": report.articles / elapsed if elapsed else 0.0,
        "batch_store_triples": triples,
        "batch_rss_mb": [[n, round(mb, 1)] for n, mb in samples],
        "batch_workers_peak_rss_mb": round(peak_rss_mb(children=True), 1),
    }

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

from graph.pipeline.batch import ItemResult, ingest_sources
from graph.sources.decode import decode_html
from graph.sources.inputs import Source
from graph.store.open import open_store

log = logging.getLogger(__name__)

_CANONICAL = re.compile(r'(<link[^>]+rel="canonical"[^>]+href=")([^"]+)(")', re.IGNORECASE)
_OG_URL = re.compile(r'(<meta[^>]+property="og:url"[^>]+content=")([^"]+)(")', re.IGNORECASE)
_SITE = re.compile(r'(<meta[^>]+property="og:site_name"[^>]+content=")([^"]+)(")', re.I)
_AUTHOR = re.compile(r'(<meta[^>]+name="author"[^>]+content=")([^"]+)(")', re.I)
_PUBLISHED = re.compile(r'(<meta[^>]+property="article:published_time"[^>]+content=")([^"]+)(")',
                        re.I)
_TITLE = re.compile(r"<title>.*?</title>", re.I | re.S)
_ARTICLE = re.compile(r"<article>.*?</article>", re.I | re.S)


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


def _vocabulary(layouts: list[str]) -> list[str]:
    words = set()
    for layout in layouts:
        text = re.sub(r"<[^>]+>", " ", layout)
        words.update(w.lower() for w in re.findall(r"[A-Za-z]{4,}", text))
    return sorted(words)


def synthetic_page(template: str, number: int, vocabulary: list[str], seed: int = 11) -> str:
    """A demo page's layout (head, navigation, footer) around a synthetic article: its own
    canonical URL, outlet, author and date, and varied body sentences (Zipf entities, words
    drawn from the demo pages), so that pages are not near-copies of each other."""
    import html as html_lib
    import random

    from graph.bench.synth import ENTITIES, ZIPF_S, entity_name, synth_article

    rng = random.Random(seed * 7919 + number)
    art = synth_article(rng, number).article
    weights = [1.0 / (rank**ZIPF_S) for rank in range(1, ENTITIES + 1)]
    sentences = []
    for _ in range(rng.randint(6, 14)):
        who = entity_name(rng.choices(range(ENTITIES), weights=weights)[0])
        words = " ".join(rng.sample(vocabulary, 12))
        said = rng.choice(("", "", ", a spokesperson said", ", officials said"))
        sentences.append(f"{who} {words} {rng.randint(2, 990)} times{said}.")
    esc = html_lib.escape
    paragraphs = "".join(f"<p>{esc(' '.join(sentences[i:i + 3]))}</p>\n"
                         for i in range(0, len(sentences), 3))
    body = (f"<article><h1>{esc(art.title)}</h1><p class=\"byline\">By {esc(art.author or '')}"
            f"</p>\n{paragraphs}</article>")
    page = _ARTICLE.sub(lambda _: body, template, count=1)
    page = _CANONICAL.sub(lambda m: m.group(1) + art.url + m.group(3), page, count=1)
    page = _OG_URL.sub(lambda m: m.group(1) + art.url + m.group(3), page, count=1)
    page = _SITE.sub(lambda m: m.group(1) + art.outlet + m.group(3), page, count=1)
    page = _AUTHOR.sub(lambda m: m.group(1) + (art.author or "") + m.group(3), page, count=1)
    page = _TITLE.sub(lambda _: f"<title>{esc(art.title)}</title>", page, count=1)
    published = art.published.isoformat() if art.published else "2025-01-01"
    return _PUBLISHED.sub(lambda m: m.group(1) + published + "T09:00:00Z" + m.group(3), page,
                          count=1)


def synthetic_pages(templates: list[Path], count: int, out_dir: Path) -> Iterator[Source]:
    """Write ``count`` synthetic pages lazily (one file per item; the batch streams them)."""
    layouts = [t.read_text(encoding="utf-8") for t in templates]
    vocabulary = _vocabulary(layouts)
    layouts = [layout for layout in layouts if _ARTICLE.search(layout)] or layouts
    out_dir.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        path = out_dir / f"page-{number:06d}.html"
        page = synthetic_page(layouts[number % len(layouts)], number, vocabulary)
        path.write_text(page, encoding="utf-8")
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
        "batch_articles_per_s": round(report.articles / elapsed, 2) if elapsed else 0.0,
        "batch_store_triples": triples,
        "batch_rss_mb": [[n, round(mb, 1)] for n, mb in samples],
    }

"""Where one process spends its ingest time: the median milliseconds per real page of each
stage (extract, analyze, rdf, corroborate, store_write), into a fresh embedded store."""

from __future__ import annotations

import statistics
import time
from collections import defaultdict
from pathlib import Path

from graph.analyze.analyzer import analyze
from graph.errors import IngestError
from graph.pipeline.update import (
    corroboration_update_sparql,
    ensure_vocabulary,
    prepare,
    stored_claims,
)
from graph.rdf import ids
from graph.sources.inputs import Source, load_article
from graph.store.open import open_store
from graph.store.side_index import open_index

STAGES = ("extract", "analyze", "rdf", "corroborate", "store_write")


def stage_ms_p50(pages: list[Path], work: Path) -> dict[str, float]:
    """Median per page of each stage; pages that fail to extract are left out."""
    samples: dict[str, list[float]] = defaultdict(list)
    with open_store(str(work / "stages-store")) as store:
        ensure_vocabulary(store)
        index = open_index(store)
        try:
            for page in pages:
                marks = [time.perf_counter()]
                try:
                    article = load_article(Source(str(page)))
                except IngestError:
                    continue
                marks.append(time.perf_counter())
                analyzed = analyze(article)
                marks.append(time.perf_counter())
                prepared = prepare(analyzed)
                marks.append(time.perf_counter())
                previous = stored_claims(store, article.url)
                update = index.add(analyzed)
                marks.append(time.perf_counter())
                current = {str(ids.claim_iri(c.article_url, c.start, c.end))
                           for c in analyzed.claims}
                affected = previous | current | update.affected | update.removed_claims
                sparql = prepared.article_sparql + corroboration_update_sparql(
                    index, affected | set(update.statuses), update)
                store.update(sparql.rstrip().rstrip(";"))
                marks.append(time.perf_counter())
                for stage, a, b in zip(STAGES, marks, marks[1:], strict=False):
                    samples[stage].append(1000 * (b - a))
        finally:
            index.close()
    return {stage: round(statistics.median(samples[stage]), 2) if samples[stage] else 0.0
            for stage in STAGES}

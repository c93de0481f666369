"""Where one process spends its ingest time: milliseconds per article for each stage, on the
real pages (../shared/eval/news-html/html) and the demo corpus, into a fresh embedded store.

    .venv/bin/python scripts/bench_ingest_stages.py
"""

from __future__ import annotations

import json
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import trafilatura

from graph.analyze.analyzer import analyze
from graph.bench import DEMO
from graph.errors import IngestError
from graph.pipeline.update import (
    corroboration_update_sparql,
    ensure_vocabulary,
    prepare,
    stored_claims,
)
from graph.rdf import ids
from graph.sources.decode import decode_html
from graph.sources.inputs import Source, load_article
from graph.store.open import open_store
from graph.store.side_index import open_index
from graph.ui.navigation import PAGES


def main() -> None:
    pages = sorted(PAGES.glob("*.html")) + sorted(DEMO.glob("*.html"))
    ms: dict[str, float] = defaultdict(float)
    started = time.perf_counter()
    for page in pages:
        trafilatura.extract(decode_html(page.read_bytes(), None, str(page)))
    ms["trafilatura alone"] = time.perf_counter() - started
    articles = 0
    with tempfile.TemporaryDirectory() as work, open_store(str(Path(work) / "s")) as store:
        ensure_vocabulary(store)
        index = open_index(store)
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
            current = {str(ids.claim_iri(c.article_url, c.start, c.end)) for c in analyzed.claims}
            affected = previous | current | update.affected | update.removed_claims
            sparql = prepared.article_sparql + corroboration_update_sparql(
                index, affected | set(update.statuses), update)
            store.update(sparql.rstrip().rstrip(";"))
            marks.append(time.perf_counter())
            articles += 1
            for stage, a, b in zip(("extract", "analyze", "rdf", "corroborate", "store"),
                                   marks, marks[1:], strict=False):
                ms[stage] += b - a
        index.close()
    result = {stage: round(1000 * seconds / len(pages if stage.startswith("traf") else
                                                     range(articles)), 1)
              for stage, seconds in ms.items()}
    for stage, value in result.items():
        print(f"{stage:18s} {value:7.1f} ms/article")
    print(json.dumps({"articles": articles, "ms_per_article": result}))


if __name__ == "__main__":
    main()

"""kill -9 in the middle of a batch ingest: every article is whole or absent; a rerun finishes."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from graph.analyze.analyzer import analyze
from graph.rdf import ids
from graph.sources.inputs import Source, load_article
from graph.store.open import open_store
from tests.conftest import DEMO

COPIES = 40
CLAIMGRAPH = str(Path(sys.executable).parent / "claimgraph")


def make_corpus(folder: Path) -> dict[str, tuple[str, set[str]]]:
    """~40 demo pages under new canonical URLs; returns URL -> (text hash, claim IRIs)."""
    folder.mkdir()
    pages = sorted(DEMO.glob("*.html"))
    expected: dict[str, tuple[str, set[str]]] = {}
    for i in range(COPIES):
        page = pages[i % len(pages)]
        html = page.read_text(encoding="utf-8")
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html)
        assert canonical, page
        url = f"{canonical.group(1)}-copy{i:02d}"
        path = folder / f"{i:02d}-{page.name}"
        path.write_text(html.replace(canonical.group(1), url), encoding="utf-8")
        article = load_article(Source(str(path)))
        assert article.url == url
        claims = {str(ids.claim_iri(c.article_url, c.start, c.end))
                  for c in analyze(article).claims}
        expected[url] = (article.text_hash, claims)
    return expected


def stored(store_dir: Path) -> dict[str, tuple[str | None, set[str]]]:
    """URL -> (stored text hash, claim IRIs in its graph) for every article graph present."""
    store = open_store(str(store_dir))
    try:
        rows = store.select("""SELECT ?g ?url ?hash WHERE { GRAPH ?g {
            ?a a <http://schema.org/NewsArticle> ; <http://schema.org/url> ?url .
            OPTIONAL { ?a <http://purl.org/dc/terms/identifier> ?hash } } }""")
        claims = store.select("""SELECT ?g ?c WHERE { GRAPH ?g {
            ?c a <http://schema.org/Claim> } }""")
    finally:
        store.close()
    by_graph: dict[str, set[str]] = {}
    for row in claims:
        by_graph.setdefault(row["g"], set()).add(row["c"])
    return {row["url"]: (row["hash"], by_graph.get(row["g"], set())) for row in rows}


def test_kill_during_batch_ingest(tmp_path: Path) -> None:
    expected = make_corpus(tmp_path / "pages")
    store_dir = tmp_path / "store"
    command = [CLAIMGRAPH, "ingest", str(tmp_path / "pages"), "--store", str(store_dir)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seen: list[bytes] = []

    def drain() -> None:
        assert process.stderr is not None
        while chunk := process.stderr.read1(4096):  # type: ignore[attr-defined]
            seen.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    deadline = time.monotonic() + 240
    done = 0
    while time.monotonic() < deadline and process.poll() is None:
        counts = re.findall(rb"(\d+)/%d" % COPIES, b"".join(seen))
        done = int(counts[-1]) if counts else 0
        if done >= 5:
            break
        time.sleep(0.05)
    assert process.poll() is None, "the batch finished before it could be killed"
    time.sleep(0.3)  # land somewhere inside the next article's work or write
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    assert process.returncode == -signal.SIGKILL
    assert 5 <= done < COPIES

    after_kill = stored(store_dir)  # the store opens
    assert 5 <= len(after_kill) < COPIES, len(after_kill)
    for url, (text_hash, claims) in after_kill.items():
        assert url in expected, url
        want_hash, want_claims = expected[url]
        assert text_hash == want_hash, f"{url}: half-written (no or wrong text hash)"
        assert claims == want_claims, f"{url}: half-written claims"

    rerun = subprocess.run([*command, "--quiet"], capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.strip().startswith(f"{COPIES} articles"), rerun.stdout
    assert "0 failures" in rerun.stdout
    final = stored(store_dir)
    assert set(final) == set(expected)
    for url, (text_hash, claims) in final.items():
        assert (text_hash, claims) == expected[url], url


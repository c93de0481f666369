"""Ingest: upload HTML files or paste URLs; per-item results; the graph refreshes."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from graph.fetch import FetchPolicy
from graph.ingest import Source, is_url
from graph.pipeline import ItemResult, ingest_sources
from graph.ui.common import Ctx, refresh

ALLOW_PRIVATE_ENV = "CLAIMGRAPH_ALLOW_PRIVATE"
RESULTS = "ingest_results"


def allow_private() -> bool:
    return os.environ.get(ALLOW_PRIVATE_ENV, "").strip().lower() in ("1", "true", "yes")


def _write_uploads(files: list, folder: Path) -> dict[str, str]:
    """Save uploads under ``folder`` at a path named by their content, so uploading the same
    page again is recognised as the same article; returns saved path -> the uploaded name."""
    names: dict[str, str] = {}
    for number, upload in enumerate(files):
        data = upload.getvalue()
        safe = Path(upload.name).name or f"upload-{number}.html"
        path = folder / hashlib.sha256(data).hexdigest()[:20] / safe
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        names[str(path)] = upload.name
    return names


def upload_folder(ctx: Ctx) -> Path:
    """Kept uploads: beside the store when it is on disk, else in the temporary directory."""
    side = ctx.store.side_dir
    return (side if side is not None else Path(tempfile.gettempdir())) / "claimgraph-uploads"


def item_outcome(item: ItemResult) -> str:
    """The "result" column of one ingested item."""
    if not item.ok:
        return item.error
    outcome = "unchanged, skipped" if item.skipped else f"ok: {item.url}"
    if item.unanalysed_language:
        outcome += f" (language {item.unanalysed_language} not supported: not analysed)"
    return outcome


def _run(ctx: Ctx, files: list, urls: list[str], refused: list[str]) -> list[dict]:
    results = [{"item": line, "ok": False, "claims": 0, "result": "not an http(s) URL"}
               for line in refused]
    names = _write_uploads(files, upload_folder(ctx))
    sources = [Source(path) for path in names] + [Source(url) for url in urls]
    bar = st.progress(0.0, text="Ingesting…")

    def on_item(item: ItemResult) -> None:
        done = len(results) - len(refused) + 1
        label = names.get(item.source, item.source)
        results.append({"item": label, "ok": item.ok, "claims": item.claims,
                        "result": item_outcome(item)})
        bar.progress(done / max(1, len(sources)), text=f"{done}/{len(sources)}: {label}")

    with ctx.lock:
        ingest_sources(ctx.store, sources, FetchPolicy(allow_private=allow_private()),
                       on_item=on_item)
    bar.progress(1.0, text="Done")
    refresh()
    return results


def render(ctx: Ctx) -> None:
    st.title("Ingest")
    st.caption("Add articles: upload saved HTML pages or paste URLs (one a line). "
               + ("Private and loopback addresses are allowed by the operator."
                  if allow_private() else "Private and loopback addresses are refused."))
    files = st.file_uploader("HTML files", type=["html", "htm", "xhtml"],
                             accept_multiple_files=True, key="ingest_files")
    text = st.text_area("URLs", key="ingest_urls", height=110,
                        placeholder="https://example.org/news/story.html")
    if st.button("Ingest", key="ingest_run", type="primary"):
        lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
        urls = [line for line in lines if is_url(line)]
        refused = [line for line in lines if not is_url(line)]
        if not files and not lines:
            st.warning("Upload a file or paste a URL first.")
        else:
            st.session_state[RESULTS] = _run(ctx, list(files or []), urls, refused)
    results = st.session_state.get(RESULTS)
    if results:
        good = sum(1 for r in results if r["ok"])
        message = f"{good} of {len(results)} items ingested, " \
                  f"{sum(r['claims'] for r in results)} claims."
        (st.success if good == len(results) else st.warning)(message)
        st.dataframe(pd.DataFrame(results), hide_index=True, key="ingest_table")

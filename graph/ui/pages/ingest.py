"""Ingest: upload HTML or .txt files or paste URLs, optionally saying the one article's URL,
title, outlet, author and date; per-item results; the graph refreshes."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import graph
from graph.model import GivenMetadata
from graph.sources.fetch import FetchPolicy
from graph.sources.inputs import Source, with_given
from graph.sources.urls import is_url
from graph.ui.context import Ctx, current, refresh
from graph.ui.uploads import (
    allow_private,
    given_metadata,
    item_outcome,
    upload_folder,
    write_uploads,
)

RESULTS = "ingest_results"


def _run(ctx: Ctx, files: list, urls: list[str], refused: list[str],
         given: GivenMetadata | None) -> list[dict]:
    results = [{"item": line, "ok": False, "claims": 0, "result": "not an http(s) URL"}
               for line in refused]
    names = write_uploads(files, upload_folder(ctx))
    try:
        sources = with_given([Source(path) for path in names] + [Source(url) for url in urls],
                             given)
    except graph.IngestError as exc:
        return results + [{"item": "about this article", "ok": False, "claims": 0,
                           "result": exc.reason}]
    bar = st.progress(0.0, text="Ingesting…")

    def on_item(item: graph.ItemResult) -> None:
        done = len(results) - len(refused) + 1
        label = names.get(item.source, item.source)
        results.append({"item": label, "ok": item.ok, "claims": item.claims,
                        "result": item_outcome(item)})
        bar.progress(done / max(1, len(sources)), text=f"{done}/{len(sources)}: {label}")

    with ctx.lock:
        graph.ingest(ctx.store, sources, policy=FetchPolicy(allow_private=allow_private()),
                     on_item=on_item)
    bar.progress(1.0, text="Done")
    refresh()
    return results


def render(ctx: Ctx) -> None:
    st.title("Ingest")
    st.caption("Add articles: upload saved HTML pages or paste URLs (one a line). "
               + ("Private and loopback addresses are allowed by the operator."
                  if allow_private() else "Private and loopback addresses are refused."))
    files = st.file_uploader("HTML or text files (text: paragraphs separated by blank lines)",
                             type=["html", "htm", "xhtml", "txt"],
                             accept_multiple_files=True, key="ingest_files")
    text = st.text_area("URLs", key="ingest_urls", height=110,
                        placeholder="https://example.org/news/story.html")
    with st.expander("About this article (optional, one upload or URL)"):
        fields = {
            "url": st.text_input("Its URL", key="ingest_given_url"),
            "title": st.text_input("Title", key="ingest_given_title"),
            "outlet": st.text_input("Outlet", key="ingest_given_outlet"),
            "author": st.text_input("Author", key="ingest_given_author"),
            "published": st.date_input("Published", value=None, key="ingest_given_published"),
        }
        keep_name = st.checkbox("Record the file's name (dcterms:source)", key="ingest_keep_name")
    if st.button("Ingest", key="ingest_run", type="primary"):
        lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
        urls = [line for line in lines if is_url(line)]
        refused = [line for line in lines if not is_url(line)]
        uploads = list(files or [])
        try:
            given = given_metadata(**fields, file_name=uploads[0].name
                                   if keep_name and len(uploads) == 1 else None)
        except ValueError as exc:
            given = None
            st.error(str(exc))
        if not uploads and not lines:
            st.warning("Upload a file or paste a URL first.")
        elif given is not None or not any(fields.values()):
            st.session_state[RESULTS] = _run(ctx, uploads, urls, refused, given)
    results = st.session_state.get(RESULTS)
    if results:
        good = sum(1 for r in results if r["ok"])
        message = f"{good} of {len(results)} items ingested, " \
                  f"{sum(r['claims'] for r in results)} claims."
        (st.success if good == len(results) else st.warning)(message)
        st.dataframe(pd.DataFrame(results), hide_index=True, key="ingest_table")


if __name__ == "__main__":  # run by st.navigation; importing it draws nothing
    render(current())

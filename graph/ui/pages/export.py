"""Export: the whole graph or the current claims filter, as RDF, ClaimReview JSON-LD or CSV."""

from __future__ import annotations

from dataclasses import asdict

import streamlit as st

import graph
from graph.queries.export import file_suffix, media_type
from graph.queries.filters import ClaimFilter
from graph.ui.context import Ctx, current
from graph.ui.widgets import CURRENT_FILTER

FORMAT_LABELS = {
    "turtle": "Turtle",
    "trig": "TriG (named graphs)",
    "jsonld": "JSON-LD (named graphs)",
    "nt": "N-Triples",
    "nquads": "N-Quads (named graphs)",
    "claimreview": "ClaimReview JSON-LD",
    "csv": "CSV (one row per claim)",
}
SCOPES = {"all": "Whole graph", "filter": "Claims matching the current Claims filter"}
PREPARED = "export_prepared"


def describe(flt: ClaimFilter) -> str:
    parts = [f"{k.replace('_', ' ')} = {v}" for k, v in asdict(flt).items() if v]
    return "; ".join(parts) or "no filter (all claims)"


def render(ctx: Ctx) -> None:
    st.title("Export")
    flt: ClaimFilter | None = st.session_state.get(CURRENT_FILTER)
    scope = st.radio("What", list(SCOPES), format_func=SCOPES.__getitem__, key="export_scope",
                     horizontal=True)
    if scope == "filter":
        st.text("Current filter: " + describe(flt or ClaimFilter()))
    fmt = st.selectbox("Format", list(FORMAT_LABELS), format_func=FORMAT_LABELS.__getitem__,
                       key="export_format")
    chosen = flt if scope == "filter" and flt is not None else None
    wanted = (fmt, scope, repr(chosen))
    if st.button("Prepare export", key="export_prepare", type="primary"):
        with st.spinner("Serialising…"):
            data = graph.export(ctx.store, fmt, chosen if scope == "filter" else None)
        st.session_state[PREPARED] = (wanted, data)
    prepared = st.session_state.get(PREPARED)
    if prepared and prepared[0] == wanted:
        data = prepared[1]
        st.caption(f"{len(data):,} bytes")
        st.download_button(f"Download {FORMAT_LABELS[fmt]}", data,
                           file_name="claimgraph" + file_suffix(fmt), mime=media_type(fmt),
                           key="export_download")


if __name__ == "__main__":  # run by st.navigation; importing it draws nothing
    render(current())

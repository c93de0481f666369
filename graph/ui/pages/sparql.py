"""SPARQL: a read-only console with example queries; results as a table, CSV and JSON."""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from graph.queries.console import EXAMPLE_QUERIES, QueryRefused, run_query
from graph.ui.context import Ctx, current

MAX_ROWS = 1000
TIMEOUT_S = 10.0


def _load_example() -> None:
    name = st.session_state.get("sparql_example")
    if name in EXAMPLE_QUERIES:
        st.session_state["sparql_query"] = EXAMPLE_QUERIES[name]


def render(ctx: Ctx) -> None:
    st.title("SPARQL")
    st.caption(f"Read-only: SELECT, ASK, CONSTRUCT and DESCRIBE; at most {MAX_ROWS} rows and "
               f"{TIMEOUT_S:g} s. The standard prefixes (schema, prov, oa, cito, ckg, …) are "
               "added for you.")
    if "sparql_query" not in st.session_state:
        st.session_state["sparql_query"] = next(iter(EXAMPLE_QUERIES.values()))
    st.selectbox("Examples", list(EXAMPLE_QUERIES), index=None, key="sparql_example",
                 placeholder="Load an example query…", on_change=_load_example)
    st.text_area("Query", key="sparql_query", height=260)
    if not st.button("Run query", key="sparql_run", type="primary"):
        return
    try:
        result = run_query(ctx.store, st.session_state["sparql_query"], max_rows=MAX_ROWS,
                           timeout_s=TIMEOUT_S)
    except QueryRefused as exc:
        st.error(str(exc))
        return
    note = " (truncated)" if result.truncated else ""
    st.success(f"{len(result.rows)} rows{note} in {result.seconds:.2f} s")
    frame = pd.DataFrame(result.rows, columns=result.columns).map(
        lambda v: "" if v is None else str(v))
    st.dataframe(frame, hide_index=True, key="sparql_result")
    left, right = st.columns(2)
    left.download_button("Download CSV", frame.to_csv(index=False).encode("utf-8"),
                         file_name="query.csv", mime="text/csv", key="sparql_csv")
    right.download_button(
        "Download JSON",
        json.dumps(result.rows, ensure_ascii=False, indent=2, default=str).encode("utf-8"),
        file_name="query.json", mime="application/json", key="sparql_json")


if __name__ == "__main__":  # run by st.navigation; importing it draws nothing
    render(current())

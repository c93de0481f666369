"""Widgets the pages share: tables of claims, "open ..." choosers, status metrics, HTML frames,
and widget state that survives page switches."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd
import streamlit as st

import graph
from graph.model import Status
from graph.queries.claims import status_counts_where
from graph.queries.filters import ClaimFilter
from graph.ui.context import Ctx
from graph.ui.html import HIGHLIGHT_CSS, short, status_pill
from graph.ui.navigation import go, switch

STATUSES: tuple[str, ...] = tuple(s.value for s in Status)
SECTION_LIMIT = 200  # claims listed on an entity or outlet page


def nav_button(label: str, page: str, key: str, help: str | None = None, **params: str) -> None:
    st.button(label, key=key, on_click=go, args=(page,), kwargs=params, help=help)


def open_selected(key: str, page: str, param_name: str) -> None:
    """on_change callback of an "open ..." selectbox: navigate to the chosen item."""
    label = st.session_state.get(key)
    value = st.session_state.get(f"{key}__values", {}).get(label)
    if value:
        go(page, **{param_name: value})


def opener(label: str, options: list[str], key: str, page: str, param_name: str,
           format_func: Callable[[str], str] = str) -> None:
    """A selectbox that opens the chosen item's page.

    The widget's options are the shown labels (made unique), mapped back to the items here:
    the browser reports the label, and two items may format alike.
    """
    values: dict[str, str] = {}
    for option in options:
        shown = format_func(option)
        while shown in values:
            shown += "\u200b"  # an invisible mark keeps look-alike labels apart
        values[shown] = option
    st.session_state[f"{key}__values"] = values
    st.selectbox(label, list(values), index=None, key=key,
                 placeholder="Choose one to open…", on_change=open_selected,
                 args=(key, page, param_name))


def remember(key: str, default: Any) -> None:
    """Restore a widget's value saved by :func:`keep` (Streamlit forgets unmounted widgets)."""
    if key not in st.session_state:
        st.session_state[key] = st.session_state.get("_kept_" + key, default)


def keep(*keys: str) -> None:
    for key in keys:
        if key in st.session_state:
            st.session_state["_kept_" + key] = st.session_state[key]


def embed_html(page: str, height: int) -> None:
    """Show a self-contained HTML page (built by graph.ui.network) in an iframe."""
    if hasattr(st, "iframe"):
        st.iframe(page, height=height)
    else:  # Streamlit before st.iframe
        import streamlit.components.v1 as components

        components.html(page, height=height)


def inject_css() -> None:
    st.markdown(HIGHLIGHT_CSS, unsafe_allow_html=True)


def pill(status: str) -> None:
    st.markdown(status_pill(status), unsafe_allow_html=True)


def status_metrics(counts: Mapping[str, int]) -> None:
    columns = st.columns(len(STATUSES))
    for column, status in zip(columns, STATUSES, strict=True):
        column.metric(status.capitalize(), counts.get(status, 0))


def claims_frame(records: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "status": [r["status"] for r in records],
            "claim": [r["text"] for r in records],
            "outlet": [r["outlet"] for r in records],
            "published": [r["published"] for r in records],
            "source": [r["source"] or "" for r in records],
            "entities": [", ".join(r["entities"]) for r in records],
            "confirmations": [len(r["confirmed_by"]) for r in records],
            "disputes": [len(r["disputed_by"]) for r in records],
        }
    )


CLAIM_COLUMNS = {
    "status": st.column_config.TextColumn("Status", width="small"),
    "claim": st.column_config.TextColumn("Claim", width="large"),
    "outlet": st.column_config.TextColumn("Outlet", width="medium"),
    "published": st.column_config.TextColumn("Published", width="small"),
    "source": st.column_config.TextColumn("Source", width="small"),
    "entities": st.column_config.TextColumn("Entities", width="medium"),
    "confirmations": st.column_config.NumberColumn("Conf.", width="small"),
    "disputes": st.column_config.NumberColumn("Disp.", width="small"),
}


def claims_table(records: list[dict], key: str) -> None:
    """The claims as a table; selecting a row, or choosing below, opens the claim page."""
    if not records:
        st.info("No claims match.")
        return
    event = st.dataframe(
        claims_frame(records), key=f"{key}_table", hide_index=True, on_select="rerun",
        selection_mode="single-row", column_config=CLAIM_COLUMNS,
        height=min(38 + 35 * len(records), 560),
    )
    rows = getattr(getattr(event, "selection", None), "rows", None) or []
    if rows and 0 <= rows[0] < len(records):
        switch("claim", id=records[rows[0]]["id"])
    labels = {r["id"]: f"[{r['status']}] {short(r['text'])} — {r['outlet']}" for r in records}
    opener("Open a claim", list(labels), f"{key}_open", "claim", "id", labels.__getitem__)


def claims_section(ctx: Ctx, flt: ClaimFilter, key: str) -> None:
    """Status counts and the (first 200) matching claims."""
    status_metrics(status_counts_where(ctx.store, flt))
    claims_table(graph.claims(ctx.store, flt, sort="newest", limit=SECTION_LIMIT), key=key)


#: Session key of the last filter applied here (the Export page offers it).
CURRENT_FILTER = "current_claim_filter"

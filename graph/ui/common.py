"""What every page shares: the store context, URL navigation, cached reads, claim tables."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from graph import queries, queries_ui
from graph.model import Status
from graph.store import ClaimStore
from graph.ui.html import HIGHLIGHT_CSS, status_pill

log = logging.getLogger(__name__)

STATUSES: tuple[str, ...] = tuple(s.value for s in Status)
PAGES: dict[str, str] = {
    "overview": "Overview",
    "claims": "Claims",
    "claim": "Claim",
    "entity": "Entities",
    "outlet": "Outlets",
    "graph": "Graph",
    "sparql": "SPARQL",
    "review": "Review",
    "ingest": "Ingest",
    "export": "Export",
}
#: The query parameter that names the item a page shows (shareable URLs).
ITEM_PARAM: dict[str, str] = {"claim": "id", "entity": "name", "outlet": "domain", "review": "id"}


@dataclass(frozen=True)
class Ctx:
    """What a page needs: the open store, its spec (cache key) and the write lock."""

    store: ClaimStore
    spec: str
    lock: threading.Lock


# --- navigation: the URL is the single source of truth -----------------------------------------

def current_page() -> str:
    page = st.query_params.get("page", "overview")
    return page if page in PAGES else "overview"


def param(name: str) -> str | None:
    value = st.query_params.get(name)
    return value.strip() if isinstance(value, str) and value.strip() else None


LAST_ITEM = "_last_item"


def go(page: str, **params: str) -> None:
    """Point the URL at a page (usable as a widget callback); one URL update."""
    target = {"page": page, **{k: v for k, v in params.items() if v}}
    if ITEM_PARAM.get(page) in target:
        st.session_state.setdefault(LAST_ITEM, {})[page] = target
    st.query_params.from_dict(target)


def restore_item(page: str) -> None:
    """An item page without its item (sidebar click, or a rerun that reported a stale URL)
    reopens the item last opened on that page in this session."""
    name = ITEM_PARAM.get(page)
    last = st.session_state.get(LAST_ITEM, {}).get(page)
    if name and last and not param(name):
        st.query_params.from_dict(last)


def page_url(page: str, **params: str) -> str:
    from urllib.parse import urlencode

    return "?" + urlencode({"page": page, **params})


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


# --- widget state that survives page switches -------------------------------------------------

def remember(key: str, default: Any) -> None:
    """Restore a widget's value saved by :func:`keep` (Streamlit forgets unmounted widgets)."""
    if key not in st.session_state:
        st.session_state[key] = st.session_state.get("_kept_" + key, default)


def keep(*keys: str) -> None:
    for key in keys:
        if key in st.session_state:
            st.session_state["_kept_" + key] = st.session_state[key]


# --- cached reads (cleared after every write) -------------------------------------------------

@st.cache_data(show_spinner=False, ttl=600)
def facets(spec: str, _store: ClaimStore) -> dict[str, list[str]]:
    return queries.facet_values(_store)


@st.cache_data(show_spinner=False, ttl=600)
def status_counts(spec: str, _store: ClaimStore) -> dict[str, int]:
    return queries.status_counts(_store)


@st.cache_data(show_spinner=False, ttl=600)
def outlets(spec: str, _store: ClaimStore) -> list[dict]:
    return queries_ui.top_outlets(_store, limit=None)


@st.cache_data(show_spinner=False, ttl=600)
def entities(spec: str, _store: ClaimStore) -> list[dict]:
    return queries_ui.top_entities(_store, limit=None)


def refresh() -> None:
    """Forget cached reads after a write (ingest, review)."""
    st.cache_data.clear()


# --- drawing ----------------------------------------------------------------------------------

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


def short(text: object, limit: int = 90) -> str:
    value = " ".join(str(text or "").split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


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
        go("claim", id=records[rows[0]]["id"])
        st.rerun()
    labels = {r["id"]: f"[{r['status']}] {short(r['text'])} — {r['outlet']}" for r in records}
    opener("Open a claim", list(labels), f"{key}_open", "claim", "id", labels.__getitem__)

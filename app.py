"""claimgraph's workbench: the Streamlit entry point (navigation and page mounting only).

Run with ``streamlit run app.py``; the store is $CLAIMGRAPH_STORE (default data/store).
"""

from __future__ import annotations

import logging
import threading

import streamlit as st

from graph.store import ClaimStore, StoreError, open_store, store_spec
from graph.ui import pages
from graph.ui.common import PAGES, Ctx, current_page, go, inject_css, restore_item
from graph.ui.html import esc

log = logging.getLogger("claimgraph.app")


@st.cache_resource(show_spinner="Opening the store…")
def _open(spec: str) -> ClaimStore:
    """One store per process: the embedded Oxigraph store takes a lock."""
    return open_store(spec)


@st.cache_resource
def _write_lock(spec: str) -> threading.Lock:
    return threading.Lock()


def _navigate() -> None:
    """The sidebar changed page; a report of the page we are on must keep its parameters."""
    if st.session_state["nav"] != current_page():
        go(st.session_state["nav"])


def main() -> None:
    st.set_page_config(page_title="claimgraph", page_icon="🔎", layout="wide")
    inject_css()
    page = current_page()
    restore_item(page)
    st.session_state["nav"] = page
    with st.sidebar:
        st.markdown("## claimgraph")
        st.caption("Who said it, who copied it, who confirmed it.")
        st.radio("Go to", list(PAGES), key="nav", format_func=PAGES.__getitem__,
                 on_change=_navigate, label_visibility="collapsed")
    spec = store_spec()
    try:
        store = _open(spec)
    except StoreError as exc:
        st.error(str(exc))
        st.stop()
        return  # st.stop() is a no-op outside a Streamlit run
    with st.sidebar:
        st.caption("Store: " + esc(spec))
    pages.render(page, Ctx(store, spec, _write_lock(spec)))


main()

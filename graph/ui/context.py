"""What every page works on: the store the user named, opened once per process, and its lock."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import streamlit as st

from graph.errors import StoreError
from graph.store.claim_store import ClaimStore
from graph.store.open import open_store, store_spec


@dataclass(frozen=True)
class Ctx:
    """What a page needs: the open store, its spec (cache key) and the write lock."""

    store: ClaimStore
    spec: str
    lock: threading.Lock


@st.cache_resource(show_spinner="Opening the store…")
def _open(spec: str) -> ClaimStore:
    """One store per process: the embedded Oxigraph store takes a lock."""
    return open_store(spec)


@st.cache_resource
def _write_lock(spec: str) -> threading.Lock:
    return threading.Lock()


def current() -> Ctx:
    """The store of this app ($CLAIMGRAPH_STORE); a store that cannot be opened stops the page
    with its one-line reason."""
    spec = store_spec()
    try:
        store = _open(spec)
    except StoreError as exc:
        st.error(str(exc))
        st.stop()
        raise  # st.stop() returns outside a Streamlit run
    return Ctx(store, spec, _write_lock(spec))


def refresh() -> None:
    """Forget cached reads after a write (ingest, review)."""
    st.cache_data.clear()

"""What every page works on: the store the user named, and how a page writes to it.

An embedded store is read through a read-only handle, reopened when the store's files change
(an ingest by the CLI, or the app's own write), so the CLI can write while the app is open and
the app shows the new articles on its next run. A page that writes opens the store for writing
for that write only (:func:`writing`); other stores are one handle for both.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from graph.errors import StoreError
from graph.store.claim_store import ClaimStore
from graph.store.embedded import STORE_MARKERS
from graph.store.open import open_store, store_spec

#: seconds a write waits for another process (an ingest) to let go of an embedded store
WRITE_WAIT_S = 60.0
#: RocksDB's own log files, which a reader may touch: not a change of the data
_LOGS = ("LOG",)


@dataclass(frozen=True)
class Ctx:
    """What a page needs: the open store, its spec (cache key) and the write lock."""

    store: ClaimStore
    spec: str
    lock: threading.Lock


def _signature(path: Path) -> tuple:
    """What changes when a process writes to an embedded store (its WAL, SST and manifest
    files, and the side index beside them)."""
    try:
        entries = sorted(path.iterdir())
    except OSError:
        return ()
    return tuple((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in entries
                 if e.is_file() and not e.name.startswith(_LOGS))


@dataclass
class _Reader:
    """The store this app reads; for an embedded store, reopened read-only on a change."""

    spec: str
    store: ClaimStore | None = None
    signature: tuple = ()
    guard: threading.Lock = field(default_factory=threading.Lock)

    def embedded(self) -> Path | None:
        return None if self.spec == "memory" or self.spec.startswith("sparql:") \
            else Path(self.spec)

    def current(self) -> ClaimStore:
        with self.guard:
            path = self.embedded()
            if path is None:
                if self.store is None:
                    self.store = open_store(self.spec)
                return self.store
            signature = _signature(path)
            if self.store is None or signature != self.signature:
                if not any((path / marker).exists() for marker in STORE_MARKERS):
                    open_store(self.spec).close()  # a new store: made once, empty
                    signature = _signature(path)
                # the old handle stays usable for a page still reading it; Python frees it
                self.store = open_store(self.spec, create=False, read_only=True)
                if self.signature:
                    st.cache_data.clear()  # cached reads were of the old state
                self.signature = signature
            return self.store


@st.cache_resource(show_spinner="Opening the store…")
def _reader(spec: str) -> _Reader:
    return _Reader(spec)


@st.cache_resource
def _write_lock(spec: str) -> threading.Lock:
    return threading.Lock()


def current() -> Ctx:
    """The store of this app ($CLAIMGRAPH_STORE); a store that cannot be opened stops the page
    with its one-line reason."""
    spec = store_spec()
    try:
        store = _reader(spec).current()
    except StoreError as exc:
        st.error(str(exc))
        st.stop()
        raise  # st.stop() returns outside a Streamlit run
    return Ctx(store, spec, _write_lock(spec))


@contextmanager
def writing(ctx: Ctx) -> Iterator[ClaimStore]:
    """The store to write to, for one write of this app (one at a time); reads are refreshed
    after it. An embedded store is held for writing only for the ``with`` block."""
    with ctx.lock:
        try:
            if ctx.store.kind != "oxigraph":
                yield ctx.store
            else:
                with open_store(ctx.spec, wait=WRITE_WAIT_S) as store:
                    yield store
        finally:
            refresh()


def refresh() -> None:
    """Forget cached reads after a write (ingest, review)."""
    st.cache_data.clear()

"""The corroboration side index of a store: a SQLite file beside an embedded store, in the cache
for a remote one, in memory for the in-memory store."""

from __future__ import annotations

from graph.corroborate.index import CorroborationIndex
from graph.store.claim_store import ClaimStore
from graph.store.locks import writer_lock

INDEX_FILE = "corroboration.sqlite"


class _AttachedIndex(CorroborationIndex):
    """An in-memory index that lives as long as its in-memory store; ``close`` keeps it."""

    def close(self) -> None:
        return None

    def release(self) -> None:
        super().close()


def open_index(store: ClaimStore) -> CorroborationIndex:
    """The store's corroboration side index (callers close it when done).

    On disk next to an embedded store, or in the cache for a remote one; an in-memory store
    keeps one in-memory index for its lifetime, so that successive batches see each other.
    """
    if store.side_dir is not None:
        with writer_lock(store):  # two processes creating one SQLite file: "database is locked"
            return CorroborationIndex.open(store.side_dir / INDEX_FILE)
    index = store.attached.get("index")
    if index is None:
        index = store.attached["index"] = _AttachedIndex.open(None)
    return index

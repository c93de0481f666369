"""The corroboration side index of a store: a SQLite file beside an embedded store, in the cache
for a remote one, in memory for the in-memory store."""

from __future__ import annotations

from graph.corroborate.index import CorroborationIndex
from graph.errors import StoreError
from graph.store.claim_store import ClaimStore
from graph.store.locks import writer_lock
from graph.store.remote import remote_side_dir

INDEX_FILE = "corroboration.sqlite"


class _AttachedIndex(CorroborationIndex):
    """An in-memory index that lives as long as its in-memory store; ``close`` keeps it."""

    def close(self) -> None:
        return None

    def release(self) -> None:
        super().close()


def open_index(store: ClaimStore, write: bool = True) -> CorroborationIndex:
    """The store's corroboration side index (callers close it when done).

    On disk next to an embedded store, or in the cache for a remote one; an in-memory store
    keeps one in-memory index for its lifetime, so that successive batches see each other.
    For a write the store must be writable (:class:`ReadOnlyStore` otherwise), and a remote
    store gets its id now; a read (``write=False``) needs an index already there.
    """
    if write:
        store.check_writable()
        if store.kind == "sparql" and store.side_dir is None:
            store.side_dir = remote_side_dir(store)
    elif store.kind != "memory" and (store.side_dir is None
                                     or not (store.side_dir / INDEX_FILE).exists()):
        raise StoreError(f"{store.location}: no corroboration index for this store on this "
                         "machine (it is built by ingesting from here)")
    if store.side_dir is not None:
        with writer_lock(store):  # two processes creating one SQLite file: "database is locked"
            return CorroborationIndex.open(store.side_dir / INDEX_FILE)
    index = store.attached.get("index")
    if index is None:
        index = store.attached["index"] = _AttachedIndex.open(None)
    return index

"""Locks between processes of this machine: a file lock, and a shared side index's writer lock."""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from graph.store.claim_store import ClaimStore


@contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """An exclusive lock between processes of this machine, held for the ``with`` block."""
    with open(path, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


WRITE_LOCK = "write.lock"


@contextmanager
def writer_lock(store: ClaimStore) -> Iterator[None]:
    """Serialise index+store writes of processes sharing a side index (remote stores).

    Two ingests into one endpoint from this machine share the side index; without the lock one
    could write statuses computed before the other's article was indexed. Embedded Oxigraph
    admits one process, so it needs no lock.
    """
    if store.kind != "sparql" or store.side_dir is None:
        yield
        return
    with file_lock(store.side_dir / WRITE_LOCK):
        yield

"""Open the store a spec names: a folder (embedded Oxigraph), ``memory``, or ``sparql:URL``."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from rdflib import Dataset

from graph.store.claim_store import ClaimStore
from graph.store.embedded import StoreLocked, check_store_dir, open_embedded
from graph.store.remote import open_remote

log = logging.getLogger(__name__)

DEFAULT_STORE = "data/store"
STORE_ENV = "CLAIMGRAPH_STORE"


def store_spec(explicit: str | None = None) -> str:
    """The store to use: the explicit option, else $CLAIMGRAPH_STORE, else data/store."""
    return explicit or os.environ.get(STORE_ENV) or DEFAULT_STORE


def open_store(spec: str | None = None, wait: float = 0.0, create: bool = True) -> ClaimStore:
    """Open the store named by ``spec`` (see :func:`store_spec`).

    ``memory`` -> rdflib Memory store; ``sparql:QUERY_URL[,UPDATE_URL]`` -> remote endpoint;
    anything else is a directory for embedded Oxigraph, created when missing if ``create``
    (commands that only read pass ``create=False``: a mistyped path is an error, not a new
    empty store). A non-empty folder that holds no store is refused either way. An embedded
    store held by another process raises :class:`StoreLocked` at once, or after retrying for
    ``wait`` seconds.
    """
    spec = store_spec(spec)
    if spec == "memory":
        return ClaimStore(Dataset(default_union=True), "memory", spec)
    if spec.startswith("sparql:"):
        return open_remote(spec)
    path = Path(spec)
    check_store_dir(path, create)
    deadline = time.monotonic() + max(0.0, wait)
    delay = 0.1
    while True:
        try:
            return open_embedded(path)
        except StoreLocked:
            left = deadline - time.monotonic()
            if left <= 0:
                raise
            log.info("%s is locked; retrying in %.1f s", spec, min(delay, left))
            time.sleep(min(delay, left))
            delay = min(delay * 2, 2.0)

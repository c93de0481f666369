"""Embedded Oxigraph in a folder on disk: RocksDB allows one process at a time."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from graph.errors import StoreError
from graph.store.claim_store import ClaimStore


class StoreLocked(StoreError):
    """An embedded store is open in another process (RocksDB allows one process)."""


#: Files of a RocksDB store directory: LOCK is the first one written, CURRENT follows soon
#: after (an ingest starting at the same moment may find only LOCK).
STORE_MARKERS = ("CURRENT", "LOCK")


def check_store_dir(path: Path, create: bool) -> None:
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path}: not a directory")
    if not path.exists():
        if not create:
            raise StoreError(f"{path}: no store here (ingest into it first)")
        try:
            path.mkdir(parents=True, exist_ok=True)  # another ingest may create it meanwhile
        except OSError as exc:
            raise StoreError(f"{path}: cannot create store ({exc.strerror or exc})") from None
        return
    if not any((path / marker).exists() for marker in STORE_MARKERS) and any(path.iterdir()):
        raise StoreError(f"{path}: not a claimgraph store (a folder with other files in it)")


def open_embedded(path: Path) -> ClaimStore:
    dataset = Dataset(store="Oxigraph", default_union=True)
    try:
        dataset.open(str(path))
    except OSError as exc:
        message = str(exc)
        if "lock" in message.lower():
            raise StoreLocked(
                f"{path}: store is in use by another process (an ingest or the app?); "
                "wait for it, or serve it with `oxigraph serve` and use --store sparql:URL"
            ) from None
        raise StoreError(f"{path}: cannot open store ({message.splitlines()[0]})") from None
    return ClaimStore(dataset, "oxigraph", str(path), side_dir=path)

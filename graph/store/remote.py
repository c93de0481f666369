"""A SPARQL 1.1 query+update endpoint, and the id that names its side index on this machine."""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from graph.errors import StoreError
from graph.store.claim_store import GRAPHS, ClaimStore
from graph.store.locks import file_lock

STORE_GRAPH = GRAPHS + "store"
STORE_ID = "https://w3id.org/claimgraph/vocab#storeId"
RESULT_TYPES = "application/sparql-results+xml, application/rdf+xml;q=0.9"  # remote Accept


class _RemoteDataset(Dataset):
    """A Dataset over SPARQLUpdateStore whose ``graph(name)`` reads without ``CREATE GRAPH``
    (rdflib sends one, which fails with "already exists" on a stored graph)."""

    def graph(self, identifier=None, base=None) -> Graph:  # type: ignore[override]
        if identifier is None:
            return super().graph(identifier, base)
        return Graph(store=self.store, identifier=URIRef(str(identifier)),
                     namespace_manager=self.namespace_manager, base=base)


def open_remote(spec: str) -> ClaimStore:
    from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

    urls = spec.removeprefix("sparql:").split(",")
    query_url = urls[0].strip()
    update_url = (urls[1] if len(urls) > 1 else urls[0]).strip()
    if not query_url.startswith(("http://", "https://")):
        raise StoreError(f"{spec}: expected sparql:QUERY_URL[,UPDATE_URL]")
    store = SPARQLUpdateStore(query_endpoint=query_url, update_endpoint=update_url,
                              autocommit=True, method="POST_FORM")
    # POST (long VALUES lists: not GET) as a form: Virtuoso 7.2 never answers a query posted
    # directly as application/sparql-query; every SPARQL 1.1 server takes the form.
    # rdflib lists the accepted types in set order, and Virtuoso answers a SELECT in the first
    # one, even application/rdf+xml (a result-set graph rdflib cannot read): rank them.
    store.response_mime_types = lambda: RESULT_TYPES
    dataset = _RemoteDataset(store=store, default_union=True)
    claim_store = ClaimStore(dataset, "sparql", spec)
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "claimgraph"
    try:
        cache.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{cache}: cannot create the side-index folder ({exc})") from None
    try:
        with endpoint_lock(cache, query_url):
            identity = remote_identity(claim_store)
    except Exception as exc:  # connection refused, HTTP errors, bad responses
        raise StoreError(f"{spec}: endpoint not reachable ({str(exc).splitlines()[0]})") from None
    claim_store.side_dir = cache / f"remote-{identity}"
    claim_store.side_dir.mkdir(parents=True, exist_ok=True)
    return claim_store


@contextmanager
def endpoint_lock(cache: Path, query_url: str) -> Iterator[None]:
    """Processes of this machine opening one endpoint take turns to read or create its id. The
    conditional insert alone is no guarantee: Virtuoso runs it without a transaction, and two
    ingests started together could each keep their own id, hence their own side index."""
    cache.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha1(query_url.encode("utf-8")).hexdigest()[:16]
    with file_lock(cache / f"endpoint-{name}.lock"):
        yield


def remote_identity(store: ClaimStore) -> str:
    """A random id kept in the endpoint, naming this store's local side index.

    Created with a conditional insert, and read back as the smallest id, so that processes
    opening a fresh endpoint at the same moment agree on one id."""
    pattern = f"GRAPH <{STORE_GRAPH}> {{ <{STORE_GRAPH}> <{STORE_ID}> ?id }}"
    query = f"SELECT ?id WHERE {{ {pattern} }} ORDER BY ?id LIMIT 1"
    rows = store.select(query)
    if rows:
        return str(rows[0]["id"])
    identity = uuid.uuid4().hex
    store.update(
        f'INSERT {{ GRAPH <{STORE_GRAPH}> {{ <{STORE_GRAPH}> <{STORE_ID}> "{identity}" }} }} '
        f"WHERE {{ FILTER NOT EXISTS {{ {pattern} }} }}"
    )
    return str(store.select(query)[0]["id"])

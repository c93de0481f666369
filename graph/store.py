"""Open a store: embedded Oxigraph on disk (default), in-memory, or a remote SPARQL endpoint.

All stores are rdflib ``Dataset`` objects whose default graph is the union of the named graphs.
Writes go through :meth:`ClaimStore.update` as one SPARQL Update request, which Oxigraph (and any
SPARQL 1.1 endpoint) applies as one transaction: an article is either fully stored or absent.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import re
import time
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.plugins.sparql import parser as _rdflib_sparql_parser
from rdflib.plugins.stores.sparqlconnector import SPARQLConnector
from rdflib.term import Node

log = logging.getLogger(__name__)

DEFAULT_STORE = "data/store"
STORE_ENV = "CLAIMGRAPH_STORE"
GRAPHS = "https://w3id.org/claimgraph/graph/"  # every graph claimgraph writes is under it
STORE_GRAPH = GRAPHS + "store"
STORE_ID = "https://w3id.org/claimgraph/vocab#storeId"
RESULT_TYPES = "application/sparql-results+xml, application/rdf+xml;q=0.9"  # remote Accept


class StoreError(Exception):
    """The store could not be opened or written; the message is one line."""


def store_spec(explicit: str | None = None) -> str:
    """The store to use: the explicit option, else $CLAIMGRAPH_STORE, else data/store."""
    return explicit or os.environ.get(STORE_ENV) or DEFAULT_STORE


@dataclass
class ClaimStore:
    dataset: Dataset
    kind: str  # oxigraph | memory | sparql
    location: str
    side_dir: Path | None = None  # where side indexes live (None: in memory)
    #: side objects that live as long as the store (the in-memory store's corroboration index)
    attached: dict[str, Any] = field(default_factory=dict, repr=False)
    _closed: bool = field(default=False, repr=False)

    # --- reading -------------------------------------------------------------------------
    def _run(self, query: str, bindings: Mapping[str, Node] | None):
        query = with_values(query, bindings or {})
        if self.kind == "memory":
            query = protect_escapes(query)
        result = self.dataset.query(query)
        if isinstance(result, tuple):  # rdflib's answer to an HTTP error: (status, message, None)
            raise StoreError(f"{self.location}: query failed ({result[1]})")
        if result.type == "SELECT":
            # Read every row now: on embedded Oxigraph the row generator holds a result iterator
            # that pyo3 frees only on this thread, and sits in a reference cycle with ``result``
            # until read to the end, so a caller stopping early would leave it to the garbage
            # collector, on whichever thread (the ingest writer's) it next runs.
            result.bindings  # noqa: B018
        return result

    def select(self, query: str, bindings: Mapping[str, Node] | None = None) -> list[dict]:
        """Run a SELECT query with bound variables; rows map names to plain Python values."""
        result = self._run(query, bindings)
        names = [str(v) for v in result.vars]
        return [{name: to_python(row[i]) for i, name in enumerate(names)} for row in result]

    def select_terms(self, query: str, bindings: Mapping[str, Node] | None = None) -> list[dict]:
        result = self._run(query, bindings)
        names = [str(v) for v in result.vars]
        return [dict(zip(names, row, strict=True)) for row in result]

    def ask(self, query: str, bindings: Mapping[str, Node] | None = None) -> bool:
        return bool(self._run(query, bindings).askAnswer)

    def construct(self, query: str, bindings: Mapping[str, Node] | None = None) -> Graph:
        return self._run(query, bindings).graph

    def _own_graphs(self) -> str:
        """A remote endpoint may hold other data (Virtuoso always holds its system graphs):
        there, count and list only claimgraph's graphs."""
        return f'FILTER(STRSTARTS(STR(?g), "{GRAPHS}"))' if self.kind == "sparql" else ""

    def triple_count(self) -> int:
        rows = self.select(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._own_graphs()} }}")
        return int(rows[0]["n"]) if rows else 0

    def named_graphs(self) -> list[str]:
        rows = self.select(
            f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._own_graphs()} }}")
        return sorted(row["g"] for row in rows)

    def graph(self, identifier: str) -> Graph:
        """A copy of one named graph, with RDF 1.1 plain literals (no explicit xsd:string)."""
        copy = Graph(identifier=URIRef(identifier))
        for s, p, o in self.dataset.graph(URIRef(identifier)):
            if isinstance(o, Literal) and o.datatype == XSD.string:
                o = Literal(str(o))
            copy.add((s, p, o))
        return copy

    # --- writing -------------------------------------------------------------------------
    def update(self, sparql: str) -> None:
        """Apply one SPARQL Update request atomically."""
        try:
            if self.kind == "oxigraph":
                self.dataset.store._inner.update(sparql)  # one Oxigraph transaction
            elif self.kind == "sparql":
                # Post the request as is: SPARQLUpdateStore.update would prepend its prefixes
                # and wrap it in GRAPH <urn:x-rdflib:default> { ... } (rdflib 7.x).
                SPARQLConnector.update(self.dataset.store, split_graph_blocks(sparql))
            else:
                self.dataset.update(protect_escapes(sparql))
        except Exception as exc:  # the backends raise many types; report one line
            reason = str(exc)
            read = getattr(exc, "read", None)  # an HTTP error: the server's message says why
            if read is not None:
                body = read().decode("utf-8", "replace").strip()
                reason += f": {body.splitlines()[0][:300]}" if body else ""
            raise StoreError(f"{self.location}: update failed ({reason})") from exc

    def flush(self) -> None:
        """Write buffered data to disk. Embedded Oxigraph keeps writes in RocksDB memtables,
        which otherwise grow by ~1.5 MB per article over a long batch."""
        if self.kind == "oxigraph":
            self.dataset.store._inner.flush()

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            for item in self.attached.values():
                release = getattr(item, "release", None)
                if release is not None:
                    release()
            self.attached.clear()
            try:
                self.dataset.close()
            except Exception:  # noqa: BLE001 - closing a remote store may fail harmlessly
                log.debug("closing %s failed", self.location, exc_info=True)

    def __enter__(self) -> ClaimStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def with_values(query: str, bindings: Mapping[str, Node]) -> str:
    """Bind variables by a VALUES block at the start of the first WHERE group.

    Values are rdflib terms serialised with ``n3()``, which escapes quotes, backslashes and
    newlines: user input never becomes query syntax.
    """
    if not bindings:
        return query
    match = _WHERE.search(query)
    if match is None:
        raise ValueError("query has no WHERE clause to bind values in")
    names = " ".join(f"?{name}" for name in bindings)
    terms = " ".join(term.n3() for term in bindings.values())
    return f"{query[: match.end()]} VALUES ({names}) {{ ({terms}) }} {query[match.end() :]}"


_BLOCK_START = re.compile(r"\bINSERT DATA \{ GRAPH (<[^<>\s]*>) \{$")
#: triples per GRAPH block: Virtuoso 7.2's SPARQL parser gives up ("memory exhausted") near 5000
BLOCK_TRIPLES = 2000


def split_graph_blocks(sparql: str, limit: int = BLOCK_TRIPLES) -> str:
    """Cut each long ``INSERT DATA { GRAPH <g> {`` block (one triple per line, as claimgraph
    writes them) into blocks of at most ``limit`` triples, in the same INSERT DATA."""
    if sparql.count("\n") <= limit:
        return sparql
    out: list[str] = []
    graph, count = None, 0
    for line in sparql.split("\n"):
        start = _BLOCK_START.search(line)
        if start is not None:
            graph, count = start.group(1), 0
        elif graph is not None and line.startswith("}"):
            graph = None  # a triple line starts with "<"; the block ends on a "}" line
        elif graph is not None and line:
            count += 1
            if count > limit:
                out.append(f"}} GRAPH {graph} {{")
                count = 1
        out.append(line)
    return "\n".join(out)


# rdflib's own SPARQL engine (the memory store) reads queries through pyparsing, which expands
# tabs, and unescapes \\uXXXX before parsing, even after an escaped backslash. Keep tabs, and
# write an escaped backslash's "u" as \\U00000075 so "C:\\users" stays literal text.
_rdflib_sparql_parser.QueryUnit.parseWithTabs()
_rdflib_sparql_parser.UpdateUnit.parseWithTabs()
_ESCAPED_U = re.compile(r"(?<!\\)((?:\\\\)+)([uU])")


def protect_escapes(sparql: str) -> str:
    return _ESCAPED_U.sub(
        lambda m: m.group(1) + ("\\U00000075" if m.group(2) == "u" else "\\U00000055"), sparql)


def iri_values(iris: list[str]) -> str:
    """IRIs as the body of a SPARQL VALUES block (each checked and serialised by rdflib)."""
    return " ".join(URIRef(i).n3() for i in iris)


#: VALUES rows per request: Virtuoso answers "400 Bad Request" to a query with ~9 000 of them.
VALUES_CHUNK = 1000


def chunked(items: list, size: int = VALUES_CHUNK) -> list[list]:
    """``items`` in runs of at most ``size``, for one VALUES block each."""
    return [items[start:start + size] for start in range(0, len(items), size)]


def to_python(term: Node | None) -> Any:
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        return value if not isinstance(value, Literal) else str(value)
    return str(term)


class StoreLocked(StoreError):
    """An embedded store is open in another process (RocksDB allows one process)."""


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
        return _open_remote(spec)
    path = Path(spec)
    _check_store_dir(path, create)
    deadline = time.monotonic() + max(0.0, wait)
    delay = 0.1
    while True:
        try:
            return _open_oxigraph(path)
        except StoreLocked:
            left = deadline - time.monotonic()
            if left <= 0:
                raise
            log.info("%s is locked; retrying in %.1f s", spec, min(delay, left))
            time.sleep(min(delay, left))
            delay = min(delay * 2, 2.0)


#: Files of a RocksDB store directory: LOCK is the first one written, CURRENT follows soon
#: after (an ingest starting at the same moment may find only LOCK).
STORE_MARKERS = ("CURRENT", "LOCK")


def _check_store_dir(path: Path, create: bool) -> None:
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


def _open_oxigraph(path: Path) -> ClaimStore:
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


class _RemoteDataset(Dataset):
    """A Dataset over SPARQLUpdateStore whose ``graph(name)`` reads without ``CREATE GRAPH``
    (rdflib sends one, which fails with "already exists" on a stored graph)."""

    def graph(self, identifier=None, base=None) -> Graph:  # type: ignore[override]
        if identifier is None:
            return super().graph(identifier, base)
        return Graph(store=self.store, identifier=URIRef(str(identifier)),
                     namespace_manager=self.namespace_manager, base=base)


def _open_remote(spec: str) -> ClaimStore:
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
        with _endpoint_lock(cache, query_url):
            identity = _remote_identity(claim_store)
    except Exception as exc:  # connection refused, HTTP errors, bad responses
        raise StoreError(f"{spec}: endpoint not reachable ({str(exc).splitlines()[0]})") from None
    claim_store.side_dir = cache / f"remote-{identity}"
    claim_store.side_dir.mkdir(parents=True, exist_ok=True)
    return claim_store


@contextmanager
def _endpoint_lock(cache: Path, query_url: str) -> Iterator[None]:
    """Processes of this machine opening one endpoint take turns to read or create its id. The
    conditional insert alone is no guarantee: Virtuoso runs it without a transaction, and two
    ingests started together could each keep their own id, hence their own side index."""
    cache.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha1(query_url.encode("utf-8")).hexdigest()[:16]
    with file_lock(cache / f"endpoint-{name}.lock"):
        yield


@contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """An exclusive lock between processes of this machine, held for the ``with`` block."""
    with open(path, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _remote_identity(store: ClaimStore) -> str:
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

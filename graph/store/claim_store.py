"""``ClaimStore``: one opened store (embedded Oxigraph, rdflib memory or a SPARQL endpoint).

Every store is read as an rdflib ``Dataset`` whose default graph is the union of the named
graphs. An endpoint whose default graph is not (``oxigraph serve`` and Fuseki by default) is
asked for the union per query once claimgraph data is found in it (:data:`UNION_OPTIONS`).
Writes go through :meth:`ClaimStore.update` as one SPARQL Update request, which Oxigraph (and any
SPARQL 1.1 endpoint) applies as one transaction: an article is either fully stored or absent.
A store opened read-only refuses writes with :class:`ReadOnlyStore`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.plugins.stores.sparqlconnector import SPARQLConnector
from rdflib.term import Node

from graph.errors import StoreError
from graph.store.sparql_text import protect_escapes, split_graph_blocks, to_python, with_values

log = logging.getLogger(__name__)

#: Every graph claimgraph writes is under this IRI.
GRAPHS = "https://w3id.org/claimgraph/graph/"

#: What makes an endpoint's default graph the union of its named graphs for one query, tried in
#: turn when it is not: Oxigraph's ``union-default-graph`` parameter, Jena's union graph name.
UNION_OPTIONS = ("union-default-graph", "default-graph-uri=urn:x-arq:UnionGraph")

#: claimgraph data is there when some named graph types a node as a claim
_CLAIM = "?c a <http://schema.org/Claim>"
#: HTTP answers of an endpoint that takes queries and refuses updates
_REFUSED = (401, 403, 405)


class ReadOnlyStore(StoreError):
    """A write to a store opened read-only, or one the endpoint refused."""


class NoClaimgraphData(StoreError):
    """The store holds no claimgraph data where claimgraph reads."""


@dataclass
class ClaimStore:
    dataset: Dataset
    kind: str  # oxigraph | memory | sparql
    location: str
    side_dir: Path | None = None  # where side indexes live (None: in memory)
    #: side objects that live as long as the store (the in-memory store's corroboration index)
    attached: dict[str, Any] = field(default_factory=dict, repr=False)
    read_only: bool = False
    #: how an endpoint's default graph is made the union: "" (it is), an option of
    #: UNION_OPTIONS, None (not known yet: no claimgraph data found so far)
    union: str | None = field(default=None, repr=False)
    _closed: bool = field(default=False, repr=False)

    # --- reading -------------------------------------------------------------------------
    def _ask_raw(self, query: str) -> bool:
        result = self.dataset.query(query)
        if isinstance(result, tuple):
            raise StoreError(f"{self.location}: query failed ({result[1]})")
        return bool(result.askAnswer)

    def _find_union(self) -> None:
        """Learn, by reading, how this endpoint's default graph covers its named graphs."""
        if self.kind != "sparql" or self.union is not None:
            return
        if self._ask_raw(f"ASK {{ {_CLAIM} }}"):
            self.union = ""
            return
        if not self._ask_raw(f"ASK {{ GRAPH ?g {{ {_CLAIM} }} }}"):
            return  # nothing of claimgraph's yet: ask again on the next read
        connector = self.dataset.store
        base = connector.query_endpoint
        for option in UNION_OPTIONS:
            connector.query_endpoint = f"{base}{'&' if '?' in base else '?'}{option}"
            try:
                if self._ask_raw(f"ASK {{ {_CLAIM} }}"):
                    self.union = option
                    return
            except StoreError:  # an endpoint refusing an option it does not know
                pass
        connector.query_endpoint = base
        raise StoreError(
            f"{self.location}: the endpoint's default graph is not the union of its named "
            "graphs, and no known option makes it so; configure it as the union "
            "(docs/stores.md)")

    def has_data(self) -> bool:
        """Does the store hold claimgraph data where claimgraph reads it?"""
        self._find_union()
        return self._ask_raw(f"ASK {{ {_CLAIM} }}")

    def require_data(self) -> None:
        """Raise :class:`NoClaimgraphData`, one line naming the store, when it holds none."""
        if not self.has_data():
            raise NoClaimgraphData(f"{self.location}: no claimgraph data in this store "
                                   "(nothing ingested yet, or another store?)")

    def _run(self, query: str, bindings: Mapping[str, Node] | None):
        query = with_values(query, bindings or {})
        if self.kind == "memory":
            query = protect_escapes(query)
        self._find_union()
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

    def graph_triples(self, identifier: str) -> Iterator[tuple[Node, Node, Node]]:
        """The triples of one named graph, read by name whatever the default graph is."""
        if self.kind != "sparql":
            yield from self.dataset.graph(URIRef(identifier))
            return
        for row in self.select_terms(
                f"SELECT ?s ?p ?o WHERE {{ GRAPH {URIRef(identifier).n3()} {{ ?s ?p ?o }} }}"):
            yield row["s"], row["p"], row["o"]

    def graph(self, identifier: str) -> Graph:
        """A copy of one named graph, with RDF 1.1 plain literals (no explicit xsd:string)."""
        copy = Graph(identifier=URIRef(identifier))
        for s, p, o in self.graph_triples(identifier):
            if isinstance(o, Literal) and o.datatype == XSD.string:
                o = Literal(str(o))
            copy.add((s, p, o))
        return copy

    # --- writing -------------------------------------------------------------------------
    def check_writable(self) -> None:
        """Raise :class:`ReadOnlyStore` before a write command starts: a store opened
        read-only, or an endpoint refusing an empty update."""
        if self.read_only:
            raise ReadOnlyStore(f"{self.location} is read-only")
        if self.kind == "sparql":
            self.update("INSERT DATA { }")

    def update(self, sparql: str) -> None:
        """Apply one SPARQL Update request atomically."""
        if self.read_only:
            raise ReadOnlyStore(f"{self.location} is read-only")
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
            if getattr(exc, "code", None) in _REFUSED:
                raise ReadOnlyStore(f"{self.location} is read-only (the endpoint refused "
                                    f"the update: {reason})") from exc
            raise StoreError(f"{self.location}: update failed ({reason})") from exc

    def flush(self) -> None:
        """Write buffered data to disk. Embedded Oxigraph keeps writes in RocksDB memtables,
        which otherwise grow by ~1.5 MB per article over a long batch."""
        if self.kind == "oxigraph" and not self.read_only:
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

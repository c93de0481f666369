"""``ClaimStore``: one opened store (embedded Oxigraph, rdflib memory or a SPARQL endpoint).

Every store is an rdflib ``Dataset`` whose default graph is the union of the named graphs.
Writes go through :meth:`ClaimStore.update` as one SPARQL Update request, which Oxigraph (and any
SPARQL 1.1 endpoint) applies as one transaction: an article is either fully stored or absent.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
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

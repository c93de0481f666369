"""N-Triples for INSERT DATA blocks, straight from ``(s, p, o)`` term tuples (no rdflib Graph),
and a namespace proxy that builds each term once. Used by :mod:`graph.rdf`."""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

Triple = tuple[Node, Node, Node]


class Terms:
    """A namespace whose terms are built once: rdflib makes (and validates) a new URIRef on
    every attribute access, about 1 us each, several times per triple."""

    def __init__(self, namespace: object) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__"):
            raise AttributeError(name)
        term = getattr(self._namespace, name)
        setattr(self, name, term)
        return term


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            .replace("\r", "\\r"))


def nt_term(term: Node) -> str:
    """One term in N-Triples syntax (no blank nodes: claimgraph writes none)."""
    if type(term) is URIRef:
        return f"<{term}>"
    if isinstance(term, Literal):
        body = f'"{_escape(str(term))}"'
        if term.language:
            return f"{body}@{term.language}"
        datatype = term.datatype
        if datatype is not None and datatype != XSD.string:
            return f"{body}^^<{datatype}>"
        return body
    if isinstance(term, URIRef):
        return f"<{term}>"
    raise ValueError(f"claimgraph writes no blank nodes: {term!r}")


def ntriples(triples: Iterable[Triple]) -> str:
    """N-Triples lines for an INSERT DATA block; repeated triples are written once."""
    lines = dict.fromkeys(f"{nt_term(s)} {nt_term(p)} {nt_term(o)} .\n" for s, p, o in triples)
    return "".join(lines)

"""SPARQL text: bound values, VALUES blocks in chunks, update blocks a server can parse, and
plain Python values of result terms. No user input ever becomes query syntax."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from rdflib import Literal, URIRef
from rdflib.plugins.sparql import parser as rdflib_sparql_parser
from rdflib.term import Node

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
rdflib_sparql_parser.QueryUnit.parseWithTabs()
rdflib_sparql_parser.UpdateUnit.parseWithTabs()
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

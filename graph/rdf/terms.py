"""RDF terms: IRIs for outbound URLs, literals and namespace terms built once, and N-Triples
straight from ``(s, p, o)`` term tuples (no rdflib Graph) for INSERT DATA blocks."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from urllib.parse import urlsplit

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

Triple = tuple[Node, Node, Node]
_XSD_STRING = XSD.string


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


_CACHED_TYPES = (int, bool, date)  # equal values of one of these types: one lexical form
_LITERALS: dict[tuple[type, object, object], Literal] = {}


def _plain_literal(text: str) -> Literal:
    """``Literal(text)`` (no language, no datatype) without rdflib's casting round trip."""
    lit = str.__new__(Literal, text)
    lit._language, lit._datatype, lit._value, lit._ill_typed = None, None, text, None
    return lit


def _same_literal(a: Literal, b: Literal) -> bool:
    return (str(a), a.language, a.datatype, a.value, a.ill_typed) == (
        str(b), b.language, b.datatype, b.value, b.ill_typed)


_FAST_PLAIN = _same_literal(_plain_literal("a \"b\"\n"), Literal("a \"b\"\n"))


def literal(value: object, datatype: URIRef | None = None) -> Literal:
    """``Literal(value, datatype=datatype)``: plain strings built directly, and one shared
    (immutable) Literal per repeated number, boolean or date; about 2000 per article."""
    kind = type(value)
    if kind is str and datatype is None and _FAST_PLAIN:
        return _plain_literal(value)  # type: ignore[arg-type]
    if kind not in _CACHED_TYPES:
        return Literal(value, datatype=datatype)
    key = (kind, value, datatype)
    lit = _LITERALS.get(key)
    if lit is None:
        if len(_LITERALS) >= 100_000:
            _LITERALS.clear()
        lit = _LITERALS[key] = Literal(value, datatype=datatype)
    return lit


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
        if datatype is not None and datatype != _XSD_STRING:
            return f"{body}^^<{datatype}>"
        return body
    if isinstance(term, URIRef):
        return f"<{term}>"
    raise ValueError(f"claimgraph writes no blank nodes: {term!r}")


def ntriples(triples: Iterable[Triple]) -> str:
    """N-Triples lines for an INSERT DATA block; repeated triples are written once."""
    lines: dict[str, None] = {}
    iri = URIRef
    for s, p, o in triples:  # nt_term, with its IRI case inline (most terms)
        if type(s) is iri and type(p) is iri:
            # %-formatting: str() of the rdflib terms, faster than format() on a str subclass
            ot = "<%s>" % o if type(o) is iri else nt_term(o)  # noqa: UP031
            lines["<%s> <%s> %s .\n" % (s, p, ot)] = None  # noqa: UP031
        else:
            lines[f"{nt_term(s)} {nt_term(p)} {nt_term(o)} .\n"] = None
    return "".join(lines)


def safe_iri(url: str) -> URIRef | None:
    """An IRI for an outbound URL, or None when it would not be a valid IRI."""
    if not url.startswith(("http://", "https://")) or any(
            c in ' <>"{}|\\^`' or ord(c) < 0x21 for c in url):
        return None
    try:
        if not urlsplit(url).hostname:
            return None
    except ValueError:  # a malformed IPv6 host
        return None
    return URIRef(url)

"""User-supplied SPARQL: read-only, time- and row-limited."""

from __future__ import annotations

import gc
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from pyparsing import ParseException, ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

from graph.rdf.vocab import sparql_prefixes
from graph.store.claim_store import ClaimStore
from graph.store.sparql_text import to_python

FORBIDDEN = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY",
             "SERVICE", "WITH")
# as rdflib's parser reads them (it also takes \\U with 4 digits): both engines then get
# the same escape-free text
_ESCAPES = re.compile(r"\\[uU]([0-9A-Fa-f]{4}(?:[0-9A-Fa-f]{4})?)")
_STRINGS = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\''
)
_IRIS = re.compile(r"<[^<>\s]*>")
_COMMENTS = re.compile(r"#[^\n]*")
# variables, prefixed names, blank node labels, language tags
_NAMES = re.compile(r"[?$]\w+|[\w.-]*:[\w.-]*|@[A-Za-z]+(?:-[A-Za-z0-9]+)*")
_PREFIX_LINES = sparql_prefixes().count("\n")


class QueryRefused(Exception):
    """The query is not allowed or not valid; the message is one line."""


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[dict]
    truncated: bool
    seconds: float


def expand_escapes(query: str) -> str:
    """Apply SPARQL's ``\\uXXXX`` / ``\\UXXXXXXXX`` escapes, as the parsers do before parsing,
    so that what is checked is what runs (``\\u0053ERVICE`` is SERVICE)."""
    def char(match: re.Match) -> str:
        code = int(match.group(1), 16)
        if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            raise QueryRefused(f"malformed SPARQL: bad escape {match.group(0)}")
        return chr(code)

    expanded = _ESCAPES.sub(char, query)
    if _ESCAPES.search(expanded):
        raise QueryRefused("refused: read-only console, nested \\u escapes are not allowed")
    return expanded


def _keywords(query: str) -> list[str]:
    """Bare words of the query, in order, outside strings, IRIs, comments and names."""
    stripped = _COMMENTS.sub(" ", _IRIS.sub(" ", _STRINGS.sub(" ", query)))
    stripped = _NAMES.sub(" ", stripped)
    return [word.upper() for word in re.findall(r"[A-Za-z]+", stripped)]


def _parts(node: object) -> Iterator[object]:
    """Every node of an rdflib parse tree (iteratively)."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        if isinstance(current, dict):  # CompValue
            stack.extend(current.values())
        elif isinstance(current, (list, tuple, ParseResults)):
            stack.extend(current)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def check_read_only(query: str) -> str:
    """Return the query with the standard prefixes added; raise QueryRefused otherwise.

    The parser decides (only SELECT/ASK/CONSTRUCT/DESCRIBE parse as queries); the keyword
    scan only gives a friendlier message. SERVICE (federation: requests to other hosts) and
    FROM / FROM NAMED (rdflib loads those graphs from the web) are refused on the parse tree.
    """
    query = expand_escapes(query)
    if not _COMMENTS.sub("", query).strip():
        raise QueryRefused("malformed SPARQL: empty query")
    full = sparql_prefixes() + query
    used = [word for word in _keywords(query) if word in FORBIDDEN]
    if used:
        raise QueryRefused(f"refused: read-only console, {used[0]} is not allowed")
    try:
        parsed = parseQuery(full)
    except ParseException as exc:
        try:
            parseUpdate(full)
        except ParseException:
            line = max(exc.lineno - _PREFIX_LINES, 1)
            raise QueryRefused(f"malformed SPARQL: {_one_line(exc.msg)} (line {line}, "
                               f"column {exc.col})") from None
        raise QueryRefused("refused: read-only console, updates are not allowed") from None
    except Exception as exc:  # noqa: BLE001 - the parser raises more than ParseException
        raise QueryRefused(f"malformed SPARQL: {_one_line(str(exc)) or type(exc).__name__}"
                           ) from None
    kind = parsed[1].name
    if kind not in ("SelectQuery", "AskQuery", "ConstructQuery", "DescribeQuery"):
        raise QueryRefused(f"refused: {kind} is not supported")
    declared, used = set(), set()
    for part in _parts(parsed):
        name = getattr(part, "name", None)
        if name in ("PrefixDecl", "pname"):
            (declared if name == "PrefixDecl" else used).add(str(dict(part).get("prefix", "")))
        if name == "ServiceGraphPattern":
            raise QueryRefused("refused: read-only console, SERVICE is not allowed")
        if name == "DatasetClause":
            raise QueryRefused("refused: read-only console, FROM is not allowed "
                               "(use GRAPH <...> { ... })")
    unknown = sorted(used - declared)
    if unknown:  # else the engine's message points into the prefixes added above
        raise QueryRefused(f"malformed SPARQL: unknown prefix '{unknown[0]}:' (declare it with "
                           f"PREFIX; known: {', '.join(sorted(p for p in declared if p))})")
    return full


def run_query(store: ClaimStore, query: str, max_rows: int = 1000,
              timeout_s: float = 10.0) -> QueryResult:
    """Run a read-only query; stop after ``max_rows`` rows or ``timeout_s`` seconds."""
    full = check_read_only(query)
    outcome: dict = {}

    def work() -> None:
        try:
            started = time.monotonic()
            result = store.dataset.query(full)
            if result.type == "ASK":
                outcome["value"] = (["ask"], [{"ask": bool(result.askAnswer)}], False)
                return
            if result.type in ("CONSTRUCT", "DESCRIBE"):
                triples = list(islice(iter(result.graph), max_rows + 1))
                rows = [{"subject": str(s), "predicate": str(p), "object": to_python(o)}
                        for s, p, o in triples[:max_rows]]
                outcome["value"] = (["subject", "predicate", "object"], rows,
                                    len(triples) > max_rows)
                return
            names = [str(v) for v in result.vars]
            rows = []
            truncated = False
            for row in result:
                if len(rows) >= max_rows or time.monotonic() - started > timeout_s:
                    truncated = True
                    break
                rows.append({name: to_python(row[i]) for i, name in enumerate(names)})
            outcome["value"] = (names, rows, truncated)
        except Exception as exc:  # report the engine's message as one line
            outcome["error"] = _one_line(str(exc)) or type(exc).__name__
        finally:
            # Oxigraph's result iterator may only be freed on the thread that made it; the
            # rdflib wrapper sits in reference cycles, so collect them here, not later elsewhere.
            result = None  # noqa: F841
            gc.collect()

    started = time.monotonic()
    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(timeout_s)
    if worker.is_alive():
        raise QueryRefused(f"query timed out after {timeout_s:g} s")
    if "error" in outcome:
        raise QueryRefused(f"query failed: {outcome['error']}")
    columns, rows, truncated = outcome["value"]
    return QueryResult(columns, rows, truncated, time.monotonic() - started)


CONFIRMED_BY_TWO_OUTLETS = """\
# Claims confirmed by at least two independent outlets (or primary sources)
SELECT ?claim ?text (COUNT(DISTINCT ?domain) AS ?outlets)
       (GROUP_CONCAT(DISTINCT ?domain; separator=", ") AS ?confirmed_by)
WHERE {
  ?link a ckg:Confirmation ; ckg:linkTarget ?claim ; ckg:linkSubject ?other ; ckg:kind ?kind .
  FILTER(?kind IN ("independent", "primary"))
  ?other ckg:outlet/ckg:domain ?domain .
  ?claim schema:text ?text ; ckg:outlet/ckg:domain ?own .
  FILTER(?domain != ?own)
}
GROUP BY ?claim ?text
HAVING (COUNT(DISTINCT ?domain) >= 2)
ORDER BY DESC(?outlets) ?text
"""


SPECULATIVE_ABOUT_ENTITY = """\
# Speculative claims about one entity (change the name)
SELECT ?text ?outlet ?published (GROUP_CONCAT(DISTINCT ?cue; separator=", ") AS ?hedges)
WHERE {
  ?entity schema:name "Meridian Works" .
  ?claim schema:about ?entity ; ckg:status ckg:status-speculative ; schema:text ?text ;
         ckg:outlet/schema:name ?outlet ; schema:appearance ?article .
  OPTIONAL { ?article schema:datePublished ?published }
  OPTIONAL { ?claim ckg:hedgeCue ?cue }
}
GROUP BY ?text ?outlet ?published
ORDER BY ?published
"""


ORIGIN_CHAIN = """\
# Origin chain: every claim that repeats another, back to its earliest upstream source
SELECT ?claim ?outlet ?upstream ?upstream_outlet ?upstream_published ?upstream_text
WHERE {
  ?claim prov:wasDerivedFrom+ ?upstream ; ckg:outlet/schema:name ?outlet .
  ?upstream schema:text ?upstream_text ; ckg:outlet/schema:name ?upstream_outlet ;
            schema:appearance ?article .
  OPTIONAL { ?article schema:datePublished ?upstream_published }
  FILTER(?upstream != ?claim)
}
ORDER BY ?claim ?upstream_published
"""


EXAMPLE_QUERIES: dict[str, str] = {
    "Claims confirmed by at least two independent outlets": CONFIRMED_BY_TWO_OUTLETS,
    "Speculative claims about an entity": SPECULATIVE_ABOUT_ENTITY,
    "Origin chain of derived claims": ORIGIN_CHAIN,
}

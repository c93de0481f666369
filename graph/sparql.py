"""User-supplied SPARQL: read-only, time- and row-limited."""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass

from pyparsing import ParseException
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

from graph.store import ClaimStore, to_python
from graph.vocab import sparql_prefixes

FORBIDDEN = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY",
             "SERVICE", "WITH")
_STRINGS = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\''
)
_IRIS = re.compile(r"<[^<>\s]*>")
_COMMENTS = re.compile(r"#[^\n]*")
_NAMES = re.compile(r"[?$][\w]+|[\w.-]*:[\w.-]*")  # variables and prefixed names


class QueryRefused(Exception):
    """The query is not allowed or not valid; the message is one line."""


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[dict]
    truncated: bool
    seconds: float


def _keywords(query: str) -> set[str]:
    stripped = _COMMENTS.sub(" ", _IRIS.sub(" ", _STRINGS.sub(" ", query)))
    stripped = _NAMES.sub(" ", stripped)
    return {word.upper() for word in re.findall(r"[A-Za-z]+", stripped)}


def check_read_only(query: str) -> str:
    """Return the query with the standard prefixes added; raise QueryRefused otherwise."""
    full = sparql_prefixes() + query
    used = _keywords(query) & set(FORBIDDEN)
    if used:
        raise QueryRefused(f"refused: read-only console, {sorted(used)[0]} is not allowed")
    try:
        parsed = parseQuery(full)
    except ParseException as exc:
        try:
            parseUpdate(full)
        except ParseException:
            raise QueryRefused(f"malformed SPARQL: {exc.msg} (line {exc.lineno}, column {exc.col})"
                               ) from None
        raise QueryRefused("refused: read-only console, updates are not allowed") from None
    kind = parsed[1].name
    if kind not in ("SelectQuery", "AskQuery", "ConstructQuery", "DescribeQuery"):
        raise QueryRefused(f"refused: {kind} is not supported")
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
            if result.type == "CONSTRUCT":
                triples = list(result.graph)[: max_rows + 1]
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
            outcome["error"] = str(exc).splitlines()[0] if str(exc) else type(exc).__name__

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

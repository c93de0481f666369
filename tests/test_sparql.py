"""The SPARQL console is read-only and bounded; filters bind user values, never paste them."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef

from graph.cli import main
from graph.queries.claims import claim_records
from graph.queries.console import QueryRefused, check_read_only, run_query
from graph.queries.filters import ClaimFilter
from graph.store.claim_store import ClaimStore
from graph.store.open import open_store

UPDATES = [
    "INSERT DATA { <http://x.example/a> <http://x.example/b> <http://x.example/c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "LOAD <{url}>",
    "CLEAR ALL",
    "DROP ALL",
    "CREATE GRAPH <http://x.example/g>",
    "ADD DEFAULT TO <http://x.example/g>",
    "MOVE DEFAULT TO <http://x.example/g>",
    "COPY DEFAULT TO <http://x.example/g>",
    "WITH <http://x.example/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
]
SNEAKY = [
    "drop all",
    "# just a comment\nDrOp AlL",
    "SELECT * WHERE { ?s ?p ?o } ; DROP ALL",
    "\\u0044ROP ALL",
    "SELECT * WHERE { ?s ?p ?o }\n#\nINSERT DATA { <http://x.example/a> <http://x.example/b> 1 }",
    'INSERT { ?s <http://x.example/p> "a # b" } WHERE { ?s ?p ?o }',
    "SELECT * WHERE { SERVICE <{url}> { ?s ?p ?o } }",
    "select * where { service silent <{url}> { ?s ?p ?o } }",
    "SELECT * WHERE { \\u0053ERVICE <{url}> { ?s ?p ?o } }",
    "SELECT * WHERE { SERV\\u0049CE <{url}> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o . { SELECT ?s WHERE { SERVICE <{url}> { ?s ?p ?o } } } }",
    "SELECT * FROM <{url}> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <{url}> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "ASK FROM <{url}> { ?s ?p ?o }",
    "SELECT * WHERE { ?s ?p \"\\u005Cu0053\" }",
]
HARMLESS = [
    'SELECT ?add ?insert WHERE { BIND("DROP ALL ; INSERT DATA { }" AS ?add) '
    "BIND(<http://x.example/delete/load/clear> AS ?insert) }",
    "SELECT ?copy WHERE { BIND('''SERVICE <http://evil.example/>\nDROP''' AS ?copy) } # DROP ALL",
    "SELECT ?move WHERE { BIND(\"create\"@de AS ?move) }",
    "PREFIX drop: <http://x.example/drop#> SELECT ?x WHERE { BIND(drop:load AS ?x) }",
    "SELECT ?with WHERE { VALUES ?with { schema:copyrightHolder ckg:delete } }",
    "SELECT $service WHERE { BIND(\"caf\\u00e9\" AS $service) }",
    "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 0",
    "DESCRIBE <http://x.example/clear>",
]


class _Counter(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802
        _Counter.hits.append(self.path)
        self.send_response(404)
        self.end_headers()

    do_POST = do_GET  # noqa: N815

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def listener() -> Iterator[str]:
    """A 127.0.0.1 server that counts requests: federation must never reach it."""
    _Counter.hits = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()
    server.server_close()


def refusal(store: ClaimStore, query: str) -> str:
    with pytest.raises(QueryRefused) as caught:
        run_query(store, query, timeout_s=5)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_updates_are_refused(demo_store, listener) -> None:
    before = demo_store.triple_count()
    for query in UPDATES:
        message = refusal(demo_store, query.replace("{url}", listener))
        assert message.startswith("refused: read-only console"), (query, message)
        assert query.split()[0] in message, message
    assert demo_store.triple_count() == before


def test_sneaky_updates_and_federation_are_refused(memory_store, listener) -> None:
    memory_store.update("INSERT DATA { GRAPH <http://x.example/g> { "
                        "<http://x.example/a> <http://x.example/b> 1 } }")
    for query in SNEAKY:
        message = refusal(memory_store, query.replace("{url}", listener))
        assert message.startswith(("refused: read-only console", "malformed SPARQL")), message
    assert memory_store.triple_count() == 1
    assert _Counter.hits == []


def test_the_guard_is_what_stops_federation(memory_store, listener) -> None:
    """Without check_read_only, rdflib's engine calls the URL (so the test above can fail)."""
    for query in (f"SELECT * WHERE {{ SERVICE <{listener}> {{ ?s ?p ?o }} }}",
                  f"SELECT * FROM <{listener}> WHERE {{ ?s ?p ?o }}"):
        _Counter.hits = []
        with contextlib.suppress(Exception):
            list(memory_store.dataset.query(query))
        assert _Counter.hits, query


@pytest.mark.parametrize("query", HARMLESS)
def test_keywords_in_strings_iris_names_and_comments_are_not_refused(memory_store,
                                                                    query: str) -> None:
    result = run_query(memory_store, query, timeout_s=10)
    assert result.columns


def test_string_contents_survive_the_check(memory_store) -> None:
    rows = run_query(memory_store, HARMLESS[0]).rows
    assert rows == [{"add": "DROP ALL ; INSERT DATA { }",
                     "insert": "http://x.example/delete/load/clear"}]
    assert run_query(memory_store, HARMLESS[5]).rows == [{"service": "café"}]


@pytest.mark.parametrize("query", ["SELECT * WHERE { ?s ?p }", "SELEC * WHERE { ?s ?p ?o }",
                                   "SELECT * WHERE { ?s ?p ?o", "", "}}}}", "\\uZZZZ",
                                   "SELECT * WHERE { ?s ?p \"\\uD800\" }"])
def test_malformed_sparql_is_one_line(memory_store, query: str) -> None:
    message = refusal(memory_store, query)
    assert message.startswith("malformed SPARQL"), message


def test_malformed_sparql_reports_the_users_line() -> None:
    with pytest.raises(QueryRefused, match=r"\(line 2, column"):
        check_read_only("SELECT *\nWHERE { ?s ?p }")


def test_row_limit(demo_store) -> None:
    result = run_query(demo_store, "SELECT ?s WHERE { ?s ?p ?o }", max_rows=7)
    assert len(result.rows) == 7 and result.truncated
    result = run_query(demo_store, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", max_rows=3)
    assert len(result.rows) == 3 and result.truncated
    small = run_query(demo_store, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 2", max_rows=7)
    assert len(small.rows) == 2 and not small.truncated


def test_time_limit(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "small"))
    try:
        store.update("INSERT DATA { GRAPH <http://x.example/g> { " + " ".join(
            f"<http://x.example/s{i}> <http://x.example/p> {i} ." for i in range(120)) + " } }")
        heavy = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i "
                 "FILTER(?c + ?f + ?i = -1) }")
        started = time.monotonic()
        with pytest.raises(QueryRefused, match=r"^query timed out after 0.2 s$"):
            run_query(store, heavy, timeout_s=0.2)
        assert time.monotonic() - started < 2
        assert run_query(store, "ASK { ?s ?p ?o }").rows == [{"ask": True}]
    finally:
        store.close()


def test_cli_query_refuses_with_one_line(demo_store_dir, tmp_path) -> None:
    import shutil

    store = tmp_path / "store"
    shutil.copytree(demo_store_dir, store)
    result = CliRunner().invoke(main, ["query", "drop all", "--store", str(store)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == (
        "Error: refused: read-only console, DROP is not allowed")
    result = CliRunner().invoke(main, ["query", "SELECT ?s WHERE { ?s ?p ?o }", "--store",
                                       str(store), "--max-rows", "2", "--format", "json"])
    assert result.exit_code == 0 and "stopped at 2 rows" in result.output


# --- filters: user values are bound terms --------------------------------------------------------

PAYLOADS = ['"', "'", '"} ; DROP ALL ; #', "'} ; DROP ALL ; #", "\\", "\\\"", "{", "}",
            "a\nb", "a\r\nb", "\x00", "\x1f", ">", "<http://x.example/>", "?claim", "$x",
            ") } UNION { ?claim ?p ?o", "\U0001F600", "‘council’", "'''", '"""']




@pytest.mark.parametrize("payload", PAYLOADS)
def test_filter_values_cannot_inject(demo_store, payload: str) -> None:
    before = demo_store.triple_count()
    everything = claim_records(demo_store, limit=None)
    for field in ("entity", "outlet", "text"):
        records = claim_records(demo_store, ClaimFilter(**{field: payload}), limit=None)
        if field == "text":  # substring match, checked against Python
            want = {r["id"] for r in everything if payload.lower() in r["text"].lower()}
            assert {r["id"] for r in records} == want
        else:
            assert records == []
    assert demo_store.triple_count() == before


def test_article_filter_with_a_value_that_is_not_an_iri(demo_store) -> None:
    before = demo_store.triple_count()
    for payload in PAYLOADS:
        assert claim_records(demo_store, ClaimFilter(article=payload), limit=None) == []
    assert demo_store.triple_count() == before


def test_text_filter_with_quotes_finds_quoted_claims(demo_store) -> None:
    everything = claim_records(demo_store, limit=None)
    quoted = [r for r in everything if '"' in r["text"] or "“" in r["text"]]
    assert quoted, "the demo corpus should have quoted speech"
    mark = '"' if '"' in quoted[0]["text"] else "“"
    found = claim_records(demo_store, ClaimFilter(text=mark), limit=None)
    assert {r["id"] for r in found} == {r["id"] for r in everything if mark in r["text"]}


@pytest.mark.parametrize(("spec", "extra"), [
    ("oxigraph", ["\t"]),
    ("memory", []),
    pytest.param("memory", ["\t"]),
])
def test_bound_literals_round_trip_exactly(tmp_path, spec: str, extra: list[str]) -> None:
    store = open_store("memory" if spec == "memory" else str(tmp_path / "ox"))
    try:
        for value in PAYLOADS + extra + ["\x0b\x0c\x7f\x85\u2028\u2029", "é\u0301", "\ufeff"]:
            rows = store.select("SELECT ?x WHERE { BIND(?v AS ?x) }", {"v": Literal(value)})
            assert rows == [{"x": value}], repr(value)
        iri = URIRef("http://x.example/a")
        assert store.select("SELECT ?x WHERE { BIND(?v AS ?x) }", {"v": iri}) == [
            {"x": "http://x.example/a"}]
    finally:
        store.close()

"""One store test suite, run on embedded Oxigraph, rdflib Memory, and two real SPARQL servers:
`oxigraph serve` and OpenLink Virtuoso 7.2 (Debian's `virtuoso-opensource`)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.compare import isomorphic

from graph.errors import StoreError
from graph.pipeline.batch import ingest_sources, remove_article
from graph.queries.claims import claim_records, facet_values, status_counts_where
from graph.queries.detail import provenance_chain
from graph.queries.entities import entity_info, top_entities
from graph.queries.export import export
from graph.queries.filters import ClaimFilter
from graph.sources.inputs import expand_sources
from graph.store.claim_store import ClaimStore
from graph.store.embedded import StoreLocked
from graph.store.open import open_store
from graph.store.remote import STORE_GRAPH
from graph.store.side_index import INDEX_FILE, open_index
from tests.conftest import CORPUS, DEMO

KINDS = ("oxigraph", "memory", "remote", "virtuoso")
SERVERS = {"remote": "oxigraph_server", "virtuoso": "virtuoso_server"}
DEMO_SUBSET = [DEMO / "02-harbor-times-report.html", DEMO / "06-bay-courier-dispute.html"]
CLI = [sys.executable, "-m", "graph"]


def _ingest(store: ClaimStore) -> None:
    """The fixture corpus (top folder, then late/), plus two demo pages."""
    for inputs in ([str(p) for p in sorted(CORPUS.glob("*.html"))],
                   [str(CORPUS / "late")], [str(p) for p in DEMO_SUBSET]):
        report = ingest_sources(store, expand_sources(inputs))
        assert not report.failures, report.failures


@pytest.fixture
def isolated_cache(tmp_path, monkeypatch) -> Path:
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    return cache


def _spec(kind: str, tmp_path: Path, request) -> str:
    if kind == "oxigraph":
        return str(tmp_path / "store")
    if kind == "memory":
        return "memory"
    spec = request.getfixturevalue(SERVERS[kind])
    _wipe(spec)  # the server is shared by this module's tests
    return spec


def _wipe(spec: str) -> None:
    """Drop the graphs the tests write. Not `DROP ALL`: Virtuoso ignores it (and its own
    system graphs must stay)."""
    with open_store(spec) as remote:
        rows = remote.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        mine = [r["g"] for r in rows if r["g"].startswith(("https://w3id.org/claimgraph/",
                                                            "urn:t:"))]
        if mine:
            remote.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in mine))


@pytest.fixture(params=list(SERVERS))
def server(request) -> str:
    """The store spec of each real SPARQL server, emptied."""
    spec = request.getfixturevalue(SERVERS[request.param])
    _wipe(spec)
    return spec


@pytest.fixture(params=KINDS)
def store(request, tmp_path, isolated_cache) -> Iterator[ClaimStore]:
    opened = open_store(_spec(request.param, tmp_path, request))
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def reference_records() -> list[dict]:
    memory = open_store("memory")
    _ingest(memory)
    return claim_records(memory, sort="position", limit=None)


def _key(records: list[dict]) -> list[tuple]:
    def links(record: dict, key: str) -> list[tuple]:
        return sorted((link["claim"], link["kind"]) for link in record[key])

    return [(r["id"], r["status"], links(r, "confirmed_by"), links(r, "disputed_by"),
             links(r, "derived_from")) for r in records]


def test_claims_are_identical_across_stores(store, reference_records):
    _ingest(store)
    records = claim_records(store, sort="position", limit=None)
    assert len(records) > 30
    assert _key(records) == _key(reference_records)
    assert _normal(records) == _normal(reference_records)  # every field


def test_pages_in_every_sort_order_agree_with_the_whole_list(store, tmp_path):
    """Paged reads (date and score windows, direct reads) against the unpaged list sorted in
    Python: same claims on each page, in the same order, on every store; an undated article
    sorts last when newest first and first when oldest first."""
    _ingest(store)
    report = ingest_sources(store, expand_sources([str(_undated_page(tmp_path))]))
    assert not report.failures, report.failures
    whole = claim_records(store, sort="position", limit=None)
    undated = [r for r in whole if r["published"] is None]
    assert undated
    orders = {
        "newest": lambda r: (r["published"] is None, -date_number(r["published"]), r["id"]),
        "oldest": lambda r: (r["published"] is not None, date_number(r["published"]), r["id"]),
        "check_worthiness": lambda r: (-r["check_worthiness"], r["id"]),
    }
    for sort, key in orders.items():
        expected = [r["id"] for r in sorted(whole, key=key)]
        size = len(expected)
        pages = [r["id"] for start in range(0, size + 8, 8)
                 for r in claim_records(store, sort=sort, limit=8, offset=start)]
        assert pages == expected, sort


def test_filters_on_two_bound_patterns_agree_with_the_whole_list(store, reference_records):
    """Status + outlet and entity + status: the join starts from the smaller pattern (counted
    by the store); the claims are those of the whole list, filtered in Python."""
    _ingest(store)
    cases = [(ClaimFilter(status="confirmed", outlet="theledger.example"),
              lambda r: r["status"] == "confirmed" and r["outlet_domain"] == "theledger.example"),
             (ClaimFilter(status="speculative", entity="Brightline Robotics"),
              lambda r: r["status"] == "speculative" and "Brightline Robotics" in r["entities"])]
    for flt, keep in cases:
        expected = {r["id"] for r in reference_records if keep(r)}
        assert expected, flt
        for sort in ("newest", "position"):
            got = [r["id"] for r in claim_records(store, flt, sort=sort, limit=None)]
            assert sorted(got) == sorted(expected), (flt, sort)
            paged = [r["id"] for start in range(0, len(got) + 2, 2)
                     for r in claim_records(store, flt, sort=sort, limit=2, offset=start)]
            assert sorted(paged) == sorted(expected), (flt, sort)


def _undated_page(tmp_path: Path) -> Path:
    """A demo page with every date removed (meta, time, URL path, copyright year)."""
    html = (DEMO / "02-harbor-times-report.html").read_text(encoding="utf-8")
    html = re.sub(r"<meta[^>]*(published_time|modified_time|date)[^>]*>", "", html, flags=re.I)
    html = re.sub(r"<time[^>]*>.*?</time>", "", html, flags=re.S)
    html = re.sub(r"https://[^\"]*?/20\d\d/\d\d/\d\d/", "https://undated.example/news/", html)
    page = tmp_path / "undated.html"
    page.write_text(html.replace("&copy; 2026", "&copy;"), encoding="utf-8")
    return page


def date_number(published: str | None) -> int:
    """An ISO date as a number (0 when undated: SPARQL sorts an unbound date lowest)."""
    return int(published.replace("-", "")) if published else 0


def _normal(records: list[dict]) -> list[dict]:
    """Records with their link lists sorted (queries.claim_links does not order them)."""
    keys = ("confirmed_by", "disputed_by", "derived_from")
    return [{**r, **{k: sorted(r[k], key=lambda link: link["claim"]) for k in keys}}
            for r in records]


def test_reingest_is_idempotent(store):
    _ingest(store)
    before = store.triple_count()
    report = ingest_sources(store, expand_sources([str(CORPUS)]))
    assert report.articles == 11 and all(item.skipped for item in report.items)
    forced = ingest_sources(store, expand_sources([str(CORPUS / "late")]), force=True)
    assert forced.articles == 1 and not forced.items[0].skipped
    assert store.triple_count() == before


def test_remove_drops_the_article_everywhere(store):
    _ingest(store)
    url = "https://theledger.example/tech/2026/03/16/brightline-rover-x2-recall"
    assert remove_article(store, url)
    records = claim_records(store, limit=None)
    assert records and not [r for r in records if r["article"] == url]
    for record in records:
        for key in ("confirmed_by", "disputed_by", "derived_from"):
            assert all(link["article"] != url for link in record[key])
    index = open_index(store)
    try:
        assert url not in {a["url"] for a in index.articles()}
    finally:
        index.close()


def test_export_round_trip(store):
    _ingest(store)
    reread = Dataset()
    reread.parse(data=export(store, "trig"), format="trig")
    graphs = {str(g.identifier) for g in reread.graphs() if len(g)}
    assert set(store.named_graphs()) == graphs
    for name in graphs:
        assert isomorphic(reread.graph(name), store.graph(name)), name


def test_select_binds_values_with_quotes_and_newlines(store):
    nasty = 'He said "no" \\ then\nleft; } DROP ALL { \'x\''
    store.update(
        f"INSERT DATA {{ GRAPH <urn:t:g> {{ <urn:t:s> <urn:t:p> {Literal(nasty).n3()} }} }}"
    )
    rows = store.select("SELECT ?s WHERE { ?s <urn:t:p> ?v }", {"v": Literal(nasty)})
    assert rows == [{"s": "urn:t:s"}]
    rows = store.select("SELECT ?v WHERE { ?s <urn:t:p> ?v }", {"s": URIRef("urn:t:s")})
    assert rows == [{"v": nasty}]
    assert _count(store, "urn:t:g") == 1


def test_a_failing_update_request_writes_nothing(store):
    first = "INSERT DATA { GRAPH <urn:t:g> { <urn:t:a> <urn:t:p> 1 } }"
    with pytest.raises(StoreError):
        store.update(first + " ; INSERT DATA { GRAPH <urn:t:g> { <urn:t:b> <urn:t:p> } }")
    assert _count(store, "urn:t:g") == 0
    store.update(first)
    assert _count(store, "urn:t:g") == 1


def test_an_update_failing_while_running(store, request):
    """Oxigraph rolls the whole request back. rdflib's memory store and Virtuoso keep the
    operations before the failing one (docs/stores.md)."""
    with pytest.raises(StoreError, match="update failed"):
        store.update("INSERT DATA { GRAPH <urn:t:g> { <urn:t:a> <urn:t:p> 1 } } ; "
                     "CREATE GRAPH <urn:t:g>")  # the graph exists by now: an error
    partial = request.node.callspec.params["store"] in ("memory", "virtuoso")
    assert _count(store, "urn:t:g") == (1 if partial else 0)


@pytest.mark.parametrize("store", [k for k in KINDS if k != "memory"], indirect=True)
def test_a_long_insert_data_block(store):
    """Virtuoso's parser fails near 5000 triples in one GRAPH block; the store splits them.
    (Not on `memory`: rdflib takes two minutes to parse this request.)"""
    lines = "".join(f'<urn:t:s{i}> <urn:t:p> "line {i} }} }}"@en .\n' for i in range(6000))
    store.update(f"DROP SILENT GRAPH <urn:t:g> ;\nINSERT DATA {{ GRAPH <urn:t:g> {{\n{lines}}} }}")
    assert _count(store, "urn:t:g") == 6000


@pytest.mark.parametrize("store", ["oxigraph", "remote", "virtuoso"], indirect=True)
def test_provenance_chain(store):
    _ingest(store)
    records = claim_records(store, limit=None)
    for record in records:
        chain = {row["claim"]: row["relation"] for row in provenance_chain(store, record["id"])}
        assert chain.pop(record["id"]) == "this claim"
        assert {link["claim"] for link in record["derived_from"]} <= set(chain)
        if not record["derived_from"]:
            assert not chain, record["id"]


@pytest.mark.parametrize("store", list(SERVERS), indirect=True)
def test_a_failing_query_on_a_server_raises_a_store_error(store):
    with pytest.raises(StoreError, match="query failed"):
        store.select("SELECT ?x WHERE { ?x ?p }")


def _count(store: ClaimStore, graph: str) -> int:
    rows = store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                        {"g": URIRef(graph)})
    return int(rows[0]["n"])


def test_remote_store_keeps_its_id_and_side_index(server, isolated_cache):
    with open_store(server) as first:
        side = first.side_dir
        ident = first.select(f"SELECT ?id WHERE {{ GRAPH <{STORE_GRAPH}> {{ ?s ?p ?id }} }}")
        ingest_sources(first, expand_sources([str(DEMO_SUBSET[0])]))
    assert side == isolated_cache / "claimgraph" / f"remote-{ident[0]['id']}"
    assert (side / INDEX_FILE).is_file()
    with open_store(server) as again:
        assert again.side_dir == side
    _wipe(server)
    with open_store(server) as fresh:  # a wiped endpoint gets a new id and index
        assert fresh.side_dir != side


def _run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})})


def test_cli_end_to_end_on_a_remote_store(server, isolated_cache):
    env = {"XDG_CACHE_HOME": str(isolated_cache)}
    done = _run("ingest", str(CORPUS), "--store", server, "--quiet", env=env)
    assert done.returncode == 0, done.stderr
    assert "11 articles" in done.stdout
    listed = _run("claims", "--store", server, "--format", "json",
                  env={**env, "CLAIMGRAPH_STORE": "memory"})
    assert listed.returncode == 0, listed.stderr
    records = json.loads(listed.stdout)
    assert {r["status"] for r in records} >= {"confirmed", "disputed", "speculative"}
    via_env = _run("claims", "--format", "json", env={**env, "CLAIMGRAPH_STORE": server})
    assert json.loads(via_env.stdout) == records


def test_two_ingests_at_once_into_a_remote_store(server, isolated_cache):
    env = {"XDG_CACHE_HOME": str(isolated_cache)}
    first = subprocess.Popen([*CLI, "ingest", str(CORPUS), "--store", server,
                              "--quiet"], env={**os.environ, **env},
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    second = _run("ingest", str(DEMO), "--store", server, "--quiet", env=env)
    out, err = first.communicate(timeout=300)
    assert first.returncode == 0 and second.returncode == 0, (err, second.stderr)
    with open_store(server) as remote:
        urls = {r["article"] for r in claim_records(remote, limit=None)}
        index = open_index(remote)
        indexed = {a["url"] for a in index.articles()}
        index.close()
    assert len(urls) == 11 + 12 and urls <= indexed


HOLD = """
import sys, time
from graph.store.open import open_store
store = open_store(sys.argv[1])
print("open", flush=True)
time.sleep(float(sys.argv[2]))
store.close()
"""


def _hold(path: Path, seconds: float) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(seconds)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "open"
    return holder


def test_a_store_held_by_another_process_gives_one_clear_line(tmp_path):
    holder = _hold(tmp_path / "store", 30)
    try:
        with pytest.raises(StoreLocked, match="in use by another process"):
            open_store(str(tmp_path / "store"))
        done = _run("claims", "--store", str(tmp_path / "store"))
        assert done.returncode == 1
        assert done.stderr.strip().splitlines() == [
            line for line in done.stderr.strip().splitlines() if "in use by another" in line]
    finally:
        holder.kill()
        holder.wait()


def test_wait_retries_until_the_store_is_free(tmp_path):
    holder = _hold(tmp_path / "store", 1.5)
    start = time.monotonic()
    try:
        with open_store(str(tmp_path / "store"), wait=20) as store:
            assert store.kind == "oxigraph"
        assert time.monotonic() - start >= 0.5
    finally:
        holder.wait()


def test_two_ingests_at_once_into_one_embedded_store(tmp_path, isolated_cache):
    path = str(tmp_path / "store")
    args = ["--store", path, "--quiet"]
    first = subprocess.Popen([*CLI, "ingest", str(CORPUS), *args], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    second = _run("ingest", str(DEMO), *args)
    out, err = first.communicate(timeout=300)
    for code, stderr in ((first.returncode, err), (second.returncode, second.stderr)):
        assert code == 0 or "in use by another process" in stderr, stderr
    waited = _run("ingest", str(CORPUS), str(DEMO), *args, "--wait", "60")
    assert waited.returncode == 0, waited.stderr
    with open_store(path) as store:  # never corrupt: opens, and holds every article once
        records = claim_records(store, limit=None)
        assert len({r["article"] for r in records}) == 23
        assert len({r["id"] for r in records}) == len(records)


def test_a_select_read_in_part_frees_its_rows_on_the_thread_that_ran_it(tmp_path, monkeypatch):
    """pyo3 frees Oxigraph's row iterator only on the thread that made it; an rdflib result
    read in part would otherwise wait in a reference cycle for the garbage collector, which
    may run on the ingest's writer thread."""
    import gc
    import threading

    errors: list[str] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda u: errors.append(str(u.exc_value)))
    with open_store(str(tmp_path / "s")) as store:
        store.update("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> , <urn:d> } }")
        gc.collect()
        result = store._run("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", None)
        first = next(iter(result))
        assert first is not None
        del result
        collector = threading.Thread(target=gc.collect)
        collector.start()
        collector.join()
    assert not errors


def _page(tmp_path: Path, slug: str, body: str) -> Path:
    path = tmp_path / f"{slug}.html"
    path.write_text(
        f'<html><head><title>{slug}</title>'
        f'<link rel="canonical" href="https://{slug}.example/news/story">'
        f'<meta property="og:site_name" content="{slug.title()} News">'
        '<meta property="article:published_time" content="2026-03-02T09:00:00Z"></head>'
        f"<body><article><h1>{slug}</h1><p>{body}</p></article></body></html>",
        encoding="utf-8")
    return path


def test_an_entity_keeps_its_specific_type_whatever_the_article_order(store, tmp_path):
    """One article shows a name is a person's (a surname alias), another only names them:
    "thing" from the second never replaces "person" from the first, in either order."""
    for first, name, surname in (("alpha", "Tomas Reyes", "Reyes"),
                                 ("beta", "Ines Duarte", "Duarte")):
        named = _page(tmp_path, f"{first}named", f"{name} visited the harbor site on Monday with "
                      f"the engineering team. {surname} said the steel deliveries arrived early.")
        plain = _page(tmp_path, f"{first}plain", f"The contract was signed by {name} and the city "
                      "engineer on Tuesday after a long review of the bridge inspection results.")
        order = [named, plain] if first == "alpha" else [plain, named]
        for page in order:
            report = ingest_sources(store, expand_sources([str(page)]))
            assert report.articles == 1, report.failures
        rows = store.select(
            "SELECT ?type WHERE { ?e <https://w3id.org/claimgraph/vocab#entityType> ?type ; "
            "<http://schema.org/name> ?name }", {"name": Literal(name)})
        assert [row["type"] for row in rows] == ["person"], (name, rows)


def test_a_person_named_by_surname_in_another_article_is_the_same_person(store, tmp_path):
    """"Tomas Reyes" in one article and only "Reyes" in another: the entity filter, the status
    counts and the entity page treat them as one person, until a second Reyes appears."""
    def articles_about(name: str) -> set[str]:
        flt = ClaimFilter(entity=name)
        assert sum(status_counts_where(store, flt).values()) == len(
            claim_records(store, flt, limit=None))
        return {r["article"] for r in claim_records(store, flt, limit=None)}

    full = _page(tmp_path, "fullname", "Tomas Reyes visited the harbor site on Monday with the "
                 "engineering team. Reyes said the steel deliveries for the bridge arrived early.")
    short = _page(tmp_path, "surname", "On Tuesday the ferry operator and Reyes said the winter "
                  "schedule will add two sailings, and the council approved the change.")
    other = _page(tmp_path, "otherreyes", "Ana Reyes opened the new library branch on Friday. "
                  "Reyes said the branch will stay open late on weekdays for students.")
    for page in (full, short):
        assert ingest_sources(store, expand_sources([str(page)])).articles == 1
    both = {"https://fullname.example/news/story", "https://surname.example/news/story"}
    assert articles_about("Tomas Reyes") == both
    assert articles_about("Reyes") == both
    assert "Reyes" in entity_info(store, "Tomas Reyes")["aliases"]
    assert "Reyes" not in facet_values(store)["entities"]
    counted = {row["name"]: row["claims"] for row in top_entities(store, limit=None)}
    assert counted["Tomas Reyes"] == len(claim_records(store, ClaimFilter(entity="Reyes"),
                                                       limit=None)) and "Reyes" not in counted
    assert ingest_sources(store, expand_sources([str(other)])).articles == 1
    assert articles_about("Tomas Reyes") == {"https://fullname.example/news/story"}
    assert "Reyes" in {row["name"] for row in top_entities(store, limit=None)}


def test_a_store_another_ingest_has_just_begun_to_create_is_not_refused(tmp_path):
    """RocksDB writes LOCK before CURRENT: a second ingest starting at that moment must wait
    for the lock (or say the store is in use), not call the folder someone else's files."""
    path = tmp_path / "store"
    path.mkdir()
    (path / "LOCK").write_bytes(b"")
    with open_store(str(path)) as store:
        assert store.triple_count() == 0


def test_processes_opening_a_fresh_endpoint_together_agree_on_one_side_index(server,
                                                                              isolated_cache):
    """Two ingests started at the same moment on a fresh endpoint must share one side index
    (each used to keep its own id now and then on Virtuoso: a confirmed claim's index entry
    then lived in the other's index)."""
    opened = subprocess.run(
        [sys.executable, "-c", OPEN_TOGETHER, server], capture_output=True, text=True,
        timeout=120, env={**os.environ, "XDG_CACHE_HOME": str(isolated_cache)})
    assert opened.returncode == 0, opened.stderr
    assert len(set(opened.stdout.split())) == 1, opened.stdout


OPEN_TOGETHER = """
import sys, threading
from graph.store.open import open_store
start, found = threading.Barrier(8), []
def run():
    start.wait()
    with open_store(sys.argv[1]) as store:
        found.append(str(store.side_dir))
threads = [threading.Thread(target=run) for _ in range(8)]
[t.start() for t in threads]; [t.join() for t in threads]
print(" ".join(found))
"""


def test_the_entity_filter_and_counts_include_claims_the_entity_said(store, tmp_path):
    """A quoted sentence carried to its speaker names nobody, yet it is found under the
    speaker; a claim both about and by them is counted once, in the table, the status counts
    and the most-mentioned list alike."""
    page = _page(tmp_path, "ferry", "Anna Lindqvist runs the ferry company in the harbor town. "
                 "“We are ready for the winter,” Anna Lindqvist said. “The schedule will add "
                 "two sailings from December.” The company was founded in 1990.")
    assert ingest_sources(store, expand_sources([str(page)])).articles == 1
    flt = ClaimFilter(entity="Anna Lindqvist")
    records = claim_records(store, flt, limit=None)
    said = [r for r in records if "two sailings" in r["text"]]
    assert said and said[0]["speaker"] == "Anna Lindqvist"
    assert "Anna Lindqvist" not in said[0]["entities"]
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)) == sum(status_counts_where(store, flt).values())
    counted = {row["name"]: row["claims"] for row in top_entities(store, limit=None)}
    assert counted["Anna Lindqvist"] == len(records)

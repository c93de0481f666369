"""Property tests: claim spans, minted IRIs, and any string through stores and exports."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset as RdfDataset
from rdflib import Graph, Literal, URIRef

from graph.analyze.analyzer import analyze
from graph.model import Article
from graph.queries.export import RDF_FORMATS, serialize_rdf
from graph.rdf import ids
from graph.store.claim_store import ClaimStore
from graph.store.open import open_store

FAST = settings(max_examples=60, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
# anything that can be UTF-8: lone surrogates cannot be stored or serialised anywhere
ANY_CHAR = st.characters(blacklist_categories=("Cs",))
ANY_TEXT = st.text(ANY_CHAR, max_size=200)
WORDS = st.sampled_from([
    "The", "council", "said", "Monday", "that", "the", "bridge", "will", "close", "could",
    "reportedly", "not", "Meridian Works", "$40 million", "“quoted”", "(", ")", "e.g.", "Dr.",
    "U.S.", "7-2", "\n", "\n\n", ".", "!", "?", ";", ",", "—", "'", '"', "…", "\t", "é",
    "\U0001F600", "according to", "officials", "is expected to", "\u00a0", "\r\n",
])
SENTENCE_LIKE = st.lists(WORDS, max_size=80).map(" ".join)
FORBIDDEN_IN_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')
SUBJECT = URIRef("https://w3id.org/claimgraph/id/test/subject")
PREDICATE = URIRef("http://schema.org/text")
GRAPH = "https://w3id.org/claimgraph/graph/test"


# --- 1. claim spans ------------------------------------------------------------------------------

@FAST
@given(st.one_of(SENTENCE_LIKE, ANY_TEXT))
def test_claim_text_is_the_article_text_at_its_span(text: str) -> None:
    article = Article(url="https://news.example/a", text=text, language="en")
    analyzed = analyze(article)
    for claim in analyzed.claims:
        assert 0 <= claim.start < claim.end <= len(text)
        assert claim.text == text[claim.start:claim.end]
    for sentence in analyzed.sentences:
        assert 0 <= sentence.start <= sentence.end <= len(text)


# --- 2. minted IRIs ------------------------------------------------------------------------------

URLS = st.one_of(
    ANY_TEXT,
    st.builds(lambda path: "https://news.example/" + path, ANY_TEXT),
    st.sampled_from(["", " ", "https://x.example/a b>c", 'javascript:"><script>', "\x00",
                     "https://x.example/\U0001F600?q=1#f"]),
)


def _iri_ok(iri: URIRef) -> None:
    assert isinstance(iri, URIRef)
    assert not FORBIDDEN_IN_IRI.search(str(iri)), iri
    triple = f"{iri.n3()} <http://x.example/p> {iri.n3()} .\n"
    assert len(list(ox.parse(triple.encode(), format=ox.RdfFormat.N_TRIPLES))) == 1
    assert len(Graph().parse(data=triple, format="nt")) == 1


@FAST
@given(URLS, st.integers(0, 10**9), st.integers(0, 10**9))
def test_minted_iris_are_valid_and_stable(url: str, start: int, end: int) -> None:
    for mint in (ids.article_iri, ids.article_graph_iri):
        iri = mint(url)
        _iri_ok(iri)
        assert mint(url) == iri
    claim = ids.claim_iri(url, start, end)
    _iri_ok(claim)
    assert ids.claim_iri(url, start, end) == claim
    assert ids.claim_iri(url + "x", start, end) != claim


# --- 3. any string through stores and exports --------------------------------------------------

@pytest.fixture(scope="module")
def stores(tmp_path_factory) -> Iterator[dict[str, ClaimStore]]:
    opened = {"memory": open_store("memory"),
              "oxigraph": open_store(str(tmp_path_factory.mktemp("prop-ox")))}
    yield opened
    for store in opened.values():
        store.close()


def _insert(store: ClaimStore, value: str) -> None:
    graph = Graph()
    graph.add((SUBJECT, PREDICATE, Literal(value)))
    graph.add((SUBJECT, URIRef("http://schema.org/name"), Literal(value, lang="en")))
    body = graph.serialize(format="nt")  # what the pipeline sends
    store.update(f"DROP SILENT GRAPH <{GRAPH}> ;\nINSERT DATA {{ GRAPH <{GRAPH}> {{\n{body}}} }}")


def _exported_values(data: bytes, fmt: str) -> set[str]:
    if fmt == "jsonld":
        dataset = RdfDataset()
        dataset.parse(data=data.decode("utf-8"), format="json-ld")
        values = {str(o) for _, p, o, _ in dataset.quads() if p == PREDICATE}
        parsed = json.loads(data)  # and the raw JSON holds it unchanged
        assert parsed is not None
        return values
    quads = ox.parse(data, format=RDF_FORMATS[fmt][0])
    return {q.object.value for q in quads if q.predicate.value == str(PREDICATE)}


def _check_round_trip(store: ClaimStore, value: str) -> None:
    _insert(store, value)
    rows = store.select("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }",
                        {"g": URIRef(GRAPH), "s": SUBJECT, "p": PREDICATE})
    assert [r["o"] for r in rows] == [value]
    assert {str(o) for o in store.graph(GRAPH).objects()} == {value}
    for fmt in RDF_FORMATS:
        data = serialize_rdf(store, fmt, [GRAPH])
        assert _exported_values(data, fmt) == {value}, fmt


HARD = st.sampled_from(['"', '"""', "\\", '\\"', "\n", "\r", "\r\n", "\x00", "\x01\x1f\x7f",
                        "\u2028", "\U0001F600", "\ufeff", "'''", "a\"b'c", " } ; DROP ALL ; #",
                        "\\u0041", "é\u0301", "\u0085"])


@FAST
@given(st.one_of(ANY_TEXT, HARD))
def test_any_string_round_trips_through_oxigraph_and_exports(stores, value: str) -> None:
    _check_round_trip(stores["oxigraph"], value)


@FAST
@given(st.one_of(ANY_TEXT, HARD))
def test_any_string_round_trips_through_memory_store_and_exports(stores, value: str) -> None:
    _check_round_trip(stores["memory"], value)


def test_tabs_round_trip_through_memory_store(stores) -> None:
    _check_round_trip(stores["memory"], "a\tb")


def test_backslash_u_round_trips_through_memory_store(stores) -> None:
    _check_round_trip(stores["memory"], "C:\\users\\u0041")


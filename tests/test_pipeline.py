"""End to end: HTML -> claims -> store -> JSON / exports, on the demo corpus."""

from __future__ import annotations

import pyshacl
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from graph.analyze.analyzer import ANALYZER_NAME, ANALYZER_VERSION
from graph.analyze.doc import model_info
from graph.pipeline.batch import ingest_sources, remove_article
from graph.queries.claims import claim_records, status_counts
from graph.queries.export import export
from graph.queries.filters import ClaimFilter
from graph.rdf import ids
from graph.sources.inputs import expand_sources
from graph.store.open import open_store
from tests.conftest import DEMO, ROOT

JSON_FIELDS = {
    "id", "text", "content", "start", "end", "article", "outlet", "outlet_domain", "published",
    "status", "sourced", "source", "cue", "speculative", "hedge_cues", "negated", "entities",
    "confirmed_by", "disputed_by", "derived_from", "check_worthiness",
}
STATUSES = {"confirmed", "disputed", "speculative", "sourced", "unsourced"}


def _by_text(records: list[dict], fragment: str) -> dict:
    found = [r for r in records if fragment in r["text"]]
    assert found, f"no claim contains {fragment!r}"
    return found[0]


def test_claim_records_have_the_documented_fields(demo_store):
    records = claim_records(demo_store, limit=None)
    assert len(records) > 50
    for record in records:
        assert set(record) >= JSON_FIELDS
        assert record["status"] in STATUSES
        assert 0.0 <= record["check_worthiness"] <= 1.0
        assert record["start"] < record["end"]
        for key in ("confirmed_by", "disputed_by", "derived_from"):
            for link in record[key]:
                assert set(link) >= {"claim", "article", "outlet_domain", "kind"}


def test_offsets_point_into_the_stored_article_text(demo_store):
    records = claim_records(demo_store, limit=None)
    texts = {row["url"]: row["body"] for row in demo_store.select(
        "SELECT ?url ?body WHERE { ?a <http://schema.org/url> ?url ; "
        "<http://schema.org/text> ?body }")}
    for record in records:
        assert texts[record["article"]][record["start"]:record["end"]] == record["text"]
        assert record["content"] in record["text"]


def test_obvious_sentences_get_the_right_flags(demo_store):
    records = claim_records(demo_store, limit=None)
    spokesperson = _by_text(records, "A council spokesperson said")
    assert spokesperson["sourced"] and spokesperson["source"] == "A council spokesperson"
    assert spokesperson["cue"] == "said"
    tolls = _by_text(records, "is expected to introduce tolls")
    assert tolls["speculative"] and tolls["hedge_cues"]
    design = _by_text(records, "The final design has not been announced")
    assert design["negated"] and not design["sourced"]
    vehicles = _by_text(records, "48,000 vehicles")
    assert not vehicles["sourced"] and not vehicles["speculative"]
    assert vehicles["status"] == "unsourced"


def test_headings_questions_and_bylines_are_not_claims(demo_store):
    records = claim_records(demo_store, limit=None)
    assert not [r for r in records if r["text"].rstrip().endswith("?")]
    assert not [r for r in records if r["text"].startswith("By ")]
    headlines = {row["title"] for row in demo_store.select(
        "SELECT ?title WHERE { ?a <http://schema.org/headline> ?title }")}
    assert not [r for r in records if r["text"] in headlines]


def test_every_status_appears_on_the_demo_corpus(demo_store):
    counts = status_counts(demo_store)
    assert {status for status, n in counts.items() if n} == STATUSES


def test_filters_narrow_the_claims(demo_store):
    speculative = claim_records(demo_store, ClaimFilter(status="speculative"), limit=None)
    assert speculative and all(r["status"] == "speculative" for r in speculative)
    ledger = claim_records(demo_store, ClaimFilter(outlet="calderledger.example"), limit=None)
    assert ledger and all(r["outlet_domain"] == "calderledger.example" for r in ledger)
    about = claim_records(demo_store, ClaimFilter(entity="meridian works"), limit=None)
    assert about and all("Meridian Works" in r["entities"] or r["speaker"] == "Meridian Works"
                         for r in about)


def test_reingesting_the_same_files_changes_nothing(demo_store):
    before = demo_store.triple_count()
    report = ingest_sources(demo_store, expand_sources([str(DEMO)]))
    assert report.articles == 12 and all(item.skipped for item in report.items)
    assert demo_store.triple_count() == before
    forced = ingest_sources(demo_store, expand_sources([str(DEMO)]), force=True)
    assert forced.articles == 12 and not any(item.skipped for item in forced.items)
    assert demo_store.triple_count() == before


def test_trig_export_reimports_isomorphically_and_passes_shacl(demo_store):
    data = export(demo_store, "trig")
    reread = Dataset()
    reread.parse(data=data, format="trig")
    graphs = {str(g.identifier) for g in reread.graphs() if len(g)}
    assert set(demo_store.named_graphs()) == graphs
    for name in graphs:
        assert isomorphic(reread.graph(name), demo_store.graph(name)), name
    union = Graph()
    for graph in reread.graphs():
        union += graph
    shapes = Graph().parse(ROOT / "data" / "shapes.ttl")
    conforms, _, text = pyshacl.validate(union, shacl_graph=shapes, inference="none")
    assert conforms, text[:3000]


def test_every_rdf_format_parses_back(demo_store):
    expected = demo_store.triple_count()
    for fmt, parse_as in (("nquads", "nquads"), ("jsonld", "json-ld")):
        dataset = Dataset()
        dataset.parse(data=export(demo_store, fmt), format=parse_as)
        assert sum(len(g) for g in dataset.graphs()) == expected, fmt
    for fmt in ("turtle", "nt"):
        graph = Graph().parse(data=export(demo_store, fmt), format=fmt)
        assert 0 < len(graph) <= expected


def test_no_blank_nodes_anywhere(demo_store):
    rows = demo_store.select(
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o FILTER(isBlank(?s) || isBlank(?o)) } }"
    )
    assert rows[0]["n"] == 0


def test_the_extraction_run_records_the_analyzer(demo_store):
    rows = demo_store.select(
        "PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX schema: <http://schema.org/> "
        "SELECT DISTINCT ?name ?version WHERE { ?run a prov:Activity ; "
        "prov:wasAssociatedWith ?agent . ?agent a prov:SoftwareAgent ; schema:name ?name ; "
        "schema:softwareVersion ?version }"
    )
    names = {str(row["name"]): str(row["version"]) for row in rows}
    info = model_info()
    assert set(names) == {ANALYZER_NAME, info.name}  # the analyzer and the model it parsed with
    assert names[info.name] == info.version and names[ANALYZER_NAME] == ANALYZER_VERSION


def test_removing_an_article_drops_its_graph_and_links(demo_store):
    url = "https://harbortimes.example/2026/03/02/bridge-contract"
    assert remove_article(demo_store, url)
    assert str(ids.article_graph_iri(url)) not in demo_store.named_graphs()
    records = claim_records(demo_store, limit=None)
    assert not [r for r in records if r["article"] == url]
    for record in records:
        for key in ("confirmed_by", "disputed_by", "derived_from"):
            assert all(link["article"] != url for link in record[key])


def test_memory_store_gives_the_same_claims(demo_store, tmp_path):
    memory = open_store("memory")
    ingest_sources(memory, expand_sources([str(DEMO)]))
    ours = {(r["id"], r["status"]) for r in claim_records(memory, limit=None)}
    theirs = {(r["id"], r["status"]) for r in claim_records(demo_store, limit=None)}
    assert ours == theirs


def test_count_claims_agrees_with_the_listing(demo_store):
    from graph.queries.claims import count_claims

    for flt in (ClaimFilter(), ClaimFilter(status="speculative"), ClaimFilter(status="unsourced"),
                ClaimFilter(entity="Meridian Works"), ClaimFilter(outlet="Harbor Times",
                                                                  status="sourced")):
        assert count_claims(demo_store, flt) == len(claim_records(demo_store, flt, limit=None))

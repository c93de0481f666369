"""Independent confirmation on the fixture corpus (tests/fixtures/corpus/README.md), end to end:
HTML -> analysis -> corroboration index -> store -> claims JSON, then a late confirmation."""

from __future__ import annotations

import pytest

from graph.corroborate.network import derivation_graph, find_circular_reporting, trace
from graph.pipeline.batch import ingest_sources
from graph.queries.claims import claim_records
from graph.sources.inputs import expand_sources
from graph.store.open import open_store
from graph.store.side_index import open_index
from tests.conftest import CORPUS

F1 = ("will recall", "April 4")
F2 = "covers 12,000"
D = "18,000 Rover X2 units, not 12,000"
C = "fault affects the battery controller"
S = "Rover X3"
R = "Fenwick assembly plant in June"


def claims_with(records: list[dict], *fragments: str) -> list[dict]:
    found = [r for r in records if all(f in r["text"] for f in fragments)]
    assert found, f"no claim with {fragments}"
    return found


def outlets(links: list[dict], *kinds: str) -> set[str]:
    return {link["outlet_domain"] for link in links if not kinds or link["kind"] in kinds}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    opened = open_store(str(tmp_path_factory.mktemp("corroboration")))
    main = sorted(str(p) for p in CORPUS.glob("*.html"))
    report = ingest_sources(opened, expand_sources(main))
    assert report.articles == 10 and not report.failures
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def before(store) -> list[dict]:
    return claim_records(store, limit=None)


@pytest.fixture(scope="module")
def after(store, before) -> list[dict]:
    report = ingest_sources(store, expand_sources([str(CORPUS / "late")]))
    assert report.articles == 1
    return claim_records(store, limit=None)


def test_independent_confirmation_by_two_outlets_and_the_primary_source(before):
    primary = claims_with(before, *F1, )[0]
    ledger = [r for r in claims_with(before, *F1) if r["outlet_domain"] == "theledger.example"][0]
    assert ledger["status"] == "confirmed"
    supporters = outlets(ledger["confirmed_by"], "independent", "primary")
    assert {"techcurrent.example", "newsroom.brightlinerobotics.example"} <= supporters
    assert primary["status"] == "confirmed"


def test_copies_are_derived_never_confirmations(before):
    for domain, kind in (("dailydigest.example", "copy"), ("consumerbeat.example", None)):
        copies = [r for r in claims_with(before, F2) if r["outlet_domain"] == domain]
        assert copies, domain
        derived = copies[0]["derived_from"]
        assert "theledger.example" in outlets(derived), domain
        if kind:
            assert {link["kind"] for link in derived} == {kind}
    ledger = [r for r in claims_with(before, F2) if r["outlet_domain"] == "theledger.example"][0]
    assert not outlets(ledger["confirmed_by"]) & {"dailydigest.example", "consumerbeat.example"}


def test_a_different_figure_disputes(before):
    for record in claims_with(before, F2):
        assert record["status"] == "disputed", record["outlet_domain"]
    assert "gadgetwatch.example" in outlets(claims_with(before, F2)[0]["disputed_by"])
    assert claims_with(before, D)[0]["status"] == "disputed"


def test_speculation_repeated_by_others_stays_speculative(before):
    for record in claims_with(before, S, "recall"):
        assert record["speculative"] and record["status"] == "speculative"
        assert not record["confirmed_by"]


def test_circular_citation_is_not_confirmation(store, before):
    for record in claims_with(before, R):
        assert record["status"] not in ("confirmed", "disputed")
    index = open_index(store)
    try:
        report = find_circular_reporting(derivation_graph(index.article_derivations()))
    finally:
        index.close()
    cycle_hosts = {url.split("/")[2] for cycle in report.cycles for url in cycle}
    assert {"northgateherald.example", "riverpost.example"} <= cycle_hosts


def test_a_late_independent_confirmation_flips_an_earlier_claim(before, after):
    ledger_c = [r for r in claims_with(before, C) if r["outlet_domain"] == "theledger.example"][0]
    assert ledger_c["status"] == "sourced"
    assert ledger_c["source"] == "Brightline chief executive Mara Okafor"
    flipped = [r for r in after if r["id"] == ledger_c["id"]][0]
    assert flipped["status"] == "confirmed"
    assert "prairietechjournal.example" in outlets(flipped["confirmed_by"], "independent")


def test_trace_goes_back_to_the_earliest_source(store, before):
    copy = [r for r in claims_with(before, F2) if r["outlet_domain"] == "dailydigest.example"][0]
    index = open_index(store)
    try:
        steps = trace(copy["id"], index)
    finally:
        index.close()
    assert steps[0].domain == "theledger.example" and steps[0].role == "origin"
    assert steps[-1].claim == copy["id"]
    assert [s.published for s in steps] == sorted(s.published for s in steps)

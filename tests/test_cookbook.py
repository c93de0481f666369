"""The README's SPARQL cookbook, run as written against the fixture corpus."""

from __future__ import annotations

import re

import pytest

from graph.queries.claims import claim_records
from graph.queries.console import run_query
from graph.queries.filters import ClaimFilter
from graph.store.open import open_store
from tests.conftest import CORPUS, ROOT, build_store

README = (ROOT / "README.md").read_text(encoding="utf-8")
COOKBOOK = re.findall(r"```sparql\n(.*?)```", README, re.S)


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus")
    build_store(str(path), CORPUS)
    store = open_store(str(path))
    yield store
    store.close()


def test_the_readme_has_the_three_cookbook_queries():
    assert len(COOKBOOK) == 3


def test_claims_confirmed_by_two_independent_outlets(corpus_store):
    result = run_query(corpus_store, COOKBOOK[0])
    assert result.rows and all(row["outlets"] >= 2 for row in result.rows)
    assert any("April 4" in row["text"] for row in result.rows)
    confirmed = {r["id"] for r in claim_records(corpus_store, ClaimFilter(status="confirmed"),
                                                limit=None)}
    assert {row["claim"] for row in result.rows} <= confirmed  # no disputed or speculative one


def test_a_disputed_claim_with_confirmations_is_not_listed_as_confirmed(demo_store):
    disputed = [r for r in claim_records(demo_store, ClaimFilter(status="disputed"), limit=None)
                if len({link["outlet_domain"] for link in r["confirmed_by"]}) >= 2]
    assert disputed, "the demo has a disputed claim that two outlets also match"
    listed = {row["claim"] for row in run_query(demo_store, COOKBOOK[0]).rows}
    assert listed and not listed & {r["id"] for r in disputed}


def test_speculative_claims_about_an_entity(corpus_store):
    result = run_query(corpus_store, COOKBOOK[1])
    texts = [row["text"] for row in result.rows]
    assert any("Rover X3" in text for text in texts)
    assert all(row["cues"] for row in result.rows)


def test_origin_chain_of_a_copied_claim(corpus_store):
    copies = [r for r in claim_records(corpus_store, ClaimFilter(outlet="dailydigest.example"),
                                       limit=None) if r["derived_from"]]
    assert copies, "the syndicated copy should have derived claims"
    query = COOKBOOK[2].replace("https://w3id.org/claimgraph/id/claim/CLAIM", copies[0]["id"])
    result = run_query(corpus_store, query)
    urls = [row["url"] for row in result.rows]
    assert urls[0].startswith("https://theledger.example/")
    assert urls[-1].startswith("https://dailydigest.example/")

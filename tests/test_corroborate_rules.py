"""Corroboration rules on small hand-built corpora: copies, denied figures, announcements,
unrelated claims, ingestion order."""

from __future__ import annotations

import pytest

from graph.corroborate.index import CorroborationIndex
from graph.model import Status
from tests.test_corroborate import BUDGET, D1, D2, D3, FILLER
from tests.test_corroborate_factory import C, iri, story


@pytest.fixture()
def index() -> CorroborationIndex:
    idx = CorroborationIndex.open(None)
    yield idx
    idx.close()


def test_a_copy_adds_no_independent_support(index: CorroborationIndex) -> None:
    a = story("harbortimes.example", "a", D1, [BUDGET], filler=FILLER)
    copy = story("aggregator.example", "b", D2, [BUDGET], filler=FILLER)
    other = story(
        "ledger.example",
        "c",
        D2,
        ["The $40 million ferry terminal budget was approved by Port Calder on Tuesday."],
    )
    for art in (other, copy, a):  # the copy arrives before its original
        index.add(art)
    verdict = index.status_of(iri(other, 0))
    assert verdict.status is Status.CONFIRMED
    assert verdict.confirmations == 1  # the Harbor Times, not its copy
    assert index.status_of(iri(copy, 0)).status is Status.CONFIRMED  # confirmed by the Ledger


def test_denied_figure_disputes(index: CorroborationIndex) -> None:
    a = story("harbortimes.example", "a", D1, ["The recall covers 12,000 units of the Rover X2."])
    b = story(
        "ledger.example",
        "b",
        D2,
        ["The recall covers 18,000 Rover X2 units, not 12,000, according to a filing."],
    )
    index.add(a)
    index.add(b)
    assert index.status_of(iri(a, 0)).status is Status.DISPUTED
    assert index.status_of(iri(b, 0)).status is Status.DISPUTED


def test_future_tense_announcement_can_confirm(index: CorroborationIndex) -> None:
    a = story(
        "harbortimes.example",
        "a",
        D1,
        [C("Port Calder will open the ferry terminal on May 4.", hedges=("will",))],
    )
    b = story(
        "ledger.example",
        "b",
        D2,
        [C("On May 4, Port Calder will open its ferry terminal.", hedges=("will",))],
    )
    index.add(a)
    index.add(b)
    assert index.status_of(iri(a, 0)).status is Status.CONFIRMED


def test_unrelated_claims_about_one_entity_do_not_match(index: CorroborationIndex) -> None:
    a = story("harbortimes.example", "a", D1, ["The recall covers 12,000 units of the Rover X2."])
    b = story(
        "ledger.example",
        "b",
        D2,
        ["Those units use the same internal parts as the Rover X2."],
    )
    index.add(a)
    index.add(b)
    assert index.links_for(iri(a, 0)) == []


def test_links_do_not_depend_on_ingestion_order() -> None:
    arts = [
        story("harbortimes.example", "a", D1, [BUDGET], filler=FILLER),
        story("aggregator.example", "b", D2, [BUDGET], filler=FILLER),
        story(
            "ledger.example",
            "c",
            D2,
            [
                "The $40 million ferry terminal budget was approved by Port Calder on Tuesday, "
                "according to the Gazette."
            ],
            links=("https://gazette.example/d",),
        ),
        story(
            "gazette.example",
            "d",
            D3,
            [
                "Port Calder approved its $40 million ferry terminal budget on Tuesday, "
                "the Ledger reported."
            ],
            links=("https://ledger.example/c",),
        ),
    ]
    results = []
    for order in (arts, arts[::-1]):
        with CorroborationIndex.open(None) as idx:
            for art in order:
                idx.add(art)
            links = {
                (lk.subject, lk.target, lk.relation)
                for a in arts
                for i in range(1)
                for lk in idx.links_for(iri(a, i))
            }
            results.append((links, {k: v.status for k, v in idx.statuses().items()}))
    assert results[0] == results[1]


def test_an_outlet_named_as_where_a_source_wrote_is_a_citation() -> None:
    from graph.corroborate.derivation import cited_outlets

    text = ("Analyst Dana Whitlock, who noted in The Span Letter that the viaduct was late, "
            "said more. She wrote in her newsletter, The Spar Letter, that costs rise. "
            "Reyes noted in March that work had begun.")
    assert [(c.name, c.phrase) for c in cited_outlets(text)] == [
        ("The Span Letter", "noted in The Span Letter"),
        ("The Spar Letter", "wrote in her newsletter, The Spar Letter"),
    ]


def test_the_same_names_saying_something_else_is_not_the_same_claim() -> None:
    from graph.corroborate.matching import MatchKind, compare, make_features

    names = ["port-calder", "harbor-bridge", "meridian-works"]
    post = make_features("urn:a", "Port Calder will shut the Harbor Bridge to all traffic for two "
                         "years while Meridian Works retrofits it", entities=names)
    contract = make_features("urn:b", "Meridian Works has won the $40 million contract to "
                             "retrofit the Harbor Bridge for Port Calder.", entities=names)
    closure = make_features("urn:c", "Port Calder will close the Harbor Bridge to all traffic "
                            "for two years while Meridian Works retrofits it, the city said.",
                            entities=names)
    assert compare(post, contract) is None and compare(contract, post) is None
    assert compare(post, closure).kind is MatchKind.SAME


def test_reasons_write_figures_as_the_text_does() -> None:
    from graph.corroborate.matching import MatchKind, compare, make_features
    from graph.corroborate.text import quantity_spans

    assert quantity_spans("The council paid $40 million, not 12,000 dollars, on March 3.") == {
        "money:4e+07": "$40 million", "!money:12000": "12,000 dollars", "date:3-3": "March 3"}
    names = ["meridian works", "harbor bridge"]

    def claim(iri: str, text: str):
        return make_features(iri, text, entities=names)

    match = compare(claim("urn:a", "Meridian Works won the $40 million contract to repair the "
                          "Harbor Bridge"),
                    claim("urn:b", "Meridian Works won the $52 million contract to repair the "
                          "Harbor Bridge"))
    assert match is not None and match.kind is MatchKind.DISPUTE
    assert match.reason == "different amount: $40 million vs $52 million"
    turnout = "Turnout in the Harbor Bridge vote reached {} of voters in Port Calder"
    match = compare(claim("urn:c", turnout.format("12 percent")),
                    claim("urn:d", turnout.format("15%")))
    assert match.reason == "different percentage: 12 percent vs 15%"

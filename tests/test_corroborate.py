"""Corroboration index: matching, derivation, independence, statuses, reviews, idempotence."""

from __future__ import annotations

from datetime import date

import pytest

from graph.corroborate.index import CorroborationIndex
from graph.model import LinkKind, Relation, Review, Status
from tests.test_corroborate_factory import C, iri, make, story

D1, D2, D3 = date(2024, 3, 1), date(2024, 3, 2), date(2024, 3, 3)
BUDGET = "Port Calder approved a $40 million budget for the new ferry terminal on Tuesday."
FILLER = (
    "The harbour has long been a point of contention among residents and local businesses alike.",
    "Construction crews are expected to begin work on the northern pier later in spring.",
)


@pytest.fixture()
def index() -> CorroborationIndex:
    idx = CorroborationIndex.open(None)
    yield idx
    idx.close()


def test_independent_outlet_confirms(index: CorroborationIndex) -> None:
    a = make("https://harbortimes.example/a", "Harbor Times", "harbortimes.example", D1, [BUDGET])
    b = story(
        "ledger.example",
        "b",
        D2,
        ["On Tuesday Port Calder approved a budget of $40 million for its new ferry terminal."],
    )
    index.add(a)
    assert index.status_of(iri(a, 0)).status is Status.UNSOURCED
    upd = index.add(b)
    # the earlier claim's status changes when the confirming article arrives
    verdict = upd.statuses[iri(a, 0)]
    assert verdict.status is Status.CONFIRMED
    assert verdict.confirmations == 1
    assert any("ledger.example" in r.text and r.kind == "confirmed" for r in verdict.reasons)
    assert index.status_of(iri(b, 0)).status is Status.CONFIRMED
    rels = {(lk.subject, lk.target, lk.relation, lk.kind) for lk in upd.links}
    assert (iri(b, 0), iri(a, 0), Relation.CONFIRMS, LinkKind.INDEPENDENT) in rels


def test_same_outlet_never_confirms_itself(index: CorroborationIndex) -> None:
    a = make("https://harbortimes.example/a", "Harbor Times", "harbortimes.example", D1, [BUDGET])
    b = make("https://harbortimes.example/b", "Harbor Times", "harbortimes.example", D2, [BUDGET])
    index.add(a)
    index.add(b)
    assert index.status_of(iri(a, 0)).status is Status.UNSOURCED
    assert index.links_for(iri(a, 0)) == []


def test_different_amount_disputes(index: CorroborationIndex) -> None:
    a = make("https://harbortimes.example/a", "Harbor Times", "harbortimes.example", D1, [BUDGET])
    b = story(
        "ledger.example",
        "b",
        D2,
        ["Port Calder approved a $25 million budget for the new ferry terminal on Tuesday."],
    )
    index.add(a)
    index.add(b)
    verdict = index.status_of(iri(a, 0))
    assert verdict.status is Status.DISPUTED
    assert any("different amount: $25 million vs $" in r.text or
               "different amount: $" in r.text and "$25 million" in r.text
               for r in verdict.reasons), [r.text for r in verdict.reasons]
    assert not any("e+07" in r.text for r in verdict.reasons)


def test_explicit_denial_disputes(index: CorroborationIndex) -> None:
    a = story(
        "harbortimes.example",
        "a",
        D1,
        ["Meridian Works will close its Port Calder plant next year."],
    )
    b = story(
        "ledger.example",
        "b",
        D2,
        [
            C(
                "A Meridian Works spokesperson denied that Meridian Works will close its "
                "Port Calder plant next year.",
                content="Meridian Works will close its Port Calder plant next year",
                source="A Meridian Works spokesperson",
                cue="denied",
            )
        ],
    )
    index.add(a)
    index.add(b)
    assert index.status_of(iri(a, 0)).status is Status.DISPUTED


def test_copy_is_not_a_confirmation(index: CorroborationIndex) -> None:
    a = story("harbortimes.example", "a", D1, [BUDGET], filler=FILLER)
    b = story("aggregator.example", "b", D2, [BUDGET], filler=FILLER)
    index.add(a)
    upd = index.add(b)
    assert index.status_of(iri(a, 0)).status is Status.UNSOURCED
    assert index.status_of(iri(b, 0)).status is Status.UNSOURCED
    [link] = [lk for lk in upd.links if lk.relation is Relation.DERIVED_FROM]
    assert (link.subject, link.target, link.kind) == (iri(b, 0), iri(a, 0), LinkKind.COPY)
    assert any(d[:3] == (b.article.url, a.article.url, "copy") for d in index.article_derivations())
    assert any(r.kind == "repeated_by" for r in index.status_of(iri(a, 0)).reasons)


@pytest.mark.parametrize(
    "phrase",
    [
        "as first reported by the Harbor Times",
        "the Harbor Times reported",
        "according to the Harbor Times",
        "first published by the Harbor Times",
    ],
)
def test_naming_the_outlet_is_a_citation(index: CorroborationIndex, phrase: str) -> None:
    a = make("https://harbortimes.example/a", "Harbor Times", "harbortimes.example", D1, [BUDGET])
    b = story(
        "ledger.example",
        "b",
        D2,
        [f"Port Calder approved a $40 million budget for the ferry terminal, {phrase}."],
    )
    index.add(a)
    upd = index.add(b)
    assert index.status_of(iri(a, 0)).status is not Status.CONFIRMED
    kinds = {(lk.relation, lk.kind) for lk in upd.links}
    assert kinds == {(Relation.DERIVED_FROM, LinkKind.CITATION)}


def test_hyperlink_is_a_citation_even_when_ingested_first(index: CorroborationIndex) -> None:
    a = make("https://harbortimes.example/a", "Harbor Times", "harbortimes.example", D1, [BUDGET])
    b = story(
        "ledger.example",
        "b",
        D2,
        ["Port Calder approved a $40 million budget for its new ferry terminal on Tuesday."],
        links=("https://www.harbortimes.example/a/",),
    )
    index.add(b)  # the derived article arrives first
    index.add(a)
    assert index.status_of(iri(a, 0)).status is Status.UNSOURCED
    assert [lk.relation for lk in index.links_for(iri(b, 0))] == [Relation.DERIVED_FROM]


def test_transitive_derivation_is_not_independent(index: CorroborationIndex) -> None:
    a = make("https://harbortimes.example/a", "Harbor Times", "harbortimes.example", D1, [BUDGET])
    b = story("ledger.example", "b", D2, [BUDGET], links=("https://harbortimes.example/a",))
    c = story("gazette.example", "c", D3, [BUDGET], links=("https://ledger.example/b",))
    for art in (a, b, c):
        index.add(art)
    assert index.status_of(iri(a, 0)).status is Status.UNSOURCED
    assert all(lk.relation is Relation.DERIVED_FROM for lk in index.links_for(iri(c, 0)))


def test_speculation_repeated_stays_speculation(index: CorroborationIndex) -> None:
    spec = "Port Calder could approve a $40 million budget for the new ferry terminal."
    a = story("harbortimes.example", "a", D1, [C(spec, hedges=("could",))])
    b = make(
        "https://ledger.example/b", "Ledger", "ledger.example", D2, [C(spec, hedges=("could",))]
    )
    index.add(a)
    index.add(b)
    verdict = index.status_of(iri(a, 0))
    assert verdict.status is Status.SPECULATIVE
    assert verdict.reasons[0].text == "hedge cue 'could'"
    # a later non-speculative independent statement confirms it
    c = make("https://gazette.example/c", "Gazette", "gazette.example", D3, [BUDGET])
    index.add(c)
    assert index.status_of(iri(a, 0)).status is Status.CONFIRMED
    assert index.status_of(iri(c, 0)).status is Status.UNSOURCED  # speculation confirms nothing


def test_primary_source_confirms(index: CorroborationIndex) -> None:
    a = make("https://harbortimes.example/a", "Harbor Times", "harbortimes.example", D1, [BUDGET])
    p = story(
        "press.portcalder.example",
        "r",
        D1,
        ["Port Calder approved a $40 million budget for the new ferry terminal on Tuesday."],
    )
    index.add(a)
    upd = index.add(p)
    kinds = {(lk.subject, lk.relation, lk.kind) for lk in upd.links}
    assert (iri(p, 0), Relation.CONFIRMS, LinkKind.PRIMARY) in kinds
    verdict = index.status_of(iri(a, 0))
    assert verdict.status is Status.CONFIRMED
    assert verdict.reasons[0].kind == "primary"


def test_status_precedence_and_reasons(index: CorroborationIndex) -> None:
    a = story(
        "harbortimes.example",
        "a",
        D1,
        [
            C(
                "A council spokesperson said the terminal could open in May.",
                content="the terminal could open in May",
                source="A council spokesperson",
                cue="said",
                hedges=("could",),
            ),
            C(
                "A council spokesperson said the pier was repaired last week.",
                content="the pier was repaired last week",
                source="A council spokesperson",
                cue="said",
            ),
            C("Le port est fermé depuis lundi.", analyzed=False),
        ],
    )
    index.add(a)
    first, second, third = (index.status_of(iri(a, i)) for i in range(3))
    assert first.status is Status.SPECULATIVE
    assert second.status is Status.SOURCED
    assert second.reasons[0].text == "attributed to 'A council spokesperson' (cue 'said')"
    assert third.status is Status.UNSOURCED
    assert third.reasons[0].text == "not analysed (language)"


def test_confirmation_counts_distinct_outlets(index: CorroborationIndex) -> None:
    a = make("https://harbortimes.example/a", "Harbor Times", "harbortimes.example", D1, [BUDGET])
    index.add(a)
    for i, dom in enumerate(["ledger.example", "ledger.example", "gazette.example"]):
        index.add(
            make(
                f"https://{dom}/{i}",
                dom,
                dom,
                D2,
                [f"Port Calder approved a $40 million budget for its ferry terminal ({i})."],
            )
        )
    assert index.status_of(iri(a, 0)).confirmations == 2


def test_readd_is_idempotent_and_remove_restores(index: CorroborationIndex) -> None:
    a = make("https://harbortimes.example/a", "Harbor Times", "harbortimes.example", D1, [BUDGET])
    b = story(
        "ledger.example",
        "b",
        D2,
        ["The $40 million ferry terminal budget was approved by Port Calder on Tuesday."],
    )
    index.add(a)
    first = index.add(b)
    again = index.add(b)
    assert first.links == again.links
    assert index.statuses() == {k: v for k, v in index.statuses().items()}
    assert len(index.links_for(iri(a, 0))) == 2
    upd = index.remove(b.article.url)
    assert upd.removed_claims == {iri(b, 0)}
    assert upd.statuses[iri(a, 0)].status is Status.UNSOURCED
    assert index.links_for(iri(a, 0)) == []
    assert index.status_of(iri(b, 0)) is None


def test_manual_review(index: CorroborationIndex) -> None:
    a = make("https://harbortimes.example/a", "Harbor Times", "harbortimes.example", D1, [BUDGET])
    index.add(a)
    upd = index.add_review(iri(a, 0), "false", "urn:review:1", "Checkers", "https://c.example/1")
    assert upd.statuses[iri(a, 0)].status is Status.DISPUTED
    assert any(lk.kind is LinkKind.REVIEW for lk in index.links_for(iri(a, 0)))
    index.withdraw_review("urn:review:1")
    assert index.status_of(iri(a, 0)).status is Status.UNSOURCED
    with pytest.raises(ValueError):
        index.add_review(iri(a, 0), "maybe", "urn:review:2")


def test_embedded_claimreview_matches_claims_both_ways(index: CorroborationIndex) -> None:
    review = Review(
        claim_reviewed="Port Calder approved a $40 million ferry terminal budget.",
        rating="True",
        verdict="true",
        author="FactCheck Desk",
    )
    a = make("https://harbortimes.example/a", "Harbor Times", "harbortimes.example", D1, [BUDGET])
    fc = story(
        "factcheck.example",
        "fc",
        D2,
        ["The mayor spoke at length about several different topics."],
        reviews=(review,),
    )
    index.add(a)
    index.add(fc)
    verdict = index.status_of(iri(a, 0))
    assert verdict.status is Status.CONFIRMED and verdict.reasons[0].kind == "review"
    # a claim ingested after the review is matched too
    later = story(
        "gazette.example",
        "g",
        D3,
        ["Port Calder has approved a $40 million budget for the ferry terminal."],
    )
    index.add(later)
    assert any(lk.kind is LinkKind.REVIEW for lk in index.links_for(iri(later, 0)))
    index.remove(fc.article.url)
    assert not any(lk.kind is LinkKind.REVIEW for lk in index.links_for(iri(a, 0)))


def test_persistent_file_reopens(tmp_path) -> None:
    path = tmp_path / "store" / "corroboration.sqlite"
    a = make("https://harbortimes.example/a", "Harbor Times", "harbortimes.example", D1, [BUDGET])
    with CorroborationIndex.open(path) as idx:
        idx.add(a)
    with CorroborationIndex.open(path) as idx:
        assert idx.status_of(iri(a, 0)).status is Status.UNSOURCED
        assert idx.articles()[0]["url"] == a.article.url


def test_the_actors_own_newsroom_disputes_as_an_interested_party(
        index: CorroborationIndex) -> None:
    report = story("harbortimes.example", "contract", D1, [
        "Meridian Works won a $52 million contract to retrofit the Harbor Bridge, the city "
        "said."])
    newsroom = make("https://newsroom.meridianworks.example/s", "Meridian Works Newsroom",
                    "newsroom.meridianworks.example", D2, [
                        "Meridian Works won a $40 million contract to retrofit the Harbor "
                        "Bridge, the city said."])
    index.add(report)
    upd = index.add(newsroom)
    kinds = {(lk.subject, lk.relation, lk.kind) for lk in upd.links}
    assert (iri(newsroom, 0), Relation.DISPUTES, LinkKind.INTERESTED) in kinds
    assert not any(lk.kind is LinkKind.INDEPENDENT for lk in upd.links
                   if lk.subject == iri(newsroom, 0))
    verdict = index.status_of(iri(report, 0))
    assert verdict.status is Status.DISPUTED
    (dispute,) = [r for r in verdict.reasons if r.kind == "disputed"]
    assert dispute.text.startswith(
        "disputed by an interested party: newsroom.meridianworks.example (")
    assert "independent" not in dispute.text
    assert "$40 million" in dispute.text and "$52 million" in dispute.text


def test_the_citys_press_office_is_the_councils_own(index: CorroborationIndex) -> None:
    council = C("The Port Calder City Council approved the $40 million contract on Monday.",
                extra_entities={"Port Calder City Council": "port-calder-city-council"})
    report = story("harbortimes.example", "vote", D1, [council])
    office = story("press.portcalder.example", "vote", D2, [council])
    index.add(report)
    upd = index.add(office)
    kinds = {(lk.subject, lk.relation, lk.kind) for lk in upd.links}
    assert (iri(office, 0), Relation.CONFIRMS, LinkKind.PRIMARY) in kinds
    verdict = index.status_of(iri(report, 0))
    assert [r.text for r in verdict.reasons if r.kind == "primary"] == [
        "confirmed by the actor itself: press.portcalder.example "
        "(https://press.portcalder.example/vote) (a party, not independent)"]


def test_a_body_of_the_owner_belongs_to_the_owner() -> None:
    from graph.corroborate.derivation import primary_entity

    names = {"council": "Port Calder City Council", "times": "Harbor Times"}
    assert primary_entity("City of Port Calder Press Office", "press.portcalder.example",
                          names) == "council"
    assert primary_entity("Port Calder Press Office", "", names) == "council"
    assert primary_entity("Harbor Daily", "harbordaily.example", names) is None
    assert primary_entity("Port Calder Gazette", "calderlife.example",
                          {"shipyard": "Port Calder Shipyard"}) is None

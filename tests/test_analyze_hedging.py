"""Hedge (speculation) and negation cues."""

from __future__ import annotations

import pytest

from graph.analyze.analyzer import analyze
from graph.analyze.hedging import find_hedges, find_negations
from graph.model import Article, Span


def _hedges(text: str, profile: str = "news") -> list[str]:
    cues = find_hedges(text, Span(0, len(text)), profile)
    for c in cues:
        assert text[c.span.start : c.span.end] == c.text
    return [c.text.lower() for c in cues]


def _negs(text: str) -> list[str]:
    cues = find_negations(text, Span(0, len(text)))
    for c in cues:
        assert text[c.span.start : c.span.end] == c.text
        assert c.kind == "negation"
    return [c.text.lower() for c in cues]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The merger could close next year.", "could"),
        ("The data suggests a link.", "suggests"),
        ("The chip is likely faster.", "likely"),
        ("The company reportedly lost money.", "reportedly"),
        ("The plant is expected to reopen in May.", "is expected to"),
        ("The launch hints at a new strategy.", "hints"),
        ("A possible recall is under review.", "possible"),
        ("The figures are unconfirmed.", "unconfirmed"),
        ("If the vote fails, the budget would shrink.", "if"),
        ("It is unclear whether the fund survives.", "unclear"),
        ("The startup may be sold.", "may"),
        ("Analysts predict a slowdown.", "predict"),
        ("The firm appears to be growing.", "appears"),
        ("Sales will double next year.", "will"),
    ],
)
def test_hedge_cues(text: str, cue: str) -> None:
    assert cue in _hedges(text)


@pytest.mark.parametrize(
    "text",
    [
        "The council approved the budget on Monday.",
        "She could not attend the meeting.",
        "The mayor signed the bill.",
        "Sales rose 12% in 2023.",
    ],
)
def test_not_hedged(text: str) -> None:
    assert _hedges(text) == []


def test_predictions_only_in_news_profile() -> None:
    text = "Sales will double next year."
    assert _hedges(text, "news") == ["will"]
    assert _hedges(text, "bio") == []
    assert _hedges(text, "review") == []


def test_review_profile_adds_disjunction_and_can() -> None:
    assert "or" in _hedges("You can pay by card or cash.", "review")
    assert "or" not in _hedges("You can pay by card or cash.", "news")


# Future tense: a scheduled, dated action is a checkable fact; a forecast is a hedge.
# Key sentences from tests/fixtures/corpus/README.md and data/demo/README.md.
SCHEDULED = [
    "Brightline Robotics will recall its Rover X2 vacuum starting April 4.",
    "Brightline Robotics will recall the Rover X2 vacuum beginning April 4.",
    "Starting April 4, Brightline Robotics will recall the Rover X2 vacuum.",
    "As first reported by The Ledger, Brightline Robotics will recall the Rover X2 vacuum "
    "beginning April 4.",
    "Brightline Robotics will close its Fenwick assembly plant in June, according to The River "
    "Post.",
    "Brightline Robotics will close its Fenwick assembly plant in June, according to the "
    "Northgate Herald.",
    "Construction will begin on June 1, 2026.",
    "Crews will start work on the bridge on June 1.",
    "Work on the bridge will begin on June 1, 2026.",
    "At least one lane in each direction will remain open during construction.",
    "City officials said at least one lane in each direction will remain open during "
    "construction.",
    "At least one lane in each direction will stay open while crews work on the towers and the "
    "deck.",
    "The detailed traffic management plan will be published in May.",
    "The city's traffic management plan is due in May.",
    "The council will hold two public information sessions this month before the traffic plan "
    "is drafted.",
    "The plant is set to close in June.",
    "The council is scheduled to vote on Tuesday.",
    "The law will take effect on January 1.",
    "The museum will reopen next week.",
    "The store won't open until 2027.",
]

PREDICTIONS = [
    ("The move will bring 300 jobs to the city.", "will"),
    ("The move will bring 300 jobs to the city, the Gull Gazette reported.", "will"),
    ("Mayor Elena Ruiz said the retrofit will extend the life of the bridge by at least 50 years.",
     "will"),
    ("Sales will double next year.", "will"),
    ("Prices are set to rise next year.", "are set to"),
    ("The new plant will be the largest in the state when it opens in 2027.", "will"),
    ("Meridian Works will move its headquarters to Port Calder, according to the Gull Gazette.",
     "will"),
    ("The mayor said on Monday that the city will build a new park.", "will"),
    ("Tolls could be added to the bridge to cover rising costs, according to two council members "
     "who spoke on condition of anonymity.", "could"),
    ("The city is expected to introduce tolls on the Harbor Bridge once the retrofit is finished, "
     "people familiar with the matter said.", "is expected to"),
    ("The city is expected to open the bridge on June 1.", "is expected to"),
    ("If the council approves tolls, drivers would pay $3 per crossing.", "would"),
    ("Construction will begin on June 1 if the council approves.", "if"),
    ("The retrofit could also take longer than the city's 30-month schedule, according to two "
     "engineers who reviewed the bid documents.", "could"),
    ("Sources suggest the company wants a local yard to prefabricate steel sections for the "
     "bridge.", "suggest"),
    ("The Harbor Bridge may close completely on some weekends during the retrofit.", "may"),
    ("If steel prices keep rising, the project would likely go over budget.", "likely"),
    ("Steel prices could rise by 15 percent this year if the new import duties take effect.",
     "could"),
    ("Meridian Works is reportedly in talks to buy the Port Calder shipyard on Gull Point.",
     "reportedly"),
    ("Brightline Robotics could also recall its Rover X3 vacuum, people familiar with the matter "
     "said.", "could"),
    ("Brightline Robotics may also recall the Rover X3 vacuum, industry analysts suggest.", "may"),
    ("A decision is expected within weeks.", "expected"),
    ("The bridge will likely reopen on Monday.", "likely"),
    ("Claim: The Harbor Bridge will be closed to all traffic for two years during the retrofit.",
     "claim"),
    ("Comparable-store sales growth in 2019 will be 3.5%, the company said.", "will"),
]


@pytest.mark.parametrize("text", SCHEDULED)
def test_scheduled_future_is_not_a_hedge(text: str) -> None:
    assert _hedges(text) == []


@pytest.mark.parametrize(("text", "cue"), PREDICTIONS)
def test_predictions_and_modals_stay_hedges(text: str, cue: str) -> None:
    assert cue in _hedges(text)


def test_scheduled_future_through_analyze() -> None:
    """The product path: attribution may split "will recall" off as a cue (recall = say);
    the anchor outside the cue span still counts."""
    text = " ".join(s for s in SCHEDULED[:7]) + " " + PREDICTIONS[0][0]
    claims = analyze(Article(url="u", text=text)).claims
    spec = {c.text: c.speculative for c in claims}
    for s in SCHEDULED[:7]:
        assert spec[s] is False, s
    assert spec[PREDICTIONS[0][0]] is True


def test_a_date_in_the_attribution_tag_does_not_schedule_the_reported_content() -> None:
    """The tag's "on Tuesday" dates the saying, not the prediction it reports."""
    text = "The port will open a second container terminal, the mayor said on Tuesday."
    [claim] = analyze(Article(url="u", text=text)).claims
    assert claim.sourced and claim.speculative


def test_month_may_is_not_a_modal() -> None:
    assert _hedges("The report is due in May.", "bio") == []
    assert _hedges("Results May 5 showed a drop.", "bio") == []
    assert _hedges("May the results hold.", "bio") == ["may"]
    assert _hedges("It may rain.", "bio") == ["may"]


def test_news_lexical_exceptions() -> None:
    assert _hedges("This article first appeared in the Harbor Times.") == []
    assert _hedges("Tolls are not yet approved, and the mayor said she has no plans to propose "
                   "them.") == []
    assert _hedges("The delay was due to the storm.") == []
    assert _hedges("The will of the voters is clear.") == []
    assert "plans to" in _hedges("The company plans to lease two floors.")
    assert "proposed" in _hedges("Researchers proposed that the gene is involved.")


def test_unknown_profile_raises() -> None:
    with pytest.raises(ValueError):
        find_hedges("x", Span(0, 1), "legal")


def test_hedges_respect_the_span() -> None:
    text = "Lee said the plant may close. It might not."
    cues = find_hedges(text, Span(0, 29))
    assert [c.text for c in cues] == ["may"]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("A price has not been announced.", "not"),
        ("Details are not yet available.", "not"),
        ("There is no evidence of fraud.", "no"),
        ("The senator never voted for it.", "never"),
        ("The company denied the report.", "denied"),
        ("The program isn't working.", "n't"),
    ],
)
def test_negations(text: str, cue: str) -> None:
    assert cue in _negs(text)


def test_not_negated() -> None:
    assert _negs("The council approved the plan.") == []
    assert _negs("Not only did sales rise, profits doubled.") == []


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        ("The city should have waited for a second engineering review.", False),
        ("Port Calder should publish the full engineering report.", False),
        ("The new span should be ready by the spring.", True),
        ("Fares should rise by 5 percent next year.", True),
        ("The contract includes penalties of $25,000 per day if the work finishes late.", False),
        ("If the council approves tolls, drivers would pay $3 per crossing.", True),
    ],
)
def test_advice_and_contract_terms_are_not_speculation(text, hedged):
    assert bool(_hedges(text)) is hedged
    assert bool(_hedges(text, "bio")) or not hedged

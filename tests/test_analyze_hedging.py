"""Hedge (speculation) and negation cues."""

from __future__ import annotations

import pytest

from graph.analyze.hedging import find_hedges, find_negations
from graph.model import Span


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

"""Check-worthiness: a hand-weighted sentence score in 0..1, and its transcript-aware variant."""

from __future__ import annotations

import pytest

from graph.analyze.checkworthiness import (
    WEIGHTS,
    check_worthiness,
    features,
    transcript_check_worthiness,
    transcript_features,
)

CLAIMS = [
    "Unemployment fell to 3.5 percent in 2019, the lowest rate in 50 years.",
    "We've lost nearly one-third of our manufacturing jobs since these two agreements were "
    "signed.",
    "Illegal immigration costs our country more than $113 billion dollars a year.",
    "The recall covers 18,000 Rover X2 units, not 12,000, according to a filing.",
    "She voted for the war in Iraq in 2002 and raised taxes by $2 billion.",
]

NOT_CLAIMS = [
    "Thank you very much.",
    "[Applause]",
    "Good evening and welcome to the debate.",
    "What would you do about the deficit?",
    "I think we need to come together as a country.",
    "Let me answer that question.",
    "We will make America great again.",
    "Well, look.",
]


@pytest.mark.parametrize("claim", CLAIMS)
@pytest.mark.parametrize("other", NOT_CLAIMS)
def test_factual_claims_outrank_talk(claim: str, other: str) -> None:
    assert check_worthiness(claim) > check_worthiness(other)


@pytest.mark.parametrize("text", CLAIMS + NOT_CLAIMS + ["", "   ", "x"])
def test_score_in_unit_interval(text: str) -> None:
    assert 0.0 <= check_worthiness(text) <= 1.0


def test_question_and_prediction_lower_than_statement() -> None:
    fact = "The state spent $40 million on the bridge in 2019."
    assert check_worthiness(fact) > check_worthiness("Did the state spend $40 million on it?")
    assert check_worthiness(fact) > check_worthiness("The state could spend $40 million on it.")
    assert check_worthiness(fact) > check_worthiness("I think the state spent $40 million.")


def test_number_with_comparison_gets_detail_credit() -> None:
    assert features("Sales rose 12% in 2023.")["detail"] == 1.0
    assert features("Sales were 12% of revenue.")["detail"] == 0.0
    assert features("Sales were the highest ever.")["detail"] == 0.0  # no number: no credit


def test_every_feature_has_a_weight() -> None:
    assert set(features("The budget grew by 5 percent.")) == set(WEIGHTS)


def test_custom_weights() -> None:
    text = "The budget grew by 5 percent."
    assert check_worthiness(text, {"bias": 0.0}) == pytest.approx(0.5)



def test_quantity_skips_years_ordinals_and_clock_times() -> None:
    assert features("In 2016, on the 4th, at 10 o'clock, for 30 seconds.")["quantity"] == 0.0
    assert features("They deleted 33,000 e-mails.")["quantity"] == 1.0
    assert features("It cost $1.7 billion, up 3.5%.")["quantity"] == 2.0
    assert features("Half of them left.")["quantity"] == 1.0


def test_trend_and_record_cues() -> None:
    assert features("Premiums are going up 60 percent.")["trend"] == 1.0
    assert features("Crime fell and wages rose.")["trend"] == 2.0
    assert features("The largest tax cut on record.")["record"] == 2.0
    assert features("The best people.")["record"] == 0.0


def test_third_person_act_but_not_plain_attribution() -> None:
    assert features("She voted for the war.")["third_act"] == 1.0
    assert features("He never paid taxes.")["third_act"] == 1.0
    assert features("He said the plant would close.")["third_act"] == 0.0  # news attribution


def test_addressing_someone_by_title_is_a_turn_not_a_claim() -> None:
    assert features("Senator Sanders, you voted against the bill.")["address"] == 1.0
    assert features("That is not true, Governor.")["address"] == 1.0
    # a news appositive is not a vocative
    assert features("President Biden, speaking on Monday, cut the tax.")["address"] == 0.0
    addressed = "Mr. Trump, under your plan the debt would rise to 105 percent of GDP."
    stated = "Under his plan the debt would rise to 105 percent of GDP."
    assert check_worthiness(stated) > check_worthiness(addressed)


def test_features_ignore_letter_case() -> None:
    text = "Unemployment Fell To 3.5 Percent, The Lowest In 50 Years; She Voted For It."
    assert features(text) == features(text.lower()) == features(text.upper())


def test_scope_of_a_comparison() -> None:
    assert features("The lowest rate in 50 years.")["scope"] == 1.0
    assert features("We pay the highest taxes in the world.")["scope"] == 1.0
    assert features("More people in jail than any other country.")["scope"] == 1.0
    assert features("Since 1977 wages have stagnated.")["scope"] == 1.0
    assert features("In 2019 wages rose.")["scope"] == 0.0
    assert features("We will win in the end.")["scope"] == 0.0


STAT = "We cut taxes by $5 billion, the largest cut in 20 years."
DEBATE = [
    ("HOST", "Good evening and welcome."),
    ("HOST", "Senator, what would you do about the deficit?"),
    ("HOST", "Your plan adds $2 trillion to the debt."),
    ("SMITH", STAT),
    ("SMITH", "I think we need to be strong."),
    ("SMITH", "And we balanced the budget four years in a row."),
    ("JONES", "Wrong."),
    ("JONES", "He raised taxes 19 times when he was governor."),
    ("JONES", "Everybody knows it."),
    ("SMITH", STAT),
    ("SMITH", "That is a fact."),
    ("JONES", "It is not."),
    ("Aide ", STAT),
]


def test_one_speaker_transcript_scores_as_its_sentences() -> None:
    lines = [("TRUMP", s) for s in CLAIMS + NOT_CLAIMS]
    assert transcript_check_worthiness(lines) == [check_worthiness(s) for _, s in lines]
    assert transcript_check_worthiness([]) == []


def test_transcript_cues() -> None:
    cues = transcript_features(DEBATE)
    assert [c["questioner"] for c in cues[:4]] == [1.0, 1.0, 1.0, 0.0]  # HOST asks
    assert cues[12]["minor"] == 1.0 and cues[3]["minor"] == 0.0  # the aide speaks once
    assert transcript_features([*DEBATE, ("AIDE", STAT)])[12]["minor"] == 0.0  # same speaker


def test_transcript_ranks_the_same_claim_by_who_says_it() -> None:
    scores = transcript_check_worthiness(DEBATE)
    smith, aide = scores[3], scores[12]
    assert smith == scores[9] == pytest.approx(check_worthiness(STAT))
    assert aide < smith  # a minor speaker
    host = transcript_check_worthiness([("HOST", STAT), *DEBATE])[0]
    assert host < smith  # the moderator, who mostly asks
    assert all(0.0 <= s <= 1.0 for s in scores)

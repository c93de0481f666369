"""Attribution cues and sources added in round 6 (PolNeAR train error analysis): subjects
behind adverbs, infinitives, gerunds and distant by-agents; predicative attitude adjectives;
particle verbs; plural human subjects; nouns that look like cue words."""

from __future__ import annotations

import pytest

from graph.analyze.attribution import find_attribution, find_attributions
from graph.model import Attribution, Sentence


def _all(text: str) -> list[Attribution]:
    return find_attributions(text, Sentence(0, len(text)))


def _pairs(text: str) -> list[tuple[str | None, str | None]]:
    return [(text[a.source.start : a.source.end] if a.source else None,
             text[a.cue.start : a.cue.end] if a.cue else None) for a in _all(text)]


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        # a subject behind an adverb, a quantity, a fronted phrase, a participle-like name
        ("He soon learned that his parents had never filled out the paperwork.", "He",
         "learned"),
        ('About four in 10 said they were "angry" with the federal government.',
         "About four in 10", "said"),
        ("Of Carson, Levine, who has given money to Marco Rubio, said, “He’s scary.”",
         "Levine, who has given money to Marco Rubio", "said"),
        ("Sanders went first at the town hall hosted by CNN, predicting a close primary.",
         "Sanders", "predicting"),
        ("Husted continued by saying, “We will appeal this decision.”", "Husted", "saying"),
        ("That letter, on Trump Organization letterhead, demanded that Roffman apologize.",
         "That letter", "demanded"),
        # an apposition ending in a "-ly" noun is not cut at "rally"
        ('"You can\'t blame her," said Sara Walker, 44, a home-care aide who attended the '
         "rally.", "Sara Walker, 44, a home-care aide who attended the rally", "said"),
        # infinitives: the subject of the verb before "to", or its object
        ("Mr. Trump has plainly struggled to respond to the reproach of a military family.",
         "Mr. Trump", "to respond to"),
        ("The win led her to declare that the nomination was in sight.", "her", "to declare"),
        # gerunds after a preposition: the subject of the clause, not a fronted time phrase
        ("Two weeks after Scalia died, Justice Clarence Thomas broke a decade-long silence "
         "by asking questions from the bench.", "Justice Clarence Thomas", "asking"),
        # by-agents a few words after the passive
        ("The move was hotly criticized by left-leaning economists.",
         "left-leaning economists", "was hotly criticized"),
        ("Asked by Thrush if Clinton gets race, Sharpton avoided an answer.", "Thrush",
         "Asked"),
        # attitude adjectives after "be"
        ("Climate activists were hopeful that James Murdoch would force changes.",
         "Climate activists", "were hopeful"),
        ("Republicans are wary of the new rules.", "Republicans", "are wary"),
        # particle verbs whose bare forms are mostly nouns
        ("Labor leaders point out that Mr. Trump could draw union voters.", "Labor leaders",
         "point out"),
        ("She would vote for the measure.", "She", "would vote for"),
        # 3sg verbs after a name or a comma; base verbs after a plural of people
        ("Biden calls Trump a risk to U.S. safety.", "Biden", "calls"),
        ("Her aide, Jake Sullivan, calls her record a blueprint.", "Her aide, Jake Sullivan",
         "calls"),
        ("In South Florida, developers see golf courses as wasted space.", "developers",
         "see"),
        ("Clinton slammed the proposal as reprehensible.", "Clinton", "slammed"),
        ("A federal judge ruled that the law was unconstitutional.", "A federal judge",
         "ruled"),
        ("He maintained that he was innocent.", "He", "maintained"),
        # a human subject with a short object is a stance ("backed the deal")
        ("Former President Bill Clinton agreed with the analysis.",
         "Former President Bill Clinton", "agreed with"),
    ],
)
def test_sources_and_cues(text: str, source: str, cue: str) -> None:
    assert (source, cue) in _pairs(text), _pairs(text)


@pytest.mark.parametrize(
    "text",
    [
        "The company will maintain a balanced budget.",
        "Iowa: Tim Albrecht, Brad Anderson, Rob Barron.",
        "There was no overt mention of the senator in the release.",
        "Bipartisan whispers about the deal grew louder.",
        "Serious doubts remain about the plan.",
        "Such tools could be especially critical for the campaign.",
        "The jobs report cheered investors.",
    ],
)
def test_not_attributions(text: str) -> None:
    assert _all(text) == [], _pairs(text)


def test_relative_source_without_a_clear_name() -> None:
    text = "Trump was out-brutalizing Ted Cruz, who said he would use waterboarding sparingly."
    # PolNeAR marks the relative pronoun; the product has no speaker name to show
    assert ("who", "said") in _pairs(text)
    att = find_attribution(text, Sentence(0, len(text)))
    assert att is not None and att.source is None and att.source_text is None


def test_claim_prefers_a_verb_of_saying_over_a_stance_adjective() -> None:
    text = ("Yet, as Mr. Bown observed, in the early days of a new administration he wouldn't "
            "be worried about re-election.")
    att = find_attribution(text, Sentence(0, len(text)))
    assert att is not None and (att.source_text, att.cue_text) == ("Mr. Bown", "observed")


def test_a_number_before_a_plural_noun_is_no_speaker() -> None:
    assert _all("Two questions: Why would Trump do that?") == []

"""Attribution patterns: source, cue and content spans (article offsets)."""

from __future__ import annotations

import pytest

from graph.analyze.attribution import find_attribution, find_attributions
from graph.analyze.sentences import split_sentences
from graph.model import Attribution


def _att(text: str) -> Attribution | None:
    sents = split_sentences(text, [])
    assert len(sents) == 1, sents
    return find_attribution(text, sents[0])


def _parts(text: str) -> tuple[str | None, str | None, str]:
    att = _att(text)
    assert att is not None, text
    src = text[att.source.start : att.source.end] if att.source else None
    cue = text[att.cue.start : att.cue.end] if att.cue else None
    # text fields mirror the spans
    assert att.source_text == src and att.cue_text == cue
    return src, cue, text[att.content.start : att.content.end]


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        ("Mayor Ann Lee said that the bridge will close in May.",
         "Mayor Ann Lee", "said", "that the bridge will close in May"),
        ("The bridge will close in May, the mayor said.",
         "the mayor", "said", "The bridge will close in May"),
        ("The bridge will close in May, said Ann Lee.",
         "Ann Lee", "said", "The bridge will close in May"),
        ("Lee told reporters that the bridge will close.",
         "Lee", "told", "that the bridge will close"),
        ("According to the state transportation department, the bridge will close.",
         "the state transportation department", "According to", "the bridge will close"),
        ("The bridge will close, according to a council spokesperson.",
         "a council spokesperson", "according to", "The bridge will close"),
        ("“We are thrilled,” said CEO Mark Reed.",
         "CEO Mark Reed", "said", "“We are thrilled,”"),
        ("“We are thrilled,” Reed said.", "Reed", "said", "“We are thrilled,”"),
        ("He said the plant would reopen.", "He", "said", "the plant would reopen"),
        ("Officials say the plant would reopen.", "Officials", "say", "the plant would reopen"),
        ("People familiar with the matter said the deal is close.",
         "People familiar with the matter", "said", "the deal is close"),
        ("The company says demand is strong.", "The company", "says", "demand is strong"),
        ("In a statement, the company said demand is strong.",
         "the company", "said", "demand is strong"),
        ("The senator warned that the fund could run dry.",
         "The senator", "warned", "that the fund could run dry"),
        ("The governor has denied that the plan was leaked.",
         "The governor", "has denied", "that the plan was leaked"),
        ("Trump, speaking at a rally, argued that taxes are too high.",
         "Trump", "argued", "that taxes are too high"),
        ("Smith estimated the cost at $4.5 million.", "Smith", "estimated",
         "the cost at $4.5 million"),
    ],
)
def test_patterns(text: str, source: str, cue: str, content: str) -> None:
    assert _parts(text) == (source, cue, content)


def test_relative_clause_source_is_the_antecedent() -> None:
    text = "AI commentator Rohan Paul, who noted that the chip is fast, praised the design."
    src, cue, content = _parts(text)
    assert src == "AI commentator Rohan Paul"
    assert cue == "noted"
    assert content == "that the chip is fast"
    assert _att(text).kind == "relative"


@pytest.mark.parametrize(
    "verb", ["framed", "stated", "emphasized", "committed", "claimed", "announced",
             "confirmed", "wrote", "added", "insisted", "predicted"],
)
def test_verb_list(verb: str) -> None:
    text = f"The agency {verb} that the program works."
    assert _parts(text) == ("The agency", verb, "that the program works")


def test_no_attribution_in_reporter_voice() -> None:
    assert _att("The bridge closed for repairs on Monday.") is None
    assert _att("The state of the union was strong.") is None


def test_sourceless_cue() -> None:
    src, cue, content = _parts("The firm reportedly lost $2 million.")
    assert src is None and cue == "reportedly"


def test_cue_inside_quote_is_not_an_attribution() -> None:
    text = "“I think we said enough,” Lee said."
    atts = find_attributions(text, split_sentences(text, [])[0])
    assert [text[a.cue.start : a.cue.end] for a in atts] == ["said"]
    assert text[atts[0].source.start : atts[0].source.end] == "Lee"


def test_multi_sentence_quote_tail() -> None:
    text = "“The plan is dead. We will not revive it,” the spokesperson said."
    sents = split_sentences(text, [])
    last = find_attribution(text, sents[-1])
    assert last is not None
    assert text[last.source.start : last.source.end] == "the spokesperson"
    assert find_attribution(text, sents[0]) is None


def test_offsets_are_article_offsets() -> None:
    text = "Intro line here.\nThe mayor said the park reopens."
    sents = split_sentences(text, [])
    att = find_attribution(text, sents[1])
    assert att is not None
    assert text[att.source.start : att.source.end] == "The mayor"
    assert text[att.content.start : att.content.end] == "the park reopens"


def test_headline_colon_and_signoff() -> None:
    src, cue, content = _parts("Marco Rubio: I'm not interested in being vice president.")
    assert (src, cue) == ("Marco Rubio", ":")
    assert content == "I'm not interested in being vice president"
    src, cue, _ = _parts("― Jacklyn Ashley")
    assert (src, cue) == ("Jacklyn Ashley", "―")


def test_noun_uses_are_not_cues() -> None:
    assert _att("She campaigned hard in the early states and contests.") is None
    assert _att("His remarks drew support from the think tank.") is None


def test_passive_without_agent_has_no_source() -> None:
    att = _att("The final design has not been announced.")
    assert att is None or att.source is None
    src, cue, _ = _parts("The plan was announced by the mayor on Monday.")
    assert (src, cue) == ("the mayor", "was announced")

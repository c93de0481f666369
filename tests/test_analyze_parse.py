"""The analyzer on a parse: the structures of issue 14, each as it must come out.

The sentences are invented (other names than the articles that failed); the structures are the
ones that failed. Each test runs the shipped model (graph/analyze/model), offline.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from graph.analyze.analyzer import analyze
from graph.analyze.doc import MODEL_DIR, language_model, make_doc, model_info
from graph.model import AnalyzedArticle, Article, Block, Claim, Sentence

ROOT = Path(__file__).resolve().parent.parent


def analyzed(*paragraphs: str) -> AnalyzedArticle:
    text = "\n".join(paragraphs)
    blocks, start = [], 0
    for paragraph in paragraphs:
        blocks.append(Block(start, start + len(paragraph)))
        start += len(paragraph) + 1
    return analyze(Article(url="https://news.example/vantor", text=text, blocks=blocks,
                           outlet="News Example"))


def claim_of(result: AnalyzedArticle, start: str) -> Claim:
    found = [c for c in result.claims if c.text.startswith(start)]
    assert found, f"no claim starting {start!r} in {[c.text for c in result.claims]}"
    return found[0]


STORY = (
    "Vantor Labs, the Swedish electronics maker, has released a new phone named Nova, its first "
    "device in five years.",
    "Anna Lindqvist, the chief executive of Vantor Labs, presented the phone in Stockholm on "
    "Tuesday.",
    "Vantor’s recent strategy, articulated by Lindqvist, has strongly favored hardware over "
    "software.",
    "The company is cutting costs in Malmo and focusing research on batteries.",
    "The launch is the first result of the new budget, which Lindqvist framed as essential for "
    "the company.",
    "Last year, she committed to building \"the fastest phones in Europe,\" a target the "
    "industry doubted.",
    "She emphasized that the budget was final.",
    "In March, she stated Vantor would \"go all in on hardware\".",
    "The launch of Nova suggests that the company is serious about devices.",
    "The phone's name hints at a wider ambition.",
    "Analysts should watch for the release of the Nova Pro Max next spring.",
    "Vantor Labs also sells a tablet whose specifications have not yet been published.",
)


@pytest.fixture(scope="module")
def story() -> AnalyzedArticle:
    return analyzed(*STORY)


def test_a_participle_that_names_something_is_no_cue(story: AnalyzedArticle) -> None:
    claim = claim_of(story, "Vantor Labs, the Swedish")
    assert not claim.sourced
    assert claim.attribution is None or claim.attribution.cue_text != "named"


@pytest.mark.parametrize("start", ["The launch of Nova suggests", "The phone's name hints"])
def test_an_event_or_object_is_no_source_and_its_evidence_is_speculative(
        story: AnalyzedArticle, start: str) -> None:
    claim = claim_of(story, start)
    assert not claim.sourced
    assert claim.speculative


def test_a_passive_agent_in_a_modifier_does_not_make_the_subject_a_source(
        story: AnalyzedArticle) -> None:
    claim = claim_of(story, "Vantor’s recent strategy")
    assert claim.attribution is None or claim.attribution.source_text != "Vantor’s recent strategy"


def test_a_gerund_of_doing_is_no_cue(story: AnalyzedArticle) -> None:
    claim = claim_of(story, "The company is cutting costs")
    assert not claim.sourced


def test_an_attribution_in_a_relative_clause_does_not_source_the_sentence(
        story: AnalyzedArticle) -> None:
    assert not claim_of(story, "The launch is the first result").sourced


def test_pronoun_sources_resolve_to_the_person(story: AnalyzedArticle) -> None:
    emphasized = claim_of(story, "She emphasized")
    assert emphasized.sourced and emphasized.attribution.source_text == "She"
    assert emphasized.attribution.speaker == "Anna Lindqvist"


def test_her_quotation_is_hers(story: AnalyzedArticle) -> None:
    claim = claim_of(story, "Last year, she committed")
    assert claim.sourced
    assert claim.attribution.speaker == "Anna Lindqvist"


def test_would_under_a_past_cue_is_backshift_not_a_hedge(story: AnalyzedArticle) -> None:
    claim = claim_of(story, "In March, she stated")
    assert claim.sourced and not claim.speculative


def test_advice_to_the_reader_is_no_claim(story: AnalyzedArticle) -> None:
    assert not [c for c in story.claims if c.text.startswith("Analysts should watch")]


def test_a_negated_relative_clause_does_not_negate_the_claim(story: AnalyzedArticle) -> None:
    assert not claim_of(story, "Vantor Labs also sells").negated


def test_the_company_is_the_most_salient_organisation_not_the_last_named() -> None:
    result = analyzed(
        "Harbor Freight Lines moved 2 million containers in 2025, Harbor Freight Lines said.",
        "Harbor Freight Lines employs 4,000 people in the port.",
        "A rival, Baltic Cargo Group, lost two contracts in May.",
        "The company said it would hire 300 drivers next year.",
    )
    claim = claim_of(result, "The company said")
    assert claim.attribution.speaker == "Harbor Freight Lines"


def test_a_quotation_over_several_sentences_keeps_its_speaker() -> None:
    result = analyzed(
        "The council will vote on the harbour budget on Friday.",
        "\"We are ready,\" said Ana Ortiz, the mayor of Portcalder. \"The money is there. The "
        "rest is up to the council.\"",
        "Ortiz said:",
        "\"The harbour needs the dredging this year.\"",
    )
    for start in ("\"The money is there.", "The rest is up to the council.",
                  "\"The harbour needs"):
        claim = claim_of(result, start)
        assert claim.sourced, start
        assert claim.attribution.speaker == "Ana Ortiz", start


def test_an_untagged_quotation_after_a_speakers_sentence_is_theirs() -> None:
    result = analyzed(
        "The winter is close, said Ana Ortiz. “We are ready. The ferries will add two sailings "
        "from December.” “The harbour needs the dredging this year.”",
        "“Nobody has asked for the money yet.”",
    )
    for start in ("The ferries will add", "“The harbour needs"):
        claim = claim_of(result, start)
        assert claim.sourced and claim.attribution.speaker == "Ana Ortiz", start
    # a new paragraph that opens with a quotation names nobody: its speaker stays unknown
    assert not claim_of(result, "“Nobody has asked").sourced


def test_expecting_is_sourced_and_speculative() -> None:
    claim = claim_of(analyzed("The ministry of transport expects traffic to double by 2030."),
                     "The ministry")
    assert claim.sourced and claim.speculative


def test_reported_possibility_stays_a_hedge() -> None:
    claim = claim_of(analyzed("The mayor said the vote could be delayed until March."),
                     "The mayor said")
    assert claim.sourced and claim.speculative


def test_a_contrast_is_no_negation() -> None:
    claim = claim_of(analyzed("The contract is worth $52 million, not $40 million, the council "
                              "said."), "The contract")
    assert claim.sourced and not claim.negated


def test_a_negated_main_clause_is_negated() -> None:
    claim = claim_of(analyzed("The council did not approve the harbour budget on Friday."),
                     "The council")
    assert claim.negated


def test_units_are_parsed_as_one_sentence_each_with_article_offsets() -> None:
    text = "Intro line here.\nThe mayor said the vote was close. It passed."
    sentence = Sentence(17, 51)
    unit = make_doc(text, [Sentence(0, 16), sentence], [1]).units[1]
    assert unit.parse is not None and len(list(unit.parse.sents)) == 1
    said = next(t for t in unit.parse if t.text == "said")
    assert text[unit.offset(said):unit.offset(said) + 4] == "said"


def test_the_model_ships_in_the_package_with_its_licence_and_scores() -> None:
    assert (MODEL_DIR / "LICENSE").read_text().count("CC BY-SA 4.0") >= 1
    scores = json.loads((MODEL_DIR / "scores.json").read_text())
    assert scores["split"] == "UD English EWT test"
    assert {"upos", "uas", "las"} <= set(scores["scores"])
    nlp = language_model()
    assert {"morphologizer", "parser", "trainable_lemmatizer"} <= set(nlp.pipe_names)
    assert model_info().name == "en_claimgraph_ewt"


def test_make_models_config_still_loads() -> None:
    config = spacy.util.load_config(ROOT / "scripts" / "model" / "config.cfg")
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    assert nlp.pipe_names == ["tok2vec", "morphologizer", "parser", "trainable_lemmatizer"]


def test_names_stay_whole_and_apart_and_generic_words_are_no_entities() -> None:
    result = analyzed(
        "Vantor Labs has released the Nova 3 Pro Max, a phone built around Gemini 1.5 Pro.",
        "Its chargers come from Vantor, a separate firm in Oslo.",
        "The company spends heavily on AI and R&D.",
    )
    names = {e.name: e for e in result.entities.values()}
    assert {"Vantor Labs", "Vantor", "Nova 3 Pro Max", "Gemini 1.5 Pro"} <= set(names)
    assert "Vantor" not in names["Vantor Labs"].aliases
    assert not {"AI", "R&D", "Pro", "Max"} & set(names)
    assert not any({"AI", "R&D"} & e.aliases for e in result.entities.values())


def test_a_surname_with_a_title_is_the_same_person() -> None:
    result = analyzed("Anna Lindqvist leads Vantor Labs.", "Ms. Lindqvist said the phone sold "
                      "well in its first week.")
    claim = claim_of(result, "Ms. Lindqvist said")
    assert claim.attribution.speaker == "Anna Lindqvist"


@pytest.mark.parametrize("text", [
    "Originally published on The Harbor Times on May 3, 2026.",
    "Editor's note: this story was updated on Friday to correct the vote count.",
    "Sign up for our newsletter to get the latest news from the harbour.",
    "Will the council approve the harbour budget next week?",
])
def test_page_notes_calls_to_action_and_questions_are_no_claims(text: str) -> None:
    assert analyzed(text).claims == []


def test_a_role_noun_refers_to_the_person_the_article_gave_that_role() -> None:
    result = analyzed(
        "President Ana Ortiz met the harbour workers on Monday.",
        "Prices rose in the port, said Tim Lee, a market analyst with Oanda.",
        "The president says the dredging will start in May.",
        "The analyst expects the port to hire forty people next year.",
        "The company said the ferries will run all winter.",
    )
    assert claim_of(result, "The president says").attribution.speaker == "Ana Ortiz"
    assert claim_of(result, "The analyst expects").attribution.speaker == "Tim Lee"
    # no organisation is named: "the company" stays unresolved, never a person
    assert claim_of(result, "The company said").attribution.speaker is None

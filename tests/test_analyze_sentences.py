"""Sentence splitting: exact offsets, abbreviations, quotes, block kinds."""

from __future__ import annotations

from graph.analyze.sentences import split_sentences
from graph.model import Block


def _texts(text: str, blocks: list[Block] | None = None) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, blocks or [])]


def test_offsets_are_exact_and_trimmed() -> None:
    text = "  First one here.  Second one there!\n\nThird?  "
    sents = split_sentences(text, [])
    assert [text[s.start : s.end] for s in sents] == [
        "First one here.", "Second one there!", "Third?",
    ]
    for s in sents:
        assert text[s.start : s.end] == text[s.start : s.end].strip()


def test_abbreviations_initials_decimals() -> None:
    text = (
        "Mr. Smith paid $4.5 million to Acme Inc. in Jan. 2020. The U.S. economy grew 3.5%. "
        "John F. Kennedy spoke at 10 a.m. on Monday. Dr. Lee agreed."
    )
    assert _texts(text) == [
        "Mr. Smith paid $4.5 million to Acme Inc. in Jan. 2020.",
        "The U.S. economy grew 3.5%.",
        "John F. Kennedy spoke at 10 a.m. on Monday.",
        "Dr. Lee agreed.",
    ]


def test_sentence_final_abbreviation_before_new_sentence() -> None:
    assert _texts("He works for Acme Inc. The firm agreed.") == [
        "He works for Acme Inc.", "The firm agreed.",
    ]
    assert _texts("They moved to the U.S. He stayed.") == ["They moved to the U.S.", "He stayed."]


def test_quotes_end_sentences() -> None:
    text = 'He said, "It is fine." Then he left. “Really.” She nodded.'
    assert _texts(text) == ['He said, "It is fine."', "Then he left.", "“Really.”", "She nodded."]


def test_quote_question_then_lowercase_attribution_is_one_sentence() -> None:
    text = "“Why now?” he asked. Nobody answered."
    assert _texts(text) == ["“Why now?” he asked.", "Nobody answered."]


def test_blocks_are_their_own_units_and_kinds() -> None:
    text = "Big News Today\nBy Jane Doe\nThe council voted. It passed 5-2.\nBudget cuts"
    blocks = []
    for part, kind in (("Big News Today", "heading"), ("By Jane Doe", "byline"),
                       ("The council voted. It passed 5-2.", "paragraph"),
                       ("Budget cuts", "list_item")):
        start = text.index(part)
        blocks.append(Block(start, start + len(part), kind))
    sents = split_sentences(text, blocks)
    assert [(s.kind, text[s.start : s.end]) for s in sents] == [
        ("heading", "Big News Today"),
        ("byline", "By Jane Doe"),
        ("sentence", "The council voted."),
        ("sentence", "It passed 5-2."),
        ("list_item", "Budget cuts"),
    ]


def test_newline_split_and_kinds_without_blocks() -> None:
    text = (
        "Council Approves Budget\nBy Jane Doe\nUpdated March 3, 2024\n"
        "The council approved the budget.\nSubscribe to our newsletter.\n"
        "Photo: City Hall at dusk\nAll rights reserved."
    )
    kinds = [(s.kind, text[s.start : s.end]) for s in split_sentences(text, [])]
    assert kinds == [
        ("heading", "Council Approves Budget"),
        ("byline", "By Jane Doe"),
        ("byline", "Updated March 3, 2024"),
        ("sentence", "The council approved the budget."),
        ("boilerplate", "Subscribe to our newsletter."),
        ("byline", "Photo: City Hall at dusk"),
        ("boilerplate", "All rights reserved."),
    ]


def test_unicode_offsets_are_code_points() -> None:
    text = "Café owners 😀 said prices rose. Zoë disagreed."
    sents = split_sentences(text, [])
    assert [text[s.start : s.end] for s in sents] == [
        "Café owners 😀 said prices rose.", "Zoë disagreed.",
    ]

"""Claims, check-worthiness and the public analyze() entry."""

from __future__ import annotations

import pytest

from graph.analyze.analyzer import ANALYZER_NAME, analyze
from graph.analyze.checkworthiness import check_worthiness
from graph.analyze.claims import is_claim
from graph.analyze.doc import model_info
from graph.analyze.sentences import split_sentences
from graph.model import Article, Block, Sentence

ARTICLE = """Meridian Works Unveils Rover X2
By Jane Doe
Meridian Works said on Tuesday that its new Rover X2 could ship by March. \
The company has not announced a price. “We are thrilled,” said CEO Mark Reed. \
Reed told reporters that sales rose 12% in 2023. \
According to people familiar with the matter, the launch may slip. \
AI commentator Rohan Paul, who noted that the chip is fast, praised the design.
Is it any good?
Subscribe to our newsletter."""


def _claims_by_prefix(result, prefix: str):
    found = [c for c in result.claims if c.text.startswith(prefix)]
    assert found, prefix
    return found[0]


def test_analyze_builds_claims_with_exact_offsets() -> None:
    art = Article(url="https://example.org/a", text=ARTICLE)
    res = analyze(art)
    assert res.analyzer.name == ANALYZER_NAME
    assert res.claims
    for c in res.claims:
        assert art.text[c.start : c.end] == c.text
        assert c.start <= c.content.start <= c.content.end <= c.end
        for cue in c.hedges + c.negations:
            assert art.text[cue.span.start : cue.span.end] == cue.text
        for m in c.mentions:
            assert art.text[m.span.start : m.span.end] == m.text
        assert 0.0 <= c.check_worthiness <= 1.0
    texts = [c.text for c in res.claims]
    assert "Is it any good?" not in texts
    assert not any(t.startswith(("By Jane", "Subscribe", "Meridian Works Unveils")) for t in texts)


def test_analyze_facets() -> None:
    res = analyze(Article(url="u", text=ARTICLE))
    first = _claims_by_prefix(res, "Meridian Works said")
    assert first.sourced and first.attribution.source_text == "Meridian Works"
    assert first.speculative and [h.text for h in first.hedges] == ["could"]
    assert ARTICLE[first.content.start : first.content.end].startswith("that its new Rover X2")
    price = _claims_by_prefix(res, "The company has not")
    assert price.negated
    reed = _claims_by_prefix(res, "Reed told")
    assert not reed.speculative
    assert "mark-reed" in {m.entity_key for m in reed.mentions}
    paul = _claims_by_prefix(res, "AI commentator")
    assert paul.attribution.source_text == "AI commentator Rohan Paul"
    described = _claims_by_prefix(res, "According to")
    assert described.attribution.source_text == "people familiar with the matter"
    assert described.speculative
    assert "meridian-works" in res.entities


def test_unattributed_claim_content_is_whole_sentence() -> None:
    text = "The bridge closed on Monday after inspectors found cracks."
    res = analyze(Article(url="u", text=text))
    (c,) = res.claims
    assert c.attribution is None
    assert (c.content.start, c.content.end) == (c.start, c.end)


def test_non_english_articles_are_not_analyzed() -> None:
    text = "El alcalde dijo que el puente cerrará en mayo."
    res = analyze(Article(url="u", text=text, language="es"))
    assert res.claims and all(not c.analyzed for c in res.claims)
    assert all(c.attribution is None and not c.hedges for c in res.claims)
    assert analyze(Article(url="u", text=text, language="en-US")).claims[0].analyzed


def test_blocks_are_used() -> None:
    text = "Budget Vote\nThe council approved the budget after a long debate."
    res = analyze(Article(url="u", text=text, blocks=[Block(0, 11, "heading"),
                                                      Block(12, len(text), "paragraph")]))
    assert [s.kind for s in res.sentences] == ["heading", "sentence"]
    assert [c.text for c in res.claims] == [text[12:]]


def test_analysis_names_the_language_model_it_parsed_with() -> None:
    res = analyze(Article(url="u", text="The council said it approved the budget on Monday."))
    info = model_info()
    assert (res.analyzer.model, res.analyzer.model_version) == (info.name, info.version)
    assert info.name == "en_claimgraph_ewt"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council approved a $4.5 million budget on Monday.", True),
        ("Is the budget too big?", False),
        ("Click here to subscribe.", False),
        ("Read more", False),
        ("Too short.", False),
        ("Share this article on Facebook and Twitter today.", False),
    ],
)
def test_is_claim(text: str, expected: bool) -> None:
    (s,) = split_sentences(text, [])
    assert is_claim(text, s) is expected


def test_headings_and_bylines_are_not_claims() -> None:
    text = "A long heading that states something"
    assert not is_claim(text, Sentence(0, len(text), "heading"))
    assert not is_claim(text, Sentence(0, len(text), "byline"))


def test_check_worthiness_orders_sensibly() -> None:
    factual = "Unemployment fell to 3.5 percent in 2019, the lowest rate in 50 years."
    opinion = "I think we need to be strong."
    question = "What would you do about it?"
    thanks = "Thank you."
    assert check_worthiness(factual) > check_worthiness(opinion)
    assert check_worthiness(factual) > check_worthiness(question)
    assert check_worthiness(opinion) > check_worthiness(thanks) or check_worthiness(thanks) < 0.2
    for s in (factual, opinion, question, thanks, ""):
        assert 0.0 <= check_worthiness(s) <= 1.0



def test_an_article_naming_its_own_outlet_names_an_organization() -> None:
    text = "The bridge closure was rated False by TruthDesk after it checked the city's records."
    res = analyze(Article(url="u", text=text, outlet="TruthDesk"))
    assert {e.name: e.type for e in res.entities.values()}.get("TruthDesk") == "organization"
    other = analyze(Article(url="u", text=text, outlet="Harbor Times"))
    assert {e.name: e.type for e in other.entities.values()}.get("TruthDesk") != "organization"

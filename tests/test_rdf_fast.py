"""The pipeline's fast path (term tuples -> N-Triples) writes exactly the rdflib graphs' triples."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from rdflib import Graph

from graph.analyze.analyzer import analyze
from graph.model import ClaimLink, LinkKind, Relation, Status
from graph.rdf.mapping import (
    article_terms,
    article_triples,
    link_terms,
    link_triples,
    status_terms,
    status_triples,
)
from graph.rdf.terms import ntriples
from graph.sources.inputs import Source, load_article

DEMO = Path(__file__).resolve().parents[1] / "data" / "demo"


def _parsed(text: str) -> set:
    return set(Graph().parse(data=text, format="nt"))


def test_article_terms_match_article_triples() -> None:
    when = datetime(2026, 1, 2, tzinfo=UTC)
    for page in sorted(DEMO.glob("*.html"))[:4]:
        analyzed = analyze(load_article(Source(str(page)), None))
        graphs = article_triples(analyzed, when)
        terms = article_terms(analyzed, when)
        assert _parsed(ntriples(terms.graph)) == set(graphs.graph)
        assert _parsed(ntriples(terms.shared)) == set(graphs.shared)
        nt = ntriples(terms.graph)
        assert len(nt.splitlines()) == len(set(nt.splitlines()))  # no repeated lines


def test_link_and_status_terms_match_graphs() -> None:
    a, b = "https://w3id.org/claimgraph/id/claim/a-1-2", "https://w3id.org/claimgraph/id/claim/b-3-4"
    links = [ClaimLink(a, b, Relation.CONFIRMS, LinkKind.PRIMARY, 0.81234, 'says "x"\nok')]
    assert _parsed(ntriples(link_terms(links))) == set(link_triples(links))
    reasons = ["one", "two \\ three"]
    got = _parsed(ntriples(status_terms(a, Status.CONFIRMED, reasons)))
    assert got == set(status_triples(a, Status.CONFIRMED, reasons))


def test_a_surname_is_the_last_word_of_the_name_whole() -> None:
    from graph.analyze.entities import entity_key, surname_key
    from graph.model import Entity

    def surname(name: str, kind: str = "person") -> str | None:
        return surname_key(Entity(entity_key(name), name, kind))

    assert surname("Donald Trump") == "trump"
    assert surname("Alexandria Ocasio-Cortez") == entity_key("Ocasio-Cortez")  # not "cortez"
    assert surname("Conan O'Brien") == entity_key("O'Brien")
    assert surname("Henry Ford Jr.") == "ford"
    assert surname("Cher") is None and surname("Port Calder", "place") is None

"""networkx projections: derivation and outlet graphs, circular reporting, independence, trace."""

from __future__ import annotations

from datetime import date

from graph.corroborate.index import CorroborationIndex
from graph.corroborate.network import (
    derivation_graph,
    entity_graph,
    find_circular_reporting,
    order_known,
    outlet_graph,
    outlet_independence,
    trace,
)
from tests.test_corroborate_factory import iri, make

ARTICLES = [
    {"url": "blog/1", "outlet": "Blog", "domain": "blog.example", "published": "2024-03-01"},
    {"url": "a/1", "outlet": "A", "domain": "a.example", "published": "2024-03-02"},
    {"url": "b/1", "outlet": "B", "domain": "b.example", "published": "2024-03-02"},
    {"url": "c/1", "outlet": "C", "domain": "c.example", "published": "2024-03-03"},
    {"url": "d/1", "outlet": "D", "domain": "d.example", "published": "2024-03-04"},
    {"url": "e/1", "outlet": "E", "domain": "e.example", "published": "2024-03-04"},
]
DERIVATIONS = [
    ("a/1", "blog/1", "copy", "near-duplicate"),
    ("b/1", "blog/1", "citation", "links to blog/1"),
    ("c/1", "a/1", "citation", "names A"),
    ("d/1", "c/1", "copy", "near-duplicate"),
]


def test_derivation_and_outlet_graphs() -> None:
    g = derivation_graph(DERIVATIONS, ARTICLES)
    assert g.nodes["a/1"]["domain"] == "a.example"
    assert g.edges["a/1", "blog/1"]["kind"] == "copy"
    og = outlet_graph(g)
    assert og.edges["a.example", "blog.example"]["copy"] == 1
    assert og.edges["b.example", "blog.example"]["citation"] == 1


def test_shared_upstream_and_cycles() -> None:
    g = derivation_graph(DERIVATIONS, ARTICLES)
    report = find_circular_reporting(g)
    assert report.cycles == []
    [group] = report.shared_upstreams
    assert group.root == "blog/1"
    assert group.articles == ["a/1", "b/1", "c/1", "d/1"]
    assert "these 4 articles" in group.description
    cyclic = derivation_graph(DERIVATIONS + [("blog/1", "d/1", "citation", "links to d/1")])
    report = find_circular_reporting(cyclic)
    assert ["a/1", "blog/1", "c/1", "d/1"] in report.cycles


def test_outlet_independence() -> None:
    g = derivation_graph(DERIVATIONS, ARTICLES)
    assert outlet_independence(g, "e.example", "a.example")
    assert not outlet_independence(g, "d.example", "a.example")  # d -> c -> a
    assert not outlet_independence(g, "a.example", "b.example")  # shared upstream blog
    assert not outlet_independence(g, "a.example", "a.example")


def test_trace_goes_back_to_the_earliest_source() -> None:
    budget = "Port Calder approved a $40 million budget for the new ferry terminal on Tuesday."
    filler = (
        "The harbour has long been a point of contention among residents and businesses.",
        "Construction crews are expected to begin work on the northern pier in spring.",
    )
    a = make(
        "https://harbortimes.example/a",
        "Harbor Times",
        "harbortimes.example",
        date(2024, 3, 1),
        [budget],
        filler=filler,
    )
    b = make(
        "https://aggregator.example/b",
        "Aggregator",
        "aggregator.example",
        date(2024, 3, 2),
        [budget],
        filler=filler,
    )
    c = make(
        "https://gazette.example/c",
        "Gazette",
        "gazette.example",
        date(2024, 3, 3),
        [
            "Port Calder approved a $40 million budget for its ferry terminal, "
            "the Aggregator reported."
        ],
    )
    with CorroborationIndex.open(None) as index:
        for art in (c, a, b):  # out of order on purpose
            index.add(art)
        steps = trace(iri(c, 0), index)
        assert [s.article for s in steps] == [a.article.url, b.article.url, c.article.url]
        assert [s.role for s in steps] == ["origin", "derived", "claim"]
        assert steps[1].kind == "copy" and steps[2].kind == "citation"
        assert steps[0].published == date(2024, 3, 1)
        g = derivation_graph(index.article_derivations(), index.articles())
        assert find_circular_reporting(g, min_group=2).shared_upstreams[0].root == a.article.url


def test_entity_graph() -> None:
    g = entity_graph(
        [["port-calder", "meridian-works"], ["meridian-works", "port-calder"], ["dana-whitlow"]]
    )
    assert g.edges["meridian-works", "port-calder"]["weight"] == 2
    assert g.nodes["dana-whitlow"]["claims"] == 1


def test_an_undated_article_makes_the_order_unknown() -> None:
    """A copy between an undated and a dated article: no origin, and the reason says so."""
    budget = "Port Calder approved a $40 million budget for the new ferry terminal on Tuesday."
    filler = (
        "The harbour has long been a point of contention among residents and businesses.",
        "Construction crews are expected to begin work on the northern pier in spring.",
    )
    undated = make("https://harbortimes.example/a", "Harbor Times", "harbortimes.example",
                   None, [budget], filler=filler)
    dated = make("https://aggregator.example/b", "Aggregator", "aggregator.example",
                 date(2024, 3, 2), [budget], filler=filler)
    with CorroborationIndex.open(None) as index:
        index.add(undated)
        index.add(dated)
        steps = trace(iri(dated, 0), index)
        assert len(steps) == 2 and not order_known(steps)
        assert "origin" not in [s.role for s in steps]
        (edge,) = index.article_derivations()
        assert "order unknown" in edge[3]

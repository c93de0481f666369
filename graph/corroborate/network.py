"""networkx projections of the corroboration data: derivations, outlets, circular reporting.

Pure functions over data handed to them (derivation tuples, article metadata, or a
``CorroborationIndex`` for claim traces). Edges point from the derived article to its source.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from typing import Protocol

import networkx as nx

from graph.model import ClaimLink, Relation

log = logging.getLogger(__name__)

Derivation = tuple[str, str, str, str]  # (derived_url, source_url, kind, reason)


class _TraceSource(Protocol):  # what ``trace`` needs from a CorroborationIndex
    def links_for(self, claim_iri: str) -> list[ClaimLink]: ...
    def claim(self, claim_iri: str) -> object | None: ...


def derivation_graph(
    derivations: Iterable[Derivation],
    articles: Iterable[Mapping[str, object]] = (),
) -> nx.DiGraph:
    """Articles as nodes (outlet, domain, published, title), edges derived -> source."""
    g = nx.DiGraph()
    for art in articles:
        url = str(art["url"])
        g.add_node(url, **{k: v for k, v in art.items() if k != "url"})
    for derived, source, kind, reason in derivations:
        for node in (derived, source):
            if node not in g:
                g.add_node(node)
        g.add_edge(derived, source, kind=kind, reason=reason)
    return g


def _outlet(g: nx.DiGraph, node: str) -> str:
    data = g.nodes[node]
    return str(data.get("domain") or data.get("outlet") or node)


def outlet_graph(g: nx.DiGraph) -> nx.DiGraph:
    """Outlet -> outlet edges with ``copy``/``citation`` counts and a total ``weight``."""
    og = nx.DiGraph()
    for node in g.nodes:
        og.add_node(_outlet(g, node))
    for derived, source, data in g.edges(data=True):
        a, b = _outlet(g, derived), _outlet(g, source)
        if a == b:
            continue
        if not og.has_edge(a, b):
            og.add_edge(a, b, weight=0, copy=0, citation=0)
        edge = og.edges[a, b]
        edge["weight"] += 1
        kind = str(data.get("kind", "citation"))
        edge[kind] = edge.get(kind, 0) + 1
    return og


@dataclass(slots=True)
class SharedUpstream:
    root: str  # the upstream article everything traces back to
    articles: list[str]  # the articles deriving from it (directly or not), sorted
    outlets: list[str]

    @property
    def description(self) -> str:
        return (
            f"these {len(self.articles)} articles from {len(self.outlets)} outlet(s) "
            f"all trace back to {self.root}"
        )


@dataclass(slots=True)
class CircularReport:
    cycles: list[list[str]] = field(default_factory=list)
    shared_upstreams: list[SharedUpstream] = field(default_factory=list)


def find_circular_reporting(g: nx.DiGraph, min_group: int = 3) -> CircularReport:
    """Cycles (A cites B cites A) and shared upstreams: >= ``min_group`` articles tracing back
    to one root. A root derives from nothing; a cycle with no way out is one root (its
    earliest-sorted member stands for it, the others count as tracing back to it)."""
    report = CircularReport()
    report.cycles = sorted((sorted(c) for c in nx.simple_cycles(g)), key=lambda c: (-len(c), c))
    dag = nx.condensation(g)
    members = dag.graph["mapping"]  # node -> component id
    comp_nodes: dict[int, list[str]] = {}
    for node, comp in members.items():
        comp_nodes.setdefault(comp, []).append(node)
    for comp in dag.nodes:
        if dag.out_degree(comp):
            continue
        nodes = sorted(comp_nodes[comp])
        root = nodes[0]
        downstream = set(nodes[1:])
        for up in nx.ancestors(dag, comp):
            downstream.update(comp_nodes[up])
        if len(downstream) >= min_group:
            ordered = sorted(downstream)
            outlets = sorted({_outlet(g, n) for n in ordered})
            report.shared_upstreams.append(SharedUpstream(root, ordered, outlets))
    report.shared_upstreams.sort(key=lambda s: (-len(s.articles), s.root))
    return report


def outlet_independence(g: nx.DiGraph, a: str, b: str) -> bool:
    """Are outlets ``a`` and ``b`` (domains) independent: different, no article of one derived
    (transitively) from an article of the other, and no shared upstream article?"""
    if a == b:
        return False
    nodes_a = [n for n in g.nodes if _outlet(g, n) == a]
    nodes_b = [n for n in g.nodes if _outlet(g, n) == b]
    up_a: set[str] = set(nodes_a)
    for n in nodes_a:
        up_a |= nx.descendants(g, n)  # sources of a's articles
    up_b: set[str] = set(nodes_b)
    for n in nodes_b:
        up_b |= nx.descendants(g, n)
    if up_a & set(nodes_b) or up_b & set(nodes_a):
        return False
    return not (up_a - set(nodes_a)) & (up_b - set(nodes_b))


@dataclass(frozen=True, slots=True)
class TraceStep:
    claim: str
    article: str
    outlet: str
    domain: str
    published: date | None
    role: str  # origin | derived | claim
    kind: str | None = None  # copy | citation, for how this step derives from an earlier one
    reason: str = ""


def trace(claim_iri: str, index: _TraceSource) -> list[TraceStep]:
    """The claim's provenance, earliest source first: follow ``derived_from`` links back, then
    order the claims found by published date (undated last, the traced claim after its sources).

    The first step is the ``origin`` only when every step has a publication date: an undated
    article may be the earliest, so with one in the chain no step is called the origin
    (:func:`order_known` is False and the chain says the order is unknown).
    """
    steps: dict[str, tuple[str | None, str]] = {claim_iri: (None, "")}
    frontier = [claim_iri]
    while frontier:
        current = frontier.pop()
        for link in index.links_for(current):
            if link.relation is Relation.DERIVED_FROM and link.subject == current:
                if link.target not in steps:
                    steps[link.target] = (None, "")
                    frontier.append(link.target)
                if steps[current][0] is None:
                    steps[current] = (link.kind.value, link.reason)
    out = []
    for iri, (kind, reason) in steps.items():
        f = index.claim(iri)
        if f is None:
            continue
        out.append(
            TraceStep(
                iri,
                str(getattr(f, "article_url", "")),
                str(getattr(f, "outlet", "")),
                str(getattr(f, "domain", "")),
                getattr(f, "published", None),
                "derived",
                kind,
                reason,
            )
        )
    depth = {s.claim: i for i, s in enumerate(out)}
    out.sort(
        key=lambda s: (
            s.published is None,
            s.published or date.max,
            s.claim == claim_iri,
            depth[s.claim],
        )
    )
    if out and order_known(out):
        first = out[0]
        out[0] = TraceStep(
            first.claim,
            first.article,
            first.outlet,
            first.domain,
            first.published,
            "origin",
            None,
            "",
        )
    return [
        s
        if s.claim != claim_iri or s.role == "origin"
        else TraceStep(
            s.claim, s.article, s.outlet, s.domain, s.published, "claim", s.kind, s.reason
        )
        for s in out
    ]


def order_known(steps: list[TraceStep]) -> bool:
    """Whether a provenance chain's order rests on dates: every step has one (or one step)."""
    return len(steps) <= 1 or all(s.published is not None for s in steps)


def entity_graph(claims_entities: Iterable[Iterable[str]]) -> nx.Graph:
    """Entity co-mention graph: an edge per pair of entities named in one claim, weighted."""
    counts: Counter[tuple[str, str]] = Counter()
    nodes: Counter[str] = Counter()
    for entities in claims_entities:
        keys = sorted(set(entities))
        nodes.update(keys)
        counts.update(combinations(keys, 2))
    g = nx.Graph()
    for key, n in nodes.items():
        g.add_node(key, claims=n)
    for (a, b), n in counts.items():
        g.add_edge(a, b, weight=n)
    return g

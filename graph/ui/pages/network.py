"""Graph: claims, articles, outlets and entities as an interactive, fully offline network."""

from __future__ import annotations

from urllib.parse import parse_qsl

import streamlit as st

import graph
from graph.queries.filters import ClaimFilter
from graph.ui.cache import facets
from graph.ui.context import Ctx, current
from graph.ui.html import STATUS_COLORS, esc
from graph.ui.navigation import go
from graph.ui.network import ViewGraph, claim_network, network_html
from graph.ui.widgets import STATUSES, embed_html

ANY = "All"
KIND_LABELS = {"claim": "Claim", "outlet": "Outlet", "entity": "Entity", "article": "Article"}


@st.cache_data(show_spinner="Laying out the graph…", ttl=600, max_entries=20)
def _page(spec: str, _store, flt: ClaimFilter, limit: int, with_entities: bool,
          physics: bool) -> tuple[str, list[tuple[str, str, str]]]:
    """The network HTML and the (id, label, link) of every node that can be opened."""
    records = graph.claims(_store, flt, sort="check_worthiness", limit=limit)
    net: ViewGraph = claim_network(records, with_entities=with_entities)
    nodes = [(n.id, f"{KIND_LABELS[n.kind]}: {n.label}", n.link)
             for n in net.nodes.values() if n.link]
    return network_html(net, height=640, physics=physics), nodes


def _open_node() -> None:
    link = st.session_state.get("graph_open")
    if link:
        params = dict(parse_qsl(link.lstrip("?")))
        go(params.pop("page", "overview"), **params)


def _legend() -> str:
    pills = " ".join(
        f'<span class="cg-pill" style="background:{STATUS_COLORS[s]}">{esc(s)}</span>'
        for s in STATUSES
    )
    return (f"{pills} &nbsp; claims are dots · ◆ outlets · ▲ entities · ▭ articles · "
            "green edge: confirms · red dashed: disputes · amber dotted: derived from")


def render(ctx: Ctx) -> None:
    st.title("Graph")
    values = facets(ctx.spec, ctx.store)
    first, second, third, fourth = st.columns([2, 2, 2, 1])
    status = first.selectbox("Status", [ANY, *STATUSES], key="graph_status")
    entity = second.selectbox("Entity", [ANY, *values["entities"]], key="graph_entity")
    limit = third.slider("Claims shown (node limit)", 5, 300, 30, step=5, key="graph_limit")
    with_entities = fourth.checkbox("Entities", value=True, key="graph_entities")
    physics = fourth.checkbox("Physics", value=True, key="graph_physics")
    flt = ClaimFilter(status=None if status == ANY else status,
                      entity=None if entity == ANY else entity)
    page, nodes = _page(ctx.spec, ctx.store, flt, int(limit), with_entities, physics)
    st.markdown(_legend(), unsafe_allow_html=True)
    st.caption("Drag to move, scroll to zoom, hover for details; click a node to open its page.")
    embed_html(page, 660)
    links = {link: label for _, label, link in nodes}
    st.selectbox("Open a node", list(links), index=None, key="graph_open",
                 format_func=links.__getitem__, placeholder="Choose a node to open…",
                 on_change=_open_node)


if __name__ == "__main__":  # run by st.navigation; importing it draws nothing
    render(current())

"""Entity: claims about it by status. URL: ``?page=entity&name=<entity name>``."""

from __future__ import annotations

import streamlit as st

from graph import queries, queries_ui
from graph.queries import ClaimFilter
from graph.ui.common import (
    Ctx,
    claims_table,
    entities,
    nav_button,
    opener,
    param,
    status_metrics,
)
from graph.ui.html import esc

LIMIT = 200


def claims_section(ctx: Ctx, flt: ClaimFilter, key: str) -> None:
    """Status counts and the (first 200) matching claims, with a link to the Claims page."""
    status_metrics(queries_ui.status_counts_where(ctx.store, flt))
    records = queries.claim_records(ctx.store, flt, sort="newest", limit=LIMIT)
    claims_table(records, key=key)


def render(ctx: Ctx) -> None:
    name = param("name")
    if name is None:
        st.title("Entities")
        rows = entities(ctx.spec, ctx.store)
        st.dataframe(rows, hide_index=True, key="entity_index",
                     column_order=("name", "type", "claims"))
        opener("Open an entity", [r["name"] for r in rows], "entity_pick", "entity", "name")
        return
    info = queries_ui.entity_info(ctx.store, name)
    st.title("Entity")
    if info is None:
        st.warning("No entity with this name in the store.")
        st.text(name)
        return
    st.markdown(f"### {esc(info['name'])}  \n*{esc(info['type'])}*")
    if info["aliases"]:
        st.caption("Also called: " + esc(", ".join(info["aliases"])))
    for same in info["same_as"]:
        st.caption("Same as: " + esc(same))
    nav_button("Filter the Claims page by this entity", "claims", "entity_to_claims",
               entity=info["name"])
    claims_section(ctx, ClaimFilter(entity=info["name"]), key="entity_claims")

"""Entity: claims about it by status. URL: ``/entity?name=<entity name>``."""

from __future__ import annotations

import streamlit as st

from graph.queries.entities import entity_info
from graph.queries.filters import ClaimFilter
from graph.ui.cache import entities
from graph.ui.context import Ctx, current
from graph.ui.html import esc
from graph.ui.navigation import param
from graph.ui.widgets import claims_section, nav_button, opener


def render(ctx: Ctx) -> None:
    name = param("name")
    if name is None:
        st.title("Entities")
        rows = entities(ctx.spec, ctx.store)
        st.dataframe(rows, hide_index=True, key="entity_index",
                     column_order=("name", "type", "claims"))
        opener("Open an entity", [r["name"] for r in rows], "entity_pick", "entity", "name")
        return
    info = entity_info(ctx.store, name)
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


if __name__ == "__main__":  # run by st.navigation; importing it draws nothing
    render(current())

"""Outlet: claims by status, which outlets it copies and which copy it.
URL: ``/outlet?domain=<domain>``."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from graph.queries.filters import ClaimFilter
from graph.queries.outlets import outlet_derivations, outlet_info
from graph.ui.cache import outlets
from graph.ui.context import Ctx, current
from graph.ui.html import esc
from graph.ui.navigation import param
from graph.ui.widgets import claims_section, nav_button, opener

DIRECTIONS = {
    "copies_from": ("Copies from", "No claims here are derived from another outlet."),
    "copied_by": ("Copied by", "No other outlet repeats this outlet's claims."),
}


def _derivations(ctx: Ctx, domain: str) -> None:
    links = outlet_derivations(ctx.store, domain)
    columns = st.columns(2)
    for column, (direction, (title, empty)) in zip(columns, DIRECTIONS.items(), strict=True):
        with column:
            st.subheader(title)
            rows = links[direction]
            if not rows:
                st.caption(empty)
                continue
            st.dataframe(pd.DataFrame(rows, columns=["name", "domain", "links", "how"]),
                         hide_index=True, key=f"outlet_{direction}")
            opener("Open an outlet", [r["domain"] for r in rows], f"outlet_open_{direction}",
                   "outlet", "domain")


def render(ctx: Ctx) -> None:
    domain = param("domain")
    if domain is None:
        st.title("Outlets")
        rows = outlets(ctx.spec, ctx.store)
        st.dataframe(rows, hide_index=True, key="outlet_index",
                     column_order=("name", "domain", "claims"))
        opener("Open an outlet", [r["domain"] for r in rows], "outlet_pick", "outlet", "domain")
        return
    info = outlet_info(ctx.store, domain)
    st.title("Outlet")
    if info is None:
        st.warning("No outlet with this domain in the store.")
        st.text(domain)
        return
    st.markdown(f"### {esc(info['name'])}  \n{esc(info['domain'])} · "
                f"{info['articles']} article(s)")
    nav_button("Filter the Claims page by this outlet", "claims", "outlet_to_claims",
               outlet=info["domain"])
    _derivations(ctx, info["domain"])
    st.subheader("Claims")
    claims_section(ctx, ClaimFilter(outlet=info["domain"]), key="outlet_claims")


if __name__ == "__main__":  # run by st.navigation; importing it draws nothing
    render(current())

"""Overview: counts by status, busiest outlets and entities, newest articles, claims over time."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from graph.queries.claims import articles
from graph.ui import cache
from graph.ui.context import Ctx, current
from graph.ui.html import STATUS_COLORS
from graph.ui.widgets import STATUSES, opener, status_metrics


def timeline_chart(rows: list[dict]) -> alt.Chart:
    frame = pd.DataFrame(rows)
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("published:T", title="Published", timeUnit="yearmonthdate"),
            y=alt.Y("sum(claims):Q", title="Claims"),
            color=alt.Color(
                "status:N",
                scale=alt.Scale(domain=list(STATUSES),
                                range=[STATUS_COLORS[s] for s in STATUSES]),
                legend=alt.Legend(title="Status", orient="bottom"),
            ),
            order=alt.Order("status:N"),
            tooltip=["published:T", "status:N", "claims:Q"],
        )
        .properties(height=280)
    )


def render(ctx: Ctx) -> None:
    st.title("Overview")
    counts = cache.counts(ctx.spec, ctx.store)
    total = sum(counts.values())
    if not total:
        st.info("The store holds no claims yet. Open **Ingest** to add articles.")
        return
    st.caption(f"{total} claims in the store")
    status_metrics(counts)
    unanalysed = cache.unanalysed(ctx.spec, ctx.store)
    if unanalysed:
        st.caption(f"Of the unsourced, {unanalysed} come from pages in a language the analyzer "
                   "does not read: stored, not analysed.")

    st.subheader("Claims over time, by status")
    rows = cache.timeline(ctx.spec, ctx.store)
    if rows:
        st.altair_chart(timeline_chart(rows), key="overview_timeline")
    else:
        st.caption("No dated articles.")

    left, right = st.columns(2)
    with left:
        st.subheader("Outlets with most claims")
        top = cache.outlets(ctx.spec, ctx.store)[:10]
        st.dataframe(pd.DataFrame(top, columns=["name", "domain", "claims"]), hide_index=True,
                     key="overview_outlets")
        opener("Open an outlet", [o["domain"] for o in top], "overview_open_outlet", "outlet",
               "domain")
    with right:
        st.subheader("Entities with most claims")
        top_e = cache.entities(ctx.spec, ctx.store)[:10]
        st.dataframe(pd.DataFrame(top_e, columns=["name", "type", "claims"]), hide_index=True,
                     key="overview_entities")
        opener("Open an entity", [e["name"] for e in top_e], "overview_open_entity", "entity",
               "name")

    st.subheader("Newest articles")
    newest = articles(ctx.store, limit=10)
    frame = pd.DataFrame(
        {
            "published": [str(a["published"] or "") for a in newest],
            "title": [a["title"] or "" for a in newest],
            "outlet": [a["outlet_name"] for a in newest],
            "claims": [int(a["claims"]) for a in newest],
            "url": [a["url"] for a in newest],
        }
    )
    st.dataframe(frame, hide_index=True, key="overview_articles",
                 column_config={"url": st.column_config.TextColumn("URL")})


if __name__ == "__main__":  # run by st.navigation; importing it draws nothing
    render(current())

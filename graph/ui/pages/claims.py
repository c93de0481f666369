"""Claims: filter by status, entity, outlet, date range and text; sort; paginate; open one."""

from __future__ import annotations

import math
from datetime import date

import streamlit as st

import graph
from graph.queries.claims import count_claims
from graph.queries.filters import ClaimFilter
from graph.ui.cache import facets
from graph.ui.context import Ctx, current
from graph.ui.navigation import go, param
from graph.ui.widgets import CURRENT_FILTER, STATUSES, claims_table, keep, remember

PAGE_SIZE = 50
ANY = "All"
SORT_LABELS = {
    "newest": "Newest first",
    "oldest": "Oldest first",
    "check_worthiness": "Most check-worthy",
    "outlet": "Outlet",
    "position": "Article order",
}
#: Widget keys of the filter (kept across page switches).
FILTER_KEYS = ("claims_status", "claims_entity", "claims_outlet", "claims_text",
               "claims_dates", "claims_sort")


def _date_range(value: object) -> tuple[date | None, date | None]:
    if isinstance(value, date):
        return value, value
    if isinstance(value, (list, tuple)):
        picked = [v for v in value if isinstance(v, date)]
        if len(picked) == 2:
            return picked[0], picked[1]
        if len(picked) == 1:
            return picked[0], None
    return None, None


def build_filter(state: dict, article: str | None = None) -> ClaimFilter:
    """The ClaimFilter the widgets in ``state`` describe."""
    date_from, date_to = _date_range(state.get("claims_dates"))

    def chosen(key: str) -> str | None:
        value = state.get(key)
        return None if value in (None, "", ANY) else str(value)

    return ClaimFilter(
        status=chosen("claims_status"),
        entity=chosen("claims_entity"),
        outlet=chosen("claims_outlet"),
        text=(state.get("claims_text") or "").strip() or None,
        article=article,
        date_from=date_from,
        date_to=date_to,
    )


def _apply_url_filters() -> None:
    """``/claims?status=...&entity=...&outlet=...`` preset the filters once."""
    for name in ("status", "entity", "outlet"):
        value = param(name)
        if value:
            st.session_state[f"claims_{name}"] = value
            st.session_state["_kept_claims_" + name] = value
            st.session_state["claims_page"] = 1
    for name in ("status", "entity", "outlet"):
        if name in st.query_params:
            del st.query_params[name]


def _reset_page() -> None:
    st.session_state["claims_page"] = 1


def filters(ctx: Ctx) -> None:
    values = facets(ctx.spec, ctx.store)
    _apply_url_filters()
    for key, default in (("claims_status", ANY), ("claims_entity", ANY),
                         ("claims_outlet", ANY), ("claims_text", ""), ("claims_dates", ()),
                         ("claims_sort", "newest"), ("claims_page", 1)):
        remember(key, default)
    first, second, third = st.columns(3)
    first.selectbox("Status", [ANY, *STATUSES], key="claims_status", on_change=_reset_page)
    entity_options = [ANY, *values["entities"]]
    if st.session_state["claims_entity"] not in entity_options:
        entity_options.append(st.session_state["claims_entity"])
    second.selectbox("Entity", entity_options, key="claims_entity", on_change=_reset_page)
    outlet_options = [ANY, *values["outlets"]]
    if st.session_state["claims_outlet"] not in outlet_options:
        outlet_options.append(st.session_state["claims_outlet"])
    third.selectbox("Outlet", outlet_options, key="claims_outlet", on_change=_reset_page)
    first, second, third = st.columns(3)
    first.text_input("Text contains", key="claims_text", on_change=_reset_page,
                     placeholder="e.g. toll")
    second.date_input("Published between", key="claims_dates", on_change=_reset_page,
                      format="YYYY-MM-DD")
    third.selectbox("Sort", list(SORT_LABELS), key="claims_sort",
                    format_func=SORT_LABELS.__getitem__)


def render(ctx: Ctx) -> None:
    st.title("Claims")
    article = param("article")
    filters(ctx)
    flt = build_filter(dict(st.session_state), article)
    st.session_state[CURRENT_FILTER] = flt
    if article:
        st.info("Showing only the claims of one article.")
        st.text(article)
        st.button("Show all articles", key="claims_all_articles", on_click=go, args=("claims",))
    total = count_claims(ctx.store, flt)
    pages = max(1, math.ceil(total / PAGE_SIZE))
    if st.session_state.get("claims_page", 1) > pages:
        st.session_state["claims_page"] = pages
    left, right = st.columns([3, 1])
    right.number_input(f"Page (of {pages})", min_value=1, max_value=pages, step=1,
                       key="claims_page")
    number = int(st.session_state["claims_page"])
    first = (number - 1) * PAGE_SIZE
    left.markdown(f"**{total}** claims match · showing {min(total, first + 1)}–"
                  f"{min(total, first + PAGE_SIZE)}")
    records = graph.claims(ctx.store, flt, sort=st.session_state["claims_sort"],
                                    limit=PAGE_SIZE, offset=first)
    claims_table(records, key="claims")
    keep(*FILTER_KEYS, "claims_page")


if __name__ == "__main__":  # run by st.navigation; importing it draws nothing
    render(current())

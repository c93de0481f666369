"""Review: record a fact-checker's verdict on a claim, list reviews, withdraw one.
URL: ``/review?id=<claim IRI>``."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import graph
from graph.model import RATINGS
from graph.pipeline.reviews import ReviewError, record_review, withdraw_review
from graph.queries.filters import ClaimFilter
from graph.queries.reviews import list_reviews
from graph.ui.context import Ctx, current, refresh
from graph.ui.html import esc, list_html, short
from graph.ui.navigation import go, param
from graph.ui.widgets import nav_button, pill

SEARCH_LIMIT = 200
REVIEW_COLUMNS = ["created", "reviewer", "rating", "scale", "state", "url", "note", "evidence",
                  "claim_text"]


def _choose_claim(ctx: Ctx) -> None:
    text = st.text_input("Find a claim", key="review_search", placeholder="words of the claim")
    records = graph.claims(ctx.store, ClaimFilter(text=text or None), sort="position",
                                    limit=SEARCH_LIMIT)
    labels = {r["id"]: f"[{r['status']}] {short(r['text'])} — {r['outlet']}" for r in records}

    def choose() -> None:
        if st.session_state.get("review_pick"):
            go("review", id=st.session_state["review_pick"])

    st.selectbox("Claim to review", list(labels), index=None, key="review_pick",
                 format_func=labels.__getitem__, on_change=choose,
                 placeholder="Choose a claim…")


def _form(ctx: Ctx, claim: str) -> None:
    with st.form("review_form", clear_on_submit=False):
        st.selectbox("Rating", list(RATINGS), key="review_rating",
                     help="True or mostly true confirms the claim, false or mostly false "
                          "disputes it; mixture and other change no status.")
        st.text_input("Your rating label (optional)", key="review_label",
                      placeholder="as you publish it, e.g. “Pants on Fire”")
        st.text_input("Reviewer", key="review_reviewer", placeholder="your name")
        st.text_input("Review URL", key="review_url", placeholder="https://… (the published "
                      "fact-check; required)")
        st.text_input("Evidence URL", key="review_evidence", placeholder="https://…")
        st.text_area("Note", key="review_note", height=90)
        submitted = st.form_submit_button("Record review", type="primary", key="review_submit")
    if not submitted:
        return
    try:
        with ctx.lock:
            record_review(ctx.store, claim, st.session_state["review_rating"],
                          st.session_state.get("review_note") or "",
                          st.session_state.get("review_reviewer") or "",
                          st.session_state.get("review_evidence") or "",
                          review_url=st.session_state.get("review_url") or "",
                          label=st.session_state.get("review_label") or "")
    except ReviewError as exc:
        st.error(str(exc))
        return
    refresh()
    st.session_state["review_flash"] = "Review recorded; the claim's status is updated."
    st.rerun()


def _reviews(ctx: Ctx, claim: str | None) -> None:
    reviews = list_reviews(ctx.store, claim)
    st.subheader("Reviews" if claim else "Recent reviews")
    if not reviews:
        st.caption("No reviews recorded yet.")
        return
    st.dataframe(pd.DataFrame(reviews, columns=REVIEW_COLUMNS).fillna(""), hide_index=True,
                 key="review_list")
    active = {r["review"]: f"{r['reviewer']}: {r['rating']} ({r['created'][:16]})"
              for r in reviews if not r["withdrawn"]}
    if not active:
        return
    left, right = st.columns([3, 1])
    pick = left.selectbox("Withdraw a review", list(active), index=None,
                          format_func=active.__getitem__, key="review_withdraw_pick",
                          placeholder="Choose a review…")
    right.write("")
    if right.button("Withdraw", key="review_withdraw", disabled=pick is None) and pick:
        with ctx.lock:
            withdraw_review(ctx.store, pick)
        refresh()
        st.session_state["review_flash"] = "Review withdrawn (kept, marked withdrawn)."
        st.rerun()


def render(ctx: Ctx) -> None:
    st.title("Review")
    flash = st.session_state.pop("review_flash", None)
    if flash:
        st.success(flash)
    claim = param("id")
    detail = graph.claim_detail(ctx.store, claim) if claim else None
    if detail is None:
        if claim:
            st.warning("No claim with this id in the store.")
        _choose_claim(ctx)
        _reviews(ctx, None)
        return
    st.markdown(f"> {esc(detail['text'])}")
    st.caption(esc(f"{detail['outlet']} · {detail['published'] or 'date unknown'}"))
    pill(detail["status"])
    st.markdown(list_html(detail["reasons"]), unsafe_allow_html=True)
    nav_button("Open the claim page", "claim", "review_to_claim", id=detail["id"])
    _form(ctx, detail["id"])
    _reviews(ctx, detail["id"])


if __name__ == "__main__":  # run by st.navigation; importing it draws nothing
    render(current())

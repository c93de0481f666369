"""Claim: the sentence in its paragraph with highlighted spans, status and reasons, links,
provenance chain, entities and the claim's own RDF. URL: ``/claim?id=<claim IRI>``."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from graph.queries.detail import (
    claim_detail,
    claim_summaries,
    claim_turtle,
    copied_by,
    provenance_chain,
)
from graph.ui.context import Ctx, current
from graph.ui.html import (
    esc,
    highlight_html,
    legend_html,
    link_html,
    list_html,
    paragraph_bounds,
    safe_url,
    short,
    status_pill,
)
from graph.ui.navigation import param
from graph.ui.network import claim_neighbourhood, network_html
from graph.ui.widgets import embed_html, nav_button, opener

RELATIONS = {
    "confirmed_by": ("confirms", "confirms this claim"),
    "disputed_by": ("disputes", "disputes this claim"),
    "derived_from": ("derived_from", "this claim repeats it"),
}


def valid_claim_id(value: str | None) -> bool:
    return value is not None and safe_url(value) is not None


def link_rows(detail: dict, copies: list[dict]) -> list[dict]:
    """Every link of the claim as one row: relation, claim, kind, similarity, reason."""
    rows = []
    for key, (relation, _) in RELATIONS.items():
        for link in detail[key]:
            rows.append({"relation": relation, **link})
    rows += [{"relation": "copied_by", **copy} for copy in copies]
    return rows


def _header(detail: dict) -> None:
    st.title("Claim")
    st.markdown(
        f"{status_pill(detail['status'])} &nbsp; <b>{esc(detail['outlet'])}</b> · "
        f"{esc(detail['published'] or 'date unknown')} · "
        f"{link_html(detail['article'], detail.get('article_title') or detail['article'])}",
        unsafe_allow_html=True,
    )
    text = detail.get("article_text") or detail["text"]
    offset = 0 if detail.get("article_text") else detail["start"]
    left, right = paragraph_bounds(text, detail["start"] - offset, detail["end"] - offset)
    spans = [{**s, "start": s["start"] - offset, "end": s["end"] - offset}
             for s in detail["spans"]]
    claim_span = (detail["start"] - offset, detail["end"] - offset)
    st.markdown(highlight_html(text, spans, left, right, claim=claim_span),
                unsafe_allow_html=True)
    st.markdown(legend_html(s["role"] for s in detail["spans"]), unsafe_allow_html=True)


def _status(detail: dict) -> None:
    st.subheader("Why this status")
    reasons = detail["reasons"] or ["no reasons recorded"]
    st.markdown(list_html(reasons), unsafe_allow_html=True)
    facts = {
        "Source": detail["source"] or "—",
        "Cue": detail["cue"] or "—",
        "Hedges": ", ".join(detail["hedge_cues"]) or "—",
        "Negated": "yes" if detail["negated"] else "no",
        "Check-worthiness": f"{detail['check_worthiness']:.2f}",
    }
    st.dataframe(pd.DataFrame({"facet": list(facts), "value": list(facts.values())}),
                 hide_index=True, key="claim_facets")


def _article(detail: dict) -> None:
    st.subheader("Article")
    st.markdown(f"**{esc(detail.get('article_title') or 'Untitled')}**  \n"
                f"{esc(detail['outlet'])}"
                f"{' (' + esc(detail['outlet_domain']) + ')' if detail['outlet_domain'] else ''} · "
                f"{esc(detail.get('article_author') or 'no byline')} · "
                f"{esc(detail['published'] or 'date unknown')}")
    nav_button("Outlet page", "outlet", "claim_outlet", domain=detail["outlet_domain"])
    nav_button("All claims of this article", "claims", "claim_article", article=detail["article"])
    nav_button("Review this claim", "review", "claim_review", id=detail["id"])


def _links(ctx: Ctx, detail: dict) -> None:
    st.subheader("Confirmations, disputes and copies")
    rows = link_rows(detail, copied_by(ctx.store, detail["id"]))
    if not rows:
        st.caption("No other article confirms, disputes or repeats this claim.")
        return
    summaries = claim_summaries(ctx.store, [r["claim"] for r in rows])
    frame = pd.DataFrame({
        "relation": [r["relation"].replace("_", " ") for r in rows],
        "outlet": [summaries.get(r["claim"], {}).get("outlet", "fact-checker") for r in rows],
        "published": [summaries.get(r["claim"], {}).get("published") or "date unknown"
                      for r in rows],
        "kind": [r["kind"] for r in rows],
        "similarity": [round(r["similarity"], 2) for r in rows],
        "claim": [summaries.get(r["claim"], {}).get("text", "") for r in rows],
        "reason": [r["reason"] or "" for r in rows],
    })
    st.dataframe(frame, hide_index=True, key="claim_links")
    openable = [r["claim"] for r in rows if r["claim"] in summaries]
    labels = {i: f"{summaries[i]['outlet']}: {short(summaries[i]['text'], 80)}" for i in openable}
    opener("Open a linked claim", list(dict.fromkeys(openable)), "claim_open_link", "claim", "id",
           labels.__getitem__)
    embed_html(network_html(claim_neighbourhood(detail, rows, summaries), height=340), 360)


def _provenance(ctx: Ctx, detail: dict) -> None:
    st.subheader("Provenance chain")
    chain = provenance_chain(ctx.store, detail["id"])
    confirmations = claim_summaries(
        ctx.store, [c["claim"] for c in detail["confirmed_by"]])
    rows = chain + [{**info, "claim": iri, "relation": "confirmed by"}
                    for iri, info in confirmations.items()]
    rows.sort(key=lambda r: (r["published"] or "9999", r["relation"] != "derived from"))
    dated = all(r["published"] for r in rows)
    if len(rows) <= 1:
        st.caption("This article is the only known source of the claim.")
    elif not dated:
        st.caption("Order unknown: some of these articles have no publication date, so none "
                   "is taken as the earliest.")
    frame = pd.DataFrame({
        "published": [r["published"] or "date unknown" for r in rows],
        "relation": [("earliest: " if i == 0 and dated else "") + r["relation"]
                     for i, r in enumerate(rows)],
        "outlet": [r["outlet"] for r in rows],
        "claim": [r["text"] for r in rows],
    })
    st.dataframe(frame, hide_index=True, key="claim_chain")


def _entities(detail: dict) -> None:
    st.subheader("Entities")
    if not detail["entities"]:
        st.caption("No entities recognised.")
        return
    columns = st.columns(min(4, len(detail["entities"])))
    for i, name in enumerate(detail["entities"]):
        with columns[i % len(columns)]:
            nav_button(esc(name), "entity", f"claim_entity_{i}", name=name)


def render(ctx: Ctx) -> None:
    claim = param("id")
    if not valid_claim_id(claim):
        st.title("Claim")
        st.info("No claim chosen. Open one from the Claims page.")
        nav_button("Go to Claims", "claims", "claim_to_claims")
        return
    detail = claim_detail(ctx.store, claim)
    if detail is None:
        st.title("Claim")
        st.warning("No claim with this id in the store.")
        st.text(claim)
        return
    _header(detail)
    left, right = st.columns([3, 2])
    with left:
        _status(detail)
    with right:
        _article(detail)
    _links(ctx, detail)
    _provenance(ctx, detail)
    _entities(detail)
    with st.expander("The claim's RDF (Turtle)"):
        st.code(claim_turtle(ctx.store, detail["id"]), language="turtle")
    st.caption("Claim IRI")
    st.code(detail["id"], language=None)


if __name__ == "__main__":  # run by st.navigation; importing it draws nothing
    render(current())

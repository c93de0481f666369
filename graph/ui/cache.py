"""Reads the pages share, cached per store (cleared after every write by ``context.refresh``)."""

from __future__ import annotations

import streamlit as st

from graph.queries.claims import claims_over_time, facet_values, status_counts, unanalysed_claims
from graph.queries.entities import top_entities
from graph.queries.outlets import top_outlets
from graph.store.claim_store import ClaimStore

TTL_S = 600


@st.cache_data(show_spinner=False, ttl=TTL_S)
def facets(spec: str, _store: ClaimStore) -> dict[str, list[str]]:
    return facet_values(_store)


@st.cache_data(show_spinner=False, ttl=TTL_S)
def counts(spec: str, _store: ClaimStore) -> dict[str, int]:
    return status_counts(_store)


@st.cache_data(show_spinner=False, ttl=TTL_S)
def outlets(spec: str, _store: ClaimStore) -> list[dict]:
    return top_outlets(_store, limit=None)


@st.cache_data(show_spinner=False, ttl=TTL_S)
def entities(spec: str, _store: ClaimStore) -> list[dict]:
    return top_entities(_store, limit=None)


@st.cache_data(show_spinner=False, ttl=TTL_S)
def timeline(spec: str, _store: ClaimStore) -> list[dict]:
    return claims_over_time(_store)


@st.cache_data(show_spinner=False, ttl=TTL_S)
def unanalysed(spec: str, _store: ClaimStore) -> int:
    return unanalysed_claims(_store)

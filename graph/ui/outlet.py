"""Placeholder."""

import streamlit as st


def render(ctx) -> None:
    st.title("outlet")

"""The app's pages, in one list, and moving between them by URL.

Every page is a file in ``graph/ui/pages/`` registered with ``st.navigation``; an item page
names its item in a query parameter (``/claim?id=...``). Links of the earlier app
(``?page=claim&id=...``) are bookmarked by users and still open the page they named.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import streamlit as st

PAGES_DIR = Path(__file__).resolve().parent / "pages"


@dataclass(frozen=True)
class PageSpec:
    name: str  # url path, and the ``?page=`` value of old links
    title: str
    section: str
    icon: str
    item: str | None = None  # the query parameter naming the item an item page shows
    file: str = ""  # the page's file in graph/ui/pages/ (default: its name)


PAGES: tuple[PageSpec, ...] = (
    PageSpec("overview", "Overview", "Explore", ":material/dashboard:"),
    PageSpec("claims", "Claims", "Explore", ":material/format_list_bulleted:"),
    PageSpec("entity", "Entities", "Explore", ":material/sell:", "name"),
    PageSpec("outlet", "Outlets", "Explore", ":material/newspaper:", "domain"),
    PageSpec("graph", "Graph", "Explore", ":material/hub:", file="network"),
    PageSpec("claim", "Claim", "Check", ":material/fact_check:", "id"),
    PageSpec("review", "Review", "Check", ":material/rate_review:", "id"),
    PageSpec("ingest", "Ingest", "Data", ":material/upload:"),
    PageSpec("sparql", "SPARQL", "Data", ":material/terminal:"),
    PageSpec("export", "Export", "Data", ":material/download:"),
)
BY_NAME: dict[str, PageSpec] = {spec.name: spec for spec in PAGES}
DEFAULT = PAGES[0].name
PENDING = "_navigate_to"  # a move asked for by a widget callback, made at the next run
LAST_ITEM = "_last_item"  # page name -> the query parameters of the item last opened there


def page_file(spec: PageSpec) -> str:
    return str(PAGES_DIR / f"{spec.file or spec.name}.py")


@st.cache_resource
def _st_pages() -> dict[str, st.Page]:
    return {spec.name: st.Page(page_file(spec), title=spec.title, icon=spec.icon,
                               url_path=spec.name, default=spec.name == DEFAULT)
            for spec in PAGES}


def navigation() -> st.navigation:
    """``st.navigation`` over every page, grouped in its sections."""
    sections: dict[str, list[st.Page]] = {}
    pages = _st_pages()
    for spec in PAGES:
        sections.setdefault(spec.section, []).append(pages[spec.name])
    return st.navigation(sections)


def param(name: str) -> str | None:
    value = st.query_params.get(name)
    return value.strip() if isinstance(value, str) and value.strip() else None


def go(page: str, **params: str) -> None:
    """Open a page with its query parameters. Usable as a widget callback: the move is made at
    the start of the next run (see :func:`follow`)."""
    st.session_state[PENDING] = (page, {k: v for k, v in params.items() if v})


def switch(page: str, **params: str) -> None:
    """Open a page now (from a page body, not from a callback)."""
    target = BY_NAME.get(page, BY_NAME[DEFAULT])
    params = {k: v for k, v in params.items() if v}
    if target.item and target.item in params:
        st.session_state.setdefault(LAST_ITEM, {})[target.name] = params
    st.switch_page(_st_pages()[target.name], query_params=params)


def follow() -> None:
    """Before a page runs: make a move a callback asked for, and redirect an old
    ``?page=NAME&...`` link to its page with the other parameters."""
    pending = st.session_state.pop(PENDING, None)
    if pending is not None:
        switch(pending[0], **pending[1])
    old = param("page")
    if old is not None:
        params = {k: v for k, v in st.query_params.to_dict().items() if k != "page"}
        switch(old if old in BY_NAME else DEFAULT, **params)


def restore_item(page: str) -> None:
    """An item page opened without its item (from the sidebar) reopens the item last opened
    on that page in this session."""
    spec = BY_NAME.get(page)
    last = st.session_state.get(LAST_ITEM, {}).get(page)
    if spec is not None and spec.item:
        if param(spec.item):
            st.session_state.setdefault(LAST_ITEM, {})[page] = st.query_params.to_dict()
        elif last:
            st.query_params.from_dict(last)


def page_url(page: str, **params: str) -> str:
    """The app-relative URL of a page (for links drawn in HTML)."""
    query = urlencode({k: v for k, v in params.items() if v})
    return f"./{page}" + (f"?{query}" if query else "")

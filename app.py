"""claimgraph's workbench: the Streamlit entry point (navigation only; pages in graph/ui/pages/).

Run with ``streamlit run app.py``; the store is $CLAIMGRAPH_STORE (default data/store).
"""

from __future__ import annotations

import streamlit as st

from graph.ui.context import current
from graph.ui.html import esc
from graph.ui.navigation import follow, navigation, restore_item
from graph.ui.widgets import inject_css


def main() -> None:
    st.set_page_config(page_title="claimgraph", page_icon="🔎", layout="wide")
    page = navigation()
    follow()
    inject_css()
    with st.sidebar:
        st.caption("Who said it, who copied it, who confirmed it.")
        st.caption("Store: " + esc(current().spec))
    restore_item(page.url_path)
    page.run()


if __name__ == "__main__":  # streamlit runs it so; a worker process importing it draws nothing
    main()

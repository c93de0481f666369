"""Page name -> module; each page module has ``render(ctx)``."""

from __future__ import annotations

import importlib

from graph.ui.common import Ctx

MODULES = {
    "overview": "graph.ui.overview",
    "claims": "graph.ui.claims",
    "claim": "graph.ui.claim",
    "entity": "graph.ui.entity",
    "outlet": "graph.ui.outlet",
    "graph": "graph.ui.graph_page",
    "sparql": "graph.ui.sparql_page",
    "review": "graph.ui.review_page",
    "ingest": "graph.ui.ingest_page",
    "export": "graph.ui.export_page",
}


def render(page: str, ctx: Ctx) -> None:
    importlib.import_module(MODULES[page]).render(ctx)

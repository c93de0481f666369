"""claimgraph: who said it, who copied it, who confirmed it.

The public face, for notebooks and scripts (the CLI and the app are thin wrappers over it)::

    import graph
    with graph.open_store("data/store") as store:
        graph.ingest(store, ["data/demo"])
        for claim in graph.claims(store, graph.ClaimFilter(status="confirmed")):
            print(claim["status"], claim["text"])
"""

from graph.errors import IngestError, StoreError
from graph.model import Article, Claim, Status
from graph.pipeline.batch import IngestReport, ItemResult, ingest
from graph.queries.claims import claim_records as claims
from graph.queries.detail import claim_detail
from graph.queries.export import FORMATS, export
from graph.queries.filters import ClaimFilter
from graph.store.claim_store import ClaimStore
from graph.store.open import open_store

__all__ = [
    "FORMATS",
    "Article",
    "Claim",
    "ClaimFilter",
    "ClaimStore",
    "IngestError",
    "IngestReport",
    "ItemResult",
    "Status",
    "StoreError",
    "claim_detail",
    "claims",
    "export",
    "ingest",
    "open_store",
]

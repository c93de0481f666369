"""A user's evidence that an outlet belongs to an actor (``claimgraph outlets link DOMAIN
ENTITY``): ``schema:parentOrganization`` in the shared graph, and the side index that judges
links, so the outlet is ``primary`` / ``interested`` on that actor's claims, never independent."""

from __future__ import annotations

from graph.corroborate.index import CorroborationIndex
from graph.rdf import ids
from graph.rdf.vocab import SHARED_GRAPH, sparql_prefixes
from graph.sources.urls import host
from graph.store.claim_store import ClaimStore
from graph.store.locks import writer_lock
from graph.store.side_index import open_index

LINKS_QUERY = ("SELECT ?domain ?key WHERE { ?outlet schema:parentOrganization ?entity ; "
               "ckg:domain ?domain . ?entity ckg:entityKey ?key }")


class OutletLinkError(ValueError):
    """The link cannot be recorded; the message is one line naming the input."""


def link_outlet(store: ClaimStore, domain: str, entity: str) -> str:
    """Record that the outlet at ``domain`` belongs to the stored entity named ``entity``;
    returns the entity's key. Articles judged from now on see it; those already stored keep
    their links until re-ingested (``--force``)."""
    wanted = host(domain if "://" in domain else "https://" + domain.strip())
    if not wanted or "." not in wanted:
        raise OutletLinkError(f"{domain}: not a domain name")
    index = open_index(store)
    try:
        key = index.entity_key(entity)
        if key is None:
            raise OutletLinkError(f"{entity}: no entity of that name in the store")
        with writer_lock(store):
            store.update(
                f"{sparql_prefixes()}INSERT DATA {{ GRAPH <{SHARED_GRAPH}> {{ "
                f"<{ids.outlet_iri(wanted)}> schema:parentOrganization <{ids.entity_iri(key)}> ; "
                f'ckg:domain "{wanted}" }} }}')
            index.link_outlets([(wanted, key)])
    finally:
        index.close()
    return key


def sync_outlet_links(store: ClaimStore, index: CorroborationIndex) -> None:
    """Give the side index every link the store records (a rebuilt index has none)."""
    rows = store.select(sparql_prefixes() + LINKS_QUERY)
    if rows:
        index.link_outlets((str(r["domain"]), str(r["key"])) for r in rows)

"""Entities: the most-mentioned list and one entity's names, type and aliases."""

from __future__ import annotations

from rdflib import Literal

from graph.queries.claims import ENTITY_LINK, P, most_mentioned
from graph.queries.persons import merge_counts, names_and_types, same_person
from graph.store.claim_store import ClaimStore


def top_entities(store: ClaimStore, limit: int | None = 10) -> list[dict]:
    """Entities by number of claims about them or said by them: name, type, claims. A
    surname-only node of a person named in full elsewhere counts with that person
    (graph/queries/persons.py)."""
    spare = limit + 10 if limit else None  # a merge can pull a row up from below the limit
    rows = merge_counts(store, most_mentioned(store, ENTITY_LINK, spare))
    return [{"name": r["name"], "type": r["type"], "claims": r["claims"]}
            for r in rows[:limit or None]]


def entity_info(store: ClaimStore, name: str) -> dict | None:
    """An entity by name or alias (case-insensitive): iri, name, type, aliases (with the names
    of the same person's other nodes), same_as."""
    rows = store.select(
        f"{P}SELECT ?e ?name ?type ?alias ?same WHERE {{ "
        "{ ?e schema:name ?n } UNION { ?e schema:alternateName ?n } "
        "FILTER(LCASE(STR(?n)) = ?want) ?e schema:name ?name . "
        "OPTIONAL { ?e ckg:entityType ?type } OPTIONAL { ?e schema:alternateName ?alias } "
        "OPTIONAL { ?e schema:sameAs ?same } }",
        {"want": Literal(name.strip().lower())},
    )
    if not rows:
        return None
    first = rows[0]
    aliases = {r["alias"] for r in rows if r["alias"]}
    aliases |= {node["name"] for node in names_and_types(
        store, same_person(store, [first["e"]])).values()}
    return {
        "iri": first["e"],
        "name": first["name"],
        "type": first["type"] or "thing",
        "aliases": sorted(aliases - {first["name"]}),
        "same_as": sorted({r["same"] for r in rows if r["same"]}),
    }

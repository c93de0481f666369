"""One person across articles: named in full in one ("Donald Trump", ``ckg:surname`` "trump")
and by surname only in another ("Trump", entity key "trump").

Decided at query time, so it is always as good as the store: the two nodes count as one person
while exactly one person in the store has that surname and neither node is an organization,
place or product. A second "Trump" undoes it; nothing in the data needs repair.
"""

from __future__ import annotations

from rdflib import Literal

from graph.rdf.vocab import sparql_prefixes
from graph.store.claim_store import ClaimStore
from graph.store.sparql_text import chunked, iri_values

P = sparql_prefixes()

_NOT_A_PERSON = ("FILTER NOT EXISTS {{ {node} ckg:entityType ?other_type "
                 'FILTER(STR(?other_type) IN ("organization", "place", "product")) }}')
_PAIR = {  # given one side of a pair, the other (both sides never typed otherwise)
    "?full": "?full ckg:surname ?s . ?short ckg:entityKey ?s .",
    "?short": "?short ckg:entityKey ?s . ?full ckg:surname ?s .",
}


def same_person_pairs(store: ClaimStore, iris: list[str]) -> list[tuple[str, str]]:
    """(full-name node, surname-only node) pairs that are one person, among those touching
    ``iris``."""
    rows = [row for given, pattern in _PAIR.items() for part in chunked(iris)
            for row in store.select(
                f"{P}SELECT DISTINCT ?full ?short ?s WHERE {{ VALUES {given} {{ "
                f"{iri_values(part)} }} {pattern} {_NOT_A_PERSON.format(node='?full')} "
                f"{_NOT_A_PERSON.format(node='?short')} }}")]
    unique = _unique_surnames(store, sorted({str(row["s"]) for row in rows}))
    return sorted({(row["full"], row["short"]) for row in rows if str(row["s"]) in unique})


def same_person(store: ClaimStore, iris: list[str]) -> list[str]:
    """The other node of each person in ``iris`` (see the module)."""
    given = set(iris)
    return [other for pair in same_person_pairs(store, iris) for other in pair
            if other not in given]


def merge_counts(store: ClaimStore, rows: list[dict]) -> list[dict]:
    """Entity rows (node, name, type, claims) with each surname-only node counted with its
    person: one row under the full name, claims about either counted once."""
    by_node = {row["node"]: row for row in rows}
    pairs = same_person_pairs(store, list(by_node))
    if not pairs:
        return rows
    fulls = sorted({full for full, _ in pairs})
    names = names_and_types(store, [full for full in fulls if full not in by_node])
    counts = _claims_about_person(store, fulls)
    merged = {full: {**(by_node.get(full) or {"node": full, **names.get(full, {})}),
                     "claims": counts.get(full, 0)} for full in fulls}
    gone = {short for _, short in pairs} | set(merged)
    out = [row for row in rows if row["node"] not in gone] + list(merged.values())
    return sorted(out, key=lambda row: -row["claims"])


def _unique_surnames(store: ClaimStore, surnames: list[str]) -> set[str]:
    """The surnames exactly one person in the store has."""
    unique: set[str] = set()
    for part in chunked(surnames):
        values = " ".join(Literal(surname).n3() for surname in part)
        rows = store.select(f"{P}SELECT ?s (COUNT(DISTINCT ?p) AS ?n) WHERE {{ VALUES ?s {{ "
                            f"{values} }} ?p ckg:surname ?s }} GROUP BY ?s")
        unique |= {str(row["s"]) for row in rows if int(row["n"]) == 1}
    return unique


def _claims_about_person(store: ClaimStore, fulls: list[str]) -> dict[str, int]:
    """Claims about or said by each full-name node or its surname-only node, each claim
    counted once."""
    counts: dict[str, int] = {}
    for part in chunked(fulls):
        rows = store.select(
            f"{P}SELECT ?full (COUNT(DISTINCT ?c) AS ?n) WHERE {{ VALUES ?full {{ "
            f"{iri_values(part)} }} {{ ?c schema:about|schema:author ?full }} UNION {{ "
            f"{_PAIR['?full']} {_NOT_A_PERSON.format(node='?short')} "
            "?c schema:about|schema:author ?short } } GROUP BY ?full")
        counts.update({row["full"]: int(row["n"]) for row in rows})
    return counts


def names_and_types(store: ClaimStore, iris: list[str]) -> dict[str, dict]:
    """IRI -> {"name", "type"} of the given entity nodes."""
    found: dict[str, dict] = {}
    for part in chunked(iris):
        rows = store.select(f"{P}SELECT ?e (SAMPLE(?n) AS ?name) (SAMPLE(?t) AS ?type) WHERE {{ "
                            f"VALUES ?e {{ {iri_values(part)} }} ?e schema:name ?n . "
                            "OPTIONAL { ?e ckg:entityType ?t } } GROUP BY ?e")
        found.update({row["e"]: {"name": row["name"], "type": row["type"]} for row in rows})
    return found

"""One person across articles: named in full in one ("Donald Trump", ``ckg:surname`` "trump")
and by surname only in another ("Trump", entity key "trump").

Decided at query time, so it is always as good as the store: the two nodes count as one person
while exactly one person in the store has that surname and neither node is an organization,
place or product. A second "Trump" undoes it; nothing in the data needs repair.
"""

from __future__ import annotations

from rdflib import Literal

from graph.store import ClaimStore, iri_values
from graph.vocab import sparql_prefixes

P = sparql_prefixes()

_NOT_A_PERSON = ("FILTER NOT EXISTS {{ {node} ckg:entityType ?other_type "
                 'FILTER(STR(?other_type) IN ("organization", "place", "product")) }}')


def same_person_pairs(store: ClaimStore, iris: list[str]) -> list[tuple[str, str]]:
    """(full-name node, surname-only node) pairs that are one person, among those touching
    ``iris``."""
    if not iris:
        return []
    rows = []
    for given, pattern in (("?full", "?full ckg:surname ?s . ?short ckg:entityKey ?s ."),
                           ("?short", "?short ckg:entityKey ?s . ?full ckg:surname ?s .")):
        rows += store.select(
            f"{P}SELECT DISTINCT ?full ?short ?s WHERE {{ VALUES {given} {{ "
            f"{iri_values(iris)} }} {pattern} {_NOT_A_PERSON.format(node='?full')} "
            f"{_NOT_A_PERSON.format(node='?short')} }}")
    unique = {surname for surname in {str(row["s"]) for row in rows}
              if _persons_with_surname(store, surname) == 1}
    pairs = {(row["full"], row["short"]) for row in rows if str(row["s"]) in unique}
    return sorted(pairs)


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
    merged: dict[str, dict] = {}
    names = _names_and_types(store, [full for full, _ in pairs if full not in by_node])
    for full, short in pairs:
        row = dict(by_node.get(full) or {"node": full, **names.get(full, {})})
        row["claims"] = _claims_about(store, [full, short])
        merged[full] = row
    gone = {short for _, short in pairs} | set(merged)
    out = [row for row in rows if row["node"] not in gone] + list(merged.values())
    return sorted(out, key=lambda row: -row["claims"])


def _persons_with_surname(store: ClaimStore, surname: str) -> int:
    rows = store.select(f"{P}SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE {{ ?p ckg:surname ?want }}",
                        {"want": Literal(surname)})
    return int(rows[0]["n"]) if rows else 0


def _claims_about(store: ClaimStore, iris: list[str]) -> int:
    rows = store.select(f"{P}SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {{ VALUES ?e "
                        f"{{ {iri_values(iris)} }} ?c schema:about ?e }}")
    return int(rows[0]["n"]) if rows else 0


def _names_and_types(store: ClaimStore, iris: list[str]) -> dict[str, dict]:
    if not iris:
        return {}
    rows = store.select(f"{P}SELECT ?e (SAMPLE(?n) AS ?name) (SAMPLE(?t) AS ?type) WHERE {{ "
                        f"VALUES ?e {{ {iri_values(iris)} }} ?e schema:name ?n . "
                        "OPTIONAL { ?e ckg:entityType ?t } } GROUP BY ?e")
    return {row["e"]: {"name": row["name"], "type": row["type"]} for row in rows}

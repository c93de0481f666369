"""The lists in a claim record: entities, hedge cues, and links to other claims."""

from __future__ import annotations

from graph.rdf.vocab import CKG, sparql_prefixes
from graph.store.claim_store import ClaimStore
from graph.store.sparql_text import iri_values

P = sparql_prefixes()


def _group(rows: list[dict], key: str, value: str) -> dict[str, list]:
    grouped: dict[str, list] = {}
    for row in rows:
        grouped.setdefault(row[key], [])
        if row[value] not in grouped[row[key]]:
            grouped[row[key]].append(row[value])
    return grouped


def _per_claim(store: ClaimStore, claims: list[str], pattern: str) -> dict[str, list[str]]:
    """``?value`` of ``pattern`` for each claim, distinct, in query order."""
    if not claims:
        return {}
    rows = store.select(
        f"{P}SELECT DISTINCT ?claim ?value WHERE {{ VALUES ?claim {{ {iri_values(claims)} }} "
        f"{pattern} }} ORDER BY ?value"
    )
    return _group(rows, "claim", "value")


def claim_entities(store: ClaimStore, claims: list[str]) -> dict[str, list[str]]:
    return _per_claim(store, claims, "?claim schema:about ?e . ?e schema:name ?value")


def claim_cues(store: ClaimStore, claims: list[str]) -> dict[str, list[str]]:
    return _per_claim(store, claims, "?claim ckg:hedgeCue ?value")


#: Links pointing at the claims (confirmations, disputes) and from them (derivations).
LINK_QUERY = """
SELECT DISTINCT ?claim ?other ?cls ?kind ?similarity ?reason WHERE {
  VALUES ?claim { %s }
  ?l ckg:%s ?claim ; ckg:%s ?other ; a ?cls ; ckg:kind ?kind ; ckg:similarity ?similarity .
  OPTIONAL { ?l rdfs:comment ?reason }
}
"""
WHERE_QUERY = """
SELECT ?other ?other_url ?other_domain ?review_url ?reviewer WHERE {
  VALUES ?other { %s }
  OPTIONAL { ?other schema:appearance/schema:url ?other_url }
  OPTIONAL { ?other ckg:outlet/ckg:domain ?other_domain }
  OPTIONAL { ?other a schema:ClaimReview ; schema:url ?review_url }
  OPTIONAL { ?other a schema:ClaimReview ; schema:author/schema:name ?reviewer }
}
"""
RELATION = {
    ("linkTarget", str(CKG.Confirmation)): "confirmed_by",
    ("linkTarget", str(CKG.Dispute)): "disputed_by",
    ("linkSubject", str(CKG.Derivation)): "derived_from",
}


def claim_links(store: ClaimStore, claims: list[str]) -> dict[str, dict[str, list[dict]]]:
    """For each claim: confirmed_by, disputed_by and derived_from link objects.

    Flat queries (links, then where the other claims appeared): one query with UNIONs and
    property paths cost Oxigraph over 100 ms per page at a million triples."""
    result = {c: {"confirmed_by": [], "disputed_by": [], "derived_from": []} for c in claims}
    if not claims:
        return result
    found = []
    for side, other_side in (("linkTarget", "linkSubject"), ("linkSubject", "linkTarget")):
        for row in store.select(P + LINK_QUERY % (iri_values(claims), side, other_side)):
            relation = RELATION.get((side, row["cls"]))
            if relation:
                found.append((relation, row))
    others = sorted({row["other"] for _, row in found})
    where = {}
    if others:
        where = {r["other"]: r for r in store.select(P + WHERE_QUERY % iri_values(others))}
    for relation, row in sorted(found, key=lambda f: (f[0], f[1]["other"])):
        place = where.get(row["other"], {})
        result[row["claim"]][relation].append(
            {
                "claim": row["other"],
                "article": place.get("other_url") or place.get("review_url"),
                "outlet_domain": place.get("other_domain"),
                "kind": row["kind"],
                "similarity": float(row["similarity"] or 0),
                "reason": row["reason"],
                **({"reviewer": place["reviewer"]} if place.get("reviewer") else {}),
            }
        )
    return result

"""Outlets: the most-quoted list, one outlet, and which outlets it copies and which copy it."""

from __future__ import annotations

from rdflib import Literal

from graph.queries.claims import OUTLET_LINK, P, most_mentioned
from graph.store.claim_store import ClaimStore


def top_outlets(store: ClaimStore, limit: int | None = 10) -> list[dict]:
    """Outlets by number of claims: name, domain, claims."""
    rows = most_mentioned(store, OUTLET_LINK, limit)
    return [{"name": r["name"], "domain": r["domain"], "claims": r["claims"]} for r in rows]


def outlet_info(store: ClaimStore, domain: str) -> dict | None:
    """An outlet by domain or name: iri, name, domain, articles."""
    rows = store.select(
        f"{P}SELECT ?o ?name ?domain (COUNT(DISTINCT ?a) AS ?articles) WHERE {{ "
        "?o a schema:NewsMediaOrganization ; schema:name ?name ; ckg:domain ?domain . "
        "FILTER(LCASE(STR(?domain)) = ?want || LCASE(STR(?name)) = ?want) "
        "OPTIONAL { ?a schema:publisher ?o } } GROUP BY ?o ?name ?domain",
        {"want": Literal(domain.strip().lower())},
    )
    if not rows:
        return None
    row = rows[0]
    return {"iri": row["o"], "name": row["name"], "domain": row["domain"],
            "articles": int(row["articles"])}


OUTLET_DERIVATIONS = """
SELECT ?direction ?name ?domain (COUNT(DISTINCT ?l) AS ?links) (SAMPLE(?kind) AS ?how) WHERE {
  ?l a ckg:Derivation ; ckg:linkSubject ?derived ; ckg:linkTarget ?source ; ckg:kind ?kind .
  ?derived ckg:outlet ?d . ?source ckg:outlet ?s .
  { ?d ckg:domain ?want . ?s schema:name ?name ; ckg:domain ?domain .
    BIND("copies_from" AS ?direction) }
  UNION
  { ?s ckg:domain ?want . ?d schema:name ?name ; ckg:domain ?domain .
    BIND("copied_by" AS ?direction) }
  FILTER(?domain != ?want)
}
GROUP BY ?direction ?name ?domain ORDER BY DESC(?links) ?name
"""


def outlet_derivations(store: ClaimStore, domain: str) -> dict[str, list[dict]]:
    """Which outlets ``domain`` copies from (copies_from) and which copy it (copied_by).

    Rows: name, domain, links (derived claims), how (copy | citation).
    """
    result: dict[str, list[dict]] = {"copies_from": [], "copied_by": []}
    for row in store.select(P + OUTLET_DERIVATIONS, {"want": Literal(domain)}):
        result[row["direction"]].append(
            {"name": row["name"], "domain": row["domain"], "links": int(row["links"]),
             "how": row["how"]}
        )
    return result

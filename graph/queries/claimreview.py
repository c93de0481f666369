"""The ClaimReview export: the real reviews in the store, as a fact-checker publishes them.

Only reviews are exported: verdicts recorded in the app, ClaimReview markup read from pages, and
imported ClaimReview feeds; withdrawn reviews are left out, and claimgraph's own statuses never
appear (they stay in the RDF as ``ckg:status``). Each review carries the fields of Google's
ClaimReview markup guide where the store knows them: ``url``, ``claimReviewed``,
``datePublished``, ``author`` (name, url), ``reviewRating`` (``ratingValue``, ``bestRating``,
``worstRating``, ``alternateName``) and ``itemReviewed``, a ``Claim`` with its ``author``,
``datePublished``, ``appearance`` and ``firstAppearance``. A value the store does not hold is
left out, never made up.
"""

from __future__ import annotations

from collections.abc import Iterable

from graph.model import WITHDRAWN
from graph.queries.claims import iso_date
from graph.rdf.vocab import SCHEMA, sparql_prefixes
from graph.store.claim_store import ClaimStore
from graph.store.sparql_text import chunked, iri_values

P = sparql_prefixes()

REVIEWS = """
SELECT ?review ?url ?claim_reviewed ?published ?author_name ?author_url ?author_person ?label
       ?value ?best ?worst ?state ?item ?given WHERE {
  GRAPH ?g {
    ?review a schema:ClaimReview ; schema:claimReviewed ?claim_reviewed ; schema:reviewRating ?r .
    ?r schema:alternateName ?label .
    OPTIONAL { ?r schema:ratingValue ?value } OPTIONAL { ?r schema:bestRating ?best }
    OPTIONAL { ?r schema:worstRating ?worst }
    OPTIONAL { ?review schema:url ?url } OPTIONAL { ?review schema:datePublished ?published }
    OPTIONAL { ?review schema:creativeWorkStatus ?state }
    OPTIONAL { ?review schema:itemReviewed ?item }
    OPTIONAL { ?review ckg:reviewedClaim ?given }
    OPTIONAL { ?review schema:author ?author }
  }
  OPTIONAL { ?author schema:name ?author_name }
  OPTIONAL { ?author schema:url ?author_url }
  BIND(EXISTS { ?author a schema:Person } AS ?author_person)
}
ORDER BY ?review
"""
#: What a review's input said of the reviewed claim (markup and feeds).
GIVEN = """
SELECT ?node ?author_name ?author_person ?published ?appearance ?first WHERE {
  VALUES ?node { %s }
  OPTIONAL { ?node schema:author ?a . ?a schema:name ?author_name
             BIND(EXISTS { ?a a schema:Person } AS ?author_person) }
  OPTIONAL { ?node schema:datePublished ?published }
  OPTIONAL { ?node schema:appearance ?appearance }
  OPTIONAL { ?node schema:firstAppearance ?first }
}
"""
#: A stored claim: who made it, where and when it appeared, with the copies it was derived
#: from or that were derived from it (the same statement in other articles).
CLAIMS = """
SELECT ?node ?text ?author_name ?author_person ?url ?published WHERE {
  VALUES ?node { %s }
  ?node schema:text ?text .
  OPTIONAL { ?node schema:author ?a . ?a schema:name ?author_name
             BIND(EXISTS { ?a a schema:Person } AS ?author_person) }
  { ?node schema:appearance ?article }
  UNION { ?node prov:wasDerivedFrom+ ?copy . ?copy schema:appearance ?article }
  UNION { ?copy prov:wasDerivedFrom+ ?node . ?copy schema:appearance ?article }
  ?article schema:url ?url .
  OPTIONAL { ?article schema:datePublished ?published }
}
"""
#: Stored claims a page's review was matched to (its status links).
LINKED = """
SELECT DISTINCT ?review ?claim WHERE {
  VALUES ?review { %s }
  ?l ckg:linkSubject ?review ; ckg:linkTarget ?claim ; a ?cls .
  FILTER(?cls IN (ckg:Confirmation, ckg:Dispute))
}
"""


def _agent(name: object, person: object) -> dict:
    return {"@type": "Person" if person else "Organization", "name": str(name)}


def _number(value: object) -> int | float:
    number = float(str(value))
    return int(number) if number.is_integer() else number


def _pages(urls: Iterable[str]) -> list[dict]:
    return [{"@type": "CreativeWork", "url": url} for url in dict.fromkeys(urls)]


def _rows_by(store: ClaimStore, query: str, nodes: Iterable[str]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for part in chunked(sorted(set(nodes))):
        for row in store.select(P + query % iri_values(part)):
            grouped.setdefault(row["node"] if "node" in row else row["review"], []).append(row)
    return grouped


def _given_item(rows: list[dict]) -> dict:
    item: dict = {"@type": "Claim"}
    authors = [r for r in rows if r["author_name"]]
    if authors:
        item["author"] = _agent(authors[0]["author_name"], authors[0]["author_person"])
    dates = sorted(iso_date(r["published"]) for r in rows if r["published"])
    if dates:
        item["datePublished"] = dates[0]
    appearances = [str(r["appearance"]) for r in rows if r["appearance"]]
    if appearances:
        item["appearance"] = _pages(appearances)
    firsts = [str(r["first"]) for r in rows if r["first"]]
    if firsts:
        item["firstAppearance"] = _pages(firsts[:1])[0]
    return item


def _claim_item(rows: list[dict]) -> dict:
    """A stored claim as the reviewed Claim: its author, its first dated appearance."""
    item: dict = {"@type": "Claim"}
    authors = [r for r in rows if r["author_name"]]
    if authors:
        item["author"] = _agent(authors[0]["author_name"], authors[0]["author_person"])
    appearances = sorted({(iso_date(r["published"]) or "9999", str(r["url"])) for r in rows})
    dated = [a for a in appearances if a[0] != "9999"]
    if dated:
        item["datePublished"] = dated[0][0]
    if appearances:
        item["appearance"] = _pages(url for _, url in appearances)
        if dated:  # the earliest known appearance is the first one only when dates say so
            item["firstAppearance"] = _pages([dated[0][1]])[0]
    return item


def claimreview_objects(store: ClaimStore, claims: set[str] | None = None) -> list[dict]:
    """The store's published reviews as schema.org ClaimReview objects; ``claims``: only
    reviews of (or matched to) these claims."""
    rows: dict[str, dict] = {}
    for row in store.select(P + REVIEWS):
        rows.setdefault(row["review"], row)
    reviews = [r for r in rows.values() if r["state"] != WITHDRAWN and r["url"]]
    items = [r["item"] for r in reviews if r["item"]]
    page = [r["review"] for r in reviews if not r["item"]]
    linked: dict[str, list[str]] = {}
    for review, found in _rows_by(store, LINKED, page).items():
        linked[review] = [str(r["claim"]) for r in found]
    claim_rows = _rows_by(store, CLAIMS, items + [c for cs in linked.values() for c in cs])
    given = _rows_by(store, GIVEN, [r["given"] for r in reviews if r["given"]])
    out = []
    for row in reviews:
        related = [row["item"]] if row["item"] else linked.get(row["review"], [])
        if claims is not None and not set(related) & claims:
            continue
        if row["item"]:
            item = _claim_item(claim_rows.get(row["item"], []))
        else:
            item = _given_item(given.get(row["given"], [])) if row["given"] else {"@type": "Claim"}
            matched = [r for c in related for r in claim_rows.get(c, [])]
            if matched and "appearance" not in item:
                item["appearance"] = _pages(str(r["url"]) for r in matched)
        rating: dict = {"@type": "Rating", "alternateName": row["label"]}
        for key, value in (("ratingValue", row["value"]), ("bestRating", row["best"]),
                           ("worstRating", row["worst"])):
            if value is not None:
                rating[key] = _number(value)
        review: dict = {
            "@type": "ClaimReview",
            "@id": row["review"],
            "url": row["url"],
            "claimReviewed": row["claim_reviewed"],
        }
        if row["published"]:
            review["datePublished"] = iso_date(row["published"])
        if row["author_name"]:
            review["author"] = _agent(row["author_name"], row["author_person"])
            if row["author_url"]:
                review["author"]["url"] = row["author_url"]
        review["reviewRating"] = rating
        review["itemReviewed"] = item
        out.append(review)
    return out


CONTEXT = str(SCHEMA)

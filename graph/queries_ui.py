"""Read-only queries the app needs beyond :mod:`graph.queries`; rows are plain dicts.

Also the example queries of the SPARQL console (constants, so the README cookbook can reuse
them). Parameters are bound with VALUES through :meth:`ClaimStore.select`, never pasted.
"""

from __future__ import annotations

from rdflib import Literal, URIRef

from graph.claim_filter import ENTITY_PATTERN
from graph.claim_pages import entity_pattern
from graph.queries import CLAIM_PATTERN, ClaimFilter, P, _status_of, most_mentioned
from graph.same_person import merge_counts, names_and_types, same_person
from graph.store import ClaimStore
from graph.vocab import CORROBORATION_GRAPH, PREFIXES

# --- example queries for the console (the console adds the standard prefixes) ---------------

CONFIRMED_BY_TWO_OUTLETS = """\
# Claims confirmed by at least two independent outlets (or primary sources)
SELECT ?claim ?text (COUNT(DISTINCT ?domain) AS ?outlets)
       (GROUP_CONCAT(DISTINCT ?domain; separator=", ") AS ?confirmed_by)
WHERE {
  ?link a ckg:Confirmation ; ckg:linkTarget ?claim ; ckg:linkSubject ?other ; ckg:kind ?kind .
  FILTER(?kind IN ("independent", "primary"))
  ?other ckg:outlet/ckg:domain ?domain .
  ?claim schema:text ?text ; ckg:outlet/ckg:domain ?own .
  FILTER(?domain != ?own)
}
GROUP BY ?claim ?text
HAVING (COUNT(DISTINCT ?domain) >= 2)
ORDER BY DESC(?outlets) ?text
"""

SPECULATIVE_ABOUT_ENTITY = """\
# Speculative claims about one entity (change the name)
SELECT ?text ?outlet ?published (GROUP_CONCAT(DISTINCT ?cue; separator=", ") AS ?hedges)
WHERE {
  ?entity schema:name "Meridian Works" .
  ?claim schema:about ?entity ; ckg:status ckg:status-speculative ; schema:text ?text ;
         ckg:outlet/schema:name ?outlet ; schema:appearance ?article .
  OPTIONAL { ?article schema:datePublished ?published }
  OPTIONAL { ?claim ckg:hedgeCue ?cue }
}
GROUP BY ?text ?outlet ?published
ORDER BY ?published
"""

ORIGIN_CHAIN = """\
# Origin chain: every claim that repeats another, back to its earliest upstream source
SELECT ?claim ?outlet ?upstream ?upstream_outlet ?upstream_published ?upstream_text
WHERE {
  ?claim prov:wasDerivedFrom+ ?upstream ; ckg:outlet/schema:name ?outlet .
  ?upstream schema:text ?upstream_text ; ckg:outlet/schema:name ?upstream_outlet ;
            schema:appearance ?article .
  OPTIONAL { ?article schema:datePublished ?upstream_published }
  FILTER(?upstream != ?claim)
}
ORDER BY ?claim ?upstream_published
"""

EXAMPLE_QUERIES: dict[str, str] = {
    "Claims confirmed by at least two independent outlets": CONFIRMED_BY_TWO_OUTLETS,
    "Speculative claims about an entity": SPECULATIVE_ABOUT_ENTITY,
    "Origin chain of derived claims": ORIGIN_CHAIN,
}


def _iso(value: object) -> str | None:
    return value.isoformat() if hasattr(value, "isoformat") else (str(value) if value else None)


# --- overview ---------------------------------------------------------------------------------

def top_outlets(store: ClaimStore, limit: int | None = 10) -> list[dict]:
    """Outlets by number of claims: name, domain, claims."""
    rows = most_mentioned(store, "ckg:outlet", limit)
    return [{"name": r["name"], "domain": r["domain"], "claims": r["claims"]} for r in rows]


def top_entities(store: ClaimStore, limit: int | None = 10) -> list[dict]:
    """Entities by number of claims about them: name, type, claims. A surname-only node of a
    person named in full elsewhere counts with that person (graph/same_person.py)."""
    spare = limit + 10 if limit else None  # a merge can pull a row up from below the limit
    rows = merge_counts(store, most_mentioned(store, "schema:about", spare))
    return [{"name": r["name"], "type": r["type"], "claims": r["claims"]}
            for r in rows[:limit or None]]


def claims_over_time(store: ClaimStore) -> list[dict]:
    """Claims per publication date and status: published (ISO date), status, claims."""
    rows = store.select(
        f"{P}SELECT ?published ?status_concept (COUNT(?c) AS ?claims) WHERE {{ "
        "{ SELECT ?c ?published WHERE { ?a schema:datePublished ?published . "
        "?c schema:appearance ?a } } "
        f"OPTIONAL {{ GRAPH <{CORROBORATION_GRAPH}> {{ ?c ckg:status ?status_concept }} }} }} "
        "GROUP BY ?published ?status_concept ORDER BY ?published"
    )
    return [{"published": _iso(r["published"]), "status": _status_of(r["status_concept"]),
             "claims": int(r["claims"])} for r in rows]


def unanalysed_claims(store: ClaimStore) -> int:
    """Claims from pages in a language the analyzer does not read (counted as unsourced)."""
    rows = store.select(f"{P}SELECT (COUNT(?c) AS ?n) WHERE {{ ?c ckg:analyzed false }}")
    return int(rows[0]["n"]) if rows else 0


def status_counts_where(store: ClaimStore, flt: ClaimFilter) -> dict[str, int]:
    """Claims by status among those matching ``flt``."""
    extra, bindings = flt.pattern()
    if flt.entity:  # the entity's IRIs, with the same person's other nodes
        extra = extra.replace(ENTITY_PATTERN, entity_pattern(store, flt.entity))
        bindings.pop("want_entity")
    rows = store.select(
        f"{P}SELECT ?status_concept (COUNT(?claim) AS ?n) WHERE {{ {CLAIM_PATTERN} {extra} }} "
        "GROUP BY ?status_concept",
        bindings,
    )
    counts: dict[str, int] = {}
    for row in rows:
        status = _status_of(row["status_concept"])
        counts[status] = counts.get(status, 0) + int(row["n"])
    return counts


# --- one claim ----------------------------------------------------------------------------------

CLAIM_CONSTRUCT = """
CONSTRUCT { ?s ?p ?o } WHERE {
  { BIND(%(claim)s AS ?s) ?s ?p ?o }
  UNION { %(claim)s ckg:span|ckg:statusReason|prov:qualifiedAttribution ?s . ?s ?p ?o }
  UNION { ?s oa:hasBody %(claim)s . ?s ?p ?o }
  UNION { ?anchor oa:hasBody %(claim)s ; oa:hasTarget ?s . ?s ?p ?o }
  UNION { ?anchor oa:hasBody %(claim)s ; oa:hasTarget/oa:hasSelector ?s . ?s ?p ?o }
  UNION { ?s ckg:linkSubject|ckg:linkTarget %(claim)s . ?s ?p ?o }
}
"""


def _iri(value: str) -> str:
    """An IRI as a SPARQL term; rdflib refuses (raises on) anything that is not a valid IRI."""
    return URIRef(value).n3()


def claim_turtle(store: ClaimStore, claim: str) -> str:
    """The claim's own triples (spans, anchor, attributions, status reasons, links) as Turtle.

    The IRI is written into each branch (serialised by rdflib, which refuses invalid IRIs) so
    every branch starts from a bound node.
    """
    graph = store.construct(P + CLAIM_CONSTRUCT % {"claim": _iri(claim)})
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph.serialize(format="turtle")


def provenance_chain(store: ClaimStore, claim: str) -> list[dict]:
    """The claim and every claim it derives from (transitively), oldest first.

    Rows: claim, text, outlet, domain, published (ISO), url, relation ("this claim" or
    "derived from"). The first row is the earliest known source.
    """
    start = _iri(claim)  # written in place: Virtuoso ignores a VALUES-bound path start
    rows = store.select(
        f"{P}SELECT DISTINCT ?c ?text ?outlet ?domain ?published ?url ?self WHERE {{ "
        f"{start} prov:wasDerivedFrom* ?c . BIND(?c = {start} AS ?self) "
        "?c schema:text ?text ; ckg:outlet ?o ; schema:appearance ?a . "
        "?o schema:name ?outlet ; ckg:domain ?domain . ?a schema:url ?url . "
        "OPTIONAL { ?a schema:datePublished ?published } }"
    )
    chain = [
        {"claim": r["c"], "text": r["text"], "outlet": r["outlet"], "domain": r["domain"],
         "published": _iso(r["published"]), "url": r["url"],
         "relation": "this claim" if r["self"] else "derived from"}
        for r in rows
    ]
    return sorted(chain, key=lambda r: (r["published"] or "9999", r["relation"] != "derived from"))


# --- entities and outlets -----------------------------------------------------------------------

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


def claim_summaries(store: ClaimStore, iris: list[str]) -> dict[str, dict]:
    """Short descriptions of claims: text, outlet, domain, published (ISO), url, status."""
    if not iris:
        return {}
    values = " ".join(_iri(i) for i in sorted(set(iris)))
    rows = store.select(
        f"{P}SELECT ?c ?text ?outlet ?domain ?published ?url ?status_concept WHERE {{ "
        f"VALUES ?c {{ {values} }} ?c schema:text ?text ; ckg:outlet ?o ; schema:appearance ?a . "
        "?o schema:name ?outlet ; ckg:domain ?domain . ?a schema:url ?url . "
        "OPTIONAL { ?a schema:datePublished ?published } "
        "OPTIONAL { ?c ckg:status ?status_concept } }"
    )
    return {
        r["c"]: {"text": r["text"], "outlet": r["outlet"], "domain": r["domain"],
                 "published": _iso(r["published"]), "url": r["url"],
                 "status": _status_of(r["status_concept"])}
        for r in rows
    }


def copied_by(store: ClaimStore, claim: str) -> list[dict]:
    """Claims derived from ``claim`` (copies, citations): claim, kind, similarity, reason."""
    rows = store.select(
        f"{P}SELECT ?other ?kind ?similarity ?reason WHERE {{ ?l a ckg:Derivation ; "
        "ckg:linkTarget ?claim ; ckg:linkSubject ?other ; ckg:kind ?kind ; "
        "ckg:similarity ?similarity . OPTIONAL { ?l rdfs:comment ?reason } }",
        {"claim": URIRef(claim)},
    )
    return [{"claim": r["other"], "kind": r["kind"], "similarity": float(r["similarity"] or 0),
             "reason": r["reason"]} for r in rows]

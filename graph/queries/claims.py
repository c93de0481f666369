"""Claim lists and counts: the records of ``claimgraph claims`` and the app's tables.

Parameters are bound, never pasted; rows are plain dicts."""

from __future__ import annotations

from datetime import date

from graph.model import Status
from graph.queries.filters import ENTITY_PATTERN, SORTS, ClaimFilter
from graph.queries.lists import claim_cues, claim_entities, claim_links
from graph.queries.pages import count_matching, entity_pattern, page_claims
from graph.queries.persons import merge_counts
from graph.rdf.vocab import CORROBORATION_GRAPH, sparql_prefixes, status_of
from graph.store.claim_store import ClaimStore
from graph.store.sparql_text import chunked, iri_values

P = sparql_prefixes()

#: The graph pattern every claim row is read from (one row per claim).
CLAIM_PATTERN = """
  ?claim a schema:Claim ; schema:text ?text ; ckg:content ?content ;
         ckg:startOffset ?start ; ckg:endOffset ?end ; schema:appearance ?article ;
         ckg:outlet ?outlet ; ckg:sourced ?sourced ; ckg:speculative ?speculative ;
         ckg:negated ?negated ; ckg:checkWorthiness ?check_worthiness .
  ?article schema:url ?url .
  ?outlet schema:name ?outlet_name ; ckg:domain ?outlet_domain .
  OPTIONAL { ?article schema:datePublished ?published }
  OPTIONAL { ?article ckg:dateSource ?published_source }
  OPTIONAL { ?claim ckg:status ?status_concept }
  OPTIONAL { ?claim ckg:sourceText ?source }
  OPTIONAL { ?claim ckg:cueText ?cue }
  OPTIONAL { ?claim ckg:speakerName ?speaker }
"""
CLAIM_VARS = (
    "?claim ?text ?content ?start ?end ?article ?url ?outlet ?outlet_name ?outlet_domain "
    "?published ?published_source ?status_concept ?sourced ?speculative ?negated ?source "
    "?speaker ?cue ?check_worthiness"
)
def count_claims(store: ClaimStore, flt: ClaimFilter | None = None) -> int:
    flt = flt or ClaimFilter()
    if flt == ClaimFilter(status=flt.status):  # no filter, or status only: counted already
        counts = status_counts(store)
        return counts[flt.status] if flt.status else sum(counts.values())
    return count_matching(store, flt)


def claim_rows(store: ClaimStore, flt: ClaimFilter | None = None, sort: str = "newest",
               limit: int | None = 50, offset: int = 0) -> list[dict]:
    """One page of claims with the core fields (no lists): pick the page's claims first,
    then read the rows of just those claims."""
    flt = flt or ClaimFilter()
    sort = sort if sort in SORTS else "newest"
    iris = page_claims(store, flt, sort, limit, offset)
    if not iris:
        return []
    query = (f"{P}SELECT {CLAIM_VARS} WHERE {{ VALUES ?claim {{ {iri_values(iris)} }} "
             f"{CLAIM_PATTERN} }}")
    position = {iri: index for index, iri in enumerate(iris)}  # the page's order, ties included
    return sorted(store.select(query), key=lambda row: position[row["claim"]])


def iso_date(value: object) -> str | None:
    """A date as ISO text (None stays None)."""
    return value.isoformat() if isinstance(value, date) else (str(value) if value else None)


def _record(row: dict, entities: list[str], cues: list[str], links: dict) -> dict:
    return {
        "id": row["claim"],
        "text": row["text"],
        "content": row["content"],
        "start": int(row["start"]),
        "end": int(row["end"]),
        "article": row["url"],
        "outlet": row["outlet_name"],
        "outlet_domain": row["outlet_domain"],
        "published": iso_date(row["published"]),
        "published_source": row.get("published_source"),
        "status": status_of(row["status_concept"]),
        "sourced": bool(row["sourced"]),
        "source": row["source"],
        "speaker": row.get("speaker"),
        "cue": row["cue"],
        "speculative": bool(row["speculative"]),
        "hedge_cues": cues,
        "negated": bool(row["negated"]),
        "entities": entities,
        **links,
        "check_worthiness": float(row["check_worthiness"]),
    }


def records_for_rows(store: ClaimStore, rows: list[dict]) -> list[dict]:
    iris = [row["claim"] for row in rows]
    entities = claim_entities(store, iris)
    cues = claim_cues(store, iris)
    links = claim_links(store, iris)
    return [
        _record(row, entities.get(row["claim"], []), cues.get(row["claim"], []),
                links[row["claim"]])
        for row in rows
    ]


def claim_records(store: ClaimStore, flt: ClaimFilter | None = None, sort: str = "newest",
                  limit: int | None = 50, offset: int = 0) -> list[dict]:
    """Claims as the documented JSON objects (see README, `claimgraph claims`)."""
    return records_for_rows(store, claim_rows(store, flt, sort, limit, offset))


def status_counts(store: ClaimStore) -> dict[str, int]:
    """Claims per status; claims without a stored status count as unsourced."""
    rows = store.select(
        f"{P}SELECT ?status_concept (COUNT(?claim) AS ?n) WHERE {{ "
        "?claim ckg:status ?status_concept } GROUP BY ?status_concept"
    )
    total = store.select(f"{P}SELECT (COUNT(?claim) AS ?n) WHERE {{ ?claim a schema:Claim }}")
    counts = {s.value: 0 for s in Status}
    for row in rows:
        counts[status_of(row["status_concept"])] += int(row["n"])
    counts[Status.UNSOURCED.value] += int(total[0]["n"]) - sum(counts.values())
    return counts


def facet_values(store: ClaimStore) -> dict[str, list[str]]:
    """Distinct outlets and entities, for filter widgets."""
    outlets = store.select(
        f"{P}SELECT DISTINCT ?name WHERE {{ ?o a schema:NewsMediaOrganization ; "
        "schema:name ?name } ORDER BY ?name"
    )
    # a surname-only node is listed under its person's full name (graph/queries/persons.py)
    entities = [row["name"] for row in merge_counts(
        store, most_mentioned(store, ENTITY_LINK, 500))]
    return {"outlets": [r["name"] for r in outlets], "entities": entities}


#: A claim's link to an entity it is about or that said it (its source resolved to the entity).
ENTITY_LINK = "?c schema:about|schema:author ?node . ?node ckg:entityType ?node_type ."
OUTLET_LINK = "?c ckg:outlet ?node ."


def most_mentioned(store: ClaimStore, link: str, limit: int | None) -> list[dict]:
    """The nodes most claims reach by ``link`` (ENTITY_LINK, OUTLET_LINK), with their names and
    claim counts, each claim counted once per node; counted by node first, names read only for
    the top ones. ``limit`` None: every node, sorted here (Virtuoso refuses to sort over 10 000
    rows)."""
    page = f"ORDER BY DESC(?claims) ?node LIMIT {int(limit)}" if limit else ""
    top = store.select(
        f"{P}SELECT ?node (COUNT(DISTINCT ?c) AS ?claims) WHERE {{ {link} }} "
        f"GROUP BY ?node {page}"
    )
    if not limit:
        top.sort(key=lambda row: (-int(row["claims"]), str(row["node"])))
    if not top:
        return []
    names = [row for part in chunked([r["node"] for r in top]) for row in store.select(
        f"{P}SELECT ?node (SAMPLE(?n) AS ?name) (SAMPLE(?t) AS ?type) (SAMPLE(?d) AS ?domain) "
        f"WHERE {{ VALUES ?node {{ {iri_values(part)} }} ?node schema:name ?n . "
        "OPTIONAL { ?node ckg:entityType ?t } OPTIONAL { ?node ckg:domain ?d } } GROUP BY ?node"
    )]
    by_node = {row["node"]: row for row in names}
    return [{**by_node.get(row["node"], {}), "node": row["node"], "claims": int(row["claims"])}
            for row in top if row["node"] in by_node]


def articles(store: ClaimStore, limit: int = 50) -> list[dict]:
    """The newest articles with their claim counts: the articles are picked first (their dates
    are inline values, cheap to sort), then only those are joined and counted."""
    newest = store.select(
        f"{P}SELECT ?article WHERE {{ ?article a schema:NewsArticle . "
        "OPTIONAL { ?article schema:datePublished ?published } } "
        f"ORDER BY DESC(?published) LIMIT {int(limit)}"
    )
    if not newest:
        return []
    return store.select(
        f"{P}SELECT ?article ?url ?title ?published ?outlet_name (COUNT(?c) AS ?claims) WHERE {{ "
        f"VALUES ?article {{ {iri_values([row['article'] for row in newest])} }} "
        "?article schema:url ?url ; schema:publisher ?o . "
        "?o schema:name ?outlet_name . OPTIONAL { ?article schema:headline ?title } "
        "OPTIONAL { ?article schema:datePublished ?published } "
        "OPTIONAL { ?c schema:appearance ?article } } "
        "GROUP BY ?article ?url ?title ?published ?outlet_name "
        "ORDER BY DESC(?published) ?article"
    )


def claims_over_time(store: ClaimStore) -> list[dict]:
    """Claims per publication date and status: published (ISO date), status, claims."""
    rows = store.select(
        f"{P}SELECT ?published ?status_concept (COUNT(?c) AS ?claims) WHERE {{ "
        "{ SELECT ?c ?published WHERE { ?a schema:datePublished ?published . "
        "?c schema:appearance ?a } } "
        f"OPTIONAL {{ GRAPH <{CORROBORATION_GRAPH}> {{ ?c ckg:status ?status_concept }} }} }} "
        "GROUP BY ?published ?status_concept ORDER BY ?published"
    )
    return [{"published": iso_date(r["published"]), "status": status_of(r["status_concept"]),
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
        f"{P}SELECT ?status_concept (COUNT(DISTINCT ?claim) AS ?n) "
        f"WHERE {{ {CLAIM_PATTERN} {extra} }} "
        "GROUP BY ?status_concept",
        bindings,
    )
    counts: dict[str, int] = {}
    for row in rows:
        status = status_of(row["status_concept"])
        counts[status] = counts.get(status, 0) + int(row["n"])
    return counts

"""The SPARQL the app and the CLI use. Parameters are bound, never pasted; rows are plain dicts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from rdflib import Literal, URIRef

from graph.claim_lists import claim_cues, claim_entities, claim_links
from graph.model import Status
from graph.store import ClaimStore, iri_values
from graph.vocab import CONCEPT_STATUS, STATUS_CONCEPT, sparql_prefixes

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
  OPTIONAL { ?claim ckg:status ?status_concept }
  OPTIONAL { ?claim ckg:sourceText ?source }
  OPTIONAL { ?claim ckg:cueText ?cue }
"""
CLAIM_VARS = (
    "?claim ?text ?content ?start ?end ?article ?url ?outlet ?outlet_name ?outlet_domain "
    "?published ?status_concept ?sourced ?speculative ?negated ?source ?cue ?check_worthiness"
)
SORTS = {
    "newest": "DESC(?published) ?claim",
    "oldest": "?published ?claim",
    "check_worthiness": "DESC(?check_worthiness) ?claim",
    "outlet": "?outlet_name ?claim",
    "position": "?url ?start",
}


ENTITY_PATTERN = (
    "{ ?e schema:name ?en } UNION { ?e schema:alternateName ?en } "
    "FILTER(LCASE(STR(?en)) = ?want_entity) ?claim schema:about ?e ."
)
OUTLET_FILTER = (
    "FILTER(LCASE(STR(?outlet_name)) = ?want_outlet || LCASE(STR(?outlet_domain)) = ?want_outlet)"
)
NOTHING = "<urn:claimgraph:nothing>"


@dataclass(frozen=True)
class ClaimFilter:
    status: str | None = None
    entity: str | None = None  # entity name or alias, case-insensitive
    outlet: str | None = None  # outlet name or domain
    text: str | None = None  # substring of the sentence, case-insensitive
    article: str | None = None  # article URL
    date_from: date | None = None
    date_to: date | None = None

    def pattern(self) -> tuple[str, dict]:
        """Extra graph patterns and filters, with their bound values."""
        parts: list[str] = []
        bindings: dict = {}
        if self.status:
            status = Status(self.status)
            bindings["want_status"] = STATUS_CONCEPT[status]
            if status is Status.UNSOURCED:
                parts.append("FILTER(!BOUND(?status_concept) || ?status_concept = ?want_status)")
            else:
                parts.append("FILTER(?status_concept = ?want_status)")
        if self.entity:
            bindings["want_entity"] = Literal(self.entity.strip().lower())
            # A join that starts from the entity: a per-claim FILTER EXISTS is a full scan.
            parts.append(ENTITY_PATTERN)
        if self.outlet:
            bindings["want_outlet"] = Literal(self.outlet.strip().lower())
            parts.append(OUTLET_FILTER)
        if self.text:
            bindings["want_text"] = Literal(self.text.lower())
            parts.append("FILTER(CONTAINS(LCASE(STR(?text)), ?want_text))")
        if self.article:
            bindings["want_url"] = Literal(self.article)
            parts.append("FILTER(STR(?url) = ?want_url)")
        if self.date_from:
            bindings["want_from"] = Literal(self.date_from)
            parts.append("FILTER(BOUND(?published) && ?published >= ?want_from)")
        if self.date_to:
            bindings["want_to"] = Literal(self.date_to)
            parts.append("FILTER(BOUND(?published) && ?published <= ?want_to)")
        return "\n  ".join(parts), bindings


def _status_of(concept: str | None) -> str:
    return CONCEPT_STATUS.get(concept or "", Status.UNSOURCED).value


_values = iri_values


def count_claims(store: ClaimStore, flt: ClaimFilter | None = None) -> int:
    flt = flt or ClaimFilter()
    if flt == ClaimFilter(status=flt.status):  # no filter, or status only: counted already
        counts = status_counts(store)
        return counts[flt.status] if flt.status else sum(counts.values())
    keys, bindings = _key_pattern(store, flt, None)
    rows = store.select(f"{P}SELECT (COUNT(DISTINCT ?claim) AS ?n) WHERE {{ {keys} }}", bindings)
    return int(rows[0]["n"]) if rows else 0


#: What each sort order needs bound before the page is cut.
SORT_KEYS = {
    "newest": "OPTIONAL { ?article schema:datePublished ?published }",
    "oldest": "OPTIONAL { ?article schema:datePublished ?published }",
    "check_worthiness": "?claim ckg:checkWorthiness ?check_worthiness .",
    "outlet": "?claim ckg:outlet/schema:name ?outlet_name .",
    "position": "?article schema:url ?url . ?claim ckg:startOffset ?start .",
}


def entity_iris(store: ClaimStore, name: str) -> list[str]:
    """Entities whose name or alias is ``name`` (case-insensitive). The name as given is
    looked up first (an index lookup); only when that finds nothing are all names scanned."""
    exact = store.select(
        f"{P}SELECT DISTINCT ?e WHERE {{ ?e schema:name|schema:alternateName ?want_name }}",
        {"want_name": Literal(name.strip())},
    )
    if exact:
        return [row["e"] for row in exact]
    rows = store.select(
        f"{P}SELECT DISTINCT ?e WHERE {{ {{ ?e schema:name ?en }} UNION "
        "{ ?e schema:alternateName ?en } FILTER(LCASE(STR(?en)) = ?want_entity) }",
        {"want_entity": Literal(name.strip().lower())},
    )
    return [row["e"] for row in rows]


def _object_in(predicate: str, var: str, iris: list[str]) -> str:
    """``?claim predicate X`` for X in ``iris``. One IRI is written in place: Oxigraph plans a
    one-row VALUES block as a join and may start from it, seconds slower on a large store."""
    if len(iris) == 1:
        return f"?claim {predicate} {_values(iris)} ."
    return f"VALUES {var} {{ {_values(iris) or NOTHING} }} ?claim {predicate} {var} ."


def outlet_iris(store: ClaimStore, want: Literal) -> list[str]:
    """Outlets whose name or domain is ``want`` (lower-cased): outlets are few, so they are
    enumerated by type rather than by scanning every name in the store."""
    rows = store.select(
        f"{P}SELECT DISTINCT ?outlet WHERE {{ ?outlet a schema:NewsMediaOrganization ; "
        f"ckg:domain ?outlet_domain ; schema:name ?outlet_name . {OUTLET_FILTER} }}",
        {"want_outlet": want})
    return [row["outlet"] for row in rows]


def _key_pattern(store: ClaimStore, flt: ClaimFilter, sort: str | None) -> tuple[str, dict]:
    """Only the patterns the filters and the sort key use: the page is cut before the
    18-variable CLAIM_PATTERN is matched, which Oxigraph would otherwise do for every claim.
    An entity filter is resolved to entity IRIs first, so the join starts from them."""
    extra, bindings = flt.pattern()
    sort_key = SORT_KEYS[sort] if sort else ""
    # Only claims have a check-worthiness score, so that sort key enumerates the claims by
    # itself; the type and appearance joins would cost a lookup per claim in the store.
    parts = ["" if sort == "check_worthiness" else "?claim a schema:Claim .", sort_key]
    if flt.entity:
        found = entity_iris(store, flt.entity)
        extra = extra.replace(ENTITY_PATTERN, "")
        bindings.pop("want_entity")
        parts.append(_object_in("schema:about", "?e", found))
    if flt.outlet:
        found = outlet_iris(store, bindings.pop("want_outlet"))
        extra = extra.replace(OUTLET_FILTER, "")
        parts.append(_object_in("ckg:outlet", "?outlet", found))
    if flt.text:
        parts.append("?claim schema:text ?text .")
    if flt.status == Status.UNSOURCED.value:
        parts.append("OPTIONAL { ?claim ckg:status ?status_concept }")
    elif flt.status:  # a required, bound pattern: the store can start from these claims
        concept = bindings.pop("want_status")
        extra = extra.replace("FILTER(?status_concept = ?want_status)", "")
        parts.append(_object_in("ckg:status", "?status_concept", [str(concept)]))
    if flt.article:
        parts.append("?article schema:url ?url .")
    if (flt.date_from or flt.date_to) and "?published" not in sort_key:
        parts.append("OPTIONAL { ?article schema:datePublished ?published }")
    if any("?article" in part for part in [*parts, extra]):
        parts.insert(0, "?claim schema:appearance ?article .")
    # Required patterns before optional ones: Oxigraph joins a pattern that follows an
    # OPTIONAL group with the whole left join, which can take seconds on a large store.
    parts = sorted(dict.fromkeys(p for p in parts if p), key=lambda p: p.startswith("OPTIONAL"))
    return "\n  ".join(parts) + "\n  " + extra, bindings


#: Statuses few claims have: a page filtered by one may be read directly, not by date windows.
SELECTIVE_STATUSES = {Status.CONFIRMED.value, Status.DISPUTED.value}
#: A filtered page is read directly (every match sorted) up to this many matching claims;
#: a popular entity or outlet is read by date windows like the unfiltered list.
DIRECT_MAX_CLAIMS = 1500


def _reads_directly(store: ClaimStore, flt: ClaimFilter) -> bool:
    if flt.article:
        return True
    if not (flt.entity or flt.outlet or flt.status in SELECTIVE_STATUSES):
        return False
    keys, bindings = _key_pattern(store, flt, None)
    rows = store.select(f"{P}SELECT DISTINCT ?claim WHERE {{ {keys} }} "
                        f"LIMIT {DIRECT_MAX_CLAIMS + 1}", bindings)
    return len(rows) <= DIRECT_MAX_CLAIMS


def claim_rows(store: ClaimStore, flt: ClaimFilter | None = None, sort: str = "newest",
               limit: int | None = 50, offset: int = 0) -> list[dict]:
    """One page of claims with the core fields (no lists): pick the page's claims first,
    then read the rows of just those claims."""
    flt = flt or ClaimFilter()
    sort = sort if sort in SORTS else "newest"
    if limit is not None and sort in ("newest", "oldest") and not _reads_directly(store, flt):
        iris = _page_by_article_date(store, flt, sort, limit + offset)[offset:]
    else:
        iris = _page_keys(store, flt, sort, limit, offset)
    if not iris:
        return []
    query = (f"{P}SELECT {CLAIM_VARS} WHERE {{ VALUES ?claim {{ {_values(iris)} }} "
             f"{CLAIM_PATTERN} }} ORDER BY {SORTS[sort]}")
    return store.select(query)


def _page_keys(store: ClaimStore, flt: ClaimFilter, sort: str, limit: int | None,
               offset: int, window: str = "") -> list[str]:
    keys, bindings = _key_pattern(store, flt, sort)
    if window:  # the window binds ?published already; the optional lookup is a second join
        keys = keys.replace(SORT_KEYS[sort], "")
    # Over the whole store, no tie-break on the claim IRI: ordering by an IRI reads every
    # claim's IRI string. Ties then keep the store's own order, the same for every page size,
    # so pages do not overlap; each page's rows are sorted with the tie-break. A date window
    # differs with the page size, so there the tie-break stays (it is small).
    order = SORTS[sort] if window else SORTS[sort].removesuffix(" ?claim")
    key_vars = " ".join(sorted({"?claim", *re.findall(r"\?\w+", order)}))
    page = f"LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
    query = (f"{P}SELECT DISTINCT {key_vars} WHERE {{ {window}\n  {keys} }} "
             f"ORDER BY {order} {page}")
    return [row["claim"] for row in store.select(query, bindings)]


#: Articles without a publication date, as a window of the date paging.
UNDATED = ("?article a schema:NewsArticle . "
           "FILTER NOT EXISTS { ?article schema:datePublished ?any_date }")


def _page_by_article_date(store: ClaimStore, flt: ClaimFilter, sort: str,
                          needed: int) -> list[str]:
    """The first ``needed`` claims in date order, looking only at the newest (or oldest)
    publication dates: grow a window of whole dates until it holds enough claims. Sorting
    every claim by its article's date is what makes a large store slow; so is reading every
    article, hence articles are counted per date, not listed."""
    rows = store.select_terms(
        f"{P}SELECT ?published (COUNT(?article) AS ?articles) WHERE {{ "
        "?article a schema:NewsArticle . OPTIONAL { ?article schema:datePublished ?published } "
        "} GROUP BY ?published"
    )
    counts = {row["published"]: int(row["articles"]) for row in rows}
    dated = sorted((d for d in counts if d is not None), key=lambda d: d.toPython(),
                   reverse=sort == "newest")
    groups: list[list] = [[d] for d in dated]
    if None in counts:  # undated articles sort last when newest first, first when oldest
        groups = groups + [[None]] if sort == "newest" else [[None]] + groups
    window: list = []
    articles, target = 0, max(needed, 1) * 2
    for index, group in enumerate(groups):
        window.extend(group)
        articles += sum(counts[d] for d in group)
        if articles < target and index + 1 < len(groups):
            continue
        found = _page_keys(store, flt, sort, needed, 0, _date_window(window))
        if len(found) >= needed or index + 1 == len(groups):
            return found
        target = articles * 4
    return []


def _date_window(dates: list) -> str:
    """A graph pattern binding ?article to the articles published on ``dates`` (None: the
    undated ones)."""
    known = " ".join(d.n3() for d in dates if d is not None)
    dated = f"VALUES ?published {{ {known} }} ?article schema:datePublished ?published ."
    if None not in dates:
        return dated
    return f"{{ {dated} }} UNION {{ {UNDATED} }}" if known else UNDATED


def _iso(value) -> str | None:
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
        "published": _iso(row["published"]),
        "status": _status_of(row["status_concept"]),
        "sourced": bool(row["sourced"]),
        "source": row["source"],
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
        counts[_status_of(row["status_concept"])] += int(row["n"])
    counts[Status.UNSOURCED.value] += int(total[0]["n"]) - sum(counts.values())
    return counts


def claim_detail(store: ClaimStore, claim: str) -> dict | None:
    """Everything the claim page shows: the record, spans, reasons, article text."""
    rows = store.select(
        f"{P}SELECT {CLAIM_VARS} WHERE {{ {CLAIM_PATTERN} }}", {"claim": URIRef(claim)}
    )
    if not rows:
        return None
    row = rows[0]
    detail = records_for_rows(store, [row])[0]
    spans = store.select(
        f"{P}SELECT ?role ?start ?end ?exact WHERE {{ ?claim ckg:span ?s . ?s ckg:role ?role ; "
        "ckg:start ?start ; ckg:end ?end ; ckg:exact ?exact } ORDER BY ?start",
        {"claim": URIRef(claim)},
    )
    reasons = store.select(
        f"{P}SELECT ?text WHERE {{ ?claim ckg:statusReason ?r . ?r rdfs:comment ?text ; "
        "ckg:order ?o } ORDER BY ?o",
        {"claim": URIRef(claim)},
    )
    article = store.select(
        f"{P}SELECT ?title ?body ?author_name WHERE {{ ?article schema:text ?body . "
        "OPTIONAL { ?article schema:headline ?title } "
        "OPTIONAL { ?article schema:author/schema:name ?author_name } }",
        {"article": URIRef(row["article"])},
    )
    detail["spans"] = spans
    detail["reasons"] = [r["text"] for r in reasons]
    if article:
        detail["article_title"] = article[0]["title"]
        detail["article_text"] = article[0]["body"]
        detail["article_author"] = article[0]["author_name"]
    return detail


def facet_values(store: ClaimStore) -> dict[str, list[str]]:
    """Distinct outlets and entities, for filter widgets."""
    outlets = store.select(
        f"{P}SELECT DISTINCT ?name WHERE {{ ?o a schema:NewsMediaOrganization ; "
        "schema:name ?name } ORDER BY ?name"
    )
    entities = [row["name"] for row in most_mentioned(store, "schema:about", 500)]
    return {"outlets": [r["name"] for r in outlets], "entities": entities}


def most_mentioned(store: ClaimStore, predicate: str, limit: int) -> list[dict]:
    """The nodes most claims point to with ``predicate`` (schema:about, ckg:outlet), with
    their names and claim counts; counted by node first, names read only for the top ones."""
    top = store.select(
        f"{P}SELECT ?node (COUNT(?c) AS ?claims) WHERE {{ ?c {predicate} ?node }} "
        f"GROUP BY ?node ORDER BY DESC(?claims) ?node LIMIT {int(limit)}"
    )
    if not top:
        return []
    names = store.select(
        f"{P}SELECT ?node (SAMPLE(?n) AS ?name) (SAMPLE(?t) AS ?type) (SAMPLE(?d) AS ?domain) "
        f"WHERE {{ VALUES ?node {{ {_values([r['node'] for r in top])} }} ?node schema:name ?n . "
        "OPTIONAL { ?node ckg:entityType ?t } OPTIONAL { ?node ckg:domain ?d } } GROUP BY ?node"
    )
    by_node = {row["node"]: row for row in names}
    return [{**by_node.get(row["node"], {}), "node": row["node"], "claims": int(row["claims"])}
            for row in top if row["node"] in by_node]


def articles(store: ClaimStore, limit: int = 50) -> list[dict]:
    return store.select(
        f"{P}SELECT ?article ?url ?title ?published ?outlet_name (COUNT(?c) AS ?claims) WHERE {{ "
        "?article a schema:NewsArticle ; schema:url ?url ; schema:publisher ?o . "
        "?o schema:name ?outlet_name . OPTIONAL { ?article schema:headline ?title } "
        "OPTIONAL { ?article schema:datePublished ?published } "
        "OPTIONAL { ?c schema:appearance ?article } } "
        "GROUP BY ?article ?url ?title ?published ?outlet_name "
        f"ORDER BY DESC(?published) LIMIT {int(limit)}"
    )

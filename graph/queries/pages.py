"""Which claims make one page of a list: pick the page's claim IRIs with as few joins as the
filter and the sort need, and on a large store look only at the newest dates or the highest
check-worthiness scores (windows), never at every claim."""

from __future__ import annotations

import re
import time

from rdflib import Literal

from graph.model import Status
from graph.queries.filters import ENTITY_PATTERN, NOTHING, OUTLET_FILTER, SORTS, ClaimFilter
from graph.queries.persons import same_person
from graph.rdf.mapping import SCORE_DECIMALS, score_literal
from graph.rdf.vocab import sparql_prefixes
from graph.store.claim_store import ClaimStore
from graph.store.sparql_text import iri_values

P = sparql_prefixes()


def page_claims(store: ClaimStore, flt: ClaimFilter, sort: str, limit: int | None,
                offset: int) -> list[str]:
    """The IRIs of one page of claims, in ``SORTS[sort]`` order (ties aside)."""
    if limit is not None and sort in ("newest", "oldest") and not _reads_directly(store, flt):
        return _page_by_article_date(store, flt, sort, limit + offset)[offset:]
    if limit is not None and sort == "check_worthiness" and store.kind != "memory":
        # (rdflib's own engine joins a VALUES block row by row: a plain sort is faster there)
        return _page_by_worthiness(store, flt, limit + offset)[offset:]
    return _page_keys(store, flt, sort, limit, offset)


def count_matching(store: ClaimStore, flt: ClaimFilter) -> int:
    keys, bindings = key_pattern(store, flt, None)
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
    """Entities whose name or alias is ``name`` (case-insensitive), with the same person's
    node from articles that named them differently (:func:`same_person`). The name as given
    is looked up first (an index lookup); only when that finds nothing are all names scanned."""
    exact = store.select(
        f"{P}SELECT DISTINCT ?e WHERE {{ ?e schema:name|schema:alternateName ?want_name }}",
        {"want_name": Literal(name.strip())},
    )
    if exact:
        found = [row["e"] for row in exact]
    else:
        rows = store.select(
            f"{P}SELECT DISTINCT ?e WHERE {{ {{ ?e schema:name ?en }} UNION "
            "{ ?e schema:alternateName ?en } FILTER(LCASE(STR(?en)) = ?want_entity) }",
            {"want_entity": Literal(name.strip().lower())},
        )
        found = [row["e"] for row in rows]
    return found + [iri for iri in same_person(store, found) if iri not in found]


def entity_pattern(store: ClaimStore, name: str) -> str:
    """Claims about one of the entities ``name`` names (see :func:`entity_iris`) or said by it
    (a source resolved to the entity: "she" -> Anna Lindqvist). A claim both about and by the
    entity matches twice, so every count over this pattern counts distinct claims."""
    return _object_in("schema:about|schema:author", "?e", entity_iris(store, name))


def _object_in(predicate: str, var: str, iris: list[str]) -> str:
    """``?claim predicate X`` for X in ``iris``. One IRI is written in place: Oxigraph plans a
    one-row VALUES block as a join and may start from it, seconds slower on a large store."""
    if len(iris) == 1:
        return f"?claim {predicate} {iri_values(iris)} ."
    return f"VALUES {var} {{ {iri_values(iris) or NOTHING} }} ?claim {predicate} {var} ."


def outlet_iris(store: ClaimStore, want: Literal) -> list[str]:
    """Outlets whose name or domain is ``want`` (lower-cased): outlets are few, so they are
    enumerated by type rather than by scanning every name in the store."""
    rows = store.select(
        f"{P}SELECT DISTINCT ?outlet WHERE {{ ?outlet a schema:NewsMediaOrganization ; "
        f"ckg:domain ?outlet_domain ; schema:name ?outlet_name . {OUTLET_FILTER} }}",
        {"want_outlet": want})
    return [row["outlet"] for row in rows]


CLAIM_TYPE = "?claim a schema:Claim ."


def key_pattern(store: ClaimStore, flt: ClaimFilter, sort: str | None) -> tuple[str, dict]:
    """Only the patterns the filters and the sort key use: the page is cut before the
    18-variable CLAIM_PATTERN is matched, which Oxigraph would otherwise do for every claim.
    An entity filter is resolved to entity IRIs first, so the join starts from them."""
    extra, bindings = flt.pattern()
    sort_key = SORT_KEYS[sort] if sort else ""
    bound: list[str] = []  # patterns with a bound object: the join may start from any of them
    # Only claims have a check-worthiness score, so that sort key enumerates the claims by
    # itself; the type and appearance joins would cost a lookup per claim in the store.
    parts = ["" if sort == "check_worthiness" else CLAIM_TYPE, sort_key]
    if flt.entity:
        extra = extra.replace(ENTITY_PATTERN, "")
        bindings.pop("want_entity")
        bound.append(entity_pattern(store, flt.entity))
    if flt.outlet:
        found = outlet_iris(store, bindings.pop("want_outlet"))
        extra = extra.replace(OUTLET_FILTER, "")
        bound.append(_object_in("ckg:outlet", "?outlet", found))
    if flt.text:
        parts.append("?claim schema:text ?text .")
    if flt.status == Status.UNSOURCED.value:
        parts.append("OPTIONAL { ?claim ckg:status ?status_concept }")
    elif flt.status:  # a required, bound pattern: the store can start from these claims
        concept = bindings.pop("want_status")
        extra = extra.replace("FILTER(?status_concept = ?want_status)", "")
        bound.append(_object_in("ckg:status", "?status_concept", [str(concept)]))
    if flt.article:
        parts.append("?article schema:url ?url .")
    if (flt.date_from or flt.date_to) and "?published" not in sort_key:
        parts.append("OPTIONAL { ?article schema:datePublished ?published }")
    if len(bound) > 1 and store.kind != "memory":  # the smallest first (see _pattern_size)
        bound.sort(key=lambda pattern: _pattern_size(store, pattern))
    parts[2:2] = bound
    if any("?article" in part for part in [*parts, extra]):
        parts.insert(0, "?claim schema:appearance ?article .")
    # Oxigraph mostly keeps the written order: the selective patterns first, the type test
    # (every claim) after them, and optional patterns last (a pattern after an OPTIONAL group
    # is joined with the whole left join, which can take seconds on a large store).
    parts = sorted(dict.fromkeys(p for p in parts if p),
                   key=lambda p: (p.startswith("OPTIONAL"), p == CLAIM_TYPE))
    return "\n  ".join(parts) + "\n  " + extra, bindings


PATTERN_SIZE_TTL_S = 600


def _pattern_size(store: ClaimStore, pattern: str) -> int:
    """How many claims one bound pattern matches, counted by the store (a few ms) and kept for
    a while: it only decides which pattern a join starts from. Oxigraph mostly keeps the
    written order, and starting a status + outlet filter from the smaller of the two is ~6x
    faster on a large store (15 vs 89 ms for 580 matches among 86k claims)."""
    sizes = store.attached.setdefault("pattern_sizes", {})
    now = time.monotonic()
    known = sizes.get(pattern)
    if known is None or now - known[1] > PATTERN_SIZE_TTL_S:
        rows = store.select(f"{P}SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")
        known = sizes[pattern] = (int(rows[0]["n"]) if rows else 0, now)
    return known[0]


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
    keys, bindings = key_pattern(store, flt, None)
    rows = store.select(f"{P}SELECT DISTINCT ?claim WHERE {{ {keys} }} "
                        f"LIMIT {DIRECT_MAX_CLAIMS + 1}", bindings)
    return len(rows) <= DIRECT_MAX_CLAIMS


def _page_keys(store: ClaimStore, flt: ClaimFilter, sort: str, limit: int | None,
               offset: int, window: str = "") -> list[str]:
    keys, bindings = key_pattern(store, flt, sort)
    if window:  # the window binds ?published already; the optional lookup is a second join
        keys = keys.replace(SORT_KEYS[sort], "")
    # Over the whole store, no tie-break on the claim IRI: ordering by an IRI reads every
    # claim's IRI string. Ties then keep the store's own order, the same for every page size,
    # so pages do not overlap; each page's rows are sorted with the tie-break. A date window
    # differs with the page size, so there the tie-break stays (it is small), and so it does
    # on rdflib's memory store, which holds IRIs as strings.
    tie_break = window or store.kind == "memory"
    order = SORTS[sort] if tie_break else SORTS[sort].removesuffix(" ?claim")
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
        "?article schema:datePublished ?published } GROUP BY ?published"
    )
    counts = {row["published"]: int(row["articles"]) for row in rows}
    total = store.select(f"{P}SELECT (COUNT(?article) AS ?n) WHERE {{ "
                         "?article a schema:NewsArticle }")[0]["n"]
    if int(total) > sum(counts.values()):  # undated articles, counted without an OPTIONAL join
        counts[None] = int(total) - sum(counts.values())
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


#: Check-worthiness is stored with four decimals (graph/rdf/mapping.py), so a range of scores is a
#: list of values, each an index lookup, where a FILTER on the score would read every claim.
SCORE_STEPS = 10**SCORE_DECIMALS
FIRST_SCORE_WINDOW = 100


def _page_by_worthiness(store: ClaimStore, flt: ClaimFilter, needed: int) -> list[str]:
    """The ``needed`` most check-worthy claims: collect claims from the highest scores down,
    in windows of score values that grow fourfold, until enough are found. Ties are broken
    by IRI here, so every page size sees the same order."""
    keys, bindings = key_pattern(store, flt, "check_worthiness")
    found: list[tuple[float, str]] = []
    top, width = SCORE_STEPS, FIRST_SCORE_WINDOW
    while top >= 0 and len(found) < needed:
        bottom = max(top - width, -1)
        scores = " ".join(_score(step) for step in range(top, bottom, -1))
        rows = store.select(
            f"{P}SELECT DISTINCT ?claim ?check_worthiness WHERE {{ "
            f"VALUES ?check_worthiness {{ {scores} }}\n  {keys} }}", bindings)
        found += [(-float(row["check_worthiness"]), row["claim"]) for row in rows]
        top, width = bottom, width * 4
    return [claim for _, claim in sorted(found)[:needed]]


def _score(step: int) -> str:
    """A score as graph/rdf/mapping.py writes it (the same lexical form, for stores that compare
    forms)."""
    return score_literal(step / SCORE_STEPS).n3()

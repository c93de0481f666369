"""What one article's write is made of: its triples and corroboration as SPARQL Update text,
and the few lookups of what the store already holds that decide it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Literal, URIRef

from graph.corroborate.index import CorroborationIndex, CorroborationUpdate
from graph.model import AnalyzedArticle
from graph.rdf import ids
from graph.rdf.mapping import (
    SINGLE_VALUED,
    UNSPECIFIC_ENTITY_TYPE,
    article_terms,
    link_terms,
    status_terms,
    vocabulary_graph,
)
from graph.rdf.terms import Triple, ntriples
from graph.rdf.vocab import CKG, CORROBORATION_GRAPH, SHARED_GRAPH, VOCAB_GRAPH
from graph.store.claim_store import ClaimStore


def stored_text_hash(store: ClaimStore, url: str) -> str | None:
    rows = store.select(
        "SELECT ?h WHERE { GRAPH ?g { ?a <http://purl.org/dc/terms/identifier> ?h } }",
        {"g": ids.article_graph_iri(url)},
    )
    return rows[0]["h"] if rows else None


def stored_articles(store: ClaimStore) -> dict[str, tuple[str, int]]:
    """Every stored article's URL -> (text hash, number of claims), in one query."""
    rows = store.select(
        "SELECT ?url ?h (COUNT(?c) AS ?n) WHERE { GRAPH ?g { "
        "?a a <http://schema.org/NewsArticle> ; <http://schema.org/url> ?url ; "
        "<http://purl.org/dc/terms/identifier> ?h . "
        "OPTIONAL { ?c <http://schema.org/appearance> ?a } } } GROUP BY ?url ?h"
    )
    return {str(row["url"]): (str(row["h"]), int(row["n"])) for row in rows}


def stored_claims(store: ClaimStore, url: str) -> set[str]:
    rows = store.select(
        "SELECT ?c WHERE { GRAPH ?g { ?c a <http://schema.org/Claim> } }",
        {"g": ids.article_graph_iri(url)},
    )
    return {row["c"] for row in rows}


def corroboration_update_sparql(index: CorroborationIndex, affected: Iterable[str],
                                update: CorroborationUpdate) -> str:
    """Replace, for the affected claims, their links, statuses and reasons."""
    claims = sorted(set(affected))
    if not claims:
        return ""
    values = " ".join(f"<{c}>" for c in claims)
    g = f"<{CORROBORATION_GRAPH}>"
    delete = f"""
DELETE {{ GRAPH {g} {{ ?r ?p ?o }} }} WHERE {{ GRAPH {g} {{
  VALUES ?c {{ {values} }} ?c <{CKG.statusReason}> ?r . ?r ?p ?o }} }} ;
DELETE {{ GRAPH {g} {{ ?l ?p ?o }} }} WHERE {{ GRAPH {g} {{
  VALUES ?c {{ {values} }} {{ ?l <{CKG.linkSubject}> ?c }} UNION {{ ?l <{CKG.linkTarget}> ?c }}
  ?l ?p ?o }} }} ;
DELETE {{ GRAPH {g} {{ ?x ?p ?c }} }} WHERE {{ GRAPH {g} {{
  VALUES ?c {{ {values} }} ?x ?p ?c }} }} ;
DELETE {{ GRAPH {g} {{ ?c ?p ?o }} }} WHERE {{ GRAPH {g} {{
  VALUES ?c {{ {values} }} ?c ?p ?o }} }} ;
"""
    links = {}
    for claim in claims:
        for link in index.links_for(claim):
            links[(link.subject, link.target, link.relation)] = link
    triples = list(link_terms(links.values()))
    for claim in claims:
        verdict = update.statuses.get(claim) or index.status_of(claim)
        if verdict is None:
            continue  # the claim no longer exists
        triples += status_terms(claim, verdict.status, [r.text for r in verdict.reasons])
    return delete + f"INSERT DATA {{ GRAPH {g} {{\n{ntriples(triples)}}} }} ;\n"


def shared_update_sparql(shared: Iterable[Triple]) -> str:
    """Upsert shared node descriptions: single-valued properties are replaced, not added.

    An entity typed only "thing" here keeps the type another article gave it (a person named
    in full in one article and with a surname alias in another is a person, whatever the
    order the articles came in)."""
    shared = list(shared)
    subjects = " ".join(sorted({s.n3() for s, _, _ in shared}))
    if not subjects:
        return ""
    g = f"<{SHARED_GRAPH}>"
    unspecific = sorted({s.n3() for s, p, o in shared
                         if p == CKG.entityType and str(o) == UNSPECIFIC_ENTITY_TYPE})
    typed = " ".join(sorted({s.n3() for s, p, _ in shared if p == CKG.entityType}
                            - set(unspecific)))
    properties = " ".join(p.n3() for p in SINGLE_VALUED if p != CKG.entityType)
    kept = [t for t in shared if not (t[1] == CKG.entityType and t[0].n3() in unspecific)]
    sparql = (
        f"DELETE {{ GRAPH {g} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {g} {{\n"
        f"  VALUES ?s {{ {subjects} }} VALUES ?p {{ {properties} }} ?s ?p ?o }} }} ;\n"
    )
    if typed:
        sparql += (f"DELETE {{ GRAPH {g} {{ ?s <{CKG.entityType}> ?o }} }} WHERE {{ GRAPH {g} "
                   f"{{ VALUES ?s {{ {typed} }} ?s <{CKG.entityType}> ?o }} }} ;\n")
    sparql += f"INSERT DATA {{ GRAPH {g} {{\n{ntriples(kept)}}} }} ;\n"
    if unspecific:
        thing = Literal(UNSPECIFIC_ENTITY_TYPE).n3()
        sparql += (f"INSERT {{ GRAPH {g} {{ ?s <{CKG.entityType}> {thing} }} }} WHERE {{ "
                   f"VALUES ?s {{ {' '.join(unspecific)} }} FILTER NOT EXISTS {{ GRAPH {g} "
                   f"{{ ?s <{CKG.entityType}> ?any }} }} }} ;\n")
    return sparql


def ensure_vocabulary(store: ClaimStore) -> None:
    if not store.ask("ASK WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": URIRef(VOCAB_GRAPH)}):
        body = ntriples(vocabulary_graph())
        store.update(f"INSERT DATA {{ GRAPH <{VOCAB_GRAPH}> {{\n{body}}} }}")


@dataclass
class Prepared:
    """An article analysed (in a worker process), with its own triples already serialised."""

    analyzed: AnalyzedArticle
    article_sparql: str  # DROP + INSERT DATA of the article graph, and the shared upsert


def prepare(analyzed: AnalyzedArticle) -> Prepared:
    triples = article_terms(analyzed)
    graph_iri = ids.article_graph_iri(analyzed.article.url)
    sparql = (
        f"DROP SILENT GRAPH <{graph_iri}> ;\n"
        f"INSERT DATA {{ GRAPH <{graph_iri}> {{\n{ntriples(triples.graph)}}} }} ;\n"
        + shared_update_sparql(triples.shared)
    )
    return Prepared(analyzed, sparql)



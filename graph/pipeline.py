"""ingest -> analyze -> corroborate -> rdf -> store, one article at a time, each one transaction."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rdflib import Graph, URIRef

from graph import ids, rdf
from graph.analyze import analyze
from graph.corroborate import CorroborationIndex, CorroborationUpdate
from graph.fetch import FetchPolicy
from graph.ingest import IngestError, Source, load_article
from graph.model import AnalyzedArticle, Article
from graph.store import ClaimStore
from graph.vocab import CKG, CORROBORATION_GRAPH, SHARED_GRAPH, VOCAB_GRAPH

log = logging.getLogger(__name__)

INDEX_FILE = "corroboration.sqlite"


@dataclass
class ItemResult:
    source: str
    ok: bool
    url: str = ""
    claims: int = 0
    skipped: bool = False  # unchanged since the last ingest
    error: str = ""


@dataclass
class IngestReport:
    items: list[ItemResult] = field(default_factory=list)

    @property
    def articles(self) -> int:
        return sum(1 for item in self.items if item.ok)

    @property
    def claims(self) -> int:
        return sum(item.claims for item in self.items if item.ok)

    @property
    def failures(self) -> list[ItemResult]:
        return [item for item in self.items if not item.ok]

    def summary(self) -> str:
        skipped = sum(1 for item in self.items if item.skipped)
        text = f"{self.articles} articles, {self.claims} claims, {len(self.failures)} failures"
        return text + (f" ({skipped} unchanged, skipped)" if skipped else "")


def open_index(store: ClaimStore) -> CorroborationIndex:
    path = store.side_dir / INDEX_FILE if store.side_dir is not None else None
    return CorroborationIndex.open(path)


def _nt(graph: Graph) -> str:
    return graph.serialize(format="nt")


def stored_text_hash(store: ClaimStore, url: str) -> str | None:
    rows = store.select(
        "SELECT ?h WHERE { GRAPH ?g { ?a <http://purl.org/dc/terms/identifier> ?h } }",
        {"g": ids.article_graph_iri(url)},
    )
    return rows[0]["h"] if rows else None


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
    graph = rdf.link_triples(links.values())
    for claim in claims:
        verdict = update.statuses.get(claim) or index.status_of(claim)
        if verdict is None:
            continue  # the claim no longer exists
        graph += rdf.status_triples(claim, verdict.status, [r.text for r in verdict.reasons])
    return delete + f"INSERT DATA {{ GRAPH {g} {{\n{_nt(graph)}}} }} ;\n"


def shared_update_sparql(shared: Graph) -> str:
    """Upsert shared node descriptions: single-valued properties are replaced, not added."""
    subjects = " ".join(sorted({s.n3() for s in shared.subjects()}))
    if not subjects:
        return ""
    g = f"<{SHARED_GRAPH}>"
    properties = " ".join(p.n3() for p in rdf.SINGLE_VALUED)
    return (
        f"DELETE {{ GRAPH {g} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {g} {{\n"
        f"  VALUES ?s {{ {subjects} }} VALUES ?p {{ {properties} }} ?s ?p ?o }} }} ;\n"
        f"INSERT DATA {{ GRAPH {g} {{\n{_nt(shared)}}} }} ;\n"
    )


def ensure_vocabulary(store: ClaimStore) -> None:
    if not store.ask("ASK WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": URIRef(VOCAB_GRAPH)}):
        body = _nt(rdf.vocabulary_graph())
        store.update(f"INSERT DATA {{ GRAPH <{VOCAB_GRAPH}> {{\n{body}}} }}")


def write_article(store: ClaimStore, index: CorroborationIndex, analyzed: AnalyzedArticle) -> None:
    """Replace the article's named graph and refresh corroboration, in one transaction."""
    url = analyzed.article.url
    previous = stored_claims(store, url)
    update = index.add(analyzed)
    current = {str(ids.claim_iri(c.article_url, c.start, c.end)) for c in analyzed.claims}
    affected = previous | current | update.affected | update.removed_claims | set(update.statuses)
    triples = rdf.article_triples(analyzed)
    graph_iri = ids.article_graph_iri(url)
    sparql = (
        f"DROP SILENT GRAPH <{graph_iri}> ;\n"
        f"INSERT DATA {{ GRAPH <{graph_iri}> {{\n{_nt(triples.graph)}}} }} ;\n"
        + shared_update_sparql(triples.shared)
        + corroboration_update_sparql(index, affected, update)
    )
    try:
        store.update(sparql.rstrip().rstrip(";"))
    except Exception:
        index.remove(url)  # keep the side index in step with the store
        raise


def ingest_article(store: ClaimStore, index: CorroborationIndex, article: Article,
                   analyzer: str = "rules", force: bool = False) -> ItemResult:
    if not force and stored_text_hash(store, article.url) == article.text_hash:
        claims = len(stored_claims(store, article.url))
        return ItemResult(article.source_location, True, article.url, claims, skipped=True)
    analyzed = analyze(article, analyzer=analyzer)
    write_article(store, index, analyzed)
    return ItemResult(article.source_location, True, article.url, len(analyzed.claims))


def ingest_sources(
    store: ClaimStore,
    sources: Iterable[Source],
    policy: FetchPolicy | None = None,
    analyzer: str = "rules",
    force: bool = False,
    on_item: Callable[[ItemResult], None] | None = None,
) -> IngestReport:
    """Ingest every source; failures are reported per item and the batch goes on."""
    report = IngestReport()
    ensure_vocabulary(store)
    index = open_index(store)
    try:
        for source in sources:
            try:
                article = load_article(source, policy)
                result = ingest_article(store, index, article, analyzer, force)
            except IngestError as exc:
                result = ItemResult(source.location, False, error=exc.reason)
            except Exception as exc:  # one bad page must not stop the batch
                log.exception("unexpected failure on %s", source.location)
                result = ItemResult(source.location, False, error=f"{type(exc).__name__}: {exc}")
            report.items.append(result)
            if on_item is not None:
                on_item(result)
    finally:
        index.close()
    return report


def remove_article(store: ClaimStore, url: str) -> bool:
    previous = stored_claims(store, url)
    if not previous:
        return False
    index = open_index(store)
    try:
        update = index.remove(url)
        affected = previous | update.affected | set(update.statuses)
        sparql = f"DROP SILENT GRAPH <{ids.article_graph_iri(url)}> ;\n" + (
            corroboration_update_sparql(index, affected, update)
        )
        store.update(sparql.rstrip().rstrip(";"))
    finally:
        index.close()
    return True

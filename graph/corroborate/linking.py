"""Turn a claim match into links, given the derivation graph; read links back as evidence."""

from __future__ import annotations

import json
import sqlite3

from graph.corroborate import graphops, reviews
from graph.corroborate.derivation import primary_entity
from graph.corroborate.matching import ClaimFeatures, Match, MatchKind, firm
from graph.corroborate.status import Evidence
from graph.model import ClaimLink, LinkKind, Relation

Hop = tuple[str, str, str]  # (first hop article, kind, reason)


class Linker:
    """Classifies matches: derived (copy/citation), confirms, disputes, or nothing.

    Holds a per-operation cache of article ancestors; make a new one after derivations change.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._ancestors: dict[str, dict[str, Hop]] = {}

    def ancestors(self, url: str) -> dict[str, Hop]:
        if url not in self._ancestors:
            self._ancestors[url] = graphops.ancestors(self.conn, url)
        return self._ancestors[url]

    def classify(self, x: ClaimFeatures, y: ClaimFeatures, m: Match) -> list[ClaimLink]:
        if x.domain and x.domain == y.domain:
            return []  # the same outlet never confirms (or disputes) itself
        ax, ay = self.ancestors(x.article_url), self.ancestors(y.article_url)
        derived: tuple[ClaimFeatures, ClaimFeatures, Hop] | None = None
        x_from_y, y_from_x = y.article_url in ax, x.article_url in ay
        if x_from_y and y_from_x:  # a citation cycle: the later article repeats the earlier
            x_from_y = _order_key(x) > _order_key(y)
            y_from_x = not x_from_y
        if x_from_y:
            derived = (x, y, ax[y.article_url])
        elif y_from_x:
            derived = (y, x, ay[x.article_url])
        sim = round(m.similarity, 4)
        if derived is not None and (m.kind is MatchKind.SAME or derived[2][1] == "copy"):
            d, s, (hop, kind, why) = derived
            via = "" if hop == s.article_url else f" via {hop}"
            reason = f"{why}{via}; {m.reason}"
            return [ClaimLink(d.iri, s.iri, Relation.DERIVED_FROM, LinkKind(kind), sim, reason)]
        if derived is None and set(ax) & set(ay):
            return []  # siblings of one upstream: a shared source, not independent
        relation = Relation.CONFIRMS if m.kind is MatchKind.SAME else Relation.DISPUTES
        links = []
        for a, b in ((x, y), (y, x)):
            if not firm(a):
                continue  # speculation repeated stays speculation
            if derived is not None:
                kind = LinkKind.CITATION  # a citing correction: disputes, not independent
            elif self.is_primary(a, b):
                kind = LinkKind.PRIMARY if relation is Relation.CONFIRMS else LinkKind.INTERESTED
            else:
                kind = LinkKind.INDEPENDENT
            links.append(ClaimLink(a.iri, b.iri, relation, kind, sim, m.reason))
        return links

    def is_primary(self, a: ClaimFeatures, b: ClaimFeatures) -> bool:
        """Is ``a``'s outlet the actor that ``b`` (or, failing that, ``b``'s article) is about?
        By name or domain (:func:`primary_entity`) or by a user's ``outlets link``."""
        owned = {key for (key,) in self.conn.execute(
            "SELECT key FROM outlet_actor WHERE domain = ?", (a.domain,))}
        for keys in (b.entities, self._article_entities(b.article_url)):
            if not keys:
                continue
            if owned & keys:
                return True
            marks = ",".join("?" * len(keys))
            names = dict(
                self.conn.execute(
                    f"SELECT key, name FROM entity WHERE key IN ({marks})", tuple(keys)
                ).fetchall()
            )
            if primary_entity(a.outlet, a.domain, names) is not None:
                return True
        return False

    def _article_entities(self, url: str) -> frozenset[str]:
        rows = self.conn.execute("SELECT entities FROM claim WHERE url = ?", (url,)).fetchall()
        return frozenset(k for (ents,) in rows for k in json.loads(ents or "[]"))


def _order_key(f: ClaimFeatures) -> tuple[bool, str, str]:
    return (f.published is None, f.published.isoformat() if f.published else "", f.article_url)


def links_touching(conn: sqlite3.Connection, iris: set[str]) -> list[ClaimLink]:
    links: dict[tuple[str, str, str], ClaimLink] = {}
    for iri in iris:
        for s, t, rel, kind, sim, reason in conn.execute(
            "SELECT subject, target, relation, kind, similarity, reason FROM link "
            "WHERE subject = ? OR target = ?",
            (iri, iri),
        ):
            links[(s, t, rel)] = ClaimLink(
                s, t, Relation(rel), LinkKind(kind), sim or 0.0, reason or ""
            )
        for link in reviews.review_links(conn, iri):
            links[(link.subject, link.target, link.relation.value)] = link
    return sorted(links.values(), key=lambda k: (k.subject, k.target, k.relation))


def evidence(conn: sqlite3.Connection, iri: str) -> list[Evidence]:
    """Every link of one claim, with the other side's article and outlet."""
    out: list[Evidence] = []
    for link in links_touching(conn, {iri}):
        incoming = link.target == iri
        other = link.subject if incoming else link.target
        if link.kind is LinkKind.REVIEW:
            label, url, rating, verdict = reviews.describe(conn, other)
            if (link.relation is Relation.CONFIRMS) != (verdict == "true"):
                rating = ""  # the claim states the opposite of what was rated
            out.append(Evidence(link.relation, link.kind, True, other, url, None, link.reason,
                                label, rating, _copy_place(conn, link.via)))
            continue
        row = conn.execute(
            "SELECT a.url, a.domain FROM claim c JOIN article a ON a.url = c.url WHERE c.iri = ?",
            (other,),
        ).fetchone()
        article, domain = (row[0], row[1]) if row else (None, None)
        out.append(
            Evidence(link.relation, link.kind, incoming, other, article, domain, link.reason)
        )
    return out


def _copy_place(conn: sqlite3.Connection, claim_iri: str) -> str:
    """Where a copy of the claim appeared: "harbortimes.example (URL)", or the IRI."""
    if not claim_iri:
        return ""
    row = conn.execute(
        "SELECT a.url, a.domain FROM claim c JOIN article a ON a.url = c.url WHERE c.iri = ?",
        (claim_iri,),
    ).fetchone()
    return f"{row[1] or 'unknown outlet'} ({row[0]})" if row else claim_iri

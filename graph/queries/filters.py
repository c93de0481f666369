"""What a claims list asks for: the filter, its graph patterns and the sort orders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rdflib import Literal

from graph.model import Status
from graph.rdf.vocab import STATUS_CONCEPT

SORTS = {
    "newest": "DESC(?published) ?claim",
    "oldest": "?published ?claim",
    "check_worthiness": "DESC(?check_worthiness) ?claim",
    "outlet": "?outlet_name ?claim",
    "position": "?url ?start",
}


ENTITY_PATTERN = (
    "{ ?e schema:name ?en } UNION { ?e schema:alternateName ?en } "
    "FILTER(LCASE(STR(?en)) = ?want_entity) ?claim schema:about|schema:author ?e ."
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

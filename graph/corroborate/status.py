"""Claim status from text facets and graph links, with human-readable reasons.

Precedence: disputed > confirmed > speculative > sourced > unsourced. Every facet that
applies contributes reasons (the status is the first by precedence), so the app can show
"confirmed by ledger.example; originally hedged ('could')".
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from graph.model import LinkKind, Relation, Status


@dataclass(frozen=True, slots=True)
class Reason:
    kind: str  # disputed | confirmed | primary | review | hedge | attribution | unsourced | ...
    text: str
    claim: str | None = None
    article: str | None = None
    outlet_domain: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return asdict(self)


@dataclass(slots=True)
class StatusVerdict:
    status: Status
    reasons: list[Reason] = field(default_factory=list)
    confirmations: int = 0  # distinct independent confirming sources (outlets, primaries, reviews)

    def to_dict(self) -> dict[str, object]:
        return {
            "status": self.status.value,
            "confirmations": self.confirmations,
            "reasons": [r.to_dict() for r in self.reasons],
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> StatusVerdict:
        reasons = [Reason(**r) for r in data.get("reasons", [])]  # type: ignore[union-attr]
        return cls(Status(str(data["status"])), reasons, int(data.get("confirmations", 0)))  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Facets:
    analyzed: bool = True
    speculative: bool = False
    hedges: tuple[str, ...] = ()
    sourced: bool = False
    source_text: str | None = None
    cue_text: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """A link seen from the claim being judged. ``incoming``: the other claim acts on this one."""

    relation: Relation
    kind: LinkKind
    incoming: bool
    other: str  # claim IRI or review id
    article: str | None
    outlet_domain: str | None
    reason: str = ""
    label: str = ""  # reviewer name for reviews
    rating: str = ""  # for reviews: the rating as given ("mostly false")
    via: str = ""  # for reviews reaching the claim through a copy: where that copy is


def _rated(ev: Evidence, default: str) -> str:
    via = f" via copy of {ev.via}" if ev.via else ""
    return f"rated {ev.rating or default} by fact-checker {ev.label or ev.other}{via}"


def _where(ev: Evidence) -> str:
    return f"{ev.outlet_domain or ev.label or 'unknown outlet'} ({ev.article or ev.other})"


def _judge_links(evidence: list[Evidence]) -> tuple[list[Reason], list[Reason], int, list[Reason]]:
    disputes: list[Reason] = []
    confirms: list[Reason] = []
    repeats: list[Reason] = []
    sources: set[str] = set()
    for ev in evidence:
        ref = {"claim": ev.other, "article": ev.article, "outlet_domain": ev.outlet_domain}
        if ev.relation is Relation.DISPUTES and ev.incoming:
            if ev.kind is LinkKind.REVIEW:
                text = _rated(ev, "false")
            elif ev.kind in (LinkKind.INTERESTED, LinkKind.PRIMARY):
                text = f"disputed by an interested party: {_where(ev)}: {ev.reason}"
            elif ev.kind is LinkKind.CITATION:
                text = f"disputed by {_where(ev)}, which cites it: {ev.reason}"
            else:
                text = f"disputed by independent outlet {_where(ev)}: {ev.reason}"
            disputes.append(Reason("disputed", text, **ref))
        elif ev.relation is Relation.CONFIRMS and ev.incoming:
            if ev.kind is LinkKind.REVIEW:
                text = _rated(ev, "true")
                sources.add("review:" + (ev.label or ev.other))
                kind = "review"
            elif ev.kind in (LinkKind.PRIMARY, LinkKind.INTERESTED):
                text = f"confirmed by the actor itself: {_where(ev)} (a party, not independent)"
                sources.add(ev.outlet_domain or ev.other)
                kind = "primary"
            else:
                text = f"confirmed by independent outlet {_where(ev)}"
                sources.add(ev.outlet_domain or ev.other)
                kind = "confirmed"
            confirms.append(Reason(kind, text, **ref))
        elif ev.relation is Relation.DERIVED_FROM:
            how = "copied" if ev.kind is LinkKind.COPY else "cited"
            if ev.incoming:
                text = f"{how} by {_where(ev)} (a repeat, not a confirmation)"
                repeats.append(Reason("repeated_by", text, **ref))
            else:
                text = f"{how} from {_where(ev)}: {ev.reason}"
                repeats.append(Reason("derived_from", text, **ref))
    return disputes, confirms, len(sources), repeats


def compute_status(facets: Facets, evidence: list[Evidence]) -> StatusVerdict:
    """The display status and all its reasons."""
    if not facets.analyzed:
        return StatusVerdict(Status.UNSOURCED, [Reason("not_analyzed", "not analysed (language)")])
    disputes, confirms, n_sources, repeats = _judge_links(evidence)
    hedge_reasons = [Reason("hedge", f"hedge cue '{h}'") for h in facets.hedges]
    if facets.speculative and not hedge_reasons:
        hedge_reasons = [Reason("hedge", "hedged")]
    if facets.sourced:
        src = f"attributed to '{facets.source_text}'" if facets.source_text else "attributed"
        cue = f" (cue '{facets.cue_text}')" if facets.cue_text else ""
        attribution = [Reason("attribution", src + cue)]
    else:
        attribution = [Reason("unsourced", "no attribution to a source")]
    if disputes:
        status = Status.DISPUTED
    elif confirms:
        status = Status.CONFIRMED
    elif facets.speculative:
        status = Status.SPECULATIVE
    elif facets.sourced:
        status = Status.SOURCED
    else:
        status = Status.UNSOURCED
    reasons = disputes + confirms + hedge_reasons + attribution + repeats
    return StatusVerdict(status, reasons, n_sources)

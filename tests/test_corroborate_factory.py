"""Hand-built AnalyzedArticle objects for corroboration tests (no analyzer needed)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from graph.model import (
    AnalyzedArticle,
    AnalyzerInfo,
    Article,
    Attribution,
    Claim,
    Cue,
    Entity,
    Link,
    Mention,
    Review,
    Sentence,
    Span,
)
from graph.rdf.ids import claim_iri

ENTITIES = {
    "Port Calder": ("port-calder", "place"),
    "Meridian Works": ("meridian-works", "organization"),
    "Dana Whitlow": ("dana-whitlow", "person"),
    "Harbor Times": ("harbor-times", "organization"),
    "Calder Steel": ("calder-steel", "organization"),
    "Rover X2": ("rover-x2", "product"),
}


@dataclass
class C:
    """One claim sentence. ``content``: a substring that is the claimed content."""

    text: str
    content: str | None = None
    source: str | None = None
    cue: str | None = None
    hedges: tuple[str, ...] = ()
    negations: tuple[str, ...] = ()
    analyzed: bool = True
    extra_entities: dict[str, str] = field(default_factory=dict)


def make(
    url: str,
    outlet: str,
    domain: str,
    published: date | None,
    claims: list[C | str],
    *,
    links: tuple[str, ...] = (),
    filler: tuple[str, ...] = (),
    reviews: tuple[Review, ...] = (),
) -> AnalyzedArticle:
    specs = [c if isinstance(c, C) else C(c) for c in claims]
    text = "\n".join([s.text for s in specs] + list(filler))
    art = Article(
        url=url,
        text=text,
        outlet=outlet,
        outlet_domain=domain,
        published=published,
        links=[Link(h) for h in links],
        reviews=list(reviews),
        title=f"{outlet} story",
    )
    sentences, out, entities = [], [], {}
    pos = 0
    for spec in specs:
        start, end = pos, pos + len(spec.text)
        pos = end + 1
        sentences.append(Sentence(start, end))
        cstart = start + (spec.text.index(spec.content) if spec.content else 0)
        cend = cstart + len(spec.content) if spec.content else end

        def span_of(sub: str, _s: int = start, _t: str = spec.text) -> Span:
            i = _t.index(sub)
            return Span(_s + i, _s + i + len(sub))

        attribution = None
        if spec.source:
            attribution = Attribution(
                content=Span(cstart, cend),
                source=span_of(spec.source),
                cue=span_of(spec.cue) if spec.cue else None,
                source_text=spec.source,
                cue_text=spec.cue,
            )
        mentions = []
        for name, (key, typ) in {
            **ENTITIES,
            **{k: (v, "thing") for k, v in spec.extra_entities.items()},
        }.items():
            if name in spec.text:
                mentions.append(Mention(span_of(name), name, key))
                entities[key] = Entity(key, name, typ)
        out.append(
            Claim(
                article_url=url,
                start=start,
                end=end,
                text=spec.text,
                content=Span(cstart, cend),
                attribution=attribution,
                hedges=[Cue(span_of(h), h) for h in spec.hedges],
                negations=[Cue(span_of(n), n, "negation") for n in spec.negations],
                mentions=mentions,
                analyzed=spec.analyzed,
            )
        )
    return AnalyzedArticle(art, sentences, out, entities, AnalyzerInfo("test", "0"))


#: The outlets the hand-built corpora use: domain -> outlet name.
OUTLETS = {
    "harbortimes.example": "Harbor Times",
    "ledger.example": "Ledger",
    "gazette.example": "Gazette",
    "aggregator.example": "Aggregator",
    "press.portcalder.example": "Port Calder Press Office",
    "factcheck.example": "FactCheck",
}


def story(domain: str, path: str, published: date | None, claims: list[C | str],
          **options) -> AnalyzedArticle:
    """``make`` for an article at ``https://DOMAIN/PATH`` of one of the known OUTLETS."""
    return make(f"https://{domain}/{path}", OUTLETS[domain], domain, published, claims,
                **options)


def iri(analyzed: AnalyzedArticle, i: int) -> str:
    c = analyzed.claims[i]
    return str(claim_iri(analyzed.article.url, c.start, c.end))


def test_factory_offsets_are_consistent() -> None:
    a = make(
        "https://x.example/1",
        "X",
        "x.example",
        None,
        [
            C(
                "The mayor said the budget is $40 million.",
                content="the budget is $40 million",
                source="The mayor",
                cue="said",
            )
        ],
    )
    claim = a.claims[0]
    assert a.article.text[claim.start : claim.end] == claim.text
    assert claim.content.text(a.article.text) == "the budget is $40 million"
    assert claim.sourced

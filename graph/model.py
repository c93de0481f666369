"""Plain data classes that flow through the pipeline.

Offsets are Python code-point offsets into ``Article.text`` (the stored, extracted text).
A span is a view: ``article.text[span.start:span.end]``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Status(StrEnum):
    """Display status of a claim, by precedence (first wins)."""

    DISPUTED = "disputed"
    CONFIRMED = "confirmed"
    SPECULATIVE = "speculative"
    SOURCED = "sourced"
    UNSOURCED = "unsourced"


STATUS_ORDER: tuple[Status, ...] = tuple(Status)


class LinkKind(StrEnum):
    """Why one claim supports, disputes or repeats another."""

    INDEPENDENT = "independent"  # another outlet, not derived from the claim's article
    PRIMARY = "primary"  # the actor itself (its newsroom / press office), confirming
    INTERESTED = "interested"  # the actor itself disputing a report about it: a party, no referee
    REVIEW = "review"  # a fact-checker's ClaimReview
    COPY = "copy"  # near-duplicate text / syndication
    CITATION = "citation"  # links to or names the source outlet


class Relation(StrEnum):
    CONFIRMS = "confirms"
    DISPUTES = "disputes"
    DERIVED_FROM = "derived_from"


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def text(self, source: str) -> str:
        return source[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Link:
    """An outbound hyperlink inside the article body."""

    href: str
    text: str = ""


class Scale(StrEnum):
    """The one rating scale every review is normalised to (for filters and statuses)."""

    TRUE = "true"
    MOSTLY_TRUE = "mostly true"
    MIXTURE = "mixture"
    MOSTLY_FALSE = "mostly false"
    FALSE = "false"
    OTHER = "other"


#: What each point of the scale tells the corroboration index: only true / mostly true
#: confirm, only false / mostly false dispute; mixture and other change no status.
SCALE_VERDICT: dict[Scale, str | None] = {
    Scale.TRUE: "true",
    Scale.MOSTLY_TRUE: "true",
    Scale.MIXTURE: None,
    Scale.MOSTLY_FALSE: "false",
    Scale.FALSE: "false",
    Scale.OTHER: None,
}


def scale_verdict(scale: str | None) -> str | None:
    """"true" | "false" | None for a scale value (anything unknown is None)."""
    try:
        return SCALE_VERDICT[Scale(scale or "")]
    except ValueError:
        return None


@dataclass(slots=True)
class Review:
    """A schema.org ClaimReview: found in a page, imported from a feed, or recorded in the app.

    ``rating`` is the reviewer's own label (``alternateName``, e.g. "Pants on Fire"), kept as
    given; ``scale`` is that label normalised (:class:`Scale`)."""

    claim_reviewed: str
    rating: str  # alternateName, e.g. "False", "Mostly true"
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    author: str | None = None
    url: str | None = None
    published: date | None = None
    verdict: str | None = None  # "true" | "false" | None (mixed / unknown)
    scale: str | None = None  # a Scale value
    author_url: str | None = None
    author_type: str = "Organization"  # Organization | Person
    item_author: str | None = None  # who made the reviewed claim
    item_author_type: str = "Person"
    item_published: date | None = None
    appearances: list[str] = field(default_factory=list)  # article URLs the claim appeared in
    first_appearance: str | None = None


@dataclass(frozen=True)
class Rating:
    """A point of the review scale offered in the app."""

    label: str
    value: int | None
    scale: Scale

    @property
    def verdict(self) -> str | None:
        """What the corroboration index is told: "true" | "false" | None."""
        return SCALE_VERDICT[self.scale]


RATINGS: dict[str, Rating] = {
    r.label: r
    for r in (
        Rating("True", 5, Scale.TRUE),
        Rating("Mostly true", 4, Scale.MOSTLY_TRUE),
        Rating("Mixture", 3, Scale.MIXTURE),
        Rating("Mostly false", 2, Scale.MOSTLY_FALSE),
        Rating("False", 1, Scale.FALSE),
        Rating("Other", None, Scale.OTHER),
    )
}
#: Points of the app's 1-5 scale (``bestRating`` / ``worstRating``).
BEST_RATING = 5
WORST_RATING = 1
#: States of a recorded review (``schema:creativeWorkStatus``).
PUBLISHED = "Published"
WITHDRAWN = "Withdrawn"


@dataclass(frozen=True, slots=True)
class Block:
    """A layout block of the extracted text: its own unit for sentence splitting."""

    start: int
    end: int
    kind: str = "paragraph"  # paragraph | heading | list_item | quote | table | byline


@dataclass(slots=True)
class Article:
    url: str  # canonical URL when known, else the fetched URL / file URI
    text: str  # extracted body text; all offsets refer to it
    title: str = ""
    author: str | None = None
    published: date | None = None  # from the page's metadata, its URL or the user; never the text
    published_source: str | None = None  # metadata | url | user (None when published is None)
    modified: date | None = None  # the page's own last-modified date, kept apart from published
    outlet: str = ""  # site name as published ("Harbor Times")
    outlet_domain: str = ""  # host without "www." ("harbortimes.example")
    links: list[Link] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)  # empty: split on newlines
    language: str | None = None
    reviews: list[Review] = field(default_factory=list)
    source_location: str = ""  # what the user gave: URL, file path or "-"; a path is never stored
    html_hash: str = ""
    source_file: str | None = None  # the original file name, recorded only when the user asks

    @property
    def text_hash(self) -> str:
        return "sha256:" + hashlib.sha256(self.text.encode("utf-8")).hexdigest()


UNKNOWN_OUTLET = "unknown outlet"  # the one outlet of articles with no outlet name and no URL


@dataclass(frozen=True, slots=True)
class GivenMetadata:
    """What the user says of one article (``--url``, ``--title``, ...): each None is unsaid and
    left to the page; what is said wins over the page's own metadata."""

    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: date | None = None
    source_file: str | None = None  # the file name to keep as dcterms:source


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    kind: str = "sentence"  # sentence | heading | list_item | byline | boilerplate

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(slots=True)
class Attribution:
    """Who is said to have made a claim. Spans are article-text offsets."""

    content: Span
    source: Span | None = None
    cue: Span | None = None
    source_text: str | None = None
    cue_text: str | None = None
    kind: str = "verb"  # verb | according_to | quote | relative | described
    speaker: str | None = None  # canonical name of the entity the source refers to, if resolved
    speaker_key: str | None = None  # that entity's key in AnalyzedArticle.entities


@dataclass(slots=True)
class Cue:
    """A hedge or negation cue word/phrase."""

    span: Span
    text: str
    kind: str = "hedge"  # hedge | negation


@dataclass(slots=True)
class Entity:
    key: str  # stable slug, the same across articles for the same entity
    name: str  # canonical (longest) name
    type: str = "thing"  # person | organization | product | place | thing
    aliases: set[str] = field(default_factory=set)
    surname: str | None = None  # a person's surname key, for the same person across articles


@dataclass(slots=True)
class Mention:
    span: Span
    text: str
    entity_key: str


@dataclass(slots=True)
class Claim:
    article_url: str
    start: int
    end: int
    text: str  # == article.text[start:end]
    content: Span  # the claimed content; == (start, end) when not attributed
    attribution: Attribution | None = None
    hedges: list[Cue] = field(default_factory=list)
    negations: list[Cue] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    check_worthiness: float = 0.0
    analyzed: bool = True  # False when the analyzer does not support the language

    @property
    def sourced(self) -> bool:
        attribution = self.attribution
        return attribution is not None and (
            attribution.source is not None or attribution.kind == "continuation")

    @property
    def speculative(self) -> bool:
        return bool(self.hedges)

    @property
    def negated(self) -> bool:
        return bool(self.negations)

    def content_text(self, article_text: str) -> str:
        return self.content.text(article_text)


@dataclass(frozen=True, slots=True)
class AnalyzerInfo:
    name: str
    version: str
    model: str | None = None  # the language model the parse came from, e.g. en_claimgraph_ewt
    model_version: str | None = None


@dataclass(slots=True)
class AnalyzedArticle:
    article: Article
    sentences: list[Sentence]
    claims: list[Claim]
    entities: dict[str, Entity]
    analyzer: AnalyzerInfo


@dataclass(slots=True)
class ClaimLink:
    """A directed link between two claims: ``subject`` confirms/disputes/derives from ``target``.

    Claims are referred to by IRI string so links can point at claims already stored.
    """

    subject: str
    target: str
    relation: Relation
    kind: LinkKind
    similarity: float = 0.0
    reason: str = ""
    via: str = ""  # a review reaching this claim through a copy: the reviewed claim's IRI

"""Structured data embedded in pages: schema.org ClaimReview JSON-LD and the page's own dates.

A page's dates come only from its markup (meta tags, JSON-LD, ``<time>`` elements) or a dated
URL path, never from sentences of its text: "January 2026" in the body is what the story is
about, not when it was published.

Everything here reads hostile input: it never raises on malformed markup, it walks JSON
iteratively (deep nesting cannot exhaust the stack), and it scans scripts in linear time.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lxml_html

from graph.model import Review, scale_verdict
from graph.sources.ratings import normalize_rating
from graph.sources.urls import clean_url

#: meta tags (``name``, ``property`` or ``itemprop``, lower-cased) that give the publication date
PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "og:published_time",
    "datepublished", "article.published", "pubdate", "publishdate", "publish-date",
    "publish_date", "publication_date", "parsely-pub-date", "sailthru.date", "dc.date.issued",
    "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "citation_publication_date",
    "citation_date", "originalpublicationdate", "date",
)
MODIFIED_META = (
    "article:modified_time", "og:article:modified_time", "og:updated_time", "datemodified",
    "article.updated", "dcterms.modified", "dc.date.modified", "last-modified", "lastmod",
)
ARTICLE_TYPES = ("Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
                 "BlogPosting", "Report", "OpinionNewsArticle", "ScholarlyArticle",
                 "ClaimReview", "LiveBlogPosting", "TechArticle")
#: a full date in a URL path: /2026/01/15/, /2026-01-15-title
_URL_DATE = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})[/-](0[1-9]|1[0-2])[/-]"
                       r"(0[1-9]|[12][0-9]|3[01])(?![0-9])")


@dataclass(frozen=True, slots=True)
class PageDates:
    """What a page says of its own dates, and where the publication date came from."""

    published: date | None = None
    source: str | None = None  # metadata | url
    modified: date | None = None


def parse_date(value: str | None) -> date | None:
    """An ISO 8601 (``2026-01-15``, ``2026-01-15T09:00:00Z``) or RFC 2822 date; else None."""
    if not value:
        return None
    value = value.strip()
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def _as_float(value: object) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return None
    return number if number == number and abs(number) != float("inf") else None


def _walk_jsonld(root: object, limit: int = 10000) -> Iterator[dict]:
    """Dicts in a JSON-LD document (iteratively: hostile nesting cannot blow the stack)."""
    stack = [root]
    while stack and limit > 0:
        node = stack.pop()
        limit -= 1
        if isinstance(node, list):
            stack.extend(reversed(node))
        elif isinstance(node, dict):
            yield node
            for key in ("mainEntity", "@graph"):
                if key in node:
                    stack.append(node[key])


def _text(value: object) -> str:
    """A JSON-LD value as one string (first item of a list, ``name`` of an object)."""
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or ""
    if isinstance(value, (dict, list)):
        return ""
    return "" if value is None else str(value).strip()


def _jsonld_scripts(html_text: str, max_scripts: int = 50) -> Iterator[str]:
    """Bodies of ``<script type="application/ld+json">`` in linear time."""
    lowered = html_text.lower()
    for match in re.finditer(r"<script\b([^>]{0,1000})>", lowered):
        if "ld+json" not in match.group(1):
            continue
        end = lowered.find("</script", match.end())
        if end < 0:
            return
        yield html_text[match.end():end]
        max_scripts -= 1
        if max_scripts <= 0:
            return


def is_claimreview(node: dict) -> bool:
    types = node.get("@type")
    types = types if isinstance(types, list) else [types]
    return any(t in ("ClaimReview", "schema:ClaimReview", "http://schema.org/ClaimReview",
                     "https://schema.org/ClaimReview") for t in types if isinstance(t, str))


def _type_of(value: object, default: str) -> str:
    node = value[0] if isinstance(value, list) and value else value
    kind = node.get("@type") if isinstance(node, dict) else None
    kind = kind[0] if isinstance(kind, list) and kind else kind
    return "Person" if kind == "Person" else "Organization" if kind else default


def _urls(value: object, limit: int = 20) -> list[str]:
    """Article URLs of ``appearance``: URL strings or CreativeWork objects with ``url``."""
    items = value if isinstance(value, list) else [value]
    found = []
    for item in items[:limit]:
        raw = item.get("url") if isinstance(item, dict) else item
        url = clean_url(_text(raw)) if isinstance(raw, (str, list)) else None
        if url and url not in found:
            found.append(url)
    return found


def review_from_node(node: dict) -> Review:
    """A ``ClaimReview`` JSON-LD object as a :class:`Review` (missing values stay None)."""
    rating = node.get("reviewRating")
    rating = rating if isinstance(rating, dict) else {}
    author = node.get("author") or {}
    author_node = author[0] if isinstance(author, list) and author else author
    item = node.get("itemReviewed")
    item = item if isinstance(item, dict) else {}
    name = _text(rating.get("alternateName") or rating.get("name"))
    value = _as_float(rating.get("ratingValue"))
    best = _as_float(rating.get("bestRating"))
    worst = _as_float(rating.get("worstRating"))
    scale = normalize_rating(name, value, best, worst)
    item_author = item.get("author")
    first = _urls(item.get("firstAppearance"))
    return Review(
        claim_reviewed=_text(node.get("claimReviewed")),
        rating=name,
        rating_value=value,
        best_rating=best,
        worst_rating=worst,
        author=_text(author) or None,
        url=clean_url(_text(node.get("url"))) or None,
        published=parse_date(_text(node.get("datePublished"))),
        verdict=scale_verdict(scale),
        scale=scale.value,
        author_url=(clean_url(_text(author_node.get("url"))) or None
                    if isinstance(author_node, dict) else None),
        author_type=_type_of(author, "Organization"),
        item_author=_text(item_author) or None,
        item_author_type=_type_of(item_author, "Person"),
        item_published=parse_date(_text(item.get("datePublished"))),
        appearances=_urls(item.get("appearance")),
        first_appearance=first[0] if first else None,
    )


def extract_reviews(html_text: str) -> list[Review]:
    """schema.org ClaimReview objects from the page's JSON-LD scripts."""
    reviews: list[Review] = []
    for script in _jsonld_scripts(html_text):
        try:
            data = json.loads(script)
        except (ValueError, RecursionError):
            continue
        reviews.extend(review_from_node(node) for node in _walk_jsonld(data)
                       if is_claimreview(node))
    return [r for r in reviews if r.claim_reviewed]


def _jsonld_dates(html_text: str) -> tuple[date | None, date | None]:
    """(datePublished, dateModified) of the page's article object (an article type first)."""
    found: list[tuple[bool, date | None, date | None]] = []
    for script in _jsonld_scripts(html_text):
        try:
            data = json.loads(script)
        except (ValueError, RecursionError):
            continue
        for node in _walk_jsonld(data):
            types = node.get("@type")
            types = types if isinstance(types, list) else [types]
            published = parse_date(_text(node.get("datePublished")))
            modified = parse_date(_text(node.get("dateModified")))
            if published or modified:
                is_article = any(t in ARTICLE_TYPES for t in types if isinstance(t, str))
                found.append((is_article, published, modified))
    found.sort(key=lambda f: not f[0])
    published = next((f[1] for f in found if f[1]), None)
    modified = next((f[2] for f in found if f[2]), None)
    return published, modified


def _tree(html_text: str) -> etree._Element | None:
    try:
        return lxml_html.fromstring(html_text[:500000].encode("utf-8", "replace"))
    except (etree.ParserError, ValueError):
        return None


def _meta_dates(tree: etree._Element) -> tuple[date | None, date | None]:
    values: dict[str, date] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        when = parse_date(meta.get("content"))
        if key and when and key not in values:
            values[key] = when
    published = next((values[k] for k in PUBLISHED_META if k in values), None)
    modified = next((values[k] for k in MODIFIED_META if k in values), None)
    return published, modified


def _time_dates(tree: etree._Element) -> tuple[date | None, date | None]:
    """``<time datetime>`` elements: marked as published / modified, else the first one
    outside navigation, asides and footers."""
    published = modified = first = None
    for element in tree.iter("time"):
        when = parse_date(element.get("datetime"))
        if when is None:
            continue
        marks = " ".join((element.get("itemprop") or "", element.get("class") or "")).lower()
        if "modified" in marks or "updated" in marks:
            modified = modified or when
        elif element.get("pubdate") is not None or "published" in marks or "datepublished" in marks:
            published = published or when
        elif first is None and not any(a.tag in ("nav", "aside", "footer")
                                       for a in element.iterancestors()):
            first = when
    return published or first, modified


def url_date(url: str) -> date | None:
    """A full date in the path of an http(s) URL (``/2026/01/15/``), else None."""
    if not url.startswith(("http://", "https://")):
        return None
    match = _URL_DATE.search(urlsplit(url).path)
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def page_dates(html_text: str, url: str) -> PageDates:
    """The page's publication and modification dates from its own markup, then its URL.

    Order: JSON-LD of the article, meta tags, ``<time>`` elements (all ``metadata``), then a
    dated URL path (``url``). Nothing found: no date, never one read from the text.
    """
    published, modified = _jsonld_dates(html_text)
    tree = _tree(html_text)
    if tree is not None:
        for reader in (_meta_dates, _time_dates):
            more_published, more_modified = reader(tree)
            published = published or more_published
            modified = modified or more_modified
    if published:
        return PageDates(published, "metadata", modified)
    from_url = url_date(url)
    return PageDates(from_url, "url" if from_url else None, modified)

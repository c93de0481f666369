"""Structured data embedded in pages: schema.org ClaimReview JSON-LD and dates.

Everything here reads hostile input: it never raises on malformed markup, it walks JSON
iteratively (deep nesting cannot exhaust the stack), and it scans scripts in linear time.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date

from graph.model import Review, scale_verdict
from graph.sources.ratings import normalize_rating
from graph.sources.urls import clean_url


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
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

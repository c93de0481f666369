"""Structured data embedded in pages: schema.org ClaimReview JSON-LD and dates.

Everything here reads hostile input: it never raises on malformed markup, it walks JSON
iteratively (deep nesting cannot exhaust the stack), and it scans scripts in linear time.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date

from graph.model import Review
from graph.sources.urls import clean_url


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _rating_verdict(name: str, value: float | None, best: float | None,
                    worst: float | None) -> str | None:
    lowered = name.lower()
    if any(w in lowered for w in ("false", "pants on fire", "fake", "incorrect", "wrong")):
        return "false"
    if lowered.strip() in ("true", "correct", "accurate", "mostly true"):
        return "true"
    if value is not None and best is not None and worst is not None and best != worst:
        share = (value - worst) / (best - worst)
        return "true" if share >= 0.75 else "false" if share <= 0.25 else None
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


def extract_reviews(html_text: str) -> list[Review]:
    """schema.org ClaimReview objects from the page's JSON-LD scripts."""
    reviews: list[Review] = []
    for script in _jsonld_scripts(html_text):
        try:
            data = json.loads(script)
        except (ValueError, RecursionError):
            continue
        for node in _walk_jsonld(data):
            types = node.get("@type")
            types = types if isinstance(types, list) else [types]
            if not any(t == "ClaimReview" for t in types if isinstance(t, str)):
                continue
            rating = node.get("reviewRating")
            rating = rating if isinstance(rating, dict) else {}
            author = node.get("author") or {}
            name = _text(rating.get("alternateName") or rating.get("name"))
            value = _as_float(rating.get("ratingValue"))
            best = _as_float(rating.get("bestRating"))
            worst = _as_float(rating.get("worstRating"))
            reviews.append(
                Review(
                    claim_reviewed=_text(node.get("claimReviewed")),
                    rating=name,
                    rating_value=value,
                    best_rating=best,
                    worst_rating=worst,
                    author=_text(author),
                    url=clean_url(_text(node.get("url"))) or None,
                    published=parse_date(_text(node.get("datePublished"))),
                    verdict=_rating_verdict(name, value, best, worst),
                )
            )
    return [r for r in reviews if r.claim_reviewed]

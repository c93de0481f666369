"""ClaimReview JSON-LD files as fact-checkers and aggregators publish them.

A file holds one ClaimReview object, an array of them, a ``@graph``, or a schema.org
``DataFeed`` whose ``dataFeedElement`` items are ClaimReviews or ``DataFeedItem``\\ s with the
ClaimReview in ``item``. Each item is read on its own: a bad one is reported in one line
naming the file, the item and the reason, and the others are kept.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from graph.model import Review
from graph.sources.markup import is_claimreview, review_from_node

MAX_FILE_BYTES = 512 * 1024 * 1024


@dataclass(slots=True)
class FeedRead:
    """What one file gave: its reviews and one line per item (or file) that was refused."""

    reviews: list[Review] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _items(data: object) -> Iterator[tuple[str, object]]:
    """(where, node) for every candidate review of a document, by its position."""
    if isinstance(data, list):
        for i, node in enumerate(data):
            yield f"item {i + 1}", node
        return
    if not isinstance(data, dict):
        yield "document", data
        return
    if "@graph" in data:
        nodes = data["@graph"]
        for i, node in enumerate(nodes if isinstance(nodes, list) else [nodes]):
            yield f"@graph item {i + 1}", node
        return
    if "dataFeedElement" in data:
        elements = data["dataFeedElement"]
        for i, node in enumerate(elements if isinstance(elements, list) else [elements]):
            inner = node.get("item") if isinstance(node, dict) and not is_claimreview(node) \
                else node
            for j, one in enumerate(inner if isinstance(inner, list) else [inner]):
                suffix = f".{j + 1}" if isinstance(inner, list) and len(inner) > 1 else ""
                yield f"dataFeedElement {i + 1}{suffix}", one
        return
    yield "document", data


def _problem(node: object) -> str | None:
    if not isinstance(node, dict):
        return "not a JSON object"
    if not is_claimreview(node):
        return f"@type is {json.dumps(node.get('@type'))[:60]}, not ClaimReview"
    return None


def _missing(review: Review) -> str | None:
    if not review.claim_reviewed:
        return "no claimReviewed"
    if not review.url:
        return "no url (an http(s) address of the fact-check)"
    if not review.author:
        return "no author (the fact-checker)"
    if not review.rating and review.rating_value is None:
        return "no reviewRating (alternateName or ratingValue)"
    return None


def read_feed(path: Path) -> FeedRead:
    """The ClaimReviews of one file; unreadable files and bad items become problem lines."""
    read = FeedRead()
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            read.problems.append(f"{path}: larger than {MAX_FILE_BYTES // 2**20} MB")
            return read
        data = json.loads(path.read_bytes())
    except OSError as exc:
        read.problems.append(f"{path}: cannot read ({exc.strerror or exc})")
        return read
    except (ValueError, RecursionError) as exc:
        read.problems.append(f"{path}: not JSON ({str(exc)[:80]})")
        return read
    for where, node in _items(data):
        problem = _problem(node)
        review = review_from_node(node) if problem is None else None  # type: ignore[arg-type]
        if review is not None:
            problem = _missing(review)
        if problem is not None:
            read.problems.append(f"{path}: {where}: {problem}")
            continue
        read.reviews.append(review)  # type: ignore[arg-type]
    return read

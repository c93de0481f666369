"""Sources -> HTML -> trafilatura -> Article.

Expands what the user gave (URLs, files, folders, URL lists, feeds) into items, reads or
fetches each one (network access goes through :mod:`graph.fetch`), and extracts text,
metadata, body links and embedded ClaimReview markup.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from graph.fetch import FetchError, FetchPolicy, fetch
from graph.model import Article, Block, Link, Review

log = logging.getLogger(__name__)

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
ENGLISH_STOPWORDS = frozenset(
    "the of and to in a is that for it on was with as by at from be are this have has an "
    "not but or which its were said their been they will who would".split()
)
BLOCK_TAGS = {"head": "heading", "p": "paragraph", "item": "list_item", "quote": "quote"}


class IngestError(Exception):
    """An input could not be ingested; ``str()`` is a one-line reason."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


@dataclass(frozen=True)
class Source:
    """One item to ingest: an http(s) URL or a local file path."""

    location: str

    @property
    def is_url(self) -> bool:
        return self.location.startswith(("http://", "https://"))


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def expand_sources(inputs: list[str], urls_file: Path | None = None) -> Iterator[Source]:
    """Yield one Source per URL or HTML file; folders are walked recursively."""
    given = list(inputs)
    if urls_file is not None:
        for line in Path(urls_file).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                given.append(line.strip())
    for item in given:
        if is_url(item):
            yield Source(item)
            continue
        path = Path(item)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in HTML_SUFFIXES:
                    yield Source(str(child))
        else:
            yield Source(str(path))


def read_source(source: Source, policy: FetchPolicy) -> tuple[bytes, str, str | None]:
    """Return (raw bytes, URL to record, declared charset)."""
    if source.is_url:
        try:
            fetched = fetch(source.location, policy)
        except FetchError as exc:
            raise IngestError(source.location, str(exc)) from None
        return fetched.body, fetched.url, fetched.charset
    path = Path(source.location)
    if not path.exists():
        raise IngestError(source.location, "no such file")
    if not path.is_file():
        raise IngestError(source.location, "not a file")
    size = path.stat().st_size
    if size > policy.max_bytes:
        raise IngestError(source.location, f"file too large ({size} bytes > {policy.max_bytes})")
    return path.read_bytes(), path.resolve().as_uri(), None


def decode_html(raw: bytes, declared: str | None, location: str) -> str:
    """Bytes -> text, refusing empty and binary input; tolerant of bad encodings."""
    if not raw.strip():
        raise IngestError(location, "empty file")
    head = raw[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError(location, "binary data, not HTML")
    candidates = [declared] if declared else []
    meta = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-]+)", head, re.I)
    if meta:
        candidates.append(meta.group(1).decode("ascii", "ignore"))
    candidates.append("utf-8")
    for encoding in candidates:
        try:
            text = raw.decode(encoding)
            break
        except (UnicodeDecodeError, LookupError):
            continue
    else:
        text = raw.decode("utf-8", errors="replace")
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\t\r\n\f")
    if controls > 0.05 * min(len(text), 4096):
        raise IngestError(location, "binary data, not HTML")
    if "<" not in text[:4096]:
        raise IngestError(location, "not HTML (no markup)")
    return text.lstrip("\ufeff")


def _element_text(element: etree._Element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def _collect_blocks(body: etree._Element) -> list[tuple[str, str]]:
    blocks: list[tuple[str, str]] = []
    for element in body.iter():
        kind = BLOCK_TAGS.get(element.tag)
        if kind is None:
            continue
        if element.tag == "p" and element.getparent() is not None and (
            element.getparent().tag in ("item", "quote", "cell")
        ):
            continue
        text = _element_text(element)
        if text:
            blocks.append((kind, text))
    return blocks


def _layout(blocks: list[tuple[str, str]]) -> tuple[str, list[Block]]:
    parts: list[str] = []
    layout: list[Block] = []
    offset = 0
    for kind, text in blocks:
        layout.append(Block(offset, offset + len(text), kind))
        parts.append(text)
        offset += len(text) + 1
    return "\n".join(parts), layout


def _body_links(body: etree._Element, base: str) -> list[Link]:
    links: list[Link] = []
    seen: set[str] = set()
    for ref in body.iter("ref"):
        target = (ref.get("target") or "").strip()
        if not target or target.startswith(("#", "javascript:", "mailto:")):
            continue
        href = urljoin(base, target)
        if href not in seen:
            seen.add(href)
            links.append(Link(href=href, text=_element_text(ref)))
    return links


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def detect_language(html_text: str, text: str) -> str | None:
    """The page's declared language, else 'en' when English stopwords dominate."""
    declared = re.search(r"<html[^>]*\slang=[\"']?([A-Za-z]{2,3})", html_text[:4096], re.I)
    if declared:
        return declared.group(1).lower()
    words = re.findall(r"[a-z]+", text.lower()[:20000])
    if len(words) < 20:
        return None
    share = sum(1 for w in words if w in ENGLISH_STOPWORDS) / len(words)
    return "en" if share > 0.12 else None


def _rating_verdict(name: str, value: float | None, best: float | None, worst: float | None):
    lowered = name.lower()
    if any(w in lowered for w in ("false", "pants on fire", "fake", "incorrect", "wrong")):
        return "false"
    if lowered.strip() in ("true", "correct", "accurate", "mostly true"):
        return "true"
    if value is not None and best is not None and worst is not None and best != worst:
        share = (value - worst) / (best - worst)
        return "true" if share >= 0.75 else "false" if share <= 0.25 else None
    return None


def _as_float(value) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _walk_jsonld(node) -> Iterator[dict]:
    if isinstance(node, list):
        for item in node:
            yield from _walk_jsonld(item)
    elif isinstance(node, dict):
        yield node
        for key in ("@graph", "mainEntity"):
            if key in node:
                yield from _walk_jsonld(node[key])


def extract_reviews(html_text: str) -> list[Review]:
    """schema.org ClaimReview objects from the page's JSON-LD scripts."""
    reviews: list[Review] = []
    for script in re.findall(
        r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", html_text, re.S | re.I
    ):
        try:
            data = json.loads(script)
        except json.JSONDecodeError:
            continue
        for node in _walk_jsonld(data):
            types = node.get("@type")
            types = types if isinstance(types, list) else [types]
            if "ClaimReview" not in types:
                continue
            rating = node.get("reviewRating") or {}
            author = node.get("author") or {}
            name = str(rating.get("alternateName") or rating.get("name") or "")
            value = _as_float(rating.get("ratingValue"))
            best = _as_float(rating.get("bestRating"))
            worst = _as_float(rating.get("worstRating"))
            reviews.append(
                Review(
                    claim_reviewed=str(node.get("claimReviewed") or ""),
                    rating=name,
                    rating_value=value,
                    best_rating=best,
                    worst_rating=worst,
                    author=str(author.get("name")) if isinstance(author, dict) else str(author),
                    url=node.get("url"),
                    published=_parse_date(node.get("datePublished")),
                    verdict=_rating_verdict(name, value, best, worst),
                )
            )
    return [r for r in reviews if r.claim_reviewed]


def extract_article(html_text: str, url: str, location: str) -> Article:
    """Run trafilatura on one page; raise IngestError when there is no article body."""
    try:
        document = trafilatura.bare_extraction(
            html_text, url=url if is_url(url) else None, with_metadata=True,
            include_links=True, include_tables=False, favor_precision=False,
        )
    except (ValueError, etree.LxmlError, RecursionError) as exc:
        reason = f"HTML could not be parsed ({exc.__class__.__name__})"
        raise IngestError(location, reason) from None
    if document is None or document.body is None:
        raise IngestError(location, "no article text found")
    text, blocks = _layout(_collect_blocks(document.body))
    if len(text.strip()) < 40:
        raise IngestError(location, "no article text found")
    canonical = _canonical_url(html_text) or document.url or url
    if not is_url(canonical):
        canonical = url
    return Article(
        url=canonical,
        text=text,
        title=(document.title or "").strip(),
        author=(document.author or None),
        published=_parse_date(document.date),
        outlet=(document.sitename or document.hostname or _host(canonical) or "").strip(),
        outlet_domain=_host(canonical) or (document.hostname or ""),
        links=_body_links(document.body, canonical),
        blocks=blocks,
        language=detect_language(html_text, text),
        reviews=extract_reviews(html_text),
        source_location=location,
        html_hash=hashlib.sha256(html_text.encode("utf-8", "replace")).hexdigest(),
    )


def _canonical_url(html_text: str) -> str | None:
    try:
        tree = lxml_html.fromstring(html_text[:200000].encode("utf-8", "replace"))
    except (etree.ParserError, ValueError):
        return None
    for href in tree.xpath("//link[@rel='canonical']/@href"):
        if is_url(href.strip()):
            return href.strip()
    return None


def load_article(source: Source, policy: FetchPolicy | None = None) -> Article:
    """Read or fetch one source and extract its article."""
    policy = policy or FetchPolicy(max_bytes=DEFAULT_MAX_BYTES)
    raw, url, charset = read_source(source, policy)
    html_text = decode_html(raw, charset, source.location)
    return extract_article(html_text, url, source.location)

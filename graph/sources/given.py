"""What the user says of an article, and what stands in where neither the user nor the page
says anything: an IRI minted from the text when there is no URL, the outlet named by the URL's
registered domain, "unknown outlet" without a URL. Nothing here guesses a date."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from tld import get_fld

from graph.model import UNKNOWN_OUTLET, GivenMetadata
from graph.sources.markup import PageDates
from graph.sources.urls import clean_url, host, is_url

TEXT_IRI_PREFIX = "urn:claimgraph:article:sha256:"


def text_iri(text: str) -> str:
    """The stable name of an article that has no URL: its text's SHA-256 (never a local path)."""
    return TEXT_IRI_PREFIX + hashlib.sha256(text.encode("utf-8")).hexdigest()


def registered_domain(url: str) -> str:
    """The registrable domain of a web URL (``news.bbc.co.uk`` -> ``bbc.co.uk``); a host under
    no public suffix (``harbortimes.example``) stays as it is; "" for a non-web URL."""
    if not is_url(url):
        return ""
    return get_fld(url, fail_silently=True) or host(url)


def article_fields(text: str, given: GivenMetadata | None, *, url: str, title: str,
                   author: str | None, outlet: str | None,
                   dates: Callable[[str], PageDates]) -> dict:
    """The identifying fields of an ``Article``: what the user said, else what the page said,
    else the stand-ins above. ``dates(url)`` reads the page's dates for the URL chosen."""
    given = given or GivenMetadata()
    chosen = clean_url(given.url) if given.url else (url if is_url(url) else text_iri(text))
    found = dates(chosen)
    published, source = ((given.published, "user") if given.published
                         else (found.published, found.source))
    name = (given.outlet or outlet or "").strip() or registered_domain(chosen) or UNKNOWN_OUTLET
    return {
        "url": chosen,
        "title": " ".join((given.title or title or "").split()),
        "author": (given.author or author or "").strip() or None,
        "published": published,
        "published_source": source if published else None,
        "modified": found.modified,
        "outlet": name,
        "outlet_domain": host(chosen),
        "source_file": given.source_file,
    }

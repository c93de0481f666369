"""RSS and Atom feeds -> the article URLs they list (fetching goes through graph.sources.fetch)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from lxml import etree

from graph.errors import IngestError
from graph.sources.fetch import FetchError, FetchPolicy, fetch
from graph.sources.inputs import Source
from graph.sources.urls import is_url

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                          remove_comments=True)


def feed_links(data: bytes, base: str, location: str) -> list[str]:
    """Item links of an RSS 0.9x/1.0/2.0 or Atom document, in feed order, without repeats."""
    try:
        root = etree.fromstring(data, parser=_PARSER)
    except etree.XMLSyntaxError as exc:
        raise IngestError(location, f"not a feed (XML error: {exc.msg})") from None
    if root is None or etree.QName(root).localname not in ("rss", "RDF", "feed"):
        raise IngestError(location, "not an RSS or Atom feed")
    links: list[str] = []
    for item in root.xpath("//*[local-name()='item']"):
        links += [t.strip() for t in item.xpath("./*[local-name()='link']/text()")]
    for entry in root.xpath("//*[local-name()='entry']"):
        for link in entry.xpath("./*[local-name()='link']"):
            if link.get("rel", "alternate") == "alternate" and link.get("href"):
                links.append(link.get("href").strip())
                break
    absolute = [urljoin(base, link) for link in links if link]
    return list(dict.fromkeys(link for link in absolute if is_url(link)))


def feed_sources(location: str, policy: FetchPolicy) -> list[Source]:
    """The articles a feed (an http(s) URL or a local file) lists, as sources to ingest."""
    if is_url(location):
        try:
            fetched = fetch(location, policy)
        except FetchError as exc:
            raise IngestError(location, str(exc)) from None
        data, base = fetched.body, fetched.url
    else:
        path = Path(location)
        if not path.is_file():
            raise IngestError(location, "no such feed file")
        data, base = path.read_bytes(), path.resolve().as_uri()
    return [Source(link) for link in feed_links(data, base, location)]

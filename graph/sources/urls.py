"""URLs at the input edge: which are web URLs, IRI-safe spelling, hosts and sites."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

_URL_UNSAFE = set('<>"{}|\\^` ')  # not allowed in IRIs; encoded, with controls


def clean_url(url: str) -> str:
    """Percent-encode what may not appear in an IRI (spaces, ``<>"{}|\\^```, controls)."""
    url = url.strip()
    return "".join(
        quote(ch, safe="") if ch in _URL_UNSAFE or ord(ch) < 0x21 or 0x7F <= ord(ch) < 0xA0
        else ch
        for ch in url
    )


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def same_site(a: str, b: str) -> bool:
    host_a, host_b = host(a), host(b)
    return bool(host_a) and (
        host_a == host_b or host_a.endswith("." + host_b) or host_b.endswith("." + host_a)
    )

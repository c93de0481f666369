"""The only module that touches the network: fetch one article URL, safely.

Timeouts, a size cap, a redirect limit, a content-type check, and refusal of private,
loopback, link-local and reserved addresses (checked after DNS resolution and after
each redirect) unless the operator allows them.
"""

from __future__ import annotations

import http.client
import ipaddress
import logging
import socket
import ssl
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

log = logging.getLogger(__name__)

USER_AGENT = "claimgraph/0.1 (+https://w3id.org/claimgraph)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")


class FetchError(Exception):
    """A URL could not be fetched; the message is one line naming the reason."""


@dataclass(frozen=True)
class FetchPolicy:
    timeout_s: float = 15.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    allow_private: bool = False
    accept_feeds: bool = True


@dataclass(frozen=True)
class Fetched:
    url: str  # final URL after redirects
    body: bytes
    content_type: str
    charset: str | None


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def resolve_checked(host: str, port: int, policy: FetchPolicy) -> str:
    """Resolve ``host`` and return an address that the policy allows to contact."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve host {host!r} ({exc.strerror})") from None
    addresses = [info[4][0] for info in infos]
    if not policy.allow_private:
        blocked = [a for a in addresses if not _is_public(a)]
        if blocked:
            raise FetchError(
                f"refused: {host} resolves to non-public address {blocked[0]} "
                "(use --allow-private for local servers)"
            )
    return addresses[0]


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS to an already-checked address, verifying the certificate for the host name."""

    def __init__(self, host: str, address: str, port: int, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _connection(scheme: str, host: str, address: str, port: int, timeout: float):
    if scheme == "https":
        return _PinnedHTTPSConnection(host, address, port, timeout)
    return http.client.HTTPConnection(address, port, timeout=timeout)


def _request_once(url: str, policy: FetchPolicy) -> http.client.HTTPResponse:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"unsupported URL scheme {parts.scheme!r}")
    if not parts.hostname:
        raise FetchError("URL has no host")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = resolve_checked(parts.hostname, port, policy)
    conn = _connection(parts.scheme, parts.hostname, address, port, policy.timeout_s)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    host_header = parts.hostname if parts.port is None else f"{parts.hostname}:{parts.port}"
    try:
        conn.request(
            "GET",
            path,
            headers={
                "Host": host_header,
                "User-Agent": USER_AGENT,
                "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
            },
        )
        return conn.getresponse()
    except TimeoutError:
        raise FetchError(f"timed out after {policy.timeout_s:g} s") from None
    except (OSError, http.client.HTTPException) as exc:
        raise FetchError(f"connection failed ({exc.__class__.__name__}: {exc})") from None


def _read_capped(response: http.client.HTTPResponse, policy: FetchPolicy) -> bytes:
    declared = response.getheader("Content-Length")
    if declared and declared.isdigit() and int(declared) > policy.max_bytes:
        raise FetchError(f"page too large ({int(declared)} bytes > {policy.max_bytes})")
    chunks: list[bytes] = []
    total = 0
    try:
        while chunk := response.read(65536):
            total += len(chunk)
            if total > policy.max_bytes:
                raise FetchError(f"page too large (over {policy.max_bytes} bytes)")
            chunks.append(chunk)
    except TimeoutError:
        raise FetchError(f"timed out after {policy.timeout_s:g} s while reading") from None
    return b"".join(chunks)


def fetch(url: str, policy: FetchPolicy | None = None) -> Fetched:
    """GET ``url`` following at most ``policy.max_redirects`` redirects."""
    policy = policy or FetchPolicy()
    seen: set[str] = set()
    current = url
    for _ in range(policy.max_redirects + 1):
        if current in seen:
            raise FetchError("redirect loop")
        seen.add(current)
        response = _request_once(current, policy)
        if response.status in (301, 302, 303, 307, 308):
            location = response.getheader("Location")
            response.close()
            if not location:
                raise FetchError(f"HTTP {response.status} without a Location header")
            current = urljoin(current, location)
            continue
        if response.status >= 400:
            response.close()
            raise FetchError(f"HTTP {response.status} {response.reason}")
        content_type = (response.getheader("Content-Type") or "").lower()
        mime = content_type.split(";")[0].strip()
        allowed = HTML_TYPES + (FEED_TYPES if policy.accept_feeds else ())
        if mime and mime not in allowed:
            response.close()
            raise FetchError(f"not an HTML page (content type {mime})")
        charset = None
        if "charset=" in content_type:
            charset = content_type.split("charset=")[1].split(";")[0].strip().strip('"') or None
        body = _read_capped(response, policy)
        response.close()
        log.debug("fetched %s (%d bytes)", current, len(body))
        return Fetched(url=current, body=body, content_type=mime, charset=charset)
    raise FetchError(f"too many redirects (more than {policy.max_redirects})")

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
import threading
import time
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


NAT64_PREFIXES = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses an IPv6 address may lead to (mapped, compatible, 6to4, Teredo, NAT64)."""
    found: list[ipaddress.IPv4Address] = []
    if ip.ipv4_mapped:
        found.append(ip.ipv4_mapped)
    if ip.sixtofour:
        found.append(ip.sixtofour)
    if ip.teredo:
        found.extend(ip.teredo)
    packed = int(ip)
    if packed >> 32 == 0 and packed > 1:  # deprecated IPv4-compatible ::a.b.c.d
        found.append(ipaddress.IPv4Address(packed & 0xFFFFFFFF))
    if any(ip in net for net in NAT64_PREFIXES):
        found.append(ipaddress.IPv4Address(packed & 0xFFFFFFFF))
    return found


def _is_public(address: str) -> bool:
    """True only for globally routable unicast addresses (and whatever they embed)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    candidates: list[ipaddress.IPv4Address | ipaddress.IPv6Address] = [ip]
    if ip.version == 6:
        embedded = _embedded_ipv4(ip)
        candidates = embedded or candidates
    return all(c.is_global and not c.is_multicast for c in candidates)


def _getaddrinfo(host: str, port: int, timeout_s: float) -> list:
    """``socket.getaddrinfo`` bounded by a timeout (the resolver has none of its own)."""
    box: dict = {}

    def work() -> None:
        try:
            box["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as exc:
            box["error"] = exc

    worker = threading.Thread(target=work, daemon=True, name="claimgraph-resolve")
    worker.start()
    worker.join(timeout_s)
    if worker.is_alive():
        raise FetchError(f"timed out resolving host {host!r} after {timeout_s:g} s")
    if "error" in box:
        exc = box["error"]
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise FetchError(f"cannot resolve host {host!r} ({reason})")
    return box["infos"]


def resolve_checked(host: str, port: int, policy: FetchPolicy,
                    timeout_s: float | None = None) -> str:
    """Resolve ``host`` and return an address that the policy allows to contact.

    Every address the name resolves to must be allowed (not just the first), and the
    caller connects to the returned address, so a second lookup cannot rebind the name.
    """
    infos = _getaddrinfo(host, port, policy.timeout_s if timeout_s is None else timeout_s)
    addresses = [info[4][0] for info in infos]
    if not addresses:
        raise FetchError(f"cannot resolve host {host!r} (no addresses)")
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


def _connection(scheme: str, host: str, address: str, port: int,
                timeout: float) -> http.client.HTTPConnection:
    if scheme == "https":
        return _PinnedHTTPSConnection(host, address, port, timeout)
    return http.client.HTTPConnection(address, port, timeout=timeout)


class _Deadline:
    """One time budget for the whole fetch: DNS, connect, redirects and body."""

    def __init__(self, policy: FetchPolicy) -> None:
        self.policy = policy
        self.end = time.monotonic() + policy.timeout_s

    def remaining(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            raise FetchError(f"timed out after {self.policy.timeout_s:g} s")
        return left


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{exc.__class__.__name__}: {text}" if text else exc.__class__.__name__


def _request_once(url: str, policy: FetchPolicy, deadline: _Deadline
                  ) -> tuple[http.client.HTTPConnection, socket.socket, http.client.HTTPResponse]:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"unsupported URL scheme {parts.scheme!r}")
    try:
        hostname, explicit_port = parts.hostname, parts.port
    except ValueError as exc:  # port out of range or not a number
        raise FetchError(f"bad URL ({exc})") from None
    if not hostname:
        raise FetchError("URL has no host")
    port = explicit_port or (443 if parts.scheme == "https" else 80)
    address = resolve_checked(hostname, port, policy, deadline.remaining())
    conn = _connection(parts.scheme, hostname, address, port, deadline.remaining())
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    host = f"[{hostname}]" if ":" in hostname else hostname
    host_header = host if explicit_port is None else f"{host}:{explicit_port}"
    try:
        conn.request(
            "GET",
            path,
            headers={
                "Host": host_header,
                "User-Agent": USER_AGENT,
                "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
                "Accept-Encoding": "identity",
            },
        )
        sock = conn.sock  # getresponse() may detach it from conn (Connection: close)
        sock.settimeout(deadline.remaining())
        return conn, sock, conn.getresponse()
    except TimeoutError:
        conn.close()
        raise FetchError(f"timed out after {policy.timeout_s:g} s") from None
    except (OSError, http.client.HTTPException, UnicodeError) as exc:
        conn.close()
        raise FetchError(f"connection failed ({_one_line(exc)})") from None


def _read_capped(sock: socket.socket, response: http.client.HTTPResponse,
                 policy: FetchPolicy, deadline: _Deadline) -> bytes:
    declared = (response.getheader("Content-Length") or "").strip()
    if declared.isdigit() and int(declared) > policy.max_bytes:
        raise FetchError(f"page too large ({int(declared)} bytes > {policy.max_bytes})")
    chunks: list[bytes] = []
    total = 0
    try:
        while True:
            sock.settimeout(deadline.remaining())  # a slow drip must not outlive the budget
            chunk = response.read1(65536)
            if not chunk:
                break
            total += len(chunk)
            if total > policy.max_bytes:
                raise FetchError(f"page too large (over {policy.max_bytes} bytes)")
            chunks.append(chunk)
    except TimeoutError:
        raise FetchError(f"timed out after {policy.timeout_s:g} s while reading") from None
    except (OSError, http.client.HTTPException) as exc:
        raise FetchError(f"connection failed while reading ({_one_line(exc)})") from None
    if declared.isdigit() and total < int(declared):  # read1() does not notice a short body
        raise FetchError(f"connection failed while reading (IncompleteRead: {total} of "
                         f"{int(declared)} bytes)")
    return b"".join(chunks)


def fetch(url: str, policy: FetchPolicy | None = None) -> Fetched:
    """GET ``url`` following at most ``policy.max_redirects`` redirects.

    ``policy.timeout_s`` bounds the whole fetch (all hops and the body), not each read.
    """
    policy = policy or FetchPolicy()
    deadline = _Deadline(policy)
    seen: set[str] = set()
    current = url
    for _ in range(policy.max_redirects + 1):
        if current in seen:
            raise FetchError("redirect loop")
        seen.add(current)
        conn, sock, response = _request_once(current, policy, deadline)
        try:
            if response.status in (301, 302, 303, 307, 308):
                location = (response.getheader("Location") or "").strip()
                if not location:
                    raise FetchError(f"HTTP {response.status} without a Location header")
                current = urljoin(current, location)
                continue
            if response.status >= 400 or response.status < 200:
                reason = " ".join((response.reason or "").split())
                raise FetchError(f"HTTP {response.status} {reason}".rstrip())
            content_type = (response.getheader("Content-Type") or "").lower()
            mime = content_type.split(";")[0].strip()
            allowed = HTML_TYPES + (FEED_TYPES if policy.accept_feeds else ())
            if mime and mime not in allowed:
                raise FetchError(f"not an HTML page (content type {mime})")
            charset = None
            if "charset=" in content_type:
                charset = content_type.split("charset=")[1].split(";")[0].strip().strip("\"'")
            body = _read_capped(sock, response, policy, deadline)
        finally:
            response.close()
            conn.close()
        log.debug("fetched %s (%d bytes)", current, len(body))
        return Fetched(url=current, body=body, content_type=mime, charset=charset or None)
    raise FetchError(f"too many redirects (more than {policy.max_redirects})")

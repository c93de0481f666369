"""graph.fetch: address checks, redirects, limits; traffic only to 127.0.0.1 servers started here.

Where a public name is needed (the after-redirect check), DNS is mocked: the resolver maps a
fake public host name to 127.0.0.1, so no packet leaves the machine.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from graph.sources import fetch as fetch_module
from graph.sources.fetch import FetchError, FetchPolicy, _is_public, fetch, resolve_checked
from tests.conftest import free_port

PAGE = (b"<html><head><title>Local page</title></head><body><article><p>The harbor council "
        b"said on Monday that the bridge will close for repairs next week.</p></article>"
        b"</body></html>")
LOCAL = FetchPolicy(timeout_s=3, allow_private=True)

Route = Callable[[BaseHTTPRequestHandler], None]


def send(handler: BaseHTTPRequestHandler, status: int, body: bytes = b"",
         headers: dict[str, str] | None = None) -> None:
    handler.send_response(status)
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    if "Content-Length" not in (headers or {}):
        handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    if body:
        handler.wfile.write(body)


def unsized(handler: BaseHTTPRequestHandler) -> None:
    """A body without Content-Length, ended by closing the connection."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    with contextlib.suppress(OSError):
        for _ in range(2000):
            handler.wfile.write(PAGE)


def drip(handler: BaseHTTPRequestHandler) -> None:
    """Headers at once, then one byte every 0.3 s: every read succeeds, the whole never ends."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    with contextlib.suppress(OSError):
        for _ in range(100):
            handler.wfile.write(b"<")
            handler.wfile.flush()
            time.sleep(0.3)


ROUTES: dict[str, Route] = {
    "/article": lambda h: send(h, 200, PAGE, {"Content-Type": "text/html; charset=utf-8"}),
    "/pdf": lambda h: send(h, 200, b"%PDF-1.7\n%\xe2\xe3\n", {"Content-Type": "application/pdf"}),
    "/png": lambda h: send(h, 200, b"\x89PNG\r\n\x1a\n\x00\x00", {"Content-Type": "image/png"}),
    "/loop-a": lambda h: send(h, 302, headers={"Location": "/loop-b"}),
    "/loop-b": lambda h: send(h, 302, headers={"Location": "/loop-a"}),
    "/to-article": lambda h: send(h, 301, headers={"Location": "/article"}),
    "/no-location": lambda h: send(h, 302),
    "/javascript": lambda h: send(h, 302, headers={"Location": "javascript:alert(1)"}),
    "/missing": lambda h: send(h, 404, b"gone", {"Content-Type": "text/html"}),
    "/huge": lambda h: send(h, 200, PAGE, {"Content-Type": "text/html",
                                           "Content-Length": str(50 * 1024 * 1024)}),
    "/big-chunks": unsized,
    "/short": lambda h: send(h, 200, PAGE, {"Content-Type": "text/html",
                                            "Content-Length": str(len(PAGE) + 500)}),
    "/drip": drip,
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        route = ROUTES.get(self.path.split("?")[0])
        if route is None:
            send(self, 404)
        else:
            route(self)

    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def local_server() -> Iterator[str]:
    """An HTTP server with :data:`ROUTES` on 127.0.0.1; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def silent_server() -> Iterator[str]:
    """Accepts connections (the kernel completes the handshake) and never answers."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/"
    finally:
        sock.close()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with local_server() as base:
        yield base


def fake_dns(mapping: dict[str, list[str]]) -> Callable[..., list]:
    def getaddrinfo(host: str, port: int, *args: object, **kwargs: object) -> list:
        if host not in mapping:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "",
                 (a, port)) for a in mapping[host]]
    return getaddrinfo


# --- address classification (no traffic) -----------------------------------------------------

@pytest.mark.parametrize("address", [
    "127.0.0.1", "127.255.0.9", "::1", "0.0.0.0", "::", "10.1.2.3", "172.16.0.1", "192.168.1.1",
    "169.254.169.254", "fe80::1", "fe80::1%eth0", "fc00::1", "100.64.0.1", "224.0.0.1",
    "255.255.255.255", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254",
    "::127.0.0.1", "64:ff9b::7f00:1", "64:ff9b::a00:1", "2002:7f00:1::", "2002:a9fe:a9fe::",
    "2001:0:4136:e378:8000:63bf:80ff:fffe", "ff02::1", "not-an-address",
])
def test_non_public_addresses_are_refused(address: str) -> None:
    assert not _is_public(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700::1111",
                                     "::ffff:93.184.216.34", "64:ff9b::808:808"])
def test_public_addresses_are_allowed(address: str) -> None:
    assert _is_public(address)


@pytest.mark.parametrize("resolved", [["127.0.0.1"], ["::1"], ["::ffff:127.0.0.1"],
                                      ["0.0.0.0"], ["169.254.169.254"], ["10.0.0.7"],
                                      ["93.184.216.34", "10.0.0.7"]])
def test_resolve_checked_refuses_any_private_answer(monkeypatch, resolved: list[str]) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", fake_dns({"news.example": resolved}))
    with pytest.raises(FetchError, match="refused: news.example resolves to non-public"):
        resolve_checked("news.example", 80, FetchPolicy())
    assert resolve_checked("news.example", 80, FetchPolicy(allow_private=True)) == resolved[0]


def test_resolve_checked_reports_unknown_hosts_and_slow_resolvers(monkeypatch) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", fake_dns({}))
    with pytest.raises(FetchError, match="cannot resolve host 'nowhere.example'"):
        resolve_checked("nowhere.example", 80, FetchPolicy())

    def slow(*args: object, **kwargs: object) -> list:
        time.sleep(5)
        return []
    monkeypatch.setattr(socket, "getaddrinfo", slow)
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out resolving"):
        resolve_checked("slow.example", 80, FetchPolicy(timeout_s=0.3))
    assert time.monotonic() - started < 2


# --- real requests to 127.0.0.1 ----------------------------------------------------------------

def test_loopback_refused_by_default_and_allowed_with_the_option(server: str) -> None:
    with pytest.raises(FetchError, match="non-public address 127.0.0.1.*--allow-private"):
        fetch(server + "/article")
    fetched = fetch(server + "/article", LOCAL)
    assert fetched.body == PAGE and fetched.content_type == "text/html"
    assert fetched.charset == "utf-8"


def test_redirect_from_a_public_name_to_loopback_is_refused(monkeypatch, server: str) -> None:
    """First hop: a 'public' name (mocked DNS) that is really our local server; it redirects
    to 127.0.0.1, which must be checked again and refused."""
    ROUTES["/to-loopback"] = lambda h: send(h, 302, headers={"Location": f"{server}/article"})
    port = int(server.rsplit(":", 1)[1])
    real = socket.getaddrinfo
    hops: list[str] = []

    def getaddrinfo(host: str, p: int, *args: object, **kwargs: object) -> list:
        if host == "public.example":  # the first hop looks public
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", p))]
        return real(host, p, *args, **kwargs)

    connected: list[tuple] = []
    original = socket.create_connection

    def create_connection(address: tuple, *args: object, **kwargs: object) -> socket.socket:
        connected.append(address)
        assert address[0] in ("93.184.216.34", "127.0.0.1")
        return original(("127.0.0.1", port), *args, **kwargs)  # never leave the machine

    checked = fetch_module.resolve_checked

    def resolve(host: str, *args: object) -> str:
        hops.append(host)
        return checked(host, *args)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    monkeypatch.setattr(fetch_module, "resolve_checked", resolve)
    with pytest.raises(FetchError, match="refused: 127.0.0.1 resolves to non-public"):
        fetch(f"http://public.example:{port}/to-loopback", FetchPolicy(timeout_s=3))
    assert hops == ["public.example", "127.0.0.1"]
    assert connected == [("93.184.216.34", port)]  # the second hop was never contacted


def test_address_is_pinned_after_the_check(monkeypatch, server: str) -> None:
    """The name is resolved once; the connection goes to the checked address (no rebinding)."""
    port = int(server.rsplit(":", 1)[1])
    calls: list[str] = []
    real = socket.getaddrinfo

    def getaddrinfo(host: str, p: int, *args: object, **kwargs: object) -> list:
        if host != "rebind.example":
            return real(host, p, *args, **kwargs)
        calls.append(host)
        if len(calls) > 1:  # a second lookup would rebind; fail loudly, never connect
            raise AssertionError("resolved twice")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", p))]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    fetched = fetch(f"http://rebind.example:{port}/article", LOCAL)
    assert fetched.body == PAGE and calls == ["rebind.example"]


@pytest.mark.parametrize(("path", "message"), [
    ("/pdf", "not an HTML page (content type application/pdf)"),
    ("/png", "not an HTML page (content type image/png)"),
    ("/loop-a", "redirect loop"),
    ("/no-location", "HTTP 302 without a Location header"),
    ("/javascript", "unsupported URL scheme 'javascript'"),
    ("/missing", "HTTP 404 Not Found"),
    ("/huge", f"page too large ({50 * 1024 * 1024} bytes > 100000)"),
    ("/big-chunks", "page too large (over 100000 bytes)"),
    ("/short", "connection failed while reading (IncompleteRead"),
])
def test_refusals_are_one_line(server: str, path: str, message: str) -> None:
    policy = FetchPolicy(timeout_s=3, allow_private=True, max_bytes=100_000)
    with pytest.raises(FetchError) as caught:
        fetch(server + path, policy)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_redirects_are_followed_within_the_limit(server: str) -> None:
    assert fetch(server + "/to-article", LOCAL).url == server + "/article"
    with pytest.raises(FetchError, match=r"too many redirects \(more than 0\)"):
        fetch(server + "/to-article", FetchPolicy(allow_private=True, max_redirects=0))


def test_connection_refused_on_a_closed_port() -> None:
    with pytest.raises(FetchError, match="connection failed .*ConnectionRefusedError"):
        fetch(f"http://127.0.0.1:{free_port()}/", LOCAL)


def test_silent_server_times_out() -> None:
    with silent_server() as url:
        started = time.monotonic()
        with pytest.raises(FetchError, match="timed out after 0.5 s"):
            fetch(url, FetchPolicy(timeout_s=0.5, allow_private=True))
        assert time.monotonic() - started < 3


def test_slow_drip_is_cut_by_the_total_deadline(server: str) -> None:
    """Each byte arrives well within the timeout; the whole fetch must still stop."""
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out after 1 s"):
        fetch(server + "/drip", FetchPolicy(timeout_s=1, allow_private=True))
    assert time.monotonic() - started < 3


@pytest.mark.parametrize(("url", "message"), [
    ("ftp://127.0.0.1/x", "unsupported URL scheme 'ftp'"),
    ("file:///etc/passwd", "unsupported URL scheme 'file'"),
    ("http:///nohost", "URL has no host"),
    ("http://127.0.0.1:99999/", "bad URL"),
    ("http://127.0.0.1:abc/", "bad URL"),
])
def test_bad_urls_are_refused_without_traffic(url: str, message: str) -> None:
    with pytest.raises(FetchError, match=message.replace("(", r"\(")):
        fetch(url, LOCAL)


def test_ipv6_host_header_is_bracketed(monkeypatch) -> None:
    seen: dict[str, str] = {}

    class Recorder(fetch_module.http.client.HTTPConnection):
        def request(self, method: str, url: str, body: object = None,
                    headers: dict | None = None, **kwargs: object) -> None:
            seen.update(headers or {})
            raise OSError("stop here")

    monkeypatch.setattr(fetch_module.http.client, "HTTPConnection", Recorder)
    with pytest.raises(FetchError):
        fetch("http://[::1]:8080/", LOCAL)
    assert seen["Host"] == "[::1]:8080"

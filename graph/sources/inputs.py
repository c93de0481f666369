"""What the user gave -> items to ingest -> bytes -> ``Article``.

Expands URLs, files (HTML or ``.txt``), folders, URL lists and standard input into
:class:`Source` items, reads each one (network access goes through :mod:`graph.sources.fetch`),
and hands the decoded page to :mod:`graph.sources.extract`, plain text to
:mod:`graph.sources.plain`. A local file's path is never the article's URL.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from graph.errors import IngestError
from graph.model import Article, GivenMetadata
from graph.sources.decode import decode_bytes, decode_html
from graph.sources.extract import extract_article
from graph.sources.fetch import FetchError, FetchPolicy, fetch
from graph.sources.plain import text_article
from graph.sources.urls import is_url

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt"}
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
STDIN = "stdin"  # the location of what was read from standard input ("-")


@dataclass(frozen=True)
class Source:
    """One item to ingest: an http(s) URL, a local file path, or bytes read from standard
    input (``data``); ``given`` is what the user says of it (``--url``, ``--title``, ...)."""

    location: str
    given: GivenMetadata | None = None
    data: bytes | None = None

    @property
    def is_url(self) -> bool:
        return self.data is None and self.location.startswith(("http://", "https://"))

    @property
    def is_text(self) -> bool:
        """Plain text rather than HTML: a ``.txt`` file, or standard input without markup."""
        if self.data is not None:
            return not self.data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")
        return Path(self.location).suffix.lower() in TEXT_SUFFIXES


def stdin_source(data: bytes, given: GivenMetadata | None = None) -> Source:
    """What was read from standard input, as one item."""
    return Source(STDIN, given, data)


def with_given(sources: list[Source], given: GivenMetadata | None) -> list[Source]:
    """Attach what the user says to the one item it can describe; refused for several."""
    if given is None or given == GivenMetadata():
        return sources
    if len(sources) != 1:
        named = ", ".join(s.location for s in sources[:3]) + (", ..." if len(sources) > 3 else "")
        raise IngestError(named or "(no input)", "--url, --title, --outlet, --author, "
                          "--published and --keep-file-name describe one file or stdin only")
    return [replace(sources[0], given=given)]


#: A URL that is neither http(s) nor a path ("ftp://...", "file://..."): two letters at least,
#: so a Windows drive ("C:/...") is still a path.
_OTHER_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+)://")


def expand_sources(inputs: list[str], urls_file: Path | None = None) -> Iterator[Source]:
    """Yield one Source per URL, HTML or ``.txt`` file; folders are walked recursively."""
    given = list(inputs)
    if urls_file is not None:
        for line in Path(urls_file).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                given.append(line.strip())
    for item in given:
        if is_url(item) or _OTHER_SCHEME.match(item):
            yield Source(item)  # an unsupported scheme is refused when read, with its name
            continue
        path = Path(item)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in HTML_SUFFIXES | TEXT_SUFFIXES:
                    yield Source(str(child))
        else:
            yield Source(str(path))


def read_source(source: Source, policy: FetchPolicy) -> tuple[bytes, str, str | None]:
    """Return (raw bytes, URL fetched or "" for a file or stdin, declared charset)."""
    if source.data is not None:
        if len(source.data) > policy.max_bytes:
            raise IngestError(source.location, f"too large (over {policy.max_bytes} bytes)")
        return source.data, "", None
    if source.is_url:
        try:
            fetched = fetch(source.location, policy)
        except FetchError as exc:
            raise IngestError(source.location, str(exc)) from None
        return fetched.body, fetched.url, fetched.charset
    scheme = _OTHER_SCHEME.match(source.location)
    if scheme:
        raise IngestError(source.location,
                          f"unsupported URL scheme {scheme.group(1)!r} (http and https only)")
    path = Path(source.location)
    if not path.exists():
        raise IngestError(source.location, "no such file")
    if not path.is_file():
        raise IngestError(source.location, "not a file")
    try:
        size = path.stat().st_size
        if size > policy.max_bytes:
            raise IngestError(source.location,
                              f"file too large ({size} bytes > {policy.max_bytes})")
        with path.open("rb") as handle:  # the file may grow between stat and read
            raw = handle.read(policy.max_bytes + 1)
    except OSError as exc:
        raise IngestError(source.location, f"cannot read file ({exc.strerror or exc})") from None
    if len(raw) > policy.max_bytes:
        raise IngestError(source.location, f"file too large (over {policy.max_bytes} bytes)")
    return raw, "", None


def load_article(source: Source, policy: FetchPolicy | None = None) -> Article:
    """Read or fetch one source and extract its article."""
    policy = policy or FetchPolicy(max_bytes=DEFAULT_MAX_BYTES)
    raw, url, charset = read_source(source, policy)
    if source.is_text:
        text = decode_bytes(raw, charset, source.location, kind="text")
        return text_article(text, source.location, source.given)
    html_text = decode_html(raw, charset, source.location)
    return extract_article(html_text, url, source.location, source.given)


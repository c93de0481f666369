"""Bytes of a page -> text: BOMs, declared and meta charsets, then tolerant fallbacks."""

from __future__ import annotations

import codecs
import re

from graph.errors import IngestError

BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"))


_BAD_CHARSETS = {"utf-16", "utf-32", "utf-16le", "utf-16be", "utf-32le", "utf-32be"}


def _decode_fallback(raw: bytes) -> str:
    """Undeclared or mislabelled bytes: mostly-UTF-8 with a few bad bytes stays UTF-8,
    anything else is read as windows-1252 (a superset of latin-1 for text)."""
    loose = raw.decode("utf-8", errors="replace")
    bad = loose.count("\ufffd") - raw.decode("utf-8", "ignore").count("\ufffd")
    good = sum(1 for ch in loose if ord(ch) > 0x7F and ch != "\ufffd")
    if good > bad:
        return loose
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        return raw.decode("latin-1")


def _decode(raw: bytes, declared: str | None, head: bytes) -> str:
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            return raw.decode(encoding, errors="replace")
    candidates = [declared] if declared else []
    meta = re.search(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]+)", head, re.I)
    if meta:
        candidates.append(meta.group(1).decode("ascii", "ignore"))
    for encoding in [*candidates, "utf-8"]:
        try:
            if codecs.lookup(encoding).name in _BAD_CHARSETS:
                continue  # a BOM-less "utf-16" label on ASCII-compatible bytes is a lie
            return raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return _decode_fallback(raw)


def decode_bytes(raw: bytes, declared: str | None, location: str, kind: str = "HTML") -> str:
    """Bytes -> text, refusing empty and binary input (``kind`` names what was expected)."""
    if not raw.strip():
        raise IngestError(location, "empty file")
    head = raw[:8192]
    if b"\x00" in head and not head.startswith(tuple(bom for bom, _ in BOMS)):
        raise IngestError(location, f"binary data, not {kind}")
    text = _decode(raw, declared, head)
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\t\r\n\f")
    if controls > 0.05 * min(len(text), 4096):
        raise IngestError(location, f"binary data, not {kind}")
    return text.lstrip("\ufeff").replace("\x00", "")


def decode_html(raw: bytes, declared: str | None, location: str) -> str:
    """Bytes -> text, refusing empty and binary input; tolerant of bad encodings."""
    text = decode_bytes(raw, declared, location)
    if "<" not in text[:4096]:
        raise IngestError(location, "not HTML (no markup)")
    return text

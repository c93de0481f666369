"""Plain text -> ``Article``: paragraphs separated by blank lines; everything else about the
article (URL, title, outlet, author, date) only from what the user says."""

from __future__ import annotations

import re

from graph.errors import IngestError
from graph.model import Article, GivenMetadata
from graph.sources.extract import MIN_TEXT_CHARS, detect_language, layout
from graph.sources.given import article_fields
from graph.sources.markup import page_dates

_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def paragraphs(text: str) -> list[str]:
    """Paragraphs of plain text: split at blank lines, each one's lines joined by spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [" ".join(part.split()) for part in _BLANK_LINE.split(text) if part.strip()]


def text_article(raw_text: str, location: str, given: GivenMetadata | None = None) -> Article:
    """One plain-text article; raise IngestError when it has too little text."""
    text, blocks = layout([("paragraph", part) for part in paragraphs(raw_text)])
    if len(text.strip()) < MIN_TEXT_CHARS:
        raise IngestError(location, "no article text found")
    fields = article_fields(text, given, url="", title="", author=None, outlet=None,
                            dates=lambda chosen: page_dates("", chosen))
    return Article(text=text, **fields, blocks=blocks, language=detect_language("", text),
                   source_location=location)

"""Mend the text trafilatura returns around links, by what the page itself says.

On pages laid out with <br> rather than <p>, trafilatura (2.3, with links kept) can cut a
paragraph just before a link and drop the space after it: "whatever Apple <a>did for
reliability</a> is working" came out as "Apple" and "did for reliabilityis working".
"""

from __future__ import annotations

import html
import re

from lxml import etree

#: The text right before a closing </a> (through closing inline tags inside the link), and
#: the character after the link (through closing tags after it). Anchored on ">", so one pass
#: over the page.
_LINK_END = re.compile(r">([^<>]*)(?:</(?!a\b)\w+>\s*)*</a\s*>(?:\s*</\w+>)*(\s?)(\w?)",
                       re.I)


def _words(text: str) -> str:
    return " ".join(text.split())


def link_spacing(html_text: str) -> dict[str, bool]:
    """Link text -> whether the page puts a space after such a link before a word, and never
    runs a word straight on ("<a>MacBook</a>s" anywhere, or Japanese, make it False; a comma
    after a link says nothing either way)."""
    spaced: dict[str, bool] = {}
    for match in _LINK_END.finditer(html_text):
        key = _words(html.unescape(match.group(1)))
        space, word = match.group(2), match.group(3)
        if not key or not word:
            continue
        spaced[key] = spaced.get(key, True) and bool(space)
    return spaced


def mend_link_spaces(body: etree._Element, html_text: str) -> None:
    """Put back the space after a link wherever the page has one after every such link."""
    spacing: dict[str, bool] | None = None
    for ref in body.iter("ref"):
        inner = _words("".join(ref.itertext()))
        if ref.tail and ref.tail[0].isalnum() and inner[-1:].isalnum():
            if spacing is None:
                spacing = link_spacing(html_text)
            if spacing.get(inner):
                ref.tail = " " + ref.tail


def continues_sentence(element: etree._Element, text: str, previous: tuple[str, str],
                       html_text: str) -> bool:
    """A paragraph that starts with a lower-case link is the rest of the paragraph before it
    when that one stops mid-sentence and, on the page, runs straight into the link (nothing
    but spaces or <br> between: a byline's </p> keeps them apart)."""
    if not (element.tag == "p" and previous[0] == "paragraph" and len(element)
            and element[0].tag == "ref" and not (element.text or "").strip()
            and text[0].islower() and previous[1][-1:].isalnum()):
        return False
    last_word = re.findall(r"\w+", previous[1])[-1]
    return bool(re.search(re.escape(last_word) + r"\s*(?:<br\s*/?>\s*)*<a\b", html_text))

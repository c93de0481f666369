"""A decoded page -> trafilatura -> ``Article``: text with its layout blocks, metadata, body
links, language and embedded ClaimReview markup."""

from __future__ import annotations

import hashlib
import logging
import re
from urllib.parse import urljoin, urlsplit

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from graph.errors import IngestError
from graph.model import Article, Block, GivenMetadata, Link
from graph.sources.given import article_fields
from graph.sources.link_text import continues_sentence, mend_link_spaces
from graph.sources.markup import extract_reviews, page_dates
from graph.sources.urls import clean_url, is_url, same_site

log = logging.getLogger(__name__)

ENGLISH_STOPWORDS = frozenset(
    "the of and to in a is that for it on was with as by at from be are this have has an "
    "not but or which its were said their been they will who would".split()
)
OTHER_STOPWORDS = {  # enough to tell a page is *not* English when it does not say so
    "de": frozenset("der die das und ist nicht mit den dem sich auf für ein eine von zu "
                    "wurde sind auch werden nach bei".split()),
    "fr": frozenset("le la les et est des une un pas pour dans que qui sur avec au aux "
                    "sont été par ce".split()),
    "es": frozenset("el la los las y es una un por para con que del se no en su al "
                    "como fue".split()),
    "it": frozenset("il di che è per una un non con del della sono gli le nel alla "
                    "anche".split()),
    "nl": frozenset("de het een en van is niet met op voor zijn dat die te wordt ook "
                    "bij".split()),
    "pt": frozenset("o a os as e é um uma do da dos das em para com não que por "
                    "foi".split()),
}
MIN_TEXT_CHARS = 40
MIN_WORDS_TO_OVERRIDE = 50  # words of text before its function words outweigh a declared language
CLEAR_STOPWORD_SHARE = 0.2  # running text of a language has 25-45% of its function words
BLOCK_TAGS = {"head": "heading", "p": "paragraph", "item": "list_item", "quote": "quote"}


def _element_text(element: etree._Element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def _collect_blocks(body: etree._Element, html_text: str = "") -> list[tuple[str, str]]:
    mend_link_spaces(body, html_text)
    blocks: list[tuple[str, str]] = []
    for element in body.iter():
        kind = BLOCK_TAGS.get(element.tag)
        if kind is None:
            continue
        if element.tag == "p" and element.getparent() is not None and (
            element.getparent().tag in ("item", "quote", "cell")
        ):
            continue
        text = _element_text(element)
        if not text:
            continue
        if blocks and continues_sentence(element, text, blocks[-1], html_text):
            blocks[-1] = (blocks[-1][0], f"{blocks[-1][1]} {text}")
        else:
            blocks.append((kind, text))
    return blocks


def layout(blocks: list[tuple[str, str]]) -> tuple[str, list[Block]]:
    parts: list[str] = []
    layout: list[Block] = []
    offset = 0
    for kind, text in blocks:
        layout.append(Block(offset, offset + len(text), kind))
        parts.append(text)
        offset += len(text) + 1
    return "\n".join(parts), layout


def _body_links(body: etree._Element, base: str) -> list[Link]:
    links: list[Link] = []
    seen: set[str] = set()
    for ref in body.iter("ref"):
        target = (ref.get("target") or "").strip()
        if not target or target.startswith("#"):
            continue
        try:
            href = clean_url(urljoin(base, target))
        except ValueError:  # e.g. a malformed IPv6 host
            continue
        if not is_url(href.lower()) or not urlsplit(href).hostname:
            continue  # javascript:, data:, mailto:, relative links of local files
        if href not in seen:
            seen.add(href)
            links.append(Link(href=href, text=_element_text(ref)))
    return links


def detect_language(html_text: str, text: str) -> str | None:
    """The language of the extracted text.

    The page's declared language, unless the text's function words clearly say another: site
    templates often declare "en" on every page (a German article under ``lang="en"`` would be
    read as English, every capitalised noun an entity). Undeclared: the guess, or None.
    """
    declared = re.search(r"<html[^>]*\slang=[\"']?([A-Za-z]{2,3})", html_text[:4096], re.I)
    words = re.findall(r"[^\W\d_]+", text.lower()[:20000])
    guessed, share = _guess_language(words)
    if not declared:
        return guessed
    if guessed and guessed != declared.group(1).lower() and (
            len(words) >= MIN_WORDS_TO_OVERRIDE and share >= CLEAR_STOPWORD_SHARE):
        return guessed
    return declared.group(1).lower()


def _guess_language(words: list[str]) -> tuple[str | None, float]:
    """The language whose function words make up the largest share of ``words`` (over 12%),
    and that share; English unless another language's share is larger."""
    if len(words) < 20:
        return None, 0.0
    shares = {"en": sum(1 for w in words if w in ENGLISH_STOPWORDS) / len(words)}
    for lang, stop in OTHER_STOPWORDS.items():
        shares[lang] = sum(1 for w in words if w in stop) / len(words)
    best = max(shares, key=lambda lang: (shares[lang], lang == "en"))
    return (best, shares[best]) if shares[best] > 0.12 else (None, shares[best])


def _prose_chars(html_text: str) -> int:
    """Visible characters outside scripts, styles and data tables (tables of short cells).

    trafilatura's fallback extractors happily return the cells of a page that is only a
    table; such a page has no article, so it is refused rather than split into "claims".
    Layout tables (with paragraphs or long cells) count as prose.
    """
    try:
        tree = lxml_html.document_fromstring(html_text.encode("utf-8", "replace"))
    except (etree.ParserError, ValueError):
        return 0
    for element in tree.xpath("//script|//style|//noscript|//template|//head"):
        element.drop_tree()
    data_tables = [
        table for table in tree.xpath("//table[not(.//p)]")
        if all(len(cell.text_content().strip()) < 200 for cell in table.xpath(".//td|.//th"))
    ]
    for table in data_tables:
        if table.getparent() is not None:
            table.drop_tree()
    return len("".join(tree.text_content().split()))


def _article_url(html_text: str, og_url: str | None, url: str) -> str:
    """The URL to record: the page's canonical URL, if it may speak for itself.

    A local file may name any canonical URL (that is how saved pages keep their identity);
    a fetched page may only name one on its own site, so a hostile page cannot overwrite
    another outlet's article by claiming its URL.
    """
    for candidate in (_canonical_url(html_text), og_url):
        if not candidate or not is_url(candidate.strip()):
            continue
        candidate = clean_url(candidate)
        if not is_url(url) or same_site(candidate, url):
            return candidate
    return clean_url(url)


def extract_article(html_text: str, url: str, location: str,
                    given: GivenMetadata | None = None) -> Article:
    """Run trafilatura on one page; raise IngestError when there is no article body.

    ``url`` is where the page was fetched ("" for a local file); what ``given`` says wins over
    the page's metadata (:func:`graph.sources.given.article_fields`)."""
    try:
        document = trafilatura.bare_extraction(
            html_text, url=url if is_url(url) else None, with_metadata=True,
            include_links=True, include_tables=False, favor_precision=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
        if document is None or document.body is None:
            raise IngestError(location, "no article text found")
        text, blocks = layout(_collect_blocks(document.body, html_text))
    except IngestError:
        raise
    except Exception as exc:  # noqa: BLE001 - a parser failure on one page is one line
        reason = f"HTML could not be parsed ({exc.__class__.__name__})"
        raise IngestError(location, reason) from None
    if len(text.strip()) < MIN_TEXT_CHARS:
        raise IngestError(location, "no article text found")
    if _prose_chars(html_text) < MIN_TEXT_CHARS:
        raise IngestError(location, "no article text found (only tables or scripts)")
    fields = article_fields(
        text, given, url=_article_url(html_text, document.url, url), title=document.title or "",
        author=document.author, outlet=document.sitename,
        dates=lambda chosen: page_dates(html_text, chosen),
    )
    return Article(
        text=text,
        **fields,
        links=_body_links(document.body, fields["url"]),
        blocks=blocks,
        language=detect_language(html_text, text),
        reviews=extract_reviews(html_text),
        source_location=location,
        html_hash=hashlib.sha256(html_text.encode("utf-8", "replace")).hexdigest(),
    )


def _canonical_url(html_text: str) -> str | None:
    try:
        tree = lxml_html.fromstring(html_text[:200000].encode("utf-8", "replace"))
    except (etree.ParserError, ValueError):
        return None
    for href in tree.xpath("//link[@rel='canonical']/@href"):
        if is_url(href.strip()):
            return href.strip()
    return None



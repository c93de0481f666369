"""graph.ingest on broken input: decoding, refusals, hostile markup, JSON-LD, URLs (no network)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from graph.errors import IngestError
from graph.sources.decode import decode_html
from graph.sources.extract import detect_language, extract_article
from graph.sources.fetch import FetchPolicy
from graph.sources.inputs import Source, load_article
from graph.sources.markup import extract_reviews
from graph.sources.urls import clean_url
from tests.conftest import DEMO, ROOT

HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
PROSE = ("<p>The harbor council said on Monday that the bridge will close for repairs next week, "
         "and officials confirmed the detour.</p>")


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body><article>{body}</article></body></html>"


def refused(path: Path, policy: FetchPolicy | None = None) -> str:
    with pytest.raises(IngestError) as caught:
        load_article(Source(str(path)), policy)
    message = str(caught.value)
    assert message.startswith(str(path) + ": ") and "\n" not in message
    return caught.value.reason


# --- refusals, one line each ---------------------------------------------------------------------

def test_empty_and_whitespace_files(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "blank.html").write_bytes(b" \n\t\r\n" * 100)
    assert refused(tmp_path / "empty.html") == "empty file"
    assert refused(tmp_path / "blank.html") == "empty file"


def test_binary_named_html(tmp_path: Path) -> None:
    (tmp_path / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
    (tmp_path / "noise.html").write_bytes(bytes(range(1, 32)) * 500)
    assert refused(tmp_path / "photo.html") == "binary data, not HTML"
    assert refused(tmp_path / "noise.html") == "binary data, not HTML"


def test_size_cap_is_checked_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.html"
    with big.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50 * 1024 * 1024)
    assert refused(big) == f"file too large ({50 * 1024 * 1024} bytes > {10 * 1024 * 1024})"
    small = DEMO / "02-harbor-times-report.html"
    reason = refused(small, FetchPolicy(max_bytes=1000))
    assert reason.startswith("file too large (") and reason.endswith(" > 1000)")


def test_missing_unreadable_and_directory(tmp_path: Path) -> None:
    assert refused(tmp_path / "nope.html") == "no such file"
    assert refused(tmp_path) == "not a file"


@pytest.mark.parametrize(("name", "reason"), [
    ("no-body.html", "no article text found"),
    ("script-only.html", "no article text found"),
    ("table-only.html", "no article text found (only tables or scripts)"),
])
def test_pages_without_an_article(name: str, reason: str) -> None:
    assert refused(HOSTILE / name) == reason


def test_layout_tables_still_count_as_prose() -> None:
    html = f"<html><body><table><tr><td>{PROSE * 2}</td></tr></table></body></html>"
    article = extract_article(html, "file:///layout.html", "layout.html")
    assert "bridge will close" in article.text


@pytest.mark.parametrize("depth", [300, 100_000])
def test_deep_nesting_neither_crashes_nor_hangs(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * depth + PROSE + "</div>" * depth + "</body></html>")
    started = time.monotonic()
    assert refused(path) == "no article text found"
    assert time.monotonic() - started < 20


def test_pathological_markup_is_fast() -> None:
    for html in ('<script type="application/ld+json">' * 20000 + PROSE,
                 "<script " + "a" * 200_000 + PROSE,
                 page(PROSE + "<b>x " * 50_000)):
        started = time.monotonic()
        try:
            extract_article(html, "file:///x.html", "x.html")
        except IngestError:
            pass
        assert time.monotonic() - started < 10


# --- encodings ----------------------------------------------------------------------------------

def test_windows_1252_declared_as_utf8_decodes_sensibly() -> None:
    article = load_article(Source(str(HOSTILE / "cp1252-declared-utf8.html")))
    assert "The café on Quay Street" in article.text
    assert "crème brûlée and the “harbour special” would be missed — the owner’s" in article.text
    assert "\ufffd" not in article.text


def test_latin1_without_declaration_decodes_sensibly() -> None:
    article = load_article(Source(str(HOSTILE / "latin1-undeclared.html")))
    assert "The café on Quay Street" in article.text and "crème brûlée" in article.text
    assert article.language == "en"


def test_invalid_utf8_bytes_do_not_raise() -> None:
    raw = page(PROSE).encode().replace(b"harbor", b"harb\xff\xfe\xc3r")
    text = decode_html(raw, "utf-8", "bad.html")
    assert "harb" in text and "council said on Monday" in text
    mostly = page(PROSE + "<p>Zürich café crème</p>").encode().replace(b"Monday", b"Mon\xffday")
    text = decode_html(mostly, None, "mostly.html")
    assert "Zürich café crème" in text and "Mon\ufffdday" in text


@pytest.mark.parametrize("declared", [None, "utf-8", "no-such-charset", "utf-16"])
def test_bad_or_lying_declarations(declared: str | None) -> None:
    raw = page(PROSE + "<p>Café</p>").encode("utf-8")
    assert "Café" in decode_html(raw, declared, "x.html")


def test_utf16_with_bom_is_not_binary() -> None:
    raw = page(PROSE).encode("utf-16")
    assert "bridge will close" in decode_html(raw, None, "x.html")


def test_nul_bytes_after_the_head_are_dropped() -> None:
    raw = page(PROSE).encode() + b" " * 9000 + b"\x00trailing"
    assert "\x00" not in decode_html(raw, None, "x.html")


# --- language -------------------------------------------------------------------------------------

def test_non_english_page_records_its_language() -> None:
    article = load_article(Source(str(HOSTILE / "german-article.html")))
    assert article.language == "de"


def test_undeclared_language_is_guessed_from_stopwords() -> None:
    german = ("Die Brücke wird ab März saniert, teilte die Stadt mit. Der Auftrag ging an die "
              "Firma, und die Arbeiten sollen im Herbst beendet sein. Es ist nicht klar, ob die "
              "Kosten steigen werden, sagte eine Sprecherin der Stadt bei der Sitzung.")
    assert detect_language("<html>", german) == "de"
    english = "The council said that the bridge will be closed for a week and that it has a plan."
    assert detect_language("<html>", english * 2) == "en"
    assert detect_language('<html lang="fr">', english * 2) == "fr"  # too short to overrule


def test_a_long_text_overrules_a_wrong_declared_language() -> None:
    german = ("Die Brücke wird ab März saniert, teilte die Stadt mit. Der Auftrag ging an die "
              "Firma, und die Arbeiten sollen im Herbst beendet sein. Es ist nicht klar, ob die "
              "Kosten steigen werden, sagte eine Sprecherin der Stadt bei der Sitzung.")
    english = "The council said that the bridge will be closed for a week and that it has a plan."
    assert detect_language('<html lang="en">', german * 2) == "de"  # a site template's "en"
    assert detect_language('<html lang="de">', english * 4) == "en"
    assert detect_language('<html lang="it">', english * 4) == "en"
    scores = "Palm Bay d. Rockledge 70-44. Tolivert 25 points. Davis 17 points. " * 6
    assert detect_language('<html lang="en">', scores) == "en"  # few function words: declared


# --- hostile markup: stored as text, javascript: links dropped -----------------------------------

def test_xss_markup_is_text_and_javascript_links_are_dropped() -> None:
    article = load_article(Source(str(HOSTILE / "xss-article.html")))
    assert "<script>window.__xss=1</script>" in article.title
    assert "<script>window.__xss=1</script>" in article.text
    assert '"><img src=x onerror="window.__xss=1">' in article.text
    hrefs = [link.href for link in article.links]
    assert hrefs == ["https://portcalder.example/agenda/2026-03-04"]
    assert article.url == "https://quaysidepost.example/2026/03/04/xss-vote"


@pytest.mark.parametrize("href", ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:x",
                                  "java\tscript:alert(1)", "data:text/html,<b>x</b>",
                                  "vbscript:msgbox", "mailto:a@b.example", "#top"])
def test_only_web_links_are_kept(href: str) -> None:
    html = page(PROSE + f'<p>See <a href="{href}">this</a> and more words here for length.</p>')
    article = extract_article(html, "https://news.example/a", "a.html")
    assert all(link.href.startswith(("http://", "https://")) for link in article.links)


def test_urls_with_iri_breaking_characters_are_encoded() -> None:
    assert clean_url(' https://x.example/a b<c>"d{e}|f\\g^h`i\x01j ') == (
        "https://x.example/a%20b%3Cc%3E%22d%7Be%7D%7Cf%5Cg%5Eh%60i%01j")
    html = page(PROSE + '<p>Read <a href="https://x.example/a b>c">the report</a> today.</p>',
                head='<link rel="canonical" href="https://y.example/a b">')
    article = extract_article(html, "file:///x.html", "x.html")
    assert article.url == "https://y.example/a%20b"
    assert [link.href for link in article.links] == ["https://x.example/a%20b%3Ec"]


def test_fetched_page_cannot_claim_another_sites_url() -> None:
    head = '<link rel="canonical" href="https://harbortimes.example/2026/03/02/bridge-contract">'
    html = page(PROSE, head=head)
    hostile = extract_article(html, "https://evil.example/copy", "https://evil.example/copy")
    assert hostile.url == "https://evil.example/copy"
    own = extract_article(html, "https://www.harbortimes.example/amp/1", "u")
    assert own.url == "https://harbortimes.example/2026/03/02/bridge-contract"
    local = extract_article(html, "file:///saved.html", "saved.html")
    assert local.url == "https://harbortimes.example/2026/03/02/bridge-contract"


# --- JSON-LD from hostile pages -------------------------------------------------------------------

@pytest.mark.parametrize("payload", [
    '{"@type": "ClaimReview", "claimReviewed": "x", "reviewRating": "5"}',
    '{"@type": "ClaimReview", "claimReviewed": "x", "datePublished": 5, "url": {"a": 1}}',
    '{"@type": {"x": 1}, "claimReviewed": "x"}',
    '{"@type": "ClaimReview", "claimReviewed": ["x"], "author": [{"name": "A"}]}',
    '{"@type": "ClaimReview", "claimReviewed": "x", "reviewRating": {"ratingValue": "NaN"}}',
    "[" * 100_000,
    "[" * 900 + "]" * 900,
    "{not json",
])
def test_hostile_jsonld_never_raises(payload: str) -> None:
    reviews = extract_reviews(f'<script type="application/ld+json">{payload}</script>')
    for review in reviews:
        assert review.claim_reviewed == "x"
        assert review.url is None and review.rating_value is None


# --- text around links ----------------------------------------------------------------------------

def _block_texts(body_xml: str, page: str) -> list[str]:
    """The blocks ingest makes of a trafilatura body (``body_xml``) extracted from ``page``."""
    from lxml import etree

    from graph.sources.extract import _collect_blocks

    return [text for _, text in _collect_blocks(etree.fromstring(body_xml), page)]


def test_text_split_and_glued_at_links_is_mended() -> None:
    """On <br>-laid-out pages trafilatura (with links kept) can cut a paragraph before a link
    and drop the space after it ("Apple\\ndid for reliabilityis working"); the page says
    otherwise, so the text is mended. A link inside a word ("MacBook</a>s") stays as it is."""
    body = (
        "<body><p>The data suggests that whatever Harbor Works</p>"
        '<p><ref target="https://h.example/a">did for reliability</ref>is working.</p>'
        '<p>Shoppers can <ref target="https://s.example/b">save $100</ref>on the ferry.</p>'
        '<p>All the new <ref target="https://h.example/c">MacBook</ref>s have keys.</p></body>')
    page = ('whatever Harbor Works <a href="https://h.example/a">did for reliability</a> is '
            'working.<br><br>Shoppers can <strong><a href="https://s.example/b">save $100</a>'
            '</strong> on the ferry.<br><br>All the new <a href="https://h.example/c">MacBook</a>s '
            "have keys.")
    assert _block_texts(body, page) == [
        "The data suggests that whatever Harbor Works did for reliability is working.",
        "Shoppers can save $100 on the ferry.",
        "All the new MacBooks have keys.",
    ]


def test_link_mending_reads_every_such_link_and_keeps_a_byline_apart() -> None:
    """A space goes back only when every link with that text has one after it on the page (a
    menu link "MacBook" followed by a line break says nothing of "MacBook</a>s"), and a
    paragraph is joined to the one before only if the page runs one into the other."""
    body = (
        '<body><p>All the new <ref target="https://h.example/c">MacBook</ref>s have keys.</p>'
        "<p>By Jane Doe and Mark Smith</p>"
        '<p><ref target="https://e.example/">eBay</ref> said on Monday it would hire.</p></body>')
    page = ('<ul><li><a href="https://h.example/c">MacBook</a></li>\n</ul>'
            '<p>All the new <a href="https://h.example/c">MacBook</a>s have keys.</p>'
            '<p>By Jane Doe and Mark Smith</p><p><a href="https://e.example/">eBay</a> said '
            "on Monday it would hire.</p>")
    assert _block_texts(body, page) == [
        "All the new MacBooks have keys.", "By Jane Doe and Mark Smith",
        "eBay said on Monday it would hire."]


def test_link_spacing_is_one_pass_on_a_page_of_many_links() -> None:
    from graph.sources.link_text import link_spacing

    page = "".join(f'<p>Item <a href="/x{i}">link {i}</a> here.</p>' for i in range(20000))
    started = time.perf_counter()
    spacing = link_spacing(page)
    assert len(spacing) == 20000 and all(spacing.values())
    assert time.perf_counter() - started < 5  # seconds; quadratic took minutes

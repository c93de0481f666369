"""A page's publication date comes from its markup or its URL, never from its text."""

from __future__ import annotations

from datetime import date

from graph.sources.extract import extract_article
from graph.sources.markup import page_dates, parse_date, url_date

BODY = ("<p>The harbor council said in January 2026 that the bridge will close for repairs on "
        "March 3, 2026, and officials confirmed the detour on 2026-02-14 at a meeting.</p>"
        "<p>Published on 5 January 2026, the plan was revised in February 2026 by the city.</p>")


def page(head: str = "", body: str = BODY) -> str:
    return f"<html><head>{head}</head><body><article>{body}</article></body></html>"


def test_body_dates_without_dated_metadata_give_no_date() -> None:
    article = extract_article(page(), "https://harbortimes.example/news/bridge", "x.html")
    assert article.published is None and article.published_source is None
    assert article.modified is None


def test_metadata_date_wins_over_a_different_body_date() -> None:
    head = '<meta property="article:published_time" content="2025-11-30T08:00:00Z">'
    article = extract_article(page(head), "https://harbortimes.example/news/bridge", "x.html")
    assert article.published == date(2025, 11, 30)
    assert article.published_source == "metadata"


def test_modified_is_kept_apart_from_published() -> None:
    head = ('<meta property="article:modified_time" content="2026-02-01T10:00:00Z">'
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"datePublished": "2025-12-20", "dateModified": "2026-02-01"}</script>')
    article = extract_article(page(head), "https://harbortimes.example/news/bridge", "x.html")
    assert (article.published, article.modified) == (date(2025, 12, 20), date(2026, 2, 1))
    only_modified = extract_article(
        page('<meta property="article:modified_time" content="2026-02-01">'),
        "https://harbortimes.example/news/bridge", "x.html")
    assert only_modified.published is None and only_modified.modified == date(2026, 2, 1)


def test_time_element_and_dated_url() -> None:
    timed = page(body='<time datetime="2025-10-09T12:00">9 Oct</time>' + BODY)
    article = extract_article(timed, "https://harbortimes.example/news/bridge", "x.html")
    assert (article.published, article.published_source) == (date(2025, 10, 9), "metadata")
    in_url = extract_article(page(), "https://harbortimes.example/2025/09/14/bridge", "x.html")
    assert (in_url.published, in_url.published_source) == (date(2025, 9, 14), "url")


def test_a_local_path_is_no_dated_url() -> None:
    assert url_date("file:///home/ann/2025/09/14/story.html") is None
    assert page_dates(page(), "file:///home/ann/2025/09/14/story.html").published is None


def test_time_in_an_aside_is_not_the_article_date() -> None:
    html = page(body=BODY + '<aside><time datetime="2024-01-01">related</time></aside>')
    assert page_dates(html, "https://x.example/a").published is None


def test_the_reviewed_claims_date_is_not_the_pages() -> None:
    head = ('<script type="application/ld+json">{"@type": "WebPage", "datePublished": '
            '"2025-05-05", "mainEntity": {"@type": "NewsArticle", "datePublished": '
            '"2025-06-06"}}</script>')
    assert page_dates(page(head), "https://x.example/a").published == date(2025, 6, 6)


def test_parse_date_forms() -> None:
    assert parse_date("Thu, 15 Jan 2026 09:00:00 GMT") == date(2026, 1, 15)
    assert parse_date("2026-01-15T23:30:00-05:00") == date(2026, 1, 15)
    assert parse_date("January 2026") is None and parse_date("") is None

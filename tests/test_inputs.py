"""Every input a fact-checker has: .txt files, standard input, what the user says of an article,
and no local path in any IRI or export (CLI in-process, a real Oxigraph store on disk)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from graph.cli import main
from graph.model import UNKNOWN_OUTLET, GivenMetadata
from graph.sources.given import registered_domain, text_iri
from graph.sources.inputs import Source, load_article
from graph.sources.plain import paragraphs
from tests.conftest import DEMO

STORY = ("The harbor council said on Monday that the bridge will close for repairs next week.\n"
         "\n"
         "Officials confirmed the detour in January 2026,\n"
         "the mayor said on Tuesday.\n")


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)


def records(store: str) -> list[dict]:
    result = run("claims", "--store", store, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_paragraphs_split_at_blank_lines() -> None:
    assert paragraphs("a\nb\n\n  \nc\r\n\r\nd") == ["a b", "c", "d"]


def test_a_txt_file_is_an_article_named_by_its_text(tmp_path: Path) -> None:
    path = tmp_path / "home" / "ann" / "story.txt"
    path.parent.mkdir(parents=True)
    path.write_text(STORY)
    article = load_article(Source(str(path)))
    assert article.url == text_iri(article.text)
    assert article.url.startswith("urn:claimgraph:article:sha256:")
    assert article.text.splitlines()[1] == ("Officials confirmed the detour in January 2026, "
                                            "the mayor said on Tuesday.")
    assert article.published is None and article.outlet == UNKNOWN_OUTLET
    assert article.title == "" and article.author is None


def test_txt_and_stdin_with_what_the_user_says(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    story = tmp_path / "story.txt"
    story.write_text(STORY)
    first = run("ingest", str(story), "--store", store, "--url",
                "https://news.harbortimes.co.uk/bridge", "--title", "Bridge to close",
                "--author", "Ann Lee", "--published", "2026-01-05", "--keep-file-name")
    assert first.exit_code == 0, first.output
    piped = STORY.replace("harbor council", "port authority")
    second = run("ingest", "-", "--store", store, "--outlet", "Coastal Wire", stdin=piped)
    assert second.exit_code == 0, second.output
    rows = records(store)  # newest first: the undated article last
    assert [r["published"] for r in rows] == sorted(
        [r["published"] for r in rows], key=lambda d: (d is None, d))
    assert rows[-1]["published"] is None and rows[0]["published"] == "2026-01-05"
    by_article = {r["article"]: r for r in rows}
    told = by_article["https://news.harbortimes.co.uk/bridge"]
    assert (told["published"], told["published_source"]) == ("2026-01-05", "user")
    assert told["outlet"] == "harbortimes.co.uk"  # no outlet said: the registered domain
    (other,) = [r for url, r in by_article.items() if url.startswith("urn:claimgraph:")]
    assert other["outlet"] == "Coastal Wire" and other["published"] is None
    turtle = run("export", "--store", store, "--format", "turtle").output
    assert '"story.txt"' in turtle and str(tmp_path) not in turtle
    assert "Bridge to close" in turtle and "Ann Lee" in turtle


def test_options_describe_one_item_only(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", str(DEMO), "--store", str(tmp_path / "s"),
                                       "--title", "x"])
    assert result.exit_code == 1
    assert "describe one file or stdin only" in result.output
    assert not (tmp_path / "s").exists() or not list((tmp_path / "s").iterdir())
    bad = CliRunner().invoke(main, ["ingest", "-", "--url", "file:///etc/passwd"], input=STORY)
    assert bad.exit_code == 2 and "not an http(s) URL" in bad.output


def test_no_local_path_in_iris_or_exports(tmp_path: Path) -> None:
    """An uploaded or local page without a canonical URL: no file:// IRI, no path stored."""
    saved = tmp_path / "uploads" / "0123abcd" / "saved page.html"
    saved.parent.mkdir(parents=True)
    html = (DEMO / "02-harbor-times-report.html").read_text(encoding="utf-8")
    for tag in ('<link rel="canonical"', '<meta property="og:url"'):
        while tag in html:
            start = html.index(tag)
            html = html[:start] + html[html.index(">", start) + 1:]
    saved.write_text(html, encoding="utf-8")
    store = str(tmp_path / "store")
    assert run("ingest", str(saved), "--store", store).exit_code == 0
    assert {r["article"] for r in records(store)} == {
        text_iri(load_article(Source(str(saved))).text)}
    for fmt in ("turtle", "nquads", "jsonld", "csv"):
        out = run("export", "--store", store, "--format", fmt).output
        assert "file://" not in out and str(tmp_path) not in out, fmt


def test_articles_without_outlet_or_url_share_one_unknown_outlet(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    for number, speaker in enumerate(("harbor council", "port authority")):
        path = tmp_path / f"{number}.txt"
        path.write_text(STORY.replace("harbor council", speaker))
        assert run("ingest", str(path), "--store", store).exit_code == 0
    rows = records(store)
    assert {r["outlet"] for r in rows} == {UNKNOWN_OUTLET}
    assert len({r["article"] for r in rows}) == 2
    outlets = run("query", "--store", store, "--format", "json",
                  "SELECT DISTINCT ?o WHERE { ?a <http://schema.org/publisher> ?o }").output
    assert len(json.loads(outlets)) == 1


def test_registered_domain() -> None:
    assert registered_domain("https://news.bbc.co.uk/a") == "bbc.co.uk"
    assert registered_domain("https://www.harbortimes.example/a") == "harbortimes.example"
    assert registered_domain("urn:claimgraph:article:sha256:00") == ""


def test_given_metadata_wins_over_the_page(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    shutil.copy(DEMO / "02-harbor-times-report.html", page)
    given = GivenMetadata(title="Told title", published=None, outlet="Told Outlet")
    article = load_article(Source(str(page), given))
    assert article.title == "Told title" and article.outlet == "Told Outlet"
    assert article.published_source == "metadata"  # no date said: the page's own

"""RSS and Atom feeds: their items are fetched and ingested (real HTTP on 127.0.0.1 only)."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.errors import IngestError
from graph.sources.feeds import feed_links
from tests.conftest import DEMO

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Harbor news</title>
<item><title>One</title><link>{base}/02-harbor-times-report.html</link></item>
<item><title>Two</title><link>{base}/03-calder-ledger-report.html</link></item>
<item><title>Again</title><link>{base}/02-harbor-times-report.html</link></item>
</channel></rss>"""
ATOM = """<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>a</title><link rel="self" href="{base}/ignored.xml"/>
<link href="06-bay-courier-dispute.html"/></entry></feed>"""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site(tmp_path):
    for name in ("02-harbor-times-report.html", "03-calder-ledger-report.html",
                 "06-bay-courier-dispute.html"):
        shutil.copy(DEMO / name, tmp_path / name)
    handler = functools.partial(QuietHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    (tmp_path / "rss.xml").write_text(RSS.format(base=base))
    (tmp_path / "atom.xml").write_text(ATOM.format(base=base))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()


def test_feed_items_are_ingested(site, tmp_path):
    store = str(tmp_path / "store")
    result = CliRunner().invoke(main, ["ingest", "--feed", f"{site}/rss.xml", "--feed",
                                       f"{site}/atom.xml", "--allow-private", "--store", store,
                                       "--quiet"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1].startswith("3 articles,"), result.output


def test_feeds_obey_the_private_address_rule(site, tmp_path):
    result = CliRunner().invoke(main, ["ingest", "--feed", f"{site}/rss.xml", "--store",
                                       str(tmp_path / "s")])
    assert result.exit_code != 0
    assert "refused" in result.output and len(result.output.strip().splitlines()) == 1


def test_relative_links_and_duplicates():
    links = feed_links(ATOM.format(base="http://x.example").encode(), "http://x.example/f/",
                       "atom")
    assert links == ["http://x.example/f/06-bay-courier-dispute.html"]


@pytest.mark.parametrize("data", [b"not xml", b"<html><body>page</body></html>",
                                  b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM '
                                  b'"file:///etc/passwd">]><rss><channel><item><link>&x;'
                                  b"</link></item></channel></rss>"])
def test_bad_feeds_give_one_line_and_never_read_files(data):
    try:
        links = feed_links(data, "http://x.example/", "feed.xml")
    except IngestError as exc:
        assert str(exc).startswith("feed.xml: ") and "\n" not in str(exc)
    else:
        assert all("root:" not in link for link in links)

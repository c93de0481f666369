"""The Streamlit workbench, in process (AppTest), on a store built once from data/demo."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import graph
from graph.pipeline.batch import ingest_sources
from graph.queries.claims import claim_records
from graph.queries.filters import ClaimFilter
from graph.sources.inputs import expand_sources
from graph.store.open import open_store
from graph.ui.html import esc, highlight_html, link_html, list_html, neutralise, paragraph_bounds
from graph.ui.network import claim_network, network_html, strip_remote

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
HOSTILE = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "[click](javascript:alert(1))",
    "<a href=\"javascript:alert(1)\">x</a>",
    "$x$ *bold* `code` _i_ # h",
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, dict]]:
    """The demo store (closed again, for the app to open) and one sample claim per status."""
    path = tmp_path_factory.mktemp("app") / "store"
    store = open_store(str(path))
    try:
        report = ingest_sources(store, expand_sources([str(ROOT / "data" / "demo")]))
        assert report.articles == 12, report.summary()
        samples = {}
        for status in ("confirmed", "disputed", "speculative", "sourced"):
            records = claim_records(store, ClaimFilter(status=status), sort="position", limit=1)
            assert records, f"no {status} claim in the demo store"
            samples[status] = records[0]
    finally:
        store.close()
    return str(path), samples


@pytest.fixture(scope="module")
def demo_store(built: tuple[str, dict[str, dict]]) -> str:
    return built[0]


@pytest.fixture(scope="module")
def samples(built: tuple[str, dict[str, dict]]) -> dict[str, dict]:
    return built[1]


@pytest.fixture()
def app(demo_store: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CLAIMGRAPH_STORE", demo_store)

    def make(page: str = "overview", **params: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=30)
        at.query_params["page"] = page
        for name, value in params.items():
            at.query_params[name] = value
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return make


def _title(at: AppTest) -> str:
    """The page the app shows (its title)."""
    return at.title[0].value if at.title else ""


def _markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


# --- pure helpers -------------------------------------------------------------------------------

@pytest.mark.parametrize("hostile", HOSTILE)
def test_esc_leaves_no_markup(hostile: str) -> None:
    out = esc(hostile)
    assert "<" not in out and ">" not in out and '"' not in out
    assert not re.search(r"[$*`_\[\]#]", out.replace("&#", ""))


def test_highlight_escapes_text_and_wraps_spans() -> None:
    text = 'Intro.\nThe mayor said <script>x</script> "><img src=x onerror=alert(1)> could.\nEnd.'
    start = text.index("The")
    end = text.index("could.") + len("could.")
    spans = [
        {"role": "source", "start": start, "end": start + 9},
        {"role": "cue", "start": start + 10, "end": start + 14},
        {"role": "hedge", "start": text.index("could"), "end": text.index("could") + 5},
        {"role": "onclick", "start": start, "end": end},  # unknown role: ignored
        {"role": "cue", "start": 999, "end": 1000},  # outside the text: ignored
    ]
    left, right = paragraph_bounds(text, start, end)
    out = highlight_html(text, spans, left, right, claim=(start, end))
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;" in out and "&lt;img src=x onerror=alert(1)&gt;" in out
    assert '<mark class="claim"><mark class="source">The mayor</mark></mark>' in out
    assert '<mark class="cue">said</mark>' in out
    assert '<mark class="hedge">could</mark>' in out
    assert "onclick" not in out and "Intro" not in out and "End" not in out
    tags = re.findall(r"</?([a-z]+)", out)
    assert set(tags) <= {"div", "mark"}


def test_lists_escape_and_do_not_autolink() -> None:
    out = list_html([*HOSTILE, "copied from https://a.example/x"])
    assert "<script" not in out and "<img" not in out and "<a " not in out
    assert "https&#58;" in out or "https:" in out  # text, inside one HTML block (no autolink)
    assert out.startswith('<ul class="cg-list">') and "\n" not in out


def test_links_only_for_http_urls() -> None:
    assert "<a" not in link_html("javascript:alert(1)", "x")
    assert "<a" not in link_html('https://a.example/"onmouseover=alert(1)', "x")
    good = link_html("https://a.example/p?q=1", "<b>title</b>")
    assert good.startswith('<a href="https://a.example/p?q=1"') and "&lt;b&gt;" in good


def test_network_html_is_offline_and_inert(samples: dict[str, dict]) -> None:
    record = dict(samples["confirmed"])
    record["text"] = "<script>window.__xss=1</script>\"><img src=x onerror=alert(1)>"
    page = network_html(claim_network([record]))
    assert not re.search(r"<(script|link)[^>]+(src|href)=[\"']?(https?:)?//", page)
    assert "<script>window.__xss" not in page and "<img src=x" not in page
    assert neutralise("<b>") == "‹b›"
    assert strip_remote('<script src="https://cdn.example/x.js"></script>ok') == "ok"


# --- pages ----------------------------------------------------------------------------------------

def test_overview_counts_by_status(app) -> None:
    at = app("overview")
    labels = [m.label for m in at.metric]
    assert labels == ["Disputed", "Confirmed", "Speculative", "Sourced", "Unsourced"]
    assert sum(int(m.value) for m in at.metric) > 100
    assert "Claims over time, by status" in [s.value for s in at.subheader]


def test_claims_filter_to_speculative_then_open_one(app) -> None:
    at = app("claims")
    at.selectbox(key="claims_status").select("speculative").run()
    frame = at.dataframe[0].value
    assert len(frame) > 0 and set(frame["status"]) == {"speculative"}
    opener = at.selectbox(key="claims_open")
    opener.select(opener.options[0]).run()
    assert _title(at) == "Claim"
    assert "speculative" in _markdown(at)
    assert "Why this status" in [s.value for s in at.subheader]


def test_claim_page_shows_spans_and_reasons(app, samples: dict[str, dict]) -> None:
    claim = samples["confirmed"]
    at = app("claim", id=claim["id"])
    text = _markdown(at)
    assert 'class="cg-para"' in text and '<mark class="claim">' in text
    assert "confirmed" in text
    assert '<ul class="cg-list"><li>' in text  # the reasons, as an escaped list
    assert any("@prefix" in c.value for c in at.code), "the claim's Turtle is shown"


def test_unknown_claim_id_is_a_warning(app) -> None:
    at = app("claim", id="https://w3id.org/claimgraph/id/claim/nope")
    assert at.warning and "No claim" in at.warning[0].value
    at = app("claim", id='javascript:alert(1)"')
    assert at.info  # refused as an id, nothing rendered from it


def test_claims_filters_compose_and_paginate(app) -> None:
    at = app("claims")
    total = int(re.search(r"\*\*(\d+)\*\* claims match", _markdown(at)).group(1))
    assert total > 100 and len(at.dataframe[0].value) == 50
    def shown() -> set[tuple[str, str]]:
        frame = at.dataframe[0].value
        return set(zip(frame["claim"], frame["outlet"], strict=True))

    first_page = shown()
    at.number_input(key="claims_page").set_value(3).run()
    assert len(at.dataframe[0].value) == total - 100
    assert not first_page & shown()
    at.selectbox(key="claims_outlet").select("Harbor Times").run()
    frame = at.dataframe[0].value
    assert set(frame["outlet"]) == {"Harbor Times"}
    at.text_input(key="claims_text").input("toll").run()
    frame = at.dataframe[0].value
    assert len(frame) >= 1 and all("toll" in t.lower() for t in frame["claim"])


def test_claims_entity_and_date_filters(app) -> None:
    import datetime as dt

    at = app("claims", entity="Meridian Works")
    assert at.selectbox(key="claims_entity").value == "Meridian Works"
    frame = at.dataframe[0].value
    assert all("Meridian Works" in e for e in frame["entities"])
    at.date_input(key="claims_dates").set_value((dt.date(2026, 3, 8), dt.date(2026, 3, 8))).run()
    frame = at.dataframe[0].value
    assert len(frame) > 0 and set(frame["published"]) == {"2026-03-08"}


def test_entity_and_outlet_pages(app) -> None:
    at = app("entity", name="Meridian Works")
    assert any("Meridian Works" in m.value for m in at.markdown)
    assert sum(int(m.value) for m in at.metric) == len(at.dataframe[0].value)
    at = app("outlet", domain="coastalwire.example")
    subheaders = [s.value for s in at.subheader]
    assert subheaders[:2] == ["Copies from", "Copied by"]
    assert "harbortimes.example" in set(at.dataframe[0].value["domain"])  # copies from
    at = app("outlet", domain="harbortimes.example")
    assert "coastalwire.example" in set(at.dataframe[0].value["domain"])  # copied by
    at.selectbox(key="outlet_open_copied_by").select("coastalwire.example").run()
    assert at.query_params["domain"] == "coastalwire.example"


def test_graph_page_builds_an_offline_network(app) -> None:
    at = app("graph")
    at.selectbox(key="graph_status").select("disputed").run()
    at.slider(key="graph_limit").set_value(10).run()
    options = at.selectbox(key="graph_open").options
    assert any(o.startswith("Claim: ") for o in options)
    assert any(o.startswith("Outlet: ") for o in options)
    at.selectbox(key="graph_open").select_index(0).run()
    assert _title(at) in ("Claim", "Outlet", "Entity", "Claims")


def test_sparql_console_runs_examples_and_refuses_updates(app) -> None:
    at = app("sparql")
    at.selectbox(key="sparql_example").select_index(0).run()
    at.button(key="sparql_run").click().run()
    assert at.success and "rows" in at.success[0].value
    assert len(at.dataframe[0].value) >= 2
    at.text_area(key="sparql_query").input(
        "INSERT DATA { <urn:x> <urn:y> <urn:z> }").run()
    at.button(key="sparql_run").click().run()
    assert at.error and "refused" in at.error[0].value
    assert not at.dataframe


def test_review_changes_status_and_can_be_withdrawn(app, samples: dict[str, dict]) -> None:
    claim = samples["speculative"]
    at = app("review", id=claim["id"])
    at.selectbox(key="review_rating").select("False")
    at.text_input(key="review_reviewer").input("Test Reviewer")
    at.text_input(key="review_url").input("https://evidence.example/report")
    at.text_area(key="review_note").input("Checked <b>the</b> minutes.")
    at.button(key="review_submit").click().run()
    assert not at.error, [e.value for e in at.error]
    assert "disputed" in _markdown(at)
    assert "rated false by fact-checker Test Reviewer" in _markdown(at)
    assert at.dataframe[-1].value["state"].tolist() == ["Published"]
    at.selectbox(key="review_withdraw_pick").select_index(0).run()
    at.button(key="review_withdraw").click().run()
    assert at.dataframe[-1].value["state"].tolist() == ["Withdrawn"]
    assert "speculative" in _markdown(at)


def test_review_requires_a_reviewer(app, samples: dict[str, dict]) -> None:
    at = app("review", id=samples["sourced"]["id"])
    at.button(key="review_submit").click().run()
    assert at.error and "reviewer" in at.error[0].value


def test_ingest_upload_and_refused_urls(app, tmp_path: Path) -> None:
    at = app("ingest")
    at.text_area(key="ingest_urls").input("/etc/passwd\nnot a url").run()
    at.button(key="ingest_run").click().run()
    frame = at.dataframe[-1].value
    assert frame["ok"].tolist() == [False, False]
    assert set(frame["result"]) == {"not an http(s) URL"}


def test_ingest_fields_describe_one_article(app) -> None:
    at = app("ingest")
    at.text_input(key="ingest_given_url").input("/home/ann/story.html").run()
    at.text_area(key="ingest_urls").input("https://a.example/x").run()
    at.button(key="ingest_run").click().run()
    assert at.error and "not an http(s) URL" in at.error[0].value
    at.text_input(key="ingest_given_url").input("").run()
    at.text_input(key="ingest_given_title").input("Told title").run()
    at.text_area(key="ingest_urls").input("https://a.example/x\nhttps://b.example/y").run()
    at.button(key="ingest_run").click().run()
    frame = at.dataframe[-1].value
    assert frame["ok"].tolist() == [False]
    assert "describe one file or stdin only" in frame["result"][0]


def test_an_upload_is_stored_without_its_temporary_path(tmp_path: Path) -> None:
    """What the Ingest page does with an upload: no path of the upload folder in any export."""
    from graph.model import GivenMetadata
    from graph.queries.export import export
    from graph.sources.inputs import Source
    from graph.ui.uploads import given_metadata, write_uploads

    class Upload:
        name = "council notes.txt"

        def getvalue(self) -> bytes:
            return (b"The harbor council said on Monday that the bridge will close for repairs "
                    b"next week.\n\nOfficials confirmed the detour, the mayor said.\n")

    folder = tmp_path / "claimgraph-uploads"
    names = write_uploads([Upload()], folder)
    given = given_metadata("", "Council notes", "", "", date(2026, 3, 2), Upload.name)
    assert given == GivenMetadata(title="Council notes", published=date(2026, 3, 2),
                                  source_file="council notes.txt")
    with open_store(str(tmp_path / "store"), create=True) as store:
        report = graph.ingest(store, [Source(path) for path in names], given=given)
        assert report.articles == 1 and report.items[0].url.startswith("urn:claimgraph:")
        (record,) = {r["article"]: r for r in graph.claims(store)}.values()
        assert (record["published"], record["published_source"]) == ("2026-03-02", "user")
        for fmt in ("turtle", "nquads", "jsonld", "csv"):
            out = export(store, fmt).decode("utf-8")
            assert str(folder) not in out and "file://" not in out, fmt
        assert "council notes.txt" in export(store, "turtle").decode("utf-8")


def test_ingest_results_say_when_a_page_was_not_analysed() -> None:
    from graph.pipeline.batch import ItemResult
    from graph.ui.uploads import item_outcome

    german = ItemResult("kaiblatt.html", True, "https://kaiblatt.example/a", 6,
                        unanalysed_language="de")
    assert item_outcome(german) == ("ok: https://kaiblatt.example/a "
                                    "(language de not supported: not analysed)")
    assert item_outcome(ItemResult("x.html", False, error="no article text found")) == (
        "no article text found")


def test_export_whole_graph_and_filter(app) -> None:
    at = app("claims")
    at.selectbox(key="claims_status").select("disputed").run()
    at.query_params["page"] = "export"
    at.run()
    at.radio(key="export_scope").set_value("filter").run()
    assert any("status = disputed" in t.value for t in at.text)
    at.selectbox(key="export_format").select("csv").run()
    at.button(key="export_prepare").click().run()

    def size() -> int:
        sizes = [c.value for c in at.caption if c.value.endswith(" bytes")]
        assert sizes, "no prepared export"
        return int(sizes[0].removesuffix(" bytes").replace(",", ""))

    filtered = size()
    at.radio(key="export_scope").set_value("all").run()
    at.button(key="export_prepare").click().run()
    assert 0 < filtered < size()


def test_store_open_failure_is_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv("CLAIMGRAPH_STORE", str(blocker))
    at = AppTest.from_file(APP, default_timeout=30)
    at.run()
    assert not at.exception
    assert at.error and "not a directory" in at.error[0].value


def test_sidebar_claim_reopens_the_last_claim(app) -> None:
    at = app("claims")
    opener = at.selectbox(key="claims_open")
    opener.select(opener.options[0]).run()
    opened = at.query_params["id"]
    at.query_params.clear()  # a sidebar link carries no query parameters
    at.switch_page("graph/ui/pages/overview.py").run()
    assert _title(at) == "Overview" and "id" not in at.query_params
    at.switch_page("graph/ui/pages/claim.py").run()
    assert at.query_params["id"] == opened
    assert "Why this status" in [s.value for s in at.subheader]


def test_the_same_upload_is_saved_at_the_same_path(tmp_path: Path) -> None:
    from graph.ui.uploads import write_uploads

    class Upload:
        def __init__(self, name: str, data: bytes) -> None:
            self.name, self.data = name, data

        def getvalue(self) -> bytes:
            return self.data

    first = write_uploads([Upload("story.html", b"<html>a</html>")], tmp_path)
    again = write_uploads([Upload("story.html", b"<html>a</html>")], tmp_path)
    other = write_uploads([Upload("story.html", b"<html>b</html>")], tmp_path)
    assert list(first) == list(again) and list(first) != list(other)
    assert Path(next(iter(first))).read_bytes() == b"<html>a</html>"


def test_overview_says_how_many_unsourced_claims_were_not_analysed(tmp_path: Path,
                                                                   monkeypatch) -> None:
    from tests.conftest import ROOT

    store_dir = tmp_path / "store"
    with open_store(str(store_dir)) as store:
        ingest_sources(store, expand_sources([
            str(ROOT / "tests" / "fixtures" / "hostile" / "german-article.html"),
            str(ROOT / "data" / "demo" / "02-harbor-times-report.html")]))
        unanalysed = len(claim_records(store, ClaimFilter(
            article="https://kaiblatt.example/2026/03/06/hafenbruecke"), limit=None))
    monkeypatch.setenv("CLAIMGRAPH_STORE", str(store_dir))
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["page"] = "overview"
    at.run()
    assert not at.exception
    assert any(f"Of the unsourced, {unanalysed} come from pages in a language" in c.value
               for c in at.caption), [c.value for c in at.caption]


def test_worker_processes_after_the_app_ran_in_this_process(app, tmp_path) -> None:
    """AppTest leaves app.py as this process's ``__main__``; worker processes import it, and
    must not open the store or draw anything when they do."""
    app("overview")
    with open_store(str(tmp_path / "store")) as store:
        report = ingest_sources(store, expand_sources([str(ROOT / "data" / "demo")]), workers=2)
    assert report.articles == 12 and not report.failures

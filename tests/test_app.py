"""The Streamlit workbench, in process (AppTest), on a store built once from data/demo."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from graph.ingest import expand_sources
from graph.pipeline import ingest_sources
from graph.queries import ClaimFilter, claim_records
from graph.store import open_store
from graph.ui.html import esc, highlight_html, link_html, neutralise, paragraph_bounds
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
    assert at.query_params["page"] == "claim"
    assert "speculative" in _markdown(at)
    assert "Why this status" in [s.value for s in at.subheader]


def test_claim_page_shows_spans_and_reasons(app, samples: dict[str, dict]) -> None:
    claim = samples["confirmed"]
    at = app("claim", id=claim["id"])
    text = _markdown(at)
    assert 'class="cg-para"' in text and '<mark class="claim">' in text
    assert "confirmed" in text
    assert "- " in text  # the reasons list
    assert any("@prefix" in c.value for c in at.code), "the claim's Turtle is shown"


def test_unknown_claim_id_is_a_warning(app) -> None:
    at = app("claim", id="https://w3id.org/claimgraph/id/claim/nope")
    assert at.warning and "No claim" in at.warning[0].value
    at = app("claim", id='javascript:alert(1)"')
    assert at.info  # refused as an id, nothing rendered from it

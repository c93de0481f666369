"""The workbench in a real browser (Chromium via Playwright), fully offline.

One Streamlit server per module, on a store built from data/demo; every request that leaves
loopback is blocked and recorded, and the tests assert none was attempted.
"""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.conftest import need

pytestmark = pytest.mark.browser
log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
TIMEOUT_MS = 30_000
HOSTILE_SCRIPT = "<script>window.__xss=1</script>"
HOSTILE_IMG = '"><img src=x onerror="window.__xss=1">'
STORY = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title}</title><meta property="og:site_name" content="{outlet}">
<meta name="author" content="Test Writer">
<meta property="article:published_time" content="2026-03-11T09:00:00Z">
<link rel="canonical" href="{url}"></head><body><article><h1>{title}</h1>
{paragraphs}</article></body></html>"""


def article_html(title: str, outlet: str, url: str, sentences: list[str]) -> str:
    """A small fictional article; ``title``/``outlet``/sentences are HTML-escaped as text."""
    from html import escape

    body = "\n".join(f"<p>{escape(s)}</p>" for s in sentences)
    return STORY.format(title=escape(title), outlet=escape(outlet), url=url, paragraphs=body)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_demo_store(path: Path) -> dict[str, str]:
    """Ingest data/demo into ``path``; returns one claim IRI per status (store closed)."""
    from graph.pipeline.batch import ingest_sources
    from graph.queries.claims import claim_records
    from graph.queries.filters import ClaimFilter
    from graph.sources.inputs import expand_sources
    from graph.store.open import open_store

    with open_store(str(path)) as store:
        ingest_sources(store, expand_sources([str(ROOT / "data" / "demo")]))
        return {status: claim_records(store, ClaimFilter(status=status), sort="position",
                                      limit=1)[0]["id"]
                for status in ("confirmed", "speculative", "disputed")}


@contextmanager
def streamlit_server(store: Path, timeout_s: float = 60.0) -> Iterator[str]:
    """``streamlit run app.py`` on a free loopback port; yields the base URL."""
    port = _free_port()
    env = {**os.environ, "CLAIMGRAPH_STORE": str(store)}
    command = [str(Path(sys.executable).parent / "streamlit"), "run", str(ROOT / "app.py"),
               "--server.headless", "true", "--server.port", str(port),
               "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none"]  # others edit the sources meanwhile
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"streamlit exited: {process.stdout.read().decode()[-2000:]}")
            try:
                with urllib.request.urlopen(base + "/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("streamlit did not become healthy")
            time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def chromium_path() -> str:
    need(Path(CHROMIUM).exists(), f"chromium not installed at {CHROMIUM}")
    return CHROMIUM


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, chromium_path: str):
    store = tmp_path_factory.mktemp("browser") / "store"
    samples = build_demo_store(store)
    with streamlit_server(store) as base:
        yield base, samples


@pytest.fixture(scope="module")
def browser(chromium_path: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def offline_context(browser, blocked: list[str], **options):
    """A browser context that aborts (and records) every request leaving loopback."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, **options)

    def guard(route) -> None:
        url = route.request.url
        host = urlsplit(url).hostname or ""
        if url.startswith(("data:", "blob:", "about:")) or host in LOOPBACK:
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    context.route("**/*", guard)
    return context


@pytest.fixture()
def page(browser, server, request: pytest.FixtureRequest, tmp_path: Path):
    blocked: list[str] = []
    context = offline_context(browser, blocked, accept_downloads=True)
    tab = context.new_page()
    tab.set_default_timeout(TIMEOUT_MS)
    failed_before = request.session.testsfailed
    yield tab
    if request.session.testsfailed > failed_before:  # keep what the browser showed
        shot = tmp_path / "failure.png"
        tab.screenshot(path=str(shot), full_page=True)
        log.warning("screenshot of the failure: %s", shot)
    context.close()
    assert blocked == [], f"requests left loopback: {blocked}"


# --- helpers that drive Streamlit widgets by key ---------------------------------------------

def open_page(tab, base: str, query: str = "") -> None:
    tab.goto(f"{base}/{query}")
    tab.wait_for_selector('[data-testid="stSidebar"]')
    tab.wait_for_selector('[data-testid="stMainBlockContainer"] h1')


def open_claim(tab, key: str, prefix: str = "") -> list[str]:
    """Pick the first option of the claim selectbox ``key`` (starting with ``prefix``) and wait
    for the claim page; a rerun landing between the click and the navigation can swallow the
    click, so the pick is retried. Returns the option labels seen."""
    for _ in range(3):
        options = open_options(tab, key)
        labels = options.all_inner_texts()
        options.filter(has_text=prefix).first.click()
        try:
            tab.wait_for_url("**/claim?id=http*", timeout=TIMEOUT_MS // 3)
        except PlaywrightTimeout:
            log.info("no navigation after picking in %s; picking again", key)
            tab.keyboard.press("Escape")
            settle(tab)
            continue
        wait_claim_page(tab)
        return labels
    raise AssertionError(f"picking a claim in {key} never opened the claim page")


def wait_claim_page(tab) -> None:
    """After opening a claim: its URL carries the claim IRI, and the sentence is shown. Under
    heavy load a rerun can swallow the first render; the URL alone must then reopen it."""
    tab.wait_for_url("**/claim?id=http*")
    try:
        tab.locator(".cg-para").wait_for(timeout=TIMEOUT_MS // 2)
    except PlaywrightTimeout:
        log.info("claim page not drawn yet; reloading %s", tab.url)
        tab.reload()
        tab.locator(".cg-para").wait_for()


def settle(tab) -> None:
    """Wait for Streamlit's rerun to finish (no running indicator, no stale elements)."""
    tab.wait_for_timeout(300)
    tab.wait_for_function(
        "!document.querySelector('[data-testid=stStatusWidget] [data-testid=stStopButton]')"
        " && !document.querySelector('[data-stale=true]')")


def open_options(tab, key: str):
    """Open the selectbox with ``key`` (retrying while a rerun replaces it); its options."""
    listbox = tab.locator("[role=listbox][aria-label]").filter(has=tab.get_by_role("option"))
    for _ in range(6):
        tab.locator(f".st-key-{key} [role=combobox]").click()
        try:
            listbox.first.wait_for(timeout=4000)
            return listbox.first.get_by_role("option")
        except PlaywrightTimeout:
            tab.keyboard.press("Escape")
            settle(tab)
    raise AssertionError(f"selectbox {key} did not open")


def choose(tab, key: str, option: str) -> None:
    """Pick ``option`` (exact text, or a prefix ending in '*') in the selectbox with ``key``."""
    options = open_options(tab, key)
    if option.endswith("*"):
        options.filter(has_text=option[:-1]).first.click()
    else:
        options.get_by_text(option, exact=True).first.click()
    settle(tab)


def wait_text(tab, text: str) -> None:
    tab.get_by_text(text).first.wait_for()


def click_until(tab, key: str, text: str, attempts: int = 3) -> None:
    """Click the button with ``key`` until ``text`` shows (a click during a rerun is lost)."""
    for attempt in range(attempts):
        settle(tab)
        tab.locator(f".st-key-{key} button").click()
        try:
            tab.get_by_text(text).first.wait_for(timeout=TIMEOUT_MS // attempts)
            return
        except PlaywrightTimeout:
            log.info("no %r after clicking %s (attempt %d)", text, key, attempt + 1)
    raise AssertionError(f"clicking {key} never showed {text!r}")


def no_xss(tab) -> None:
    assert tab.evaluate("typeof window.__xss") == "undefined"
    for frame in tab.frames:
        assert frame.evaluate("typeof window.__xss") == "undefined"


def pill(tab) -> str:
    return tab.locator(".cg-pill").first.inner_text()


# --- tests ----------------------------------------------------------------------------------

def test_overview_loads_offline(page, server) -> None:
    base, _ = server
    open_page(page, base)
    wait_text(page, "Claims over time, by status")
    page.locator('[data-testid="stMetric"]').first.wait_for()
    assert page.locator('[data-testid="stMetric"]').count() == 5
    page.locator('[data-testid="stVegaLiteChart"], .vega-embed').first.wait_for()


@pytest.mark.parametrize("status", ["speculative", "confirmed"])
def test_filter_claims_and_open_one(page, server, status: str) -> None:
    base, _ = server
    open_page(page, base, "?page=claims")
    choose(page, "claims_status", status)
    labels = open_claim(page, "claims_open")
    assert labels and all(label.startswith(f"[{status}]") for label in labels)
    assert pill(page) == status
    wait_text(page, "Why this status")
    assert page.locator(".cg-para mark.claim").count() >= 1


def test_shared_claim_url_reopens_the_claim(page, server) -> None:
    base, samples = server
    open_page(page, base, f"?page=claim&id={quote(samples['disputed'], safe='')}")
    page.locator(".cg-para").wait_for()
    assert pill(page) == "disputed"
    wait_text(page, "Provenance chain")


def test_review_changes_the_status(page, server) -> None:
    base, samples = server
    open_page(page, base, f"?page=review&id={quote(samples['speculative'], safe='')}")
    assert pill(page) == "speculative"
    choose(page, "review_rating", "False")
    page.locator(".st-key-review_reviewer input").fill("Browser Reviewer")
    page.locator(".st-key-review_url input").fill("https://checkdesk.example/2026/council")
    page.locator(".st-key-review_note textarea").fill("Contradicted by the council minutes.")
    click_until(page, "review_submit", "Review recorded", attempts=1)
    page.wait_for_function(
        "document.querySelector('.cg-pill') && "
        "document.querySelector('.cg-pill').innerText === 'disputed'")
    wait_text(page, "rated false by fact-checker Browser Reviewer")


def test_trig_export_parses(page, server, tmp_path: Path) -> None:
    from rdflib import Dataset

    base, _ = server
    open_page(page, base, "?page=export")
    choose(page, "export_format", "TriG (named graphs)")
    click_until(page, "export_prepare", "bytes")
    button = page.locator(".st-key-export_download button")
    with page.expect_download() as info:
        button.click()
    target = tmp_path / "export.trig"
    info.value.save_as(target)
    dataset = Dataset()
    dataset.parse(target, format="trig")
    assert len(list(dataset.graphs())) > 12
    assert len(dataset) > 1000 or sum(len(g) for g in dataset.graphs()) > 1000


CLICKABLE_NODE = """
(kind) => {
  const net = window.cgNetwork, links = window.cgLinks;
  if (!net) return null;
  net.stopSimulation();
  net.fit({animation: false});  // the same view the app's own (delayed) fit will settle on
  const positions = net.getPositions();
  const box = document.getElementById("mynetwork").getBoundingClientRect();
  for (const id of Object.keys(links)) {
    if (!links[id].startsWith("?page=" + kind + "&")) continue;
    const dom = net.canvasToDOM(positions[id]);
    if (net.getNodeAt(dom) === id) {
      return {id: id, x: box.left + dom.x, y: box.top + dom.y, link: links[id]};
    }
  }
  return null;
}
"""


def test_graph_renders_and_a_node_click_opens_its_page(page, server) -> None:
    base, _ = server
    open_page(page, base, "?page=graph")
    frame_element = page.locator("iframe").first
    frame_element.wait_for()
    frame = frame_element.element_handle().content_frame()
    frame.wait_for_function("window.cgNetwork !== undefined")
    frame.wait_for_selector("canvas")
    time.sleep(3.0)  # let the layout and the app's delayed fit settle before clicking
    target = frame.evaluate(CLICKABLE_NODE, "claim")
    assert target is not None, "no claim node could be clicked"
    box = frame_element.bounding_box()
    page.mouse.click(box["x"] + target["x"], box["y"] + target["y"])
    page.wait_for_url("**/claim?*", wait_until="commit")
    wait_text(page, "Why this status")
    page.locator(".cg-para").wait_for()


def _ingest(tab, base: str, files: list[Path]) -> None:
    open_page(tab, base, "?page=ingest")
    tab.locator(".st-key-ingest_files input[type=file]").set_input_files([str(f) for f in files])
    tab.locator(".st-key-ingest_files").get_by_text(files[-1].name).wait_for()
    click_until(tab, "ingest_run", "items ingested")


def test_ingest_an_uploaded_html_file(page, server, tmp_path: Path) -> None:
    base, _ = server
    story = tmp_path / "ferry-story.html"
    story.write_text(article_html(
        "Ferry schedule to change during bridge works", "Quay Review",
        "https://quayreview.example/2026/03/11/ferry",
        ["BlueGull Lines said it will add two extra ferry crossings each weekday.",
         "The ferry terminal on Front Street reopened on March 9."]), encoding="utf-8")
    _ingest(page, base, [story])
    wait_text(page, "1 of 1 items ingested")
    open_page(page, base, "?page=outlet&domain=quayreview.example")
    wait_text(page, "Quay Review")


def test_upload_a_text_file_with_what_the_user_says(page, server, tmp_path: Path) -> None:
    base, _ = server
    story = tmp_path / "ferry-notes.txt"
    story.write_text("BlueGull Lines said it will add two extra ferry crossings each weekday "
                     "from April.\n\nThe ferry terminal on Front Street reopened on Monday, "
                     "officials said.\n", encoding="utf-8")
    open_page(page, base, "?page=ingest")
    page.locator(".st-key-ingest_files input[type=file]").set_input_files([str(story)])
    page.locator(".st-key-ingest_files").get_by_text(story.name).wait_for()
    page.get_by_text("About this article").first.click()
    for key, value in (("url", "https://quaynotes.example/ferry"), ("outlet", "Quay Notes"),
                       ("title", "Ferry notes")):
        box = page.locator(f".st-key-ingest_given_{key} input")
        box.fill(value)
        box.press("Enter")
    click_until(page, "ingest_run", "items ingested")
    wait_text(page, "1 of 1 items ingested")
    open_page(page, base, "?page=outlet&domain=quaynotes.example")
    wait_text(page, "Quay Notes")


def test_hostile_article_is_shown_as_text(page, server, tmp_path: Path) -> None:
    base, _ = server
    story = tmp_path / "hostile.html"
    story.write_text(article_html(
        f"Harbor rumours {HOSTILE_SCRIPT}", f"Hostile {HOSTILE_IMG} Post",
        "https://hostile.example/2026/03/11/rumours",
        [f"The mayor said {HOSTILE_SCRIPT} the harbor ferry will stop running in May.",
         f"Officials confirmed {HOSTILE_IMG} that the ferry fares will rise by 10 percent."]),
        encoding="utf-8")
    _ingest(page, base, [story])
    open_page(page, base, "?page=claims")
    page.locator(".st-key-claims_text input").fill("__xss")
    page.locator(".st-key-claims_text input").press("Enter")
    page.wait_for_function(
        "[...document.querySelectorAll('p')].some(p => /^[12] claims match/.test(p.innerText))")
    no_xss(page)
    open_claim(page, "claims_open", "[")
    para = page.locator(".cg-para").inner_text()
    assert "window.__xss=1" in para and "<" in para  # shown as text, not run
    assert page.locator(".cg-para script, .cg-para img").count() == 0
    no_xss(page)
    for query in ("", "?page=graph", "?page=outlet&domain=hostile.example"):
        open_page(page, base, query)
        page.wait_for_timeout(800)
        no_xss(page)

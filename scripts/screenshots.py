"""Take the README screenshots: overview, filtered claims, a claim page, the graph.

Usage: .venv/bin/python scripts/screenshots.py [OUT_DIR]   (default docs/screenshots)
Builds a demo store in a temporary folder, starts the app like the browser tests do, and
drives Chromium offline.
"""

from __future__ import annotations

import logging
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_browser import (  # noqa: E402 - the tests' server and widget helpers
    CHROMIUM,
    CHROMIUM_ARGS,
    build_demo_store,
    choose,
    open_page,
    settle,
    streamlit_server,
)

log = logging.getLogger("screenshots")


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        samples = build_demo_store(store)
        with streamlit_server(store) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            tab = browser.new_page(viewport={"width": 1400, "height": 1000})
            tab.set_default_timeout(60_000)

            open_page(tab, base)
            tab.locator(".vega-embed, [data-testid=stVegaLiteChart]").first.wait_for()
            settle(tab)
            tab.screenshot(path=str(out / "overview.png"), full_page=True)

            open_page(tab, base, "?page=claims")
            choose(tab, "claims_status", "speculative")
            tab.screenshot(path=str(out / "claims-speculative.png"))

            open_page(tab, base, f"?page=claim&id={samples['disputed']}")
            tab.locator(".cg-para").wait_for()
            tab.locator("iframe").first.wait_for()
            tab.wait_for_timeout(2500)
            tab.screenshot(path=str(out / "claim.png"), full_page=True)

            open_page(tab, base, "?page=graph")
            tab.locator("iframe").first.wait_for()
            tab.wait_for_timeout(5000)  # let the layout settle
            tab.screenshot(path=str(out / "graph.png"), full_page=True)
            browser.close()
    log.info("screenshots written to %s", out)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")

"""Time the app's first render of the Overview and Claims pages on a store, cold (a fresh
AppTest per page, so no Streamlit cache is warm). Prints a table, then one JSON line.

    python scripts/bench_first_render.py STORE_DIR

Build a large store first with scripts/synth_store.py (e.g. --triples 6000000: ~92k claims).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent


def first_render_ms(store: str, page: str) -> float:
    os.environ["CLAIMGRAPH_STORE"] = store
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.query_params["page"] = page
    started = time.perf_counter()
    app.run()
    elapsed = (time.perf_counter() - started) * 1000
    if app.exception:
        raise SystemExit(f"{page}: the app raised {app.exception[0].message}")
    return elapsed


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    store = sys.argv[1]
    result = {page: round(first_render_ms(store, page)) for page in ("claims", "overview")}
    for page, ms in result.items():
        print(f"{page:10s} first render {ms:6d} ms")
    print(json.dumps({"store": store, "first_render_ms": result}))


if __name__ == "__main__":
    main()

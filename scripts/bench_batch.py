"""Ingest N synthetic pages with a worker pool into a fresh store and sample RSS; last line JSON.

    .venv/bin/python scripts/bench_batch.py 10000 --workers 2 --work-dir /tmp/batch10k

The same run as the `batch` part of `claimgraph bench`, without the other parts.
"""

from __future__ import annotations

import argparse
import json
import shutil
import time
from pathlib import Path

from graph.bench import DEMO
from graph.bench.ingest import peak_rss_mb, run_batch


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", type=int)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--work-dir", type=Path, required=True,
                        help="emptied first; holds the pages and the store")
    args = parser.parse_args()
    shutil.rmtree(args.work_dir, ignore_errors=True)
    result = run_batch(sorted(DEMO.glob("*.html")), args.pages, args.work_dir, args.workers,
                       lambda line: print(time.strftime("%H:%M:%S"), line, flush=True))
    result["peak_rss_mb"] = round(peak_rss_mb(), 1)
    print(json.dumps(result))


if __name__ == "__main__":  # the worker pool re-imports this file
    main()

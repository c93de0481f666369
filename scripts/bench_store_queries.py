"""Time the app's queries (graph/bench/queries.py) on an existing store; last line is JSON.

    .venv/bin/python scripts/synth_store.py /tmp/s1m --triples 1000000
    .venv/bin/python scripts/bench_store_queries.py /tmp/s1m --reps 7
"""

from __future__ import annotations

import argparse
import json

from graph.bench.queries import time_queries
from graph.store.open import open_store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", help="store spec: a directory, memory, or sparql:URL")
    parser.add_argument("--reps", type=int, default=7, help="timed runs per query")
    args = parser.parse_args()
    with open_store(args.store) as store:
        claims = store.select("SELECT (COUNT(*) AS ?n) WHERE { ?c a <http://schema.org/Claim> }")
        timings = time_queries(store, args.reps, echo=print, budget_s=30.0)
        result = {"store_triples": store.triple_count(), "store_claims": int(claims[0]["n"]),
                  "query_p50_ms": {k: v["p50"] for k, v in timings.items()},
                  "query_p95_ms": {k: v["p95"] for k, v in timings.items()}}
    print(json.dumps(result))


if __name__ == "__main__":
    main()

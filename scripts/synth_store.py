"""Build a synthetic claimgraph store of realistic shape (see graph/bench/synth.py).

    .venv/bin/python scripts/synth_store.py /tmp/big-store --triples 1000000 --workers 2
    .venv/bin/claimgraph claims --store /tmp/big-store --limit 5
"""

from __future__ import annotations

import argparse
import logging
import time

from graph.bench import synth
from graph.store.open import open_store

log = logging.getLogger("synth_store")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", help="directory of the embedded Oxigraph store to create")
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    spec = synth.SynthSpec(synth.articles_for(args.triples), seed=args.seed)
    start = time.perf_counter()
    with open_store(args.store) as store:
        if store.triple_count():
            parser.error(f"{args.store} is not empty")
        triples = synth.load_oxigraph(store, spec, args.workers)
    log.info("%s: %d articles, %d triples in %.1f s", args.store, spec.articles, triples,
             time.perf_counter() - start)


if __name__ == "__main__":
    main()

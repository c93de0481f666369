"""Query benchmarks: the app's queries (graph/queries/) timed on a synthetic store."""

from __future__ import annotations

import logging
import random
import statistics
import time
from collections.abc import Callable

from graph.bench import synth
from graph.queries.claims import claim_records, status_counts
from graph.queries.detail import claim_detail
from graph.queries.filters import ClaimFilter
from graph.store.claim_store import ClaimStore

log = logging.getLogger(__name__)

GRAPH_LIMIT = 30  # graph/ui/graph_page.py's default


def graph_view(store: ClaimStore) -> list[dict]:
    """What the Graph page reads at its default node limit (30): the most check-worthy
    claims with their entities and links."""
    return claim_records(store, ClaimFilter(), sort="check_worthiness", limit=GRAPH_LIMIT)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def sample_claims(store: ClaimStore, count: int, seed: int = 3) -> list[str]:
    rows = store.select(
        "SELECT ?c WHERE { ?c a <http://schema.org/Claim> } LIMIT 5000"
    )
    rng = random.Random(seed)
    iris = [row["c"] for row in rows]
    return rng.sample(iris, min(count, len(iris)))


def app_queries(store: ClaimStore, reps: int) -> dict[str, Callable[[int], object]]:
    """Each app query as a function of the repetition number (parameters vary by rep)."""
    claims = sample_claims(store, reps)
    outlets = synth.some_outlets()
    popular = synth.popular_entities()
    statuses = ["confirmed", "disputed", "speculative", "sourced"]

    def entity(i: int) -> str:
        return popular[i % len(popular)] if i % 2 == 0 else synth.tail_entity()

    return {
        "status_counts": lambda i: status_counts(store),
        "claims_page": lambda i: claim_records(store, ClaimFilter(), limit=50),
        "claims_page_filtered": lambda i: claim_records(
            store, ClaimFilter(status=statuses[i % 4], outlet=outlets[i % len(outlets)]),
            limit=50),
        "claim_page": lambda i: claim_detail(store, claims[i % len(claims)]),
        "entity_page": lambda i: claim_records(store, ClaimFilter(entity=entity(i)), limit=50),
        "graph_view": lambda i: graph_view(store),
    }


def time_queries(store: ClaimStore, reps: int, echo: Callable[[str], None] | None = None,
                 budget_s: float = 10.0) -> dict[str, dict[str, float]]:
    """p50 / p95 milliseconds per app query; the first call of each is a warm-up, not timed.

    A query stops repeating after ``budget_s`` seconds (at least 3 timed runs), so that a slow
    query does not take the whole benchmark; ``runs`` says how many were timed."""
    result: dict[str, dict[str, float]] = {}
    queries = app_queries(store, reps)
    for name, run in queries.items():
        start = time.perf_counter()
        rows = run(0)
        warm = (time.perf_counter() - start) * 1000
        times: list[float] = [warm] if warm > budget_s * 1000 else []  # too slow to repeat
        runs = 0 if times else reps
        for i in range(runs):
            start = time.perf_counter()
            rows = run(i)
            times.append((time.perf_counter() - start) * 1000)
            if len(times) >= 3 and sum(times) > budget_s * 1000:
                break
        result[name] = {
            "p50": round(statistics.median(times), 2),
            "p95": round(_percentile(times, 0.95), 2),
            "rows": len(rows) if isinstance(rows, list | dict) else int(rows is not None),
            "runs": len(times),
        }
        if echo is not None:
            echo(f"  {name:<22} p50 {result[name]['p50']:>9.1f} ms   "
                 f"p95 {result[name]['p95']:>9.1f} ms   ({len(times)} runs)")
    return result

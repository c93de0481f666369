"""Verified-claim retrieval on CLEF CheckThat! 2020 task 2 (tweets vs Snopes claims), MAP@5.

Layout of DIR: ``verified_claims.docs.tsv`` (header: id, vclaim, title),
``SPLIT/tweets.queries.tsv`` (id, tweet_content), ``SPLIT/tweet-vclaim-pairs.qrels``
(TREC: query 0 vclaim relevance).

Retrieval is the product's: FTS5 BM25 over vclaim + title with the corroboration tokens,
re-ranked by IDF cosine and shared figures (:mod:`graph.corroborate.retrieval`).

MAP@5 follows the task's scorer: per query, average precision over the top 5 with the number
of relevant documents as denominator, capped at 5 (``min(|relevant|, 5)``); queries without a
relevant document are not in the qrels and are skipped; a query with no hit scores 0.
In this data all but a handful of queries have exactly one relevant claim, so the cap hardly
matters (MAP@5 is then the mean reciprocal rank within the top 5).

Run: ``python -m graph.evaluate.matching ../shared/eval/checkthat2020-t2 --split dev``
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

from graph.corroborate import text as tx
from graph.corroborate.retrieval import RetrievalWeights, TextRetriever

log = logging.getLogger(__name__)

K = 5
_URL = re.compile(r"https?://\S+|pic\.twitter\.com/\S+|\bt\.co/\S+")


def _read_tsv(path: Path) -> tuple[list[str], list[list[str]]]:
    csv.field_size_limit(sys.maxsize)
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh, delimiter="\t")
        header = next(reader)
        return header, [row for row in reader if row]


def load_claims(root: Path) -> list[tuple[str, str, str]]:
    """(id, vclaim, title) rows, columns found by header name."""
    header, rows = _read_tsv(root / "verified_claims.docs.tsv")
    names = [h.strip().lower() for h in header]
    i_claim, i_title = names.index("vclaim"), names.index("title")
    i_id = names.index("id") if "id" in names else 0
    return [(r[i_id], r[i_claim], r[i_title] if len(r) > i_title else "") for r in rows]


def load_queries(root: Path, split: str) -> list[tuple[str, str]]:
    _, rows = _read_tsv(root / split / "tweets.queries.tsv")
    return [(r[0], r[1]) for r in rows if len(r) > 1]


def load_qrels(root: Path, split: str) -> dict[str, set[str]]:
    rel: dict[str, set[str]] = defaultdict(set)
    for line in (root / split / "tweet-vclaim-pairs.qrels").read_text().splitlines():
        parts = line.split()
        if len(parts) >= 4 and int(parts[3]) > 0:
            rel[parts[0]].add(parts[2])
    return dict(rel)


def clean_tweet(text: str) -> str:
    """Drop links, split hashtags/handles into words; keep the signature (author, date)."""
    return tx.split_hashtags(_URL.sub(" ", text))


def average_precision(ranked: list[str], relevant: set[str], k: int = K) -> float:
    hits, total = 0, 0.0
    for i, key in enumerate(ranked[:k]):
        if key in relevant:
            hits += 1
            total += hits / (i + 1)
    return total / min(len(relevant), k) if relevant else 0.0


def build_retriever(root: Path, weights: RetrievalWeights | None = None) -> TextRetriever:
    retriever = TextRetriever(weights)
    retriever.add_many(load_claims(root))
    return retriever


def evaluate(
    dir: Path,
    split: str,
    weights: RetrievalWeights | None = None,
    retriever: TextRetriever | None = None,
) -> dict[str, float | int | str]:
    """``{"queries": n, "map_at_5": x, ...}`` for one split (train | dev | test)."""
    root = Path(dir)
    start = time.perf_counter()
    retriever = retriever or build_retriever(root, weights)
    qrels = load_qrels(root, split)
    scores, at1 = [], 0
    for qid, tweet in load_queries(root, split):
        relevant = qrels.get(qid)
        if not relevant:
            continue
        ranked = [h.key for h in retriever.search(clean_tweet(tweet), K)]
        scores.append(average_precision(ranked, relevant))
        at1 += bool(ranked and ranked[0] in relevant)
    n = len(scores)
    result: dict[str, float | int | str] = {
        "dataset": "checkthat2020-t2",
        "split": split,
        "queries": n,
        "map_at_5": round(sum(scores) / n, 4) if n else 0.0,
        "precision_at_1": round(at1 / n, 4) if n else 0.0,
        "seconds": round(time.perf_counter() - start, 1),
    }
    log.info("matching eval: %s", result)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "dir", type=Path, nargs="?", default=Path("../shared/eval/checkthat2020-t2")
    )
    parser.add_argument("--split", default="dev")
    args = parser.parse_args(argv)
    print(json.dumps(evaluate(args.dir, args.split)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

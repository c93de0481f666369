"""Verified-claim retrieval on CLEF CheckThat! 2020 task 2 (tweets vs Snopes claims), MAP@5.

Layout of DIR: ``verified_claims.docs.tsv`` (header: id, vclaim, title),
``SPLIT/tweets.queries.tsv`` (id, tweet_content), ``SPLIT/tweet-vclaim-pairs.qrels``
(TREC: query 0 vclaim relevance).

Retrieval is the product's: FTS5 BM25 over vclaim + title with the corroboration tokens,
re-ranked by IDF cosine and shared figures (:mod:`graph.corroborate.retrieval`).

``--reranker semantic`` (needs the ``semantic`` extra) fuses those hits with a dense ranking of
all verified claims by sentence-embedding cosine (reciprocal-rank fusion of the lexical rank and
the mean cosine over four views of the tweet, then a cosine-gap rule; three numbers tuned on
train with ``--tune``: :mod:`graph.evaluate.matching_semantic`). ``--reranker lexical`` is the
FTS5 path alone. The default (:func:`evaluate`, ``python -m graph.evaluate.matching``; the
``claimgraph eval matching`` command passes its ``--reranker`` through) is ``auto``: semantic
when the extra is installed, else lexical, so the plain command reports the best installed
number, and the JSON says which ran (``"reranker"``). MAP@5 train / dev: lexical 0.870 /
0.820, semantic 0.916 / 0.904. The claim embeddings are cached on disk after the first run (a
few minutes on one core).

MAP@5 follows the task's scorer: per query, average precision over the top 5 with the number
of relevant documents as denominator, capped at 5 (``min(|relevant|, 5)``); queries without a
relevant document are not in the qrels and are skipped; a query with no hit scores 0.
In this data all but a handful of queries have exactly one relevant claim, so the cap hardly
matters (MAP@5 is then the mean reciprocal rank within the top 5).

Run: ``python -m graph.evaluate.matching ../shared/eval/checkthat2020-t2 --split dev``
(``--reranker lexical|semantic|auto``; ``--tune --split train`` grid-searches the semantic
weights).
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import math
import re
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from graph.corroborate import text as tx
from graph.evaluate.retrieval import RetrievalWeights, TextRetriever

if TYPE_CHECKING:
    from graph.evaluate.matching_semantic import SemanticWeights

log = logging.getLogger(__name__)

K = 5
RERANKERS = ("lexical", "semantic", "auto")
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


def __getattr__(name: str) -> object:
    """``SemanticReranker`` / ``SemanticWeights`` live in :mod:`.matching_semantic` (numpy)."""
    if name in {"SemanticReranker", "SemanticWeights"}:
        from graph.evaluate import matching_semantic

        return getattr(matching_semantic, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def resolve_reranker(name: str) -> str:
    """``lexical`` | ``semantic``; ``auto`` is semantic when the extra is installed."""
    from graph.evaluate import semantic

    if name not in RERANKERS:
        raise ValueError(f"unknown reranker {name!r}: one of {', '.join(RERANKERS)}")
    if name == "auto":
        return "semantic" if semantic.available() else "lexical"
    if name == "semantic" and not semantic.available():
        raise RuntimeError(
            f"reranker 'semantic' needs the semantic extra (missing "
            f"{', '.join(semantic.missing())}): pip install -e '.[semantic]'"
        )
    return name


def evaluate(
    dir: Path,
    split: str,
    weights: RetrievalWeights | None = None,
    retriever: TextRetriever | None = None,
    reranker: str = "auto",
    semantic_weights: SemanticWeights | None = None,
) -> dict[str, float | int | str]:
    """``{"queries": n, "map_at_5": x, "reranker": ...}`` for one split (train | dev | test)."""
    root = Path(dir)
    start = time.perf_counter()
    used = resolve_reranker(reranker)
    retriever = retriever or build_retriever(root, weights)
    sem = None
    if used == "semantic":
        from graph.evaluate.matching_semantic import SemanticReranker

        sem = SemanticReranker(load_claims(root), semantic_weights)
    depth = sem.weights.depth if sem else K
    qrels = load_qrels(root, split)
    runs = [
        (qrels[qid], tweet, retriever.search(clean_tweet(tweet), depth))
        for qid, tweet in load_queries(root, split)
        if qrels.get(qid)
    ]
    if sem:
        from graph.evaluate.matching_semantic import fuse

        dense = sem.dense([tweet for _, tweet, _ in runs])
        ranked_lists = [
            fuse([h.key for h in hits], cos, sem.keys, sem.weights, K, sem.index)
            for (_, _, hits), cos in zip(runs, dense, strict=True)
        ]
    else:
        ranked_lists = [[h.key for h in hits[:K]] for _, _, hits in runs]
    scores, at1 = [], 0
    for (relevant, _, _), ranked in zip(runs, ranked_lists, strict=True):
        scores.append(average_precision(ranked, relevant))
        at1 += bool(ranked and ranked[0] in relevant)
    n = len(scores)
    result: dict[str, float | int | str] = {
        "dataset": "checkthat2020-t2",
        "split": split,
        "reranker": used,
        "queries": n,
        "map_at_5": round(sum(scores) / n, 4) if n else 0.0,
        "precision_at_1": round(at1 / n, 4) if n else 0.0,
        "seconds": round(time.perf_counter() - start, 1),
    }
    if sem:
        w = sem.weights
        result["semantic_weights"] = f"k={w.k},lexical={w.lexical},depth={w.depth},gap={w.gap}"
    log.info("matching eval: %s", result)
    return result


def tune(
    dir: Path,
    split: str = "train",
    ks: Iterable[float] = (2, 3, 4, 5, 6, 8, 10),
    lexical: Iterable[float] = (1.0, 1.25),
    gaps: Iterable[float] = (0.1, 0.12, 0.15, 0.18, 0.2, 0.22, 0.25, 0.3, math.inf),
    depth: int = 100,
) -> dict[str, object]:
    """Grid-search :class:`SemanticWeights` (RRF ``k``, lexical weight, cosine gap) on ``split``."""
    from graph.evaluate.matching_semantic import SemanticReranker, SemanticWeights, fuse

    root = Path(dir)
    retriever = build_retriever(root)
    sem = SemanticReranker(load_claims(root))
    qrels = load_qrels(root, split)
    runs = [
        (qrels[qid], tweet, [h.key for h in retriever.search(clean_tweet(tweet), depth)])
        for qid, tweet in load_queries(root, split)
        if qrels.get(qid)
    ]
    dense = sem.dense([tweet for _, tweet, _ in runs])
    best: tuple[float, SemanticWeights] = (-1.0, SemanticWeights())
    for w in (
        SemanticWeights(k=k, lexical=wl, depth=depth, gap=gap)
        for k in ks
        for wl in lexical
        for gap in gaps
    ):
        total = sum(
            average_precision(fuse(lex, cos, sem.keys, w, K, sem.index), relevant)
            for (relevant, _, lex), cos in zip(runs, dense, strict=True)
        )
        score = total / len(runs) if runs else 0.0
        log.info("tune %s: k=%s lexical=%s gap=%s MAP@5 %.4f", split, w.k, w.lexical, w.gap, score)
        if score > best[0] + 1e-9:
            best = (score, w)
    log.info("semantic tuning on %s: %s", split, best)
    w = best[1]
    return {
        "split": split,
        "map_at_5": round(best[0], 4),
        "k": w.k,
        "lexical": w.lexical,
        "gap": w.gap if math.isfinite(w.gap) else None,
        "depth": w.depth,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "dir", type=Path, nargs="?", default=Path("../shared/eval/checkthat2020-t2")
    )
    parser.add_argument("--split", default=None, help="default: dev, or train with --tune")
    parser.add_argument(
        "--reranker", choices=RERANKERS, default="auto", help="auto: semantic if installed"
    )
    parser.add_argument("--tune", action="store_true", help="tune semantic weights on --split")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    if args.tune:
        print(json.dumps(tune(args.dir, args.split or "train")))
    else:
        print(json.dumps(evaluate(args.dir, args.split or "dev", reranker=args.reranker)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Check-worthiness tuning aid on CheckThat! t5: MAP, 5 folds by debate, per-feature MAP.

Usage: eval_checkworthy_features.py DIR [train|dev|all] [--features]

Prints the MAP of the shipped weights on the split, its 5 folds by debate (debate i of the
name-sorted split goes to fold i % 5: use them to see whether a change helps everywhere or only
in a couple of debates with one or two positives), the mean per-debate ROC AUC (a less noisy
check of the whole ranking), and the MAP of the 20 debates with >= 8 positives. With
--features: each feature alone (signed as its weight) and the MAP without it. Features are
computed once per sentence, so a run takes seconds. Weights stay hand-set: nothing is fitted.
"""

from __future__ import annotations

import sys
from bisect import bisect_left, bisect_right
from pathlib import Path

from graph.analyze.checkworthiness import WEIGHTS, features
from graph.evaluate.checkworthy import average_precision, debate_files, read_debate

Debate = tuple[str, list[dict[str, float]], list[int]]


def load(directory: str, split: str | None) -> list[Debate]:
    out: list[Debate] = []
    for f in debate_files(Path(directory), split):
        rows = read_debate(f)
        if any(label for *_, label in rows):
            out.append((f.name, [features(s) for _, s, _ in rows], [lab for *_, lab in rows]))
    return out


def _scores(feats: list[dict[str, float]], w: dict[str, float]) -> list[float]:
    return [sum(w.get(k, 0.0) * v for k, v in fd.items()) for fd in feats]


def _auc(scores: list[float], labels: list[int]) -> float:
    pos = [s for s, lab in zip(scores, labels, strict=True) if lab]
    neg = sorted(s for s, lab in zip(scores, labels, strict=True) if not lab)
    if not pos or not neg:
        return 0.5
    won = sum((bisect_left(neg, p) + bisect_right(neg, p)) / 2 for p in pos)
    return won / (len(pos) * len(neg))


def report(debates: list[Debate], w: dict[str, float]) -> dict[str, object]:
    aps = [average_precision(_scores(fs, w), ys) for _, fs, ys in debates]
    folds = [aps[k::5] for k in range(5)]
    big = [ap for ap, (_, _, ys) in zip(aps, debates, strict=True) if sum(ys) >= 8]
    return {
        "map": sum(aps) / len(aps),
        "folds": [sum(f) / len(f) for f in folds if f],
        "auc": sum(_auc(_scores(fs, w), ys) for _, fs, ys in debates) / len(debates),
        "map_big": sum(big) / len(big) if big else 0.0,
    }


def _fmt(r: dict[str, object]) -> str:
    folds = " / ".join(f"{x:.3f}" for x in r["folds"])  # type: ignore[attr-defined]
    return f"MAP {r['map']:.4f}  folds {folds}  AUC {r['auc']:.4f}  MAP(>=8 pos) {r['map_big']:.4f}"


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    d = args[0]
    split = args[1] if len(args) > 1 else "train"
    debates = load(d, None if split == "all" else split)
    print(f"{split} ({len(debates)} debates): {_fmt(report(debates, WEIGHTS))}")
    if "--features" in sys.argv:
        for name, weight in WEIGHTS.items():
            if name == "bias":
                continue
            alone = report(debates, {name: 1.0 if weight >= 0 else -1.0})
            without = report(debates, {k: (0.0 if k == name else v) for k, v in WEIGHTS.items()})
            print(
                f"{name:13s} w={weight:+.2f}  alone {alone['map']:.4f}"
                f"  without {without['map']:.4f}"
            )

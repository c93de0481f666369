"""Check-worthiness ranking on CLEF CheckThat! 2020 task 5 debate TSVs (MAP over debates).

Each TSV row: line number, speaker, sentence, label 0/1 (a header line is skipped when present).
``split``: None = all files in DIR; "train" / "dev" = a deterministic 40/10 split by debate file
name (hash-based), used for tuning and the gate. Sentences are ranked by
:func:`~graph.analyze.checkworthiness.transcript_check_worthiness` (the sentence score plus the
speaker cues the TSV gives), or by a sentence-only ``scorer`` when one is passed.
"""

from __future__ import annotations

import csv
import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

from graph.analyze.checkworthiness import transcript_check_worthiness

log = logging.getLogger(__name__)

Row = tuple[str, str, int]  # speaker, sentence, label


def _rank_hash(name: str) -> int:
    return int(hashlib.sha1(name.encode("utf-8")).hexdigest()[:8], 16)


def debate_files(directory: Path, split: str | None = None) -> list[Path]:
    """Debate TSVs; dev = the fifth of files with the smallest name hash (10 of 50)."""
    files = sorted(Path(directory).glob("*.tsv"))
    if split is None:
        return files
    ranked = sorted(files, key=lambda f: _rank_hash(f.name))
    n_dev = max(1, round(len(files) / 5))
    dev = set(ranked[:n_dev])
    return [f for f in files if (f in dev) == (split == "dev")]


def read_debate(path: Path) -> list[Row]:
    rows: list[Row] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for rec in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(rec) < 4:
                continue
            label = rec[-1].strip()
            if label not in ("0", "1"):
                continue  # header line
            rows.append((rec[1], "\t".join(rec[2:-1]), int(label)))
    return rows


def average_precision(scores: list[float], labels: list[int]) -> float:
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    hits = 0
    total = 0.0
    for rank, i in enumerate(order, 1):
        if labels[i]:
            hits += 1
            total += hits / rank
    n_pos = sum(labels)
    return total / n_pos if n_pos else 0.0


def evaluate(
    dir: Path,  # noqa: A002 - CLI contract
    split: str | None = None,
    scorer: Callable[[str], float] | None = None,
) -> dict:
    """MAP of ranking each debate's sentences by check-worthiness."""
    aps: list[float] = []
    for f in debate_files(Path(dir), split):
        rows = read_debate(f)
        if not any(label for *_, label in rows):
            log.info("%s has no positive sentence; skipped", f.name)
            continue
        if scorer is None:
            scores = transcript_check_worthiness([(sp, s) for sp, s, _ in rows])
        else:
            scores = [scorer(s) for _, s, _ in rows]
        aps.append(average_precision(scores, [lab for *_, lab in rows]))
    return {"debates": len(aps), "map": round(sum(aps) / len(aps), 4) if aps else 0.0}

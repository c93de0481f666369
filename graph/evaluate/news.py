"""Unit-level scores on the hand-labelled real-news gold set (tests/gold/news.json).

Each gold unit is a sentence unit of one page's extracted text, with labels read by hand (guide:
docs/news-gold.md): claim, sourced, source, speaker, cue, speculative, negated. A unit's
prediction is the claim the analyzer found at the same offsets (none: not a claim).

``accuracy`` counts units whose every label is right: claim; and for claims, sourced,
speculative, negated, the speaker (compared without case and a leading "the") and the cue
(as written, without case). The page text must be the labelled one: its hash is checked.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from graph.analyze.analyzer import analyze
from graph.model import Claim
from graph.sources.inputs import Source, load_article

log = logging.getLogger(__name__)

PAGES = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "news-html" / "html"
LABELS = ("claim", "sourced", "speaker", "cue", "speculative", "negated")


@dataclass(frozen=True, slots=True)
class Predicted:
    claim: bool
    sourced: bool = False
    speaker: str | None = None
    cue: str | None = None
    speculative: bool = False
    negated: bool = False


def normal_name(name: str | None) -> str | None:
    if not name:
        return None
    name = " ".join(name.split()).lower()
    return name.removeprefix("the ") or None


def predicted(claim: Claim | None) -> Predicted:
    if claim is None:
        return Predicted(False)
    attribution = claim.attribution
    sourced = claim.sourced
    return Predicted(
        claim=True,
        sourced=sourced,
        speaker=attribution.speaker if sourced and attribution else None,
        cue=attribution.cue_text if sourced and attribution else None,
        speculative=claim.speculative,
        negated=claim.negated,
    )


def label_right(label: str, gold: dict, pred: Predicted) -> bool:
    if label == "claim":
        return gold["claim"] == pred.claim
    if not gold["claim"]:
        return True  # the other labels of a non-claim are not judged
    if label in ("speaker", "cue"):
        return normal_name(gold[label]) == normal_name(getattr(pred, label))
    return bool(gold[label]) == getattr(pred, label)


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, score


def page_predictions(page: dict, html_dir: Path) -> list[tuple[dict, Predicted]]:
    path = html_dir / f"{page['id']}.html"
    article = load_article(Source(str(path)))
    if article.text_hash != page["text_sha256"]:
        raise ValueError(f"{path}: extracted text differs from the labelled one "
                         f"({article.text_hash} != {page['text_sha256']})")
    claims = {(c.start, c.end): c for c in analyze(article).claims}
    return [(unit, predicted(claims.get((unit["start"], unit["end"])))) for unit in page["units"]]


def evaluate(gold_path: Path, html_dir: Path, split: str | None = None) -> dict:
    """Scores over the gold units of ``split`` ("dev", "test" or None for both)."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    pages = [p for p in gold["pages"] if split in (None, p["split"])]
    right: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    units = all_right = 0
    for page in pages:
        for unit, pred in page_predictions(page, html_dir):
            units += 1
            ok = {label: label_right(label, unit, pred) for label in LABELS}
            right.update(label for label, good in ok.items() if good)
            all_right += all(ok.values())
            gold_claim = unit["claim"]
            for label in ("sourced", "speculative", "negated"):
                g = gold_claim and bool(unit[label])
                p = pred.claim and getattr(pred, label)
                counts[f"{label}_tp"] += g and p
                counts[f"{label}_fp"] += p and not g
                counts[f"{label}_fn"] += g and not p
            if gold_claim and unit["sourced"]:
                counts["speaker_units"] += 1
                counts["speaker_right"] += ok["speaker"]
    sourced_p, sourced_r, _ = f1(counts["sourced_tp"], counts["sourced_fp"], counts["sourced_fn"])
    result = {
        "split": split or "all",
        "pages": len(pages),
        "units": units,
        "accuracy": round(all_right / units, 4) if units else 0.0,
        "sourced_precision": round(sourced_p, 4),
        "sourced_recall": round(sourced_r, 4),
        "speaker_accuracy": round(counts["speaker_right"] / counts["speaker_units"], 4)
        if counts["speaker_units"] else 0.0,
    }
    for label in ("speculative", "negated"):
        _, _, score = f1(counts[f"{label}_tp"], counts[f"{label}_fp"], counts[f"{label}_fn"])
        result[f"{label}_f1"] = round(score, 4)
    result["label_accuracy"] = {label: round(right[label] / units, 4) if units else 0.0
                                for label in LABELS}
    return result

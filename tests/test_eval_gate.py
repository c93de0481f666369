"""Accuracy gate: each evaluation on its dev portion must stay at or above its floor.

Floors live in graph/evaluate/floors.json, a little below the measured dev scores. They may be
raised when the analyzer improves; never lower them silently (say why in the commit and in
docs/error-analysis.md).

Needs ../shared/eval; skipped with a reason when it is absent, except under CI=true (then fails).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.evaluate import attribution, checkworthy, entities, hedge, negation, news
from tests.conftest import need

pytestmark = pytest.mark.eval

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
FLOORS = json.loads((ROOT / "graph" / "evaluate" / "floors.json").read_text(encoding="utf-8"))


def _need(path: Path) -> Path:
    need(path.exists(),
         f"evaluation data not found at {path} (../shared/eval relative to the repo)")
    return path


def _check(name: str, result: dict) -> None:
    floors = FLOORS[name]
    low = {k: (result[k], v) for k, v in floors.items() if result[k] < v}
    assert not low, f"{name}: below floor (score, floor): {low}; full result {result}"


def test_polnear_dev_attribution() -> None:
    result = attribution.evaluate(_need(EVAL / "polnear" / "dev"))
    assert result["articles"] >= 80
    _check("polnear_dev", result)


@pytest.mark.parametrize(("scorer", "corpus", "floor"), [
    (hedge, "bioscope/abstracts.xml", "bioscope_dev"),
    (hedge, "sfu", "sfu_dev"),
    (negation, "bioscope/abstracts.xml", "bioscope_negation_dev"),
    (negation, "sfu", "sfu_negation_dev"),
], ids=["bioscope-hedge", "sfu-hedge", "bioscope-negation", "sfu-negation"])
def test_sentence_level_cues_on_dev(scorer, corpus: str, floor: str) -> None:
    result = scorer.evaluate(_need(EVAL / "hedge" / corpus), split="dev")
    assert result["sentences"] > 1000
    _check(floor, result)


def test_checkthat_dev_checkworthy() -> None:
    result = checkworthy.evaluate(_need(EVAL / "checkthat2020-t5" / "train"), split="dev")
    assert result["debates"] == 10
    _check("checkthat_dev", result)


def test_news_dev_gold() -> None:
    """The hand-labelled real-news units (tests/gold/news.json, dev pages; test pages report)."""
    result = news.evaluate(ROOT / "tests" / "gold" / "news.json", _need(news.PAGES), split="dev")
    assert result["units"] == 198
    _check("news_dev", result)


def test_uner_dev_entities() -> None:
    """Entity mentions and types on Universal NER English EWT dev (its test file reports)."""
    result = entities.evaluate(_need(entities.UNER / entities.SPLIT_FILES["dev"]))
    assert result["sentences"] == 2001
    _check("uner_dev", result)

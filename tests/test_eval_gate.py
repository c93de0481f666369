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

from graph.evaluate import attribution, checkworthy, hedge, negation
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


def test_bioscope_dev_hedge() -> None:
    result = hedge.evaluate(_need(EVAL / "hedge" / "bioscope" / "abstracts.xml"), split="dev")
    assert result["sentences"] > 1000
    _check("bioscope_dev", result)


def test_sfu_dev_hedge() -> None:
    result = hedge.evaluate(_need(EVAL / "hedge" / "sfu"), split="dev")
    assert result["sentences"] > 1000
    _check("sfu_dev", result)


def test_bioscope_dev_negation() -> None:
    result = negation.evaluate(_need(EVAL / "hedge" / "bioscope" / "abstracts.xml"), split="dev")
    assert result["sentences"] > 1000
    _check("bioscope_negation_dev", result)


def test_sfu_dev_negation() -> None:
    result = negation.evaluate(_need(EVAL / "hedge" / "sfu"), split="dev")
    assert result["sentences"] > 1000
    _check("sfu_negation_dev", result)


def test_checkthat_dev_checkworthy() -> None:
    result = checkworthy.evaluate(_need(EVAL / "checkthat2020-t5" / "train"), split="dev")
    assert result["debates"] == 10
    _check("checkthat_dev", result)

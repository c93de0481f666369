"""Accuracy gate: verified-claim retrieval (CheckThat! 2020 task 2 dev), MAP@5."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.evaluate import semantic
from graph.evaluate.matching import average_precision, evaluate, main
from tests.conftest import need

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "checkthat2020-t2"
FLOORS = Path(__file__).resolve().parent.parent / "graph" / "evaluate" / "floors.json"
# lexical: measured 0.8201 on dev (train 0.8703); the floor sits a little below
DEV_MAP_AT_5_FLOOR = json.loads(FLOORS.read_text(encoding="utf-8"))["checkthat_t2_dev"]["map_at_5"]


def test_average_precision_at_5() -> None:
    assert average_precision(["a", "b"], {"a"}) == 1.0
    assert average_precision(["x", "a"], {"a"}) == 0.5
    assert average_precision(["x", "y", "z", "w", "v", "a"], {"a"}) == 0.0
    assert average_precision(["a", "x", "b"], {"a", "b"}) == pytest.approx((1 + 2 / 3) / 2)


def _tiny_dataset(root: Path) -> Path:
    """Three verified claims, two tweets of the dev split (the task's file layout)."""
    (root / "dev").mkdir(parents=True)
    (root / "verified_claims.docs.tsv").write_text(
        "\tvclaim\ttitle\n"
        "0\tMasks cause oxygen deficiency.\tDo Face Masks Lower Oxygen Levels?\n"
        "1\tA shark swam on a flooded Houston highway.\tShark on a Flooded Highway?\n"
        "2\tThe moon landing was staged.\tWas the Moon Landing Faked?\n",
        encoding="utf-8",
    )
    (root / "dev" / "tweets.queries.tsv").write_text(
        "\ttweet_content\n"
        "7\tA shark on the highway in Houston #HurricaneHarvey — Jo (@jo) August 28, 2017\n"
        "8\tWearing a mask lowers your oxygen levels https://t.co/x — Al (@al) May 1, 2020\n",
        encoding="utf-8",
    )
    (root / "dev" / "tweet-vclaim-pairs.qrels").write_text("7\t0\t1\t1\n8\t0\t0\t1\n")
    return root


def test_main_prints_one_json_object_last(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(semantic.ENV_CACHE, str(tmp_path / "cache"))
    root = _tiny_dataset(tmp_path / "data")
    assert main([str(root), "--split", "dev", "--reranker", "lexical"]) == 0
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert result["reranker"] == "lexical" and result["queries"] == 2
    assert result["map_at_5"] == 1.0
    # without --reranker: auto, i.e. the semantic re-ranker whenever the extra is installed
    assert main([str(root), "--split", "dev"]) == 0
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert result["reranker"] == ("semantic" if semantic.available() else "lexical")
    assert result["queries"] == 2 and result["map_at_5"] == 1.0


@pytest.mark.eval
def test_checkthat2020_t2_dev_map_at_5() -> None:
    need((DATA / "verified_claims.docs.tsv").exists(), f"evaluation data not found at {DATA}")
    result = evaluate(DATA, "dev", reranker="lexical")
    assert result["reranker"] == "lexical" and result["queries"] == 197
    assert result["map_at_5"] >= DEV_MAP_AT_5_FLOOR, result

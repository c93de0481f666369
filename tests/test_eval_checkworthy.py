"""CheckThat! t5 evaluation: TSV reading, average precision, the dev split, transcript scoring."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.analyze.checkworthiness import check_worthiness
from graph.evaluate.checkworthy import average_precision, debate_files, evaluate, read_debate

CLAIM = "Unemployment fell to 3.5 percent, the lowest rate in 50 years."
DEBATE = [
    ("MODERATOR", "Welcome to the debate."),
    ("MODERATOR", "Governor, what about jobs?"),
    ("GOVERNOR", "Thank you."),
    ("GOVERNOR", CLAIM),
    ("GOVERNOR", "I think we can do better."),
    ("SENATOR", "Wrong."),
    ("SENATOR", "We will win."),
]


def _write(path: Path, rows: list[tuple[str, str]], positives: set[int], header: bool = False):
    lines = ["line\tspeaker\ttext\tlabel"] if header else []
    lines += [f"{i}\t{sp}\t{s}\t{int(i in positives)}" for i, (sp, s) in enumerate(rows, 1)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_average_precision() -> None:
    assert average_precision([0.9, 0.5, 0.1], [1, 0, 0]) == 1.0
    assert average_precision([0.9, 0.5, 0.1], [0, 0, 1]) == pytest.approx(1 / 3)
    assert average_precision([0.9, 0.5, 0.1], [1, 0, 1]) == pytest.approx((1 + 2 / 3) / 2)
    assert average_precision([0.5, 0.5], [0, 0]) == 0.0


def test_read_debate_skips_the_header_and_keeps_tabs_in_text(tmp_path: Path) -> None:
    f = tmp_path / "d.tsv"
    _write(f, DEBATE, {4}, header=True)
    rows = read_debate(f)
    assert len(rows) == len(DEBATE)
    assert rows[3] == ("GOVERNOR", CLAIM, 1)
    f.write_text("1\tA\tone\ttwo\t0\n", encoding="utf-8")
    assert read_debate(f) == [("A", "one\ttwo", 0)]


def test_evaluate_ranks_the_claim_first_and_skips_debates_without_positives(
    tmp_path: Path,
) -> None:
    _write(tmp_path / "a.tsv", DEBATE, {4})
    _write(tmp_path / "b.tsv", DEBATE, set())
    assert evaluate(tmp_path) == {"debates": 1, "map": 1.0}
    # a sentence-only scorer is used as given
    assert evaluate(tmp_path, scorer=check_worthiness) == {"debates": 1, "map": 1.0}
    assert evaluate(tmp_path, scorer=lambda s: -len(s))["map"] < 1.0


def test_dev_split_is_a_fixed_fifth_of_the_files(tmp_path: Path) -> None:
    for i in range(10):
        _write(tmp_path / f"debate{i}.tsv", DEBATE, {4})
    dev, train = debate_files(tmp_path, "dev"), debate_files(tmp_path, "train")
    assert len(dev) == 2 and len(train) == 8
    assert sorted(dev + train) == debate_files(tmp_path)
    assert debate_files(tmp_path, "dev") == dev

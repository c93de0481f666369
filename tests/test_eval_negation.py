"""Sentence-level hedge and negation scoring on small BioScope / SFU-shaped files."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from graph.cli import main
from graph.evaluate import hedge, negation

BIOSCOPE = """<?xml version="1.0" encoding="UTF-8"?>
<Annotation><DocumentSet><Document><DocID>1</DocID><DocumentPart>
<sentence id="s1">These cells do <cue type="negation" ref="X1">not</cue> express CD4.</sentence>
<sentence id="s2">This <cue type="speculation" ref="X2">suggests</cue> a role for NF-kB.</sentence>
<sentence id="s3">The protein binds DNA.</sentence>
<sentence id="s4">No binding was seen in the absence of zinc.</sentence>
</DocumentPart></Document></DocumentSet></Annotation>
"""

SFU = """<?xml version="1.0" encoding="UTF-8"?>
<DOCUMENT><P>
<SENTENCE><W>I</W><cue type="negation"><W>don&#146;t</W></cue><W>like</W><W>it</W></SENTENCE>
<SENTENCE><W>The</W><W>room</W><W>was</W><W>clean</W></SENTENCE>
</P></DOCUMENT>
"""


def _bioscope(tmp_path: Path) -> Path:
    path = tmp_path / "abstracts.xml"
    path.write_text(BIOSCOPE, encoding="utf-8")
    return path


def test_negation_counts_sentences_with_a_negation_cue(tmp_path: Path) -> None:
    # s1 is found; s4 holds negation words but no gold cue: one false positive.
    assert negation.evaluate(_bioscope(tmp_path)) == {
        "sentences": 4, "p": 0.5, "r": 1.0, "f1": 0.6667}


def test_hedge_reader_still_scores_speculation(tmp_path: Path) -> None:
    assert hedge.evaluate(_bioscope(tmp_path))["r"] == 1.0


def test_sfu_reads_windows_1252_apostrophes(tmp_path: Path) -> None:
    (tmp_path / "BOOKS").mkdir()
    (tmp_path / "BOOKS" / "no1.xml").write_text(SFU, encoding="utf-8")
    sentences = list(hedge.iter_sentences(tmp_path, kind="negation"))
    assert sentences == [("I don\u2019t like it", True), ("The room was clean", False)]
    assert negation.evaluate(tmp_path)["f1"] == 1.0


def test_cli_eval_negation_prints_json_last(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["eval", "negation", str(_bioscope(tmp_path))])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output.strip().splitlines()[-1])["sentences"] == 4

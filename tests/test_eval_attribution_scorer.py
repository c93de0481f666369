"""The PolNeAR scorer on hand-made documents (no evaluation data needed)."""

from __future__ import annotations

from graph.evaluate.attribution import GoldDoc, evaluate_docs

TEXT = "Mayor Ana Ruiz said the bridge will close, adding that repairs cost $4 million."


def _doc(sources: list[tuple[int, int]]) -> GoldDoc:
    said = TEXT.index("said")
    adding = TEXT.index("adding")
    return GoldDoc("d", TEXT, {
        "Source": [[s] for s in sources],
        "Cue": [[(said, said + 4)], [(adding, adding + 6)]],
        "Content": [],
    })


def test_a_source_shared_by_two_cues_counts_once() -> None:
    start = TEXT.index("Mayor")
    source = (start, TEXT.index(" said"))
    once = evaluate_docs([_doc([source])])
    twice = evaluate_docs([_doc([source, source])])  # the same span annotated twice
    assert once["source_f1_exact"] == twice["source_f1_exact"] == 1.0


def test_a_wrong_source_is_not_matched_exactly() -> None:
    start = TEXT.index("Ana")
    result = evaluate_docs([_doc([(start, start + 3)])], detail=True)
    assert result["source_f1_exact"] == 0.0
    assert result["source_f1_overlap"] > 0.0

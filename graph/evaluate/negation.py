"""Sentence-level negation detection on BioScope (XML file) or SFU Review (XML folder).

A gold sentence is negated when it holds a ``<cue type="negation">``; a predicted one when
:func:`graph.analyze.hedging.find_negations`, the rule set the product runs on every claim,
finds a cue in it. Same readers and 80/20 document split as :mod:`graph.evaluate.hedge`.
"""

from __future__ import annotations

from pathlib import Path

from graph.analyze.hedging import find_negations
from graph.evaluate.hedge import iter_sentences, sentence_scores
from graph.model import Span


def predict(text: str) -> bool:
    return bool(find_negations(text, Span(0, len(text))))


def evaluate(path: Path, split: str | None = None) -> dict:
    """Precision / recall / F1 of the negated class at sentence level."""
    return sentence_scores(iter_sentences(Path(path), split, kind="negation"), predict)

"""Sentence-level speculation detection on BioScope (XML file) or SFU Review (XML folder).

A gold sentence is speculative when it holds a ``<cue type="speculation">``; a predicted
one when :func:`graph.analyze.hedging.find_hedges` finds a cue in it. The readers take the cue
kind, so :mod:`graph.evaluate.negation` scores negation on the same sentences.

``split``: None = everything; "train" / "dev" = a deterministic 80/20 split by document
(BioScope: DocID; SFU: file path relative to the folder) using a hash, for tuning and the gate.
"""

from __future__ import annotations

import hashlib
import logging
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from graph.analyze.hedging import find_hedges
from graph.model import Span

log = logging.getLogger(__name__)

_SPACE = re.compile(r"\s+")
_C1_CONTROLS = re.compile("[\x80-\x9f]")


def split_of(doc_id: str) -> str:
    """Deterministic 80/20 train/dev assignment of a document id."""
    h = int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:8], 16)
    return "dev" if h % 5 == 0 else "train"


def _has_cue(el: ET.Element, kind: str) -> bool:
    return any((c.get("type") or "").lower() == kind for c in el.iter() if c.tag.lower() == "cue")


def _windows_1252(text: str) -> str:
    """C1 control characters read as Windows-1252, as an HTML parser reads them: SFU writes
    "don't" as ``don&#146;t``, which XML keeps as U+0092."""
    return _C1_CONTROLS.sub(
        lambda m: bytes([ord(m.group())]).decode("cp1252", errors="replace"), text)


def iter_bioscope(path: Path, split: str | None = None,
                  kind: str = "speculation") -> Iterator[tuple[str, bool]]:
    """(sentence text, holds a ``kind`` cue) from a BioScope XML file."""
    root = ET.parse(path).getroot()
    for doc in root.iter("Document"):
        doc_id = (doc.findtext("DocID") or "").strip()
        if split and split_of(doc_id) != split:
            continue
        for sent in doc.iter("sentence"):
            text = _SPACE.sub(" ", "".join(sent.itertext())).strip()
            if text:
                yield text, _has_cue(sent, kind)


def iter_sfu(folder: Path, split: str | None = None,
             kind: str = "speculation") -> Iterator[tuple[str, bool]]:
    """(sentence text, holds a ``kind`` cue) from SFU Review XML files (words joined by
    spaces)."""
    for f in sorted(folder.rglob("*.xml")):
        rel = f.relative_to(folder).as_posix()
        if split and split_of(rel) != split:
            continue
        try:
            root = ET.parse(f).getroot()
        except ET.ParseError as exc:
            log.warning("skip %s: %s", f, exc)
            continue
        for sent in root.iter("SENTENCE"):
            words = [w.text or "" for w in sent.iter("W")]
            text = _windows_1252(" ".join(w for w in words if w).strip())
            if text:
                yield text, _has_cue(sent, kind)


def iter_sentences(path: Path, split: str | None = None,
                   kind: str = "speculation") -> Iterator[tuple[str, bool]]:
    path = Path(path)
    if path.is_dir():
        return iter_sfu(path, split, kind)
    return iter_bioscope(path, split, kind)


def profile_for(path: Path) -> str:
    """Annotation conventions of the corpus: SFU folder -> "review", BioScope -> "bio"."""
    return "review" if Path(path).is_dir() else "bio"


def predict(text: str, profile: str = "news") -> bool:
    return bool(find_hedges(text, Span(0, len(text)), profile))


def evaluate(path: Path, split: str | None = None, profile: str | None = None) -> dict:
    """Precision / recall / F1 of the speculative class at sentence level.

    ``profile`` defaults to the corpus' conventions (see :func:`profile_for`); pass "news" to
    measure the product rule set as is.
    """
    prof = profile or profile_for(path)
    result = sentence_scores(iter_sentences(Path(path), split),
                             lambda text: predict(text, prof))
    log.info("hedge profile %s: %s", prof, result)
    return result


def sentence_scores(sentences: Iterable[tuple[str, bool]],
                    predict_one: Callable[[str], bool]) -> dict:
    """``sentences``, ``p``, ``r``, ``f1`` of the positive class over (text, gold) pairs."""
    tp = fp = fn = n = 0
    for text, gold in sentences:
        n += 1
        pred = predict_one(text)
        tp += pred and gold
        fp += pred and not gold
        fn += gold and not pred
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"sentences": n, "p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}

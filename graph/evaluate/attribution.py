"""Attribution evaluation on PolNeAR (brat standoff).

``evaluate(DIR)`` where DIR is a split folder with ``text/NAME.txt`` and
``attributions/NAME_ANNOTATOR.ann`` (first annotator file in sorted order is used).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from graph.analyze.attribution import find_attributions
from graph.analyze.doc import make_doc
from graph.analyze.refine import is_attribution
from graph.analyze.sentences import split_sentences

log = logging.getLogger(__name__)

_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_TRIM = " \t\n\r.,;:!?\"'“”‘’()[]—–-…"

Frag = tuple[int, int]


@dataclass
class GoldDoc:
    name: str
    text: str
    spans: dict[str, list[list[Frag]]] = field(default_factory=dict)


def read_ann(path: Path) -> dict[str, list[list[Frag]]]:
    """Source / Cue / Content spans of a brat file; each span a list of fragments."""
    out: dict[str, list[list[Frag]]] = {"Source": [], "Cue": [], "Content": []}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _T_LINE.match(line)
        if not m or m.group(2) not in out:
            continue
        frags = []
        for part in m.group(3).split(";"):
            a, b = part.split()
            frags.append((int(a), int(b)))
        out[m.group(2)].append(frags)
    return out


def iter_docs(directory: Path, limit: int | None = None) -> Iterator[GoldDoc]:
    """Gold documents of a PolNeAR split, in sorted name order."""
    firsts: dict[str, Path] = {}
    for ann in sorted((directory / "attributions").glob("*.ann")):
        name = re.sub(r"_[^_]*\.ann$", "", ann.name)
        firsts.setdefault(name, ann)
    for i, (name, ann) in enumerate(sorted(firsts.items())):
        if limit is not None and i >= limit:
            break
        txt = directory / "text" / f"{name}.txt"
        if not txt.exists():
            log.warning("no text for %s", name)
            continue
        text = txt.read_text(encoding="utf-8")
        yield GoldDoc(name, text, read_ann(ann))


def _norm(text: str, frags: list[Frag]) -> Frag:
    a, b = frags[0][0], frags[-1][1]
    while a < b and text[a] in _TRIM:
        a += 1
    while b > a and text[b - 1] in _TRIM:
        b -= 1
    return (a, b)


def _overlaps(x: list[Frag], y: list[Frag]) -> bool:
    return any(a < d and c < b for a, b in x for c, d in y)


def _match(
    text: str, gold: list[list[Frag]], pred: list[list[Frag]], exact: bool
) -> tuple[int, int]:
    """(matched predictions, matched gold); each gold span is matched at most once."""
    used = [False] * len(gold)
    gold_norm = [_norm(text, g) for g in gold]
    hit = 0
    for p in pred:
        pn = _norm(text, p)
        for gi, g in enumerate(gold):
            if used[gi]:
                continue
            if (gold_norm[gi] == pn) if exact else _overlaps(g, p):
                used[gi] = True
                hit += 1
                break
    return hit, hit


def _distinct(spans: list[list[Frag]]) -> list[list[Frag]]:
    return [list(frags) for frags in dict.fromkeys(tuple(f) for f in spans)]


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate_docs(docs: Iterable[GoldDoc], detail: bool = False) -> dict:
    n_docs = 0
    s_tp = s_pred = s_gold = 0
    counts = {
        (k, m): [0, 0, 0] for k in ("source", "cue", "content") for m in ("exact", "overlap")
    }
    for doc in docs:
        n_docs += 1
        preds: dict[str, list[list[Frag]]] = {"source": [], "cue": [], "content": []}
        gold_cues = doc.spans["Cue"]
        sentences = split_sentences(doc.text, [])
        proposed = [find_attributions(doc.text, sent) for sent in sentences]
        parsed = make_doc(doc.text, sentences, [i for i, atts in enumerate(proposed) if atts])
        for sent, unit, atts in zip(sentences, parsed.units, proposed, strict=True):
            atts = [a for a in atts if is_attribution(unit, a)]
            g = any(_overlaps([(sent.start, sent.end)], c) for c in gold_cues)
            s_gold += g
            s_pred += bool(atts)
            s_tp += g and bool(atts)
            for att in atts:
                if att.source is not None:
                    preds["source"].append([(att.source.start, att.source.end)])
                if att.cue is not None:
                    preds["cue"].append([(att.cue.start, att.cue.end)])
                preds["content"].append([(att.content.start, att.content.end)])
        for key, gold_key in (("source", "Source"), ("cue", "Cue"), ("content", "Content")):
            # Spans are counted as sets: a source named once for two cues ("X said ..., adding
            # ...") is one span in the gold annotation and one in the prediction.
            gold = _distinct(doc.spans[gold_key])
            preds[key] = _distinct(preds[key])
            for mode in ("exact", "overlap"):
                hit, _ = _match(doc.text, gold, preds[key], mode == "exact")
                c = counts[(key, mode)]
                c[0] += hit
                c[1] += len(preds[key])
                c[2] += len(gold)
    p, r, f = _prf(s_tp, s_pred, s_gold)
    result: dict = {
        "articles": n_docs,
        "sentence_p": round(p, 4),
        "sentence_r": round(r, 4),
        "sentence_f1": round(f, 4),
    }
    for key in ("source", "cue", "content"):
        for mode in ("exact", "overlap"):
            tp, npred, ngold = counts[(key, mode)]
            pr, rc, f1 = _prf(tp, npred, ngold)
            result[f"{key}_f1_{mode}"] = round(f1, 4)
            if detail:
                result[f"{key}_p_{mode}"] = round(pr, 4)
                result[f"{key}_r_{mode}"] = round(rc, 4)
    return result


def evaluate(dir: Path, limit: int | None = None) -> dict:  # noqa: A002 - CLI contract
    """Score the attribution finder on a PolNeAR split folder."""
    return evaluate_docs(iter_docs(Path(dir), limit))

"""Entity mentions and types against Universal NER English EWT (PER / ORG / LOC, IOB2).

Each document of the file is rebuilt from its sentences' ``# text`` lines (one sentence unit
each) and read by the analyzer's entity finder. A predicted mention counts when its characters
and type match a gold mention exactly (person -> PER, organization -> ORG, place -> LOC; the
finder's product and thing types, and pronoun or description mentions, are not UNER's kinds
and are left out). ``untyped`` scores the spans alone.

EWT is web text (answers, reviews, email, weblogs), not news: lower-case names are common, and
the finder reads capitalisation, so this measures it where it is weakest.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from graph.analyze.entities import find_entities
from graph.analyze.speakers import is_pronoun_like
from graph.model import Sentence

log = logging.getLogger(__name__)

UNER = Path(__file__).resolve().parents[2].parent / "shared" / "nlp" / "uner-english-ewt"
SPLIT_FILES = {"dev": "en_ewt-ud-dev.iob2", "test": "en_ewt-ud-test.iob2"}
UNER_TYPE = {"person": "PER", "organization": "ORG", "place": "LOC"}
KINDS = ("PER", "ORG", "LOC")

Mentions = set[tuple[int, int, str]]


@dataclass(slots=True)
class GoldDocument:
    sentences: list[str] = field(default_factory=list)
    mentions: Mentions = field(default_factory=set)  # (start, end, kind) in the joined text
    length: int = 0

    def add_sentence(self, text: str, tokens: list[tuple[str, str]]) -> None:
        """A sentence with its (form, IOB2 tag) tokens, found in order in ``text``."""
        base = self.length + (1 if self.sentences else 0)
        self.sentences.append(text)
        self.length = base + len(text)
        at = 0
        open_start: int | None = None
        open_kind = ""
        last_end = 0
        for form, tag in tokens:
            found = text.find(form, at)
            start = found if found >= 0 else at
            end = start + len(form)
            at = end
            if open_start is not None and not tag.startswith("I-"):
                self.mentions.add((base + open_start, base + last_end, open_kind))
                open_start = None
            if tag.startswith("B-") or (tag.startswith("I-") and open_start is None):
                open_start, open_kind = start, tag[2:]
            last_end = end
        if open_start is not None:
            self.mentions.add((base + open_start, base + last_end, open_kind))

    @property
    def text(self) -> str:
        return "\n".join(self.sentences)

    def units(self) -> list[Sentence]:
        units, start = [], 0
        for sentence in self.sentences:
            units.append(Sentence(start, start + len(sentence)))
            start += len(sentence) + 1
        return units


def read_documents(path: Path) -> Iterator[GoldDocument]:
    """The file's documents (``# newdoc``), each sentence from its ``# text`` line."""
    doc = GoldDocument()
    text: str | None = None
    tokens: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc") and doc.sentences:
            yield doc
            doc = GoldDocument()
        elif line.startswith("# text = "):
            text = line[len("# text = "):]
        elif not line.strip():
            if text is not None and tokens:
                doc.add_sentence(text, tokens)
            text, tokens = None, []
        elif not line.startswith("#"):
            columns = line.split("\t")
            tokens.append((columns[1], columns[2]))
    if text is not None and tokens:
        doc.add_sentence(text, tokens)
    if doc.sentences:
        yield doc


def predicted_mentions(doc: GoldDocument) -> Mentions:
    text = doc.text
    mentions, entities = find_entities(text, doc.units())
    found: Mentions = set()
    for mention in mentions:
        entity = entities.get(mention.entity_key)
        kind = UNER_TYPE.get(entity.type) if entity is not None else None
        if kind and not is_pronoun_like(mention.text):
            found.add((mention.span.start, mention.span.end, kind))
    return found


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def evaluate(path: Path) -> dict:
    """Typed and untyped exact-span P/R/F1 over one UNER IOB2 file, and F1 per kind."""
    counts: Counter[str] = Counter()
    documents = sentences = 0
    for doc in read_documents(path):
        documents += 1
        sentences += len(doc.sentences)
        gold, pred = doc.mentions, predicted_mentions(doc)
        counts["tp"] += len(gold & pred)
        counts["fp"] += len(pred - gold)
        counts["fn"] += len(gold - pred)
        gold_spans, pred_spans = {m[:2] for m in gold}, {m[:2] for m in pred}
        counts["span_tp"] += len(gold_spans & pred_spans)
        counts["span_fp"] += len(pred_spans - gold_spans)
        counts["span_fn"] += len(gold_spans - pred_spans)
        for kind in KINDS:
            g = {m for m in gold if m[2] == kind}
            p = {m for m in pred if m[2] == kind}
            counts[f"{kind}_tp"] += len(g & p)
            counts[f"{kind}_fp"] += len(p - g)
            counts[f"{kind}_fn"] += len(g - p)
    return {
        "file": path.name,
        "documents": documents,
        "sentences": sentences,
        "gold_mentions": counts["tp"] + counts["fn"],
        **_prf(counts["tp"], counts["fp"], counts["fn"]),
        "untyped": _prf(counts["span_tp"], counts["span_fp"], counts["span_fn"]),
        "per_kind_f1": {kind: _prf(counts[f"{kind}_tp"], counts[f"{kind}_fp"],
                                   counts[f"{kind}_fn"])["f1"] for kind in KINDS},
    }

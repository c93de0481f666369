"""Shared fixtures: small stores built from fixture HTML in tmp dirs, a real `oxigraph serve`."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.pipeline.batch import ingest_sources
from graph.sources.inputs import expand_sources
from graph.store.claim_store import ClaimStore
from graph.store.open import open_store

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo"
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
EVAL = ROOT.parent / "shared" / "eval"
IN_CI = os.environ.get("CI", "").lower() == "true"


def need(condition: bool, reason: str) -> None:
    """Skip when an outside resource is missing, except in CI, where it is a failure."""
    if not condition:
        if IN_CI:
            pytest.fail(f"required in CI: {reason}")
        pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_store(spec: str, *inputs: Path) -> None:
    store = open_store(spec)
    try:
        report = ingest_sources(store, expand_sources([str(p) for p in inputs]))
        assert not report.failures, report.failures
    finally:
        store.close()


@pytest.fixture(scope="session")
def demo_store_dir(tmp_path_factory) -> Path:
    """An embedded Oxigraph store holding the demo corpus (built once, opened per test)."""
    path = tmp_path_factory.mktemp("demo-store")
    build_store(str(path), DEMO)
    return path


@pytest.fixture
def demo_store(demo_store_dir, tmp_path) -> Iterator[ClaimStore]:
    copy = tmp_path / "store"
    shutil.copytree(demo_store_dir, copy)
    store = open_store(str(copy))
    yield store
    store.close()


@pytest.fixture
def memory_store() -> Iterator[ClaimStore]:
    store = open_store("memory")
    yield store
    store.close()


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory) -> Iterator[str]:
    """A real `oxigraph serve` on 127.0.0.1; yields the store spec `sparql:QUERY,UPDATE`."""
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    need(Path(binary).exists(), "the `oxigraph` server binary is not installed")
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph-server")
    process = subprocess.Popen(
        [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
         "--union-default-graph"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=1).read()
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("oxigraph serve did not start")
            time.sleep(0.2)
    yield f"sparql:{base}/query,{base}/update"
    process.terminate()
    process.wait(10)


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory) -> Iterator[str]:
    """A private Virtuoso (Debian `virtuoso-opensource`) on 127.0.0.1; yields `sparql:URL`."""
    from tests import virtuoso_server as virtuoso

    need(virtuoso.binaries() is not None,
         "Virtuoso is not installed (apt install virtuoso-opensource)")
    location = tmp_path_factory.mktemp("virtuoso-server")
    try:
        sql_port, http_port = free_port(), free_port()
        while http_port == sql_port:
            http_port = free_port()
        process, spec = virtuoso.start(location, sql_port, http_port)
    except RuntimeError as exc:
        pytest.fail(str(exc))
    yield spec
    virtuoso.stop(process)

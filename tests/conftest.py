"""Shared fixtures: small stores built from fixture HTML in tmp dirs; real `oxigraph serve`s
(union default graph, as it comes, read-only) and Virtuoso."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
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


def oxigraph_binary() -> str:
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    need(Path(binary).exists(), "the `oxigraph` server binary is not installed")
    return binary


@contextmanager
def oxigraph_serving(location: Path, *options: str,
                     command: str = "serve") -> Iterator[str]:
    """A real `oxigraph serve` (or `serve-read-only`) of ``location`` on 127.0.0.1, for the
    ``with`` block; yields the store spec `sparql:QUERY,UPDATE`."""
    port = free_port()
    process = subprocess.Popen(
        [oxigraph_binary(), command, "--location", str(location), "--bind", f"127.0.0.1:{port}",
         *options],
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
                pytest.fail(f"oxigraph {command} did not start")
            time.sleep(0.2)
    try:
        yield f"sparql:{base}/query,{base}/update"
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory) -> Iterator[str]:
    """`oxigraph serve --union-default-graph`: the default graph is the union of the named."""
    with oxigraph_serving(tmp_path_factory.mktemp("oxigraph-server"),
                          "--union-default-graph") as spec:
        yield spec


@pytest.fixture(scope="session")
def oxigraph_plain_server(tmp_path_factory) -> Iterator[str]:
    """`oxigraph serve` as it comes: the default graph holds only what is written to it."""
    with oxigraph_serving(tmp_path_factory.mktemp("oxigraph-plain")) as spec:
        yield spec


@dataclass(frozen=True)
class ReadOnlyServer:
    spec: str
    cache: Path  # $XDG_CACHE_HOME of the ingest that built it (its side index is there)


@pytest.fixture(scope="session")
def oxigraph_read_only_server(tmp_path_factory) -> Iterator[ReadOnlyServer]:
    """`oxigraph serve-read-only` of a store that `oxigraph serve` was given the fixture
    corpus by (through claimgraph, so it holds claimgraph's store id)."""
    location = tmp_path_factory.mktemp("oxigraph-read-only")
    cache = tmp_path_factory.mktemp("read-only-cache")
    saved = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(cache)
    try:
        with oxigraph_serving(location) as spec:
            build_store(spec, *sorted(CORPUS.glob("*.html")))
            build_store(spec, CORPUS / "late")
    finally:
        if saved is None:
            os.environ.pop("XDG_CACHE_HOME")
        else:
            os.environ["XDG_CACHE_HOME"] = saved
    with oxigraph_serving(location, command="serve-read-only") as spec:
        yield ReadOnlyServer(spec, cache)


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

"""The CLI, run in-process with click's CliRunner on small fixture data."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from rdflib import Dataset

from graph.cli import main
from tests.conftest import DEMO, ROOT


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def store_dir(demo_store_dir, tmp_path):
    import shutil

    copy = tmp_path / "store"
    shutil.copytree(demo_store_dir, copy)
    return copy


def invoke(runner: CliRunner, *args: str, env: dict | None = None):
    result = runner.invoke(main, list(args), env=env, catch_exceptions=False)
    return result


def test_ingest_reports_a_summary_and_is_idempotent(runner, tmp_path):
    store = str(tmp_path / "s")
    first = invoke(runner, "ingest", str(DEMO / "02-harbor-times-report.html"), "--store", store)
    assert first.exit_code == 0, first.output
    assert first.output.strip().splitlines()[-1].startswith("1 articles,")
    again = invoke(runner, "ingest", str(DEMO / "02-harbor-times-report.html"), "--store", store)
    assert "1 unchanged, skipped" in again.output


def test_ingest_reports_failures_and_goes_on(runner, tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_text("")
    store = str(tmp_path / "s")
    result = invoke(runner, "ingest", str(empty), str(DEMO / "03-calder-ledger-report.html"),
                    "--store", store, "--quiet")
    assert result.exit_code == 1  # an item failed; the other is stored
    assert "1 articles" in result.output and "1 failures" in result.output


def test_store_comes_from_the_environment(runner, store_dir):
    result = invoke(runner, "claims", "--format", "json", env={"CLAIMGRAPH_STORE": str(store_dir)})
    assert result.exit_code == 0
    assert len(json.loads(result.output)) > 50


def test_claims_json_filters_by_status(runner, store_dir):
    result = invoke(runner, "claims", "--store", str(store_dir), "--format", "json",
                    "--status", "speculative")
    records = json.loads(result.output)
    assert records and {r["status"] for r in records} == {"speculative"}


def test_claims_csv_and_table(runner, store_dir):
    as_csv = invoke(runner, "claims", "--store", str(store_dir), "--format", "csv",
                    "--outlet", "Harbor Times")
    rows = list(csv.DictReader(io.StringIO(as_csv.output)))
    assert rows and {r["outlet"] for r in rows} == {"Harbor Times"}
    table = invoke(runner, "claims", "--store", str(store_dir), "--limit", "3")
    assert table.output.splitlines()[0].split()[:2] == ["status", "outlet_domain"]
    assert len(table.output.strip().splitlines()) == 5


def test_export_trig_to_file_parses(runner, store_dir, tmp_path):
    out = tmp_path / "graph.trig"
    result = invoke(runner, "export", "--store", str(store_dir), "--format", "trig",
                    "--out", str(out))
    assert result.exit_code == 0
    dataset = Dataset()
    dataset.parse(out, format="trig")
    assert len(list(dataset.graphs())) > 12


def test_export_claimreview_is_schema_org(runner, store_dir):
    result = runner.invoke(main, ["export", "--store", str(store_dir), "--format",
                                  "claimreview"])
    document = json.loads(result.stdout_bytes)
    reviews = document["@graph"]
    assert document["@context"] == "http://schema.org/"
    assert reviews and all(r["@type"] == "ClaimReview" for r in reviews)
    statuses = {"confirmed", "disputed", "sourced", "unsourced", "speculative"}
    assert not {r["reviewRating"]["alternateName"] for r in reviews} & statuses
    assert all(r["author"]["name"] != "claimgraph (automated)" for r in reviews)
    for review in reviews:  # the markup guide's required fields
        assert review["url"].startswith("https://") and review["claimReviewed"]
        assert review["reviewRating"]["alternateName"]
        assert review["itemReviewed"]["@type"] == "Claim"
    assert any(r["author"]["name"] == "TruthDesk" and r.get("datePublished")
               and r["itemReviewed"].get("appearance") for r in reviews)


def test_query_prints_rows_and_refuses_updates(runner, store_dir, tmp_path):
    select = invoke(runner, "query", "--store", str(store_dir), "--format", "json",
                    "SELECT (COUNT(?c) AS ?n) WHERE { ?c a schema:Claim }")
    assert json.loads(select.output)[0]["n"] > 50
    query_file = tmp_path / "q.rq"
    query_file.write_text("SELECT ?o WHERE { ?o a schema:NewsMediaOrganization }")
    from_file = invoke(runner, "query", "--store", str(store_dir), "--format", "csv",
                       f"@{query_file}")
    assert len(from_file.output.strip().splitlines()) == 13  # header + 12 outlets
    refused = invoke(runner, "query", "--store", str(store_dir), "DROP ALL")
    assert refused.exit_code != 0
    assert "refused" in refused.output and len(refused.output.strip().splitlines()) == 1
    malformed = invoke(runner, "query", "--store", str(store_dir), "SELECT WHERE {")
    assert malformed.exit_code != 0 and "malformed SPARQL" in malformed.output


def test_python_dash_m_graph_works(store_dir):
    completed = subprocess.run(
        [sys.executable, "-m", "graph", "claims", "--store", str(store_dir), "--format", "json",
         "--status", "confirmed"],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    assert {r["status"] for r in json.loads(completed.stdout)} == {"confirmed"}


def test_trace_and_circular_report_on_the_fixture_corpus(runner, tmp_path):
    from tests.conftest import CORPUS

    store = str(tmp_path / "corpus")
    invoke(runner, "ingest", *sorted(str(p) for p in CORPUS.glob("*.html")), "--store", store,
           "--quiet")
    records = json.loads(invoke(runner, "claims", "--store", store, "--format", "json",
                                "--outlet", "dailydigest.example").output)
    copied = [r for r in records if r["derived_from"]][0]
    steps = json.loads(invoke(runner, "trace", copied["id"], "--store", store, "--format",
                              "json").output)
    assert steps[0]["role"] == "origin" and steps[0]["domain"] == "theledger.example"
    assert steps[-1]["claim"] == copied["id"] and steps[-1]["kind"] == "copy"
    assert steps[0]["published"] <= steps[-1]["published"]
    missing = runner.invoke(main, ["trace", "urn:nope", "--store", store])
    assert missing.exit_code != 0 and "no such claim" in missing.output
    report = invoke(runner, "circular", "--store", store).output
    cycle = [line for line in report.splitlines() if line.startswith("cycle:")]
    assert cycle and "northgateherald.example" in cycle[0] and "riverpost.example" in cycle[0]


def _one_error_line(result) -> str:
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert lines[-1].startswith("Error: "), result.output
    return lines[-1]


def test_reading_commands_never_create_a_store(runner, tmp_path):
    missing = tmp_path / "typo"
    for command in (["claims"], ["export", "--format", "nt"], ["query", "ASK { ?s ?p ?o }"],
                    ["circular"]):
        line = _one_error_line(invoke(runner, *command, "--store", str(missing)))
        assert line == f"Error: {missing}: no store here (ingest into it first)"
    assert not missing.exists()


def test_a_folder_of_other_files_is_not_taken_for_a_store(runner, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "page.html").write_text("<html></html>", encoding="utf-8")
    for command in (["claims"], ["ingest", str(DEMO / "02-harbor-times-report.html")]):
        line = _one_error_line(invoke(runner, *command, "--store", str(corpus)))
        assert line == f"Error: {corpus}: not a claimgraph store (a folder with other files in it)"
    assert [p.name for p in corpus.iterdir()] == ["page.html"]
    inside_a_file = tmp_path / "corpus" / "page.html" / "store"
    line = _one_error_line(invoke(runner, "ingest", str(DEMO), "--store", str(inside_a_file)))
    assert line.startswith(f"Error: {inside_a_file}: cannot create store (")


def test_export_into_a_missing_folder_is_one_line(runner, store_dir, tmp_path):
    out = tmp_path / "no" / "such" / "graph.nt"
    line = _one_error_line(invoke(runner, "export", "--store", str(store_dir), "--out", str(out)))
    assert line == f"Error: {out}: no such folder {out.parent}"


def test_ingest_names_unsupported_schemes_and_empty_inputs(runner, tmp_path):
    store = str(tmp_path / "s")
    page = str(DEMO / "02-harbor-times-report.html")
    result = invoke(runner, "ingest", "ftp://127.0.0.1/x", page, "--store", store, "--quiet")
    assert result.exit_code == 1  # one item failed, the other is stored
    assert "failed: ftp://127.0.0.1/x: unsupported URL scheme 'ftp' (http and https only)" in (
        result.output)
    assert result.stdout.strip().splitlines()[-1].startswith("1 articles,")
    empty = tmp_path / "empty"
    empty.mkdir()
    line = _one_error_line(invoke(runner, "ingest", str(empty), "--store", store))
    assert line == f"Error: {empty}: nothing to ingest (no HTML or .txt files or URLs)"


def test_query_with_an_unknown_prefix_names_it(runner, store_dir):
    line = _one_error_line(invoke(runner, "query", "SELECT ?x WHERE { ?x foo:bar ?y }",
                                  "--store", str(store_dir)))
    assert line.startswith("Error: malformed SPARQL: unknown prefix 'foo:' (declare it with")
    assert "schema" in line


def test_extraction_library_remarks_stay_out_of_the_output(tmp_path):
    """trafilatura logs markup oddities (an empty link) as warnings; they are not the user's
    errors, so only ``-v`` shows them."""
    body = " ".join(["The council said the bridge will close for repairs in March."] * 6)
    page = tmp_path / "page.html"
    page.write_text(f'<html><head><title>Bridge</title></head><body><article><h1>Bridge</h1>'
                    f'<p>{body} <a href="https://example.org/live/"> </a> More.</p><p>{body}</p>'
                    f'</article></body></html>', encoding="utf-8")

    def ingest(*flags: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "graph", *flags, "ingest", str(page), "--force",
             "--store", str(tmp_path / "s")],
            capture_output=True, text=True, cwd=ROOT, timeout=120)

    quiet, verbose = ingest(), ingest("-v")
    assert quiet.returncode == verbose.returncode == 0, quiet.stderr + verbose.stderr
    assert "empty link" in verbose.stderr
    assert "trafilatura" not in quiet.stderr

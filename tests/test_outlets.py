"""`claimgraph outlets link DOMAIN ENTITY`: a user's evidence that an outlet is an actor's own,
kept in the RDF and used when links are judged (CLI in-process, real store on disk)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from graph.cli import main

REPORT = ("Meridian Works won a $52 million contract to retrofit the Harbor Bridge, the city "
          "council said on Monday.\n\nThe work starts in April, officials said.\n")
REPLY = ("Meridian Works won a $40 million contract to retrofit the Harbor Bridge, the city "
         "council said on Monday.\n\nThe company will hire local crews, its chief said.\n")


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)


def ingest(store: str, text: str, url: str, outlet: str) -> None:
    result = run("ingest", "-", "--store", store, "--url", url, "--outlet", outlet,
                 "--published", "2026-03-02", stdin=text)
    assert result.exit_code == 0, result.output


def disputes(store: str) -> list[dict]:
    rows = json.loads(run("claims", "--store", store, "--format", "json").output)
    (report,) = [r for r in rows if r["article"] == "https://harbortimes.example/contract"
                 and "$52 million" in r["text"]]
    return report["disputed_by"]


def test_a_linked_outlet_disputes_as_an_interested_party(tmp_path: Path) -> None:
    unlinked, linked = str(tmp_path / "a"), str(tmp_path / "b")
    for store in (unlinked, linked):
        ingest(store, REPORT, "https://harbortimes.example/contract", "Harbor Times")
    result = run("outlets", "link", "rivetdaily.example", "Meridian Works", "--store", linked)
    assert result.exit_code == 0, result.output
    for store in (unlinked, linked):
        ingest(store, REPLY, "https://rivetdaily.example/reply", "The Daily Rivet")
    assert [d["kind"] for d in disputes(unlinked)] == ["independent"]
    assert [d["kind"] for d in disputes(linked)] == ["interested"]
    turtle = run("export", "--store", linked, "--format", "turtle").output
    assert "parentOrganization" in turtle


def test_link_refuses_what_it_cannot_show(tmp_path: Path) -> None:
    store = str(tmp_path / "s")
    ingest(store, REPORT, "https://harbortimes.example/contract", "Harbor Times")
    unknown = run("outlets", "link", "rivetdaily.example", "Nobody Inc", "--store", store)
    assert unknown.exit_code == 1
    assert unknown.output.strip() == "Error: Nobody Inc: no entity of that name in the store"
    bad = run("outlets", "link", "not a domain", "Meridian Works", "--store", store)
    assert bad.exit_code == 1 and "not a domain name" in bad.output

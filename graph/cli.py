"""`claimgraph` — one command group; each command is a thin wrapper over library calls."""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import click

import graph
from graph.pipeline.batch import collect_sources
from graph.queries.console import QueryRefused, run_query
from graph.sources.fetch import FetchPolicy
from graph.store.open import STORE_ENV, store_spec
from graph.store.side_index import open_index

STORE_OPTION = click.option(
    "--store", "store", default=None, metavar="DIR|memory|sparql:URL[,UPDATE_URL]",
    help=f"Store to use (default: ${STORE_ENV} or data/store).",
)
ROOT = Path(__file__).resolve().parent.parent


def _open(spec: str | None, wait: float = 0.0, create: bool = False):
    """The store for a command; only ``ingest`` creates one."""
    try:
        return graph.open_store(spec, wait=wait, create=create)
    except graph.StoreError as exc:
        raise click.ClickException(str(exc)) from None


def _print_table(columns: list[str], rows: list[dict], width: int = 60) -> None:
    def cell(value) -> str:
        text = "" if value is None else str(value)
        text = text.replace("\n", " ")
        return text if len(text) <= width else text[: width - 1] + "…"

    widths = {c: max([len(c)] + [len(cell(r.get(c))) for r in rows]) for c in columns}
    click.echo("  ".join(c.ljust(widths[c]) for c in columns))
    click.echo("  ".join("-" * widths[c] for c in columns))
    for row in rows:
        click.echo("  ".join(cell(row.get(c)).ljust(widths[c]) for c in columns))


def _print_rows(columns: list[str], rows: list[dict], fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        click.echo(buffer.getvalue(), nl=False)
    else:
        _print_table(columns, rows)


EXTRACTION_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext")


def _web_url(_ctx, _param, value: str | None) -> str | None:
    if value is not None and not value.startswith(("http://", "https://")):
        raise click.BadParameter(f"{value}: not an http(s) URL")
    return value


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Log progress details.")
@click.version_option(package_name="claimgraph")
def main(verbose: bool) -> None:
    """claimgraph: who said it, who copied it, who confirmed it."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    for name in EXTRACTION_LOGGERS:  # remarks on a page's markup, not on what the user did
        logging.getLogger(name).setLevel(logging.INFO if verbose else logging.ERROR)


@main.command()
@click.argument("sources", nargs=-1)
@click.option("--feed", "feeds", multiple=True, metavar="URL|FILE",
              help="An RSS or Atom feed whose items to ingest (repeatable).")
@click.option("--urls-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A file with one URL a line.")
@STORE_OPTION
@click.option("--force", is_flag=True, help="Re-analyse even unchanged articles.")
@click.option("--allow-private", is_flag=True,
              help="Allow fetching from private and loopback addresses (local servers).")
@click.option("--max-bytes", type=int, default=10 * 1024 * 1024, show_default=True,
              help="Refuse pages larger than this.")
@click.option("--timeout", type=float, default=15.0, show_default=True, help="Seconds per URL.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes that fetch, extract and analyse; writes stay in one process.")
@click.option("--wait", type=float, default=0.0, show_default=True, metavar="SECONDS",
              help="Retry this long when the embedded store is open in another process.")
@click.option("--url", "given_url", callback=_web_url, metavar="URL",
              help="The article's URL (one file or stdin); without it a local article is "
                   "named urn:claimgraph:article:sha256:<its text's hash>.")
@click.option("--title", help="The article's title (one file or stdin).")
@click.option("--outlet", "given_outlet", help="The outlet that published it (one file or stdin).")
@click.option("--author", help="Its author (one file or stdin).")
@click.option("--published", type=click.DateTime(["%Y-%m-%d"]),
              help="Its publication date, YYYY-MM-DD (one file or stdin): recorded as said by "
                   "the user, ckg:dateSource \"user\".")
@click.option("--keep-file-name", is_flag=True,
              help="Record the file's name (not its folder) as dcterms:source.")
def ingest(sources, feeds, urls_file, store, force, allow_private, max_bytes, timeout,
           quiet, workers, wait, given_url, title, given_outlet, author, published,
           keep_file_name):
    """Ingest URLs, HTML and .txt files, folders (recursively), feeds and "-" (standard
    input, HTML or plain text) into the store. Plain text: paragraphs separated by blank lines.

    Exit status 1 when any item failed (each failure is one line on stderr; the rest are
    stored), 0 when every item was stored or was unchanged."""
    if not sources and urls_file is None and not feeds:
        raise click.UsageError("give at least one SOURCE, --feed or --urls-file")
    from tqdm import tqdm

    from graph.model import GivenMetadata
    from graph.sources.inputs import stdin_source, with_given

    files = [s for s in sources if s != "-"]
    given = GivenMetadata(
        url=given_url, title=title, outlet=given_outlet, author=author,
        published=published.date() if published else None,
        source_file=Path(files[0]).name if keep_file_name and len(files) == 1 else None,
    )
    policy = FetchPolicy(timeout_s=timeout, max_bytes=max_bytes, allow_private=allow_private)
    try:
        items = (collect_sources(files, feeds=feeds, urls_file=urls_file, policy=policy)
                 if files or feeds or urls_file else [])
        if "-" in sources:
            items.append(stdin_source(sys.stdin.buffer.read(max_bytes + 1)))
        items = with_given(items, given)
    except graph.IngestError as exc:
        raise click.ClickException(str(exc)) from None
    with _open(store, wait, create=True) as opened:
        progress = tqdm(total=len(items), unit="article", disable=quiet or len(items) < 2,
                        file=sys.stderr, dynamic_ncols=True)

        def report(item) -> None:
            progress.update(1)
            if not item.ok:
                progress.write(f"failed: {item.source}: {item.error}", file=sys.stderr)

        try:
            result = graph.ingest(opened, items, policy=policy, force=force, workers=workers,
                                  on_item=report)
        except graph.StoreError as exc:
            raise click.ClickException(str(exc)) from None
        finally:
            progress.close()
    click.echo(result.summary())
    if result.failures:  # the other items are stored; scripts still learn that some failed
        sys.exit(1)


@main.command()
@STORE_OPTION
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "table"]), default="table",
              show_default=True)
@click.option("--status", type=click.Choice([s.value for s in graph.Status]))
@click.option("--entity", help="Only claims about this entity (name or alias).")
@click.option("--outlet", help="Only claims from this outlet (name or domain).")
@click.option("--text", help="Only claims whose sentence contains this text.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Published on or after.")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Published on or before.")
@click.option("--sort", type=click.Choice(["newest", "oldest", "check_worthiness", "outlet",
                                           "position"]), default="position", show_default=True)
@click.option("--limit", type=int, default=None, help="At most this many claims.")
def claims(store, fmt, status, entity, outlet, text, since, until, sort, limit):
    """List claims with their status, source, hedging and links."""
    flt = graph.ClaimFilter(status=status, entity=entity, outlet=outlet, text=text,
                      date_from=since.date() if since else None,
                      date_to=until.date() if until else None)
    with _open(store) as opened:
        records = graph.claims(opened, flt, sort=sort, limit=limit)
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        from graph.queries.export import claims_csv

        click.echo(claims_csv(records).decode("utf-8"), nl=False)
    else:
        rows = [{**r, "confirmed": len(r["confirmed_by"]), "disputed": len(r["disputed_by"])}
                for r in records]
        _print_table(["status", "outlet_domain", "speaker", "source", "confirmed", "disputed",
                      "text"], rows)


@main.command(name="export")
@STORE_OPTION
@click.option("--format", "fmt", type=click.Choice(graph.FORMATS), default="trig",
              show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (default: standard output).")
@click.option("--status", type=click.Choice([s.value for s in graph.Status]),
              help="Only articles holding claims of this status.")
def export_command(store, fmt, out, status):
    """Write the graph as Turtle, TriG, N-Triples, N-Quads, JSON-LD, ClaimReview or CSV."""
    flt = graph.ClaimFilter(status=status) if status else None
    if out is not None and not out.parent.is_dir():
        raise click.ClickException(f"{out}: no such folder {out.parent}")
    with _open(store) as opened:
        data = graph.export(opened, fmt, flt)
    if out is None:
        sys.stdout.buffer.write(data)
        return
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise click.ClickException(f"{out}: cannot write ({exc.strerror or exc})") from None
    click.echo(f"wrote {out} ({len(data)} bytes, {fmt})", err=True)


@main.command()
@click.argument("query")
@STORE_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True)
@click.option("--max-rows", type=int, default=1000, show_default=True)
@click.option("--timeout", type=float, default=30.0, show_default=True)
def query(query, store, fmt, max_rows, timeout):
    """Run a read-only SPARQL query (QUERY, or @FILE to read it from a file)."""
    if query.startswith("@"):
        path = Path(query[1:])
        if not path.is_file():
            raise click.ClickException(f"{path}: no such query file")
        query = path.read_text(encoding="utf-8")
    with _open(store) as opened:
        try:
            result = run_query(opened, query, max_rows=max_rows, timeout_s=timeout)
        except QueryRefused as exc:
            raise click.ClickException(str(exc)) from None
    _print_rows(result.columns, result.rows, fmt)
    if result.truncated:
        click.echo(f"(stopped at {len(result.rows)} rows)", err=True)


@main.group()
def outlets() -> None:
    """Which outlet belongs to which actor (evidence you can show)."""


@outlets.command(name="link")
@click.argument("domain")
@click.argument("entity")
@STORE_OPTION
def outlets_link(domain, entity, store):
    """Record that the outlet at DOMAIN belongs to ENTITY (a name in the store): it is then
    primary on ENTITY's claims (an interested party when it disputes), never independent."""
    from graph.pipeline.outlets import OutletLinkError, link_outlet

    with _open(store) as opened:
        try:
            key = link_outlet(opened, domain, entity)
        except OutletLinkError as exc:
            raise click.ClickException(str(exc)) from None
    click.echo(f"{domain} belongs to {entity} ({key}); articles already stored keep their "
               "links until re-ingested with --force")


@main.command()
@click.argument("claim")
@STORE_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
def trace(claim, store, fmt):
    """Print the provenance chain of CLAIM (its IRI) back to the earliest source, with dates."""
    from graph.corroborate.network import order_known
    from graph.corroborate.network import trace as trace_claim

    with _open(store) as opened, open_index(opened) as index:
        steps = trace_claim(claim, index)
    if not steps:
        raise click.ClickException(f"{claim}: no such claim in the store")
    if not order_known(steps):
        undated = sum(1 for s in steps if s.published is None)
        click.echo(f"order unknown: {undated} of {len(steps)} articles have no publication "
                   "date, so no step is taken as the origin", err=True)
    rows = [{"published": s.published.isoformat() if s.published else None, "role": s.role,
             "kind": s.kind, "outlet": s.outlet, "domain": s.domain, "article": s.article,
             "claim": s.claim, "reason": s.reason} for s in steps]
    _print_rows(["published", "role", "kind", "domain", "article"] if fmt == "table"
                else list(rows[0]), rows, fmt)


@main.command()
@STORE_OPTION
@click.option("--min-group", type=int, default=3, show_default=True,
              help="Report an upstream when at least this many articles trace back to it.")
def circular(store, min_group):
    """Report circular reporting: citation cycles, and many articles tracing to one upstream."""
    from graph.corroborate.network import derivation_graph, find_circular_reporting

    with _open(store) as opened, open_index(opened) as index:
        report = find_circular_reporting(derivation_graph(index.article_derivations()),
                                         min_group=min_group)
    for cycle in report.cycles:
        click.echo("cycle: " + " -> ".join(cycle + cycle[:1]))
    for upstream in report.shared_upstreams:
        click.echo(upstream.description)
        for article in upstream.articles:
            click.echo(f"  {article}")
    if not report.cycles and not report.shared_upstreams:
        click.echo("no circular reporting found")


@main.command()
@STORE_OPTION
@click.option("--port", type=int, default=8501, show_default=True)
@click.option("--address", default="127.0.0.1", show_default=True)
def app(store, port, address):
    """Open the Streamlit workbench on the store."""
    env = dict(os.environ, **{STORE_ENV: store_spec(store)})
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
               "--server.port", str(port), "--server.address", address,
               "--browser.gatherUsageStats", "false"]
    raise SystemExit(subprocess.call(command, env=env))


@main.command()
@click.option("--quick", is_flag=True, help="Small sizes; finishes in under two minutes.")
@click.option("--pages", "pages_dir", type=click.Path(file_okay=False, path_type=Path),
              default=None,
              help="Real news pages to time (default: ../shared/eval/news-html/html).",
              )
@click.option("--triples", type=int, default=None, help="Size of the synthetic query store.")
@click.option("--batch", type=int, default=None, help="Articles in the synthetic batch run.")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Worker processes for the ingest runs (default: CPU count).")
@click.option("--work-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to build stores (default: a temporary directory, removed after).")
def bench(quick, pages_dir, triples, batch, workers, work_dir):
    """Time ingest, queries and export side by side; the last line printed is JSON."""
    from graph.bench import BenchConfig, run_bench

    config = BenchConfig.make(quick=quick, pages_dir=pages_dir, triples=triples, batch=batch,
                              workers=workers, work_dir=work_dir)
    result = run_bench(config, echo=click.echo)
    click.echo(json.dumps(result, sort_keys=False))


@main.group(name="eval")
def eval_group() -> None:
    """Score the analysis against public datasets; the last line printed is JSON."""


def _print_scores(scores: dict) -> None:
    click.echo(json.dumps(scores, sort_keys=False))


@eval_group.command(name="attribution")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--limit", type=int, default=None, help="Only the first N articles.")
def eval_attribution(directory, limit):
    """PolNeAR split (text/, attributions/): sentence, source, cue and content F1."""
    from graph.evaluate import attribution

    _print_scores(attribution.evaluate(directory, limit=limit))


@eval_group.command(name="news")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--html", "html_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=None, help="Folder of ID.html pages (default: ../shared/eval/news-html).")
@click.option("--split", type=click.Choice(["dev", "test", "all"]), default="all",
              show_default=True)
def eval_news(gold, html_dir, split):
    """Hand-labelled real news (tests/gold/news.json): unit accuracy, sourced P/R, speaker."""
    from graph.evaluate import news

    _print_scores(news.evaluate(gold, html_dir or news.PAGES, None if split == "all" else split))


@eval_group.command(name="entities")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                required=False)
@click.option("--split", type=click.Choice(["dev", "test"]), default="dev", show_default=True,
              help="Which UNER English EWT file, when PATH is not given.")
def eval_entities(path, split):
    """Universal NER English EWT (IOB2): entity mention and type P/R/F1 (PER, ORG, LOC)."""
    from graph.evaluate import entities

    _print_scores(entities.evaluate(path or entities.UNER / entities.SPLIT_FILES[split]))


@eval_group.command(name="hedge")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
def eval_hedge(path):
    """BioScope XML file or SFU Review folder: sentence-level speculation P/R/F1."""
    from graph.evaluate import hedge

    _print_scores(hedge.evaluate(path))


@eval_group.command(name="negation")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
def eval_negation(path):
    """BioScope XML file or SFU Review folder: sentence-level negation P/R/F1."""
    from graph.evaluate import negation

    _print_scores(negation.evaluate(path))


@eval_group.command(name="checkworthy")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
def eval_checkworthy(directory):
    """CheckThat! 2020 task 5 debates: MAP of the check-worthiness ranking."""
    from graph.evaluate import checkworthy

    _print_scores(checkworthy.evaluate(directory))


@eval_group.command(name="matching")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--split", default="dev", show_default=True)
@click.option("--reranker", type=click.Choice(["lexical", "semantic", "auto"]), default="auto",
              show_default=True,
              help="auto: semantic when the 'semantic' extra is installed, else lexical "
                   "(the JSON names the one used).")
def eval_matching(directory, split, reranker):
    """CheckThat! 2020 task 2: MAP@5 of claim matching against verified claims."""
    from graph.evaluate import matching

    try:
        _print_scores(matching.evaluate(directory, split, reranker=reranker))
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from exc


if __name__ == "__main__":
    main()

"""The ``athar`` command line: thin commands over graph.api functions."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from . import __version__
from .errors import AtharError


def _published(ctx, param, value):
    if value is None:
        return None
    from datetime import date
    try:
        date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None
    return value


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="athar")
def main():
    """Athar (أثر): Arabic conflict news → a knowledge graph of actors, places and incidents.

    \b
    Examples:
      athar build                         # the embedded sample corpus → exports/
      athar build news/ --out out/        # a folder of .txt/.jsonl/.html articles
      athar extract article.txt --format jsonl
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out", default="exports", show_default=True, type=click.Path(path_type=Path),
              help="Folder for the exports.")
@click.option("--kb", "kb_files", multiple=True, type=click.Path(path_type=Path),
              help="Extra knowledge-base YAML file(s) to merge (same format as the built-in one).")
@click.option("--published", callback=_published, help="Publication date (YYYY-MM-DD) for inputs without one.")
def build(paths, out, kb_files, published):
    """Read articles and write the graph exports into --out.

    Without PATHS, reads the embedded sample corpus. Writes graph.ttl (RDF/Turtle), graph.html
    (interactive network page), events.csv (ACLED-style, one row per incident), entities.csv,
    edges.csv, graph.graphml and extractions.jsonl (the extract contract).

    \b
    Examples:
      athar build
      athar build ~/news/2015/ --out exports/2015 --published 2015-07-30
      athar build feed.jsonl --kb my_actors.yaml
    """
    from .api import build_exports
    t0 = time.perf_counter()
    try:
        stats = build_exports([str(p) for p in paths] or None, out, tuple(map(str, kb_files)), published)
    except AtharError as e:
        raise click.ClickException(str(e)) from None
    dt = time.perf_counter() - t0
    click.echo(f"Read {stats['documents']} documents ({stats['sentences']} sentences) and found "
               f"{stats['actors']} actors, {stats['places']} places and {stats['incidents']} incidents "
               f"({stats['mentions']} incident mentions) in {dt:.1f}s; wrote {', '.join(stats['files'])} "
               f"to {out}/.")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True,
              help="Output format (one JSON object per document).")
@click.option("--kb", "kb_files", multiple=True, type=click.Path(path_type=Path),
              help="Extra knowledge-base YAML file(s) to merge.")
@click.option("--published", callback=_published, help="Publication date (YYYY-MM-DD) for inputs without one.")
def extract(paths, fmt, kb_files, published):
    """Extract entities and incidents; write one JSON object per document to stdout.

    \b
    Examples:
      athar extract article.txt
      athar extract news/ --format jsonl > extractions.jsonl
      athar extract feed.jsonl --published 2015-08-01
    """
    from .api import iter_extractions
    from .jsonl import dumps
    try:
        for x in iter_extractions([str(p) for p in paths], tuple(map(str, kb_files)), published):
            sys.stdout.write(dumps(x) + "\n")
    except AtharError as e:
        raise click.ClickException(str(e)) from None


if __name__ == "__main__":  # pragma: no cover
    main()

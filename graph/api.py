"""The Python API: read articles, extract, build the graph, write exports.

>>> from graph.api import load_graph
>>> G = load_graph()                       # the embedded sample corpus
>>> any(d["kind"] == "event" for _, d in G.nodes(data=True))
True
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import networkx as nx

from . import ingest
from .build import build_graph
from .errors import InputError
from .model import Extraction
from .pipeline import extract_many
from .recognize import resources

EXPORTS = ("graph.ttl", "graph.html", "events.csv", "entities.csv", "edges.csv", "graph.graphml",
           "extractions.jsonl")


def iter_extractions(paths: list[str] | None = None, kb_files: tuple[str, ...] = (),
                     published: str | None = None) -> Iterator[Extraction]:
    """Extractions of every document under ``paths`` (default: the embedded corpus), in order."""
    res = resources(tuple(kb_files))

    def docs():
        for doc in ingest.read(paths or [ingest.default_corpus()], published):
            if not paths:
                # the embedded corpus is named by its place in the package, not on this machine
                doc = replace(doc, path="graph/data/corpus/" + Path(doc.path).name)
            yield doc

    yield from extract_many(docs(), res)


def load_graph(paths: list[str] | None = None, kb_files: tuple[str, ...] = (),
               published: str | None = None) -> nx.MultiDiGraph:
    """The knowledge graph of the documents under ``paths`` (default: the embedded corpus)."""
    return build_graph(iter_extractions(paths, kb_files, published), kb_files)


def build_exports(paths: list[str] | None, out: str | Path, kb_files: tuple[str, ...] = (),
                  published: str | None = None) -> dict:
    """Extract, build the graph and write every export into ``out``. Returns summary counts."""
    from .atomic import atomic_write_text
    from .html import write_html
    from .jsonl import dumps
    from .rdf import write_turtle
    from .tables import write_edges_csv, write_entities_csv, write_events_csv, write_graphml

    xs = list(iter_extractions(paths, kb_files, published))
    G = build_graph(xs, kb_files)
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise InputError(out, "--out must be a folder")
    out.mkdir(parents=True, exist_ok=True)
    atomic_write_text(out / "extractions.jsonl", "".join(dumps(x) + "\n" for x in xs))
    write_events_csv(G, out / "events.csv")
    write_entities_csv(G, out / "entities.csv")
    write_edges_csv(G, out / "edges.csv")
    write_graphml(G, out / "graph.graphml")
    write_turtle(G, out / "graph.ttl")
    write_html(G, out / "graph.html")
    nodes = [a for _, a in G.nodes(data=True)]
    return {
        "documents": len(xs), "sentences": sum(len(x.sentences) for x in xs),
        "actors": sum(1 for a in nodes if a["kind"] == "entity" and a["type"] not in ("Location", "Country")),
        "places": sum(1 for a in nodes if a["kind"] == "entity" and a["type"] in ("Location", "Country")
                      and a.get("mention_count")),
        "incidents": sum(1 for a in nodes if a["kind"] == "event"),
        "mentions": sum(len(x.events) for x in xs), "files": list(EXPORTS),
    }

"""Table exports of the Athar graph: ACLED-style events CSV, entity and edge CSVs, GraphML.

* ``write_events_csv`` — one row per incident, ACLED export column names where they fit
  (``event_id_cnty``, ``event_date``, ``time_precision``, ``actor1`` ... ``fatalities``), then
  Athar's own columns (``athar_type``, ``cameo_code``, ``reported_by`` ... ``evidence``).
* ``write_entities_csv`` / ``write_edges_csv`` — a node table and an edge table, the pair
  Gephi's spreadsheet import and ``pandas.read_csv`` expect (``id`` ↔ ``source``/``target``).
* ``write_graphml`` — the whole graph for Gephi / Cytoscape / yEd, with tuple, dict and
  None attributes flattened (GraphML holds only scalars).

All writers sort their rows, write UTF-8 (CSV with RFC 4180 ``\\r\\n`` line ends) and
replace the destination atomically (``graph.atomic``), so the same graph always gives
byte-identical files.
"""
from __future__ import annotations

import csv
import io
import json
import math
import os
import re
from collections.abc import Iterable

import networkx as nx

from graph.atomic import atomic_write_bytes

EVENT_COLUMNS = (
    # ACLED export columns
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "country", "admin1", "admin2",
    "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
    # Athar's own
    "athar_type", "cameo_code", "reported_by", "injured", "aggregate", "date_basis",
    "date_end", "mention_count", "doc", "evidence", "trigger", "label", "partial",
)
"""Columns of ``write_events_csv``. ACLED's ``inter1``/``inter2`` codes are left out: they
depend on whether a state force is domestic or foreign, which the graph does not record."""

ENTITY_COLUMNS = ("id", "type", "label", "label_en", "wikidata", "lat", "lon", "precision",
                  "country", "admin1", "admin2", "mention_count", "docs", "aliases")
EDGE_COLUMNS = ("source", "target", "role", "doc", "start", "end", "text")

TIME_PRECISION = {"day": "1", "month": "2", "week": "2", "year": "3", "range": "3"}
"""Athar date precision → ACLED ``time_precision`` (1 exact day, 2 week/month, 3 longer)."""

GEO_PRECISION = {"town": "1", "subdistrict": "2", "district": "2", "region": "2",
                 "governorate": "3", "country": "3"}
"""Athar place precision → ACLED ``geo_precision`` (1 town, 2 district/region, 3 province+)."""


# --------------------------------------------------------------------------- helpers

def cell(value) -> str:
    """A CSV cell: '' for None/NaN, 'true'/'false' for booleans, the shortest float repr."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return "" if math.isnan(value) else repr(value)
    if isinstance(value, (tuple, list)):
        return ";".join(cell(v) for v in value)
    return str(value)


def _csv_bytes(columns: Iterable[str], rows: Iterable[dict], bom: bool) -> bytes:
    buffer = io.StringIO()
    # RFC 4180 line ends: with "\r\n" as terminator the csv module also quotes any field
    # holding a lone "\r", which a "\n" terminator would leave bare (and break the row)
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\r\n",
                            extrasaction="raise")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: cell(v) for k, v in row.items()})
    data = buffer.getvalue().encode("utf-8")
    return (b"\xef\xbb\xbf" + data) if bom else data


def _name(G: nx.MultiDiGraph, key: str) -> str:
    """English label if known, else the Arabic label, else the key."""
    data = G.nodes[key]
    return data.get("label_en") or data.get("label") or str(key)


def _first_offset(evidence) -> tuple:
    """Sort key putting the earliest-mentioned participant first."""
    spans = [(str(e.get("doc", "")), e.get("start", 0)) for e in evidence or ()
             if isinstance(e.get("start"), int)]
    return min(spans) if spans else ("\uffff", 0)


def _role_targets(G: nx.MultiDiGraph, node: str, role: str) -> list[str]:
    """Successors of ``node`` along ``role`` edges, earliest mention first."""
    found: dict[str, tuple] = {}
    for _, v, k, data in G.out_edges(node, keys=True, data=True):
        if (data.get("role") or k) != role:
            continue
        key = _first_offset(data.get("evidence"))
        found[v] = min(found.get(v, key), key)
    return sorted(found, key=lambda v: (found[v], str(v)))


def _country_name(G: nx.MultiDiGraph, place: str) -> str | None:
    """Name of the country containing ``place`` (via ``part_of``), else its ISO2 code."""
    seen, frontier = set(), [place]
    while frontier:
        current = frontier.pop(0)
        if current in seen:
            continue
        seen.add(current)
        if G.nodes[current].get("type") == "Country":
            return _name(G, current)
        frontier.extend(sorted(_role_targets(G, current, "part_of"), key=str))
    code = G.nodes[place].get("country")
    if code and f"place:country:{code}" in G:
        return _name(G, f"place:country:{code}")
    return code


def _event_docs(G: nx.MultiDiGraph, node: str, data: dict) -> list[str]:
    docs = {str(e["doc"]) for e in data.get("evidence") or () if e.get("doc")}
    for v in _role_targets(G, node, "mentioned_in"):
        if G.nodes[v].get("kind") == "document":
            docs.add(str(G.nodes[v].get("doc") or str(v).removeprefix("doc:")))
    return sorted(docs)


def _doc_outlets(G: nx.MultiDiGraph, docs: list[str]) -> list[str]:
    outlets = set()
    for doc in docs:
        node = G.nodes.get(f"doc:{doc}")
        if node and node.get("source"):
            outlets.add(str(node["source"]))
    return sorted(outlets)


def _evidence_refs(evidence) -> str:
    return ";".join(f"{e.get('doc')}:{e.get('start')}-{e.get('end')}" for e in evidence or ())


# --------------------------------------------------------------------------- events

def event_rows(G: nx.MultiDiGraph) -> list[dict]:
    """The rows of ``write_events_csv``, sorted by event_date (undated last) then id."""
    rows = []
    for node, data in G.nodes(data=True):
        if data.get("kind") != "event":
            continue
        agents = _role_targets(G, node, "agent")
        targets = _role_targets(G, node, "target")
        places = _role_targets(G, node, "location")
        reporters = _role_targets(G, node, "reported_by")
        place = G.nodes[places[0]] if places else {}
        docs = _event_docs(G, node, data)
        evidence = data.get("evidence") or ()
        sentences = []
        for e in evidence:
            sentence = (e.get("sentence") or "").strip()
            if sentence and sentence not in sentences:
                sentences.append(sentence)
        date = data.get("date")
        rows.append({
            "event_id_cnty": node,
            "event_date": date,
            "year": str(date)[:4] if date else None,
            "time_precision": TIME_PRECISION.get(data.get("date_precision")),
            "event_type": data.get("acled_event_type"),
            "sub_event_type": data.get("acled_sub_event_type"),
            "actor1": _name(G, agents[0]) if agents else None,
            "assoc_actor_1": "; ".join(_name(G, a) for a in agents[1:]),
            "actor2": _name(G, targets[0]) if targets else None,
            "assoc_actor_2": "; ".join(_name(G, t) for t in targets[1:]),
            "country": _country_name(G, places[0]) if places else None,
            "admin1": place.get("admin1"),
            "admin2": place.get("admin2"),
            "location": _name(G, places[0]) if places else None,
            "latitude": place.get("lat"),
            "longitude": place.get("lon"),
            "geo_precision": GEO_PRECISION.get(place.get("precision")),
            "source": "; ".join(_doc_outlets(G, docs)),
            "notes": " | ".join(sentences) or data.get("label"),
            "fatalities": data.get("fatalities"),
            "athar_type": data.get("type"),
            "cameo_code": data.get("cameo"),
            "reported_by": "; ".join(_name(G, r) for r in reporters),
            "injured": data.get("injured"),
            "aggregate": data.get("aggregate"),
            "date_basis": data.get("date_basis"),
            "date_end": data.get("date_end"),
            "mention_count": data.get("mention_count"),
            "doc": ";".join(docs),
            "evidence": _evidence_refs(evidence),
            "trigger": data.get("trigger"),
            "label": data.get("label"),
            "partial": ";".join(str(p) for p in data.get("partial") or ()),
        })
    rows.sort(key=lambda r: (r["event_date"] is None, str(r["event_date"] or ""),
                             r["event_id_cnty"]))
    return rows


def write_events_csv(G: nx.MultiDiGraph, path: str | os.PathLike, bom: bool = False) -> None:
    """One row per incident, ACLED-style columns first (see ``EVENT_COLUMNS``).

    ``bom=True`` prefixes a UTF-8 byte-order mark so Excel shows the Arabic correctly.
    """
    atomic_write_bytes(path, _csv_bytes(EVENT_COLUMNS, event_rows(G), bom))


# --------------------------------------------------------------------------- entities, edges

def entity_rows(G: nx.MultiDiGraph) -> list[dict]:
    rows = []
    for node, data in G.nodes(data=True):
        if data.get("kind") != "entity":
            continue
        rows.append({
            "id": node, "type": data.get("type"), "label": data.get("label"),
            "label_en": data.get("label_en"), "wikidata": data.get("wikidata"),
            "lat": data.get("lat"), "lon": data.get("lon"), "precision": data.get("precision"),
            "country": data.get("country"), "admin1": data.get("admin1"),
            "admin2": data.get("admin2"), "mention_count": data.get("mention_count"),
            "docs": ";".join(str(d) for d in data.get("docs") or ()),
            "aliases": ";".join(str(a) for a in data.get("aliases") or ()),
        })
    rows.sort(key=lambda r: str(r["id"]))
    return rows


def write_entities_csv(G: nx.MultiDiGraph, path: str | os.PathLike, bom: bool = False) -> None:
    """One row per entity node (actors and places), sorted by id."""
    atomic_write_bytes(path, _csv_bytes(ENTITY_COLUMNS, entity_rows(G), bom))


def edge_rows(G: nx.MultiDiGraph) -> list[dict]:
    """One row per (edge, evidence span); an edge without evidence gives one row."""
    rows = []
    for u, v, k, data in G.edges(keys=True, data=True):
        role = data.get("role") or k
        evidence = data.get("evidence") or ()
        if not evidence:
            rows.append({"source": u, "target": v, "role": role, "doc": None, "start": None,
                         "end": None, "text": None})
        for e in evidence:
            rows.append({"source": u, "target": v, "role": role, "doc": e.get("doc"),
                         "start": e.get("start"), "end": e.get("end"), "text": e.get("text")})
    rows.sort(key=lambda r: (str(r["source"]), str(r["target"]), str(r["role"]),
                             str(r["doc"] or ""), r["start"] if isinstance(r["start"], int) else -1,
                             r["end"] if isinstance(r["end"], int) else -1))
    return rows


def write_edges_csv(G: nx.MultiDiGraph, path: str | os.PathLike, bom: bool = False) -> None:
    """Every edge (with each of its evidence spans), sorted by source, target, role, offsets."""
    atomic_write_bytes(path, _csv_bytes(EDGE_COLUMNS, edge_rows(G), bom))


# --------------------------------------------------------------------------- GraphML

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(text: str) -> str:
    """Replace characters XML 1.0 cannot hold (control characters...) with U+FFFD."""
    return _XML_INVALID.sub("\ufffd", text)


def _graphml_value(value):
    """A GraphML-safe scalar: str/int/float/bool kept, containers as sorted-key JSON."""
    if value is None:
        return None
    if isinstance(value, str):
        return _xml_safe(value)
    if isinstance(value, (bool, int)):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, (tuple, list, dict, set, frozenset)):
        if isinstance(value, (set, frozenset)):
            value = sorted(value, key=str)
        return _xml_safe(json.dumps(value, ensure_ascii=False, sort_keys=True))
    return _xml_safe(str(value))


def graphml_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` with only GraphML-storable attributes, nodes and edges in sorted order.

    None values are dropped (GraphML's "missing"); tuples and dicts become JSON strings. Each
    attribute keeps one type across the graph (ints are widened to float where the same
    attribute is a float elsewhere) so every GraphML key has a single declared type.
    """
    def clean(attrs: dict) -> dict:
        out = {}
        for name, value in sorted(attrs.items(), key=lambda item: str(item[0])):
            value = _graphml_value(value)
            if value is not None:
                out[_xml_safe(str(name))] = value
        return out

    H = nx.MultiDiGraph()
    H.graph.update(clean(G.graph))
    for node in sorted(G.nodes, key=str):
        H.add_node(_xml_safe(str(node)), **clean(G.nodes[node]))
    for u, v, k, data in sorted(G.edges(keys=True, data=True),
                                key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        H.add_edge(_xml_safe(str(u)), _xml_safe(str(v)), key=_xml_safe(str(k)), **clean(data))

    for items in (H.nodes.values(), [d for _, _, d in H.edges(data=True)]):
        kinds: dict[str, set] = {}
        for attrs in items:
            for name, value in attrs.items():
                kinds.setdefault(name, set()).add(type(value))
        for attrs in items:
            for name, value in list(attrs.items()):
                types = kinds[name]
                if len(types) == 1:
                    continue
                if types <= {int, float}:
                    attrs[name] = float(value)
                else:
                    attrs[name] = cell(value)
    return H


def write_graphml(G: nx.MultiDiGraph, path: str | os.PathLike) -> None:
    """The graph as GraphML (UTF-8), atomically."""
    buffer = io.BytesIO()
    nx.write_graphml(graphml_graph(G), buffer, encoding="utf-8", prettyprint=True)
    atomic_write_bytes(path, buffer.getvalue())

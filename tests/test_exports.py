"""Tests of graph/atomic.py, graph/tables.py (CSV, GraphML) and graph/html.py."""
from __future__ import annotations

import csv
import json
import os
import re
import shutil
import stat
import subprocess

import networkx as nx
import pytest

from conftest import (AIRSTRIKE, DOC_A, DOC_B, EXECUTION, HOMS, ISIS, RAMI, RUSAF, SOHR,
                      SUKHNAH, build_small_graph)
from graph import html as html_export
from graph import tables
from graph.atomic import atomic_write_bytes, atomic_write_text


def reversed_copy(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    H = nx.MultiDiGraph()
    for node in reversed(list(G.nodes)):
        H.add_node(node, **G.nodes[node])
    for u, v, k, d in reversed(list(G.edges(keys=True, data=True))):
        H.add_edge(u, v, key=k, **d)
    return H


def read_csv(path) -> tuple[list[str], list[dict]]:
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames), list(reader)


# ------------------------------------------------------------------ atomic

def test_atomic_write_text_replaces_content(tmp_path):
    out = tmp_path / "out.txt"
    atomic_write_text(out, "أول\n")
    atomic_write_text(out, "ثاني\r\n")
    assert out.read_bytes() == "ثاني\r\n".encode("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_atomic_write_failure_leaves_old_file_and_no_temp(tmp_path, monkeypatch):
    out = tmp_path / "out.bin"
    atomic_write_bytes(out, b"old")

    def failing_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError):
        atomic_write_bytes(out, b"new")
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]


def test_atomic_write_keeps_existing_permissions(tmp_path):
    out = tmp_path / "out.txt"
    out.write_text("x")
    os.chmod(out, 0o640)
    atomic_write_text(out, "y")
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o640
    fresh = tmp_path / "fresh.txt"
    atomic_write_text(fresh, "z")
    assert stat.S_IMODE(os.stat(fresh).st_mode) & 0o600 == 0o600


def test_atomic_write_rejects_wrong_type(tmp_path):
    with pytest.raises(TypeError):
        atomic_write_text(tmp_path / "x", b"bytes")
    with pytest.raises(TypeError):
        atomic_write_bytes(tmp_path / "x", "text")
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------ events CSV

def test_tables_events_csv_columns_and_values(small_graph, tmp_path):
    out = tmp_path / "events.csv"
    tables.write_events_csv(small_graph, out)
    header, rows = read_csv(out)
    assert header == list(tables.EVENT_COLUMNS)
    assert header[:6] == ["event_id_cnty", "event_date", "year", "time_precision", "event_type",
                          "sub_event_type"]
    assert "inter1" not in header
    by_id = {r["event_id_cnty"]: r for r in rows}
    air = by_id[AIRSTRIKE]
    assert air["event_date"] == "2024-12-10" and air["year"] == "2024"
    assert air["time_precision"] == "1"
    assert (air["event_type"], air["sub_event_type"]) == ("Explosions/Remote violence",
                                                          "Air/drone strike")
    assert air["actor1"] == "الطيران الحربي الروسي"      # no label_en → Arabic label
    assert air["actor2"] == "Islamic State"
    assert air["assoc_actor_1"] == "" and air["assoc_actor_2"] == ""
    assert (air["location"], air["admin1"], air["admin2"]) == ("Homs", "Homs", "")
    assert (air["latitude"], air["longitude"], air["geo_precision"]) == ("34.73", "37.6", "3")
    assert air["country"] == "SY"
    assert air["fatalities"] == "12" and air["injured"] == "3"
    assert air["athar_type"] == "airstrike" and air["cameo_code"] == "195"
    assert air["reported_by"] == "Syrian Observatory for Human Rights"
    assert air["aggregate"] == "false" and air["date_basis"] == "relative"
    assert air["mention_count"] == "2"
    assert air["doc"] == f"{DOC_A};{DOC_B}"
    assert air["evidence"] == f"{DOC_A}:153-162;{DOC_B}:62-71"
    assert air["trigger"] == "غارة جوية"
    assert air["source"] == "Youm7"
    assert "غارة جوية" in air["notes"] and " | " in air["notes"]   # both evidence sentences

    exe = by_id[EXECUTION]
    assert exe["time_precision"] == "2" and exe["event_date"] == "2024-12"
    assert exe["actor1"] == "Islamic State" and exe["actor2"] == ""
    assert (exe["location"], exe["admin2"], exe["geo_precision"]) == ("As Sukhnah", "Tadmor", "1")
    assert exe["injured"] == "" and exe["aggregate"] == "true"
    assert exe["partial"] == "target"


def test_tables_events_sorted_by_date_then_id_undated_last(small_graph, tmp_path):
    small_graph.add_node("event:00000000000000aa", kind="event", type="threat", label="تهديد",
                         date=None, date_precision=None, evidence=(), mention_count=1)
    small_graph.add_node("event:ffffffffffffff00", kind="event", type="arrest", label="اعتقال",
                         date="2024-12-10", date_precision="day", evidence=(), mention_count=1)
    out = tmp_path / "events.csv"
    tables.write_events_csv(small_graph, out)
    _, rows = read_csv(out)
    assert [r["event_id_cnty"] for r in rows] == [
        EXECUTION,                     # 2024-12
        AIRSTRIKE,                     # 2024-12-10, id 0f3c…
        "event:ffffffffffffff00",      # 2024-12-10, id ffff…
        "event:00000000000000aa",      # undated
    ]
    undated = rows[-1]
    assert undated["event_date"] == "" and undated["year"] == "" and undated["fatalities"] == ""
    assert undated["actor1"] == "" and undated["location"] == "" and undated["notes"] == "تهديد"


def test_tables_events_first_agent_is_actor1_others_associated(small_graph, tmp_path):
    # ISIS is mentioned before the Russian air force in document A → first agent
    small_graph.add_edge(AIRSTRIKE, ISIS, key="agent", role="agent",
                         evidence=({"doc": DOC_A, "start": 35, "end": 45, "text": "تنظيم داعش"},))
    small_graph.add_edge(AIRSTRIKE, RAMI, key="target", role="target",
                         evidence=({"doc": DOC_A, "start": 109, "end": 124,
                                    "text": "رامي عبد الرحمن"},))
    out = tmp_path / "events.csv"
    tables.write_events_csv(small_graph, out)
    air = {r["event_id_cnty"]: r for r in read_csv(out)[1]}[AIRSTRIKE]
    assert air["actor1"] == "Islamic State"
    assert air["assoc_actor_1"] == "الطيران الحربي الروسي"
    assert air["actor2"] == "Rami Abdulrahman"
    assert air["assoc_actor_2"] == "Islamic State"


def test_tables_events_country_name_from_hierarchy(small_graph, tmp_path):
    small_graph.add_node("place:country:SY", kind="entity", type="Country", label="سوريا",
                         label_en="Syria", wikidata="Q858", aliases=("سوريا",), mention_count=1,
                         docs=(DOC_A,), lat=35.0, lon=38.0, precision="country", country="SY",
                         admin1=None, admin2=None, geonames=None, pcode=None)
    small_graph.add_edge(HOMS, "place:country:SY", key="part_of", role="part_of")
    out = tmp_path / "events.csv"
    tables.write_events_csv(small_graph, out)
    assert {r["country"] for r in read_csv(out)[1]} == {"Syria"}


def test_tables_events_bom_option_for_excel(small_graph, tmp_path):
    out = tmp_path / "events.csv"
    tables.write_events_csv(small_graph, out, bom=True)
    assert out.read_bytes().startswith(b"\xef\xbb\xbfevent_id_cnty,")
    tables.write_events_csv(small_graph, out)
    assert out.read_bytes().startswith(b"event_id_cnty,")


# ------------------------------------------------------------------ entities, edges CSV

def test_tables_entities_csv(small_graph, tmp_path):
    out = tmp_path / "entities.csv"
    tables.write_entities_csv(small_graph, out)
    header, rows = read_csv(out)
    assert header[:13] == ["id", "type", "label", "label_en", "wikidata", "lat", "lon",
                           "precision", "country", "admin1", "admin2", "mention_count", "docs"]
    assert [r["id"] for r in rows] == sorted([ISIS, RAMI, SOHR, RUSAF, HOMS, SUKHNAH])
    by_id = {r["id"]: r for r in rows}
    assert by_id[ISIS]["wikidata"] == "Q2429253" and by_id[ISIS]["lat"] == ""
    assert by_id[ISIS]["docs"] == f"{DOC_A};{DOC_B}"
    sukhnah = by_id[SUKHNAH]
    assert (sukhnah["lat"], sukhnah["lon"], sukhnah["precision"]) == ("34.8867", "38.8733", "town")
    assert (sukhnah["country"], sukhnah["admin1"], sukhnah["admin2"]) == ("SY", "Homs", "Tadmor")
    assert by_id[RUSAF]["label_en"] == "" and by_id[RUSAF]["type"] == "MilitaryForce"


def test_tables_edges_csv_one_row_per_evidence_span(small_graph, tmp_path):
    out = tmp_path / "edges.csv"
    tables.write_edges_csv(small_graph, out)
    header, rows = read_csv(out)
    assert header[:6] == ["source", "target", "role", "doc", "start", "end"]
    agent_rows = [r for r in rows if r["source"] == AIRSTRIKE and r["role"] == "agent"]
    assert [(r["target"], r["doc"], r["start"], r["end"]) for r in agent_rows] == [
        (RUSAF, DOC_A, "128", "149"), (RUSAF, DOC_B, "37", "58")]
    part_of = [r for r in rows if r["role"] == "part_of"]
    assert part_of == [{"source": SUKHNAH, "target": HOMS, "role": "part_of", "doc": "",
                        "start": "", "end": "", "text": ""}]
    keys = [(r["source"], r["target"], r["role"], r["doc"], int(r["start"] or -1)) for r in rows]
    assert keys == sorted(keys)
    spans = sum(len(d.get("evidence") or ()) or 1 for *_, d in small_graph.edges(keys=True, data=True))
    assert len(rows) == spans


def test_tables_csv_byte_identical_rewrite(small_graph, tmp_path):
    for name in ("events", "entities", "edges"):
        writer = getattr(tables, f"write_{name}_csv")
        writer(small_graph, tmp_path / f"{name}1.csv")
        writer(reversed_copy(build_small_graph()), tmp_path / f"{name}2.csv")
        assert (tmp_path / f"{name}1.csv").read_bytes() == (tmp_path / f"{name}2.csv").read_bytes()


def test_tables_write_failure_keeps_previous_file(small_graph, tmp_path, monkeypatch):
    out = tmp_path / "events.csv"
    tables.write_events_csv(small_graph, out)
    before = out.read_bytes()

    class BrokenWriter:
        def __init__(self, *args, **kwargs):
            pass

        def writeheader(self):
            raise RuntimeError("serializer failed")

    monkeypatch.setattr(tables.csv, "DictWriter", BrokenWriter)
    with pytest.raises(RuntimeError):
        tables.write_events_csv(small_graph, out)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]


# ------------------------------------------------------------------ GraphML

def test_graphml_round_trip_keeps_structure_and_attributes(small_graph, tmp_path):
    out = tmp_path / "graph.graphml"
    tables.write_graphml(small_graph, out)
    H = nx.read_graphml(out, force_multigraph=True)
    assert set(H.nodes) == set(small_graph.nodes)
    assert H.number_of_edges() == small_graph.number_of_edges()
    assert H.nodes[HOMS]["lat"] == 34.73
    assert H.nodes[AIRSTRIKE]["fatalities"] == 12
    assert H.nodes[EXECUTION]["aggregate"] is True
    assert "injured" not in H.nodes[EXECUTION]                  # None → missing, not "None"
    assert json.loads(H.nodes[ISIS]["aliases"]) == ["التنظيم", "تنظيم داعش"]
    evidence = json.loads(H.nodes[AIRSTRIKE]["evidence"])
    assert evidence[0]["text"] == "غارة جوية" and evidence[0]["doc"] == DOC_A
    edge = H.get_edge_data(AIRSTRIKE, RUSAF)
    assert [d["role"] for d in edge.values()] == ["agent"]
    assert "None" not in out.read_text(encoding="utf-8")


def test_graphml_byte_identical_and_atomic(small_graph, tmp_path, monkeypatch):
    first, second = tmp_path / "a.graphml", tmp_path / "b.graphml"
    tables.write_graphml(small_graph, first)
    tables.write_graphml(reversed_copy(build_small_graph()), second)
    assert first.read_bytes() == second.read_bytes()

    def boom(*args, **kwargs):
        raise RuntimeError("serializer failed")

    monkeypatch.setattr(tables.nx, "write_graphml", boom)
    with pytest.raises(RuntimeError):
        tables.write_graphml(small_graph, first)
    assert first.read_bytes() == second.read_bytes()


def test_graphml_mixed_int_float_attribute_gets_one_type(small_graph, tmp_path):
    small_graph.nodes[HOMS]["lat"] = 35          # an int where other places have floats
    out = tmp_path / "g.graphml"
    tables.write_graphml(small_graph, out)
    assert len(re.findall(r'attr.name="lat"', out.read_text(encoding="utf-8"))) == 1
    assert nx.read_graphml(out).nodes[HOMS]["lat"] == 35.0


# ------------------------------------------------------------------ HTML

SCRIPT_OR_LINK_URL = re.compile(r"<(?:script|link)\b[^>]*\b(?:src|href)\s*=", re.IGNORECASE)


def test_html_is_offline_with_inlined_vis_network(small_graph, tmp_path):
    out = tmp_path / "graph.html"
    html_export.write_html(small_graph, out)
    page = out.read_text(encoding="utf-8")
    assert not SCRIPT_OR_LINK_URL.search(page)
    for cdn in ("cdnjs", "jsdelivr", "unpkg", "googleapis"):
        assert cdn not in page
    assert "vis-network" in page and "@version 9.1.2" in page
    assert "new vis.Network(" in page


def test_html_has_title_explanation_and_legend(small_graph, tmp_path):
    out = tmp_path / "graph.html"
    html_export.write_html(small_graph, out, title="Syria test")
    page = out.read_text(encoding="utf-8")
    assert "<title>Syria test</title>" in page and "<h1>Syria test</h1>" in page
    assert "How to use:" in page and "hover" in page and "zoom" in page
    assert "2 incidents, 4 actors, 2 places, from 2 documents." in page
    legend = page[page.index('<div id="side">'):]
    for text in ("Armed group", "Military force", "Location", "Airstrike, bombing, shelling",
                 "Execution, killing, assassination, abduction", "agent", "reported by"):
        assert text in legend


def test_html_nodes_styled_sized_and_tooltips(small_graph):
    nodes, edges = html_export.vis_data(small_graph)
    by_id = {n["id"]: n for n in nodes}
    assert set(by_id) == {ISIS, SOHR, RAMI, RUSAF, HOMS, SUKHNAH, AIRSTRIKE, EXECUTION}
    assert [n["id"] for n in nodes] == sorted(by_id)
    assert by_id[AIRSTRIKE]["shape"] == "diamond" and by_id[HOMS]["shape"] == "triangle"
    assert by_id[ISIS]["color"] != by_id[SOHR]["color"]
    assert by_id[ISIS]["value"] == 3 and by_id[RAMI]["value"] == 1
    isis = by_id[ISIS]["title"]
    assert "تنظيم داعش" in isis and "Islamic State" in isis and "ArmedGroup" in isis
    assert 'href="https://www.wikidata.org/wiki/Q2429253"' in isis
    assert "34.8867, 38.8733 (town)" in by_id[SUKHNAH]["title"]
    air = by_id[AIRSTRIKE]["title"]
    assert "2024-12-10" in air and "12 killed, 3 injured" in air
    assert "Syrian Observatory for Human Rights" in air
    assert "<mark>غارة جوية</mark>" in air and "الطيران الحربي الروسي شن" in air
    assert all(e["from"] in by_id and e["to"] in by_id for e in edges)   # documents omitted
    roles = {(e["from"], e["to"]): e.get("label") for e in edges}
    assert roles[(AIRSTRIKE, RUSAF)] == "agent" and roles[(SUKHNAH, HOMS)] == "part_of"


def test_html_documents_shown_small_when_asked(small_graph):
    nodes, edges = html_export.vis_data(small_graph, include_documents=True)
    docs = [n for n in nodes if n["group"] == "document"]
    assert [n["id"] for n in docs] == [f"doc:{DOC_A}", f"doc:{DOC_B}"]
    assert all(n["value"] == 1 for n in docs)
    assert any(e["to"] == f"doc:{DOC_A}" and e.get("dashes") for e in edges)


HOSTILE = {
    "label": "<script>alert(1)</script>",
    "label_en": '" onmouseover="x',
    "alias": "<img src=x onerror=alert(2)>",
    "sentence": "قال </script><script>alert(3)</script> إن",
}


def hostile_graph() -> nx.MultiDiGraph:
    G = build_small_graph()
    G.nodes[ISIS].update(label=HOSTILE["label"], label_en=HOSTILE["label_en"],
                         aliases=(HOSTILE["alias"],), wikidata='Q1" onclick="x')
    ev = dict(G.nodes[EXECUTION]["evidence"][0], sentence=HOSTILE["sentence"],
              text="<b>bold</b>")
    G.nodes[EXECUTION].update(evidence=(ev,), label="<iframe src=javascript:alert(4)>")
    G.nodes[f"doc:{DOC_A}"]["title"] = "<svg onload=alert(5)>"
    return G


def test_html_escapes_article_derived_text(tmp_path):
    out = tmp_path / "graph.html"
    html_export.write_html(hostile_graph(), out, include_documents=True,
                           title="<b>title</b>")
    page = out.read_text(encoding="utf-8")
    for raw in (*HOSTILE.values(), "<b>bold</b>", "<iframe", "<svg onload", "<b>title</b>",
                'onclick="x', "alert(3)</script>"):
        assert raw not in page
    assert "&lt;b&gt;title&lt;/b&gt;" in page
    # the only </script> closers are the page's own five script elements
    assert page.count("</script>") == 5
    # an invalid QID never becomes a link
    assert "wikidata.org/wiki/Q1" not in page
    nodes, _ = html_export.vis_data(hostile_graph())
    isis = next(n for n in nodes if n["id"] == ISIS)
    assert isis["label"] == "&lt;script&gt;alert(1)&lt;/script&gt;\n&quot; onmouseover=&quot;x"
    assert "&lt;img src=x onerror=alert(2)&gt;" in isis["title"]


def test_html_byte_identical_rewrite(small_graph, tmp_path):
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    html_export.write_html(small_graph, first)
    html_export.write_html(reversed_copy(build_small_graph()), second)
    assert first.read_bytes() == second.read_bytes()


def test_html_write_failure_keeps_previous_file(small_graph, tmp_path, monkeypatch):
    out = tmp_path / "graph.html"
    html_export.write_html(small_graph, out)
    before = out.read_bytes()

    def boom(*args, **kwargs):
        raise RuntimeError("serializer failed")

    monkeypatch.setattr(html_export, "vis_data", boom)
    with pytest.raises(RuntimeError):
        html_export.write_html(small_graph, out)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


NODE_HARNESS = r"""
const fs = require("fs");
const page = fs.readFileSync(process.argv[2], "utf8");
const js = fs.readFileSync(process.argv[3], "utf8");
function block(id) {
  const m = page.match(new RegExp('<script type="application/json" id="' + id + '">([\\s\\S]*?)</script>'));
  return m[1];
}
const els = {
  "athar-nodes": {textContent: block("athar-nodes")},
  "athar-edges": {textContent: block("athar-edges")},
  "athar-options": {textContent: block("athar-options")},
  "network": {}, "physics": {addEventListener() {}}, "search": {addEventListener() {}},
};
const entities = {"&lt;": "<", "&gt;": ">", "&quot;": '"', "&#x27;": "'", "&amp;": "&"};
global.document = {getElementById: (id) => els[id], createElement: () => ({innerHTML: ""})};
global.DOMParser = class { parseFromString(s) {
  return {documentElement: {textContent: s.replace(/&(lt|gt|quot|#x27|amp);/g, (m) => entities[m])}};
} };
let captured = null;
global.vis = {DataSet: class { constructor(items) { this.items = items; } },
              Network: class { constructor(c, data, options) { captured = {data, options}; } }};
eval(js);
process.stdout.write(JSON.stringify({
  labels: captured.data.nodes.items.map((n) => n.label),
  titles: captured.data.nodes.items.map((n) => n.title.innerHTML),
  edges: captured.data.edges.items.length,
  seed: captured.options.layout.randomSeed,
}));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="node.js not installed")
def test_html_page_script_runs_and_decodes_labels(tmp_path):
    out = tmp_path / "graph.html"
    html_export.write_html(hostile_graph(), out)
    harness, page_js = tmp_path / "harness.js", tmp_path / "page.js"
    harness.write_text(NODE_HARNESS, encoding="utf-8")
    page_js.write_text(html_export.PAGE_JS, encoding="utf-8")
    result = subprocess.run(["node", str(harness), str(out), str(page_js)], check=True,
                            capture_output=True, text=True, timeout=60)
    data = json.loads(result.stdout)
    # canvas labels show the original text; tooltips keep it escaped as markup
    assert f"{HOSTILE['label']}\n{HOSTILE['label_en']}" in data["labels"]
    isis_title = next(t for t in data["titles"] if "onmouseover" in t)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in isis_title
    assert HOSTILE["label"] not in isis_title
    assert data["edges"] > 0 and data["seed"] == 7


# ------------------------------------------------------------------ all exporters, any input

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from graph.model import ENTITY_TYPES, EVENT_TYPES  # noqa: E402

NASTY = st.sampled_from(["<script>alert(1)</script>", '" onmouseover="x', "a & b", "</style>",
                         "tab\there", "line\nbreak", "\x00nul", "‏حمص‏", "", "  "])
TEXT = st.one_of(st.text(max_size=12), NASTY)


@st.composite
def any_graph(draw):
    G = nx.MultiDiGraph()
    docs = [f"d{i}" for i in range(draw(st.integers(1, 3)))]
    for doc in docs:
        G.add_node(f"doc:{doc}", kind="document", doc=doc, path=draw(TEXT),
                   published=draw(st.sampled_from([None, "2024-01-02", "garbage"])),
                   title=draw(st.one_of(st.none(), TEXT)), source=draw(st.one_of(st.none(), TEXT)))

    def evidence(with_sentence: bool):
        items = []
        for _ in range(draw(st.integers(0, 3))):
            start = draw(st.integers(0, 500))
            ev = {"doc": draw(st.sampled_from(docs)), "start": start,
                  "end": start + draw(st.integers(1, 30)), "text": draw(TEXT)}
            if with_sentence:
                ev.update(sentence_start=max(0, start - 5), sentence_end=start + 40,
                          sentence=draw(TEXT))
            items.append(ev)
        return tuple(sorted(items, key=lambda e: (e["doc"], e["start"], e["end"])))

    entities = []
    for i in range(draw(st.integers(1, 6))):
        etype = draw(st.sampled_from(ENTITY_TYPES + ("Weird",)))
        key = draw(st.sampled_from(["kb:", "place:", "new:X:"])) + f"{i}{draw(TEXT)}"
        if key in G:
            continue
        attrs = dict(kind="entity", type=etype, label=draw(TEXT),
                     label_en=draw(st.one_of(st.none(), TEXT)),
                     wikidata=draw(st.sampled_from([None, "Q42", "Q0", "bad"])),
                     aliases=tuple(sorted(draw(st.lists(TEXT, max_size=3)))),
                     mention_count=draw(st.one_of(st.none(), st.integers(0, 9))),
                     docs=tuple(sorted(set(draw(st.lists(st.sampled_from(docs), max_size=3))))))
        if key.startswith("place:"):
            attrs.update(lat=draw(st.one_of(st.none(), st.floats(-200, 200))),
                         lon=draw(st.one_of(st.none(), st.floats(-400, 400))),
                         precision=draw(st.sampled_from([None, "town", "district", "country"])),
                         country=draw(st.sampled_from([None, "SY", "IQ"])), admin1=draw(TEXT),
                         admin2=None, geonames=draw(st.sampled_from([None, "123", "x y"])),
                         pcode=None)
        G.add_node(key, **attrs)
        entities.append(key)
        for doc in attrs["docs"]:
            G.add_edge(key, f"doc:{doc}", key="mentioned_in", role="mentioned_in", count=1,
                       evidence=evidence(False))
    for i in range(draw(st.integers(0, 4))):
        key = f"event:{i:016x}"
        G.add_node(key, kind="event", type=draw(st.sampled_from(EVENT_TYPES + ("weird",))),
                   label=draw(TEXT), cameo=draw(st.sampled_from(["", "195", None])),
                   acled_event_type=draw(st.one_of(st.none(), TEXT)), acled_sub_event_type=None,
                   date=draw(st.sampled_from([None, "2024-01-02", "2024-01", "2024", "2024-02-30",
                                              "soon"])),
                   date_precision=draw(st.sampled_from([None, "day", "month", "year", "range"])),
                   date_basis=draw(st.sampled_from([None, "explicit", "relative", "publication"])),
                   date_end=draw(st.sampled_from([None, "2024-01-09"])),
                   fatalities=draw(st.one_of(st.none(), st.integers(0, 10**6))),
                   injured=draw(st.one_of(st.none(), st.integers(0, 99))),
                   aggregate=draw(st.booleans()), trigger=draw(TEXT),
                   mention_count=draw(st.integers(1, 4)), evidence=evidence(True),
                   merge_reason=draw(TEXT), partial=tuple(draw(st.lists(TEXT, max_size=2))))
        for role in draw(st.lists(st.sampled_from(["agent", "target", "location", "reported_by",
                                                   "weird_role"]), max_size=4, unique=True)):
            G.add_edge(key, draw(st.sampled_from(entities)), key=role, role=role,
                       evidence=evidence(False))
        G.add_edge(key, f"doc:{docs[0]}", key="mentioned_in", role="mentioned_in",
                   evidence=evidence(False))
    if len(entities) > 1:
        G.add_edge(entities[0], entities[1], key="part_of", role="part_of")
    return G


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(G=any_graph())
def test_exports_survive_arbitrary_attribute_values(G, tmp_path):
    import rdflib
    from pyshacl import validate
    from rdflib.compare import isomorphic

    from graph.rdf import serialize_turtle, to_rdf

    # RDF: conforms to the shapes, round-trips, deterministic
    g = to_rdf(G)
    shapes = rdflib.Graph().parse(os.path.join(os.path.dirname(__file__), "..", "schema",
                                               "shapes.ttl"))
    conforms, _, text = validate(g, shacl_graph=shapes)
    assert conforms, text
    turtle = serialize_turtle(G)
    assert isomorphic(g, rdflib.Graph().parse(data=turtle, format="turtle"))
    assert serialize_turtle(reversed_copy(G)) == turtle

    # CSVs: one row per event / entity, parseable
    tables.write_events_csv(G, tmp_path / "events.csv")
    tables.write_entities_csv(G, tmp_path / "entities.csv")
    tables.write_edges_csv(G, tmp_path / "edges.csv")
    kinds = [d.get("kind") for _, d in G.nodes(data=True)]
    assert len(read_csv(tmp_path / "events.csv")[1]) == kinds.count("event")
    assert len(read_csv(tmp_path / "entities.csv")[1]) == kinds.count("entity")
    spans = sum(len(d.get("evidence") or ()) or 1 for *_, d in G.edges(keys=True, data=True))
    assert len(read_csv(tmp_path / "edges.csv")[1]) == spans

    # GraphML: readable back, same size
    tables.write_graphml(G, tmp_path / "g.graphml")
    H = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert H.number_of_nodes() == G.number_of_nodes()
    assert H.number_of_edges() == G.number_of_edges()

    # HTML: no raw markup characters inside the data blocks, no extra script closers
    page = html_export.render_html(G, include_documents=True)
    for block in re.findall(r'<script type="application/json" id="athar-\w+">(.*?)</script>',
                            page, flags=re.S):
        assert "<" not in block and ">" not in block
    assert page.count("</script>") == 5
    assert html_export.render_html(reversed_copy(G), include_documents=True) == page

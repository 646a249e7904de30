"""Interactive HTML view of the Athar graph: one self-contained file that works offline.

The page uses vis-network, the JavaScript library behind pyvis, read from the copy shipped
inside the installed ``pyvis`` package and inlined into the page. pyvis' own template is not
used: even with ``cdn_resources="in_line"`` it links Bootstrap from cdn.jsdelivr.net, so the
page would not be self-contained, and it gives no control over escaping or byte stability.

Safety: every string that comes from an article or the knowledge base (labels, aliases,
sentences, titles...) is passed through ``html.escape`` before it is put into a node label
or tooltip, and the JSON holding the nodes is additionally written with ``<``, ``>`` and
``&`` as ``\\u`` escapes so nothing in it can close the ``<script>`` element. Tooltips are
turned into DOM elements from that already-escaped markup; canvas labels are un-escaped for
display with an inert ``DOMParser`` (canvas text is never interpreted as HTML).

Determinism: nodes and edges are written sorted by key, JSON with sorted keys, no time or
random value is embedded, and vis-network's layout seed is fixed, so the same graph gives a
byte-identical file and the same initial layout.
"""
from __future__ import annotations

import html
import json
import os
import re
from importlib import resources

import networkx as nx

from graph.atomic import atomic_write_text

VIS_VERSION = "vis-9.1.2"

ENTITY_STYLE = {
    # type: (colour, shape, legend text)
    "Person": ("#1f78b4", "dot", "Person"),
    "Organization": ("#6baed6", "dot", "Organization"),
    "ArmedGroup": ("#b15928", "dot", "Armed group"),
    "Government": ("#33a02c", "dot", "Government"),
    "MilitaryForce": ("#8fbc5a", "dot", "Military force"),
    "Country": ("#c994c7", "triangle", "Country"),
    "Location": ("#f768a1", "triangle", "Location"),
}
DEFAULT_ENTITY_STYLE = ("#999999", "dot", "Other entity")

EVENT_GROUPS = {
    # group: (colour, legend text, incident types)
    "remote": ("#ff7f00", "Airstrike, bombing, shelling",
               ("airstrike", "bombing", "shelling")),
    "battle": ("#e31a1c", "Clash, ambush, raid, campaign",
               ("armed_clash", "ambush", "raid", "military_campaign")),
    "civilians": ("#6a3d9a", "Execution, killing, assassination, abduction",
                  ("execution", "killing", "assassination", "abduction")),
    "other": ("#737373", "Arrest, threat, deployment, suspension, other",
              ("arrest", "threat", "deployment", "operation_suspension", "other")),
}
EVENT_COLOUR = {t: colour for colour, _, types in EVENT_GROUPS.values() for t in types}
DOCUMENT_STYLE = ("#bdbdbd", "square", "Document")

EDGE_COLOUR = {"agent": "#d62728", "target": "#1f77b4", "location": "#2ca02c",
               "reported_by": "#9467bd", "mentioned_in": "#c7c7c7", "part_of": "#8c564b",
               "member_of": "#e377c2", "leader_of": "#e377c2"}

_QID = re.compile(r"Q[1-9][0-9]*")
MAX_EVIDENCE_IN_TOOLTIP = 5

OPTIONS = {
    "layout": {"randomSeed": 7, "improvedLayout": True},
    "physics": {"solver": "forceAtlas2Based",
                "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110},
                "stabilization": {"iterations": 300}},
    "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": True,
                    "keyboard": True},
    "nodes": {"font": {"size": 14, "face": "Tahoma, Arial, sans-serif"},
              "scaling": {"min": 10, "max": 40, "label": {"enabled": False}}},
    "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
              "font": {"size": 10, "align": "middle", "color": "#555555"},
              "smooth": {"type": "continuous"}},
}


# --------------------------------------------------------------------------- escaping

def esc(value) -> str:
    """HTML-escape any value (quotes included); None → ''."""
    return "" if value is None else html.escape(str(value), quote=True)


def _script_json(value) -> str:
    """JSON safe to embed inside <script>: no raw <, >, & or JS line separators."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _vis_asset(name: str) -> str:
    text = (resources.files("pyvis") / "templates" / "lib" / VIS_VERSION / name).read_text(
        encoding="utf-8")
    # never let the inlined library end its own element early
    return re.sub(r"</(script|style)", r"<\\/\1", text, flags=re.IGNORECASE)


# --------------------------------------------------------------------------- tooltips

def _names(G: nx.MultiDiGraph, node: str, role: str) -> list[str]:
    out = []
    for _, v, k, data in G.out_edges(node, keys=True, data=True):
        if (data.get("role") or k) == role:
            d = G.nodes[v]
            name = d.get("label") or str(v)
            if d.get("label_en"):
                name = f"{name} ({d['label_en']})"
            out.append(name)
    return sorted(set(out))


def _row(name: str, value_html: str) -> str:
    return f"<div><b>{esc(name)}:</b> <span dir=\"auto\">{value_html}</span></div>"


def _highlighted_sentence(ev: dict) -> str:
    """The evidence sentence, escaped, with the trigger span wrapped in <mark>."""
    sentence = ev.get("sentence")
    s0, start, end = ev.get("sentence_start"), ev.get("start"), ev.get("end")
    if sentence and all(isinstance(x, int) for x in (s0, start, end)) \
            and 0 <= start - s0 <= end - s0 <= len(sentence):
        a, b = start - s0, end - s0
        return f"{esc(sentence[:a])}<mark>{esc(sentence[a:b])}</mark>{esc(sentence[b:])}"
    return esc(sentence or ev.get("text") or "")


def _evidence_block(evidence) -> str:
    items = list(evidence or ())
    parts = []
    for ev in items[:MAX_EVIDENCE_IN_TOOLTIP]:
        where = f"{ev.get('doc')}:{ev.get('start')}–{ev.get('end')}"
        parts.append(f"<li><span dir=\"rtl\">{_highlighted_sentence(ev)}</span> "
                     f"<small>[{esc(where)}]</small></li>")
    if len(items) > MAX_EVIDENCE_IN_TOOLTIP:
        parts.append(f"<li>… {len(items) - MAX_EVIDENCE_IN_TOOLTIP} more</li>")
    return f"<div><b>Evidence:</b><ul class=\"ev\">{''.join(parts)}</ul></div>" if parts else ""


def _entity_title(G: nx.MultiDiGraph, node: str, d: dict) -> str:
    rows = [f"<div class=\"tt-h\" dir=\"auto\">{esc(d.get('label') or node)}</div>"]
    if d.get("label_en"):
        rows.append(f"<div class=\"tt-en\">{esc(d['label_en'])}</div>")
    rows.append(_row("Type", esc(d.get("type"))))
    rows.append(_row("Id", esc(node)))
    qid = str(d.get("wikidata") or "")
    if _QID.fullmatch(qid):
        rows.append(_row("Wikidata", f"<a href=\"https://www.wikidata.org/wiki/{qid}\" "
                                     f"target=\"_blank\" rel=\"noopener noreferrer\">{qid}</a>"))
    if d.get("lat") is not None and d.get("lon") is not None:
        coords = f"{esc(d['lat'])}, {esc(d['lon'])}"
        if d.get("precision"):
            coords += f" ({esc(d['precision'])})"
        rows.append(_row("Coordinates", coords))
    admin = [d.get(a) for a in ("admin2", "admin1", "country") if d.get(a)]
    if admin:
        rows.append(_row("In", esc(", ".join(str(a) for a in admin))))
    if d.get("resolved_by") and d.get("resolved_by") != "only candidate":
        rows.append(_row("Chosen", esc(d["resolved_by"])))
    aliases = [a for a in d.get("aliases") or () if a != d.get("label")]
    if aliases:
        rows.append(_row("Also", esc("، ".join(str(a) for a in aliases[:8]))))
    docs = d.get("docs") or ()
    rows.append(_row("Mentions", f"{esc(d.get('mention_count'))} in {len(docs)} document(s)"))
    return "".join(rows)


def _event_title(G: nx.MultiDiGraph, node: str, d: dict) -> str:
    rows = [f"<div class=\"tt-h\">{esc(str(d.get('type') or 'event').replace('_', ' '))}</div>"]
    if d.get("label"):
        rows.append(f"<div dir=\"auto\">{esc(d['label'])}</div>")
    date = esc(d.get("date") or "unknown")
    if d.get("date_end"):
        date += f" – {esc(d['date_end'])}"
    extra = ", ".join(esc(d[k]) for k in ("date_precision", "date_basis") if d.get(k))
    rows.append(_row("Date", date + (f" ({extra})" if extra else "")))
    casualties = f"{esc(d.get('fatalities') if d.get('fatalities') is not None else '?')} killed"
    if d.get("injured") is not None:
        casualties += f", {esc(d['injured'])} injured"
    if d.get("aggregate"):
        casualties += " (tally over several incidents)"
    rows.append(_row("Casualties", casualties))
    for title, role in (("Agent", "agent"), ("Target", "target"), ("Place", "location"),
                        ("Reported by", "reported_by")):
        names = _names(G, node, role)
        if names:
            rows.append(_row(title, esc("؛ ".join(names))))
    codes = [f"CAMEO {esc(d['cameo'])}"] if d.get("cameo") else []
    if d.get("acled_event_type"):
        codes.append(esc(" / ".join(str(d[k]) for k in ("acled_event_type",
                                                         "acled_sub_event_type") if d.get(k))))
    if codes:
        rows.append(_row("Codes", " · ".join(codes)))
    if d.get("partial"):
        rows.append(_row("Not found", esc(", ".join(str(p) for p in d["partial"]))))
    rows.append(_row("Mentions", esc(d.get("mention_count"))))
    rows.append(_evidence_block(d.get("evidence")))
    return "".join(rows)


def _document_title(node: str, d: dict) -> str:
    rows = [f"<div class=\"tt-h\" dir=\"auto\">{esc(d.get('title') or d.get('doc') or node)}</div>"]
    for name, key in (("Id", "doc"), ("Published", "published"), ("Outlet", "source"),
                      ("Path", "path")):
        if d.get(key):
            rows.append(_row(name, esc(d[key])))
    return "".join(rows)


# --------------------------------------------------------------------------- nodes, edges

def _size_value(d: dict) -> int:
    count = d.get("mention_count")
    return count if isinstance(count, int) and not isinstance(count, bool) and count > 0 else 1


def vis_data(G: nx.MultiDiGraph, include_documents: bool = False) -> tuple[list, list]:
    """The vis-network node and edge dicts (already escaped), sorted by id."""
    nodes = []
    shown = set()
    for node in sorted(G.nodes, key=str):
        d = G.nodes[node]
        kind = d.get("kind")
        if kind == "entity":
            colour, shape, _ = ENTITY_STYLE.get(d.get("type"), DEFAULT_ENTITY_STYLE)
            label = esc(d.get("label") or node)
            if d.get("label_en"):
                label += "\n" + esc(d["label_en"])
            item = {"label": label, "title": _entity_title(G, node, d),
                    "value": _size_value(d), "group": f"entity:{esc(d.get('type'))}"}
        elif kind == "event":
            colour, shape = EVENT_COLOUR.get(d.get("type"), EVENT_GROUPS["other"][0]), "diamond"
            label = esc(str(d.get("type") or "event").replace("_", " "))
            if d.get("date"):
                label += "\n" + esc(d["date"])
            item = {"label": label, "title": _event_title(G, node, d),
                    "value": _size_value(d), "group": f"event:{esc(d.get('type'))}"}
        elif kind == "document":
            if not include_documents:
                continue
            colour, shape, _ = DOCUMENT_STYLE
            item = {"label": esc(d.get("doc") or node), "title": _document_title(node, d),
                    "value": 1, "group": "document", "font": {"size": 9}}
        else:
            continue
        item.update(id=esc(node), color=colour, shape=shape)
        nodes.append(item)
        shown.add(node)

    edges = []
    for u, v, k, data in sorted(G.edges(keys=True, data=True),
                                key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        if u not in shown or v not in shown:
            continue
        role = str(data.get("role") or k)
        title = f"<div class=\"tt-h\">{esc(role)}</div>"
        spans = [f"<li dir=\"rtl\">{esc(e.get('text'))} <small>[{esc(e.get('doc'))}:"
                 f"{esc(e.get('start'))}–{esc(e.get('end'))}]</small></li>"
                 for e in list(data.get("evidence") or ())[:MAX_EVIDENCE_IN_TOOLTIP]]
        if spans:
            title += f"<ul class=\"ev\">{''.join(spans)}</ul>"
        item = {"id": esc(f"{u}|{v}|{k}"), "from": esc(u), "to": esc(v), "title": title,
                "color": EDGE_COLOUR.get(role, "#999999")}
        if role != "mentioned_in":
            item["label"] = esc(role)
        if role == "mentioned_in":
            item["dashes"] = True
        edges.append(item)
    return nodes, edges


# --------------------------------------------------------------------------- page

PAGE_CSS = """
body { margin: 0; font-family: Tahoma, Arial, sans-serif; color: #222; }
header { padding: 10px 16px; border-bottom: 1px solid #ddd; background: #fafafa; }
header h1 { margin: 0 0 4px 0; font-size: 20px; }
header p { margin: 2px 0; font-size: 13px; line-height: 1.4; }
#main { display: flex; height: calc(100vh - 120px); min-height: 420px; }
#network { flex: 1; border-right: 1px solid #ddd; }
#side { width: 250px; padding: 10px 12px; font-size: 12px; overflow-y: auto; }
#side h2 { font-size: 13px; margin: 12px 0 6px 0; }
.key { display: flex; align-items: center; margin: 3px 0; }
.sw { display: inline-block; width: 14px; height: 14px; margin-right: 7px; flex: none; }
.sw.dot { border-radius: 50%; }
.sw.diamond { transform: rotate(45deg) scale(0.8); }
.sw.triangle { width: 0; height: 0; background: none !important; border-left: 7px solid transparent;
  border-right: 7px solid transparent; border-bottom: 13px solid var(--c); }
.sw.line { height: 3px; }
#search { width: 100%; box-sizing: border-box; padding: 4px; }
div.vis-tooltip { max-width: 420px; white-space: normal; font-size: 12px; line-height: 1.4; }
.tt-h { font-weight: bold; font-size: 13px; }
.tt-en { color: #555; }
ul.ev { margin: 2px 0 0 0; padding-left: 16px; }
mark { background: #ffe08a; }
"""

PAGE_JS = """
(function () {
  var parser = new DOMParser();
  function unescapeText(s) {
    // labels arrive HTML-escaped; canvas text is never parsed as HTML, so decode for display
    return parser.parseFromString(s, "text/html").documentElement.textContent;
  }
  function tooltip(markup) {
    // markup was built from escaped text only; an element makes vis render it as HTML
    var div = document.createElement("div");
    div.innerHTML = markup;
    return div;
  }
  var rawNodes = JSON.parse(document.getElementById("athar-nodes").textContent);
  var rawEdges = JSON.parse(document.getElementById("athar-edges").textContent);
  var options = JSON.parse(document.getElementById("athar-options").textContent);
  rawNodes.forEach(function (n) {
    n.label = unescapeText(n.label);
    n.plainLabel = n.label;
    n.title = tooltip(n.title);
  });
  rawEdges.forEach(function (e) {
    if (e.label) { e.label = unescapeText(e.label); }
    e.title = tooltip(e.title);
  });
  var nodes = new vis.DataSet(rawNodes);
  var edges = new vis.DataSet(rawEdges);
  var network = new vis.Network(document.getElementById("network"),
                                {nodes: nodes, edges: edges}, options);
  document.getElementById("physics").addEventListener("change", function (ev) {
    network.setOptions({physics: {enabled: ev.target.checked}});
  });
  document.getElementById("search").addEventListener("input", function (ev) {
    var q = ev.target.value.trim().toLowerCase();
    if (!q) { network.unselectAll(); return; }
    var hits = nodes.get({filter: function (n) {
      return n.plainLabel.toLowerCase().indexOf(q) >= 0;
    }}).map(function (n) { return n.id; });
    network.selectNodes(hits);
    if (hits.length === 1) { network.focus(hits[0], {scale: 1.2, animation: true}); }
  });
})();
"""


def _legend(G: nx.MultiDiGraph, include_documents: bool) -> str:
    present = {G.nodes[n].get("type") for n in G.nodes if G.nodes[n].get("kind") == "entity"}
    rows = ["<h2>Actors and places</h2>"]
    for etype, (colour, shape, text) in ENTITY_STYLE.items():
        if etype in present:
            rows.append(f"<div class=\"key\"><span class=\"sw {shape}\" style=\"background:"
                        f"{colour};--c:{colour}\"></span>{esc(text)}</div>")
    rows.append("<h2>Incidents (diamonds)</h2>")
    for colour, text, _ in EVENT_GROUPS.values():
        rows.append(f"<div class=\"key\"><span class=\"sw diamond\" style=\"background:"
                    f"{colour}\"></span>{esc(text)}</div>")
    if include_documents:
        colour, shape, text = DOCUMENT_STYLE
        rows.append(f"<div class=\"key\"><span class=\"sw\" style=\"background:{colour}\">"
                    f"</span>{esc(text)}</div>")
    rows.append("<h2>Links</h2>")
    for role in ("agent", "target", "location", "reported_by", "part_of", "member_of"):
        rows.append(f"<div class=\"key\"><span class=\"sw line\" style=\"background:"
                    f"{EDGE_COLOUR[role]}\"></span>{esc(role.replace('_', ' '))}</div>")
    rows.append("<p>Node size grows with the number of mentions.</p>")
    return "".join(rows)


def render_html(G: nx.MultiDiGraph, title: str = "Athar — conflict knowledge graph",
                include_documents: bool = False) -> str:
    """The complete, self-contained HTML page as a string."""
    nodes, edges = vis_data(G, include_documents)
    kinds = [G.nodes[n].get("kind") for n in G.nodes]
    places = sum(1 for n in G.nodes if G.nodes[n].get("kind") == "entity"
                 and G.nodes[n].get("type") in ("Location", "Country"))
    counts = (f"{kinds.count('event')} incidents, {kinds.count('entity') - places} actors, "
              f"{places} places, from {kinds.count('document')} documents.")
    return "".join([
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        f"<title>{esc(title)}</title>\n",
        f"<style>\n{_vis_asset('vis-network.css')}\n</style>\n",
        f"<style>{PAGE_CSS}</style>\n",
        f"<script>\n{_vis_asset('vis-network.min.js')}\n</script>\n",
        "</head>\n<body>\n<header>\n",
        f"<h1>{esc(title)}</h1>\n",
        "<p>Incidents (diamonds) extracted from Arabic news articles, linked to the actors who "
        "carried them out or were targeted, the places where they happened and the sources "
        "that reported them. Every link was read from the article text.</p>\n",
        "<p><b>How to use:</b> drag the background to pan, scroll to zoom, drag a node to move "
        "it; hover over a node or link to see its details and the evidence sentence(s) it was "
        "read from (the trigger word is highlighted); type in the search box to find a "
        "node.</p>\n",
        f"<p>{esc(counts)}</p>\n",
        "</header>\n<div id=\"main\">\n<div id=\"network\"></div>\n<div id=\"side\">\n",
        "<input id=\"search\" type=\"search\" placeholder=\"Search labels…\" dir=\"auto\">\n",
        "<label><input id=\"physics\" type=\"checkbox\" checked> Live layout (physics)</label>\n",
        _legend(G, include_documents),
        "\n</div>\n</div>\n",
        f"<script type=\"application/json\" id=\"athar-nodes\">{_script_json(nodes)}</script>\n",
        f"<script type=\"application/json\" id=\"athar-edges\">{_script_json(edges)}</script>\n",
        f"<script type=\"application/json\" id=\"athar-options\">{_script_json(OPTIONS)}"
        "</script>\n",
        f"<script>{PAGE_JS}</script>\n",
        "</body>\n</html>\n",
    ])


def write_html(G: nx.MultiDiGraph, path: str | os.PathLike,
               title: str = "Athar — conflict knowledge graph",
               include_documents: bool = False) -> None:
    """Write the interactive page to ``path`` atomically (document nodes omitted by default)."""
    atomic_write_text(path, render_html(G, title, include_documents))

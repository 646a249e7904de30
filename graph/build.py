"""Extractions → one networkx MultiDiGraph (contract in docs/design.md).

The same actor or place across documents is one node (ids come from the KB, the gazetteer or
the normalised name); mentions of the same incident merge into one event node that keeps every
mention as evidence, with a reason string.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date

import networkx as nx

from . import kb as kbmod
from . import places as placesmod
from .lexicon import load as load_lexicon
from .model import Extraction

DATE_WINDOW_DAYS = 2


def _node_id(eid: str) -> str:
    return eid if eid.startswith(("kb:", "place:", "new:")) else "new:" + eid


def _days(a: str | None, b: str | None) -> int | None:
    if not a or not b or len(a) < 10 or len(b) < 10:
        return None
    return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)


class _UF:
    def __init__(self, items):
        self.p = {i: i for i in items}

    def find(self, x):
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[max(ra, rb)] = min(ra, rb)


def _same_incident(a: dict, b: dict, family: dict) -> str | None:
    """Why two incident mentions are one incident, or None. Never across places or distant dates."""
    if family.get(a["type"]) != family.get(b["type"]) or family.get(a["type"]) == "other":
        return None
    if not a["location"] or a["location"] != b["location"]:
        return None
    if a["aggregate"] or b["aggregate"]:
        return None
    gap = _days(a["date"], b["date"])
    if gap is None or gap > DATE_WINDOW_DAYS:
        return None
    shared = (set(a["agents"]) & set(b["agents"])) | (set(a["targets"]) & set(b["targets"]))
    if not shared:
        return None
    return (f"same {family.get(a['type'])} family, place {a['location']}, dates {gap} day(s) apart, "
            f"shared actors {', '.join(sorted(shared))}")


def build_graph(extractions: Iterable[Extraction], kb_files: tuple[str, ...] = ()) -> nx.MultiDiGraph:
    """Merge document extractions into the knowledge graph.

    >>> from graph.pipeline import extract
    >>> G = build_graph([extract("أعلن المرصد السوري مقتل ثلاثة مدنيين بغارة جوية على الرقة.")])
    >>> sorted({d["kind"] for _, d in G.nodes(data=True)})
    ['document', 'entity', 'event']
    """
    G = nx.MultiDiGraph()
    lex = load_lexicon()
    family = {t: v.get("family", "other") for t, v in lex.types.items()}
    gaz = placesmod.load()
    kb = kbmod.load(tuple(kb_files))
    xs = sorted(extractions, key=lambda x: x.document.doc)
    mentions: list[dict] = []
    ent_info: dict[str, dict] = {}
    for x in xs:
        d = x.document
        dn = "doc:" + d.doc
        G.add_node(dn, kind="document", doc=d.doc, path=d.path, published=d.published,
                   title=d.title, source=d.source)
        for e in x.entities:
            nid = _node_id(e.id)
            info = ent_info.setdefault(nid, {"entity": e, "aliases": set(), "count": 0, "docs": set(), "ev": []})
            info["aliases"].update(m.text for m in e.mentions)
            info["count"] += len(e.mentions)
            info["docs"].add(d.doc)
            info["ev"].append((dn, tuple({"doc": d.doc, "start": m.start, "end": m.end, "text": m.text}
                                         for m in e.mentions)))
        ids = {e.id: _node_id(e.id) for e in x.entities}
        for v in x.events:
            t = v.time
            mentions.append({
                "mid": v.id, "doc": d.doc, "type": v.type, "agents": tuple(ids.get(a, a) for a in v.agents),
                "targets": tuple(ids.get(a, a) for a in v.targets),
                "location": ids.get(v.location, v.location) if v.location else None,
                "reported_by": tuple(ids.get(a, a) for a in v.reported_by),
                "date": t.value if t else None, "date_precision": t.precision if t else None,
                "date_basis": t.basis if t else None, "date_end": t.end if t else None,
                "fatalities": v.fatalities, "injured": v.injured, "aggregate": v.aggregate,
                "trigger": v.trigger.text, "partial": v.partial,
                "evidence": {"doc": d.doc, "start": v.trigger.start, "end": v.trigger.end,
                             "text": v.trigger.text, "sentence_start": v.sentence.start,
                             "sentence_end": v.sentence.end,
                             "sentence": d.text[v.sentence.start:v.sentence.end]},
            })
    # entity nodes
    for nid in sorted(ent_info):
        info = ent_info[nid]
        e = info["entity"]
        attrs = dict(kind="entity", type=e.type, label=e.label, label_en=e.label_en, wikidata=e.wikidata,
                     aliases=tuple(sorted(info["aliases"])), mention_count=info["count"],
                     docs=tuple(sorted(info["docs"])))
        if e.place is not None:
            p = e.place
            attrs.update(lat=p.lat, lon=p.lon, precision=p.precision, country=p.country,
                         admin1=p.admin1, admin2=p.admin2, geonames=p.geonames, pcode=p.pcode,
                         resolved_by=p.reason or None)
        G.add_node(nid, **attrs)
        for dn, ev in sorted(info["ev"]):
            G.add_edge(nid, dn, key="mentioned_in", role="mentioned_in", count=len(ev), evidence=ev)
    # place hierarchy (parents are added even when not mentioned, so queries can roll up)
    for nid in [n for n, a in G.nodes(data=True) if a.get("kind") == "entity" and n.startswith("place:")]:
        child = nid
        e = ent_info[nid]["entity"]
        for pid in (e.place.parents if e.place else ()):
            pn = "place:" + pid
            if pn not in G:
                row = gaz.rows.get(pid)
                if row is None:
                    break
                G.add_node(pn, kind="entity", type=row.type, label=row.name_ar, label_en=row.name_en or None,
                           wikidata=row.wikidata, aliases=(), mention_count=0, docs=(),
                           lat=row.lat, lon=row.lon, precision=row.precision, country=row.country,
                           admin1=row.admin1, admin2=row.admin2, geonames=row.geonames, pcode=row.pcode)
            if not G.has_edge(child, pn, key="part_of"):
                G.add_edge(child, pn, key="part_of", role="part_of")
            child = pn
    # KB relations between actors present in the graph
    for a, rel, b in kb.relations():
        na, nb = "kb:" + a, "kb:" + b
        if na in G and nb in G:
            G.add_edge(na, nb, key=rel, role=rel)
    # incidents: merge mentions of the same incident
    mentions.sort(key=lambda m: m["mid"])
    uf = _UF([m["mid"] for m in mentions])
    reasons: dict[str, list[str]] = {}
    buckets: dict[tuple, list[dict]] = {}
    for m in mentions:
        buckets.setdefault((family.get(m["type"]), m["location"]), []).append(m)
    for key in sorted(buckets, key=str):
        ms = buckets[key]
        for x_i, a in enumerate(ms):
            for b in ms[x_i + 1:]:
                why = _same_incident(a, b, family)
                if why:
                    uf.union(a["mid"], b["mid"])
                    reasons.setdefault(a["mid"], []).append(f"{b['mid']}: {why}")
    clusters: dict[str, list[dict]] = {}
    for m in mentions:
        clusters.setdefault(uf.find(m["mid"]), []).append(m)
    types = lex.types
    for root in sorted(clusters):
        ms = sorted(clusters[root], key=lambda m: (m["doc"], m["evidence"]["start"]))
        first = ms[0]
        eid = "event:" + hashlib.sha1("|".join(m["mid"] for m in ms).encode()).hexdigest()[:16]
        info = types.get(first["type"], {})
        fats = [m["fatalities"] for m in ms if m["fatalities"] is not None]
        injs = [m["injured"] for m in ms if m["injured"] is not None]
        dated = sorted((m for m in ms if m["date"]), key=lambda m: ({"explicit": 0, "relative": 1}.get(m["date_basis"], 2), m["date"]))
        dm = dated[0] if dated else first
        label = f"{info.get('label_en', first['type'])} ({first['trigger']})"
        G.add_node(eid, kind="event", type=first["type"], label=label, cameo=str(info.get("cameo", "")),
                   acled_event_type=info.get("acled_event_type"), acled_sub_event_type=info.get("acled_sub_event_type"),
                   date=dm["date"], date_precision=dm["date_precision"], date_basis=dm["date_basis"],
                   date_end=dm["date_end"], fatalities=max(fats) if fats else None,
                   injured=max(injs) if injs else None, aggregate=any(m["aggregate"] for m in ms),
                   trigger=first["trigger"], mention_count=len(ms),
                   evidence=tuple(m["evidence"] for m in ms),
                   merge_reason="; ".join(r for m in ms for r in reasons.get(m["mid"], [])),
                   partial=tuple(sorted(set(first["partial"]).intersection(*[set(m["partial"]) for m in ms]))),
                   mentions=tuple(m["mid"] for m in ms))
        for role, field in (("agent", "agents"), ("target", "targets"), ("reported_by", "reported_by")):
            for target in sorted({t for m in ms for t in m[field]}):
                if target in G:
                    ev = tuple(m["evidence"] for m in ms if target in m[field])
                    G.add_edge(eid, target, key=role, role=role,
                               evidence=tuple({"doc": e["doc"], "start": e["start"], "end": e["end"], "text": e["text"]} for e in ev))
        for loc in sorted({m["location"] for m in ms if m["location"]}):
            if loc in G:
                G.add_edge(eid, loc, key="location", role="location")
        for doc in sorted({m["doc"] for m in ms}):
            ev = tuple({"doc": e["doc"], "start": e["start"], "end": e["end"], "text": e["text"]}
                       for e in (m["evidence"] for m in ms) if e["doc"] == doc)
            G.add_edge(eid, "doc:" + doc, key="mentioned_in", role="mentioned_in", evidence=ev)
    return G

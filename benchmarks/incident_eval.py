"""Mentions, incidents and roles on the dev gold set and on the five samples, with ../shared/eval/score.py.

usage: python benchmarks/incident_eval.py [--show ROLE]

--show ROLE (agents, targets, reported_by, location, fatalities) also prints every matched incident whose
ROLE the scorer counts wrong: predicted labels, gold entity ids, evidence.

The dev sets (benchmarks/devset/: 21 SaudiNewsNet war articles + 5 ANERcorp passages on Syria and
Iraq; benchmarks/devset2/: 20 SaudiNewsNet articles mostly from other theatres; benchmarks/devset3/:
16 more, a seeded sample over Syria/Iraq, Yemen and other theatres; benchmarks/devset4/: 16 more with
another seed; all annotated in the samples' format) are rebuilt from ../shared with their make_texts.py; the samples are a
contrast, not a target (everyone tunes on them). The held-out set (benchmarks/heldout/) is NOT
scored here: it is run once per milestone with the command in its README. Prints the scorer's figures and a
per-role breakdown.
"""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


def main():
    from graph.api import iter_extractions
    from graph.jsonl import dumps
    score = SHARED / "eval" / "score.py"
    if not score.exists():
        print(f"not found: {score}")
        return
    with tempfile.TemporaryDirectory() as tmp:
        dev = Path(tmp) / "dev"
        subprocess.run([sys.executable, str(ROOT / "benchmarks/devset/make_texts.py"), str(dev)],
                       check=True, capture_output=True)
        dev2 = Path(tmp) / "dev2"
        subprocess.run([sys.executable, str(ROOT / "benchmarks/devset2/make_texts.py"), str(dev2)],
                       check=True, capture_output=True)
        dev3 = Path(tmp) / "dev3"
        subprocess.run([sys.executable, str(ROOT / "benchmarks/devset3/make_texts.py"), str(dev3)],
                       check=True, capture_output=True)
        dev4 = Path(tmp) / "dev4"
        subprocess.run([sys.executable, str(ROOT / "benchmarks/devset4/make_texts.py"), str(dev4)],
                       check=True, capture_output=True)
        sets = [("dev (unseen: SaudiNewsNet + ANERcorp)", [str(dev / "meta.jsonl")],
                 ROOT / "benchmarks/devset/gold.json", dev),
                ("dev2 (unseen: SaudiNewsNet, mostly outside Syria/Iraq)", [str(dev2 / "meta.jsonl")],
                 ROOT / "benchmarks/devset2/gold.json", dev2),
                ("dev3 (unseen: SaudiNewsNet, seeded sample)", [str(dev3 / "meta.jsonl")],
                 ROOT / "benchmarks/devset3/gold.json", dev3),
                ("dev4 (unseen: SaudiNewsNet, seeded sample)", [str(dev4 / "meta.jsonl")],
                 ROOT / "benchmarks/devset4/gold.json", dev4),
                ("samples (embedded corpus; contrast only)", [str(SHARED / "corpus/syria-ar")],
                 SHARED / "eval/samples-gold.json", SHARED / "corpus/syria-ar")]
        print("# command: python benchmarks/incident_eval.py\n")
        for name, src, gold, texts in sets:
            pred = Path(tmp) / "pred.jsonl"
            pred.write_text("".join(dumps(x) + "\n" for x in iter_extractions(src)), encoding="utf-8")
            out = subprocess.run([sys.executable, str(score), str(gold), str(texts), str(pred), "--json"],
                                 capture_output=True, text=True, check=True).stdout
            r = json.loads(out)
            print(f"{name}: {r['docs_scored']} docs")
            for part in ("mention", "event", "arg"):
                print(f"  {part:<8} P {r[part + '_p']:.3f}  R {r[part + '_r']:.3f}  F1 {r[part + '_f1']:.3f}")
            print(f"  predicted/gold mentions {r['pred_mentions']}/{r['gold_mentions']}, "
                  f"incidents {r['pred_events']}/{r['gold_events']}, bad offsets {r['bad_offsets']}")
            for role, (tp, p, g) in roles(score, gold, texts, pred).items():
                print(f"    {role:<12} P {tp / max(p, 1):.2f}  R {tp / max(g, 1):.2f}  ({tp} of {p} predicted, {g} gold)")
            print()


def roles(score_path, gold_path, text_dir, pred_path):
    """Per-role counts over matched incidents, computed the way score.py matches them."""
    spec = importlib.util.spec_from_file_location("athar_score", score_path)
    sc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sc)
    gold = json.load(open(gold_path, encoding="utf-8"))
    texts = sc.load_texts(text_dir, [d["doc"] for d in gold["documents"]])
    stem_to_doc = {texts[d][0]: d for d in texts}
    preds = {}
    for line in open(pred_path, encoding="utf-8"):
        o = json.loads(line)
        d = stem_to_doc.get(o["doc"]) or next((g for g in texts if o["doc"].startswith(g)), None)
        if d:
            preds[d] = o
    by_doc = {}
    for g in sc.gold_mentions(gold, texts):
        by_doc.setdefault(g[0], []).append(g)
    ent_map = {}
    for d, obj in preds.items():
        for ent in obj["entities"]:
            votes = {}
            for m in ent["mentions"]:
                for g in by_doc.get(d, []):
                    if sc.overlaps((m["start"], m["end"]), (g[1], g[2])):
                        votes[g[3]] = votes.get(g[3], 0) + 1
            if votes:
                top = max(votes.values())
                ent_map[(d, ent["id"])] = {g for g, n in votes.items() if n == top}
    gev = [v for v in gold["events"] if v["doc"] in preds]
    used, matched = set(), []
    for d, obj in preds.items():
        text = texts[d][1]
        for ev in obj["events"]:
            span = (ev["trigger"]["start"], ev["trigger"]["end"])
            for i, gv in enumerate(gev):
                if i in used or gv["doc"] != d or not sc.same_type(gv["type"], ev["type"]):
                    continue
                gs = text.find(gv["evidence"])
                if gs >= 0 and sc.overlaps(span, (gs, gs + len(gv["evidence"]))):
                    used.add(i)
                    matched.append((d, ev, gv))
                    break
    st = {}

    def add(role, tp, p, g):
        a = st.setdefault(role, [0, 0, 0])
        a[0] += tp
        a[1] += p
        a[2] += g
    show = sys.argv[sys.argv.index("--show") + 1] if "--show" in sys.argv else None
    for d, ev, gv in matched:
        labels = {e["id"]: e["label"] for e in preds[d]["entities"]}
        for role in ("agents", "targets", "reported_by", "location"):
            gset = set(gv.get(role) or []) if role != "location" else {gv["location"]} - {None}
            pred = ev.get(role) or [] if role != "location" else [ev["location"]] if ev.get("location") else []
            hits = {g for x in pred for g in ent_map.get((d, x), set()) & gset}
            if role == show and (len(hits) != len(gset) or len(hits) != len(pred)):
                print(f"  {d} {ev['type']} {ev['trigger']['text']!r}: {role} {[labels.get(x) for x in pred]} "
                      f"gold {sorted(gset)} | {gv['evidence'][:90]}")
            if role != "location":
                add(role, len(hits), len(pred), len(gset))
        loc = ev.get("location")
        add("location", int(bool(loc) and gv.get("location") in ent_map.get((d, loc), set())),
            int(bool(loc)), int(bool(gv.get("location"))))
        if show == "fatalities" and ev.get("fatalities") != gv.get("fatalities"):
            print(f"  {d} {ev['type']} {ev['trigger']['text']!r}: fatalities {ev.get('fatalities')} "
                  f"gold {gv.get('fatalities')} | {gv['evidence'][:110]}")
        add("fatalities", int(ev.get("fatalities") is not None and ev.get("fatalities") == gv.get("fatalities")),
            int(ev.get("fatalities") is not None), int(gv.get("fatalities") is not None))
    return st


if __name__ == "__main__":
    main()

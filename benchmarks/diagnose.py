"""Print what the extractor gets wrong against a gold file (the score.py format), per document.

usage: python benchmarks/diagnose.py GOLD.json TEXT_DIR PRED.jsonl [--events|--mentions]

Lists missed and spurious incident mentions (type, trigger, sentence) and, with --mentions,
missed and spurious entity mentions — for reading errors, not for scoring.
"""
import importlib.util
import json
import re
import sys
from pathlib import Path

COARSE = {"Person": "PER", "Organization": "ORG", "ArmedGroup": "ORG", "Government": "ORG",
          "MilitaryForce": "ORG", "Country": "LOC", "Location": "LOC"}


def _scorer():
    """The shared scorer (../shared/eval/score.py), for its whole-word rule."""
    path = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("athar_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    gold_path, text_dir, pred_path = sys.argv[1:4]
    show_m = "--mentions" in sys.argv
    show_e = "--events" in sys.argv or not show_m
    gold = json.load(open(gold_path, encoding="utf-8"))
    sc = _scorer()
    texts = {p.stem: p.read_text(encoding="utf-8") for p in Path(text_dir).glob("*.txt")}
    docmap = {}
    for stem in texts:
        for d in gold["documents"]:
            if stem == d["doc"] or stem.startswith(d["doc"] + "_"):
                docmap[stem] = d["doc"]
    preds = {}
    for line in open(pred_path, encoding="utf-8"):
        o = json.loads(line)
        preds[docmap.get(o["doc"], o["doc"])] = o
    ents = {e["id"]: e for e in gold["entities"]}
    for stem, d in sorted(docmap.items()):
        text = texts[stem]
        p = preds.get(d, {"events": [], "entities": []})
        pe = {e["id"]: e for e in p["entities"]}
        if show_e:
            gev = [v for v in gold["events"] if v["doc"] == d]
            used = set()
            print(f"=== {d}")
            for v in p["events"]:
                s = v["sentence"]
                hit = None
                for i, g in enumerate(gev):
                    gs = text.find(g["evidence"])
                    if i in used or gs < 0:
                        continue
                    if g["type"] == v["type"] or {g["type"], v["type"]} == {"arrest", "abduction"}:
                        if gs < v["trigger"]["end"] and v["trigger"]["start"] < gs + len(g["evidence"]):
                            hit = i
                            break
                lab = lambda ids: [pe[x]["label"] for x in ids if x in pe]
                if hit is None:
                    print(f"  FP {v['type']:<18} {v['trigger']['text']!r:<16} | {text[s['start']:s['end']][:110]}")
                else:
                    used.add(hit)
                    g = gev[hit]
                    gl = lambda ids: [ents[x]["canonical_ar"] for x in ids]
                    print(f"  OK {v['type']:<18} {v['trigger']['text']!r:<16} ag={lab(v['agents'])} gold={gl(g['agents'])} "
                          f"tg={lab(v['targets'])} gold={gl(g['targets'])} loc={lab([v['location']] if v['location'] else [])} "
                          f"gold={gl([g['location']] if g['location'] else [])} src={lab(v['reported_by'])} gold={gl(g['reported_by'])} "
                          f"fat={v['fatalities']}/{g['fatalities']}")
            for i, g in enumerate(gev):
                if i not in used:
                    print(f"  FN {g['type']:<18} {g['trigger_ar']!r:<16} | {g['evidence'][:110]}")
        if show_m:
            gold_spans = []
            for e in gold["entities"]:
                if d not in e.get("docs", []):
                    continue
                for a in set(e["aliases_ar"]):
                    for m in re.finditer(re.escape(a), text):
                        if sc.whole_word(text, a, m.start(), m.end()):
                            gold_spans.append((m.start(), m.end(), COARSE[e["type"]], a))
            pred_spans = [(m["start"], m["end"], COARSE.get(e["type"]), m["text"]) for e in p["entities"] for m in e["mentions"]]
            print(f"=== {d} mentions")
            for g in sorted(set(gold_spans)):
                if not any(q[0] < g[1] and g[0] < q[1] and q[2] == g[2] for q in pred_spans):
                    print(f"  FN {g[2]} {g[3]}")
            for q in sorted(set(pred_spans)):
                if not any(q[0] < g[1] and g[0] < q[1] and q[2] == g[2] for g in gold_spans):
                    print(f"  FP {q[2]} {q[3]}")


if __name__ == "__main__":
    main()

"""Mention recognition of the whole pipeline (KB + gazetteer + patterns + CRF + coreference) on
the ANERcorp dev split, against the CRF tagger alone.

usage: python benchmarks/ner_pipeline_eval.py

Dev = the last 10% of ../shared/data/ner/ANERCorp_CamelLab_train.txt (the tagger never saw it).
Each sentence is joined with spaces and run through `graph.recognize` with the relevance gate
off (ANERcorp is general news). Gold PERS→Person, LOC→Location/Country,
ORG→Organization/ArmedGroup/Government/MilitaryForce; MISC is ignored. Overlap = any shared
token and the same coarse type; exact = same token span and type.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "ner" / "ANERCorp_CamelLab_train.txt"
COARSE = {"Person": "PERS", "Location": "LOC", "Country": "LOC", "Organization": "ORG",
          "ArmedGroup": "ORG", "Government": "ORG", "MilitaryForce": "ORG"}


def main():
    from graph.model import Document
    from graph.ner import bio_spans, dev_split, read_conll
    from graph.recognize import recognize, resources
    from graph.text import analyse
    if not DATA.exists():
        print(f"not found: {DATA}")
        return
    _, dev = dev_split(read_conll(DATA))
    res = resources(())
    stats = {}
    for toks, tags in dev:
        text = " ".join(toks)
        starts, pos = [], 0
        for t in toks:
            starts.append(pos)
            pos += len(t) + 1
        gold = {(k, a, b) for k, a, b in bio_spans(tags) if k in ("PERS", "LOC", "ORG")}
        an = analyse(text)
        rec = recognize(res, Document("dev", text), an, gate=False)
        pred = set()
        for f in rec.found:
            kind = COARSE.get(f.type)
            if not kind:
                continue
            s, e = an.original(f.ns, f.ne)
            a = max(i for i, st in enumerate(starts) if st <= s)
            b = max(i for i, st in enumerate(starts) if st < e) + 1
            pred.add((kind, a, b))
        for kind in ("PERS", "LOC", "ORG"):
            g = {x for x in gold if x[0] == kind}
            p = {x for x in pred if x[0] == kind}
            st = stats.setdefault(kind, [0, 0, 0, 0, 0])
            st[0] += len(g)
            st[1] += len(p)
            st[2] += len(g & p)
            st[3] += sum(1 for x in p if any(y[1] < x[2] and x[1] < y[2] for y in g))
            st[4] += sum(1 for y in g if any(y[1] < x[2] and x[1] < y[2] for x in p))
    print("# command: python benchmarks/ner_pipeline_eval.py")
    print(f"# dev = last 10% of ANERcorp train: {len(dev)} sentences; whole pipeline, gate off\n")
    print(f"{'type':<6} {'gold':>5} {'pred':>5} | exact P   R     F1   | overlap P  R     F1")
    tot = [0, 0, 0, 0, 0]
    for kind, st in stats.items():
        tot = [x + y for x, y in zip(tot, st)]
        print(_row(kind, st))
    print(_row("micro3", tot))


def _row(kind, st):
    g, p, ex, op, orr = st
    f = lambda a, b: 2 * a * b / (a + b) if a + b else 0.0
    ep, er = ex / max(p, 1), ex / max(g, 1)
    opp, orc = op / max(p, 1), orr / max(g, 1)
    return (f"{kind:<6} {g:>5} {p:>5} | {ep:.3f} {er:.3f} {f(ep, er):.3f} | {opp:.3f} {orc:.3f} {f(opp, orc):.3f}")


if __name__ == "__main__":
    main()

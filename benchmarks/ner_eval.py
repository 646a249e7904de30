#!/usr/bin/env python
"""Evaluate the CRF tagger on the ANERcorp dev split (the LAST 10% of the train half).

    .venv/bin/python benchmarks/ner_eval.py [--model PATH] [--data PATH] [--repeat N]

Prints exact-span and overlap (any shared token, same type) precision/recall/F1 per type,
the micro-average over PERS/LOC/ORG (MISC is reported separately), and tagging throughput.
"""
from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.ner import Tagger, bio_spans, dev_split, read_conll  # noqa: E402

DEFAULT_DATA = (Path(os.environ.get("ATHAR_SHARED", ROOT.parent / "shared")) / "data" / "ner"
                / "ANERCorp_CamelLab_train.txt")
MAIN = ("PERS", "LOC", "ORG")


def prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(gold_seqs, pred_seqs) -> dict:
    """Counts per type: exact and overlap (precision side and recall side counted separately)."""
    c = {t: dict(gold=0, pred=0, exact=0, ov_p=0, ov_g=0) for t in ("PERS", "LOC", "ORG", "MISC")}
    for gold, pred in zip(gold_seqs, pred_seqs):
        g = bio_spans(gold)
        p = bio_spans(pred)
        gs = set(g)
        for t, s, e in g:
            c[t]["gold"] += 1
            if any(pt == t and ps < e and s < pe for pt, ps, pe in p):
                c[t]["ov_g"] += 1
        for t, s, e in p:
            c[t]["pred"] += 1
            if (t, s, e) in gs:
                c[t]["exact"] += 1
            if any(gt == t and gs_ < e and s < ge for gt, gs_, ge in g):
                c[t]["ov_p"] += 1
    return c


def report(c: dict) -> list[str]:
    lines = [f"{'type':<10}{'gold':>6}{'pred':>6} | {'exact P':>8}{'R':>7}{'F1':>7} | "
             f"{'overlap P':>9}{'R':>7}{'F1':>7}"]

    def row(name, d):
        ep, er, ef = prf(d["exact"], d["pred"], d["exact"], d["gold"])
        op, orr, of = prf(d["ov_p"], d["pred"], d["ov_g"], d["gold"])
        lines.append(f"{name:<10}{d['gold']:>6}{d['pred']:>6} | {ep:>8.3f}{er:>7.3f}{ef:>7.3f} | "
                     f"{op:>9.3f}{orr:>7.3f}{of:>7.3f}")

    for t in MAIN:
        row(t, c[t])
    micro = {k: sum(c[t][k] for t in MAIN) for k in c["PERS"]}
    row("micro3", micro)
    lines.append("-" * len(lines[0]))
    row("MISC", c["MISC"])
    return lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, default=None, help="default: the packaged model")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--repeat", type=int, default=5, help="passes over dev for the warm timing")
    ap.add_argument("--o-threshold", default="default",
                    help="posterior-O threshold: a number, 'none' (plain Viterbi) or 'default' "
                         "(graph.ner.DEFAULT_O_THRESHOLD)")
    a = ap.parse_args(argv)

    print("# command: " + " ".join([Path(sys.executable).name, *sys.argv]))
    print(f"# python {platform.python_version()} on {platform.machine()}, "
          f"{os.cpu_count()} cpus; model {a.model or 'packaged graph/data/ner.crfsuite'}")
    sents = read_conll(a.data)
    train, dev = dev_split(sents)
    print(f"# dev = last 10% of {a.data.name}: {len(dev)} sentences, "
          f"{sum(len(t) for t, _ in dev)} tokens (train = first {len(train)})")

    tagger = Tagger.load(a.model)
    if a.o_threshold != "default":
        tagger.o_threshold = None if a.o_threshold.lower() == "none" else float(a.o_threshold)
    print("# decoding: Viterbi" + ("" if tagger.o_threshold is None else
                                    f" + posterior override where P(O) < {tagger.o_threshold}"))
    model_file = Path(tagger.path)
    tokens = [t for t, _ in dev]
    n_tok = sum(map(len, tokens))

    # CPU time of this process (robust to other load on the machine) and wall time.
    # The pipeline decodes many sentences in one batch (graph/crf.py); crfsuite's own decoder,
    # one sentence at a time, is timed next to it as the baseline.
    c0, t0 = time.process_time(), time.perf_counter()
    preds = tagger.tag_batch(tokens)                 # cold: empty per-type score cache
    cold, cold_wall = time.process_time() - c0, time.perf_counter() - t0
    c0, t0 = time.process_time(), time.perf_counter()
    for _ in range(a.repeat):
        tagger.tag_batch(tokens)
    warm = (time.process_time() - c0) / a.repeat
    warm_wall = (time.perf_counter() - t0) / a.repeat
    ref = [tagger.tag_reference(t) for t in tokens]  # warms the reference's own cache
    c0 = time.process_time()
    for _ in range(a.repeat):
        for t in tokens:
            tagger.tag_reference(t)
    ref_warm = (time.process_time() - c0) / a.repeat
    same = sum(x == y for p, r in zip(preds, ref) for x, y in zip(p, r))

    print()
    for line in report(evaluate([g for _, g in dev], preds)):
        print(line)
    print()
    print(f"model size: {model_file.stat().st_size / 1e6:.2f} MB ({model_file.name})")
    print("throughput per core (CPU time; wall-clock in brackets):")
    print(f"  cold cache: {len(dev) / cold:,.0f} sentences/s, {n_tok / cold:,.0f} tokens/s "
          f"[{len(dev) / cold_wall:,.0f} sentences/s]  (first pass, per-type features computed)")
    print(f"  warm cache: {len(dev) / warm:,.0f} sentences/s, {n_tok / warm:,.0f} tokens/s "
          f"[{len(dev) / warm_wall:,.0f} sentences/s]  (mean of {a.repeat} more passes)")
    print(f"  crfsuite's decoder, warm: {len(dev) / ref_warm:,.0f} sentences/s "
          f"(batch decoder {ref_warm / warm:.1f}x faster; same tag on {same}/{n_tok} tokens)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

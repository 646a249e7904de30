"""Extraction throughput on real Arabic press (SaudiNewsNet 2015), against baselines in the same run.

usage: python benchmarks/throughput.py [N_ARTICLES]   (default 1500)

Prints sentences/s and chars/s for: (a) the baseline of normalising + splitting only
(the floor any extractor pays), (b) Athar's full extraction without the CRF tagger, (c) the full
extraction; and the ratios. Off-topic and war articles are reported separately: off-topic text
must be cheap. Single process, one core; CPU time, best of 3 runs, the configurations interleaved
so that the machine's drift hits them alike.
"""
from __future__ import annotations

import gzip
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "saudinewsnet-2015" / "articles.jsonl.gz"
REPEAT = 3
WAR = re.compile(r"داعش|سوريا|العراق|غارة|غارات|قصف|اشتباكات|مقتل")


def sample(n):
    war, off = [], []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            (war if len(WAR.findall(o["text"])) >= 3 else off).append(o)
            if len(war) >= n // 2 and len(off) >= n // 2:
                break
    return war[: n // 2], off[: n // 2]


def run(configs, docs):
    """Time every (label, fn) on the list of docs, interleaved (A B C A B C ...) so that drift of the machine
    hits all configurations alike; best of REPEAT per configuration. Returns sentences/s."""
    from graph.text import analyse
    sents = sum(len(analyse(d.text).sentences) for d in docs)
    chars = sum(len(d.text) for d in docs)
    best = {label: float("inf") for label, _ in configs}
    for _ in range(REPEAT):
        for label, fn in configs:
            t0 = time.process_time()      # CPU time of this process: per core, less disturbed
            fn(docs)
            best[label] = min(best[label], time.process_time() - t0)
    for label, _ in configs:
        dt = best[label]
        print(f"  {label:<34} {len(docs):>5} docs {sents:>7} sentences {dt:7.2f}s "
              f"{sents / dt:9.0f} sent/s {chars / dt / 1e6:6.2f} MB/s")
    return [sents / best[label] for label, _ in configs]


def main():
    if not CORPUS.exists():
        print(f"corpus not found: {CORPUS}")
        return
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1500
    from graph.model import Document
    from graph.pipeline import extract, extract_many
    from graph.recognize import resources
    from graph.text import analyse
    war, off = sample(n)
    t0 = time.perf_counter()
    full, notag = resources(), resources((), use_tagger=False)
    print(f"resources loaded in {time.perf_counter() - t0:.2f}s")
    for name, recs in (("war/politics", war), ("off-topic", off)):
        docs = [Document(r["id"], r["text"], published=r["published"]) for r in recs]
        extract(docs[0], full)   # warm caches
        print(f"{name}:")
        base, b, c = run([("baseline: normalise + split", lambda ds: [analyse(d.text) for d in ds]),
                          ("athar without CRF tagger", lambda ds: list(extract_many(ds, notag))),
                          ("athar full", lambda ds: list(extract_many(ds, full)))], docs)
        print(f"  ratio full/baseline speed: {c / base:.3f}; without-CRF/full: {b / c:.2f}x")


if __name__ == "__main__":
    main()

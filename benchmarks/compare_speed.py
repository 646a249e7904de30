"""Extraction speed of the working tree against an earlier commit, on the same machine, alternating.

usage: python benchmarks/compare_speed.py REV [N_ARTICLES] [ROUNDS]   (defaults: 600 articles, 3 rounds)

Checks REV out into a temporary directory (`git archive`), then times `extract_many` over the
same war/politics SaudiNewsNet articles (the sample of benchmarks/throughput.py) in a fresh
process for REV and for the working tree, alternately, ROUNDS times; each process reports the
best of 4 repetitions (CPU time, one core, resources loaded and caches warm). Prints every
round and the best of each side with their ratio. This virtual machine's speed drifts by a third
between minutes, so only the rounds run side by side compare; a single number means little.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import sys, time
bench, root, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path.insert(0, bench)
from throughput import sample
sys.path = [p for p in sys.path if p not in (bench, str(__import__("pathlib").Path(bench).parent))]
sys.path.insert(0, root)
import graph
assert graph.__file__.startswith(root), graph.__file__
from graph.model import Document
from graph.pipeline import extract_many
from graph.recognize import resources
from graph.text import analyse
war, _ = sample(n)
docs = [Document(o["id"], o["text"], published=o.get("published")) for o in war]
sents = sum(len(analyse(d.text).sentences) for d in docs)
res = resources()
list(extract_many(docs, res))
best = float("inf")
for _ in range(4):
    t0 = time.process_time()
    out = list(extract_many(docs, res))
    best = min(best, time.process_time() - t0)
    del out
print(sents / best)
"""


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return
    rev = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 600
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "archive", rev], cwd=ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        best = {rev: 0.0, "working tree": 0.0}
        for r in range(1, rounds + 1):
            line = []
            for label, root in ((rev, tmp), ("working tree", str(ROOT))):
                out = subprocess.run([sys.executable, "-c", CHILD, str(ROOT / "benchmarks"), root, str(n)],
                                     check=True, capture_output=True, text=True).stdout
                speed = float(out.strip().splitlines()[-1])
                best[label] = max(best[label], speed)
                line.append(f"{label}: {speed:,.0f} sent/s")
            print(f"round {r}: " + ", ".join(line))
        print(f"best: {rev} {best[rev]:,.0f} sent/s, working tree {best['working tree']:,.0f} sent/s, "
              f"ratio {best['working tree'] / best[rev]:.2f}x")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Print the seeded candidate pools from which the devset5 documents were screened.

usage: python3 benchmarks/devset5/select_docs.py [N]      (N = candidates shown per pool, default 40)

Candidates: SaudiNewsNet 2015 articles with an odd numeric id, a text of at most 1,600 characters, and
not in benchmarks/devset, devset2, devset3, devset4 or heldout. Each candidate is assigned to the region (syr_irq,
yemen, other) whose keywords occur most often in title+text (at least 2 hits). It goes to that
region's pool when its title contains an incident keyword, and to the "noinc" pool when the title
has none but the text has at least 4 war-vocabulary hits. Every pool is sorted by id and shuffled
with random.Random(2017). The manual screening of these orders (first acceptable document in seeded
order; rules in README.md) gave the SNN_IDS of make_texts.py.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from goldset import print_pools

if __name__ == "__main__":
    print_pools(2017, ("devset", "devset2", "devset3", "devset4", "heldout"))

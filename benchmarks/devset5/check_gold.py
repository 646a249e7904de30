#!/usr/bin/env python3
"""Validate benchmarks/devset5/gold.json against the rebuilt document texts.

usage: python3 benchmarks/devset5/check_gold.py TEXT_DIR [--gold GOLD.json] [--perfect OUT.jsonl]

TEXT_DIR is the output directory of make_texts.py. The checks (shared by every gold set) are
listed in benchmarks/goldset.py; errors make the exit status 1. --perfect writes the gold as a
prediction in the `athar extract --format jsonl` contract for a score.py sanity run.
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from goldset import check_main

if __name__ == "__main__":
    check_main(HERE / "gold.json", __doc__)

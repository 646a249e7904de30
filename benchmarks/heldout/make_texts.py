#!/usr/bin/env python3
"""Rebuild the held-out test-set documents from the shared SaudiNewsNet corpus.

usage: python benchmarks/heldout/make_texts.py OUTDIR

Writes, for every document of benchmarks/heldout/gold.json:
  OUTDIR/<docid>.txt   the exact document text (UTF-8, no trailing newline added)
  OUTDIR/meta.jsonl    one {"id", "published", "text"} object per document, for
                       `athar extract OUTDIR/meta.jsonl --format jsonl`

Source (not copied into this repository):
  ../shared/corpus/saudinewsnet-2015/articles.jsonl.gz  (SaudiNewsNet, CC BY-NC-SA 4.0):
      the .txt is exactly the article's `text` field; published = the article's `published`.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from goldset import snn_documents, write_documents

# SaudiNewsNet articles (even numeric ids only; the development set uses odd ids), in gold order.
SNN_IDS = [
    "snn07052", "snn10040",                         # 3alyoum
    "snn03086", "snn19078", "snn23734",             # aawsat
    "snn11732", "snn11638",                         # aleqtisadiya
    "snn07410",                                     # aljazirah
    "snn10790", "snn25884", "snn22184",             # alriyadh
    "snn24642",                                     # alwatan
    "snn22694", "snn24708", "snn22636",             # alweeam
    "snn18752", "snn11196",                         # alyaum
    "snn17442",                                     # okaz
    "snn02702",                                     # sabq
    "snn29206",                                     # was (SPA)
]


if __name__ == "__main__":
    write_documents(snn_documents(SNN_IDS), __doc__)

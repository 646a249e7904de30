#!/usr/bin/env python3
"""Rebuild the development-set documents from the shared corpora.

usage: python benchmarks/devset/make_texts.py OUTDIR

Writes, for every document of benchmarks/devset/gold.json:
  OUTDIR/<docid>.txt   the exact document text (UTF-8, no trailing newline added)
  OUTDIR/meta.jsonl    one {"id", "published", "text"} object per document, for
                       `athar extract OUTDIR/meta.jsonl --format jsonl`

Sources (not copied into this repository):
  ../shared/corpus/saudinewsnet-2015/articles.jsonl.gz  (SaudiNewsNet, CC BY-NC-SA 4.0):
      the .txt is exactly the article's `text` field; published = the article's `published`.
  ../shared/data/ner/ANERCorp_CamelLab_train.txt  (ANERcorp, CC BY-SA 4.0):
      pseudo-documents made of contiguous sentences (0-based sentence indexes below, sentences
      split at blank lines of the CoNLL file); tokens joined with single spaces, one sentence per
      line (joined with "\\n"). published = estimated date or null (see README.md).
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from goldset import snn_documents, write_documents

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))
from graph.ner import read_conll

ANER = Path(__file__).resolve().parent.parent.parent.parent / "shared" / "data" / "ner" / "ANERCorp_CamelLab_train.txt"

# SaudiNewsNet articles (odd numeric ids only), in gold order.
SNN_IDS = [
    "snn07047", "snn27711", "snn08501",             # 3alyoum
    "snn10111", "snn13351",                         # aawsat
    "snn21045", "snn08723",                         # aleqtisadiya
    "snn03315",                                     # aljazirah
    "snn09053", "snn25597", "snn03565",             # almadina
    "snn28413", "snn19549",                         # alriyadh
    "snn15843", "snn17135",                         # alwatan
    "snn04505", "snn15961",                         # alweeam
    "snn22957", "snn27413",                         # alyaum
    "snn29035",                                     # okaz
    "snn09945",                                     # sabq
]

# ANERcorp pseudo-documents: docid -> (first sentence, last sentence inclusive, published)
ANER_DOCS = {
    "aner-0001": (666, 676, "2006-07-24"),   # Baghdad (Sadr City) and Kirkuk bombings
    "aner-0002": (1300, 1310, "2006-08-16"),  # Iraq violence round-up, Karbala crisis
    "aner-0003": (3285, 3298, None),          # US raid in Baqubah, Iraqi operations in Baghdad
    "aner-0004": (3299, 3308, None),          # IEDs in Baghdad, Baqubah, Kirkuk, Samarra
    "aner-0005": (3865, 3871, None),          # car bombs in Baghdad, Baqubah
}


def build_documents():
    docs = snn_documents(SNN_IDS)
    sents = [toks for toks, _tags in read_conll(ANER)]
    for docid, (first, last, published) in ANER_DOCS.items():
        text = "\n".join(" ".join(s) for s in sents[first:last + 1])
        docs.append({"id": docid, "published": published, "text": text})
    return docs


if __name__ == "__main__":
    write_documents(build_documents(), __doc__)

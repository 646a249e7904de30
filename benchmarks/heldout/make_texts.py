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
import gzip
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent                       # /work/main
SHARED = ROOT.parent / "shared"                 # ../shared
SNN = SHARED / "corpus" / "saudinewsnet-2015" / "articles.jsonl.gz"

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


def build_documents():
    wanted = set(SNN_IDS)
    found = {}
    with gzip.open(SNN, "rt", encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            if a["id"] in wanted:
                found[a["id"]] = a
    missing = wanted - set(found)
    if missing:
        raise SystemExit(f"articles not found in {SNN}: {sorted(missing)}")
    return [{"id": i, "published": found[i]["published"], "text": found[i]["text"]} for i in SNN_IDS]


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    docs = build_documents()
    with open(out / "meta.jsonl", "w", encoding="utf-8") as meta:
        for d in docs:
            (out / f"{d['id']}.txt").write_text(d["text"], encoding="utf-8")
            meta.write(json.dumps(d, ensure_ascii=False) + "\n")
    digest = hashlib.sha256("".join(d["text"] for d in docs).encode("utf-8")).hexdigest()[:16]
    print(f"wrote {len(docs)} documents to {out} (texts sha256/16 {digest})")


if __name__ == "__main__":
    main()

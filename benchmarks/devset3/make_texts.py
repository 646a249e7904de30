#!/usr/bin/env python3
"""Rebuild the third development-set documents from the shared SaudiNewsNet corpus.

usage: python benchmarks/devset3/make_texts.py OUTDIR

Writes, for every document of benchmarks/devset3/gold.json:
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

# SaudiNewsNet articles (odd numeric ids only, none in benchmarks/devset, devset2 or heldout and no
# near-duplicate of their stories), chosen by the seeded procedure of README.md, in gold order.
SNN_IDS = [
    # Syria / Iraq
    "snn28023",                                     # aljazirah: US F-16s deployed to Incirlik
    "snn03551",                                     # almadina: regime rocket on Aleppo; al-Fadhli killed
    "snn16565",                                     # aleqtisadiya: shelling of the Daraa refugee camp
    "snn30141",                                     # alriyadh: two bombings in Baqubah
    "snn14289",                                     # alweeam: coalition strikes SW of Kirkuk (15 ISIS)
    "snn11465",                                     # 3alyoum: Kurdish YPG retake Sarrin from ISIS
    # Yemen
    "snn15967",                                     # alyaum: shells from Yemen kill 4 Saudi soldiers
    "snn11115",                                     # alyaum: resistance says Abd al-Khaliq al-Houthi arrested
    "snn25039",                                     # 3alyoum: resistance starts the Abyan offensive
    "snn01413",                                     # alriyadh: resistance repels attacks in Marib
    "snn06013",                                     # alweeam: 1,000 killed in Aden since the Houthi entry
    # Lebanon, Gaza, Afghanistan
    "snn08633",                                     # aawsat: Fatah official killed in Ain al-Hilweh
    "snn00007",                                     # aawsat: five car bombings against Hamas/PIJ in Gaza
    "snn29209",                                     # was (SPA): suicide car bomb near Kabul airport
    # war vocabulary, no incident
    "snn02443",                                     # okaz: Israel to seek more US military aid after the Iran deal
    "snn07307",                                     # aljazirah: GCC secretary-general condemns al-Maliki
]


if __name__ == "__main__":
    write_documents(snn_documents(SNN_IDS), __doc__)

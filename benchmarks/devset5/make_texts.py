#!/usr/bin/env python3
"""Rebuild the fifth development-set documents from the shared SaudiNewsNet corpus.

usage: python benchmarks/devset5/make_texts.py OUTDIR

Writes, for every document of benchmarks/devset5/gold.json:
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

# SaudiNewsNet articles (odd numeric ids only, none in benchmarks/devset, devset2, devset3, devset4 or heldout
# and no near-duplicate of their stories), chosen by the seeded procedure of README.md, in gold order.
SNN_IDS = [
    # Syria / Iraq
    "snn10069",                                     # aawsat: Iraqi forces enter Anbar University south of Ramadi
    "snn27313",                                     # alweeam: coalition 19 strikes (9 Syria, 10 Iraq)
    "snn22645",                                     # alweeam: Iraqi war media cell: dozens of ISIS killed; coalition sorties
    "snn29219",                                     # was: bombings and bodies found in Baghdad
    "snn23869",                                     # aleqtisadiya: ISIS executed more than 2,000 in Mosul (Jubouri)
    "snn14641",                                     # alyaum: coalition 41 strikes (24 Syria, 17 Iraq)
    # Yemen
    "snn27719",                                     # 3alyoum: anti-Houthi fighters take six districts of Ibb; Lawdar
    "snn27337",                                     # alyaum: Taiz and Hodeidah battles, 24 Houthis killed
    "snn18251",                                     # alriyadh: Popular Resistance takes the al-Anad runway
    "snn14095",                                     # alriyadh: 18 Houthis killed, 6 captured in al-Dhale
    "snn30819",                                     # okaz: al-Shaddadi wounded, 4 escorts killed in a Houthi ambush
    # Libya, Egypt (Sinai), Turkey-PKK
    "snn00611",                                     # aawsat: Tuareg-Tebu clashes in Sabha
    "snn08427",                                     # 3alyoum: Egyptian army raids kill 12 militants in Sheikh Zuweid
    "snn12681",                                     # okaz: car bomb kills two Turkish soldiers in Lice (Diyarbakir)
    # war vocabulary, no incident
    "snn06281",                                     # sabq: Kuwaiti acting speaker rejects al-Maliki's statements
    "snn07569",                                     # almadina: Tunisian expert on ISIS leaders and recruits
]


if __name__ == "__main__":
    write_documents(snn_documents(SNN_IDS), __doc__)

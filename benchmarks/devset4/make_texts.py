#!/usr/bin/env python3
"""Rebuild the fourth development-set documents from the shared SaudiNewsNet corpus.

usage: python benchmarks/devset4/make_texts.py OUTDIR

Writes, for every document of benchmarks/devset4/gold.json:
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

# SaudiNewsNet articles (odd numeric ids only, none in benchmarks/devset, devset2, devset3 or heldout
# and no near-duplicate of their stories), chosen by the seeded procedure of README.md, in gold order.
SNN_IDS = [
    # Syria / Iraq
    "snn13057",                                     # 3alyoum: 15 ISIS killed east of Ramadi
    "snn06011",                                     # alweeam: Turkish tanks shell ISIS after a soldier is killed in Kilis
    "snn27121",                                     # alriyadh: ISIS kills 37 rival fighters in Umm Hosh (Aleppo)
    "snn10639",                                     # almadina: coalition 20 air strikes in Iraq, 13 in Syria
    "snn27125",                                     # alriyadh: coalition 16 strikes in Iraq, 7 in Syria
    "snn01935",                                     # alweeam: ISIS executes two "Raqqa is Being Slaughtered Silently" activists
    # Yemen
    "snn23337",                                     # okaz: Taiz western front commander: from defence to attack
    "snn02447",                                     # okaz: interior minister: security forces control Aden
    "snn06747",                                     # 3alyoum: government declares Aden fully liberated
    "snn00015",                                     # aawsat: after Aden, the resistance prepares the al-Anad battle
    "snn13561",                                     # aljazirah: HRW on Houthi shelling of Aden; resistance in al-Houta
    # Nigeria, Somalia, Palestine (West Bank)
    "snn17865",                                     # aleqtisadiya: Nigerian army frees 178 Boko Haram captives
    "snn08951",                                     # aljazirah: Somali forces take Dinsoor from al-Shabaab
    "snn11509",                                     # aawsat: conflicting reports on a Palestinian's death in Qalandia
    # war vocabulary, no incident
    "snn08369",                                     # sabq: US senator urges Pakistan to cooperate against ISIS
    "snn28261",                                     # almadina: specialists on ISIS aims and recruitment
]


if __name__ == "__main__":
    write_documents(snn_documents(SNN_IDS), __doc__)

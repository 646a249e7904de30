#!/usr/bin/env python3
"""Rebuild the second development-set documents from the shared SaudiNewsNet corpus.

usage: python benchmarks/devset2/make_texts.py OUTDIR

Writes, for every document of benchmarks/devset2/gold.json:
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

# SaudiNewsNet articles (odd numeric ids only, none in benchmarks/devset), in gold order.
SNN_IDS = [
    # Yemen
    "snn01629",                                     # alweeam: Houthi/Saleh shelling of Aden
    "snn06641",                                     # 3alyoum: attack on al-Tuwal crossing foiled
    "snn10429",                                     # aljazirah: coalition strikes on Mokha, Abyan
    "snn12471",                                     # alweeam: truce breached in Taiz and Marib
    "snn13967",                                     # alriyadh: resistance takes Tabat Masoud (Taiz)
    "snn14669",                                     # okaz: mine-laying foiled in al-Harth
    "snn02893",                                     # sabq: resistance ambush in Ibb
    # Libya
    "snn01203",                                     # almadina: air force sinks a ship off Benghazi
    "snn02709",                                     # sabq: 10 soldiers killed in Benghazi
    # Egypt
    "snn05039",                                     # aawsat: IED kills officer and 3 soldiers in Rafah
    "snn22369",                                     # alwatan: Apache strike south of Sheikh Zuweid
    # Afghanistan, Somalia, Nigeria, Palestine, Turkey-PKK
    "snn06177",                                     # okaz: suicide bombing in Almar market (Faryab)
    "snn12625",                                     # alyaum: al-Shabaab kills an MP in Mogadishu
    "snn10589",                                     # almadina: attack on a Borno village
    "snn25031",                                     # 3alyoum: Israeli strike on a Hamas camp in Gaza
    "snn04311",                                     # alriyadh: PKK claims killing of two police officers
    # Syria / Iraq
    "snn00013",                                     # aawsat: ISIS kills Gen. Mohsen Makhlouf near Palmyra
    "snn22991",                                     # alyaum: Iraqi air strikes east of Ramadi
    # war vocabulary, no incident
    "snn23873",                                     # aleqtisadiya: Turkey freezes Saleh/Houthi assets
    "snn09047",                                     # almadina: former Yemeni judge on GPC leaders
]


if __name__ == "__main__":
    write_documents(snn_documents(SNN_IDS), __doc__)

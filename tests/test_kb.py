"""The actor knowledge base: built-in file, user files, validation errors that name file and entry."""
import pytest
from click.testing import CliRunner

from graph import kb
from graph.cli import main
from graph.errors import DataFileError

GOOD = """
- id: falcons-brigade
  type: ArmedGroup
  label_ar: لواء الصقور الحمر
  label_en: Red Falcons Brigade
  aliases_ar: [الصقور الحمر]
"""


def test_kb_builtin_has_the_conflicts_main_actors():
    k = kb.load()
    assert len(k.actors) >= 150
    types = {a.type for a in k.actors.values()}
    assert {"ArmedGroup", "MilitaryForce", "Government", "Organization", "Person"} <= types


def test_kb_relations_point_to_existing_entries():
    k = kb.load()
    for a, rel, b in k.relations():
        assert a in k.actors and b in k.actors


@pytest.mark.parametrize("day, expected", [("2015-07-30", True), ("2025-03-01", False)])
def test_kb_alias_validity_follows_the_date(day, expected):
    k = kb.load()
    actor = k.lookup(("قوات", "النظام"), day)
    assert actor is not None
    assert (actor.valid_to is not None and actor.valid_to <= "2024-12-08") == expected


def test_kb_user_file_is_merged(tmp_path):
    p = tmp_path / "mine.yaml"
    p.write_text(GOOD, encoding="utf-8")
    k = kb.load((str(p),))
    assert k.lookup(("الصقور", "الحمر"), None).id == "falcons-brigade"


@pytest.mark.parametrize("text, problem", [
    (GOOD + GOOD, "duplicate id 'falcons-brigade'"),
    (GOOD.replace("ArmedGroup", "Militia"), "unknown type 'Militia'"),
    (GOOD + "  wikidata: 12345\n", "bad Wikidata QID"),
    (GOOD.replace("id: falcons-brigade", "id: Falcons Brigade"), "must be lowercase"),
    (GOOD + "  part_of: nobody\n", "unknown id 'nobody'"),
    ("- id: x\n  type: Person\n  label_ar: [unclosed\n", "not valid YAML"),
])
def test_kb_bad_user_file_names_the_file_and_entry(tmp_path, text, problem):
    p = tmp_path / "bad.yaml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as e:
        kb.build([kb.load_file(p)], [str(p)])
    assert problem in str(e.value) and str(p) in str(e.value)


def test_cli_kb_option_links_a_user_actor(tmp_path):
    p = tmp_path / "mine.yaml"
    p.write_text(GOOD, encoding="utf-8")
    t = tmp_path / "a.txt"
    t.write_text("هاجم لواء الصقور الحمر حاجزا للجيش قرب مدينة حماة.", encoding="utf-8")
    r = CliRunner().invoke(main, ["extract", str(t), "--kb", str(p)])
    assert r.exit_code == 0, r.output
    assert '"kb:falcons-brigade"' in r.output


def test_cli_bad_kb_file_is_one_clear_error(tmp_path):
    p = tmp_path / "bad.yaml"
    p.write_text(GOOD.replace("ArmedGroup", "Militia"), encoding="utf-8")
    t = tmp_path / "a.txt"
    t.write_text("نص", encoding="utf-8")
    r = CliRunner().invoke(main, ["extract", str(t), "--kb", str(p)])
    assert r.exit_code != 0 and "unknown type 'Militia'" in r.output and "Traceback" not in r.output


@pytest.mark.parametrize("name, actor", [
    ("الطائرات التركية", "turkish-air-force"),     # listed: الطيران التركي
    ("المروحيات التركية", "turkish-air-force"),
    ("الجيش التركي", "turkish-armed-forces"),
])
def test_kb_force_names_take_every_head_of_their_family(name, actor):
    from graph.normalize import norm
    found = kb.load().lookup(tuple(norm(name).split()), "2015-08-01")
    assert found is not None and found.id == actor


@pytest.mark.parametrize("name, actor", [
    ("الائتلاف الدولي", "global-coalition"),   # the other word for "coalition"
    ("الائتلاف السوري", "syrian-national-coalition"),
    ("قوات الحوثي", "houthis"),          # listed: جماعة الحوثي
    ("مسلحو الحوثي", "houthis"),
    ("مقاتلي الحوثي", "houthis"),
])
def test_kb_a_group_named_after_someone_takes_every_group_head(name, actor):
    from graph.normalize import norm
    found = kb.load().lookup(tuple(norm(name).split()), "2015-08-01")
    assert found is not None and found.id == actor


@pytest.mark.parametrize("name", ["جماعة الإسلام", "قوات التوحيد", "عناصر الحوثي"])
def test_kb_group_heads_do_not_invent_names(name):
    """"أنصار الإسلام" is no head + eponym; counted "عناصر" are read by the event stage."""
    from graph.normalize import norm
    assert kb.load().lookup(tuple(norm(name).split()), "2015-08-01") is None


def test_kb_written_alias_wins_over_a_generated_one():
    from graph.normalize import norm
    k = kb.load()
    # "الطائرات الروسية" is written for the Russian aerospace forces; nothing generated replaces it
    written = {a.id for a, al in k.index[tuple(norm("الطائرات الروسية").split())]}
    assert written == {"russian-aerospace-forces"}


# --- Theatres beyond Syria and Iraq (Yemen, Libya, Egypt, Somalia, Nigeria, Afghanistan, Sahel, Sudan)

def _resolve(name, day):
    from graph.normalize import norm
    actor = kb.load().lookup(tuple(norm(name).split()), day)
    return actor.id if actor else None


@pytest.mark.parametrize("name, actor", [
    ("الميليشيات الحوثية", "houthis"),
    ("قوات المخلوع صالح", "saleh-forces"),
    ("الشرعية اليمنية", "yemen-gov"),
    ("المقاومة الشعبية", "yemen-popular-resistance"),
    ("طائرات التحالف العربي", "saudi-led-coalition"),
    ("الطيران السعودي", "saudi-air-force"),
    ("المقاتلات السعودية", "saudi-air-force"),         # generated from الطيران السعودي
    ("القوات الإماراتية", "uae-armed-forces"),          # generated from الجيش الإماراتي
    ("فجر ليبيا", "libya-dawn"),
    ("قوات حفتر", "lna"),
    ("بوكو حرام", "boko-haram"),
    ("حركة الشباب الصومالية", "al-shabaab"),
    ("أميصوم", "amisom"),
    ("حركة طالبان", "taliban"),
    ("طالبان باكستان", "ttp"),
    ("قوات الدعم السريع", "rsf"),
])
def test_kb_actors_of_other_theatres_resolve_in_2015(name, actor):
    assert _resolve(name, "2015-08-01") == actor


def test_kb_bare_common_words_of_other_theatres_are_not_aliases():
    for word in ("الشباب", "الحوثي", "الإخوان", "أنصار الشريعة", "اللجان الشعبية", "الحرس الوطني", "حرس الحدود"):
        assert _resolve(word, "2015-08-01") is None, word


@pytest.mark.parametrize("name, day, actor", [
    ("الرئيس اليمني", "2011-06-01", "ali-abdullah-saleh"),
    ("الرئيس اليمني", "2015-08-01", "abd-rabbuh-mansur-hadi"),
    ("الرئيس اليمني", "2023-01-01", "rashad-al-alimi"),
    ("الجيش اليمني", "2014-01-01", "yemen-armed-forces"),
    ("الجيش اليمني", "2015-08-01", "yemen-national-army"),
    ("الجيش الوطني", "2015-08-01", "yemen-national-army"),    # before the SNA existed
    ("الجيش الوطني", "2019-01-01", "sna"),
    ("أنصار بيت المقدس", "2014-06-01", "ansar-bayt-al-maqdis"),
    ("أنصار بيت المقدس", "2015-08-01", "isis-sinai"),
    ("الحكومة الليبية", "2015-08-01", "libya-interim-gov"),
    ("الحكومة الليبية", "2017-01-01", "libya-gna"),
    ("الحكومة الليبية", "2022-01-01", "libya-gnu"),
    ("الجيش الليبي", "2015-08-01", "lna"),
    ("زعيم حركة طالبان", "2015-07-01", "mullah-omar"),
    ("زعيم حركة طالبان", "2015-09-01", "akhtar-mansour"),
    ("زعيم حركة طالبان", "2017-01-01", "haibatullah-akhundzada"),
    ("ولي ولي العهد", "2015-03-01", "mohammed-bin-nayef"),
    ("ولي ولي العهد", "2015-08-01", "mohammed-bin-salman"),
    ("المتحدث باسم التحالف العربي", "2015-08-01", "ahmed-asiri"),
    ("المتحدث باسم التحالف العربي", "2018-01-01", "turki-al-maliki"),
    ("المبعوث الأممي إلى اليمن", "2015-08-01", "ismail-ould-cheikh-ahmed"),
    ("الحكومة الأفغانية", "2015-08-01", "afghanistan-gov"),
    ("الحكومة الأفغانية", "2022-01-01", "afghanistan-taliban-gov"),
])
def test_kb_dated_aliases_of_other_theatres_follow_the_date(name, day, actor):
    assert _resolve(name, day) == actor


def test_kb_libyan_army_phrase_is_left_open_once_both_sides_use_it():
    # after the GNA entered Tripoli (2016-03-30) both camps call their forces "الجيش الليبي"
    assert _resolve("الجيش الليبي", "2019-05-01") is None
    assert _resolve("الجيش الوطني الليبي", "2019-05-01") == "lna"


def test_kb_country_scoped_alias_follows_the_report_country():
    from graph.pipeline import extract
    from graph.model import Document

    def coalition(text):
        x = extract(Document("t", text, published="2015-08-01"))
        return {m.text: e.id for e in x.entities for m in e.mentions}["طيران التحالف"]
    assert coalition("شن طيران التحالف غارات على مواقع للحوثيين في صنعاء وصعدة.") == "kb:saudi-led-coalition"
    assert coalition("شن طيران التحالف غارات على مواقع لداعش في الرقة ودير الزور.") == "kb:global-coalition"


def test_kb_country_scope_must_be_iso_codes(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("- id: x\n  type: ArmedGroup\n  label_ar: س\n  aliases_ar: [{text: ص, countries: [yemen]}]\n",
                   encoding="utf-8")
    with pytest.raises(DataFileError, match="countries"):
        kb.load_file(bad)

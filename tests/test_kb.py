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


def test_kb_written_alias_wins_over_a_generated_one():
    from graph.normalize import norm
    k = kb.load()
    # "الطائرات الروسية" is written for the Russian aerospace forces; nothing generated replaces it
    written = {a.id for a, al in k.index[tuple(norm("الطائرات الروسية").split())]}
    assert written == {"russian-aerospace-forces"}

"""The command line: build, extract, help, bad input; results checked through the Python API."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph import ingest
from graph.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("exports")
    r = CliRunner().invoke(main, ["build", "--out", str(out)])
    assert r.exit_code == 0, r.output
    return out, r.output


def test_cli_build_writes_every_export(built):
    out, _ = built
    for name in ("graph.ttl", "graph.html", "events.csv", "entities.csv", "edges.csv",
                 "graph.graphml", "extractions.jsonl"):
        assert (out / name).stat().st_size > 0, name


def test_cli_build_prints_a_summary(built):
    _, output = built
    assert "Read 5 documents" in output and "incidents" in output


def test_cli_build_is_byte_identical_to_the_committed_exports(built):
    out, _ = built
    for name in sorted(p.name for p in (ROOT / "exports").iterdir()):
        assert (out / name).read_bytes() == (ROOT / "exports" / name).read_bytes(), \
            f"exports/{name} is stale: run `athar build` and commit"


def test_cli_extract_follows_the_contract_with_exact_offsets():
    r = CliRunner().invoke(main, ["extract", str(ingest.default_corpus()), "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    docs = [json.loads(line) for line in r.output.splitlines()]
    assert len(docs) == 5
    texts = {d.doc: d.text for d in ingest.read([ingest.default_corpus()])}
    for d in docs:
        assert set(d) >= {"doc", "path", "published", "entities", "events"}
        text = texts[d["doc"]]
        ids = {e["id"] for e in d["entities"]}
        for e in d["entities"]:
            assert e["type"] in ("Person", "Organization", "ArmedGroup", "Government",
                                 "MilitaryForce", "Country", "Location")
            for m in e["mentions"]:
                assert text[m["start"]:m["end"]] == m["text"]
        for v in d["events"]:
            assert text[v["trigger"]["start"]:v["trigger"]["end"]] == v["trigger"]["text"]
            assert set(v["agents"]) <= ids and set(v["targets"]) <= ids and set(v["reported_by"]) <= ids
            assert v["location"] is None or v["location"] in ids
            assert v["sentence"]["start"] <= v["trigger"]["start"] < v["sentence"]["end"]


def test_cli_extract_reads_jsonl_with_publication_dates(tmp_path):
    p = tmp_path / "feed.jsonl"
    p.write_text(json.dumps({"id": "n1", "published": "2015-07-30",
                             "text": "قتل ثلاثة مدنيين أمس في غارة جوية على مدينة الرقة."},
                            ensure_ascii=False) + "\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["extract", str(p)])
    [doc] = [json.loads(line) for line in r.output.splitlines()]
    assert doc["doc"] == "n1" and doc["published"] == "2015-07-30"
    [ev] = doc["events"]
    assert (ev["type"], ev["date"], ev["fatalities"]) == ("airstrike", "2015-07-29", 3)


@pytest.mark.parametrize("args, problem", [
    (["extract", "/no/such/file.txt"], "no such file"),
    (["build", "/no/such/dir", "--out", "OUT"], "no such file"),
    (["extract", "--published", "yesterday", "x.txt"], "not a date"),
])
def test_cli_bad_input_is_one_clear_line_and_nonzero_exit(tmp_path, args, problem):
    args = [a.replace("OUT", str(tmp_path / "o")) for a in args]
    r = CliRunner().invoke(main, args)
    assert r.exit_code != 0
    assert problem in r.output
    assert "Traceback" not in r.output


def test_cli_empty_folder_is_an_error(tmp_path):
    r = CliRunner().invoke(main, ["extract", str(tmp_path)])
    assert r.exit_code != 0 and "no input files" in r.output


def test_cli_failed_build_keeps_earlier_exports(tmp_path, built):
    out, _ = built
    before = (out / "events.csv").read_bytes()
    r = CliRunner().invoke(main, ["build", str(tmp_path / "missing"), "--out", str(out)])
    assert r.exit_code != 0
    assert (out / "events.csv").read_bytes() == before


@pytest.mark.parametrize("command", ["build", "extract"])
def test_cli_every_command_has_help_with_an_example(command):
    r = CliRunner().invoke(main, [command, "--help"])
    assert r.exit_code == 0 and "Examples:" in r.output and f"athar {command}" in r.output


def test_cli_version():
    r = CliRunner().invoke(main, ["--version"])
    assert r.exit_code == 0 and "athar" in r.output

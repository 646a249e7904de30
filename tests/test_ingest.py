"""Reading inputs: .txt, .jsonl, folders; bad input gives one clear error naming the file."""
import gzip
import json

import pytest

from graph import ingest
from graph.errors import InputError


def test_ingest_txt_keeps_the_decoded_text(tmp_path):
    p = tmp_path / "a1.txt"
    p.write_text("قتل جندي في حلب.", encoding="utf-8")
    [d] = ingest.read([p])
    assert (d.doc, d.text, d.published) == ("a1", "قتل جندي في حلب.", None)


def test_ingest_jsonl_reads_id_published_and_text(tmp_path):
    p = tmp_path / "feed.jsonl"
    p.write_text(json.dumps({"id": "x7", "published": "2015-07-30", "text": "نص"}, ensure_ascii=False) + "\n\n",
                 encoding="utf-8")
    [d] = ingest.read([p])
    assert (d.doc, d.published, d.text) == ("x7", "2015-07-30", "نص")


def test_ingest_gzipped_jsonl(tmp_path):
    p = tmp_path / "feed.jsonl.gz"
    with gzip.open(p, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"text": "نص"}) + "\n")
    [d] = ingest.read([p])
    assert d.doc == "feed.jsonl-1"


def test_ingest_folder_is_read_in_sorted_order(tmp_path):
    for name in ("b.txt", "a.txt", "notes.md"):
        (tmp_path / name).write_text("نص", encoding="utf-8")
    assert [d.doc for d in ingest.read([tmp_path])] == ["a", "b"]


def test_ingest_default_corpus_has_the_five_samples():
    assert len(list(ingest.read([ingest.default_corpus()]))) == 5


def _write(name, data):
    def make(d):
        p = d / name
        p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return p
    return make


def _folder(d):
    (d / "empty").mkdir()
    return d / "empty"


@pytest.mark.parametrize("setup, problem", [
    (lambda d: d / "missing.txt", "no such file"),
    (_folder, "no input files"),
    (_write("bad.txt", b"\xff\xfe\x00bad"), "not UTF-8"),
    (_write("bad.jsonl", "{not json}\n"), "line 1: invalid JSON"),
    (_write("t.jsonl", '{"id": 1}\n'), "'text' string"),
    (_write("d.jsonl", '{"text": "x", "published": "July"}\n'), "YYYY-MM-DD"),
    (_write("x.pdf", "x"), "unsupported file type"),
])
def test_ingest_bad_input_names_the_file_and_problem(tmp_path, setup, problem):
    path = setup(tmp_path)
    with pytest.raises(InputError) as e:
        list(ingest.read([path]))
    assert problem in str(e.value) and str(path) in str(e.value)


def test_ingest_html_page_gives_the_article_text(tmp_path):
    body = "قالت مصادر محلية إن اشتباكات عنيفة دارت بين القوات الحكومية ومسلحين في ريف حلب الشمالي. " * 3
    page = (f"<html><head><title>اشتباكات في حلب</title></head><body><nav>الرئيسية | أخبار</nav>"
            f"<article><h1>اشتباكات في حلب</h1><p>{body}</p><p>{body}</p></article>"
            f"<footer>جميع الحقوق محفوظة</footer></body></html>")
    p = tmp_path / "page.html"
    p.write_text(page, encoding="utf-8")
    [d] = ingest.read([p])
    assert "اشتباكات عنيفة" in d.text and "جميع الحقوق" not in d.text
    assert d.doc == "page"

"""Files and folders (.txt, .jsonl, .jsonl.gz, .html) → Documents.

Offsets reported by Athar are indices into ``Document.text``: for .txt the decoded file, for
.jsonl the ``text`` field, for .html the article text extracted by trafilatura.
"""
from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import InputError
from .model import Document

SUFFIXES = (".txt", ".jsonl", ".jsonl.gz", ".html", ".htm")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    for s in SUFFIXES:
        if name.endswith(s):
            return s
    return None


def _date(value, path: Path, where: str) -> str | None:
    if value in (None, ""):
        return None
    m = _DATE.match(str(value))
    if not m:
        raise InputError(path, f"{where}: 'published' must be YYYY-MM-DD, got {value!r}")
    return m.group()


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(path, f"cannot read: {e.strerror or e}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(path, f"not UTF-8 text (byte {e.start})") from None


def read_txt(path: Path, published: str | None = None) -> Document:
    return Document(doc=path.stem, text=_read_text(path), path=str(path), published=published)


def read_html(path: Path, published: str | None = None) -> Document:
    import trafilatura  # imported lazily: only HTML input needs it

    raw = _read_text(path)
    text = trafilatura.extract(raw, include_comments=False, include_tables=False,
                               favor_precision=True) or ""
    if not text.strip():
        raise InputError(path, "no article text found in the HTML page")
    meta = trafilatura.extract_metadata(raw)
    title = getattr(meta, "title", None) if meta else None
    date = getattr(meta, "date", None) if meta else None
    return Document(doc=path.stem, text=text, path=str(path),
                    published=published or _date(date, path, "HTML metadata") if date else published,
                    title=title)


def read_jsonl(path: Path, published: str | None = None) -> Iterator[Document]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as e:
                    raise InputError(path, f"line {n}: invalid JSON ({e.msg})") from None
                if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                    raise InputError(path, f"line {n}: expected an object with a 'text' string")
                doc_id = str(obj.get("id") or f"{path.stem}-{n}")
                yield Document(doc=doc_id, text=obj["text"], path=str(path),
                               published=_date(obj.get("published"), path, f"line {n}") or published,
                               title=obj.get("title"), source=obj.get("source"))
    except UnicodeDecodeError as e:
        raise InputError(path, f"not UTF-8 text (byte {e.start})") from None
    except (OSError, EOFError) as e:
        raise InputError(path, f"cannot read: {getattr(e, 'strerror', None) or e}") from None


def read_file(path: Path, published: str | None = None) -> Iterator[Document]:
    kind = _kind(path)
    if kind == ".txt":
        yield read_txt(path, published)
    elif kind in (".jsonl", ".jsonl.gz"):
        yield from read_jsonl(path, published)
    elif kind in (".html", ".htm"):
        yield read_html(path, published)
    else:
        raise InputError(path, f"unsupported file type (use one of {', '.join(SUFFIXES)})")


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Input files, in sorted order: files as given, folders searched recursively."""
    files: list[Path] = []
    for p in map(Path, paths):
        if not p.exists():
            raise InputError(p, "no such file or directory")
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and _kind(f))
            if not found:
                raise InputError(p, f"folder has no input files ({', '.join(SUFFIXES)})")
            files.extend(found)
        else:
            files.append(p)
    return files


def read(paths: Iterable[str | Path], published: str | None = None) -> Iterator[Document]:
    """Documents from files and folders, in a stable order; raises InputError on bad input."""
    for path in expand(paths):
        yield from read_file(path, published)


def default_corpus() -> Path:
    """The embedded sample corpus (five Arabic articles on ISIS in Syria)."""
    return Path(__file__).parent / "data" / "corpus"

"""``extract(document) -> Extraction``: the stages in order (text → mentions → entities → events)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from .events import find_events
from .model import Document, Extraction, Sentence
from .recognize import Resources, entities, recognize, resources
from .text import analyse


def extract(doc: Document | str, res: Resources | None = None, kb_files: tuple[str, ...] = ()) -> Extraction:
    """Extract entities and incidents from one document (or a plain string).

    >>> x = extract("قتل ثلاثة مدنيين في غارة جوية على مدينة الرقة.")
    >>> [e.type for e in x.events]
    ['airstrike']
    """
    if isinstance(doc, str):
        doc = Document(doc="text", text=doc)
    res = res or resources(tuple(kb_files))
    an = analyse(doc.text)
    rec = recognize(res, doc, an)
    ents = entities(doc, an, rec.found)
    evs = find_events(res, doc, an, rec.found) if rec.relevant else ()
    sents = tuple(Sentence(s.index, *an.original(s.start, s.end)) for s in an.sentences)
    return Extraction(document=doc, sentences=sents, entities=ents, events=evs)


def extract_all(docs: Iterable[Document], kb_files: tuple[str, ...] = ()) -> Iterator[Extraction]:
    res = resources(tuple(kb_files))
    for d in docs:
        yield extract(d, res)

"""``extract(document) -> Extraction``: the stages in order (text → mentions → entities → events)."""
from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from .events import find_events
from .model import Document, Extraction, Sentence
from .recognize import Resources, entities, first_pass, resources, second_pass, tag_sentences
from .text import analyse


CHUNK = 64
"""Documents recognised together: their sentences go to the tagger in one batch."""

YOUNG_GC_THRESHOLD = 50_000
"""Allocations between two young-generation collections while a chunk is extracted (Python's
default is 700). Extraction makes millions of short-lived tuples, lists and dicts and almost no
reference cycles, so the collector's passes find nothing to free; at the default they took a
sixth of the run, and the older generations' passes rescan the loaded resources every time
(benchmarks/compare_speed.py; docs/design.md, docs/evaluation.md)."""


@contextmanager
def _fewer_collections():
    """Raise the young-generation threshold for the duration of a chunk, then restore it."""
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], YOUNG_GC_THRESHOLD), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def extract(doc: Document | str, res: Resources | None = None, kb_files: tuple[str, ...] = ()) -> Extraction:
    """Extract entities and incidents from one document (or a plain string).

    >>> x = extract("قتل ثلاثة مدنيين في غارة جوية على مدينة الرقة.")
    >>> [e.type for e in x.events]
    ['airstrike']
    """
    if isinstance(doc, str):
        doc = Document(doc="text", text=doc)
    res = res or resources(tuple(kb_files))
    return _extract_chunk([doc], res)[0]


def extract_many(docs: Iterable[Document], res: Resources | None = None,
                 kb_files: tuple[str, ...] = (), chunk: int = CHUNK) -> Iterator[Extraction]:
    """``extract`` over many documents, in order, ``chunk`` documents at a time (the same
    results as one by one, faster: the tagger decodes a chunk's sentences together)."""
    res = res or resources(tuple(kb_files))
    batch: list[Document] = []
    for d in docs:
        batch.append(d)
        if len(batch) >= chunk:
            yield from _extract_chunk(batch, res)
            batch = []
    if batch:
        yield from _extract_chunk(batch, res)


def _extract_chunk(docs: list[Document], res: Resources) -> list[Extraction]:
    out = []
    with _fewer_collections():
        work = []
        for doc in docs:
            an = analyse(doc.text)
            work.append((an, first_pass(res, doc, an)))
        for doc, (an, fp), tags in zip(docs, work, tag_sentences(res, work)):
            rec = second_pass(res, doc, an, fp, tags)
            ents = entities(doc, an, rec.found)
            evs = find_events(res, doc, an, rec.found) if rec.relevant else ()
            sents = tuple(Sentence(s.index, *an.original(s.start, s.end)) for s in an.sentences)
            out.append(Extraction(document=doc, sentences=sents, entities=ents, events=evs))
    return out

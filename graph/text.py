"""Sentences and tokens of a document, in normalised form with original offsets.

>>> t = analyse("قال المرصد. قتل 3 أشخاص!")
>>> [s.text for s in t.sentences]
['قال المرصد.', 'قتل 3 اشخاص!']
>>> t.sentences[1].words
('قتل', '3', 'اشخاص', '!')
>>> [tok.text for tok in t.sentences[1].tokens]
['قتل', '3', 'اشخاص', '!']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from .normalize import Normalized, normalize

_TOKEN = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+|\S", re.UNICODE)
# A sentence ends at . ! ? ؟ (and … or a newline); a dot inside a number does not end it.
_SENT_END = re.compile(r"(?<![0-9])[.!?؟…]+(?=\s|$|[\"')\]])|\n+")


class Token(NamedTuple):
    """One token: normalised text and its span in the NORMALISED text (a tuple: cheap to make)."""
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class SentenceText:
    """A sentence: index, span in the normalised text, its normalised text, and its tokens as
    three parallel tuples: ``words`` (normalised token texts), ``starts`` and ``ends`` (their
    spans in the normalised text). Parallel tuples are what the matching passes read, and are
    several times cheaper to build than one object per token."""
    index: int
    start: int
    end: int
    text: str
    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    paragraph: int

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        """The same tokens as ``Token`` tuples (built on first use)."""
        return tuple(map(Token, self.words, self.starts, self.ends))


@dataclass(frozen=True)
class Analysed:
    """A document's normalised text, offset map and sentences."""
    norm: Normalized
    sentences: tuple[SentenceText, ...]

    def original(self, start: int, end: int) -> tuple[int, int]:
        return self.norm.to_original(start, end)


def _split(text: str, offset: int) -> tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]]:
    """Word, number and punctuation tokens of normalised text: their texts, starts and ends
    (shifted by ``offset``)."""
    ms = list(_TOKEN.finditer(text))
    return (tuple([m.group() for m in ms]), tuple([m.start() + offset for m in ms]),
            tuple([m.end() + offset for m in ms]))


def analyse(text: str) -> Analysed:
    """Normalise ``text`` and split it into sentences and tokens."""
    n = normalize(text)
    t = n.text
    sentences: list[SentenceText] = []
    para = 0
    pos = 0
    bounds: list[tuple[int, int, bool]] = []
    for m in _SENT_END.finditer(t):
        newline = "\n" in m.group()
        end = m.start() if newline else m.end()
        bounds.append((pos, end, newline))
        pos = m.end()
    bounds.append((pos, len(t), False))
    for start, end, newline in bounds:
        # trim whitespace
        while start < end and t[start].isspace():
            start += 1
        while end > start and t[end - 1].isspace():
            end -= 1
        if end > start:
            sentences.append(SentenceText(len(sentences), start, end, t[start:end],
                                          *_split(t[start:end], start), para))
        if newline:
            para += 1
    return Analysed(n, tuple(sentences))

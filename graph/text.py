"""Sentences and tokens of a document, in normalised form with original offsets.

>>> t = analyse("قال المرصد. قتل 3 أشخاص!")
>>> [s.text for s in t.sentences]
['قال المرصد.', 'قتل 3 اشخاص!']
>>> [tok.text for tok in t.sentences[1].tokens]
['قتل', '3', 'اشخاص', '!']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
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
    """A sentence: index, span in the normalised text, its normalised text and tokens."""
    index: int
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]
    paragraph: int


@dataclass(frozen=True)
class Analysed:
    """A document's normalised text, offset map and sentences."""
    norm: Normalized
    sentences: tuple[SentenceText, ...]

    def original(self, start: int, end: int) -> tuple[int, int]:
        return self.norm.to_original(start, end)


_new = tuple.__new__


def tokenize(text: str, offset: int = 0) -> tuple[Token, ...]:
    """Split normalised text into word, number and punctuation tokens."""
    # tuple.__new__ skips the namedtuple's Python-level constructor (a third of the time)
    return tuple([_new(Token, (m.group(), a + offset, b + offset))
                  for m in _TOKEN.finditer(text) for a, b in (m.span(),)])


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
                                          tokenize(t[start:end], start), para))
        if newline:
            para += 1
    return Analysed(n, tuple(sentences))

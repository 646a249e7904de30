"""Arabic normalisation for matching, with a map back to the original character offsets.

Every normalised character comes from exactly one original character (characters are only
replaced one-for-one or deleted), so a span of the normalised text maps back to the original
with :func:`to_original`.

>>> n = normalize("وأَعلنَ «داعش»")
>>> n.text
'واعلن "داعش"'
>>> s, e = n.to_original(7, 11)
>>> "وأَعلنَ «داعش»"[s:e]
'داعش'
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

# One-for-one replacements. Everything mapped to "" is deleted.
_TABLE: dict[int, str] = {}
for _c in range(0x064B, 0x0660):          # tashkeel (fathatan .. wavy hamza below)
    _TABLE[_c] = ""
_TABLE[0x0670] = ""                        # superscript alef
for _c in list(range(0x0610, 0x061B)) + list(range(0x06D6, 0x06EE)):
    _TABLE[_c] = ""                        # Quranic annotation marks
_TABLE[0x0640] = ""                        # tatweel
for _c in list(range(0x200B, 0x2010)) + list(range(0x202A, 0x202F)) + list(range(0x2066, 0x206A)):
    _TABLE[_c] = ""                        # zero-width and bidi controls
_TABLE[0xFEFF] = ""
_TABLE[0x00AD] = ""                        # soft hyphen
for _a in "أإآٱ":
    _TABLE[ord(_a)] = "ا"
_TABLE[ord("ى")] = "ي"
_TABLE[ord("ی")] = "ي"                     # Persian yeh
_TABLE[ord("ک")] = "ك"                     # Persian kaf
_TABLE[ord("ة")] = "ه"
for _i in range(10):
    _TABLE[0x0660 + _i] = str(_i)          # Arabic-Indic digits
    _TABLE[0x06F0 + _i] = str(_i)          # Persian digits
for _q in "«»“”„‟″":
    _TABLE[ord(_q)] = '"'
for _q in "‘’‚‛′":
    _TABLE[ord(_q)] = "'"
_TABLE[0x00A0] = " "                       # no-break space
_TABLE[0x066B] = "."                       # Arabic decimal separator
_TABLE[0x066C] = ","                       # Arabic thousands separator


@dataclass(frozen=True)
class Normalized:
    """Normalised text plus, for each of its characters, the index of the original character."""
    text: str
    offsets: Sequence[int]
    original_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the normalised text to the original text."""
        if end <= start:
            pos = self.offsets[start] if start < len(self.offsets) else self.original_length
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1


_DELETED = re.compile("[" + "".join(re.escape(chr(c)) for c, r in sorted(_TABLE.items()) if r == "") + "]")


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for matching and keep the offset map.

    Replacements are one character for one, so only deletions shift offsets: the map is built
    from the runs between deleted characters (a plain ``range`` when nothing is deleted).
    """
    out = text.translate(_TABLE)
    if len(out) == len(text):
        return Normalized(out, range(len(text)), len(text))
    offsets: list[int] = []
    pos = 0
    for m in _DELETED.finditer(text):
        offsets.extend(range(pos, m.start()))
        pos = m.end()
    offsets.extend(range(pos, len(text)))
    return Normalized(out, offsets, len(text))


@lru_cache(maxsize=200_000)
def norm(s: str) -> str:
    """The matching form of a short string (a word or a name), without the offset map.

    >>> norm("الرقّة")
    'الرقه'
    """
    return s.translate(_TABLE).strip()


_PROCLITIC_CONJ = ("و", "ف")
_PROCLITIC_PREP = ("ب", "ل", "ك")
ENCLITICS = ("هما", "هم", "هن", "ها", "كم", "نا", "ه")


@lru_cache(maxsize=200_000)
def stems(word: str) -> tuple[tuple[str, int], ...]:
    """Candidate forms of a normalised word with proclitics removed: ``(form, chars_stripped)``.

    The word itself comes first. ``ل`` + ``ال`` (written ``لل``) yields the ``ال`` form, so
    ``للمرصد`` gives ``المرصد`` with the first ``ل`` outside the name.

    >>> [f for f, _ in stems("وبالرقه")]
    ['وبالرقه', 'بالرقه', 'الرقه']
    >>> stems("للمرصد")[-1]
    ('المرصد', 1)
    """
    out: list[tuple[str, int]] = [(word, 0)]
    seen = {word}

    def add(form: str, k: int) -> None:
        if len(form) >= 2 and form not in seen:
            seen.add(form)
            out.append((form, k))

    rest, k = word, 0
    if len(rest) > 3 and rest[0] in _PROCLITIC_CONJ:
        rest, k = rest[1:], 1
        add(rest, k)
    if len(rest) > 3 and rest[0] in _PROCLITIC_PREP:
        prep = rest[0]
        rest2 = rest[1:]
        if prep == "ل" and rest2.startswith("ل") and len(rest2) > 3:
            add("ا" + rest2, k + 1)         # لل = ل + ال (alef elided)
        else:
            add(rest2, k + 1)
    return tuple(out)


@lru_cache(maxsize=200_000)
def strip_enclitic(word: str, allow_h: bool = True) -> tuple[str, ...]:
    """Forms of a word with an object/possessive pronoun suffix removed (longest first).

    ``allow_h=False`` keeps a final ه that was a ta marbuta (ة) in the original text, so
    "سيطرة" is not read as "سيطر" + "ه".

    >>> strip_enclitic("اعتقالهم")
    ('اعتقال',)
    >>> strip_enclitic("سيطره", allow_h=False)
    ()
    """
    out = []
    for suf in ENCLITICS:
        if suf == "ه" and not allow_h:
            continue
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            out.append(word[: -len(suf)])
    return tuple(out)


def strip_article(word: str) -> str:
    """The word without a leading ``ال`` (if what remains is at least two letters)."""
    if word.startswith("ال") and len(word) > 3:
        return word[2:]
    return word

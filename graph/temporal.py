"""Dates and numbers in Arabic news text → ISO values with precision and basis.

Month names of both systems (يناير / كانون الثاني), weekdays, relative expressions (أمس،
الأسبوع الماضي) resolved against the publication date; number words, digits and duals.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from .lexicon import Lexicon
from .model import TimeValue
from .normalize import stems

_YEAR = re.compile(r"^(19[0-9][0-9]|20[0-4][0-9])$")
_DMY = re.compile(r"^(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})$")
_YMD = re.compile(r"^(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})$")


def _pub(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published) if published else None
    except ValueError:
        return None


def _int(tok: str) -> int | None:
    t = tok.replace(",", "")
    return int(t) if t.isdigit() else None


def _valid(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


DATE_LISTS = ("months", "weekdays", "relative_days", "relative_periods")


def find_date(lex: Lexicon, toks: list[str], published: str | None, hits=None) -> TimeValue | None:
    """The first date a sentence states (explicit beats relative). None if it states none.

    ``hits`` (from ``Lexicon.scan``) limits the search to words that can start a date."""
    pub = _pub(published)
    months = lex.phrases["months"]
    explicit: TimeValue | None = None
    relative: TimeValue | None = None
    n = len(toks)
    if hits is None:
        hits = lex.scan(toks)
    where = {p for name in DATE_LISTS for p, _, _ in hits.get(name, ())}
    where |= {p for p, t in enumerate(toks) if t[:1].isdigit()}
    for i in sorted(where):
        tok = toks[i]
        # numeric dates 21/7/2015, 2015-07-21
        m = _DMY.match(tok) or _YMD.match(tok)
        if m and explicit is None:
            a, b, c = (int(x) for x in m.groups())
            y, mo, d = (c, b, a) if m.re is _DMY else (a, b, c)
            if _valid(y, mo, d):
                explicit = TimeValue(f"{y:04d}-{mo:02d}-{d:02d}", "day", "explicit", text=tok)
            continue
        mm = months.match(toks, i)
        if mm and explicit is None:
            k, _, month = mm[0]
            month = int(month)
            day = None
            j = i - 1
            if j >= 0 and toks[j] == "من":          # "12 من الشهر" / "12 من يوليو"
                j -= 1
            if j >= 0 and (v := _int(toks[j])) and 1 <= v <= 31:
                day = v
            year = None
            after = i + k
            if after < n and toks[after] in ("/", "-"):
                after += 1
            if after < n and _YEAR.match(toks[after]):
                year = int(toks[after])
            elif after + 1 < n and toks[after] in ("عام", "سنه", "العام") and _YEAR.match(toks[after + 1]):
                year = int(toks[after + 1])
            if day is None and year is None and toks[i] in lex.words.get("months_ambiguous", ()):
                continue        # "آب" is also "father", "مارس" also "practised"
            if year is None and pub:
                year = pub.year if month <= pub.month else pub.year - 1
            if year is None:
                continue
            if day and _valid(year, month, day):
                explicit = TimeValue(f"{year:04d}-{month:02d}-{day:02d}", "day", "explicit")
            else:
                explicit = TimeValue(f"{year:04d}-{month:02d}", "month", "explicit")
            continue
        # "في 12 من الشهر الجاري"
        if explicit is None and (v := _int(tok)) and 1 <= v <= 31 and i + 3 < n + 1 and pub:
            rest = toks[i + 1:i + 4]
            if rest[:1] == ["من"] and len(rest) >= 3 and rest[1] == "الشهر" and rest[2] in ("الجاري", "الحالي"):
                if _valid(pub.year, pub.month, v):
                    explicit = TimeValue(date(pub.year, pub.month, v).isoformat(), "day", "explicit")
                continue
        # an almanac line "1944 - ..." opens with its year
        if explicit is None and i == 0 and _YEAR.match(tok) and n > 1 and toks[1] in ("-", "–", ":"):
            explicit = TimeValue(tok, "year", "explicit")
            continue
        # "عام 2014", "خلال 2014"
        if explicit is None and _YEAR.match(tok) and i > 0 and stems(toks[i - 1])[-1][0] in (
                "عام", "العام", "سنه", "مطلع", "بدايه", "نهايه", "اواخر", "اوائل", "خلال", "منذ"):
            explicit = TimeValue(tok, "year", "explicit")
            continue
        if relative is None and pub:
            relative = _relative(lex, toks, i, pub)
    return explicit or relative


def _relative(lex: Lexicon, toks: list[str], i: int, pub: date) -> TimeValue | None:
    m = lex.phrases["relative_days"].match(toks, i)
    if m:
        n, _, off = m[0]
        # "اليوم الثلاثاء": the weekday after اليوم is the same day
        return TimeValue((pub + timedelta(days=int(off))).isoformat(), "day", "relative",
                         text=" ".join(toks[i:i + n]))
    m = lex.phrases["weekdays"].match(toks, i)
    if m:
        n, _, wd = m[0]
        # A bare weekday is a day of the past week ("يوم" / "فجر" / "مساء" may precede it);
        # "المقبل" after it points forward and is not an incident date.
        if i + n < len(toks) and toks[i + n] in ("المقبل", "القادم"):
            return None
        back = (pub.isoweekday() - int(wd)) % 7
        day = pub - timedelta(days=back)
        return TimeValue(day.isoformat(), "day", "relative", text=" ".join(toks[max(0, i - 1):i + n]))
    m = lex.phrases["relative_periods"].match(toks, i)
    if m:
        n, _, spec = m[0]
        unit, off = spec.get("unit"), int(spec.get("offset", 0))
        if unit == "week":
            end = pub + timedelta(days=7 * off)
            start = end - timedelta(days=end.weekday() + 1) if off else pub - timedelta(days=6)
            return TimeValue(start.isoformat(), "range", "relative",
                             end=(start + timedelta(days=6)).isoformat(), text=" ".join(toks[i:i + n]))
        if unit == "month":
            y, mo = pub.year, pub.month + off
            while mo < 1:
                y, mo = y - 1, mo + 12
            return TimeValue(f"{y:04d}-{mo:02d}", "month", "relative", text=" ".join(toks[i:i + n]))
        if unit == "year":
            return TimeValue(f"{pub.year + off:04d}", "year", "relative", text=" ".join(toks[i:i + n]))
    return None


def parse_number(lex: Lexicon, toks: list[str], i: int) -> tuple[int | None, int, bool]:
    """A number at token i: (value, tokens used, vague). Digits, number words, 'X و Y' compounds.

    Vague quantities (عشرات، مئات) give (None, n, True).
    """
    if i >= len(toks):
        return None, 0, False
    v = _int(toks[i])
    if v is not None:
        return v, 1, False
    vm = lex.phrases["vague_numbers"].match(toks, i) if "vague_numbers" in lex.phrases else []
    if vm:
        return None, vm[0][0], True
    nums = lex.phrases["numbers"]
    m = nums.match(toks, i)
    if not m:
        return None, 0, False
    n, _, val = m[0]
    total, used = int(val), n
    # "خمسة وعشرون": units + و + tens
    j = i + used
    if j < len(toks):
        m2 = nums.match(toks, j)
        if m2 and toks[j].startswith("و") and int(m2[0][2]) >= 20 and int(m2[0][2]) % 10 == 0 and total < 10:
            total += int(m2[0][2])
            used += m2[0][0]
    return total, used, False

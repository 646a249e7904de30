"""The actor knowledge base: loading, validation, and the alias index.

The built-in KB is ``graph/data/actors.yaml`` (format in docs/kb.md); users merge their own
files of the same format with ``--kb FILE``. An alias may be valid only in a period, so a
phrase like "النظام" resolves by the article's date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from .errors import DataFileError
from .model import ENTITY_TYPES
from .normalize import norm

BUILTIN = Path(__file__).parent / "data" / "actors.yaml"
_QID = re.compile(r"^Q[1-9][0-9]*$")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
RELATIONS = ("part_of", "member_of", "leader_of")


@dataclass(frozen=True)
class Alias:
    """One Arabic surface form of an actor, valid from ``start`` (inclusive) to ``end`` (exclusive)."""
    text: str
    start: str | None = None
    end: str | None = None
    # ISO countries of the reports in which this referent is meant ("طيران التحالف" in a report
    # about Yemen is the Saudi-led coalition's); () = anywhere
    countries: tuple[str, ...] = ()

    def valid_on(self, day: str | None) -> bool:
        if day is None:
            # Without a date, prefer the current referent: an alias that has ended does not apply.
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Actor:
    """A knowledge-base entry."""
    id: str
    type: str
    label_ar: str
    label_en: str | None
    wikidata: str | None
    aliases: tuple[Alias, ...]
    aliases_en: tuple[str, ...] = ()
    part_of: str | None = None
    member_of: str | None = None
    leader_of: str | None = None
    country: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None


@dataclass
class KnowledgeBase:
    """Actors by id and an index from normalised alias token tuples to (actor, alias)."""
    actors: dict[str, Actor] = field(default_factory=dict)
    index: dict[tuple[str, ...], list[tuple[Actor, Alias]]] = field(default_factory=dict)
    nationality: dict[str, str] = field(default_factory=dict)   # country -> main adjective (masc.)

    def lookup(self, tokens: tuple[str, ...], day: str | None, country: str | None = None) -> Actor | None:
        """The actor an alias refers to on ``day`` in a report about ``country`` (None if no
        valid referent). An alias scoped to countries wins in those countries' reports and
        yields to an unscoped one elsewhere."""
        cands = [(a, al) for a, al in self.index.get(tokens, ()) if al.valid_on(day)]
        if not cands and day is None:
            cands = list(self.index.get(tokens, ()))
        if not cands:
            return None
        here = [a for a, al in cands if country and country in al.countries]
        if here:
            return here[0]
        anywhere = [a for a, al in cands if not al.countries]
        return (anywhere or [a for a, _ in cands])[0]

    def scoped(self, tokens: tuple[str, ...]) -> bool:
        """Does the referent of this alias depend on the report's country?"""
        return any(al.countries for _, al in self.index.get(tokens, ()))

    def national(self, head: tuple[str, ...], country: str, day: str | None) -> Actor | None:
        """"الشرطة" in a report about Iraq: the actor of the alias HEAD + the country's main
        nationality adjective ("الشرطة العراقية"), on ``day``; None if there is none."""
        adj = self.nationality.get(country)
        if adj is None:
            return None
        for form in (adj, adj + "ه"):
            a = self.lookup((*head, form), day)
            if a is not None and a.country == country:
                return a
        return None

    def relations(self) -> list[tuple[str, str, str]]:
        """(actor id, relation, other actor id) for every KB relation, sorted."""
        out = []
        for a in self.actors.values():
            for rel in RELATIONS:
                other = getattr(a, rel)
                if other and other in self.actors:
                    out.append((a.id, rel, other))
        return sorted(out)


def _iso(value, path, where) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    s = str(value)
    try:
        date.fromisoformat(s)
    except ValueError:
        raise DataFileError(path, f"{where}: {value!r} is not an ISO date (YYYY-MM-DD)") from None
    return s


def _parse(entries, path) -> list[Actor]:
    if not isinstance(entries, list):
        raise DataFileError(path, "expected a YAML list of actor entries")
    actors = []
    for n, e in enumerate(entries, 1):
        where = f"entry {n}"
        if not isinstance(e, dict):
            raise DataFileError(path, f"{where}: expected a mapping")
        aid = e.get("id")
        if not isinstance(aid, str) or not _ID.match(aid):
            raise DataFileError(path, f"{where}: id {aid!r} must be lowercase ascii [a-z0-9-]")
        where = f"entry {n} ({aid})"
        if e.get("type") not in ENTITY_TYPES:
            raise DataFileError(path, f"{where}: unknown type {e.get('type')!r}; valid: {', '.join(ENTITY_TYPES)}")
        qid = e.get("wikidata")
        if qid not in (None, "") and not (isinstance(qid, str) and _QID.match(qid)):
            raise DataFileError(path, f"{where}: bad Wikidata QID {qid!r} (expected Q followed by digits)")
        label = e.get("label_ar")
        if not isinstance(label, str) or not label.strip():
            raise DataFileError(path, f"{where}: label_ar is required")
        aliases = []
        for raw in [label] + list(e.get("aliases_ar") or []):
            if isinstance(raw, str):
                aliases.append(Alias(raw))
            elif isinstance(raw, dict) and isinstance(raw.get("text"), str):
                countries = raw.get("countries") or []
                if not isinstance(countries, list) or not all(
                        isinstance(c, str) and re.fullmatch(r"[A-Z]{2}", c) for c in countries):
                    raise DataFileError(path, f"{where}: alias {raw['text']!r}: countries must be a list of ISO codes")
                aliases.append(Alias(raw["text"], _iso(raw.get("from"), path, where),
                                     _iso(raw.get("to"), path, where), tuple(countries)))
            else:
                raise DataFileError(path, f"{where}: alias {raw!r} must be a string or {{text, from, to}}")
        actors.append(Actor(
            id=aid, type=e["type"], label_ar=label.strip(), label_en=e.get("label_en"),
            wikidata=qid or None, aliases=tuple(aliases),
            aliases_en=tuple(e.get("aliases_en") or ()),
            part_of=e.get("part_of"), member_of=e.get("member_of"), leader_of=e.get("leader_of"),
            country=e.get("country"), valid_from=_iso(e.get("valid_from"), path, where),
            valid_to=_iso(e.get("valid_to"), path, where)))
    return actors


def load_file(path: str | Path) -> list[Actor]:
    """Parse and validate one KB file; raises DataFileError naming the file and entry."""
    path = Path(path)
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise DataFileError(path, f"cannot read: {e.strerror or e}") from None
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        raise DataFileError(path, f"not valid YAML: {str(e).splitlines()[0]}") from None
    return _parse(entries, path)


def build(files: list[list[Actor]], paths: list[str]) -> KnowledgeBase:
    """Merge parsed files (later files override entries with the same id) and index aliases."""
    kb = KnowledgeBase()
    for actors, path in zip(files, paths, strict=True):
        seen: set[str] = set()
        for a in actors:
            if a.id in seen:
                raise DataFileError(path, f"duplicate id {a.id!r}")
            seen.add(a.id)
            kb.actors[a.id] = a
    for a in kb.actors.values():
        for rel in RELATIONS:
            other = getattr(a, rel)
            if other and other not in kb.actors:
                raise DataFileError(paths[-1], f"entry {a.id}: {rel} refers to unknown id {other!r}")
    for a in sorted(kb.actors.values(), key=lambda x: x.id):
        for al in a.aliases:
            key = tuple(norm(al.text).split())
            if not key:
                continue
            bucket = kb.index.setdefault(key, [])
            if all(x.id != a.id or y != al for x, y in bucket):
                bucket.append((a, al))
    kb.nationality = _nationalities(kb)
    explicit = set(kb.index)
    for a in sorted(kb.actors.values(), key=lambda x: x.id):
        if a.type == "ArmedGroup":
            variants = _group_variants
        elif a.type == "MilitaryForce" and a.country:
            variants = _force_variants
        else:
            continue
        for al in a.aliases:
            for key in variants(tuple(norm(al.text).split())):
                if key not in explicit:
                    bucket = kb.index.setdefault(key, [])
                    if all(x.id != a.id for x, _ in bucket):
                        bucket.append((a, Alias(" ".join(key), al.start, al.end, al.countries)))
    return kb


def masculine(adjective: str) -> str | None:
    """The masculine of a normalised nisba adjective ("التركيه" -> "التركي", "التركي" stays),
    or None when the word is not one."""
    if adjective.endswith("يه"):
        return adjective[:-1]
    return adjective if adjective.endswith("ي") else None


def _nationalities(kb: KnowledgeBase) -> dict[str, str]:
    """Each country's main nationality adjective, counted over its actors' aliases of the form
    HEAD + adjective with HEAD a country head (الجيش العراقي, الحكومة العراقية ...)."""
    heads = {tuple(norm(h).split()) for h in _force_data().get("country_heads", [])}
    counts: dict[str, dict[str, int]] = {}
    for key, bucket in kb.index.items():
        if len(key) < 2 or key[:-1] not in heads or not key[-1].startswith("ال"):
            continue
        adj = masculine(key[-1])
        if adj is None:
            continue
        for a, _ in bucket:
            if a.country:
                c = counts.setdefault(a.country, {})
                c[adj] = c.get(adj, 0) + 1
    return {country: min(c, key=lambda x: (-c[x], x)) for country, c in sorted(counts.items())}


@lru_cache(maxsize=1)
def _force_data() -> dict:
    path = Path(__file__).parent / "data" / "force_names.yaml"
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise DataFileError(path, f"cannot read: {e}") from None


def country_heads() -> tuple[tuple[str, ...], ...]:
    """The generic institution nouns resolved by the report's country (normalised tokens)."""
    return tuple(tuple(norm(h).split()) for h in _force_data().get("country_heads", []))


@lru_cache(maxsize=1)
def _families() -> tuple[tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]], ...]:
    data = _force_data()
    return tuple((frozenset(tuple(norm(h).split()) for h in f["masculine"]),
                  frozenset(tuple(norm(h).split()) for h in f["feminine"]))
                 for f in data["families"].values())


def _force_variants(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """"الطيران التركي" -> "الطائرات التركية", "المقاتلات التركية", ... (same family, agreeing
    adjective). Only HEAD + one nationality adjective (ال...ي / ال...يه) is expanded."""
    if len(key) < 2 or not key[-1].startswith("ال"):
        return []
    head, masc = key[:-1], masculine(key[-1])
    if masc is None:
        return []
    fem = masc + "ه"
    for m_heads, f_heads in _families():
        if head in m_heads or head in f_heads:
            return sorted([(*h, masc) for h in m_heads] + [(*h, fem) for h in f_heads])
    return []


@lru_cache(maxsize=1)
def _group_heads() -> frozenset[str]:
    return frozenset(norm(h) for h in _force_data().get("group_heads", []))


def _group_variants(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """"جماعة الحوثي" -> "قوات الحوثي", "ميليشيات الحوثي", ... (the other group heads with the
    same genitive name). Only HEAD + one definite word is expanded; a nisba adjective
    ("الجماعة الإسلامية") is no genitive name."""
    heads = _group_heads()
    if len(key) != 2 or key[0] not in heads or not key[1].startswith("ال") or len(key[1]) < 5 \
            or key[1].endswith(("يه", "ين", "ون", "ات")):
        return []
    return sorted((h, key[1]) for h in heads if h != key[0])


@lru_cache(maxsize=8)
def load(extra: tuple[str, ...] = ()) -> KnowledgeBase:
    """The built-in KB merged with user files (cached per set of files)."""
    paths = [str(BUILTIN), *extra]
    return build([load_file(p) for p in paths], paths)

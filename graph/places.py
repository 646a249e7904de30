"""The place gazetteer: coordinates, admin hierarchy and the Arabic alias index.

Rows come from ``graph/data/places.tsv`` (built by scripts/build_places.py from OpenSyria,
GeoNames and a country table; see docs/places.md).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import DataFileError
from .model import Place
from .normalize import norm

BUILTIN = Path(__file__).parent / "data" / "places.tsv"
COLUMNS = ("id", "type", "precision", "name_ar", "name_en", "aliases_ar", "lat", "lon", "parent",
           "country", "admin1", "admin2", "wikidata", "geonames", "pcode", "population",
           "needs_context", "source")
# Most specific first: used to pick an incident's location.
PRECISION_RANK = {"site": -1, "town": 0, "subdistrict": 1, "district": 2, "region": 3, "governorate": 4,
                  "country": 5, "unknown": 6}
# Which precisions a cue word asks for.
CUE_PRECISIONS = {
    "محافظه": ("governorate",), "ناحيه": ("subdistrict",), "منطقه": None, "قضاء": ("district",),
    "مدينه": ("town", "district", "subdistrict"), "بلده": ("town", "subdistrict"),
    "قريه": ("town",), "مخيم": ("town",),
}


@dataclass(frozen=True)
class PlaceRow:
    """A gazetteer entry."""
    id: str
    type: str
    precision: str
    name_ar: str
    name_en: str
    lat: float | None
    lon: float | None
    parent: str | None
    country: str | None
    admin1: str | None
    admin2: str | None
    wikidata: str | None
    geonames: str | None
    pcode: str | None
    population: int
    needs_context: bool


@dataclass
class Gazetteer:
    rows: dict[str, PlaceRow] = field(default_factory=dict)
    index: dict[tuple[str, ...], list[PlaceRow]] = field(default_factory=dict)

    def parents(self, pid: str) -> tuple[str, ...]:
        """Ids of the admin parents of ``pid``, nearest first."""
        out = []
        seen = {pid}
        row = self.rows.get(pid)
        while row and row.parent and row.parent not in seen:
            out.append(row.parent)
            seen.add(row.parent)
            row = self.rows.get(row.parent)
        return tuple(out)

    def candidates(self, key: tuple[str, ...]) -> list[PlaceRow]:
        return self.index.get(key, [])

    def choose(self, key: tuple[str, ...], cue: str | None = None,
               near: tuple[str, ...] = ()) -> tuple[PlaceRow | None, str]:
        """Pick the referent of an alias and say why: by cue word, then by places already named
        nearby (a candidate inside a place of the same sentence wins), then by admin level and
        size.

        >>> row, why = load().choose(("حمص",), cue="محافظه")
        >>> row.precision, why
        ('governorate', "1 of 3 candidates fit the cue word 'محافظه'")
        >>> load().choose(("حمص",))[1]
        'town before governorate, larger first'
        """
        cands = self.candidates(key)
        if not cands:
            return None, ""
        if len(cands) == 1:
            return cands[0], "only candidate"
        total = len(cands)
        reasons = []
        wanted = CUE_PRECISIONS.get(cue or "")
        if wanted:
            narrowed = [c for c in cands if c.precision in wanted]
            if narrowed:
                reasons.append(f"{len(narrowed)} of {total} candidates fit the cue word {cue!r}")
                cands = narrowed
        if near and len(cands) > 1:
            inside = [c for c in cands if set(self.parents(c.id)) & set(near)]
            if inside:
                reasons.append(f"{len(inside)} inside a place named in the same sentence")
                cands = inside
        if len(cands) > 1:
            reasons.append(f"{cands[0].precision} before {cands[1].precision}, larger first"
                           if cands[0].precision != cands[1].precision else
                           f"largest of {len(cands)} {cands[0].precision}s")
        return cands[0], "; ".join(reasons) or f"first of {total} candidates"

    def place(self, row: PlaceRow, reason: str = "") -> Place:
        return Place(id=row.id, lat=row.lat, lon=row.lon, precision=row.precision,
                     parents=self.parents(row.id), country=row.country, admin1=row.admin1,
                     admin2=row.admin2, geonames=row.geonames, pcode=row.pcode, reason=reason)


def _float(v: str) -> float | None:
    return float(v) if v not in ("", None) else None


def _rank(row: PlaceRow) -> tuple:
    # Bare names: a town (the place people mean by "حلب") before the unit named after it,
    # bigger before smaller, then id for determinism.
    order = {"town": 0, "governorate": 1, "district": 2, "subdistrict": 3, "region": 4, "country": 0}
    return (order.get(row.precision, 5), -row.population, row.id)


def load_file(path: str | Path) -> Gazetteer:
    path = Path(path)
    try:
        f = path.open(encoding="utf-8", newline="")
    except OSError as e:
        raise DataFileError(path, f"cannot read: {e.strerror or e}") from None
    gz = Gazetteer()
    with f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = [c for c in ("id", "type", "precision", "name_ar", "aliases_ar", "lat", "lon", "parent")
                   if c not in (reader.fieldnames or [])]
        if missing:
            raise DataFileError(path, f"missing columns: {', '.join(missing)}")
        aliases: dict[str, list[str]] = {}
        for n, r in enumerate(reader, 2):
            try:
                row = PlaceRow(
                    id=r["id"], type=r["type"], precision=r["precision"], name_ar=r["name_ar"],
                    name_en=r.get("name_en") or "", lat=_float(r["lat"]), lon=_float(r["lon"]),
                    parent=r["parent"] or None, country=r.get("country") or None,
                    admin1=r.get("admin1") or None, admin2=r.get("admin2") or None,
                    wikidata=r.get("wikidata") or None, geonames=r.get("geonames") or None,
                    pcode=r.get("pcode") or None, population=int(float(r.get("population") or 0)),
                    needs_context=(r.get("needs_context") or "0").strip() == "1")
            except (ValueError, KeyError) as e:
                raise DataFileError(path, f"line {n}: {e}") from None
            gz.rows[row.id] = row
            aliases[row.id] = [row.name_ar, *[a for a in (r["aliases_ar"] or "").split("|") if a]]
    for pid in sorted(gz.rows):
        row = gz.rows[pid]
        for a in aliases[pid]:
            key = tuple(norm(a).split())
            if key and row not in gz.index.setdefault(key, []):
                gz.index[key].append(row)
    for key in gz.index:
        gz.index[key].sort(key=_rank)
    return gz


@lru_cache(maxsize=2)
def load(path: str | None = None) -> Gazetteer:
    return load_file(path or BUILTIN)

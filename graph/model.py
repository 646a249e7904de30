"""Frozen dataclasses for Athar's data model: documents, mentions, entities, events."""
from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_TYPES = ("Person", "Organization", "ArmedGroup", "Government", "MilitaryForce",
                "Country", "Location")
"""Valid values of ``Entity.type`` (the extract contract)."""

EVENT_TYPES = ("airstrike", "execution", "killing", "assassination", "abduction", "ambush",
               "bombing", "raid", "arrest", "armed_clash", "shelling", "military_campaign",
               "threat", "deployment", "operation_suspension", "other")
"""Valid values of ``Event.type`` (the extract contract)."""


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` into the ORIGINAL document text."""
    start: int
    end: int
    text: str

    def as_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document: its original offsets and its index."""
    index: int
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """A decoded input text with its metadata.

    ``doc`` is the stable document id (file stem or the JSON Lines ``id``), ``path`` where it
    came from, ``published`` an ISO date (YYYY-MM-DD) or None, ``title`` and ``source``
    (outlet) when the input gives them.
    """
    doc: str
    text: str
    path: str = ""
    published: str | None = None
    title: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Mention:
    """A span of text naming an entity, before linking and merging.

    ``type`` is one of ENTITY_TYPES; ``key`` is the knowledge-base or place id when the mention
    was linked, otherwise None; ``how`` tells which recogniser found it (kb, gazetteer, pattern,
    crf, coref); ``sentence`` is the sentence index.
    """
    start: int
    end: int
    text: str
    type: str
    key: str | None
    how: str
    sentence: int


@dataclass(frozen=True)
class Entity:
    """An actor or place found in one document, with every mention of it.

    ``id`` is stable across documents: the KB id, the place id, or ``new:<normalised form>``
    for a name nobody listed, so the same actor merges across articles.
    ``place`` holds coordinates and hierarchy for Location/Country entities.
    """
    id: str
    type: str
    label: str
    label_en: str | None
    wikidata: str | None
    mentions: tuple[Span, ...]
    place: "Place | None" = None
    how: str = "kb"


@dataclass(frozen=True)
class Place:
    """Where a place is: coordinates, admin parents (nearest first), match precision."""
    id: str
    lat: float | None
    lon: float | None
    precision: str          # town | subdistrict | district | governorate | region | country | unknown
    parents: tuple[str, ...] = ()   # place ids, nearest first: district, governorate, country
    country: str | None = None      # ISO 3166-1 alpha-2
    admin1: str | None = None       # governorate label (en)
    admin2: str | None = None       # district label (en)
    geonames: str | None = None
    pcode: str | None = None
    reason: str = ""                # why this referent was chosen among same-named places


@dataclass(frozen=True)
class TimeValue:
    """A date with its precision (day, month, year, range) and how it was derived."""
    value: str              # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    precision: str          # day | month | year | range
    basis: str              # explicit | relative | publication
    end: str | None = None  # for ranges
    text: str | None = None


@dataclass(frozen=True)
class Event:
    """One incident mention: type, trigger, roles, place, time, casualties, attribution.

    Role fields hold entity ids of the same document. ``aggregate`` marks a tally rather than a
    single incident; ``partial`` lists what could not be found (agent, place, date...).
    """
    id: str
    type: str
    trigger: Span
    sentence: Sentence
    agents: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    location: str | None = None
    time: TimeValue | None = None
    fatalities: int | None = None
    injured: int | None = None
    aggregate: bool = False
    reported_by: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    partial: tuple[str, ...] = ()
    confidence: float = 1.0


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document: the unit that flows into the graph."""
    document: Document
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    events: tuple[Event, ...] = field(default_factory=tuple)

"""RDF export of the Athar graph: SEM events, actors and places, with provenance and evidence.

Vocabulary (declared in ``schema/athar.ttl``, constrained by ``schema/shapes.ttl``):

* incidents are ``sem:Event`` with ``sem:eventType`` (a SKOS concept of the incident-type
  scheme), ``athar:agent`` / ``athar:target`` (sub-properties of ``sem:hasActor``; the
  super-property is written too, so plain-SEM queries work without a reasoner),
  ``sem:hasPlace``, ``athar:reportedBy`` and ``sem:hasTimeStamp`` — or
  ``sem:hasBeginTimeStamp`` / ``sem:hasEndTimeStamp`` for ranges — typed ``xsd:date``,
  ``xsd:gYearMonth`` or ``xsd:gYear`` by the date's precision;
* actors are ``sem:Actor`` plus their Athar class (``athar:ArmedGroup`` ...); places are
  ``sem:Place`` with WGS84 ``wgs:lat``/``wgs:long`` and a GeoSPARQL geometry
  (``geo:hasGeometry`` → ``geo:asWKT "POINT(lon lat)"^^geo:wktLiteral``), hierarchy by
  ``dcterms:isPartOf``; labels are ``skos:prefLabel`` tagged ``@ar`` / ``@en``; Wikidata
  links are ``owl:sameAs`` and ``athar:wikidata``;
* every entity and event is ``prov:wasDerivedFrom`` its documents; each evidence span is an
  ``athar:Evidence`` (an ``oa:SpecificResource``) whose ``oa:hasSource`` is the document and
  whose selectors are an ``oa:TextPositionSelector`` (``oa:start``/``oa:end``) and an
  ``oa:TextQuoteSelector`` (``oa:exact``).

No blank nodes: every resource has an IRI derived from its graph key (or, for evidence, a
hash of what it supports and where), so the same graph always gives byte-identical Turtle.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import math
import os
import re
from decimal import Decimal
from urllib.parse import quote

import networkx as nx
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import (DCTERMS, GEO, OWL, PROV, RDF, RDFS, SKOS, XSD,
                              DefinedNamespace)

from graph.atomic import atomic_write_text
from graph.model import ENTITY_TYPES, EVENT_TYPES

ONTOLOGY_IRI = "https://w3id.org/athar/ontology"
ID_BASE = "https://w3id.org/athar/id/"
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
GEONAMES = "https://sws.geonames.org/"


class SEM(DefinedNamespace):
    """Simple Event Model (the terms Athar uses)."""

    _fail = True
    _NS = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")

    Event: URIRef  # something that happens: an incident
    Actor: URIRef  # an entity taking part in an event
    Place: URIRef  # where an event happens
    EventType: URIRef  # the class of event-type concepts
    eventType: URIRef  # event → its type
    hasActor: URIRef  # event → a participant
    hasPlace: URIRef  # event → where it happened
    hasTimeStamp: URIRef  # event → when it happened (single point)
    hasBeginTimeStamp: URIRef  # event → start of a date range
    hasEndTimeStamp: URIRef  # event → end of a date range


class ATHAR(DefinedNamespace):
    """Athar's own vocabulary, ``https://w3id.org/athar/ontology#`` (see schema/athar.ttl)."""

    _fail = True
    _NS = Namespace(ONTOLOGY_IRI + "#")

    # classes
    Person: URIRef  # a named individual
    Organization: URIRef  # a civilian organisation (NGO, monitor, party, outlet)
    ArmedGroup: URIRef  # a non-state armed group
    Government: URIRef  # a government or state authority
    MilitaryForce: URIRef  # a state military or security force
    Country: URIRef  # a country (a place that can also act)
    Location: URIRef  # a place below country level
    Document: URIRef  # a source article
    Evidence: URIRef  # a span of a document supporting a statement
    IncidentType: URIRef  # class of the incident-type concepts
    IncidentTypes: URIRef  # the SKOS concept scheme of incident types
    # event properties
    agent: URIRef  # event → actor who carried it out
    target: URIRef  # event → actor it was directed at
    reportedBy: URIRef  # event → actor the article attributes the report to
    fatalities: URIRef  # number of people killed
    injured: URIRef  # number of people injured
    aggregate: URIRef  # true if the statement is a tally, not one incident
    datePrecision: URIRef  # day | month | year | range
    dateBasis: URIRef  # explicit | relative | publication
    trigger: URIRef  # the word(s) that signalled the incident
    mergeReason: URIRef  # why several mentions were merged into one incident
    partial: URIRef  # a role the extractor could not fill
    cameoCode: URIRef  # CAMEO event code
    acledEventType: URIRef  # ACLED event type
    acledSubEventType: URIRef  # ACLED sub-event type
    # shared properties
    evidence: URIRef  # resource → an Evidence supporting it
    mentionCount: URIRef  # how many mentions were merged into the resource
    # entity properties
    wikidata: URIRef  # entity → its Wikidata item
    precision: URIRef  # how precisely a place is located (town ... country)
    countryCode: URIRef  # ISO 3166-1 alpha-2 code of a place's country
    admin1: URIRef  # first-level admin unit (governorate) name
    admin2: URIRef  # second-level admin unit (district) name
    geonamesId: URIRef  # GeoNames id
    pcode: URIRef  # OCHA P-code
    memberOf: URIRef  # actor → group it belongs to
    leaderOf: URIRef  # person → group they lead
    relatedTo: URIRef  # any other entity relation
    # evidence properties
    role: URIRef  # evidence → the property whose value it supports
    mentionOf: URIRef  # evidence → the entity its span names
    sentence: URIRef  # evidence → the sentence containing the span
    # document properties
    outlet: URIRef  # the news outlet that published the document
    path: URIRef  # where the document was read from
    # incident types (SKOS concepts)
    airstrike: URIRef  # air or drone strike
    execution: URIRef  # execution of captives
    killing: URIRef  # killing (unspecified)
    assassination: URIRef  # targeted killing of a named person
    abduction: URIRef  # abduction, kidnapping
    ambush: URIRef  # ambush
    bombing: URIRef  # IED, car or suicide bombing
    raid: URIRef  # raid
    arrest: URIRef  # arrest, detention
    armed_clash: URIRef  # armed clash
    shelling: URIRef  # shelling, artillery, missiles
    military_campaign: URIRef  # military campaign, offensive
    threat: URIRef  # threat
    deployment: URIRef  # deployment of forces
    operation_suspension: URIRef  # suspension of operations, truce
    other: URIRef  # any other incident


class OA(DefinedNamespace):
    """W3C Web Annotation vocabulary (the selector terms Athar uses)."""

    _fail = True
    _NS = Namespace("http://www.w3.org/ns/oa#")

    SpecificResource: URIRef  # a part of a source
    TextPositionSelector: URIRef  # selects by character offsets
    TextQuoteSelector: URIRef  # selects by exact quoted text
    hasSource: URIRef  # specific resource → the whole source
    hasSelector: URIRef  # specific resource → a selector
    start: URIRef  # first character offset (inclusive)
    end: URIRef  # last character offset (exclusive)
    exact: URIRef  # the quoted text


class WGS84(DefinedNamespace):
    """W3C Basic Geo (WGS84 lat/long). rdflib's bundled ``WGS`` uses an https IRI that is not
    the vocabulary's real namespace, so Athar declares the http one itself."""

    _fail = True
    _NS = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")

    lat: URIRef  # WGS84 latitude, decimal degrees
    long: URIRef  # WGS84 longitude, decimal degrees


ENTITY = Namespace(ID_BASE + "entity/")
EVENT = Namespace(ID_BASE + "event/")
DOC = Namespace(ID_BASE + "doc/")
EVIDENCE = Namespace(ID_BASE + "evidence/")
GEOMETRY = Namespace(ID_BASE + "geometry/")

PREFIXES = {
    "athar": ATHAR._NS, "sem": SEM._NS, "oa": OA._NS, "ent": ENTITY, "ev": EVENT, "doc": DOC,
    "evid": EVIDENCE, "geom": GEOMETRY, "wd": Namespace(WIKIDATA_ENTITY), "geo": GEO,
    "wgs": WGS84._NS, "skos": SKOS, "owl": OWL, "prov": PROV, "dcterms": DCTERMS, "rdfs": RDFS,
    "xsd": XSD,
}

ACTOR_CLASSES = {"Person": ATHAR.Person, "Organization": ATHAR.Organization,
                 "ArmedGroup": ATHAR.ArmedGroup, "Government": ATHAR.Government,
                 "MilitaryForce": ATHAR.MilitaryForce}
PLACE_CLASSES = {"Country": ATHAR.Country, "Location": ATHAR.Location}
assert set(ACTOR_CLASSES) | set(PLACE_CLASSES) == set(ENTITY_TYPES)

INCIDENT_TYPES = {name: ATHAR[name] for name in EVENT_TYPES}

EVENT_ROLES = {"agent": ATHAR.agent, "target": ATHAR.target, "reported_by": ATHAR.reportedBy,
               "location": SEM.hasPlace}
ENTITY_RELATIONS = {"part_of": DCTERMS.isPartOf, "member_of": ATHAR.memberOf,
                    "leader_of": ATHAR.leaderOf}

_HEX_KEY = re.compile(r"[0-9a-f]+")
_QID = re.compile(r"Q[1-9][0-9]*")
_DATE_FORMS = ((re.compile(r"\d{4}-\d{2}-\d{2}"), XSD.date),
               (re.compile(r"\d{4}-\d{2}"), XSD.gYearMonth),
               (re.compile(r"\d{4}"), XSD.gYear))


# --------------------------------------------------------------------------- IRIs

def _segments(key: str) -> str:
    """``a:b:c`` → ``a/b/c`` with each segment percent-encoded (``/`` inside becomes %2F)."""
    return "/".join(quote(part, safe="") for part in key.split(":"))


def entity_iri(key: str) -> URIRef:
    """IRI of an entity node: ``kb:isis`` → ``…/id/entity/kb/isis``."""
    return URIRef(ENTITY + _segments(key))


def event_iri(key: str) -> URIRef:
    """IRI of an event node: ``event:1a2b…`` → ``…/id/event/1a2b…``."""
    rest = key[len("event:"):] if key.startswith("event:") else key
    if _HEX_KEY.fullmatch(rest):
        return URIRef(EVENT + rest)
    return URIRef(EVENT + _segments(rest))


def doc_iri(doc_id: str) -> URIRef:
    """IRI of a document from its doc id (``000_5d4a``) or node key (``doc:000_5d4a``)."""
    rest = doc_id[len("doc:"):] if doc_id.startswith("doc:") else doc_id
    return URIRef(DOC + quote(rest, safe=""))


def node_iri(G: nx.MultiDiGraph, key: str) -> URIRef:
    """IRI of any graph node, chosen by its ``kind``."""
    kind = G.nodes[key].get("kind")
    if kind == "event":
        return event_iri(key)
    if kind == "document":
        return doc_iri(G.nodes[key].get("doc") or key)
    return entity_iri(key)


def _evidence_iri(subject_key: str, role: str, about: str, ev: dict) -> URIRef:
    payload = json.dumps([subject_key, role, about, ev.get("doc"), ev.get("start"),
                          ev.get("end")], ensure_ascii=False)
    return URIRef(EVIDENCE + hashlib.sha1(payload.encode("utf-8")).hexdigest()[:20])


# --------------------------------------------------------------------------- literals

def _text(value) -> str | None:
    if value is None:
        return None
    value = str(value)
    return value if value.strip() else None


def _date_literal(value) -> Literal | None:
    """ISO ``YYYY-MM-DD`` / ``YYYY-MM`` / ``YYYY`` as a typed literal; None if not a valid date."""
    value = _text(value)
    if value is None:
        return None
    for pattern, datatype in _DATE_FORMS:
        if pattern.fullmatch(value):
            padded = value + "-01-01"[len(value) - 4:] if len(value) < 10 else value
            try:
                _dt.date.fromisoformat(padded)
            except ValueError:
                return None
            return Literal(value, datatype=datatype)
    return None


def _decimal(value, low: float, high: float) -> Literal | None:
    """A coordinate as ``xsd:decimal`` (shortest round-trip form), None if missing or out of range."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if math.isnan(number) or not (low <= number <= high):
        return None
    return Literal(format(Decimal(repr(number)), "f"), datatype=XSD.decimal)


def _count(value) -> Literal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return Literal(int(value), datatype=XSD.integer)
    except (TypeError, ValueError):
        return None


# --------------------------------------------------------------------------- builders

class _Builder:
    def __init__(self, G: nx.MultiDiGraph):
        self.G = G
        self.g = Graph(bind_namespaces="none")
        for prefix, ns in PREFIXES.items():
            self.g.bind(prefix, ns, override=True, replace=True)
        self.docs_seen: set[str] = set()

    def add(self, s, p, o):
        if o is not None:
            self.g.add((s, p, o))

    # documents -------------------------------------------------------------

    def document_ref(self, doc_id: str) -> URIRef:
        """IRI of a document; typed even when the graph has no node for it (evidence must point
        at an ``athar:Document``)."""
        iri = doc_iri(doc_id)
        if doc_id not in self.docs_seen:
            self.docs_seen.add(doc_id)
            self.add(iri, RDF.type, ATHAR.Document)
            self.add(iri, RDF.type, PROV.Entity)
            self.add(iri, DCTERMS.identifier, Literal(doc_id))
        return iri

    def document(self, key: str, data: dict):
        doc_id = data.get("doc") or key[len("doc:"):]
        iri = self.document_ref(doc_id)
        title = _text(data.get("title"))
        if title:
            self.add(iri, DCTERMS.title, Literal(title))
        self.add(iri, DCTERMS.issued, _date_literal(data.get("published")))
        outlet = _text(data.get("source"))
        if outlet:
            self.add(iri, ATHAR.outlet, Literal(outlet))
        path = _text(data.get("path"))
        if path:
            self.add(iri, ATHAR.path, Literal(path))

    # evidence --------------------------------------------------------------

    def evidence(self, subject: URIRef, subject_key: str, role: str, about: str | None,
                 ev: dict, role_property: URIRef | None = None, about_iri: URIRef | None = None):
        doc_id = _text(ev.get("doc"))
        start, end = ev.get("start"), ev.get("end")
        if doc_id is None or not isinstance(start, int) or not isinstance(end, int):
            return
        iri = _evidence_iri(subject_key, role, about or "", ev)
        self.add(subject, ATHAR.evidence, iri)
        self.add(iri, RDF.type, ATHAR.Evidence)
        self.add(iri, RDF.type, OA.SpecificResource)
        self.add(iri, OA.hasSource, self.document_ref(doc_id))
        pos = URIRef(iri + "/position")
        self.add(iri, OA.hasSelector, pos)
        self.add(pos, RDF.type, OA.TextPositionSelector)
        self.add(pos, OA.start, Literal(start, datatype=XSD.nonNegativeInteger))
        self.add(pos, OA.end, Literal(end, datatype=XSD.nonNegativeInteger))
        exact = ev.get("text")
        if exact:
            quote_sel = URIRef(iri + "/quote")
            self.add(iri, OA.hasSelector, quote_sel)
            self.add(quote_sel, RDF.type, OA.TextQuoteSelector)
            self.add(quote_sel, OA.exact, Literal(str(exact), lang="ar"))
        sentence = _text(ev.get("sentence"))
        if sentence:
            self.add(iri, ATHAR.sentence, Literal(sentence, lang="ar"))
        if role_property is not None:
            self.add(iri, ATHAR.role, role_property)
        if about_iri is not None:
            self.add(iri, ATHAR.mentionOf, about_iri)

    # entities --------------------------------------------------------------

    def entity(self, key: str, data: dict):
        iri = entity_iri(key)
        etype = data.get("type")
        if etype in ACTOR_CLASSES:
            self.add(iri, RDF.type, SEM.Actor)
            self.add(iri, RDF.type, ACTOR_CLASSES[etype])
        elif etype in PLACE_CLASSES:
            self.add(iri, RDF.type, SEM.Place)
            self.add(iri, RDF.type, PLACE_CLASSES[etype])
            if etype == "Country":      # countries act too (e.g. as agent of a strike)
                self.add(iri, RDF.type, SEM.Actor)
        elif key.startswith("place:"):
            self.add(iri, RDF.type, SEM.Place)
        else:
            self.add(iri, RDF.type, SEM.Actor)

        label = _text(data.get("label")) or key
        self.add(iri, SKOS.prefLabel, Literal(label, lang="ar"))
        self.add(iri, RDFS.label, Literal(label, lang="ar"))
        label_en = _text(data.get("label_en"))
        if label_en:
            self.add(iri, SKOS.prefLabel, Literal(label_en, lang="en"))
            self.add(iri, RDFS.label, Literal(label_en, lang="en"))
        for alias in data.get("aliases") or ():
            alias = _text(alias)
            if alias and alias != label:
                self.add(iri, SKOS.altLabel, Literal(alias, lang="ar"))

        qid = _text(data.get("wikidata"))
        if qid and _QID.fullmatch(qid):
            wd = URIRef(WIKIDATA_ENTITY + qid)
            self.add(iri, OWL.sameAs, wd)
            self.add(iri, ATHAR.wikidata, wd)
        self.add(iri, ATHAR.mentionCount, _count(data.get("mention_count")))
        for doc_id in data.get("docs") or ():
            self.add(iri, PROV.wasDerivedFrom, self.document_ref(str(doc_id)))

        lat = _decimal(data.get("lat"), -90.0, 90.0)
        lon = _decimal(data.get("lon"), -180.0, 180.0)
        if lat is not None and lon is not None:
            self.add(iri, WGS84.lat, lat)
            self.add(iri, WGS84.long, lon)
            geometry = URIRef(GEOMETRY + _segments(key))
            self.add(iri, GEO.hasGeometry, geometry)
            self.add(geometry, RDF.type, GEO.Geometry)
            self.add(geometry, GEO.asWKT, Literal(f"POINT({lon} {lat})", datatype=GEO.wktLiteral))
        for attr, prop in (("precision", ATHAR.precision), ("country", ATHAR.countryCode),
                           ("admin1", ATHAR.admin1), ("admin2", ATHAR.admin2),
                           ("pcode", ATHAR.pcode)):
            value = _text(data.get(attr))
            if value:
                self.add(iri, prop, Literal(value))
        geonames = _text(data.get("geonames"))
        if geonames:
            self.add(iri, ATHAR.geonamesId, Literal(geonames))
            if geonames.isdigit():
                self.add(iri, OWL.sameAs, URIRef(f"{GEONAMES}{geonames}/"))

    # events ----------------------------------------------------------------

    def event(self, key: str, data: dict):
        iri = event_iri(key)
        self.add(iri, RDF.type, SEM.Event)
        self.add(iri, SEM.eventType, INCIDENT_TYPES.get(data.get("type"), ATHAR.other))
        label = _text(data.get("label"))
        if label:
            self.add(iri, RDFS.label, Literal(label))
        for attr, prop in (("cameo", ATHAR.cameoCode), ("acled_event_type", ATHAR.acledEventType),
                           ("acled_sub_event_type", ATHAR.acledSubEventType),
                           ("date_precision", ATHAR.datePrecision),
                           ("date_basis", ATHAR.dateBasis), ("merge_reason", ATHAR.mergeReason)):
            value = _text(data.get(attr))
            if value:
                self.add(iri, prop, Literal(value))
        trigger = _text(data.get("trigger"))
        if trigger:
            self.add(iri, ATHAR.trigger, Literal(trigger, lang="ar"))
        for item in data.get("partial") or ():
            self.add(iri, ATHAR.partial, Literal(str(item)))

        begin = _date_literal(data.get("date"))
        end = _date_literal(data.get("date_end"))
        if begin is not None and (end is not None or data.get("date_precision") == "range"):
            self.add(iri, SEM.hasBeginTimeStamp, begin)
            self.add(iri, SEM.hasEndTimeStamp, end)
        else:
            self.add(iri, SEM.hasTimeStamp, begin)

        fatalities, injured = _count(data.get("fatalities")), _count(data.get("injured"))
        self.add(iri, ATHAR.fatalities, fatalities)
        self.add(iri, ATHAR.injured, injured)
        if data.get("aggregate") is not None:
            self.add(iri, ATHAR.aggregate, Literal(bool(data.get("aggregate"))))
        self.add(iri, ATHAR.mentionCount, _count(data.get("mention_count")))
        for ev in data.get("evidence") or ():
            self.evidence(iri, key, "mention", None, ev)

    # edges -----------------------------------------------------------------

    def edge(self, u: str, v: str, role: str, data: dict):
        G = self.G
        kind_u, kind_v = G.nodes[u].get("kind"), G.nodes[v].get("kind")
        s, o = node_iri(G, u), node_iri(G, v)
        if role == "mentioned_in" and kind_v == "document":
            self.add(s, PROV.wasDerivedFrom, o)
            # the same span as the event's / entity's own evidence → the same Evidence IRI
            for ev in data.get("evidence") or ():
                self.evidence(s, u, "mention", None, ev)
            return
        if kind_u == "event":
            prop = EVENT_ROLES.get(role, ATHAR.relatedTo)
            self.add(s, prop, o)
            if role in ("agent", "target"):
                self.add(s, SEM.hasActor, o)
            elif role == "location":        # sem:hasPlace's range, stated for reasoner-less use
                self.add(o, RDF.type, SEM.Place)
            for ev in data.get("evidence") or ():
                self.evidence(s, u, role, v, ev, role_property=prop, about_iri=o)
            return
        prop = ENTITY_RELATIONS.get(role, ATHAR.relatedTo)
        self.add(s, prop, o)
        for ev in data.get("evidence") or ():
            self.evidence(s, u, role, v, ev, role_property=prop, about_iri=o)


def to_rdf(G: nx.MultiDiGraph) -> Graph:
    """Convert the Athar graph (docs/design.md contract) into an rdflib Graph."""
    b = _Builder(G)
    for key in sorted(G.nodes, key=str):
        data = G.nodes[key]
        kind = data.get("kind")
        if kind == "document":
            b.document(key, data)
        elif kind == "event":
            b.event(key, data)
        elif kind == "entity":
            b.entity(key, data)
    for u, v, k, data in sorted(G.edges(keys=True, data=True),
                                key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        role = data.get("role") or k
        if G.nodes[u].get("kind") == "document":
            continue
        b.edge(u, v, str(role), data)
    return b.g


def serialize_turtle(G: nx.MultiDiGraph) -> str:
    """The graph as Turtle text (deterministic for a given graph)."""
    return to_rdf(G).serialize(format="turtle")


def write_turtle(G: nx.MultiDiGraph, path: str | os.PathLike) -> None:
    """Write the graph as Turtle to ``path`` atomically."""
    atomic_write_text(path, serialize_turtle(G))

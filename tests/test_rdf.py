"""Tests of graph/rdf.py and the schema/ vocabulary and shapes."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
import rdflib
from pyshacl import validate
from rdflib import BNode, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, SKOS

from conftest import (AIRSTRIKE, DOC_A, EXECUTION, HOMS, ISIS, RUSAF, SUKHNAH, TEXTS,
                      build_small_graph)
from graph.model import EVENT_TYPES
from graph.rdf import (ATHAR, OA, SEM, WGS84, doc_iri, entity_iri, event_iri, serialize_turtle,
                       to_rdf, write_turtle)

ROOT = Path(__file__).resolve().parent.parent
SHAPES = ROOT / "schema" / "shapes.ttl"
SCHEMA = ROOT / "schema" / "athar.ttl"


def shacl(data: rdflib.Graph):
    shapes = rdflib.Graph().parse(SHAPES)
    conforms, _, text = validate(data, shacl_graph=shapes)
    return conforms, text


def reversed_copy(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The same graph, with nodes and edges inserted in the opposite order."""
    H = nx.MultiDiGraph()
    for node in reversed(list(G.nodes)):
        H.add_node(node, **G.nodes[node])
    for u, v, k, d in reversed(list(G.edges(keys=True, data=True))):
        H.add_edge(u, v, key=k, **d)
    return H


# ------------------------------------------------------------------ SHACL

def test_rdf_export_conforms_to_shapes(small_graph):
    conforms, text = shacl(to_rdf(small_graph))
    assert conforms, text


def test_rdf_shapes_reject_negative_fatalities(small_graph):
    small_graph.nodes[AIRSTRIKE]["fatalities"] = -3
    conforms, text = shacl(to_rdf(small_graph))
    assert not conforms
    assert "fatalities" in text


def test_rdf_shapes_reject_evidence_with_start_not_before_end(small_graph):
    ev = dict(small_graph.nodes[EXECUTION]["evidence"][0])
    ev["start"], ev["end"] = ev["end"], ev["start"]
    small_graph.nodes[EXECUTION]["evidence"] = (ev,)
    conforms, text = shacl(to_rdf(small_graph))
    assert not conforms
    assert "less than its end" in text


def test_rdf_shapes_reject_event_with_two_types(small_graph):
    g = to_rdf(small_graph)
    g.add((event_iri(AIRSTRIKE), SEM.eventType, ATHAR.bombing))
    conforms, text = shacl(g)
    assert not conforms
    assert "exactly one of the 16 incident types" in text


def test_rdf_shapes_reject_out_of_range_latitude_and_unlabelled_actor(small_graph):
    g = to_rdf(small_graph)
    g.set((entity_iri(HOMS), WGS84.lat, Literal("134.7", datatype=rdflib.XSD.decimal)))
    conforms, text = shacl(g)
    assert not conforms and "latitude" in text
    g = to_rdf(small_graph)
    g.remove((entity_iri(ISIS), SKOS.prefLabel, None))
    conforms, text = shacl(g)
    assert not conforms and "every actor has a label" in text


def test_rdf_shapes_reject_evidence_without_document(small_graph):
    g = to_rdf(small_graph)
    evidence = next(g.subjects(RDF.type, ATHAR.Evidence))
    g.remove((evidence, OA.hasSource, None))
    conforms, text = shacl(g)
    assert not conforms and "exactly one document" in text


# ------------------------------------------------------------------ SPARQL

def test_rdf_sparql_finds_airstrike_agent_and_place(small_graph):
    store = pyoxigraph.Store()
    store.load(serialize_turtle(small_graph).encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE)
    query = """
        PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
        PREFIX athar: <https://w3id.org/athar/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX wgs: <http://www.w3.org/2003/01/geo/wgs84_pos#>
        SELECT ?actor ?place ?lat ?date ?killed WHERE {
            ?e a sem:Event ; sem:eventType athar:airstrike ; athar:agent ?a ;
               sem:hasPlace ?p ; sem:hasTimeStamp ?date ; athar:fatalities ?killed .
            ?a skos:prefLabel ?actor . FILTER(lang(?actor) = "ar")
            ?p skos:prefLabel ?place ; wgs:lat ?lat . FILTER(lang(?place) = "en")
        }"""
    rows = [{v: s[v].value for v in ("actor", "place", "lat", "date", "killed")}
            for s in store.query(query)]
    assert rows == [{"actor": "الطيران الحربي الروسي", "place": "Homs", "lat": "34.73",
                     "date": "2024-12-10", "killed": "12"}]


def test_rdf_sparql_sem_has_actor_without_reasoning(small_graph):
    store = pyoxigraph.Store()
    store.load(serialize_turtle(small_graph).encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE)
    query = """
        PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
        PREFIX athar: <https://w3id.org/athar/ontology#>
        SELECT ?actor WHERE { ?e sem:eventType athar:airstrike ; sem:hasActor ?actor } ORDER BY ?actor"""
    actors = sorted(s["actor"].value for s in store.query(query))
    assert actors == sorted([str(entity_iri(ISIS)), str(entity_iri(RUSAF))])


# ------------------------------------------------------------------ round trip, determinism

def test_rdf_turtle_round_trip_is_isomorphic(small_graph):
    g = to_rdf(small_graph)
    parsed = rdflib.Graph().parse(data=g.serialize(format="turtle"), format="turtle")
    assert len(g) > 100
    assert isomorphic(g, parsed)


def test_rdf_turtle_is_byte_identical_across_runs_and_insertion_order(small_graph, tmp_path):
    first, second = tmp_path / "a.ttl", tmp_path / "b.ttl"
    write_turtle(small_graph, first)
    write_turtle(reversed_copy(build_small_graph()), second)
    assert first.read_bytes() == second.read_bytes()
    assert serialize_turtle(small_graph) == first.read_text(encoding="utf-8")


def test_rdf_turtle_is_byte_identical_across_hash_seeds():
    code = ("import sys; sys.path.insert(0, 'tests');"
            "from conftest import build_small_graph;"
            "from graph.rdf import serialize_turtle;"
            "sys.stdout.buffer.write(serialize_turtle(build_small_graph()).encode())")
    outputs = set()
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        outputs.add(subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True,
                                   capture_output=True).stdout)
    assert len(outputs) == 1


def test_rdf_has_no_blank_nodes(small_graph):
    g = to_rdf(small_graph)
    assert not any(isinstance(term, BNode) for triple in g for term in triple)


# ------------------------------------------------------------------ content

def test_rdf_iris_are_percent_encoded_and_distinct():
    new = entity_iri("new:Person:ابو محمد")
    assert str(new) == ("https://w3id.org/athar/id/entity/new/Person/"
                        "%D8%A7%D8%A8%D9%88%20%D9%85%D8%AD%D9%85%D8%AF")
    assert str(entity_iri("kb:isis")) == "https://w3id.org/athar/id/entity/kb/isis"
    assert str(entity_iri("place:country:SY")) == "https://w3id.org/athar/id/entity/place/country/SY"
    assert entity_iri("kb:a/b") != entity_iri("kb:a:b")
    assert str(event_iri("event:1a2b3c")) == "https://w3id.org/athar/id/event/1a2b3c"
    assert str(doc_iri("doc:000_5d4a")) == "https://w3id.org/athar/id/doc/000_5d4a"
    assert str(doc_iri("a b/c")) == "https://w3id.org/athar/id/doc/a%20b%2Fc"


def test_rdf_entities_are_typed_labelled_and_linked(small_graph):
    g = to_rdf(small_graph)
    isis, homs, sukhnah = entity_iri(ISIS), entity_iri(HOMS), entity_iri(SUKHNAH)
    assert {(isis, RDF.type, SEM.Actor), (isis, RDF.type, ATHAR.ArmedGroup)} <= set(g)
    assert (isis, SKOS.prefLabel, Literal("تنظيم داعش", lang="ar")) in g
    assert (isis, SKOS.prefLabel, Literal("Islamic State", lang="en")) in g
    wd = URIRef("http://www.wikidata.org/entity/Q2429253")
    assert (isis, OWL.sameAs, wd) in g and (isis, ATHAR.wikidata, wd) in g
    assert (sukhnah, RDF.type, SEM.Place) in g and (sukhnah, RDF.type, ATHAR.Location) in g
    assert (sukhnah, rdflib.DCTERMS.isPartOf, homs) in g
    assert (sukhnah, WGS84.lat, Literal("34.8867", datatype=rdflib.XSD.decimal)) in g
    wkt = list(g.objects(next(g.objects(sukhnah, rdflib.namespace.GEO.hasGeometry)),
                         rdflib.namespace.GEO.asWKT))
    assert [str(w) for w in wkt] == ["POINT(38.8733 34.8867)"]
    assert (isis, rdflib.PROV.wasDerivedFrom, doc_iri(DOC_A)) in g


def test_rdf_event_roles_counts_and_provenance(small_graph):
    g = to_rdf(small_graph)
    air = event_iri(AIRSTRIKE)
    assert (air, RDF.type, SEM.Event) in g
    assert (air, SEM.eventType, ATHAR.airstrike) in g
    assert (air, ATHAR.agent, entity_iri(RUSAF)) in g
    assert (air, ATHAR.target, entity_iri(ISIS)) in g
    assert (air, SEM.hasPlace, entity_iri(HOMS)) in g
    assert (air, ATHAR.reportedBy, entity_iri("kb:sohr")) in g
    assert (air, ATHAR.fatalities, Literal(12)) in g
    assert (air, ATHAR.injured, Literal(3)) in g
    assert (air, ATHAR.aggregate, Literal(False)) in g
    assert (event_iri(EXECUTION), ATHAR.aggregate, Literal(True)) in g
    assert (event_iri(EXECUTION), ATHAR.injured, None) not in g


@pytest.mark.parametrize("date, precision, end, expected", [
    ("2024-12-10", "day", None, [(SEM.hasTimeStamp, "2024-12-10", rdflib.XSD.date)]),
    ("2024-12", "month", None, [(SEM.hasTimeStamp, "2024-12", rdflib.XSD.gYearMonth)]),
    ("2024", "year", None, [(SEM.hasTimeStamp, "2024", rdflib.XSD.gYear)]),
    ("2024-12-01", "range", "2024-12-07", [(SEM.hasBeginTimeStamp, "2024-12-01", rdflib.XSD.date),
                                           (SEM.hasEndTimeStamp, "2024-12-07", rdflib.XSD.date)]),
    ("2024-13-45", "day", None, []),
    (None, None, None, []),
])
def test_rdf_time_stamps_are_typed_by_precision(small_graph, date, precision, end, expected):
    small_graph.nodes[AIRSTRIKE].update(date=date, date_precision=precision, date_end=end)
    g = to_rdf(small_graph)
    air = event_iri(AIRSTRIKE)
    found = sorted((p, str(o), o.datatype) for p, o in g.predicate_objects(air)
                   if p in (SEM.hasTimeStamp, SEM.hasBeginTimeStamp, SEM.hasEndTimeStamp))
    assert found == sorted(expected)


def test_rdf_evidence_quotes_the_document_span(small_graph):
    g = to_rdf(small_graph)
    checked = 0
    for evidence in g.subjects(RDF.type, ATHAR.Evidence):
        doc = str(g.value(g.value(evidence, OA.hasSource), rdflib.DCTERMS.identifier))
        selectors = list(g.objects(evidence, OA.hasSelector))
        pos = next(s for s in selectors if (s, RDF.type, OA.TextPositionSelector) in g)
        quote = next(s for s in selectors if (s, RDF.type, OA.TextQuoteSelector) in g)
        start, end = g.value(pos, OA.start).toPython(), g.value(pos, OA.end).toPython()
        assert TEXTS[doc][start:end] == str(g.value(quote, OA.exact))
        checked += 1
    assert checked >= 10
    # role evidence says which statement it supports
    agent_evidence = [e for e in g.subjects(ATHAR.role, ATHAR.agent)
                      if (e, ATHAR.mentionOf, entity_iri(RUSAF)) in g]
    assert len(agent_evidence) == 2


def test_rdf_write_turtle_failure_keeps_previous_file(small_graph, tmp_path, monkeypatch):
    out = tmp_path / "graph.ttl"
    write_turtle(small_graph, out)
    before = out.read_bytes()

    def boom(*args, **kwargs):
        raise RuntimeError("serializer failed")

    monkeypatch.setattr(rdflib.Graph, "serialize", boom)
    with pytest.raises(RuntimeError):
        write_turtle(small_graph, out)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]


# ------------------------------------------------------------------ schema

def test_rdf_schema_declares_exactly_the_python_vocabulary():
    schema = rdflib.Graph().parse(SCHEMA)
    ns = str(ATHAR._NS)
    declared = {str(s)[len(ns):] for s in schema.subjects(RDF.type, None)
                if str(s).startswith(ns)}
    assert declared == set(ATHAR.__annotations__)


def test_rdf_schema_incident_scheme_has_the_16_types():
    schema = rdflib.Graph().parse(SCHEMA)
    concepts = set(schema.subjects(SKOS.inScheme, ATHAR.IncidentTypes))
    assert concepts == {ATHAR[t] for t in EVENT_TYPES}
    for concept in concepts:
        assert schema.value(concept, SKOS.prefLabel) is not None
        if concept != ATHAR.other:
            assert schema.value(concept, SKOS.notation) == schema.value(concept, ATHAR.cameoCode)
            assert schema.value(concept, ATHAR.acledEventType) is not None
    assert (ATHAR.agent, rdflib.RDFS.subPropertyOf, SEM.hasActor) in schema
    assert (ATHAR.target, rdflib.RDFS.subPropertyOf, SEM.hasActor) in schema


def test_rdf_export_with_schema_conforms_under_rdfs_inference(small_graph):
    shapes = rdflib.Graph().parse(SHAPES)
    schema = rdflib.Graph().parse(SCHEMA)
    conforms, _, text = validate(to_rdf(small_graph), shacl_graph=shapes, ont_graph=schema,
                                 inference="rdfs")
    assert conforms, text


def test_rdf_schema_codes_match_the_trigger_lexicon():
    """The schema's CAMEO / ACLED codes per incident type agree with graph/data/triggers.yaml,
    which is where the events' own ``cameo`` / ``acled_*`` attributes come from."""
    yaml = pytest.importorskip("yaml")
    path = ROOT / "graph" / "data" / "triggers.yaml"
    if not path.exists():
        pytest.skip("graph/data/triggers.yaml not written yet")
    types = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("types") or {}
    schema = rdflib.Graph().parse(SCHEMA)
    checked = 0
    for name, info in sorted(types.items()):
        concept = ATHAR[name] if name in EVENT_TYPES else None
        assert concept is not None, f"triggers.yaml type {name!r} is not one of the 16 types"
        for field, prop in (("cameo", ATHAR.cameoCode), ("acled_event_type", ATHAR.acledEventType),
                            ("acled_sub_event_type", ATHAR.acledSubEventType)):
            if (info or {}).get(field) not in (None, ""):
                assert str(schema.value(concept, prop)) == str(info[field]), (name, field)
                checked += 1
    assert checked or not types

"""The graph: one node per actor and place across documents; incident mentions merge with evidence."""
from graph.build import build_graph
from graph.model import Document
from graph.pipeline import extract

A = "أعلن المرصد السوري لحقوق الإنسان أن تنظيم داعش أعدم خمسة رجال أمس في مدينة تدمر."
B = "أفادت مصادر محلية بأن تنظيم داعش أعدم خمسة مدنيين في مدينة تدمر يوم الأربعاء."
C = "شنت طائرات التحالف الدولي غارات على مواقع لتنظيم داعش في مدينة الرقة اليوم."


def graph():
    docs = [Document("a", A, published="2015-07-30"), Document("b", B, published="2015-07-31"),
            Document("c", C, published="2015-07-30")]
    return build_graph([extract(d) for d in docs])


def test_build_same_actor_in_two_documents_is_one_node():
    G = graph()
    isis = [n for n, d in G.nodes(data=True) if d["kind"] == "entity" and d["type"] == "ArmedGroup"
            and "داعش" in " ".join(d["aliases"])]
    assert len(isis) == 1
    assert G.nodes[isis[0]]["docs"] == ("a", "b", "c")


def test_build_two_reports_of_one_execution_merge_and_keep_both_evidences():
    G = graph()
    executions = [d for _, d in G.nodes(data=True) if d["kind"] == "event" and d["type"] == "execution"]
    assert len(executions) == 1
    ev = executions[0]
    assert ev["mention_count"] == 2 and {e["doc"] for e in ev["evidence"]} == {"a", "b"}
    assert "place" in ev["merge_reason"] and "day" in ev["merge_reason"]


def test_build_different_places_never_merge():
    G = graph()
    types = sorted(d["type"] for _, d in G.nodes(data=True) if d["kind"] == "event")
    assert types.count("airstrike") == 1 and types.count("execution") == 1


def test_build_places_roll_up_to_their_governorate():
    G = graph()
    tadmur = [n for n, d in G.nodes(data=True) if d.get("label") and "تدمر" in d["label"] and d["kind"] == "entity"]
    assert tadmur
    parents = [v for _, v, k in G.out_edges(tadmur[0], keys=True) if k == "part_of"]
    assert parents


def test_build_evidence_offsets_point_at_the_trigger():
    G = graph()
    texts = {"a": A, "b": B, "c": C}
    for _, d in G.nodes(data=True):
        if d["kind"] == "event":
            for e in d["evidence"]:
                assert texts[e["doc"]][e["start"]:e["end"]] == e["text"]


def test_extracting_many_documents_together_gives_what_one_by_one_gives():
    """extract_many decodes several documents' sentences in one tagger batch; results must not
    depend on the chunking."""
    from graph.ingest import default_corpus, read
    from graph.pipeline import extract_many
    from graph.recognize import resources
    res = resources()
    docs = list(read([default_corpus()])) + [
        Document("a", A, published="2015-07-30"), Document("empty", "", published="2015-07-30")]
    one_by_one = [extract(d, res) for d in docs]
    assert list(extract_many(docs, res, chunk=3)) == one_by_one
    assert list(extract_many(docs, res)) == one_by_one
    assert sum(len(x.events) for x in one_by_one) > 5


def test_extraction_leaves_the_garbage_collector_as_it_found_it():
    """The pipeline collects less often while it works, and restores the setting after."""
    import gc
    from graph.pipeline import extract_many
    before = gc.get_threshold()
    assert list(extract_many([Document("a", A, published="2015-07-30")]))[0].events
    assert gc.get_threshold() == before

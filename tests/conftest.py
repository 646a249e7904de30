"""Shared fixtures: a small hand-built graph that follows docs/design.md's graph contract."""
from __future__ import annotations

import networkx as nx
import pytest

DOC_A = "000_5d4a"
DOC_B = "001_4558"

TEXT_A = (
    "أكد المرصد السوري لحقوق الإنسان أن تنظيم داعش نفذ إعدام 54 عنصراً في منطقة السخنة بريف حمص."
    "\n"
    "وقال مدير المرصد رامي عبد الرحمن إن الطيران الحربي الروسي شن غارة جوية على مواقع التنظيم"
    " في حمص أمس، ما أدى إلى مقتل 12 عنصراً وإصابة 3 آخرين."
)
TEXT_B = "أفاد المرصد السوري لحقوق الإنسان بأن الطيران الحربي الروسي شن غارة جوية على مواقع لتنظيم داعش في ريف حمص."

TEXTS = {DOC_A: TEXT_A, DOC_B: TEXT_B}

AIRSTRIKE = "event:0f3c2a9b7d1e4c58"
EXECUTION = "event:7a41d0e2b9c35f86"
ISIS = "kb:isis"
SOHR = "kb:sohr"
RAMI = "kb:rami_abdulrahman"
RUSAF = "new:MilitaryForce:الطيران الحربي الروسي"
HOMS = "place:SY04"
SUKHNAH = "place:gn163345"


def span(doc: str, needle: str, nth: int = 0) -> dict:
    """Evidence dict for the ``nth`` occurrence of ``needle`` in document ``doc``."""
    text = TEXTS[doc]
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return {"doc": doc, "start": start, "end": start + len(needle), "text": needle}


def sentence_of(doc: str, offset: int) -> tuple[int, int, str]:
    """The (start, end, text) of the line-sentence containing ``offset``."""
    text = TEXTS[doc]
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    end = len(text) if end < 0 else end
    return start, end, text[start:end]


def event_evidence(doc: str, needle: str, nth: int = 0) -> dict:
    ev = span(doc, needle, nth)
    s_start, s_end, s_text = sentence_of(doc, ev["start"])
    ev.update(sentence_start=s_start, sentence_end=s_end, sentence=s_text)
    return ev


def sort_ev(evs):
    return tuple(sorted(evs, key=lambda e: (e["doc"], e["start"], e["end"])))


def build_small_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()

    # documents
    G.add_node(f"doc:{DOC_A}", kind="document", doc=DOC_A, path=f"corpus/{DOC_A}.txt",
               published="2024-12-11", title="داعش يعدم 54 عنصراً في بادية حمص", source="Youm7")
    G.add_node(f"doc:{DOC_B}", kind="document", doc=DOC_B, path=f"corpus/{DOC_B}.txt",
               published="2024-12-11", title=None, source=None)

    # actors
    G.add_node(ISIS, kind="entity", type="ArmedGroup", label="تنظيم داعش", label_en="Islamic State",
               wikidata="Q2429253", aliases=("التنظيم", "تنظيم داعش"), mention_count=3,
               docs=(DOC_A, DOC_B))
    G.add_node(SOHR, kind="entity", type="Organization", label="المرصد السوري لحقوق الإنسان",
               label_en="Syrian Observatory for Human Rights", wikidata=None,
               aliases=("المرصد", "المرصد السوري لحقوق الإنسان"), mention_count=3,
               docs=(DOC_A, DOC_B))
    G.add_node(RAMI, kind="entity", type="Person", label="رامي عبد الرحمن",
               label_en="Rami Abdulrahman", wikidata=None, aliases=("رامي عبد الرحمن",),
               mention_count=1, docs=(DOC_A,))
    G.add_node(RUSAF, kind="entity", type="MilitaryForce", label="الطيران الحربي الروسي",
               label_en=None, wikidata=None, aliases=("الطيران الحربي الروسي",), mention_count=2,
               docs=(DOC_A, DOC_B))

    # places (Sukhnah is part of Homs governorate)
    G.add_node(HOMS, kind="entity", type="Location", label="حمص", label_en="Homs", wikidata=None,
               aliases=("حمص",), mention_count=3, docs=(DOC_A, DOC_B), lat=34.73, lon=37.6,
               precision="governorate", country="SY", admin1="Homs", admin2=None, geonames=None,
               pcode="SY04")
    G.add_node(SUKHNAH, kind="entity", type="Location", label="السخنة", label_en="As Sukhnah",
               wikidata=None, aliases=("السخنة",), mention_count=1, docs=(DOC_A,), lat=34.8867,
               lon=38.8733, precision="town", country="SY", admin1="Homs", admin2="Tadmor",
               geonames="163345", pcode=None)
    G.add_edge(SUKHNAH, HOMS, key="part_of", role="part_of")
    G.add_edge(RAMI, SOHR, key="leader_of", role="leader_of")

    # events
    air_ev = sort_ev([event_evidence(DOC_A, "غارة جوية"), event_evidence(DOC_B, "غارة جوية")])
    G.add_node(AIRSTRIKE, kind="event", type="airstrike",
               label="غارة جوية: الطيران الحربي الروسي ← تنظيم داعش (حمص)", cameo="195",
               acled_event_type="Explosions/Remote violence", acled_sub_event_type="Air/drone strike",
               date="2024-12-10", date_precision="day", date_basis="relative", date_end=None,
               fatalities=12, injured=3, aggregate=False, trigger="غارة جوية", mention_count=2,
               evidence=air_ev, merge_reason="same type, place and date", partial=())
    exe_ev = sort_ev([event_evidence(DOC_A, "إعدام")])
    G.add_node(EXECUTION, kind="event", type="execution",
               label="إعدام: تنظيم داعش (السخنة)", cameo="1823",
               acled_event_type="Violence against civilians", acled_sub_event_type="Attack",
               date="2024-12", date_precision="month", date_basis="publication", date_end=None,
               fatalities=54, injured=None, aggregate=True, trigger="إعدام", mention_count=1,
               evidence=exe_ev, merge_reason="", partial=("target",))

    def role(src, dst, name, evs):
        G.add_edge(src, dst, key=name, role=name, evidence=sort_ev(evs))

    role(AIRSTRIKE, RUSAF, "agent", [span(DOC_A, "الطيران الحربي الروسي"),
                                     span(DOC_B, "الطيران الحربي الروسي")])
    role(AIRSTRIKE, ISIS, "target", [span(DOC_A, "التنظيم"), span(DOC_B, "تنظيم داعش")])
    role(AIRSTRIKE, HOMS, "location", [span(DOC_A, "حمص", 1), span(DOC_B, "حمص")])
    role(AIRSTRIKE, SOHR, "reported_by", [span(DOC_B, "المرصد السوري لحقوق الإنسان")])
    role(AIRSTRIKE, f"doc:{DOC_A}", "mentioned_in", [span(DOC_A, "غارة جوية")])
    role(AIRSTRIKE, f"doc:{DOC_B}", "mentioned_in", [span(DOC_B, "غارة جوية")])

    role(EXECUTION, ISIS, "agent", [span(DOC_A, "تنظيم داعش")])
    role(EXECUTION, SUKHNAH, "location", [span(DOC_A, "السخنة")])
    role(EXECUTION, SOHR, "reported_by", [span(DOC_A, "المرصد السوري لحقوق الإنسان")])
    role(EXECUTION, f"doc:{DOC_A}", "mentioned_in", [span(DOC_A, "إعدام")])

    # entity → document mentions, with count
    mentions = {
        ISIS: {DOC_A: [span(DOC_A, "تنظيم داعش"), span(DOC_A, "التنظيم")],
               DOC_B: [span(DOC_B, "تنظيم داعش")]},
        SOHR: {DOC_A: [span(DOC_A, "المرصد السوري لحقوق الإنسان"), span(DOC_A, "المرصد", 1)],
               DOC_B: [span(DOC_B, "المرصد السوري لحقوق الإنسان")]},
        RAMI: {DOC_A: [span(DOC_A, "رامي عبد الرحمن")]},
        RUSAF: {DOC_A: [span(DOC_A, "الطيران الحربي الروسي")],
                DOC_B: [span(DOC_B, "الطيران الحربي الروسي")]},
        HOMS: {DOC_A: [span(DOC_A, "حمص"), span(DOC_A, "حمص", 1)], DOC_B: [span(DOC_B, "حمص")]},
        SUKHNAH: {DOC_A: [span(DOC_A, "السخنة")]},
    }
    for ent, per_doc in mentions.items():
        for doc, evs in per_doc.items():
            G.add_edge(ent, f"doc:{doc}", key="mentioned_in", role="mentioned_in",
                       count=len(evs), evidence=sort_ev(evs))
    return G


@pytest.fixture
def small_graph() -> nx.MultiDiGraph:
    """A fresh copy of the two-document fixture graph (tests may mutate it)."""
    return build_small_graph()

"""The ``extract`` contract: one JSON object per document (see README, "athar extract")."""
from __future__ import annotations

import json

from .model import Extraction


def to_record(x: Extraction) -> dict:
    """The contract's dict for one document; later versions add fields, never rename them."""
    d = x.document
    ents = []
    for e in x.entities:
        rec = {"id": e.id, "type": e.type, "label": e.label, "label_en": e.label_en,
               "wikidata": e.wikidata, "mentions": [m.as_dict() for m in e.mentions]}
        if e.place is not None:
            p = e.place
            rec["place"] = {"lat": p.lat, "lon": p.lon, "precision": p.precision,
                            "parents": list(p.parents), "country": p.country,
                            "admin1": p.admin1, "admin2": p.admin2, "resolved_by": p.reason or None}
        ents.append(rec)
    evs = []
    for v in x.events:
        t = v.time
        evs.append({
            "id": v.id, "type": v.type, "trigger": v.trigger.as_dict(),
            "agents": list(v.agents), "targets": list(v.targets), "location": v.location,
            "date": t.value if t else None, "fatalities": v.fatalities,
            "reported_by": list(v.reported_by),
            "sentence": {"start": v.sentence.start, "end": v.sentence.end},
            "date_precision": t.precision if t else None, "date_basis": t.basis if t else None,
            "date_end": t.end if t else None, "injured": v.injured, "aggregate": v.aggregate,
            "target_groups": list(v.target_groups), "partial": list(v.partial),
        })
    return {"doc": d.doc, "path": d.path, "published": d.published, "entities": ents, "events": evs}


def dumps(x: Extraction) -> str:
    return json.dumps(to_record(x), ensure_ascii=False, sort_keys=False)

"""A cheap relevance gate: is a document about armed conflict at all?

Reads the names already found (knowledge-base actors) and the lexicon; writes one boolean.
Off-topic documents (sport, economy, society) skip the costly stages (the name tagger, the
incident stage), which keeps a year of mixed news fast and free of false incidents.
"""
from __future__ import annotations

from .lexicon import Lexicon
from .text import Analysed

ARMED = ("ArmedGroup", "MilitaryForce")
# incident types whose non-weak triggers are rarely used outside conflict news
STRONG_TYPES = {"airstrike", "bombing", "shelling", "ambush", "execution", "assassination",
                "abduction", "armed_clash"}


def conflict_signals(lex: Lexicon, an: Analysed, found) -> dict[str, int]:
    """Counts of the evidence that a document is about armed conflict; the scan of the text
    stops as soon as the evidence suffices (see ``is_relevant``)."""
    armed = sum(1 for f in found if f.type in ARMED)
    victims = sum(1 for f in found if f.type == "Group")
    weapons = strong = killing = 0
    wix = lex.phrases["weapons"]
    for s in an.sentences:
        if is_relevant({"armed_actors": armed, "victims": victims, "weapons": weapons,
                        "strong_triggers": strong, "killing_triggers": killing}):
            break
        toks = list(s.words)
        for i in range(len(toks)):
            if wix.match(toks, i):
                weapons += 1
            m = lex.triggers.match(toks, i)
            if m and not m[0][2].weak and not m[0][2].toll:
                if m[0][2].type in STRONG_TYPES:
                    strong += 1
                elif m[0][2].type == "killing":
                    killing += 1
    return {"armed_actors": armed, "victims": victims, "weapons": weapons,
            "strong_triggers": strong, "killing_triggers": killing}


def is_relevant(sig: dict[str, int]) -> bool:
    """Conflict news names armed actors repeatedly, or carries two kinds of evidence (armed
    actors, weapons, attack words, killing words, victims). One kind alone is not enough: a
    novel called "To Kill a Mockingbird", a feature on the atomic bomb."""
    return sig["armed_actors"] >= 2 or sum(1 for v in sig.values() if v) >= 2

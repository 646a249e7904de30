"""Athar (أثر): Arabic conflict news → a knowledge graph of actors, places and incidents."""
__version__ = "0.1.0"

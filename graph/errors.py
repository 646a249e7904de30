"""Athar's exceptions: each says what was wrong and where."""
from __future__ import annotations

from pathlib import Path


class AtharError(Exception):
    """Base class of every error Athar reports to users."""


class InputError(AtharError):
    """An input file or folder that cannot be read as documents."""

    def __init__(self, path: str | Path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class DataFileError(AtharError):
    """A knowledge file (KB, gazetteer, lexicon, model) that is missing or invalid."""

    def __init__(self, path: str | Path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")

"""Errors with stable codes, so users can search for them and filter them.

>>> str(DocumentError("raw/a.txt", "E101", "is empty"))
'[E101] raw/a.txt: is empty'
"""

from __future__ import annotations

from pathlib import Path


class AllianceCorpusError(Exception):
    """Base class of every error this package raises on purpose."""

    code = "E000"


class DocumentError(AllianceCorpusError):
    """A raw document cannot be annotated; the rest of the corpus goes on.

    Codes: E101 empty, E102 binary, E103 not UTF-8, E104 unreadable,
    E105 bad sidecar, E106 id clash, E199 failure while annotating.
    """

    def __init__(self, path: str | Path, code: str, problem: str):
        self.path = str(path)
        self.code = code
        self.problem = problem
        super().__init__(f"[{code}] {self.path}: {problem}")


class ResourceError(AllianceCorpusError):
    """A rule or gazetteer file is malformed (E201)."""

    code = "E201"

    def __init__(self, path: str | Path, line: int | None, problem: str):
        self.path = str(path)
        self.line = line
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"[{self.code}] {where}: {problem}")


class ModelNotFoundError(AllianceCorpusError):
    """The configured spaCy model is not installed (E301)."""

    code = "E301"

    def __init__(self, name: str):
        self.name = name
        super().__init__(
            f"[{self.code}] spaCy model {name!r} is not installed. "
            "Install the default model with `pip install --require-hashes -r requirements.lock` "
            "(or `make setup`), or install your own model package and select it with "
            "`--model NAME` or the ALLIANCE_CORPUS_MODEL environment variable."
        )

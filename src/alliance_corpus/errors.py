"""Errors with stable codes, in one table, so users can search for them and filter them.

Every error this package raises on purpose has a code in :data:`ERRORS`,
with the exit status the command line gives it and the template of its
message.  Raise sites name a code and fill in the template; they never
write a code or a status themselves.

>>> str(DocumentError("raw/a.txt", "E101"))
'[E101] raw/a.txt: is empty'
>>> ERRORS["E301"].exit_status
2
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

EXIT_OK = 0
EXIT_DOCUMENTS_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class ErrorKind(NamedTuple):
    """One row of the error table: what the code means, what the command exits with, the message."""

    title: str
    exit_status: int
    template: str


ERRORS: dict[str, ErrorKind] = {
    # Documents.  `annotate` reports them, goes on with the other documents and
    # exits EXIT_DOCUMENTS_FAILED; a command about one file (`clean FILE`) stops with EXIT_USAGE.
    "E101": ErrorKind("empty document", EXIT_USAGE, "is empty"),
    "E102": ErrorKind("binary document", EXIT_USAGE, "looks binary (it contains NUL bytes); raw documents must be plain text"),
    "E103": ErrorKind("not UTF-8", EXIT_USAGE, "is not valid UTF-8 (byte 0x{byte} at offset {offset}); convert it to UTF-8"),
    "E104": ErrorKind("unreadable document", EXIT_USAGE, "cannot be read ({reason})"),
    "E105": ErrorKind("bad sidecar", EXIT_USAGE, "{problem}"),
    "E106": ErrorKind("id clash", EXIT_USAGE, "its id {doc_id!r} is already used by {other}"),
    "E199": ErrorKind("annotation failed", EXIT_USAGE, "annotation failed: {reason}"),
    # Resources: a malformed rule, gazetteer or lexicon file stops the run; exit 2.
    "E201": ErrorKind("malformed resource file", EXIT_USAGE, "{problem}"),
    # The model: exit 2.
    "E301": ErrorKind(
        "model not installed",
        EXIT_USAGE,
        "spaCy model {name!r} is not installed. "
        "Install the default model with `pip install --require-hashes -r requirements.lock` "
        "(or `make setup`), or install your own model package and select it with "
        "`--model NAME` or the ALLIANCE_CORPUS_MODEL environment variable.",
    ),
}
"""Every error code: its title, the exit status of a command it stops, and its message template."""


def message(code: str, **fields: object) -> str:
    """The message of ``code`` with its fields filled in.

    >>> message("E103", byte="ff", offset=3)
    'is not valid UTF-8 (byte 0xff at offset 3); convert it to UTF-8'
    """
    return ERRORS[code].template.format(**fields)


class AllianceCorpusError(Exception):
    """Base class of every error this package raises on purpose.

    A bare ``AllianceCorpusError("...")`` is a usage error (exit status 2)
    with no code, such as a folder that does not exist.
    """

    code = ""
    exit_status = EXIT_USAGE


class DocumentError(AllianceCorpusError):
    """A raw document cannot be annotated; the rest of the corpus goes on (codes E1xx).

    ``fields`` fill the code's template; ``problem`` is the text of templates
    that are only ``{problem}``, and may be given positionally.
    """

    def __init__(self, path: str | Path, code: str, problem: str | None = None, **fields: object):
        self.path = str(path)
        self.code = code
        self.exit_status = ERRORS[code].exit_status
        self.problem = message(code, **fields) if problem is None else problem
        super().__init__(f"[{code}] {self.path}: {self.problem}")


class ResourceError(AllianceCorpusError):
    """A rule, gazetteer or lexicon file is malformed (E201); ``line`` is 1-based, or ``None``."""

    code = "E201"
    exit_status = ERRORS["E201"].exit_status

    def __init__(self, path: str | Path, line: int | None, problem: str):
        self.path = str(path)
        self.line = line
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"[{self.code}] {where}: {message(self.code, problem=problem)}")


class ModelNotFoundError(AllianceCorpusError):
    """The configured spaCy model is not installed (E301)."""

    code = "E301"
    exit_status = ERRORS["E301"].exit_status

    def __init__(self, name: str):
        self.name = name
        super().__init__(f"[{self.code}] {message(self.code, name=name)}")

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
from typing import Any, NamedTuple

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
    "E106": ErrorKind("id clash", EXIT_USAGE, "its id {doc_id!r} is already used by {other}"),  # not raised since 0.3: clashing ids get a hash
    "E107": ErrorKind(
        "link leaves the raw folder",
        EXIT_USAGE,
        "is a symbolic link to {target}, outside the raw folder; it is not read (allow it with --follow-symlinks)",
    ),
    "E108": ErrorKind("not a regular file", EXIT_USAGE, "is {kind}, not a regular file; it is not read"),
    "E109": ErrorKind("wrong encoding", EXIT_USAGE, "cannot be read as {encoding} (byte 0x{byte} at offset {offset})"),
    "E110": ErrorKind("bad example pair", EXIT_USAGE, "{problem}"),
    "E198": ErrorKind("no record came back", EXIT_USAGE, "the engine returned neither its record nor an error; run again to annotate it"),
    "E199": ErrorKind("annotation failed", EXIT_USAGE, "annotation failed: {reason}"),
    # Resources: a malformed rule, gazetteer or lexicon file stops the run; exit 2.
    "E201": ErrorKind("malformed resource file", EXIT_USAGE, "{problem}"),
    "E202": ErrorKind(
        "runaway rule",
        EXIT_USAGE,
        "rule {rule!r} ran for more than {seconds:g} s on one text and was stopped; "
        "simplify its pattern (no repeats inside repeats, no overlapping alternatives under a repeat)",
    ),
    # Writing: the output folder refuses a record (a full disk, no permission); the run stops, keeping what it wrote; exit 1.
    "E401": ErrorKind(
        "cannot write",
        EXIT_DOCUMENTS_FAILED,
        "cannot write {path}: {reason}; the run stopped with {saved} documents saved{index}: make room (or fix the folder) and run again to resume",
    ),
    # Annotated corpora: a record that cannot be read; the rest of the corpus stays readable.
    "E501": ErrorKind("unreadable record", EXIT_USAGE, "is not a readable record: {problem}"),
    # The model: exit 2.
    "E301": ErrorKind(
        "model not installed",
        EXIT_USAGE,
        "spaCy model {name!r} is not installed. "
        "Install the default model with `pip install --require-hashes -r requirements.lock` "
        "(or `make setup`), or install your own model package and select it with "
        "`--model NAME` or the ALLIANCE_CORPUS_MODEL environment variable.",
    ),
    "E302": ErrorKind("model cannot be loaded", EXIT_USAGE, "spaCy model {name!r} cannot be loaded: {problem}"),
}
"""Every error code: its title, the exit status of a command it stops, and its message template."""


WARNINGS: dict[str, str] = {
    "W101": "{path}: the index cannot be used ({problem}); it was rebuilt from the record files",
    "W102": "{path}: skipped: {problem}",
    "W103": "{count} documents are not in English ({languages}): they were not restored word by word or tagged",
    "W104": "{path}: not read: only {suffixes} files are raw documents",
    "W106": "correction {id} ({action}) of {doc_id!r} no longer fits its text (the raw file, a rule or a rejected edit changed it): it was not applied and stays in corrections.jsonl",
    "W108": "{path}: {field} {value!r} is not a date in ISO 8601 form (2021-04-16, 2021-04 or 2021); the filters by date and mentions over time leave the document out",
    "W107": "correction {id} names {doc_id!r}, which is not in the corpus: it stays in corrections.jsonl",
    "W109": "{path}: is the sidecar of no document (there is no {stem}.txt, .html, .htm or .md beside it); it is not read",
    "W110": "{path}: holds no words once its markup and page furniture are removed; its record is empty",
    "W111": "{path}: is a linked folder; its files are not read (a link may lead outside the raw folder): copy the folder in, or link its files one by one (and allow links with --follow-symlinks)",
    "W105": "{path}: is not UTF-8 and declares no encoding; read as {encoding} (detected). If that is wrong, give its encoding with --encoding or an \"encoding\" field in its sidecar",
}
"""Warnings with codes: something was wrong, and the package did the safe thing instead of stopping."""


def warning(code: str, **fields: object) -> str:
    """The text of warning ``code``, with its code in front.

    >>> warning("W102", path="annotated/a.json", problem="duplicate key 'id'")
    "[W102] annotated/a.json: skipped: duplicate key 'id'"
    """
    return f"[{code}] " + WARNINGS[code].format(**fields)


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

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its message and attributes, so that an error raised in a worker process reaches the parent whole.

        (``Exception`` pickles only ``args``, which the subclasses' constructors do not take.)
        """
        return (_rebuild, (type(self), self.args, dict(self.__dict__)))


def _rebuild(cls: type[AllianceCorpusError], args: tuple[Any, ...], state: dict[str, Any]) -> AllianceCorpusError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


class DocumentError(AllianceCorpusError):
    """A raw document cannot be annotated; the rest of the corpus goes on (codes E1xx).

    ``fields`` fill the code's template; ``problem`` is the text of templates
    that are only ``{problem}``, and may be given positionally.  ``path`` is
    the file at fault; ``document`` the raw document that cannot be annotated
    because of it (a sidecar's or an original's problem stops its document),
    by default the same file.
    """

    def __init__(self, path: str | Path, code: str, problem: str | None = None, *, document: str | Path | None = None, **fields: object):
        self.path = str(path)
        self.document = str(path if document is None else document)
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


class RuleTimeout(ResourceError):
    """A researcher's rule ran past its time limit on one text (E202); the run stops."""

    code = "E202"

    def __init__(self, path: str | Path, line: int, rule: str, seconds: float):
        AllianceCorpusError.__init__(self, f"[{self.code}] {path}:{line}: {message(self.code, rule=rule, seconds=seconds)}")
        self.path, self.line, self.rule = str(path), line, rule


class RecordError(AllianceCorpusError, ValueError):
    """An annotated record cannot be read (E501): not JSON, a duplicate key, or an invalid record.

    Also a ``ValueError``, as reading errors were before 0.3.
    """

    code = "E501"
    exit_status = ERRORS["E501"].exit_status

    def __init__(self, path: str | Path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"[{self.code}] {self.path}: {message(self.code, problem=problem)}")


class CorpusWarning(UserWarning):
    """Issued, with a code, when reading a corpus skips or repairs something (see :data:`WARNINGS`)."""


class Interrupted(AllianceCorpusError):
    """The user interrupted a run; what was finished is saved (exit status 130)."""

    exit_status = EXIT_INTERRUPTED

    def __init__(self, saved: int):
        self.saved = saved
        super().__init__(f"interrupted: {saved} documents saved; run again to resume")


class CannotWrite(AllianceCorpusError):
    """The output folder refused a write (E401): the documents written before it are kept, and the index says so."""

    code = "E401"
    exit_status = ERRORS["E401"].exit_status

    def __init__(self, path: str | Path, reason: str, saved: int, *, indexed: bool = True):
        self.path, self.saved = str(path), saved
        index = " and the index up to date" if indexed else " (the index could not be written either: the next run annotates them again)"
        super().__init__(f"[{self.code}] {message(self.code, path=self.path, reason=reason, saved=saved, index=index)}")


class ModelUnloadable(AllianceCorpusError):
    """The configured spaCy model is there but cannot be loaded (E302): a broken folder or package stops the run once."""

    code = "E302"
    exit_status = ERRORS["E302"].exit_status

    def __init__(self, name: str, problem: str):
        self.name, self.problem = name, problem
        super().__init__(f"[{self.code}] {message(self.code, name=name, problem=problem)}")


class ModelNotFoundError(AllianceCorpusError):
    """The configured spaCy model is not installed (E301)."""

    code = "E301"
    exit_status = ERRORS["E301"].exit_status

    def __init__(self, name: str):
        self.name = name
        super().__init__(f"[{self.code}] {message(self.code, name=name)}")


def require_text(value: object, name: str = "text") -> str:
    """``value`` when it is a ``str``; else a ``TypeError`` that says what was given (and, for bytes, what to do).

    >>> require_text("Okinawa")
    'Okinawa'
    >>> require_text(b"Okinawa")
    Traceback (most recent call last):
    TypeError: text must be a str, not bytes; decode it first, e.g. data.decode("utf-8")
    """
    if isinstance(value, str):
        return value
    hint = '; decode it first, e.g. data.decode("utf-8")' if isinstance(value, (bytes, bytearray)) else ""
    raise TypeError(f"{name} must be a str, not {type(value).__name__}{hint}")

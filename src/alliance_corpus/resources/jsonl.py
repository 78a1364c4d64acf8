"""Reading the JSON Lines data files that researchers edit (rules, gazetteers, lexicons).

Blank lines and lines starting with ``//`` are skipped; every other line is
one JSON object, validated by a Pydantic model.  A problem is reported with
the file and the line, so it can be fixed without reading any code.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import orjson
from pydantic import BaseModel, ValidationError

from ..errors import ResourceError

Model = TypeVar("Model", bound=BaseModel)


def read_jsonl(path: Path, model: type[Model]) -> list[tuple[int, Model]]:
    """Parse and validate every record of ``path`` as ``(line number, record)``; the first bad line raises."""
    return [(number, _parsed(path, number, line, model)) for number, line in _lines(path)]


def line_problems(path: Path, model: type[BaseModel]) -> list[ResourceError]:
    """Every line of ``path`` that is not valid JSON or not a valid ``model``, each as its own error.

    :func:`read_jsonl` stops at the first bad line; ``check`` lists them all,
    so a researcher fixes a file in one go.

    >>> import tempfile
    >>> from alliance_corpus.resources.lexicons import LexiconEntry
    >>> path = Path(tempfile.mkdtemp()) / "mine.jsonl"
    >>> _ = path.write_text('{"id": 1}\\n\\nnot json\\n', encoding="utf-8")
    >>> [error.line for error in line_problems(path, LexiconEntry)]
    [1, 3]
    """
    try:
        lines = list(_lines(path))
    except ResourceError as error:
        return [error]
    problems = []
    for number, line in lines:
        try:
            _parsed(path, number, line, model)
        except ResourceError as error:
            problems.append(error)
    return problems


def _parsed(path: Path, number: int, line: str, model: type[Model]) -> Model:
    try:
        return model.model_validate(orjson.loads(line))
    except orjson.JSONDecodeError as exc:
        raise ResourceError(path, number, f"not valid JSON ({exc})") from None
    except ValidationError as exc:
        raise ResourceError(path, number, _first_problem(exc)) from None


def read_regular(path: Path) -> bytes:
    """The bytes of ``path``, or ``OSError`` when it is no regular file: a named pipe must not block the run waiting for a writer.

    >>> import os, tempfile
    >>> pipe = Path(tempfile.mkdtemp()) / "index.json"
    >>> os.mkfifo(pipe)
    >>> read_regular(pipe)
    Traceback (most recent call last):
    IsADirectoryError: [Errno 21] not a regular file: ...index.json...
    """
    import errno
    import os
    import stat

    handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(handle, "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            raise IsADirectoryError(errno.EISDIR, "not a regular file", str(path))
        return stream.read()


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    try:
        text = read_regular(path).decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ResourceError(path, None, f"cannot be read ({exc})") from None
    for number, line in enumerate(text.split("\n"), start=1):  # not splitlines(): a value may hold U+2028 or U+0085, which JSON allows
        stripped = line.strip()
        if stripped and not stripped.startswith("//"):
            yield number, stripped


def _first_problem(exc: ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"])
    message = error["msg"].removeprefix("Value error, ")
    return f"{where}: {message}" if where else message

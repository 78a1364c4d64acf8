"""Word lists the code interprets: lexicon files, one entry per line, each with an id, evidence and a note.

A lexicon file is JSON Lines (``data/lexicons/*.jsonl``); every entry belongs
to a named ``list`` and holds one ``value``::

    {"id": "head.law.treaty", "list": "label-heads", "value": "Treaty", "label": "LAW",
     "evidence": "OntoNotes 5 guidelines: treaties are LAW",
     "note": "'... Treaty' names a treaty, whatever label the model gave it"}

The code asks for a list by name (:func:`words`, :func:`labelled`) and never
spells the words itself, so extending a list is a data change.

>>> "of" in words("name-function-words")
True
>>> labelled("label-heads")["Treaty"]
'LAW'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType

from pydantic import BaseModel, ConfigDict, Field

from ..errors import ResourceError
from ..records import EntityLabel
from .jsonl import read_jsonl
from .locate import DATA
from .patterns import nested_repeat

ENTRY_ID = r"^[a-z0-9][a-z0-9._-]*$"
LIST_NAME = r"^[a-z][a-z0-9-]*$"


class LexiconEntry(BaseModel):
    """One word (or pattern, or set of letters) of a named list."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=ENTRY_ID, description="Unique id of the entry.")
    list: str = Field(pattern=LIST_NAME, description="The list the entry belongs to.")
    value: str = Field(min_length=1, description="The word, phrase, pattern or letters.")
    label: EntityLabel | None = Field(default=None, description="Entity label, for lists that map words to labels.")
    weight: float | None = Field(default=None, gt=0.0, le=2.0, description="Evidence weight, for the detection lists (``*-tells``, ``signal-weights``).")
    evidence: str = Field(min_length=1, description="Where the behaviour the entry encodes was observed.")
    note: str = Field(min_length=1, description="Why the entry is right.")


@dataclass(frozen=True)
class Lexicon:
    """Lexicon entries grouped by list, in file order."""

    lists: dict[str, tuple[LexiconEntry, ...]]

    def words(self, name: str) -> tuple[str, ...]:
        """The values of list ``name``, in file order."""
        return tuple(entry.value for entry in self._list(name))

    def labelled(self, name: str) -> dict[str, str]:
        """Value -> label for a list whose entries carry labels."""
        return {entry.value: entry.label for entry in self._list(name) if entry.label}

    def weighted(self, name: str) -> dict[str, float]:
        """Value -> weight for a list whose entries carry weights (the detection lists)."""
        return {entry.value: entry.weight for entry in self._list(name) if entry.weight is not None}

    def entries(self, name: str) -> tuple[LexiconEntry, ...]:
        """The entries of list ``name``, in file order (an empty tuple for an unknown list)."""
        return self.lists.get(name, ())

    def _list(self, name: str) -> tuple[LexiconEntry, ...]:
        if name not in self.lists:
            raise KeyError(f"no lexicon list {name!r}; known lists: {sorted(self.lists)}")
        return self.lists[name]


def load_lexicon(paths: Iterable[Path]) -> Lexicon:
    """Read lexicon files; two entries may not share an id."""
    seen: dict[str, Path] = {}
    lists: dict[str, list[LexiconEntry]] = {}
    for path in paths:
        for number, entry in read_jsonl(path, LexiconEntry):
            if entry.id in seen:
                raise ResourceError(path, number, f"id {entry.id!r} is already used in {seen[entry.id].name}")
            seen[entry.id] = path
            problem = _pattern_problem(entry)
            if problem:
                raise ResourceError(path, number, problem)
            lists.setdefault(entry.list, []).append(entry)
    return Lexicon({name: tuple(entries) for name, entries in lists.items()})


def _pattern_problem(entry: LexiconEntry) -> str | None:
    """What is wrong with a detection tell (a ``*-tells`` entry), or ``None``: a valid regex with a weight."""
    if not entry.list.endswith("-tells"):
        return None
    if entry.weight is None:
        return f"tell {entry.id!r} needs a weight"
    try:
        re.compile(entry.value)
    except re.error as error:
        return f"tell {entry.id!r} is not a valid regular expression: {error}"
    risk = nested_repeat(entry.value)
    return f"tell {entry.id!r} has {risk}, which can backtrack for hours on a near-match; bound the inner repeat" if risk else None


def lexicon_files() -> tuple[Path, ...]:
    """The bundled lexicon files, in name order."""
    return tuple(sorted((DATA / "lexicons").glob("*.jsonl")))


@lru_cache(maxsize=1)
def bundled_lexicon() -> Lexicon:
    """The bundled lexicons, read once per process."""
    return load_lexicon(lexicon_files())


def words(name: str) -> tuple[str, ...]:
    """The values of a bundled list."""
    return bundled_lexicon().words(name)


@cache
def word_set(name: str) -> frozenset[str]:
    """The values of a bundled list as a set, built once per process: for membership tests on a hot path.

    >>> "Governor" in word_set("job-titles")
    True
    """
    return frozenset(words(name))


def alternatives(name: str) -> str:
    """The values of a bundled list as a regular-expression alternation, escaped, the longest first.

    Longest first, so that "Consulate General" is tried before "Consulate".

    >>> alternatives("organisation-heads-place-after")
    'Consulate\\\\ General|Consulate|Embassy'
    """
    return "|".join(map(re.escape, sorted(words(name), key=len, reverse=True)))


@cache
def labelled(name: str) -> Mapping[str, str]:
    """Value -> label of a bundled list, built once per process (read-only: every caller shares it).

    >>> labelled("label-heads")["Treaty"]
    'LAW'
    """
    return MappingProxyType(bundled_lexicon().labelled(name))

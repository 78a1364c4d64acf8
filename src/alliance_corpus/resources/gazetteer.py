"""The alliance gazetteer: entities with canonical names, Wikidata ids and aliases.

Files are JSON Lines in a superset of spaCy's EntityRuler pattern format, one
entity per line::

    {"id": "Q244631", "label": "PERSON", "pattern": "Leon Panetta",
     "aliases": ["Leon E. Panetta"], "short": ["Panetta"], "ignore_case": false,
     "note": "U.S. Secretary of Defense 2011-2013"}

``id`` is the entity's Wikidata id; an entity whose Wikidata id has not
been verified carries a local id (``ac:yoshida-doctrine``) instead, so that it
is still linked consistently and can be mapped later.  ``pattern`` is the
canonical name (or a spaCy token pattern, with
``canonical`` then required); ``aliases`` are other full names; ``short``
holds surnames, which are linked only through a full mention in the same
document (see :mod:`alliance_corpus.entities.surnames`); ``ignore_case`` makes the
names match in any case, for names the spinner mis-cases ("north Korea");
``bare`` holds a base's name when it is also a town's ("Kadena" for Kadena
Air Base), which names the base only where the words around it say so (see
:mod:`alliance_corpus.entities.bases`).
A later file's entry may reuse an earlier entry's ``id`` only with
``"override": true``, and then replaces it; otherwise the file is refused,
so a researcher's file cannot silently redefine a bundled entity.

When a local id gives way to a verified Wikidata id, the entry keeps the
local one in ``former_ids`` (and says in ``evidence`` where the Wikidata id
was verified): records annotated before still resolve, since a former id
names the same entity (:meth:`Gazetteer.same_entity`), and counts as the
entry's id when a later file reuses it.

>>> from alliance_corpus.resources import Resources
>>> gaz = Resources.bundled().gazetteer
>>> gaz.lookup("Okinawa").label
'GPE'
>>> gaz.lookup("Les Aspin").id, sorted(gaz.same_entity("ac:les-aspin"))
('Q1820456', ['Q1820456', 'ac:les-aspin'])
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, cast

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from ..errors import ResourceError
from ..records import EntityLabel
from ..text.phrases import PhraseSearch
from .jsonl import read_jsonl

NAME_HYPHEN = re.compile(r"(?<=[A-Za-z.])-(?=[A-Z])")
"""A hyphen between two names ("U.S.-Japan"), which pages also write as an en dash."""
KB_ID = r"^(?:Q[0-9]+|ac:[a-z0-9][a-z0-9-]*)$"
"""A Wikidata id, or a local ``ac:`` id for an entity whose Wikidata id is not yet verified."""


class GazetteerEntry(BaseModel):
    """One entity of the gazetteer."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=KB_ID, description="Wikidata id (Q...), or a local id (ac:...) until one is verified.")
    label: EntityLabel
    pattern: str | list[dict[Any, Any]]  # keys not narrowed to str: Pydantic would then validate them
    canonical: str | None = None
    aliases: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    bare: tuple[str, ...] = Field(
        default=(), description="Names of one place the entity shares with a town ('Kadena'): the entity only where the words around say so."
    )
    linked_only: tuple[str, ...] = Field(
        default=(),
        description="Names that link a mention the model found, as written, but that the ruler never searches for: in some case they are ordinary words ('US' is 'us' in a heading in capitals).",
    )
    ignore_case: bool = False
    note: str = ""
    override: bool = False
    former_ids: tuple[Annotated[str, StringConstraints(pattern=KB_ID)], ...] = Field(
        default=(), description="Local ids the entry had before its Wikidata id was verified; records that carry them still resolve."
    )
    evidence: str = Field(default="", description="Where the entry's Wikidata id was verified (a public data file and its version).")

    @field_validator("id", mode="before")
    @classmethod
    def _known_id_form(cls, value: Any) -> Any:
        """Says what an id looks like before the pattern's own terse message would."""
        if isinstance(value, str) and not re.fullmatch(KB_ID, value):
            raise ValueError(f"{value!r} is neither a Wikidata id ('Q17') nor a local id ('ac:' and lower-case letters, digits and hyphens: 'ac:camp-david')")
        return value

    @model_validator(mode="after")
    def _named(self) -> GazetteerEntry:
        if isinstance(self.pattern, list) and not self.canonical:
            raise ValueError("an entry with a token pattern needs a 'canonical' name")
        if isinstance(self.pattern, str) and not self.pattern.strip():
            raise ValueError("pattern is empty")
        return self

    @property
    def name(self) -> str:
        """The canonical name."""
        return self.canonical or cast(str, self.pattern)  # `_named` requires a canonical name for a token pattern

    @cached_property
    def names(self) -> tuple[str, ...]:
        """Every full surface form: the canonical name, the aliases, and their typographic variants.

        The variants have a curly apostrophe for a straight one, and an en dash
        for a hyphen between names ("Japan–U.S. Security Consultative Committee"),
        as edited pages write them.
        """
        first = (self.pattern,) if isinstance(self.pattern, str) else ()
        written = first + ((self.canonical,) if self.canonical else ()) + self.aliases
        curly = tuple(name.replace("'", "’") for name in written if "'" in name)
        dashed = tuple(NAME_HYPHEN.sub("–", name) for name in written + curly if NAME_HYPHEN.search(name))
        return tuple(dict.fromkeys(written + curly + dashed))


@dataclass(frozen=True)
class Gazetteer:
    """Entries indexed by id, by full name and by surname."""

    entries: tuple[GazetteerEntry, ...]
    by_id: dict[str, GazetteerEntry] = field(repr=False)
    by_name: dict[str, str] = field(repr=False)
    by_lower: dict[str, str] = field(repr=False)
    by_short: dict[str, tuple[str, ...]] = field(repr=False)
    current_ids: dict[str, str] = field(default_factory=dict, repr=False)
    """Former id -> the entry's id now."""
    by_bare: dict[str, str] = field(default_factory=dict, repr=False)
    """A ``bare`` name -> the id of the entry (a base) it may name."""
    by_linked_only: dict[str, str] = field(default_factory=dict, repr=False)
    """A ``linked_only`` name -> the id of its entry: used to link a mention the model found, and for nothing else."""

    def same_entity(self, kb_id: str) -> frozenset[str]:
        """Every id that names the entity ``kb_id`` names: its id now and its former ids (just ``kb_id`` when unknown)."""
        entry = self.by_id.get(self.current_ids.get(kb_id, kb_id))
        return frozenset((entry.id, *entry.former_ids)) if entry else frozenset((kb_id,))

    def lookup(self, name: str) -> GazetteerEntry | None:
        """The entry a full name denotes, or ``None``.

        A name with its accents written as separate marks (Unicode NFD, as
        some Mac software writes "Ōta") is looked up composed, as the
        gazetteer writes it; the text itself is left as it is.

        >>> from alliance_corpus.resources import Resources
        >>> Resources.bundled().gazetteer.lookup("O\\u0304ta Masahide").id
        'ac:masahide-ota'
        """
        key = " ".join(name.split())
        if not unicodedata.is_normalized("NFC", key):
            key = unicodedata.normalize("NFC", key)
        kb_id = self.by_name.get(key) or self.by_lower.get(key.lower())
        return self.by_id.get(kb_id) if kb_id else None

    def link(self, name: str) -> GazetteerEntry | None:
        """The entry a mention the model found with this text links to: a full name, or a ``linked_only`` one ("US").

        >>> from alliance_corpus.resources import Resources
        >>> gazetteer = Resources.bundled().gazetteer
        >>> gazetteer.link("US").id, gazetteer.lookup("US") is None
        ('Q30', True)
        """
        entry = self.lookup(name)
        if entry is None and name in self.by_linked_only:
            entry = self.by_id.get(self.by_linked_only[name])
        return entry

    @property
    def unique_surnames(self) -> tuple[str, ...]:
        """The surnames (``short`` names) only one person has, sorted."""
        return tuple(sorted(name for name, ids in self.by_short.items() if len(ids) == 1))

    def with_surname(self, surname: str) -> tuple[GazetteerEntry, ...]:
        """Every person whose ``short`` names include ``surname``."""
        return tuple(self.by_id[i] for i in self.by_short.get(surname, ()))

    def ruler_patterns(self) -> list[dict[str, Any]]:
        """Phrase and token patterns for spaCy's EntityRuler; ``id`` carries the Wikidata id."""
        patterns: list[dict[str, Any]] = []
        for entry in self.entries:
            if isinstance(entry.pattern, list):
                patterns.append({"label": entry.label, "pattern": entry.pattern, "id": entry.id})
            for name in entry.names:
                patterns.append({"label": entry.label, "pattern": name, "id": entry.id})
        return patterns

    def all_names(self) -> tuple[str, ...]:
        """Every full name of every entry."""
        return self._all_names

    @cached_property
    def _all_names(self) -> tuple[str, ...]:
        return tuple(name for entry in self.entries for name in entry.names)

    @cached_property
    def name_set(self) -> frozenset[str]:
        """Every full name of every entry, for membership tests."""
        return frozenset(self._all_names)

    def single_word_names(self) -> frozenset[str]:
        """Every name and short name of one word ("Clinton", "Atsugi")."""
        return frozenset(n for e in self.entries for n in (*e.names, *e.short) if len(n.split()) == 1)

    def case_insensitive_names(self) -> dict[str, str]:
        """Lower-cased name -> canonical spelling, for entries with ``ignore_case``."""
        return {" ".join(n.lower().split()): n for e in self.entries if e.ignore_case for n in e.names}

    def recasable_names(self) -> dict[str, str]:
        """Lower-cased name -> spelling, for the names whose case a spun text may have damaged.

        Those are the ``ignore_case`` names and every name of several words
        ("camp David" -> "Camp David"); a single word in lower case is often
        an ordinary word ("diet", "marine"), and so is a name with a comma in
        it a list ("U.S. forces, Japan and Korea").  A name the gazetteer
        spells in two cases ("Korean Peninsula", "Korean peninsula") has no one
        right case, so neither spelling is imposed.
        """
        spellings: dict[str, set[str]] = {}
        for name in (n for e in self.entries for n in e.names if len(n.split()) > 1 and "," not in n):
            spellings.setdefault(" ".join(name.lower().split()), set()).add(name)
        several_words = {key: next(iter(found)) for key, found in spellings.items() if len(found) == 1}
        return {**several_words, **self.case_insensitive_names()}

    def proper_name_search(self, names: dict[str, str] | None = None) -> PhraseSearch | None:
        """A case-insensitive search for ``names`` (by default :meth:`case_insensitive_names`)."""
        spellings = (names if names is not None else self.case_insensitive_names()).values()
        return PhraseSearch(spellings) if spellings else None


def read_gazetteer(path: Path) -> list[tuple[int, GazetteerEntry]]:
    """Read one gazetteer file as ``(line number, entry)``, raising :class:`ResourceError` on a bad line."""
    return read_jsonl(path, GazetteerEntry)


def load_gazetteer(paths: Iterable[Path]) -> Gazetteer:
    """Read and index gazetteer files; two entities may not share a full name."""
    located: dict[str, tuple[Path, int, GazetteerEntry]] = {}
    current: dict[str, str] = {}  # former id -> id now
    for path in paths:
        for number, entry in read_gazetteer(path):
            replaced = current.get(entry.id, entry.id)  # a former id still names its entry
            if replaced in located:
                if not entry.override:
                    earlier = located[replaced][0].name
                    raise ResourceError(path, number, f"id {entry.id!r} is already an entry of {earlier}; add \"override\": true to replace it")
                current = {old: now for old, now in current.items() if now != replaced}
                if replaced != entry.id:
                    del located[replaced]  # replaced under its former id; an entry replaced under its own id keeps its place
            for former in entry.former_ids:
                if former in located or former in current:
                    raise ResourceError(path, number, f"former id {former!r} already names {current.get(former, former)}")
            located[entry.id] = (path, number, entry)
            current.update({former: entry.id for former in entry.former_ids})
    by_name: dict[str, str] = {}
    by_lower: dict[str, str] = {}
    by_short: dict[str, list[str]] = {}
    by_bare: dict[str, str] = {}
    by_linked_only: dict[str, str] = {}
    for path, number, entry in located.values():
        for name in entry.names:
            key = " ".join(name.split())
            owner = by_name.setdefault(key, entry.id)
            if owner != entry.id:
                raise ResourceError(path, number, f"name {name!r} already belongs to {owner}")
            if entry.ignore_case:
                by_lower.setdefault(key.lower(), entry.id)
        for name in entry.linked_only:
            owner = by_name.get(name) or by_linked_only.setdefault(name, entry.id)
            if owner != entry.id:
                raise ResourceError(path, number, f"name {name!r} already belongs to {owner}")
        for surname in entry.short:
            by_short.setdefault(surname, []).append(entry.id)
        for name in entry.bare:
            owner = by_bare.setdefault(name, entry.id)
            if owner != entry.id:
                raise ResourceError(path, number, f"bare name {name!r} already belongs to {owner}")
    entries = tuple(entry for _, _, entry in located.values())
    return Gazetteer(
        entries=entries,
        by_id={e.id: e for e in entries},
        by_name=by_name,
        by_lower=by_lower,
        by_short={k: tuple(v) for k, v in by_short.items()},
        current_ids=current,
        by_bare=by_bare,
        by_linked_only=by_linked_only,
    )

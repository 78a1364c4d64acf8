"""The Pydantic models of the records, and the invariants they check when built.

Every record is a frozen Pydantic model that rejects unknown fields and checks
its invariants when it is built, so an inconsistent record cannot exist: each
span's text equals the slice it points at, edits are ordered and disjoint, and
undoing the edits gives back the raw text exactly.

Offsets are Python ``str`` indices (Unicode code points), end-exclusive, the
unit spaCy's ``start_char``/``end_char`` use.

>>> e = Edit(raw_start=0, raw_end=1, clean_start=0, clean_end=4,
...          before="v", after="with", rule="spin.with", kind="spin")
>>> e.after
'with'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, TypeVar, get_args

from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt, model_validator

from ..text.edits import undo
from ..text.projection import Projection

SCHEMA_VERSION = "1.3.0"
"""Version of the record layout; the major part changes only on breaking changes."""

EditKind = Literal[
    "encoding",  # mojibake repaired by ftfy
    "markup",  # HTML entities and tags
    "whitespace",  # runs of spaces, stray blank lines, invisible characters
    "typography",  # character-level normalization that changes no word
    "spacing",  # a missing space after a sentence end
    "leakage",  # foreign-script words restored to English
    "spin",  # spinner or round-trip wording reversed
    "filler",  # words the spinner inserted, removed
    "casing",  # letter case repaired
]
WORD_KINDS: frozenset[str] = frozenset({"leakage", "spin", "filler", "casing"})
"""Edit kinds that change words; the others only change characters between them."""

EntityLabel = Literal[
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE",
    "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
]  # fmt: skip
NAMED_LABELS: frozenset[str] = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "EVENT", "LAW"})
"""The labels the gazetteer and the gold annotations cover."""
ENTITY_LABELS: tuple[str, ...] = get_args(EntityLabel)
"""Every label a mention can carry, in OntoNotes order."""


def known_label(label: str) -> str:
    """``label`` itself if a mention can carry it; otherwise ``ValueError``, so that a misspelt filter never matches nothing unseen.

    >>> known_label("GPE")
    'GPE'
    >>> known_label("person")
    Traceback (most recent call last):
    ...
    ValueError: no entity label 'person' (labels are upper case: did you mean 'PERSON'?); the labels: PERSON, NORP, ...
    """
    if label in ENTITY_LABELS:
        return label
    hint = f" (labels are upper case: did you mean {label.upper()!r}?)" if label.upper() in ENTITY_LABELS else ""
    raise ValueError(f"no entity label {label!r}{hint}; the labels: {', '.join(ENTITY_LABELS)}")
EntitySource = Literal["gazetteer", "model", "caption", "context", "correction"]
SegmentKind = Literal["body", "heading", "caption", "credit", "boilerplate"]


class Record(BaseModel):
    """The base of every record: frozen, no unknown fields, and light enough to hold by the hundred thousand.

    Pydantic keeps, in each instance, the set of the names of the fields the
    input gave (``model_fields_set``): about 700 bytes for seven names, more
    than the values of an entity.  A record is frozen, so that set never
    changes (``model_copy`` copies it before adding to it), and instances
    that were given the same fields share one.  A 20 MB page's half a million
    entities and edits weigh some 350 MB less.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    def model_post_init(self, context: object, /) -> None:
        names = self.__pydantic_fields_set__
        object.__setattr__(self, "__pydantic_fields_set__", _FIELDS_SET.setdefault(frozenset(names), names))


_FIELDS_SET: dict[frozenset[str], set[str]] = {}
"""One set of field names per combination given, shared by the records given it (see :class:`Record`)."""


class Edit(Record):
    """One change made by restoration, in raw and restored coordinates."""

    raw_start: NonNegativeInt = Field(description="Start of `before` in `raw_text`.")
    raw_end: NonNegativeInt = Field(description="End of `before` in `raw_text`.")
    clean_start: NonNegativeInt = Field(description="Start of `after` in `text`.")
    clean_end: NonNegativeInt = Field(description="End of `after` in `text`.")
    before: str = Field(description="The raw characters replaced.")
    after: str = Field(description="The characters that replaced them.")
    rule: str = Field(description="Id of the rule (several joined by '+' when edits were merged).")
    kind: EditKind = Field(description="What sort of damage the edit repairs.")

    @model_validator(mode="after")
    def _lengths_match(self) -> Edit:
        if self.raw_end - self.raw_start != len(self.before):
            raise ValueError(f"edit {self.rule}: raw span does not have the length of `before`")
        if self.clean_end - self.clean_start != len(self.after):
            raise ValueError(f"edit {self.rule}: clean span does not have the length of `after`")
        return self


_R = TypeVar("_R", bound=Record)


def _checked_order(record: _R, start: int, end: int, what: str) -> _R:
    """``record``, if its ``end`` is not before its ``start``; the validators of spans share it."""
    if end < start:
        raise ValueError(f"{what} end {end} is before its start {start}")
    return record


class Span(Record):
    start: NonNegativeInt
    end: NonNegativeInt

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        return _checked_order(self, self.start, self.end, "span")


class Sentence(Span):
    """A sentence of the restored text, as the parser split it."""


class Segment(Span):
    """A stretch of the restored text with its role: body prose, heading, caption, credit or boilerplate."""

    kind: SegmentKind


class Flag(Span):
    """Something restoration noticed but did not change (e.g. unknown foreign script)."""

    text: str
    kind: str
    note: str = ""
    suggestions: list[str] = Field(
        default=[],
        description="Possible readings of the flagged text, best first, where evidence allows (since schema 1.2.0); none is applied.",
    )


class GarbleEvidence(Record):
    """One sign of spinning that detection counted: where it is in the raw text, what found it, and its weight."""

    raw_start: NonNegativeInt = Field(description="Start in `raw_text`.")
    raw_end: NonNegativeInt = Field(description="End in `raw_text`.")
    text: str = Field(description="The raw text of the sign (`raw_text[raw_start:raw_end]`).")
    kind: str = Field(description="'spacing', 'wording' or 'grammar' (a tell), 'leakage' (a foreign word) or 'casing' (a broken name).")
    signal: str = Field(description="The tell's lexicon id, or the signal's name ('foreign-word', 'name-case'...).")
    weight: float = Field(ge=0.0, description="How much the sign adds to the evidence behind `garble_score`.")

    @model_validator(mode="after")
    def _ordered(self) -> GarbleEvidence:
        return _checked_order(self, self.raw_start, self.raw_end, "evidence")


class Entity(Record):
    """A named-entity mention in the restored text, projected onto the raw text."""

    text: str = Field(description="The mention as it reads in `text`.")
    label: EntityLabel = Field(description="OntoNotes label, as spaCy uses them.")
    start: NonNegativeInt = Field(description="Start in `text`.")
    end: NonNegativeInt = Field(description="End in `text`.")
    raw_start: NonNegativeInt | None = Field(description="Start of the same mention in `raw_text`, or null when it lies in restored wording.")
    raw_end: NonNegativeInt | None = Field(description="End of the same mention in `raw_text`, or null.")
    canonical: str | None = Field(default=None, description="Canonical name from the gazetteer.")
    kb_id: str | None = Field(default=None, description="Gazetteer id: a Wikidata id (Q...), or a local id (ac:...) for entities whose Wikidata id is not yet verified; null when unlinked.")
    source: EntitySource = Field(description="Component that found the mention.")
    flagged: bool = Field(default=False, description="Whether the mention overlaps a flag of kind 'suspect' or 'foreign-script': text that looks spun and that no rule repaired (since schema 1.2.0).")

    @model_validator(mode="after")
    def _raw_span_complete(self) -> Entity:
        if (self.raw_start is None) != (self.raw_end is None):
            raise ValueError(f"entity {self.text!r}: raw_start and raw_end must both be set or both be null")
        return self


LANGUAGE_CODE = r"[a-z]{2,3}"
"""How a record writes a language: an ISO 639 code in lower case ('en', 'ja', 'und')."""


class Language(Record):
    """The language a document is written in, as identified: an ISO 639-1 code and the model's probability."""

    code: str = Field(pattern=rf"^{LANGUAGE_CODE}$", description="ISO 639-1 code ('en', 'ja', 'vi'...), or 'und' when the text is too short to tell (under 20 letters, or under 60 words for a language other than English) or the identifier is unsure of it.")
    confidence: float = Field(ge=0.0, le=1.0, description="The identifier's probability for `code`.")


class Source(Record):
    """Where a document came from; the optional fields are read from its sidecar `<name>.meta.json`."""

    path: str = Field(description="Path of the raw file, relative to the corpus root, with '/' separators.")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the raw file's bytes.")
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: str | None = None
    retrieved: str | None = None
    derived_from: str | None = None
    notes: str | None = None
    encoding: str | None = Field(
        default=None,
        description="The encoding the raw bytes were read in when it is not UTF-8 (Python's name for it: 'iso8859-1', 'cp1252', "
        "'shift_jis'): as the sidecar or --encoding named it, or as detected (then a W105 warning said so); null for UTF-8 (since schema 1.3.0).",
    )


class PipelineInfo(Record):
    """What produced a record; `fingerprint` decides whether a document must be annotated again."""

    alliance_corpus: str
    spacy: str
    model: str
    model_version: str
    resources: str = Field(description="SHA-256 over the rule and gazetteer files in use.")
    fingerprint: str = Field(description="SHA-256 over all of the above.")


class _Segmented(Record):
    """A text with line segments (the fields ``text`` and ``segments`` are declared by subclasses)."""

    if TYPE_CHECKING:  # for the type checker only: at run time each subclass declares them, in its own field order
        text: str
        segments: list[Segment]

    def prose(self) -> str:
        r"""The body lines, one paragraph each: the text without headings, captions, credits or boilerplate.

        A hard-wrapped paragraph comes back whole: its line breaks become spaces.

        >>> CleanResult(text="Advertisement\nThe treaty was signed.", edits=[], garble_score=0.0,
        ...             segments=[Segment(start=0, end=13, kind="boilerplate"),
        ...                       Segment(start=14, end=36, kind="body")]).prose()
        'The treaty was signed.'
        """
        return "\n\n".join(_unwrapped(self.text[s.start : s.end]) for s in self.segments if s.kind == "body")


def _unwrapped(paragraph: str) -> str:
    """A paragraph's wrapped lines joined with single spaces (a one-line paragraph is unchanged).

    A line that ends in a hyphen after a letter runs on without a space: the
    wrap fell inside a compound ("long-⏎term").

    >>> _unwrapped("a long-\\nterm ally of the Self-\\nDefense Forces\\nin 1954")
    'a long-term ally of the Self-Defense Forces in 1954'
    """
    if "\n" not in paragraph:
        return paragraph
    return re.sub(r"[ \t]*\n[ \t]*", " ", re.sub(r"(?<=[^\W\d_]-)[ \t]*\n[ \t]*(?=\w)", "", paragraph))


class CleanResult(_Segmented):
    """What :func:`alliance_corpus.clean` returns."""

    text: str
    edits: list[Edit]
    garble_score: float = Field(ge=0.0, le=1.0)
    flags: list[Flag] = []
    segments: list[Segment] = []
    language: Language | None = None
    garble_evidence: list[GarbleEvidence] = []


class AnnotatedDocument(_Segmented):
    """One restored, entity-annotated document: the unit of the corpus."""

    schema_version: str = SCHEMA_VERSION
    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
    source: Source
    raw_text: str
    text: str
    edits: list[Edit]
    segments: list[Segment]
    flags: list[Flag]
    sentences: list[Sentence]
    entities: list[Entity]
    garble_score: float = Field(ge=0.0, le=1.0)
    pipeline: PipelineInfo
    language: Language | None = Field(
        default=None,
        description="The document's language (since schema 1.1.0). A document not in English is not restored word by word and not tagged; in a mixed one only the English lines are.",
    )
    garble_evidence: list[GarbleEvidence] = Field(
        default=[],
        description="The signs of spinning behind `garble_score`, in raw-text order (since schema 1.2.0).",
    )

    @model_validator(mode="after")
    def _consistent(self) -> AnnotatedDocument:
        check_edits(self.raw_text, self.text, self.edits)
        for span in [*self.segments, *self.sentences, *self.flags]:
            _within(span.start, span.end, self.text, type(span).__name__)
        for flag in self.flags:
            _same(flag.text, self.text, flag.start, flag.end, "flag")
        for sign in self.garble_evidence:
            _within(sign.raw_start, sign.raw_end, self.raw_text, "GarbleEvidence")
            _same(sign.text, self.raw_text, sign.raw_start, sign.raw_end, "garble evidence")
        if self.entities:
            projection = Projection(self.edits)
            for entity in self.entities:
                _check_entity(entity, self, projection)
        return self


def check_edits(raw: str, text: str, edits: Sequence[Edit]) -> None:
    """Raise ``ValueError`` unless ``edits`` turn ``raw`` into ``text`` exactly."""
    shift = 0
    previous: Edit | None = None
    for edit in edits:
        _same(edit.before, raw, edit.raw_start, edit.raw_end, f"edit {edit.rule} (raw)")
        _same(edit.after, text, edit.clean_start, edit.clean_end, f"edit {edit.rule} (clean)")
        if previous is not None and not _in_order(previous, edit):
            raise ValueError(f"edits {previous.rule} and {edit.rule} overlap or are out of order")
        if edit.clean_start != edit.raw_start + shift:
            raise ValueError(f"edit {edit.rule}: clean offset {edit.clean_start} does not follow from the edits before it")
        shift += len(edit.after) - len(edit.before)
        previous = edit
    if len(raw) + shift != len(text) or undo(text, edits) != raw:
        raise ValueError("undoing the edits does not reproduce raw_text")


def _in_order(first: Edit, second: Edit) -> bool:
    if second.raw_start < first.raw_end:
        return False
    both_insert_here = first.raw_start == first.raw_end == second.raw_start == second.raw_end
    return not both_insert_here


def _check_entity(entity: Entity, doc: AnnotatedDocument, projection: Projection) -> None:
    _same(entity.text, doc.text, entity.start, entity.end, f"entity {entity.label}")
    expected = projection.span(entity.start, entity.end)
    actual = None if entity.raw_start is None else (entity.raw_start, entity.raw_end)
    if actual != expected:
        raise ValueError(f"entity {entity.text!r}: raw span {actual} does not match its projection {expected}")


def _within(start: int, end: int, text: str, what: str) -> None:
    if end > len(text):
        raise ValueError(f"{what} [{start}, {end}) runs past the end of the text ({len(text)})")


def _same(expected: str, text: str, start: int, end: int, what: str) -> None:
    if end > len(text) or text[start:end] != expected:
        raise ValueError(f"{what}: {expected!r} does not match the text at [{start}, {end}): {text[start:end]!r}")

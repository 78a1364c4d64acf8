"""Corrections: a researcher's verdicts on a document's entities and edits, kept across reruns.

A correction names its document and what the record had, and, for an
entity, what it should have; ``annotate`` applies it on every run.  Five
actions concern an entity mention in the restored text:

- ``label``, ``boundary``, ``link``: the mention ``mention`` becomes ``to``;
- ``delete``: the mention ``mention`` goes;
- ``add``: the mention ``to`` is added.

``reject-edit`` undoes one restoration edit, named by ``edit`` (its raw span,
the raw and restored wording and its rule): the raw wording stays.

A correction fits a record when the text it quotes is still where it says
(:func:`fits`); one that no longer fits (a rule change moved the text) is
reported on every run and kept, never dropped.

>>> c = Correction(doc_id="seed", action="label", mention=MentionRef(start=0, end=7, text="Okinawa", label="PERSON"),
...                to=MentionRef(start=0, end=7, text="Okinawa", label="GPE", kb_id="Q766445"), evidence="brat, 2026-11-30")
>>> c.id == correction_id(c)
True
"""

from __future__ import annotations

import hashlib
from typing import Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field, model_validator

from .models import AnnotatedDocument, EntityLabel

Action = Literal["label", "boundary", "link", "delete", "add", "reject-edit"]
ENTITY_ACTIONS = frozenset({"label", "boundary", "link", "delete", "add"})


class MentionRef(BaseModel):
    """An entity mention as a correction quotes it: span in the restored text, the text there, label and link."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str = Field(min_length=1)
    label: EntityLabel
    kb_id: str | None = None


class EditRef(BaseModel):
    """A restoration edit as a correction names it: raw span, raw and restored wording, rule."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    raw_start: int = Field(ge=0)
    raw_end: int = Field(ge=0)
    before: str
    after: str
    rule: str


class Correction(BaseModel):
    """One correction of one document (see the module docstring); ``id`` is made from its content when not given."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(default="", pattern=r"^(|c-[0-9a-f]{12})$", description="c- and 12 hex digits of the SHA-256 of the correction.")
    doc_id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
    action: Action
    mention: MentionRef | None = Field(default=None, description="The mention as the record had it (label, boundary, link, delete).")
    to: MentionRef | None = Field(default=None, description="The mention as it should be (label, boundary, link, add).")
    edit: EditRef | None = Field(default=None, description="The edit to undo (reject-edit).")
    evidence: str = Field(min_length=1, description="Who made the correction, where and when (a brat export of a date, an annotator).")
    note: str = ""

    @model_validator(mode="after")
    def _complete(self) -> Correction:
        wanted = {
            "delete": (True, False, False), "add": (False, True, False), "reject-edit": (False, False, True),
        }.get(self.action, (True, True, False))  # fmt: skip
        given = (self.mention is not None, self.to is not None, self.edit is not None)
        if given != wanted:
            names = [name for name, present in zip(("mention", "to", "edit"), wanted) if present]
            raise ValueError(f"a {self.action!r} correction has exactly these parts: {', '.join(names)}")
        if not self.id:
            object.__setattr__(self, "id", correction_id(self))
        return self


def correction_id(correction: Correction) -> str:
    """``c-`` and the first 12 hex digits of the SHA-256 of the correction's content (its id, evidence and note left out)."""
    content = correction.model_dump(mode="json", exclude={"id", "evidence", "note"})
    return "c-" + hashlib.sha256(orjson.dumps(content, option=orjson.OPT_SORT_KEYS)).hexdigest()[:12]


def fits(record: AnnotatedDocument, correction: Correction) -> bool:
    """Whether the text ``correction`` quotes is still where it says in ``record`` (restored text, or raw text for an edit)."""
    return mentions_fit(record.text, correction) and edit_fits(record.raw_text, correction)


def mentions_fit(text: str, correction: Correction) -> bool:
    """Whether each mention ``correction`` quotes (``mention``, ``to``) is still at its span of the restored ``text``."""
    return all(text[ref.start : ref.end] == ref.text for ref in (correction.mention, correction.to) if ref is not None)


def edit_fits(raw: str, correction: Correction) -> bool:
    """Whether the raw wording of the edit ``correction`` names (if any) is still at its span of ``raw``."""
    edit = correction.edit
    return edit is None or raw[edit.raw_start : edit.raw_end] == edit.before

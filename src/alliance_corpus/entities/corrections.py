"""Applying a researcher's corrections (:mod:`alliance_corpus.records.corrections`) while a document is annotated.

Two steps, each pure:

- :func:`reject_edits` undoes the edits that ``reject-edit`` corrections
  name, before the model reads the restored text;
- :func:`correct_mentions` makes the entity mentions what the entity
  corrections say, after the entity steps: the corrected mention replaces
  whatever overlapped it, with the source ``correction``.

A correction whose quoted text is no longer where it says is left out here;
the runner reports it (``fits`` is the test for both).

>>> from alliance_corpus.records.corrections import Correction, MentionRef
>>> fix = Correction(doc_id="d", action="boundary", mention=MentionRef(start=0, end=6, text="Kadena", label="PERSON"),
...                  to=MentionRef(start=0, end=15, text="Kadena Air Base", label="FAC"), evidence="e")
>>> correct_mentions("Kadena Air Base", [Mention(0, 6, "PERSON", None, "model")], [fix])
[Mention(start=0, end=15, label='FAC', kb_id=None, source='correction')]
>>> correct_mentions("Kadena Town", [Mention(0, 6, "PERSON", None, "model")], [fix])  # no longer fits: left as it is
[Mention(start=0, end=6, label='PERSON', kb_id=None, source='model')]
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import CleanResult, Edit
from ..records.corrections import ENTITY_ACTIONS, Correction, edit_fits, mentions_fit
from .mention import Mention


def correct_mentions(text: str, mentions: Sequence[Mention], corrections: Sequence[Correction]) -> list[Mention]:
    """``mentions`` (sorted, disjoint) as the fitting entity ``corrections`` of ``text`` say, sorted again.

    The old mention goes when it is still there (same span and label); the
    new one (``to``) removes every mention it overlaps and is added with the
    source ``correction``.
    """
    result = list(mentions)
    for correction in corrections:
        if correction.action not in ENTITY_ACTIONS or not mentions_fit(text, correction):
            continue
        old, new = correction.mention, correction.to
        if old is not None:
            result = [m for m in result if (m.start, m.end, m.label) != (old.start, old.end, old.label)]
        if new is not None:
            result = [m for m in result if m.end <= new.start or new.end <= m.start]
            result.append(Mention(new.start, new.end, new.label, new.kb_id, "correction"))
    return sorted(result, key=lambda m: (m.start, m.end))


def reject_edits(raw: str, result: CleanResult, corrections: Sequence[Correction]) -> CleanResult:
    """``result`` without the edits the fitting ``reject-edit`` corrections name: their raw wording is kept.

    Every span after an undone edit moves by the change in length; the flags
    are quoted again from the new text.
    """
    rejected = {
        (c.edit.raw_start, c.edit.raw_end, c.edit.before, c.edit.after, c.edit.rule)
        for c in corrections
        if c.edit is not None and edit_fits(raw, c)
    }
    undone = [e for e in result.edits if (e.raw_start, e.raw_end, e.before, e.after, e.rule) in rejected]
    if not undone:
        return result
    text = result.text
    for edit in reversed(undone):  # from the end, so the earlier offsets stay good
        text = text[: edit.clean_start] + edit.before + text[edit.clean_end :]

    def moved(position: int) -> int:
        for edit in reversed(undone):
            if position >= edit.clean_end:
                position += len(edit.before) - len(edit.after)
            elif position > edit.clean_start:
                position = edit.clean_start + min(position - edit.clean_start, len(edit.before))
        return position

    kept = [e for e in result.edits if e not in undone]
    return CleanResult(
        text=text,
        edits=[Edit(**{**e.model_dump(), "clean_start": moved(e.clean_start), "clean_end": moved(e.clean_end)}) for e in kept],
        garble_score=result.garble_score,
        flags=[f.model_copy(update={"start": moved(f.start), "end": moved(f.end), "text": text[moved(f.start) : moved(f.end)]}) for f in result.flags],
        segments=[s.model_copy(update={"start": moved(s.start), "end": moved(s.end)}) for s in result.segments],
        language=result.language,
        garble_evidence=result.garble_evidence,
    )

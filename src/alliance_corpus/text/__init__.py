"""Offset algebra for reversible text edits; plain Python, no validation library.

An edit replaces ``raw[raw_start:raw_end]`` (``before``) by ``after``.  A list of
edits is kept sorted by raw position and never overlapping, so that the
restored text, the raw text and every offset between them can be derived from
each other.  Offsets are Python ``str`` indices (code points), the same unit
spaCy uses for ``Span.start_char``.

- :mod:`.edits`: changes proposed by a step, applied as edits; undo and redo;
- :mod:`.compose`: the edits of successive steps as one list against the raw text;
- :mod:`.projection`: restored offsets mapped back onto the raw text.

>>> raw = "alliance v Japan"
>>> step = apply_changes(raw, [Change(9, 10, "with", "spin.v", "spin")])
>>> step.text, undo(step.text, step.edits) == raw
('alliance with Japan', True)
"""

from .compose import compose
from .edits import Applied, Change, EditLike, TextEdit, apply_changes, redo, trim, undo
from .projection import Projection, to_raw_span

__all__ = ["Applied", "Change", "EditLike", "TextEdit", "Projection", "apply_changes", "compose", "redo", "to_raw_span", "trim", "undo"]

"""A leaked title restored right before a name is written as English writes a title there: with capitals.

Vietnamese writes "đại sứ Douglas MacArthur II" ("ambassador"), and the
leakage rules give the lower-case word, as they must inside a sentence ("the
ambassador said").  English capitalises a title that stands right before a
name as part of it ("Ambassador Douglas MacArthur II"), so a restored word
that is a ``job-titles`` title and is followed by a capitalised word gets
capitals.  Only the words restoration itself put in are touched, so English
text keeps its own style ("the ambassador Douglas MacArthur II met").

>>> text = "documents showed that đại sứ Douglas MacArthur II urged an appeal, and the đại sứ said so"
>>> changes = [Change(22, 28, "ambassador", "leak.vi.common.dai-su", "leakage"), Change(75, 81, "ambassador", "leak.vi.common.dai-su", "leakage")]
>>> [c.replacement for c in titles_before_names(text, changes)]
['Ambassador', 'ambassador']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ...resources.lexicons import word_set
from ...text.edits import Change

NAME_AFTER = re.compile(r"[^\S\n]+[A-Z][a-z]")
"""A capitalised word right after the title, on the same line."""


def titles_before_names(text: str, changes: Sequence[Change]) -> list[Change]:
    """``changes`` with each restored title that stands right before a name capitalised (see the module docstring)."""
    titles = _lower_titles()
    return [
        change._replace(replacement=change.replacement.title())
        if change.replacement.lower() in titles and change.replacement.islower() and NAME_AFTER.match(text, change.end)
        else change
        for change in changes
    ]


@lru_cache(maxsize=1)
def _lower_titles() -> frozenset[str]:
    """The ``job-titles`` in lower case, built once: the step runs on every pass over every spun text."""
    return frozenset(title.lower() for title in word_set("job-titles"))

"""Names in a list take the label of the names around them: "Norway, Pakistan, Panama, Paraguay, Peru".

The model reads the names of a list one by one and now and then gives one of
them another label ("Paraguay" an ORG among countries).  A name the model
read, between two names of one label on its line and joined to each of them
by a comma (or by "and", "or" or a comma and one of them), takes their
label.  A name the gazetteer knows keeps its own, and so does one of a
label that is not a name's (a date, a number).

>>> text = "Norway, Pakistan, Panama, Paraguay, Peru, the Philippines"
>>> names = ["Norway", "Pakistan", "Panama", "Paraguay", "Peru", "Philippines"]
>>> found = [Mention(text.index(n), text.index(n) + len(n), "ORG" if n == "Paraguay" else "GPE", None, "model") for n in names]
>>> [m.label for m in names_in_lists(text, found)]
['GPE', 'GPE', 'GPE', 'GPE', 'GPE', 'GPE']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..records import NAMED_LABELS
from .mention import Mention

LIST_GAP = re.compile(r"[^\S\n]*(?:,[^\S\n]*(?:(?:and|or)[^\S\n]+)?|[^\S\n]+(?:and|or)[^\S\n]+)(?:the[^\S\n]+)?")
"""What joins two names of a list: a comma, "and" or "or" (or both), perhaps "the" before the next name."""


def names_in_lists(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` (sorted) with each model name between two list neighbours of one label read with that label."""
    found = list(mentions)
    for index in range(1, len(found) - 1):
        before, mention, after = found[index - 1], found[index], found[index + 1]
        if (
            mention.source == "model"
            and before.label == after.label != mention.label
            and {before.label, mention.label} <= NAMED_LABELS
            and _joined(text, before, mention)
            and _joined(text, mention, after)
        ):
            found[index] = replace(mention, label=before.label, kb_id=None)
    return found


def _joined(text: str, first: Mention, second: Mention) -> bool:
    """Whether only a list's joining words stand between ``first`` and ``second``."""
    return LIST_GAP.fullmatch(text, first.end, second.start) is not None

"""Treaties named after their parties, read as one LAW: "Security Treaty between the United States and Japan".

A treaty's full title names the states that signed it, and the title runs
on past its head word: "the Framework Agreement Between the Government of
Japan and the Government of the United States of America".  The model and
the gazetteer read the parties as places of their own, which leaves the
title cut into pieces.  A name ending in a ``LAW`` head word (``label-heads``),
or a ``LAW`` mention, followed on its line by "between" (or "among") and
two parties joined by "and", is read as one LAW.  A party is a place
mention, after "the" and "the Government of" if they are there.

The title goes on after the parties when a title-case phrase follows
(capitalised words, with small words such as "of" and commas between them),
opened by "concerning", "regarding", "relating to", "on" or "for" (a comma
may come first), and that phrase runs to the end of the line, a sentence
stop, a quote or a bracket: "..., Regarding Facilities and Areas and The
Status of United States Armed Forces in Japan".  A phrase that turns to
lower-case words part way is no part of the title, so the name then ends
with the second party.

Mentions inside the title give way to it; a mention that runs across its
edge is left as it is (see :func:`~.mention.read_whole`).

>>> text = "He signed the Security Treaty between the United States and Japan in 1951."
>>> found = [Mention(14, 29, "LAW", None, "model"), Mention(42, 55, "GPE", "Q30", "gazetteer"), Mention(60, 65, "GPE", "Q17", "gazetteer")]
>>> [(text[m.start:m.end], m.label) for m in treaties_named_by_parties(text, found)]
[('Security Treaty between the United States and Japan', 'LAW')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .mention import Mention, read_whole
from .relabel import head_labels

PARTY_LABELS = frozenset({"GPE"})
"""Labels of the mentions that can be a treaty's party."""
BLANK = r"[^\S\n]+"
BETWEEN = re.compile(rf"{BLANK}(?:between|among|Between|Among|BETWEEN|AMONG){BLANK}")
PARTY_OPENING = re.compile(rf"(?:(?:the|The|THE){BLANK})?(?:(?:Government|GOVERNMENT){BLANK}(?:of|Of|OF){BLANK}(?:(?:the|The|THE){BLANK})?)?")
"""What may come before a party's place: "the", "the Government of", "the Government of the"."""
GOVERNMENT_OF = re.compile(rf"(?:(?:the|The|THE){BLANK})?(?=(?:Government|GOVERNMENT){BLANK}(?:of|Of|OF){BLANK})")
"""Where an ORG mention of a party's government ("Government of Japan") starts."""
AND = re.compile(rf"{BLANK}(?:and|And|AND){BLANK}")
CAPITALISED_WORD = r"(?:[A-Z]\.){2,}|[A-Z][\w'’-]*"
"""A word of a title: initials ("U.S."), or a word with a capital."""
HEAD_RUN_WORDS = 4
"""Capitalised words a treaty's name may have up to its head word when no mention holds it ("Mutual Defense Assistance Agreement",
"Protocol Amending the Agreement")."""
HEAD_RUN_REACH = 200
"""Characters before "between" in which that run is looked for."""
TOPIC_OPENING = re.compile(rf",?{BLANK}(?:[Cc]oncerning|[Rr]egarding|[Rr]elating{BLANK}[Tt]o|[Oo]n|[Ff]or|CONCERNING|REGARDING){BLANK}")
SMALL_WORDS = "a|an|and|at|by|for|from|in|of|on|or|the|to|under|with"
"""Words a title leaves in lower case between its capitalised ones."""
TITLE_PHRASE = re.compile(rf"(?:(?:{SMALL_WORDS}){BLANK})*(?:{CAPITALISED_WORD})(?:,?{BLANK}(?:(?:{SMALL_WORDS}){BLANK})*(?:{CAPITALISED_WORD}))*")
"""Capitalised words, with lower-case small words and commas between them, ending with a capitalised one."""
TITLE_END = re.compile(r"[^\S\n]*(?:\n|\Z|[.;:!?,)\]\[(\"”’»])")
"""What ends a title that runs on after its parties: the line end, a stop, a quote or a bracket (or a comma that no capitalised word follows)."""


def treaties_named_by_parties(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with every treaty named by its head word and its parties read as one LAW (see the module docstring)."""
    laws_by_end = {m.end: m for m in mentions if m.label == "LAW"}
    parties_by_start = {m.start: m for m in mentions if m.label in PARTY_LABELS or _government(text, m)}
    spans = []
    for between in BETWEEN.finditer(text):
        start = _name_start(text, between.start(), laws_by_end)
        end = _parties_end(text, between.end(), parties_by_start)
        if start is not None and end is not None:
            spans.append(((start, _topic_end(text, end)), "LAW"))
    for law in laws_by_end.values():  # a title the gazetteer knows with its parties ("Treaty of ... between Japan and ...")
        if BETWEEN.search(text, law.start, law.end) and (title_end := _topic_end(text, law.end)) > law.end:
            spans.append(((law.start, title_end), "LAW"))
    return read_whole(mentions, spans) if spans else list(mentions)


def _name_start(text: str, end: int, laws_by_end: dict[int, Mention]) -> int | None:
    """Where the treaty's name that ends at ``end`` starts: a LAW mention's start, or a run of capitalised words ending in a LAW head."""
    law = laws_by_end.get(end)
    if law is not None:
        return law.start
    runs = [run for run in _head_run().finditer(text, max(0, end - HEAD_RUN_REACH), end) if run.end() == end]
    return runs[0].start() if runs else None


def _parties_end(text: str, start: int, parties_by_start: dict[int, Mention]) -> int | None:
    """The end of "PARTY and PARTY" from ``start``, or ``None`` when the words there are not two parties."""
    first = _party_end(text, start, parties_by_start)
    joined = AND.match(text, first) if first is not None else None
    return _party_end(text, joined.end(), parties_by_start) if joined is not None else None


def _party_end(text: str, start: int, parties_by_start: dict[int, Mention]) -> int | None:
    """The end of the party at ``start``: a place mention there, or after "the" or "the Government of"."""
    opening = PARTY_OPENING.match(text, start)
    for position in dict.fromkeys((start, opening.end() if opening else start)):  # the place itself may hold "the"
        party = parties_by_start.get(position)
        if party is not None:
            return party.end
    government = GOVERNMENT_OF.match(text, start)  # the model reads "Government of Japan" as one ORG
    party = parties_by_start.get(government.end()) if government is not None else None
    return party.end if party is not None else None


def _government(text: str, mention: Mention) -> bool:
    """Whether ``mention`` is an ORG of a state's government ("Government of Japan"), which can be a party."""
    return mention.label == "ORG" and GOVERNMENT_OF.match(text, mention.start, mention.end) is not None


def _topic_end(text: str, end: int) -> int:
    """Where the title ends: after a title-case topic that runs to a natural end of the title, else at ``end``.

    >>> _topic_end("between A and B, Regarding Facilities and Areas in Japan. Then", 15)
    56
    >>> _topic_end("between A and B on defense matters", 15)
    15
    """
    opening = TOPIC_OPENING.match(text, end)
    title = TITLE_PHRASE.match(text, opening.end()) if opening is not None else None
    return title.end() if title is not None and TITLE_END.match(text, title.end()) else end


@lru_cache(maxsize=1)
def _head_run() -> re.Pattern[str]:
    """Up to :data:`HEAD_RUN_WORDS` capitalised words ending in a LAW head word, "the" or "of" between them, not opened by "The".

    >>> _head_run().search("the Protocol Amending the Agreement").group()
    'Protocol Amending the Agreement'
    """
    heads = "|".join(re.escape(word) for word, label in sorted(head_labels().items(), key=lambda item: -len(item[0])) if label == "LAW")
    word = rf"(?:{CAPITALISED_WORD}){BLANK}(?:(?:the|of){BLANK})?"
    return re.compile(rf"(?<![\w'’.-])(?!(?:The|THE){BLANK})(?:{word}){{0,{HEAD_RUN_WORDS - 1}}}(?:{heads})(?![\w'’-])")

"""Romanised glosses of Japanese or Chinese script are not new mentions.

Pages give a name in script with its romanisation beside it: "Marine Corps Air
Station Futenma (海兵隊普天間航空基地, Kaiheitai Futenma Kōkū Kichi)" or "辺野古
(Henoko)".  The model reads the romanised words as names of their own
("Kaiheitai" PERSON, "Kichi" GPE); they are a transliteration of the script
before them, so no mention is kept inside them.  The name written out in
English, outside the parentheses, is untouched.

>>> text = "Takeshi Onaga (翁長 雄志, Onaga Takeshi) won."
>>> [text[m.start:m.end] for m in drop_glosses(text, [Mention(0, 13, "PERSON", None, "model"), Mention(22, 35, "PERSON", None, "model")])]
['Takeshi Onaga']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .mention import Mention

SCRIPT = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
"""Kana and CJK ideographs."""

GLOSS = re.compile(rf"[{SCRIPT}][^\S\n]*(?:[,、，;]|\()[^\S\n]*([^(){SCRIPT}\n]+?)[^\S\n]*\)")
"""Script, then a comma or an opening parenthesis, then Latin text up to the closing parenthesis: the gloss."""


def gloss_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the romanised glosses that follow script inside parentheses."""
    return [match.span(1) for match in GLOSS.finditer(text)]


def drop_glosses(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions that do not lie inside a romanised gloss."""
    spans = gloss_spans(text)
    return [m for m in mentions if not any(start <= m.start and m.end <= end for start, end in spans)]

"""Names in Japanese or Chinese script beside their English or romanised form: one entity, one mention each.

Pages give a name in script with its romanisation beside it: "Marine Corps Air
Station Futenma (海兵隊普天間航空基地, Kaiheitai Futenma Kōkū Kichi)" or "辺野古
(Henoko)".  The model reads the romanised words as names of their own
("Kaiheitai" PERSON, "Kichi" GPE); they are a transliteration of the script
before them, so no mention is kept inside them.  The name written out in
English, outside the parentheses, is untouched.

The name in script is the same entity as the name written beside it, so it
gets that mention's label and id (:func:`names_in_script`): "Takeshi Onaga
(翁長 雄志, ...)", "辺野古 (Henoko)" and a list's "種子島 Tanegashima".

>>> text = "Takeshi Onaga (翁長 雄志, Onaga Takeshi) won."
>>> [text[m.start:m.end] for m in drop_glosses(text, [Mention(0, 13, "PERSON", None, "model"), Mention(22, 35, "PERSON", None, "model")])]
['Takeshi Onaga']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..records import NAMED_LABELS
from .mention import Mention, SpanIndex

SCRIPT = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
"""Kana and CJK ideographs."""

GLOSS = re.compile(rf"[{SCRIPT}][^\S\n]*(?:[,、，;]|\()[^\S\n]*([^(){SCRIPT}\n]+?)[^\S\n]*\)")
"""Script, then a comma or an opening parenthesis, then Latin text up to the closing parenthesis: the gloss."""


GLOSS_IN_BRACKET = re.compile(rf"\([^\S\n]*[{SCRIPT}]+(?:[^\S\n][{SCRIPT}]+)?[^\S\n]+([A-Z][^(),;{SCRIPT}\n]*?)[^\S\n]*[,;)]")
"""An opening parenthesis, script, a space and capitalised Latin text up to a comma or the closing parenthesis:
the romanisation written inside the same brackets as the script ("(鳩山由紀夫 Hatoyama Yukio, born 1947)")."""


def gloss_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the romanised glosses that follow script inside parentheses.

    >>> text = "Yukio Hatoyama (鳩山由紀夫 Hatoyama Yukio, born 1947) and 辺野古 (Henoko)"
    >>> [text[s:e] for s, e in gloss_spans(text)]
    ['Henoko', 'Hatoyama Yukio']
    """
    return [match.span(1) for pattern in (GLOSS, GLOSS_IN_BRACKET) for match in pattern.finditer(text)]


SCRIPT_NAME = re.compile(rf"[{SCRIPT}]+(?:[^\S\n][{SCRIPT}]+)?")
"""A run of script, with at most one space inside ("翁長 雄志")."""
BEFORE = re.compile(r"[^\S\n]*\($")
"""What lies between an English name and its script: spaces and an opening parenthesis."""
AFTER = re.compile(r"[^\S\n]*\(?")
"""What lies between a script name and its English or romanised form: spaces, perhaps a parenthesis."""


def drop_glosses(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions that do not lie inside a romanised gloss.

    >>> text = "辺野古 (Henoko) and Nago"
    >>> [text[m.start:m.end] for m in drop_glosses(text, [Mention(5, 11, "GPE", None, "model"), Mention(17, 21, "GPE", None, "model")])]
    ['Nago']
    """
    glosses = SpanIndex(gloss_spans(text))
    return [m for m in mentions if not glosses.contains(m.start, m.end)]


def names_in_script(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with each name in script beside a name mention labelled and linked as that mention.

    The name in script follows the English name in parentheses ("Takeshi
    Onaga (翁長 雄志, Onaga Takeshi)") or comes first, with its English or
    romanised form after it ("辺野古 (Henoko)", "種子島 Tanegashima").  A mention
    the model gave the script itself is relabelled; one that covers only part
    of it is left alone.  Where only the script is linked (the gazetteer knows
    "日米安全保障条約" but not the English wording beside it), the link goes the
    other way: the English name takes the script's label and id.

    >>> text = "Takeshi Onaga (翁長 雄志, Onaga Takeshi) and 種子島 Tanegashima"
    >>> found = [Mention(0, 13, "PERSON", "ac:takeshi-onaga", "gazetteer"), Mention(45, 56, "GPE", None, "model")]
    >>> [(text[m.start:m.end], m.label, m.kb_id) for m in names_in_script(text, found)]
    [('Takeshi Onaga', 'PERSON', 'ac:takeshi-onaga'), ('翁長 雄志', 'PERSON', 'ac:takeshi-onaga'), ('種子島', 'GPE', None), ('Tanegashima', 'GPE', None)]
    >>> text = "the Japan-U.S. Security Treaty (日米安全保障条約)"
    >>> found = [Mention(4, 30, "LAW", None, "model"), Mention(32, 40, "LAW", "ac:treaty", "gazetteer")]
    >>> [(text[m.start:m.end], m.kb_id) for m in names_in_script(text, found)]
    [('Japan-U.S. Security Treaty', 'ac:treaty'), ('日米安全保障条約', 'ac:treaty')]
    """
    by_end = {m.end: m for m in mentions if m.label in NAMED_LABELS}
    by_start = {m.start: m for m in mentions if m.label in NAMED_LABELS}
    exact = {(m.start, m.end): m for m in mentions}
    covered = SpanIndex.of(mentions)
    named: dict[tuple[int, int], Mention] = {}
    for run in SCRIPT_NAME.finditer(text):
        english = _english_beside(text, run, by_end, by_start)
        if english is None or (covered.overlaps(*run.span()) and run.span() not in exact):
            continue
        script = exact.get(run.span())
        if script is not None and script.kb_id is not None and english.kb_id is None:
            named[(english.start, english.end)] = replace(english, label=script.label, kb_id=script.kb_id)
            continue
        named[run.span()] = Mention(run.start(), run.end(), english.label, english.kb_id, "context")
    kept = [replace(m, label=named[(m.start, m.end)].label, kb_id=named[(m.start, m.end)].kb_id) if (m.start, m.end) in named else m for m in mentions]
    added = [m for span, m in named.items() if span not in exact]
    return sorted([*kept, *added], key=lambda m: (m.start, m.end))


def _english_beside(text: str, run: re.Match[str], by_end: dict[int, Mention], by_start: dict[int, Mention]) -> Mention | None:
    """The name mention just before the script run (and a parenthesis), else just after it."""
    before = BEFORE.search(text, max(0, run.start() - 8), run.start())
    if before and before.start() in by_end:
        return by_end[before.start()]
    after = AFTER.match(text, run.end())
    return by_start.get(after.end()) if after else None


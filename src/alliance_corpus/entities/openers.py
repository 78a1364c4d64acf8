"""Common words that open a line, read by the model as names: "Lectures and dialogues", "• Visits to U.S. bases".

Every line starts with a capital, so a capitalised word there tells the model
nothing; in lists and menus it often takes the word for a name.  A model
mention is dropped when all of these hold:

- it is one word, written with a capital and then lower case, and opens its
  line (after spaces and a list bullet);
- a lower-case word or a slash follows it ("Media contact", "Symposium/forum");
- the word is English (:mod:`alliance_corpus.resources.english`) and no name
  or short name in the gazetteer;
- nowhere else in the text is it written with a capital in the middle of a
  sentence, as a name would be ("John Smith" elsewhere keeps "Smith said");
- its label is not a place's or a people's (``GPE``, ``LOC``, ``NORP``), which
  the model reads from the word itself rather than from its capital.

>>> from alliance_corpus.resources import Resources
>>> text = "  • Lectures and dialogues\\n  • Visits to bases at Yokosuka\\nSmith said so, as Ann Smith wrote."
>>> found = [Mention(4, 12, "PERSON", None, "model"), Mention(31, 37, "ORG", None, "model"), Mention(59, 64, "PERSON", None, "model")]
>>> [text[m.start:m.end] for m in drop_common_openers(text, found, Resources.bundled().gazetteer)]
['Smith']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..resources.english import is_english_word
from ..resources.gazetteer import Gazetteer
from .mention import Mention

KEPT_LABELS = frozenset({"GPE", "LOC", "NORP"})
BULLETS = " \t•·*▪◦-–—"
"""What may stand before the first word of a line: spaces and list bullets."""
TITLE_WORD = re.compile(r"[A-Z][a-z]{3,}")
LOWER_AFTER = re.compile(r"(?:[^\S\n]+[a-z]|/)")
SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;\"“‘(•·*▪◦–—-])\s*$")
"""The end of the text before a word that stands where any word would have a capital."""


def drop_common_openers(text: str, mentions: Sequence[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """``mentions`` without the common words the model read as names at the start of a line (see the module docstring)."""
    return [m for m in mentions if not _common_opener(text, m, gazetteer)]


def _common_opener(text: str, mention: Mention, gazetteer: Gazetteer) -> bool:
    word = text[mention.start : mention.end]
    if mention.source != "model" or mention.label in KEPT_LABELS or not TITLE_WORD.fullmatch(word):
        return False
    line_start = text.rfind("\n", 0, mention.start) + 1
    if text[line_start : mention.start].strip(BULLETS) or not LOWER_AFTER.match(text, mention.end):
        return False
    if not is_english_word(word) or gazetteer.lookup(word) is not None or gazetteer.with_surname(word):
        return False
    return not _capitalised_inside_a_sentence(text, word, mention.start)


def _capitalised_inside_a_sentence(text: str, word: str, besides: int) -> bool:
    """Whether ``word`` occurs with its capital elsewhere in ``text`` where a common word would have none."""
    for match in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", text):
        if match.start() == besides:
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        if not SENTENCE_OPENING.search(text[line_start : match.start()]):
            return True
    return False

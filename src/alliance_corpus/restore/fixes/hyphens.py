"""Words a hard wrap broke with a hyphen ("Secu-⏎rity"), joined again.

PDF and e-mail copies wrap their paragraphs at a page's width, and a word
too long for the line is broken with a hyphen.  Inside a block that
:func:`~alliance_corpus.layout.wrap.soft_breaks` reads as a wrapped
paragraph, a hyphen right before a soft break, between two runs of letters
(the second in lower case), is such a break when the two halves joined make
an English word and they are not both words themselves: "Secu-⏎rity" is
"Security", while "long-⏎term" (no word "longterm") and "co-⏎operation"
("co" and "operation" are words) keep their hyphen.  The joined word stays
on the first line, with the punctuation that ends it ("inci-⏎dent," gives
"incident,"), and the line break moves after it, so the lines stay lines
and no name is cut by the break any more.  A half followed by anything but
a blank ("inci-⏎dent—the") is left as it is.

>>> text = ("The Treaty of Mutual Cooperation and Secu-\\n"
...         "rity between Japan and the United States was signed\\n"
...         "in January 1960 in Washington, DC, by a long-\\n"
...         "term ally of both governments, as the records say.\\n")
>>> [(text[c.start : c.end], c.replacement) for c in join_broken_words(text)]
[('-\\nrity ', 'rity\\n')]
"""

from __future__ import annotations

import re

from ...layout.wrap import soft_breaks
from ...resources.english import is_english_word
from ...text.edits import Change

LETTERS_BEFORE = re.compile(r"[A-Za-z]+$")
LETTERS_AFTER = re.compile(r"([a-z]+)((?:['’][a-z]+)?[^\w\s]*)(?=\s|\Z)([ \t]?)")
"""The second half of a broken word, what ends it before a blank ("dent," "pan's"), and one space or tab after it."""


def join_broken_words(text: str) -> list[Change]:
    """Changes that join the words a hard wrap broke with a hyphen (see the module docstring)."""
    changes = []
    for offset in soft_breaks(text):
        if offset < 2 or text[offset - 1] != "-":
            continue
        before = LETTERS_BEFORE.search(text, max(0, offset - 40), offset - 1)
        after = LETTERS_AFTER.match(text, offset + 1)
        if before is None or after is None:
            continue
        head, tail = before.group(), after.group(1)
        if is_english_word(head + tail) and not (is_english_word(head) and is_english_word(tail)):
            changes.append(Change(offset - 1, after.end(), tail + after.group(2) + "\n", "layout.dehyphenate", "typography"))
    return changes

"""The main content of a web page: which lines of a restored page are the article, and which are the site around it.

A page saved whole (``.html``) keeps its sidebars, related links, dates and
footers once restoration has removed its tags.  Resiliparse's main-content
extractor (written in C++ for web archives) reads the raw page and gives the
text of its main content; a line of the restored text that this content does
not hold is site furniture, a ``boilerplate`` segment (:mod:`.segments`),
where no entity is looked for.  The text itself is not changed, so every
offset still points into the raw HTML.

Lines are compared by their words (letters and digits, any case), three at a
time, so restoration's own repairs of spacing and punctuation do not matter
and the cost is linear in the page's length.

>>> page = ("<html><body><main><h1>Allies meet</h1><p>The ministers of Japan and the United States met in Tokyo "
...         "on Monday to discuss the alliance and its bases.</p></main><footer>Copyright 2024 Example News</footer></body></html>")
>>> main = MainContent.of(page)
>>> main.holds("Allies meet"), main.holds("The ministers of Japan and the United States met in Tokyo"), main.holds("Copyright 2024 Example News")
(True, True, False)
>>> MainContent.of("Just a text, not a page.") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LOOKS_LIKE_A_PAGE = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]", re.IGNORECASE)
"""A text that has a doctype, an ``<html>`` or a ``<head>`` tag is a whole web page."""
WORD = re.compile(r"[^\W_]+")
SPAN = 3
"""Words compared at a time: a line of the article shares its runs of three words with the main content."""
HELD = 0.5
"""The share of a line's runs of words the main content must hold for the line to be part of it."""


@dataclass(frozen=True)
class MainContent:
    """The runs of words of a page's main content (see the module docstring)."""

    runs: frozenset[tuple[str, ...]]

    @classmethod
    def of(cls, raw: str) -> MainContent | None:
        """The main content of ``raw`` if it is a web page the extractor finds an article in, else ``None``."""
        if not LOOKS_LIKE_A_PAGE.search(raw):
            return None
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.html import HTMLTree

        text = extract_plain_text(HTMLTree.parse(raw), main_content=True)
        runs = frozenset(run for line in text.splitlines() for run in _all_runs(_words(line)))
        return cls(runs) if runs else None  # an extractor that finds nothing decides nothing

    def holds(self, line: str) -> bool:
        """Whether ``line`` is part of the main content: most of its runs of words are in it (a short line: all its words)."""
        runs = _runs(_words(line))
        if not runs:
            return True  # a line with no word is nobody's furniture
        return sum(run in self.runs for run in runs) >= HELD * len(runs)


def _words(line: str) -> list[str]:
    return [word.lower() for word in WORD.findall(line)]


def _runs(words: list[str]) -> list[tuple[str, ...]]:
    """The runs a line is judged by: each run of :data:`SPAN` words, or, in a shorter line, all its words as one run."""
    if len(words) >= SPAN:
        return [tuple(words[i : i + SPAN]) for i in range(len(words) - SPAN + 1)]
    return [tuple(words)] if words else []


def _all_runs(words: list[str]) -> list[tuple[str, ...]]:
    """Every run of one to :data:`SPAN` words: what a line of the main content offers to the lines judged by it."""
    return [tuple(words[i : i + size]) for size in range(1, SPAN + 1) for i in range(len(words) - size + 1)]

"""Page-level HTML in a text file: the parts of a web page that are never prose, removed as edits.

A scraped "text" is sometimes the whole page: a doctype, a ``<head>`` with
its title and metadata, scripts, styles, navigation menus.  The markup rules
strip tags but keep what is between them, so without this step the menu
items and the JavaScript would read as prose.  Here a text that looks like a
page (it has a doctype, an ``<html>`` or a ``<head>`` tag) loses its doctype,
comments, and the whole of its ``head``, ``script``, ``style``, ``noscript``,
``template``, ``svg`` and ``nav`` elements; each removal is an edit of kind
``markup``, so it is recorded and can be undone.  Any other text (a fragment
of a page, "<p>The treaty.</p><!-- ad -->", or text copied with a tracking
script in it) loses its HTML comments and its closed ``script``, ``style``,
``noscript``, ``template`` and ``svg`` elements, code and all; a lone tag
quoted in an article ("the <script> tag") stays, and so do "<nav>" and "<head>".

>>> page = "<!DOCTYPE html><html><head><title>x</title></head><body><nav>Home | News</nav><p>The treaty.</p></body></html>"
>>> [page[c.start:c.end] for c in strip_page_markup(page)]
['<!DOCTYPE html>', '<head><title>x</title></head>', '<nav>Home | News</nav>']
>>> strip_page_markup("He wrote <nav> in the memo.")
[]
>>> fragment = "<p>The treaty.</p><!-- ad slot 3 --><script>var who = 'Shinzo Abe';</script>"
>>> [fragment[c.start:c.end] for c in strip_page_markup(fragment)]
['<!-- ad slot 3 -->', "<script>var who = 'Shinzo Abe';</script>"]
>>> strip_page_markup("Use the <script> tag with care.")
[]
"""

from __future__ import annotations

import re

from ...layout.front_matter import front_matter
from ...layout.page import LOOKS_LIKE_A_PAGE
from ...text.edits import Change

NEVER_PROSE = ("head", "script", "style", "noscript", "template", "svg", "nav")
PAGE_ONLY = frozenset({"head", "nav"})
"""Elements removed only from a whole page: in a fragment, "<nav>" or "<head>" may be a word quoted in prose."""
TOKENS = re.compile(r"<!doctype[^>]*>|<!--|-->|<(/?)(" + "|".join(NEVER_PROSE) + r")\b[^>]*>", re.IGNORECASE)
"""Everything the scan looks at; one pass over the text, so the cost stays linear."""
CODE_ELEMENT = re.compile(r"<(?:" + "|".join(sorted(set(NEVER_PROSE) - PAGE_ONLY)) + r")\b", re.IGNORECASE)


def strip_page_markup(text: str) -> list[Change]:
    """Changes that delete the never-prose parts of a web page (see the module docstring).

    An element or comment that is never closed is left as it is.
    """
    page = LOOKS_LIKE_A_PAGE.search(text) is not None
    if not page and "<!--" not in text and CODE_ELEMENT.search(text) is None:
        return []
    changes: list[Change] = []
    opened: tuple[int, str] | None = None  # where the element being skipped starts, and its name
    for match in TOKENS.finditer(text):
        token, closing, name = match.group(), match.group(1), (match.group(2) or "").lower()
        if not page and (name in PAGE_ONLY or token.lower().startswith("<!doctype")):
            continue  # in a fragment of a page its comments and code go, not "<nav>", which may be quoted in prose
        if opened is None:
            if token.lower().startswith("<!doctype"):
                changes.append(Change(match.start(), match.end(), "", "markup.page", "markup"))
            elif token == "<!--" or (name and not closing):
                opened = (match.start(), name or "--")
        elif (opened[1] == "--" and token == "-->") or (closing and name == opened[1]):
            changes.append(Change(opened[0], match.end(), "", "markup.page", "markup"))
            opened = None
    return changes


def strip_front_matter(text: str) -> list[Change]:
    """A change that deletes the YAML front matter opening a Markdown post (:mod:`~alliance_corpus.layout.front_matter`), if there is one.

    The blank lines after it go too, so the text starts with its first line of prose.

    >>> text = "---\\ntitle: Futenma\\n---\\n\\nThe base."
    >>> [(text[c.start : c.end], c.replacement) for c in strip_front_matter(text)], strip_front_matter("The base.")
    ([('---\\ntitle: Futenma\\n---\\n\\n', '')], [])
    """
    found = front_matter(text)
    if found is None:
        return []
    end = found.end
    while text.startswith("\n", end):
        end += 1
    return [Change(0, end, "", "markup.front-matter", "markup")]

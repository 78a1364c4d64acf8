"""Front matter: the YAML block of ``key: value`` lines that opens a Markdown file from a static-site generator.

Hugo, Jekyll and their kin put a post's metadata between two ``---`` lines
at the top of the file.  It is not prose: restoration removes it as an edit
(:func:`~alliance_corpus.restore.fixes.page.strip_front_matter`), and the
corpus reader takes the post's title, date and address from it when the
sidecar names none (:func:`provenance`).

Only the simple form is read: ``key: value`` lines, indented continuation
lines and list items, blank lines.  A block with any other line, with no
``key: value`` line, or not closed within :data:`MAX_LINES` lines is not
front matter, and the text is left as it is.

>>> text = '---\\ntitle: "Okinawa and the bases"\\ndate: 2021-04-16\\ntags:\\n  - okinawa\\n---\\n# Okinawa'
>>> found = front_matter(text)
>>> text[found.end :], found.fields["title"], provenance(found.fields)
('# Okinawa', 'Okinawa and the bases', {'title': 'Okinawa and the bases', 'published': '2021-04-16'})
>>> front_matter("---\\nA horizontal rule, then prose.\\n---\\n") is None
True
"""

from __future__ import annotations

import re
from typing import NamedTuple

MAX_LINES = 100
"""The most lines a front matter block may have before its closing ``---``."""
FENCE = "---"
FIELD = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?")
"""A ``key: value`` line (the value may be empty, as before an indented list)."""
DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
"""The date at the start of a front matter date ('2021-04-16', '2021-04-16T10:00:00+09:00', '2021')."""

TITLE_KEYS = ("title",)
DATE_KEYS = ("date", "published", "pubdate", "publishdate")
URL_KEYS = ("url", "link", "permalink", "canonical_url", "canonicalurl")


class FrontMatter(NamedTuple):
    """Where the block ends (just after its closing line) and its top-level ``key: value`` fields, keys in lower case."""

    end: int
    fields: dict[str, str]


def front_matter(text: str) -> FrontMatter | None:
    """The front matter block that opens ``text``, or ``None`` (see the module docstring)."""
    if not text.startswith(FENCE):
        return None
    lines = text.split("\n", MAX_LINES + 1)  # bounded: the rest of a long text stays one piece
    if lines[0].rstrip() != FENCE:
        return None
    fields: dict[str, str] = {}
    offset = len(lines[0]) + 1
    for line in lines[1 : MAX_LINES + 1]:
        if line.rstrip() == FENCE:
            end = min(offset + len(line) + 1, len(text))
            return FrontMatter(end, fields) if fields else None
        field = FIELD.fullmatch(line.rstrip())
        if field is not None:
            fields[field.group(1).lower()] = _scalar(field.group(2) or "")
        elif line.strip() and not line[:1].isspace() and not line.startswith("- "):
            return None  # prose, not YAML
        offset += len(line) + 1
    return None


def provenance(fields: dict[str, str]) -> dict[str, str]:
    """The record's ``title``, ``published`` and ``url`` from front matter fields, those it has.

    >>> provenance({"title": "Futenma", "date": "2021-04-16T10:00:00+09:00", "link": "https://example.org/a", "author": "J. Smith"})
    {'title': 'Futenma', 'published': '2021-04-16', 'url': 'https://example.org/a'}
    >>> provenance({"date": "last spring", "url": "/relative/path"})
    {}
    """
    found: dict[str, str] = {}
    title = next((fields[key] for key in TITLE_KEYS if fields.get(key)), None)
    if title:
        found["title"] = title
    date = next((DATE.match(fields[key]) for key in DATE_KEYS if fields.get(key) and DATE.match(fields[key])), None)
    if date is not None:
        found["published"] = date.group()
    url = next((fields[key] for key in URL_KEYS if fields.get(key, "").startswith(("http://", "https://"))), None)
    if url:
        found["url"] = url
    return found


def _scalar(value: str) -> str:
    """A YAML scalar as text: its quotes removed."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value

"""HTML character references decoded, including double-escaped ones.

>>> [c.replacement for c in fix_markup("U.S. &amp; Japan")]
['&']
"""

from __future__ import annotations

import html
import re

from ...text.edits import Change

ENTITY = re.compile(r"&(?:amp;)*(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def fix_markup(text: str) -> list[Change]:
    """Decode HTML character references, including double-escaped ones ("&amp;lt;")."""
    changes = []
    for match in ENTITY.finditer(text):
        decoded = _unescape_fully(match.group())
        if decoded != match.group():
            changes.append(Change(match.start(), match.end(), decoded, "markup.entity", "markup"))
    return changes


def _unescape_fully(entity: str) -> str:
    previous = None
    while previous != entity:
        previous, entity = entity, html.unescape(entity)
    return entity

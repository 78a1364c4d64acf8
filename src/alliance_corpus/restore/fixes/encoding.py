"""Mojibake repaired by ftfy, as character-level changes.

>>> [c.replacement for c in fix_encoding("Japanâ€™s role")]
['’']
"""

from __future__ import annotations

from difflib import SequenceMatcher

import ftfy

from ...text.edits import Change

FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,  # entities are their own step, with their own edit kind
    uncurl_quotes=False,  # curly quotes are correct typography, not damage
    fix_character_width=False,  # full-width forms may be deliberate in Japanese names
    fix_latin_ligatures=False,
    fix_line_breaks=False,  # line ends are the whitespace rules' job
    normalization=None,  # NFC/NFKC would rewrite text that is not broken
    explain=False,
)

def fix_encoding(text: str) -> list[Change]:
    """Repair mojibake with ftfy, one line at a time, as character-level changes.

    ftfy decides whether a line is mis-decoded; we only turn its answer into
    offsets by aligning the line before and after.
    """
    changes: list[Change] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        if not line.isascii():
            fixed = ftfy.fix_text(line, FTFY_CONFIG)
            if fixed != line:
                changes.extend(_align(line, fixed, offset, rule="encoding.ftfy", kind="encoding"))
        offset += len(line)
    return changes


def _align(before: str, after: str, offset: int, *, rule: str, kind: str) -> list[Change]:
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    return [
        Change(offset + i1, offset + i2, after[j1:j2], rule, kind)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]

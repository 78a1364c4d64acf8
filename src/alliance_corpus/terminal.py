r"""Text made inert before it reaches a terminal: control characters shown, never obeyed.

File names and documents can carry escape sequences that would recolour,
retitle or rewrite a terminal, or bidirectional overrides that make text
read backwards.  Everything the command prints to a terminal, and every
message it prints, goes through :func:`inert`, which shows those characters
as ``\x1b``-style escapes.  Line breaks and tabs are kept.

>>> inert("report\x1b]0;pwned\x07.txt")
'report\\x1b]0;pwned\\x07.txt'
>>> inert("two\nlines\ttab")
'two\nlines\ttab'
"""

from __future__ import annotations

import re

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""C0 controls but tab and newline, DEL, C1 controls, and the bidirectional marks and overrides."""


def inert(text: str) -> str:
    """``text`` with every control character written as a visible escape."""
    return CONTROL.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

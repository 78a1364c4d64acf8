"""Mojibake repaired by ftfy, as character-level changes.

ftfy reads the text one line at a time, and so do we: a line ends at "\\n"
and nowhere else.  :meth:`str.splitlines` would also end lines at U+0085,
U+2028, form feeds and other separators, but U+0085 is what mojibake itself
writes when UTF-8 is read as Latin-1 (the second byte of "Å", the middle byte
of "全" or "⅔"), and a line cut there leaves both halves broken.

Text mis-decoded twice (UTF-8 read as Windows-1252, written as UTF-8 and read
as Windows-1252 again) is repaired in the same call: ftfy repeats its fixes
on a line until the line stops changing, so it peels every layer it
recognises.  The changes are offsets into the input text, whose line ends
("\\n" or "\\r\\n") are left to the layout rules.

>>> [c.replacement for c in fix_encoding("Japanâ€™s role")]
['’']
>>> [c.replacement for c in fix_encoding("JapanÃ¢â‚¬â„¢s role")]  # two layers
['’']
>>> [(c.start, c.end, c.replacement) for c in fix_encoding("A frigate from Ã\\x85rhus")]
[(15, 17, 'Å')]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
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

WINDOW = 128
"""Characters of a long line that one alignment reads; difflib's cost grows with the cube of it in the worst case."""
SLACK = 16
"""Characters the window of the repaired line gets beyond its share, so the two windows cover the same text."""


def fix_encoding(text: str) -> list[Change]:
    """Repair mojibake with ftfy, one line at a time, as character-level changes.

    ftfy decides whether a line is mis-decoded, and how many times; we only
    turn its answer into offsets by aligning the line before and after
    (:func:`align`).  Lines end at "\\n" only (see :func:`lines`).

    >>> [(c.start, c.end, c.replacement) for c in fix_encoding("Tōkyō\\nRyÃ…Â«kyÃ…Â«")]  # line 2 mis-decoded twice
    [(8, 12, 'ū'), (14, 18, 'ū')]
    """
    changes: list[Change] = []
    read_spaces: list[Change] = []
    for offset, line in lines(text):
        if not line.isascii():
            fixed = ftfy.fix_text(line, FTFY_CONFIG)
            for i1, i2, j1, j2 in align(line, fixed) if fixed != line else ():
                change = Change(offset + i1, offset + i2, fixed[j1:j2], "encoding.ftfy", "encoding")
                (read_spaces if line.count(" ", i1, i2) > fixed.count(" ", j1, j2) else changes).append(change)
    return sorted(changes + [c for c in read_spaces if changes or _glued(text, c)])


def _glued(text: str, change: Change) -> bool:
    """Whether ``change`` starts right after a character that is no blank (a lost no-break space between two words).

    ftfy reads a space after "Â" or "Î" as the byte 0xA0 of a UTF-8
    character ("TokyoÂ the" was "Tokyo\u00a0the" read as Windows-1252, its
    no-break space later made a space).  In a text with no other mojibake,
    that reading is kept only where the letter is glued to the word before
    it: "the letter Â is" and "as in Î" are Romanian or French, and stay.

    >>> [c.replacement for c in fix_encoding("TokyoÂ the capital")], fix_encoding("The letter Â is rare, as in Î debates.")
    (['\xa0'], [])
    >>> [c.replacement for c in fix_encoding("Japanâ€™s role. The letter Â is")]  # other mojibake: the space is a lost byte too
    ['’', '\xa0']
    """
    return change.start > 0 and not text[change.start - 1].isspace()


def lines(text: str) -> Iterator[tuple[int, str]]:
    """Where each line of ``text`` starts, and the line with its "\\n"; no other character ends a line.

    ftfy itself breaks text at "\\n" only, so each line we hand it is one
    segment to it.  U+0085, U+2028 and form feeds stay inside their line.

    >>> list(lines("Ã\\x85rhus\\r\\nNaha\\u2028Nago\\n"))
    [(0, 'Ã\\x85rhus\\r\\n'), (8, 'Naha\\u2028Nago\\n')]
    """
    start = 0
    while start < len(text):
        end = text.find("\n", start) + 1 or len(text)
        yield start, text[start:end]
        start = end


def align(before: str, after: str) -> Iterator[tuple[int, int, int, int]]:
    """The spans ``before[i1:i2]`` that became ``after[j1:j2]``, in order; time linear in the lengths.

    difflib aligns a window of :data:`WINDOW` characters of ``before`` with
    the same share of ``after`` (ftfy shortens mojibake, "Ã©" to "é").  A
    window's result is kept up to a point in equal text past its middle, and
    the next window starts there, so every change is judged with context on
    both sides.  A line that fits in one window is aligned exactly as difflib
    aligns it whole.

    >>> list(align("cafÃ© naÃ¯ve", "café naïve"))
    [(3, 5, 3, 4), (8, 10, 7, 8)]
    """
    i = j = 0
    while True:
        rest_a, rest_b = len(before) - i, len(after) - j
        a = before[i : i + WINDOW]
        share = -(-len(a) * rest_b // max(rest_a, 1))  # ceiling division
        b = after[j : j + min(rest_b, share + SLACK, 2 * WINDOW)]
        opcodes = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
        last = len(a) == rest_a and len(b) == rest_b
        cut = (len(a), len(b)) if last else _cut(opcodes, len(a), len(b))
        for tag, i1, i2, j1, j2 in opcodes:
            if i1 >= cut[0] and j1 >= cut[1]:
                break
            if tag != "equal":
                yield i + i1, i + i2, j + j1, j + j2
        if last:
            return
        i, j = i + cut[0], j + cut[1]


def _cut(opcodes: Sequence[tuple[str, int, int, int, int]], width_a: int, width_b: int) -> tuple[int, int]:
    """Where a window's result ends: in the first equal text past its middle, else after the last equal text, else at its end."""
    equal = [(i1, i2, j1) for tag, i1, i2, j1, _ in opcodes if tag == "equal"]
    for i1, i2, j1 in equal:
        if i2 > width_a // 2:
            at = max(i1, (width_a + 1) // 2)
            return at, j1 + at - i1
    if equal:
        i1, i2, j1 = equal[-1]
        return i2, j1 + i2 - i1
    return width_a, width_b

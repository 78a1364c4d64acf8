"""Hard-wrapped text: line breaks that only wrap a paragraph, as in PDF and e-mail copies.

A text copied from a PDF or an e-mail breaks its paragraphs into lines of
about the same width.  Those breaks are not paragraph ends: a wrapped line is
not a heading, the line after it does not start a sentence, and ``prose()``
should give the paragraph back whole.

A block of consecutive non-blank lines is hard-wrapped when it has at least
:data:`MIN_LINES` lines, its width ``W`` (its longest line) is that of a page
(:data:`MIN_WIDTH` to :data:`MAX_WIDTH` characters), and three quarters
of its lines reach near ``W`` or run on into the next (:func:`_continues`).  Inside such a block, the break after a line is a soft
wrap when the line is long and the next line's first word would not have
fitted on it (``len(line) + 1 + len(word) > FIT * W``), or when the line runs
on: it ends in a hyphen, or it does not end a sentence and the next one
starts in lower case.

>>> text = ("The alliance has been the cornerstone of security in the region since\\n"
...         "1951, when the two countries signed the first treaty in San Francisco,\\n"
...         "and it was revised in 1960 after large protests in Tokyo and elsewhere.\\n"
...         "\\n"
...         "Short heading")
>>> [text[i - 8 : i] for i in soft_breaks(text)]
['on since', 'ancisco,']
"""

from __future__ import annotations

import re

MIN_LINES = 3
MIN_WIDTH = 40
MAX_WIDTH = 140
"""Lines wider than this are paragraphs of their own (web pages), not wrapped ones."""
FULL = 0.75
"""A line at least this share of the block's width counts as a full line."""
FIT = 0.9
SENTENCE_END = (".", "!", "?", ":", ";", "”", '"', ")")


def soft_breaks(text: str) -> list[int]:
    """Offsets of the line breaks of ``text`` that only wrap a paragraph."""
    breaks: list[int] = []
    for block in _blocks(text):
        breaks += _soft_in(text, block)
    return breaks


def _blocks(text: str) -> list[list[tuple[int, int]]]:
    """Runs of consecutive non-blank lines, as ``(start, end)`` spans without the line break."""
    blocks: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\n]*", text):
        if match.start() > 0 and text[match.start() - 1 : match.start()] != "\n":
            continue  # the empty match right after a line's content
        if match.group().strip():
            current.append(match.span())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _soft_in(text: str, block: list[tuple[int, int]]) -> list[int]:
    lines = [text[start:end].rstrip() for start, end in block]
    width = max(len(line) for line in lines)
    full = sum(len(line) >= FULL * width for line in lines[:-1])
    carried = sum(_continues(line, following) for line, following in zip(lines, lines[1:]))
    wrapped = full * 4 >= 3 * (len(lines) - 1) or carried * 4 >= 3 * (len(lines) - 1)
    if len(lines) < MIN_LINES or not MIN_WIDTH <= width <= MAX_WIDTH or not wrapped:
        return []
    soft = []
    for (_, end), line, following in zip(block, lines, lines[1:]):
        word = following.split()[0] if following.split() else ""
        too_long = len(line) >= FULL * width and len(line) + 1 + len(word) > FIT * width
        if too_long or _continues(line, following):
            soft.append(end)
    return soft


def _continues(line: str, following: str) -> bool:
    """Whether ``line`` runs on into ``following``: it ends in a hyphen, or ends no sentence and the next line starts in lower case.

    A block most of whose lines run on is wrapped however ragged its lines
    are (a hand-wrapped text broken at its hyphens: "the Self-⏎Defense Forces").

    >>> _continues("the Self-", "Defense Forces"), _continues("planning to situations", "in areas"), _continues("It ended.", "then")
    (True, True, False)
    """
    word = following.split()[0] if following.split() else ""
    return bool(word) and (line.endswith("-") or (not line.endswith(SENTENCE_END) and word[:1].islower()))

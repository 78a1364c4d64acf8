"""Long texts in pieces: chunks the model can read, and groups of chunks bounded in size.

The model reads a long document chunk by chunk, and a few chunks at a time,
so that its memory does not grow with the document.

>>> list(split_text("one.\\n\\ntwo.", limit=6))
[(0, 'one.\\n\\n'), (6, 'two.')]
>>> [len(group) for group in bounded_groups(["aaaa", "bb", "cc", "d"], len, limit=4)]
[1, 2, 1]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

__all__ = ["CHUNK_CHARS", "bounded_groups", "count_words", "split_paragraphs", "split_text"]

CHUNK_CHARS = 50_000
"""The longest piece of a text the model reads as one ``Doc``: longer texts are cut at paragraph ends (:func:`split_text`)."""

T = TypeVar("T")

_BOUNDARIES = [re.compile(pattern) for pattern in (r"\n\s*\n", r"\n", r"[.!?]\s", r"\s")]


def split_text(text: str, limit: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """Cut ``text`` into ``(offset, piece)`` chunks of at most ``limit`` characters.

    Cuts fall after a blank line where possible, else after a line break or a
    sentence end, else at a space, so no entity is cut in two in practice.
    Each cut lies in the second half of its window, so every character is
    read a bounded number of times, however long the text.
    """
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = _last_boundary(window)
        yield start, window[:cut]
        start += cut
    if start < len(text) or not text:
        yield start, text[start:]


NON_SPACE = re.compile(r"\S")


def split_paragraphs(text: str, limit: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """``(offset, piece)`` for each paragraph of ``text``: its lines up to a blank line, without the blank lines.

    A paragraph longer than ``limit`` is cut by :func:`split_text`.  A
    one-line paragraph is the whole line, its spaces included.  Each line is
    read once, so the cost is linear however long the lines or the blanks.

    >>> list(split_paragraphs("One.\\nTwo.\\n\\n  Three. \\n"))
    [(0, 'One.\\nTwo.'), (11, '  Three. ')]
    """
    for start, end in _paragraph_spans(text):
        for offset, piece in split_text(text[start:end], limit):
            yield start + offset, piece


def _paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    start, end, position = -1, 0, 0
    while position <= len(text):
        newline = text.find("\n", position)
        stop = len(text) if newline < 0 else newline
        if NON_SPACE.search(text, position, stop):
            start = position if start < 0 else start
            end = stop
        elif start >= 0:
            yield start, end
            start = -1
        position = stop + 1
    if start >= 0:
        yield start, end


def _last_boundary(window: str) -> int:
    for pattern in _BOUNDARIES:
        last = max((match.end() for match in pattern.finditer(window)), default=0)
        if last > len(window) // 2:
            return last
    return len(window)


def bounded_groups(items: Iterable[T], size: Callable[[T], int], limit: int) -> Iterator[list[T]]:
    """Consecutive ``items``, as many at a time as fit in ``limit`` (by ``size``); an item larger than ``limit`` goes alone."""
    group: list[T] = []
    total = 0
    for item in items:
        if group and total + size(item) > limit:
            yield group
            group, total = [], 0
        group.append(item)
        total += size(item)
    if group:
        yield group


COUNT_CHARS = 1_000_000
"""Characters :func:`count_words` splits at a time."""
SPACE = re.compile(r"\s")


def count_words(text: str) -> int:
    """``len(text.split())``, without holding every word of a long text at once.

    A 20 MB document split whole makes three million strings (about 200 MB)
    just to count them; here at most :data:`COUNT_CHARS` characters are split
    at a time, each piece ending at whitespace so no word is cut.

    >>> count_words("The alliance  endured.\\n\\nIt grew."), count_words("")
    (5, 0)
    """
    count, start = 0, 0
    while start < len(text):
        end = start + COUNT_CHARS
        if end < len(text):
            space = SPACE.search(text, end)  # the first whitespace at or after the cut
            end = space.start() if space else len(text)
        count += len(text[start:end].split())
        start = end
    return count

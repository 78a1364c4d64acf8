"""The input of annotation: a raw text with its id and provenance.

>>> from alliance_corpus.records import Source
>>> RawDocument("a", "Okinawa.", Source(path="raw/a.txt", sha256="0" * 64)).id
'a'
"""

from __future__ import annotations

from dataclasses import dataclass

from .corrections import Correction
from .models import Source


@dataclass(frozen=True)
class RawDocument:
    """A raw text to annotate, with its id and provenance (not itself written to disk).

    ``reference`` is the text of the original it was spun from, when known:
    restoration then aligns it to that original.
    """

    id: str
    text: str
    source: Source
    reference: str | None = None
    corrections: tuple[Correction, ...] = ()
    """The researcher's corrections of this document (see :mod:`.corrections`), applied when it is annotated."""

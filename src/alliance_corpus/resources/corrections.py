"""Reading a corpus's corrections file: ``corrections/corrections.jsonl`` in the corpus folder.

The file is a versioned JSON Lines data file like the rule files: a ``//``
header line with its version, then one correction per line (see
:mod:`alliance_corpus.records.corrections`).  ``alliance-corpus corrections``
writes it; a researcher may edit it by hand.  A bad line, or two
corrections with one id, stops the run with an error naming the file and line.

>>> from pathlib import Path
>>> read_corrections(Path("no/such/corpus"))
()
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import ResourceError
from ..records.corrections import Correction
from .jsonl import read_jsonl

FOLDER = "corrections"
FILE = "corrections.jsonl"
VERSION = "1.0.0"
HEADER = f"// alliance_corpus corrections, {FILE}, version {VERSION}: one correction per line; see the README, section Corrections."


def corrections_path(root: Path) -> Path:
    """Where the corrections of the corpus folder ``root`` are kept."""
    return Path(root) / FOLDER / FILE


def read_corrections(root: Path) -> tuple[Correction, ...]:
    """The corrections of the corpus folder ``root`` (none when it has no corrections file), checked whole."""
    path = corrections_path(root)
    if not os.path.lexists(path):
        return ()  # anything else there (a pipe, a folder, a dangling link) is refused when read, not taken for no corrections
    seen: dict[str, int] = {}
    found = []
    for number, correction in read_jsonl(path, Correction):
        if correction.id in seen:
            raise ResourceError(path, number, f"correction {correction.id} is already on line {seen[correction.id]}")
        seen[correction.id] = number
        found.append(correction)
    return tuple(found)

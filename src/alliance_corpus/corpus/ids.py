"""Document ids: safe as file names, short enough for any file system, never reserved, never shared.

An id comes from the file's path inside ``raw/``: folders are joined with
``__``, letters with accents lose them (``Kōno`` -> ``Kono``), each run of
letters no ASCII letter can stand for becomes the name of its script
(``日米同盟`` -> ``cjk``), and any other run of characters outside
``[A-Za-z0-9._-]`` becomes ``-``, so an id can never name a path outside the
output folder.  Then:

- an id longer than :data:`MAX_ID_LENGTH` is cut and ends in a stable hash
  of the whole path (``-`` and 10 hex digits);
- a reserved name (``index``, which is the corpus index) gets the hash too;
- so does a name that lost letters to a script's name, so that two Japanese
  file names never share an id;
- ids that two files would share, compared without regard to case (as on
  macOS and Windows file systems), all get the hash of their own path.

The hash is of the path inside ``raw/``, so an id never changes while its file
keeps its name, except when a second file with a clashing name appears.

>>> from pathlib import Path
>>> document_id(Path("raw"), Path("raw/press/2021 CFR report.txt"))
'press__2021-CFR-report'
>>> assign_ids(Path("raw"), [Path("raw/Okinawa.txt"), Path("raw/okinawa.txt"), Path("raw/index.txt")])
['Okinawa-170845b4b0', 'okinawa-829d3c9709', 'index-52aa09f650']
>>> assign_ids(Path("raw"), [Path("raw/日米同盟.txt"), Path("raw/沖縄 2021.txt"), Path("raw/Kōno Tarō.md")])
['cjk-c388096b93', 'cjk-2021-a570f10b7d', 'Kono-Taro']
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}")
"""What a valid id looks like; record files are ``<id>.json``."""

MAX_ID_LENGTH = 120
"""Longest id before it is cut: well under the 255-byte file-name limit with ``.json`` and temporary prefixes."""

RESERVED = frozenset({"index"})
"""Ids that would collide with the corpus's own files (``index.json``), compared without regard to case."""

UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
HASH_DIGITS = 10


def document_id(raw_dir: Path, path: Path) -> str:
    """The id of one file, before clashes with other files are resolved (see the module docstring)."""
    relative = _relative(raw_dir, path)
    readable = [ascii_name(part) for part in Path(relative).with_suffix("").parts]
    candidate = "__".join(UNSAFE.sub("-", part) for part, _ in readable).lstrip(".-_") or "document"
    lost_letters = any(lost for _, lost in readable)
    if len(candidate) > MAX_ID_LENGTH or candidate.lower() in RESERVED or lost_letters:
        return _hashed(candidate, relative)
    return candidate


def assign_ids(raw_dir: Path, paths: Iterable[Path]) -> list[str]:
    """Ids for ``paths``, in order; no two ids are equal, even without regard to case."""
    paths = list(paths)
    candidates = [document_id(raw_dir, path) for path in paths]
    counts = Counter(candidate.lower() for candidate in candidates)
    return [
        _hashed(candidate, _relative(raw_dir, path)) if counts[candidate.lower()] > 1 else candidate
        for candidate, path in zip(candidates, paths)
    ]


def is_safe_id(value: object) -> bool:
    """Whether ``value`` is an id this package could have written (``index.json`` entries are checked with it).

    >>> is_safe_id("000_ff174e8760ddc370"), is_safe_id("../victim"), is_safe_id("index")
    (True, False, False)
    """
    return isinstance(value, str) and bool(SAFE_ID.fullmatch(value)) and value.lower() not in RESERVED


def ascii_name(name: str) -> tuple[str, bool]:
    """``name`` in ASCII letters where it can be, and whether some letters could only be named by their script.

    >>> ascii_name("Kōno Tarō"), ascii_name("日米の同盟"), ascii_name("Путин")
    (('Kono Taro', False), ('cjk-hiragana-cjk', True), ('cyrillic', True))
    """
    if name.isascii():  # ids of ASCII names stay exactly what they were
        return name, False
    pieces: list[str] = []
    lost = False
    for char in unicodedata.normalize("NFKD", name):
        if char.isascii():
            pieces.append(char)
        elif unicodedata.combining(char):
            continue
        elif char.isalnum():
            script = unicodedata.name(char, "letter").split()[0].lower()
            if not pieces or pieces[-1] != script:
                pieces += ["-", script] if pieces and pieces[-1] not in "-_ " else [script]
            lost = True
        else:
            pieces.append("-")
    return re.sub(r"-{2,}", "-", "".join(pieces)).strip("-"), lost


def _relative(raw_dir: Path, path: Path) -> str:
    return Path(path).relative_to(raw_dir).as_posix()


def _hashed(candidate: str, relative: str) -> str:
    digest = hashlib.sha256(relative.encode("utf-8", "surrogateescape")).hexdigest()[:HASH_DIGITS]
    stem = candidate[: MAX_ID_LENGTH - HASH_DIGITS - 1].rstrip(".-_") or "document"
    return f"{stem}-{digest}"

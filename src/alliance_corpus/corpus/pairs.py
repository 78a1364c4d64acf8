"""Files for ``alliance-corpus induce``: example pairs in, edited prose for checking, learnt rules out.

A pair is a JSON file holding a spun copy (``"garbled"`` or ``"spun"``) and
the ``"original"`` it was made from, the format of ``tests/data/garbled``.  The
negative corpus is ``.txt`` files, or JSON files with a ``"text"`` (a page whose
``"language"`` is given and is not ``"en"`` is skipped).  A folder stands for the
matching files directly inside it, in name order.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.json").write_text('{"garbled": "The alliance v Japan.", "original": "The alliance with Japan."}')
>>> read_pairs([folder])
[('a', 'The alliance v Japan.', 'The alliance with Japan.')]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import orjson

from ..errors import DocumentError
from ..restore.induce import InducedRule, rule_json
from ..restore.reference import MIN_MATCHED
from .discovery import containment
from .io import write_atomic
from .sources import inside_folder


def read_pairs(paths: Sequence[Path]) -> list[tuple[str, str, str]]:
    """``(name, spun, original)`` for every pair file; a file that is not a pair raises E110 naming it."""
    pairs = []
    for path in _files(paths, (".json",)):
        data = _json(path)
        spun = data.get("garbled", data.get("spun")) if isinstance(data, dict) else None
        original = data.get("original") if isinstance(data, dict) else None
        if not (isinstance(spun, str) and isinstance(original, str) and spun.strip() and original.strip()):
            raise DocumentError(path, "E110", problem="needs a non-empty \"garbled\" (or \"spun\") text and its \"original\"")
        matched = containment(spun, original)
        if matched < MIN_MATCHED:
            problem = f"its \"original\" holds only {matched:.0%} of the copy's words in order (a spun copy's original holds at least half): it is not this copy's original"
            raise DocumentError(path, "E110", problem=problem)
        pairs.append((path.stem, spun, original))
    return pairs


def read_negative(paths: Sequence[Path]) -> list[str]:
    """The English texts of the negative corpus: ``.txt`` files and JSON pages with a ``"text"``."""
    texts = []
    for path in _files(paths, (".txt", ".json")):
        if path.suffix == ".txt":
            texts.append(path.read_text(encoding="utf-8"))
            continue
        data = _json(path)
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise DocumentError(path, "E110", problem="a negative-corpus JSON file needs a \"text\"")
        if data.get("language", "en") == "en":
            texts.append(data["text"])
    return texts


def write_rules(path: Path, rules: Iterable[InducedRule], *, pairs: int, negative: int) -> int:
    """Write the learnt rules as a rule file (a header line, then one JSON rule per line), atomically; return their number."""
    lines = [orjson.dumps(rule_json(rule)) + b"\n" for rule in rules]
    header = (
        f"// alliance_corpus rules, {path.name}: learnt by `alliance-corpus induce` from {pairs} pair(s), "
        f"checked on {negative} negative text(s); spun texts only. Review before use.\n"
    )
    write_atomic(path, [header.encode(), *lines])
    return len(lines)


def _files(paths: Sequence[Path], suffixes: tuple[str, ...]) -> list[Path]:
    """The files named, and the regular files with one of ``suffixes`` directly inside the folders named.

    A link inside a folder that leads out of it is refused: only what was given is read.
    """
    found = []
    for path in paths:
        if path.is_dir():
            inside = sorted(p for p in path.iterdir() if p.suffix in suffixes and p.is_file())
            for file in inside:
                if not inside_folder(file, path):
                    raise DocumentError(file, "E110", problem=f"is a link to {file.resolve()}, outside {path}; it is not read")
            found.extend(inside)
        elif path.is_file():
            found.append(path)
        else:
            raise DocumentError(path, "E104", reason="no such file or folder")
    return found


def _json(path: Path) -> object:
    try:
        return orjson.loads(path.read_bytes())
    except orjson.JSONDecodeError as error:
        raise DocumentError(path, "E110", problem=f"is not JSON ({error})") from None

"""The data files the pipeline reads: rules, gazetteers and lexicons, bundled and user-supplied.

- :mod:`.rules`: restoration rules (what to rewrite, and how surely);
- :mod:`.gazetteer`: the entities (names, aliases, labels, ids);
- :mod:`.lexicons`: word lists the code interprets (function words, titles,
  head words, scripts, agencies, boilerplate lines);
- :mod:`.jsonl`: the JSON Lines reader they share, with file-and-line errors.

Bundled files live in ``alliance_corpus/data/``.  A researcher extends them by
placing files in the corpus folder (the folder that holds ``raw/``):
``rules/*.jsonl`` for restoration rules and ``gazetteer/*.jsonl`` for
entities.  User files are read after the bundled ones, in name order.

The :attr:`Resources.fingerprint` covers the bytes of every file in use, so a
changed rule or entity makes ``annotate`` process the documents again.

>>> res = Resources.bundled()
>>> [p.name for p in res.rule_files][:2]
['calques.jsonl', 'casing.jsonl']
>>> len(res.fingerprint)
64
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .locate import DATA, package_data

if TYPE_CHECKING:
    from pydantic import BaseModel

    from ..errors import ResourceError
    from .gazetteer import Gazetteer
    from .lexicons import Lexicon
    from .rules import Rule

__all__ = ["DATA", "Resources", "fingerprint_files", "package_data"]


def _jsonl_in(folder: Path | None) -> tuple[Path, ...]:
    if folder is None or not folder.is_dir():
        return ()
    return tuple(sorted(folder.glob("*.jsonl")))


def _check_own_file(path: Path, root: Path) -> None:
    """Refuse (E201) a corpus's resource file that is a link out of the corpus folder, or no regular file (a pipe would block the run).

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "rules").mkdir()
    >>> (root / "rules" / "out.jsonl").symlink_to("/etc/hostname")
    >>> _check_own_file(root / "rules" / "out.jsonl", root)
    Traceback (most recent call last):
    alliance_corpus.errors.ResourceError: [E201] ...out.jsonl: ...is a link to /etc/hostname, outside the corpus folder; it is not read
    """
    from ..errors import ResourceError

    target = Path(os.path.realpath(path))
    if not target.is_relative_to(os.path.realpath(root)):
        raise ResourceError(path, None, f"is a link to {target}, outside the corpus folder; it is not read")
    if not stat.S_ISREG(target.stat().st_mode):
        raise ResourceError(path, None, "is not a regular file (a pipe, a device or a folder); it is not read")


@dataclass(frozen=True)
class Resources:
    """The rule, gazetteer and lexicon files one pipeline run uses."""

    rule_files: tuple[Path, ...]
    gazetteer_files: tuple[Path, ...]
    lexicon_files: tuple[Path, ...] = field(default=())

    @classmethod
    def bundled(cls) -> Resources:
        """Only the files shipped with the package; always the same instance, so what it loads is loaded once.

        >>> Resources.bundled() is Resources.bundled()
        True
        """
        return _bundled()

    @classmethod
    def for_corpus(cls, root: Path | None) -> Resources:
        """Bundled files plus ``root/rules/*.jsonl``, ``root/gazetteer/*.jsonl`` and ``root/lexicons/*.jsonl``.

        A corpus with no files of its own gets the bundled instance, so a
        process that annotates several such corpora reads the bundled files once.

        >>> Resources.for_corpus(Path("no-such-folder")) is Resources.bundled()
        True
        """
        base = cls.bundled()
        if root is None:
            return base
        own = [_jsonl_in(Path(root) / folder) for folder in ("rules", "gazetteer", "lexicons")]
        for path in (path for files in own for path in files):
            _check_own_file(path, Path(root))
        if not any(own):
            return base
        return cls(
            rule_files=base.rule_files + own[0],
            gazetteer_files=base.gazetteer_files + own[1],
            lexicon_files=base.lexicon_files + own[2],
        )

    @cached_property
    def fingerprint(self) -> str:
        """SHA-256 over the names and bytes of every file, in a fixed order."""
        return fingerprint_files([*self.rule_files, *self.gazetteer_files, *self.lexicon_files])

    @cached_property
    def rules(self) -> tuple[Rule, ...]:
        """The restoration rules, validated (see :mod:`alliance_corpus.resources.rules`)."""
        from .rules import load_rules

        return load_rules(self.rule_files, bundled=DATA)

    @cached_property
    def lexicon(self) -> Lexicon:
        """The word lists, validated (see :mod:`alliance_corpus.resources.lexicons`)."""
        from .lexicons import load_lexicon

        return load_lexicon(self.lexicon_files)

    @cached_property
    def gazetteer(self) -> Gazetteer:
        """The alliance gazetteer, validated (see :mod:`alliance_corpus.resources.gazetteer`)."""
        from .gazetteer import load_gazetteer

        return load_gazetteer(self.gazetteer_files)

    def line_problems(self) -> list[ResourceError]:
        """Every line of every file that is not valid JSON or not a valid entry of its kind, in file order.

        The checks across lines and files (a repeated id, a name two entities
        claim) come after, when the files load.
        """
        from .gazetteer import GazetteerEntry
        from .jsonl import line_problems
        from .lexicons import LexiconEntry
        from .rules import Rule as RuleModel

        kinds: list[tuple[tuple[Path, ...], type[BaseModel]]] = [
            (self.rule_files, RuleModel), (self.gazetteer_files, GazetteerEntry), (self.lexicon_files, LexiconEntry)
        ]  # fmt: skip
        return [problem for files, model in kinds for path in files for problem in line_problems(path, model)]


@lru_cache(maxsize=1)
def _bundled() -> Resources:
    return Resources(
        rule_files=_jsonl_in(DATA / "rules"),
        gazetteer_files=_jsonl_in(DATA / "gazetteer"),
        lexicon_files=_jsonl_in(DATA / "lexicons"),
    )


def fingerprint_files(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()

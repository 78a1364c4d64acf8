"""Old module paths of release 0.2, kept importable with a DeprecationWarning.

Release 0.3 gave the package one-way layers (see the README's Development
section).  Code that imports a module by its old path gets a module whose
names are looked up in the new homes listed in :data:`MOVED`, and a
:class:`DeprecationWarning` that names them.

>>> import sys, warnings
>>> _ = sys.modules.pop("alliance_corpus.evaluate", None)  # warn again if imported before
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     from alliance_corpus.evaluate import word_error_rate
>>> word_error_rate("a b", "a c"), caught[0].category.__name__
(0.5, 'DeprecationWarning')
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
import types
import warnings
from collections.abc import Sequence
from typing import Any

MOVED: dict[str, tuple[str, ...]] = {
    "alliance_corpus.edits": ("alliance_corpus.text",),
    "alliance_corpus.schema": ("alliance_corpus.records.schema",),
    "alliance_corpus.datafiles": ("alliance_corpus.resources.jsonl",),
    "alliance_corpus.gazetteer": ("alliance_corpus.resources.gazetteer",),
    "alliance_corpus.linking": (
        "alliance_corpus.entities.resolve", "alliance_corpus.entities.mention", "alliance_corpus.entities.credits",
        "alliance_corpus.entities.tidy", "alliance_corpus.entities.relabel", "alliance_corpus.entities.discover",
        "alliance_corpus.entities.compounds", "alliance_corpus.entities.surnames",
    ),
    "alliance_corpus.sources": ("alliance_corpus.corpus.sources",),
    "alliance_corpus.runner": ("alliance_corpus.corpus.runner",),
    "alliance_corpus.analysis": ("alliance_corpus.corpus.analysis",),
    "alliance_corpus.export": ("alliance_corpus.corpus.export",),
    "alliance_corpus.evaluate": ("alliance_corpus.metrics",),
    "alliance_corpus.restore.rules": ("alliance_corpus.resources.rules",),
    "alliance_corpus.restore.segments": ("alliance_corpus.layout.segments", "alliance_corpus.layout.credits"),
    "alliance_corpus.restore.garble": ("alliance_corpus.restore.detect.garble",),
    "alliance_corpus.restore.scripts": ("alliance_corpus.restore.detect.scripts",),
    "alliance_corpus.restore.steps": (
        "alliance_corpus.restore.fixes.encoding", "alliance_corpus.restore.fixes.markup",
        "alliance_corpus.restore.fixes.rules", "alliance_corpus.restore.fixes.casing", "alliance_corpus.resources.rules",
    ),
    "alliance_corpus.restore.context": ("alliance_corpus.restore.fixes.context",),
    "alliance_corpus.restore.names": ("alliance_corpus.restore.fixes.names",),
}  # fmt: skip
"""Old module path -> the modules its names moved to, searched in order."""


class _MovedModule(types.ModuleType):
    """A stand-in for a moved module: attribute look-ups go to its new homes."""

    def __init__(self, name: str, targets: Sequence[str]):
        super().__init__(name, f"Moved to {', '.join(targets)}.")
        self._targets = tuple(targets)

    def __getattr__(self, attribute: str) -> Any:
        if attribute.startswith("__"):
            raise AttributeError(attribute)
        for target in self._targets:
            module = importlib.import_module(target)
            if hasattr(module, attribute):
                return getattr(module, attribute)
        raise AttributeError(f"{self.__name__} has no {attribute!r} (its names moved to {', '.join(self._targets)})")


class _MovedFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finds the old paths of :data:`MOVED` and loads them as :class:`_MovedModule`."""

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> importlib.machinery.ModuleSpec | None:
        if fullname not in MOVED:
            return None
        return importlib.machinery.ModuleSpec(fullname, self)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        return _MovedModule(spec.name, MOVED[spec.name])

    def exec_module(self, module: types.ModuleType) -> None:
        targets = MOVED[module.__name__]
        warnings.warn(
            f"{module.__name__} is deprecated: import from {' or '.join(targets)} instead",
            DeprecationWarning,
            stacklevel=2,
        )


def install() -> None:
    """Make the old paths importable (once per process)."""
    if not any(isinstance(finder, _MovedFinder) for finder in sys.meta_path):
        sys.meta_path.append(_MovedFinder())

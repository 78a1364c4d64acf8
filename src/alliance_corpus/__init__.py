"""alliance_corpus: a clean, entity-annotated corpus from garbled texts on the U.S.-Japan alliance.

The public API, imported lazily so that ``import alliance_corpus`` and reading
an annotated corpus never load spaCy:

- :func:`clean` restores a text and explains every edit;
- :func:`annotate` restores, tags and links one text;
- :func:`annotate_corpus` processes a folder of raw documents;
- :func:`load_corpus` reads an annotated corpus as typed records.

The package is layered; each layer imports only the ones below it::

    cli -> corpus -> annotation -> restore | entities -> layout | nlp -> resources -> records -> text

>>> import alliance_corpus
>>> alliance_corpus.clean("More bases are in Japan 보다 in any kind of other country since people War II.").text
'More bases are in Japan than in any other country since World War II.'
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from . import _compat
from ._version import __version__

_compat.install()

_EXPORTS = {
    "clean": "alliance_corpus.restore",
    "RestoreConfig": "alliance_corpus.restore",
    "annotate": "alliance_corpus.annotation",
    "annotate_corpus": "alliance_corpus.corpus.runner",
    "load_corpus": "alliance_corpus.corpus",
    "Corpus": "alliance_corpus.corpus",
    "AnnotatedDocument": "alliance_corpus.records",
    "CleanResult": "alliance_corpus.records",
    "Edit": "alliance_corpus.records",
    "Entity": "alliance_corpus.records",
    "Resources": "alliance_corpus.resources",
    "SCHEMA_VERSION": "alliance_corpus.records",
}

__all__ = ["__version__", *_EXPORTS]

if TYPE_CHECKING:  # pragma: no cover
    # `import X as X` marks a re-export (the names are in `__all__` through `_EXPORTS`)
    from .annotation import annotate as annotate
    from .corpus import Corpus as Corpus
    from .corpus import load_corpus as load_corpus
    from .corpus.runner import annotate_corpus as annotate_corpus
    from .records import SCHEMA_VERSION as SCHEMA_VERSION
    from .records import AnnotatedDocument as AnnotatedDocument
    from .records import CleanResult as CleanResult
    from .records import Edit as Edit
    from .records import Entity as Entity
    from .resources import Resources as Resources
    from .restore import RestoreConfig as RestoreConfig
    from .restore import clean as clean


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'alliance_corpus' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)

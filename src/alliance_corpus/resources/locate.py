"""Where the bundled data files are: ``alliance_corpus/data/``.

>>> package_data("lexicons").name
'lexicons'
"""

from __future__ import annotations

from importlib import resources as importlib_resources
from pathlib import Path

DATA = Path(str(importlib_resources.files("alliance_corpus") / "data"))
"""The folder of bundled rules, gazetteers and lexicons."""


def package_data(name: str) -> Path:
    """Path of a bundled data file or folder, e.g. ``package_data("rules")``."""
    return DATA / name

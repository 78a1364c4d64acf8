"""Raw documents on disk: discovery, ids, decoding and sidecar metadata.

A corpus folder holds ``raw/`` with one UTF-8 ``.txt`` file per document and,
beside each, an optional sidecar ``<name>.meta.json`` with provenance
(``title``, ``url``, ``publisher``, ``published``, ``retrieved``,
``derived_from``, ``notes``).

Document ids come from the file's path inside ``raw/``: folders are joined
with ``__`` and any character outside ``[A-Za-z0-9._-]`` becomes ``-``, so an
id can never name a path outside the output folder.

>>> document_id(Path("raw"), Path("raw/press/2021 CFR report.txt"))
'press__2021-CFR-report'
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import orjson
from pydantic import ValidationError

from ..errors import DocumentError
from ..records import RawDocument, Source

SIDECAR_SUFFIX = ".meta.json"
SIDECAR_FIELDS = ("title", "url", "publisher", "published", "retrieved", "derived_from", "notes")
UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def discover(raw_dir: Path) -> list[Path]:
    """Every ``.txt`` file under ``raw_dir`` (hidden files and folders skipped), in a fixed order."""
    return sorted(
        path
        for path in Path(raw_dir).rglob("*.txt")
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(raw_dir).parts)
    )


def document_id(raw_dir: Path, path: Path) -> str:
    """A safe, stable id for ``path`` (see the module docstring)."""
    relative = Path(path).relative_to(raw_dir).with_suffix("")
    parts = [UNSAFE.sub("-", part) for part in relative.parts]
    joined = "__".join(parts).lstrip(".-_")
    return joined or "document"


def read_raw(raw_dir: Path, path: Path, corpus_root: Path) -> RawDocument:
    """Read, check and describe one raw document; raise :class:`DocumentError` if it is unusable."""
    shown = _shown(path, corpus_root)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(shown, "E104", reason=exc.strerror or exc) from None
    text = decode(data, shown)
    source = Source(path=shown, sha256=hashlib.sha256(data).hexdigest(), **read_sidecar(path, corpus_root))
    return RawDocument(id=document_id(raw_dir, path), text=text, source=source)


def decode(data: bytes, shown: str) -> str:
    """UTF-8 text of a raw file, or a :class:`DocumentError` that says what is wrong."""
    if not data.strip():
        raise DocumentError(shown, "E101")
    if b"\0" in data[:8192]:
        raise DocumentError(shown, "E102")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        byte = data[exc.start : exc.start + 1].hex()
        raise DocumentError(shown, "E103", byte=byte, offset=exc.start) from None


def read_sidecar(path: Path, corpus_root: Path) -> dict[str, Any]:
    """Provenance fields from ``<name>.meta.json``, or ``{}`` when there is none."""
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if not sidecar.exists():
        return {}
    shown = _shown(sidecar, corpus_root)
    try:
        data = orjson.loads(sidecar.read_bytes())
    except (OSError, orjson.JSONDecodeError) as exc:
        raise DocumentError(shown, "E105", f"sidecar is not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise DocumentError(shown, "E105", "sidecar must be a JSON object")
    unknown = sorted(set(data) - set(SIDECAR_FIELDS))
    if unknown:
        raise DocumentError(shown, "E105", f"unknown sidecar fields {unknown}; allowed: {list(SIDECAR_FIELDS)}")
    try:
        Source.model_validate({"path": "x", "sha256": "0" * 64, **data})
    except ValidationError as exc:
        raise DocumentError(shown, "E105", f"sidecar field {exc.errors()[0]['loc'][0]}: {exc.errors()[0]['msg']}") from None
    return data


def _shown(path: Path, corpus_root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(Path(corpus_root).resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()

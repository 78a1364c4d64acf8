"""Raw documents on disk: discovery, safe reading, decoding and sidecar metadata.

A corpus folder holds ``raw/`` with one UTF-8 ``.txt`` file per document and,
beside each, an optional sidecar ``<name>.meta.json`` with provenance
(``title``, ``url``, ``publisher``, ``published``, ``retrieved``,
``derived_from``, ``notes``) and, for a spun copy, ``reference``: the path of
its original, relative to the corpus folder and inside it, which restores the
copy by alignment (and is its ``derived_from`` unless the sidecar names one).
Ids come from the paths (:mod:`.ids`).

A raw folder may come from anyone, so reading it is careful:

- only regular files are read: a FIFO, a device or a socket is refused
  (E108) without being opened for a blocking read;
- a symbolic link whose target lies outside ``raw/`` is refused (E107)
  unless the caller allows it (``follow_symlinks``, ``--follow-symlinks``);
  linked folders are not walked into;
- a sidecar larger than :data:`SIDECAR_MAX_BYTES` is refused (E105).

>>> document_id(Path("raw"), Path("raw/press/2021 CFR report.txt"))
'press__2021-CFR-report'
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import Any

import orjson
from pydantic import ValidationError

from ..errors import DocumentError
from ..records import RawDocument, Source
from .ids import assign_ids, document_id

__all__ = ["SIDECAR_FIELDS", "decode", "discover", "document_id", "read_all", "read_raw", "read_sidecar"]

SIDECAR_SUFFIX = ".meta.json"
SIDECAR_FIELDS = ("title", "url", "publisher", "published", "retrieved", "derived_from", "notes", "reference")
SIDECAR_MAX_BYTES = 1 << 20
"""A sidecar holds a few lines of provenance; anything larger is not one."""


def discover(raw_dir: Path) -> list[Path]:
    """Every ``.txt`` entry under ``raw_dir``, in a fixed order; hidden files and folders are skipped.

    Linked folders are not walked into; a linked or special file is listed
    here and judged when it is read (:func:`read_raw`).
    """
    found = []
    for folder, subfolders, files in os.walk(raw_dir, followlinks=False):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        found += [Path(folder) / name for name in files if name.endswith(".txt") and not name.startswith(".")]
    return sorted(found)


def read_all(raw_dir: Path, corpus_root: Path, *, follow_symlinks: bool = False) -> tuple[list[RawDocument], list[DocumentError]]:
    """Every readable document of ``raw_dir`` with a unique id, and the errors of the others."""
    paths = discover(raw_dir)
    documents, errors = [], []
    for path, doc_id in zip(paths, assign_ids(raw_dir, paths)):
        try:
            documents.append(read_raw(raw_dir, path, corpus_root, follow_symlinks=follow_symlinks, doc_id=doc_id))
        except DocumentError as error:
            errors.append(error)
    return documents, errors


def read_raw(
    raw_dir: Path, path: Path, corpus_root: Path, *, follow_symlinks: bool = False, doc_id: str | None = None
) -> RawDocument:
    """Read, check and describe one raw document; raise :class:`DocumentError` if it is unusable."""
    shown = _shown(path, corpus_root)
    data = _read_regular(path, shown, raw_dir, follow_symlinks=follow_symlinks)
    text = decode(data, shown)
    meta = read_sidecar(path, corpus_root, raw_dir)
    reference = meta.pop("reference", None)
    if reference is not None:
        meta.setdefault("derived_from", reference)
    source = Source(path=shown, sha256=hashlib.sha256(data).hexdigest(), **meta)
    original = _read_reference(reference, corpus_root) if reference is not None else None
    return RawDocument(id=doc_id or document_id(raw_dir, path), text=text, source=source, reference=original)


def _read_reference(reference: str, corpus_root: Path) -> str:
    """The text of a sidecar's ``reference``: a regular file inside the corpus folder, links not followed out of it."""
    path = corpus_root / reference
    shown = _shown(path, corpus_root)
    if Path(reference).is_absolute() or not _inside(path, corpus_root):
        raise DocumentError(shown, "E107", target=os.path.realpath(path))
    return decode(_read_regular(path, shown, corpus_root, follow_symlinks=False), shown)


def _read_regular(path: Path, shown: str, raw_dir: Path, *, follow_symlinks: bool, limit: int | None = None) -> bytes:
    """The bytes of a regular file inside ``raw_dir`` (or a link the caller allows), at most ``limit`` of them."""
    if not follow_symlinks and not _inside(path, raw_dir):
        raise DocumentError(shown, "E107", target=os.path.realpath(path))
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; the type is checked on the open file.
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise DocumentError(shown, "E104", reason=exc.strerror or exc) from None
    with os.fdopen(handle, "rb") as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise DocumentError(shown, "E108", kind=_file_kind(info.st_mode))
        if limit is not None and info.st_size > limit:
            raise DocumentError(shown, "E105", f"sidecar is larger than {limit} bytes ({info.st_size})")
        try:
            return stream.read() if limit is None else stream.read(limit + 1)[:limit]
        except OSError as exc:
            raise DocumentError(shown, "E104", reason=exc.strerror or exc) from None


def _inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, with every link resolved, lies inside ``folder`` (also resolved)."""
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(folder))


def _file_kind(mode: int) -> str:
    kinds = [(stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")]  # fmt: skip
    return next((name for test, name in kinds if test(mode)), "not a regular file")


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


def read_sidecar(path: Path, corpus_root: Path, raw_dir: Path | None = None) -> dict[str, Any]:
    """Provenance fields from ``<name>.meta.json``, or ``{}`` when there is none.

    The sidecar must be a regular file inside ``raw_dir`` (default: the
    document's folder) of at most :data:`SIDECAR_MAX_BYTES`.
    """
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if not os.path.lexists(sidecar):
        return {}
    shown = _shown(sidecar, corpus_root)
    raw = _read_regular(sidecar, shown, raw_dir or path.parent, follow_symlinks=False, limit=SIDECAR_MAX_BYTES)
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise DocumentError(shown, "E105", f"sidecar is not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise DocumentError(shown, "E105", "sidecar must be a JSON object")
    unknown = sorted(set(data) - set(SIDECAR_FIELDS))
    if unknown:
        raise DocumentError(shown, "E105", f"unknown sidecar fields {unknown}; allowed: {list(SIDECAR_FIELDS)}")
    if not isinstance(data.get("reference", ""), str):
        raise DocumentError(shown, "E105", "sidecar field reference: must be a path, as a string")
    try:
        Source.model_validate({"path": "x", "sha256": "0" * 64, **{k: v for k, v in data.items() if k != "reference"}})
    except ValidationError as exc:
        raise DocumentError(shown, "E105", f"sidecar field {exc.errors()[0]['loc'][0]}: {exc.errors()[0]['msg']}") from None
    return data


def _shown(path: Path, corpus_root: Path) -> str:
    """``path`` relative to the corpus root, links not followed (a link is named, not its target)."""
    absolute, root = Path(os.path.abspath(path)), Path(os.path.abspath(corpus_root))
    return absolute.relative_to(root).as_posix() if absolute.is_relative_to(root) else absolute.as_posix()

"""Raw documents on disk: discovery, safe reading, decoding and sidecar metadata.

A corpus folder holds ``raw/`` with one file per document, ``.txt``,
``.html``, ``.htm`` or ``.md`` in any case (a web page is read as it is: the
``markup`` step of restoration removes its tags as edits, so offsets still
point into the raw HTML), and, beside each, an optional sidecar
``<name>.meta.json`` with provenance (``title``, ``url``, ``publisher``,
``published``, ``retrieved``, ``derived_from``, ``notes``), the file's
``encoding`` when it is not UTF-8, and, for a spun copy, ``reference``: the
path of its original, relative to the corpus folder and inside it, which
restores the copy by alignment (and is its ``derived_from`` unless the
sidecar names one).  Any other file is not read, and :func:`read_all` says
so (W104).  Ids come from the paths (:mod:`.ids`).

A file that is not UTF-8 is read in the encoding its sidecar names, the one
the caller gives (``--encoding``), the one its byte-order mark declares
(UTF-16 or UTF-32), or, for a web page, the charset its ``<meta>`` element
declares when its bytes read in it; failing all of them, in the encoding
charset-normalizer detects, with a warning (W105).  A Markdown post's front
matter gives the provenance its sidecar does not
(:mod:`~alliance_corpus.layout.front_matter`), and a date not in ISO 8601
form is named in a warning (W108).

A raw folder may come from anyone, so reading it is careful:

- only regular files are read: a FIFO, a device or a socket is refused
  (E108) without being opened for a blocking read;
- a symbolic link whose target lies outside ``raw/`` is refused (E107)
  unless the caller allows it (``follow_symlinks``, ``--follow-symlinks``);
  linked folders are not walked into, and are named in a warning (W111);
- a sidecar larger than :data:`SIDECAR_MAX_BYTES` is refused (E105).

>>> document_id(Path("raw"), Path("raw/press/2021 CFR report.txt"))
'press__2021-CFR-report'
"""

from __future__ import annotations

import codecs
import hashlib
import html
import os
import re
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import ValidationError

from ..errors import DocumentError, warning
from ..layout.front_matter import front_matter, provenance
from ..records import RawDocument, Source
from .dates import as_date
from .ids import assign_ids, document_id
from .io import parse_json

__all__ = ["RAW_SUFFIXES", "SIDECAR_FIELDS", "RawFolder", "decode", "discover", "document_id", "inside_folder", "read_all", "read_raw", "read_sidecar"]

RAW_SUFFIXES = (".txt", ".html", ".htm", ".md")
"""The file types read as raw documents, compared without regard to case."""
SIDECAR_SUFFIX = ".meta.json"
SIDECAR_FIELDS = ("title", "url", "publisher", "published", "retrieved", "derived_from", "notes", "encoding", "reference")
SIDECAR_MAX_BYTES = 1 << 20
"""A sidecar holds a few lines of provenance; anything larger is not one."""


def discover(raw_dir: Path) -> list[Path]:
    """Every raw document under ``raw_dir`` (see :data:`RAW_SUFFIXES`), in a fixed order; hidden files and folders are skipped.

    Linked folders are not walked into; a linked or special file is listed
    here and judged when it is read (:func:`read_raw`).
    """
    return _walk(raw_dir).documents


class Walk(NamedTuple):
    """What a raw folder holds: its documents, the other files (neither documents nor sidecars), the sidecars of no document,
    linked folders, and the folders that could not be read, with the reason."""

    documents: list[Path]
    other: list[Path]
    orphans: list[Path]
    linked: list[Path]
    unreadable: list[tuple[Path, str]]


def _walk(raw_dir: Path, skip: Path | None = None) -> Walk:
    """The raw documents under ``raw_dir`` and what else it holds (see :class:`Walk`); ``skip`` is not walked into.

    A linked folder is listed, not walked into: its files may lie anywhere.
    """
    found, other, orphans, linked = [], [], [], []
    unreadable: list[tuple[Path, str]] = []
    skipped = os.path.realpath(skip) if skip is not None else None

    def _unreadable(error: OSError) -> None:  # os.walk skips a folder it cannot list without a word, unless told
        unreadable.append((Path(str(error.filename)), error.strerror or str(error)))

    for folder, subfolders, files in os.walk(raw_dir, followlinks=False, onerror=_unreadable):
        visible = sorted(d for d in subfolders if not d.startswith(".") and os.path.realpath(os.path.join(folder, d)) != skipped)
        linked += [Path(folder) / d for d in visible if os.path.islink(os.path.join(folder, d))]
        subfolders[:] = [d for d in visible if not os.path.islink(os.path.join(folder, d))]
        visible = [name for name in files if not name.startswith(".")]
        stems = {name.rsplit(".", 1)[0] for name in visible if name.lower().endswith(RAW_SUFFIXES)}
        for name in visible:
            if name.lower().endswith(RAW_SUFFIXES):
                found.append(Path(folder) / name)
            elif not name.endswith(SIDECAR_SUFFIX):
                other.append(Path(folder) / name)
            elif name[: -len(SIDECAR_SUFFIX)] not in stems:
                orphans.append(Path(folder) / name)
    return Walk(sorted(found), sorted(other), sorted(orphans), sorted(linked), sorted(unreadable))


class RawFolder(NamedTuple):
    """What :func:`read_all` found: the readable documents, the errors of the others, and warnings (W104, W105, W108, W109, W111)."""

    documents: list[RawDocument]
    errors: list[DocumentError]
    warnings: list[str]


def read_all(
    raw_dir: Path, corpus_root: Path, *, follow_symlinks: bool = False, encoding: str | None = None, skip: Path | None = None
) -> RawFolder:
    """Every readable document of ``raw_dir`` with a unique id, the errors of the others, and what was not read.

    ``skip`` is a folder inside ``raw_dir`` that holds no raw documents (the
    records, when a researcher writes them there).
    """
    paths, other, orphans, linked, unreadable = _walk(raw_dir, skip)
    suffixes = ", ".join(RAW_SUFFIXES)
    found = RawFolder([], [], [warning("W104", path=_shown(path, corpus_root), suffixes=suffixes) for path in other])
    # a folder that cannot be listed fails every document in it: their records are kept (see `runner._prune`)
    found.errors.extend(
        DocumentError(_shown(folder, corpus_root), "E104", reason=f"the folder cannot be listed: {reason}", document=_shown(folder, corpus_root) + "/")
        for folder, reason in unreadable
    )
    found.warnings.extend(warning("W109", path=_shown(path, corpus_root), stem=path.name[: -len(SIDECAR_SUFFIX)]) for path in orphans)
    found.warnings.extend(warning("W111", path=_shown(path, corpus_root)) for path in linked)
    for path, doc_id in zip(paths, assign_ids(raw_dir, paths)):
        try:
            found.documents.append(
                read_raw(raw_dir, path, corpus_root, follow_symlinks=follow_symlinks, doc_id=doc_id, encoding=encoding, warnings=found.warnings)
            )
        except DocumentError as error:
            found.errors.append(error)
    return found


def read_raw(
    raw_dir: Path, path: Path, corpus_root: Path, *, follow_symlinks: bool = False, doc_id: str | None = None,
    encoding: str | None = None, warnings: list[str] | None = None,
) -> RawDocument:  # fmt: skip
    """Read, check and describe one raw document; raise :class:`DocumentError` if it is unusable.

    ``encoding`` is used when the sidecar names none; a detected encoding is
    said in ``warnings`` (W105).
    """
    shown = _shown(path, corpus_root)
    data = _read_regular(path, shown, raw_dir, follow_symlinks=follow_symlinks)
    try:
        sidecar = read_sidecar(path, corpus_root, raw_dir)
    except DocumentError as error:
        error.document = shown  # the document's earlier record is kept (see `runner._prune`)
        raise
    declared = declared_encoding(data, path.suffix, sidecar.pop("encoding", None) or encoding)
    text, detected = decode_as(data, shown, declared)
    if detected and warnings is not None:
        warnings.append(warning("W105", path=shown, encoding=detected))
    reference = sidecar.pop("reference", None)
    if reference is not None:
        sidecar.setdefault("derived_from", reference)
    read_in = _not_utf8(detected or declared)
    if path.suffix.lower() in WEB_PAGE_SUFFIXES and "title" not in sidecar:
        sidecar["title"] = page_title(text)
    post = front_matter(text) if path.suffix.lower() == ".md" else None
    if post is not None:
        sidecar = {**provenance(post.fields), **sidecar}  # the sidecar has the last word
    if warnings is not None:
        warnings += _undated(path, corpus_root, shown, sidecar)
    source = Source(path=shown, sha256=hashlib.sha256(data).hexdigest(), encoding=read_in, **sidecar)
    named_by = _shown(path.with_name(path.stem + SIDECAR_SUFFIX), corpus_root)
    try:
        original = _read_reference(reference, corpus_root, named_by) if reference is not None else None
    except DocumentError as error:
        said = error.problem if error.path == named_by else f"{error.problem}; it is the original {named_by} names"
        raise DocumentError(error.path, error.code, said, document=shown) from None
    return RawDocument(id=doc_id or document_id(raw_dir, path), text=text, source=source, reference=original)


WEB_PAGE_SUFFIXES = (".html", ".htm")
DATE_FIELDS = ("published", "retrieved")
"""Sidecar fields that hold a date (W108 when it is not in ISO 8601 form)."""
META_CHARSET = re.compile(rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
"""A ``<meta charset="...">`` or ``<meta http-equiv="Content-Type" content="text/html; charset=...">`` declaration."""
CHARSET_PRESCAN_BYTES = 1024
"""How far into a page its charset declaration is looked for, as browsers do (the WHATWG HTML standard's prescan)."""
WEB_LABELS = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "l1": "cp1252",
              "us-ascii": "cp1252", "ascii": "cp1252", "x-sjis": "shift_jis", "shift-jis": "shift_jis"}  # fmt: skip
"""Labels the WHATWG Encoding Standard reads otherwise than Python would: a page labelled Latin-1 or ASCII is windows-1252."""


def declared_encoding(data: bytes, suffix: str, given: str | None = None) -> str | None:
    """The encoding a raw file is declared in: ``given`` (a sidecar's or ``--encoding``), else its byte-order mark, else a web page's ``<meta>`` charset that reads it.

    ``None`` when nothing declares one: the file is then read as UTF-8, or in
    the encoding detection finds (:func:`decode_as`).

    >>> declared_encoding("Okinawa".encode("utf-16"), ".txt"), declared_encoding(b'<meta charset="shift_jis">', ".HTML"), declared_encoding(b"x", ".txt")
    ('utf-16', 'shift_jis', None)
    """
    if given is not None:
        return given
    marked = wide_encoding(data)
    if marked is not None or suffix.lower() not in WEB_PAGE_SUFFIXES:
        return marked
    return readable_page_charset(data)


def page_charset(data: bytes) -> str | None:
    """The encoding a web page declares in a ``<meta>`` element near its start, as Python names it, or ``None``.

    UTF-16 labels are ignored (a page the prescan can read is not UTF-16), and
    so are labels Python does not know.

    >>> page_charset(b'<meta charset="Shift_JIS">'), page_charset(b'<meta content="text/html; charset=ISO-8859-1" http-equiv="Content-Type">')
    ('shift_jis', 'cp1252')
    >>> page_charset(b"<p>no declaration</p>"), page_charset(b'<meta charset="klingon">')
    (None, None)
    """
    found = META_CHARSET.search(data, 0, CHARSET_PRESCAN_BYTES)
    if found is None:
        return None
    label = found.group(1).decode("ascii").lower()
    try:
        name = codecs.lookup(WEB_LABELS.get(label, label)).name
    except LookupError:
        return None
    return None if name.startswith(("utf-16", "utf-32")) else name


def readable_page_charset(data: bytes) -> str | None:
    """:func:`page_charset`, if the page's bytes read in it; a page that declares wrongly is detected like any other file.

    >>> readable_page_charset('<meta charset="utf-8"><p>Yoshida’s treaty</p>'.encode("cp1252"))
    >>> readable_page_charset('<meta charset="windows-1252"><p>Yoshida’s treaty</p>'.encode("cp1252"))
    'cp1252'
    """
    charset = page_charset(data)
    if charset is None:
        return None
    try:
        data.decode(charset)
    except UnicodeDecodeError:
        return None
    return charset
TITLE = re.compile(r"<title\b[^<>]{0,200}>([^<]{1,1000})</title\s*>", re.IGNORECASE)
TITLE_SEARCH_CHARS = 100_000
"""A page's ``<title>`` is looked for in its first characters only (it belongs in the ``<head>``)."""


def _undated(path: Path, corpus_root: Path, shown: str, fields: dict[str, Any]) -> list[str]:
    """W108 for each date field of ``fields`` that is not in ISO 8601 form, naming the sidecar it came from (else the file)."""
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    where = _shown(sidecar, corpus_root) if os.path.lexists(sidecar) else shown
    return [
        warning("W108", path=where, field=field, value=fields[field])
        for field in DATE_FIELDS
        if isinstance(fields.get(field), str) and as_date(fields[field]) is None
    ]


def page_title(page: str) -> str | None:
    """The text of a web page's ``<title>`` element, its references decoded and its spacing made single, or ``None``.

    >>> page_title("<html><head><title> U.S. &amp; Japan\\n talks </title></head>"), page_title("no page")
    ('U.S. & Japan talks', None)
    """
    found = TITLE.search(page, 0, TITLE_SEARCH_CHARS)
    title = " ".join(html.unescape(found.group(1)).split()) if found else ""
    return title or None


def _read_reference(reference: str, corpus_root: Path, named_by: str) -> str:
    """The text of a sidecar's ``reference``: a regular file inside the corpus folder, links not followed out of it.

    ``named_by`` is the sidecar, shown in the error when the path itself leads out of the folder.
    """
    path = corpus_root / reference
    shown = _shown(path, corpus_root)
    if Path(reference).is_absolute() or not Path(os.path.normpath(path)).is_relative_to(os.path.normpath(corpus_root)):
        raise DocumentError(named_by, "E105", f"sidecar field reference: {reference!r} lies outside the corpus folder; it is not read")
    return decode(_read_regular(path, shown, corpus_root, follow_symlinks=False), shown)


def _read_regular(path: Path, shown: str, raw_dir: Path, *, follow_symlinks: bool, limit: int | None = None) -> bytes:
    """The bytes of a regular file inside ``raw_dir`` (or a link the caller allows), at most ``limit`` of them."""
    if not follow_symlinks and not inside_folder(path, raw_dir):
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


def inside_folder(path: Path, folder: Path) -> bool:
    """Whether ``path``, with every link resolved, lies inside ``folder`` (also resolved)."""
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(folder))


def _file_kind(mode: int) -> str:
    kinds = [(stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")]  # fmt: skip
    return next((name for test, name in kinds if test(mode)), "not a regular file")


BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)  # fmt: skip
"""Byte-order marks of the wide Unicode encodings, UTF-32's first: its little-endian mark begins with UTF-16's."""


def wide_encoding(data: bytes, encoding: str | None = None) -> str | None:
    """``utf-16`` or ``utf-32`` when ``encoding`` names one or, with none named, ``data`` opens with its byte-order mark.

    Text in these encodings holds NUL bytes, so it is not taken for binary.

    >>> wide_encoding("Okinawa".encode("utf-16")), wide_encoding(b"Okinawa"), wide_encoding(b"O\\0k\\0", "UTF-16LE")
    ('utf-16', None, 'utf-16-le')
    """
    if encoding is not None:
        name = codecs.lookup(encoding).name
        return name if name.startswith(("utf-16", "utf-32")) else None
    return next((name for mark, name in BYTE_ORDER_MARKS if data.startswith(mark)), None)


def decode(data: bytes, shown: str, encoding: str | None = None) -> str:
    """The text of a raw file, in UTF-8 or ``encoding``, or a :class:`DocumentError` that says what is wrong."""
    if not data.strip():
        raise DocumentError(shown, "E101")
    if b"\0" in data[:8192] and wide_encoding(data, encoding) is None:
        raise DocumentError(shown, "E102")
    try:
        return data.decode(encoding or "utf-8")
    except UnicodeDecodeError as exc:
        byte = data[exc.start : exc.start + 1].hex()
        if encoding:
            raise DocumentError(shown, "E109", encoding=encoding, byte=byte, offset=exc.start) from None
        raise DocumentError(shown, "E103", byte=byte, offset=exc.start) from None


def decode_as(data: bytes, shown: str, encoding: str | None = None) -> tuple[str, str | None]:
    """The text of a raw file and, when it is not UTF-8 and no ``encoding`` was given, the encoding detected.

    Detection (charset-normalizer) is a guess: the caller says it to the
    user.  A file nothing can read raises E103 as before.  A file that opens
    with the byte-order mark of UTF-16 or UTF-32 (as Windows tools save
    "Unicode" text) is read in that encoding, and it is said too.

    >>> decode_as("Kōno Tarō met the minister.".encode("latin-1", "replace"), "a.txt", "latin-1")
    ('K?no Tar? met the minister.', None)
    >>> decode_as("Kōno Tarō met the minister.".encode("utf-16"), "a.txt")
    ('Kōno Tarō met the minister.', 'utf-16')
    """
    marked = None if encoding else wide_encoding(data) or _iso2022_jp(data)
    if marked is not None:
        return decode(data, shown, marked), marked
    try:
        return decode(data, shown, encoding), None
    except DocumentError as error:
        if encoding or error.code != "E103":
            raise
    mixed = _latin_with_utf8(data)
    if mixed is not None:
        return data.decode(mixed), mixed
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise DocumentError(shown, "E103", byte=_first_bad_byte(data), offset=_first_bad_offset(data))
    return _least_surprising(data, matches)


UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
"""One UTF-8 sequence of two to four bytes."""
LONE_HIGH_BYTE = re.compile(rb"(?<![\x80-\xff])[\x80-\xff](?![\x80-\xff])")
"""A byte over 0x7F between two ASCII bytes: a letter of a one-byte Western encoding ("Caf\xe9")."""


def _latin_with_utf8(data: bytes) -> str | None:
    """``cp1252`` (or ``iso8859-1``, which reads every byte) for Western one-byte text with some UTF-8 in it, else ``None``.

    Such a file, pasted together from two sources, holds UTF-8 sequences
    ("’" as ``e2 80 99``) and bytes over 0x7F that stand alone between ASCII
    bytes ("Caf\\xe9").  Detection read one as Macintosh Central European
    ("Cafť ... ‚Äô"); read as windows-1252 its Western letters are right and
    its UTF-8 is mojibake, which restoration repairs, each repair an edit.
    Japanese, Chinese or Korean bytes come in pairs or more, never alone.

    >>> _latin_with_utf8(b"Caf\\xe9 owners were na\\xefve \\xe2\\x80\\x99 here"), _latin_with_utf8(b"Caf\\xe9 alone")
    ('cp1252', None)
    """
    lone = LONE_HIGH_BYTE.findall(data)
    if not lone or UTF8_SEQUENCE.search(data) is None:
        return None
    high = sum(1 for byte in data if byte > 0x7F)
    in_sequences = sum(len(found) for found in UTF8_SEQUENCE.findall(data))
    if len(lone) + in_sequences != high:  # other runs of high bytes: not this mixture
        return None
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return "iso8859-1"
    return "cp1252"


def _least_surprising(data: bytes, matches: Sequence[Any]) -> tuple[str, str]:
    """The text and encoding of the commonest reading among detection's ``matches`` that are as free of mess as the best.

    Coherence (how well a reading fits some language's letter frequencies)
    is not asked: on a short text it is noise, and it ranked Baltic cp775,
    which reads "Café ... “must go”" as "Cafķ ... ōmust goö", above
    windows-1250, which reads it right.  Each reading is first named by the
    commonest encoding giving the same text (:func:`_commonest_reading`).
    """
    best = matches[0].chaos
    japanese = _japanese_reading(data, [match for match in matches if match.chaos <= best + KANA_MARGIN])
    if japanese is not None:
        return japanese
    readings = []
    for match in matches:
        if match.chaos == best:
            name = codecs.lookup(match.encoding).name
            text = data.decode(name)
            readings.append((text, _commonest_reading(data, text, name)))
    return min(readings, key=lambda reading: _commonness(reading[1]))  # the first of the commonest, in detection's order


JAPANESE_ENCODINGS = frozenset({"shift_jis", "cp932", "euc_jp", "euc_jis_2004", "euc_jisx0213", "shift_jis_2004", "shift_jisx0213"})
KANA_MARGIN = 0.05
"""How much messier than the best reading a Japanese one may be and still win by its kana (see :func:`_japanese_reading`)."""
KANA_SHARE = 0.2
"""The least share of kana among a reading's East Asian characters that makes it Japanese text."""


def _japanese_reading(data: bytes, matches: Sequence[Any]) -> tuple[str, str] | None:
    """The reading of a Japanese encoding among ``matches`` whose East Asian characters are at least :data:`KANA_SHARE` kana.

    Japanese prose is mostly kana; Korean or Chinese text read in a Japanese
    encoding gives kanji and next to no kana, and Shift_JIS read as Korean
    cp949 gives rare Hangul syllables that detection found no messier
    ("吉田茂首相は..." became "땑밹뽏롵...").  So a reading full of kana is
    taken over a slightly tidier one in another script.

    >>> text = "吉田茂首相はサンフランシスコで平和条約に署名した。"
    >>> from charset_normalizer import from_bytes
    >>> _japanese_reading(text.encode("shift_jis"), list(from_bytes(text.encode("shift_jis")))) == (text, "shift_jis")
    True
    """
    for match in matches:
        name = codecs.lookup(match.encoding).name
        if name not in JAPANESE_ENCODINGS:
            continue
        text = data.decode(name)
        kana = sum(1 for character in text if "\u3041" <= character <= "\u30ff")
        east_asian = kana + sum(1 for character in text if "\u4e00" <= character <= "\u9fff" or "\uac00" <= character <= "\ud7a3")
        if east_asian and kana >= KANA_SHARE * east_asian:
            return text, _commonest_reading(data, text, name)
    return None


ISO2022_JP_ESCAPES = (b"\x1b$B", b"\x1b$@", b"\x1b$(D")
"""The escape sequences that switch ISO-2022-JP text into JIS X 0208 or 0212 (two-byte kanji and kana)."""


def _iso2022_jp(data: bytes) -> str | None:
    """``iso2022_jp_2`` when ``data`` is seven-bit ISO-2022-JP text (old Japanese mail and pages), else ``None``.

    Its bytes are all ASCII, so it reads as UTF-8 without an error, into
    escape codes and ``$B`` garbage; its escape sequences give it away.

    >>> _iso2022_jp("沖縄の基地".encode("iso2022_jp")), _iso2022_jp(b"plain ASCII"), _iso2022_jp("é".encode())
    ('iso2022_jp_2', None, None)
    """
    if not data.isascii() or not any(escape in data for escape in ISO2022_JP_ESCAPES):
        return None
    try:
        data.decode("iso2022_jp_2")
    except UnicodeDecodeError:
        return None
    return "iso2022_jp_2"


def _commonest_reading(data: bytes, text: str, detected: str) -> str:
    """The commonest encoding (:data:`MOST_COMMON_FIRST`) that reads ``data`` as the same ``text`` as ``detected`` does.

    Detection may not even offer windows-1252 for a short Latin-1 text
    ("café", "Résumé" read alike in windows-1250); an encoding that gives
    the very same text is as right, and the commoner one is named.

    >>> _commonest_reading("Résumé".encode("latin-1"), "Résumé", "cp1250"), _commonest_reading(bytes([0xB9]), "ą", "cp1250")
    ('cp1252', 'cp1250')
    """
    for name in MOST_COMMON_FIRST[: _commonness(detected)]:
        try:
            if data.decode(name) == text:
                return name
        except UnicodeDecodeError:
            continue
    return detected


MOST_COMMON_FIRST = ("cp1252", "iso8859-1", "shift_jis", "cp932", "euc_jp", "gb2312", "gbk", "euc_kr", "cp1251", "big5", "iso8859-2", "cp1250")
"""Legacy encodings of web pages, the most used first (W3Techs' survey of character encodings; windows-1252 is
also the WHATWG Encoding Standard's default for Western pages).  Detection often rates several single-byte
encodings the same on a short text ("café à" reads as well in windows-1250 as in windows-1252): the
commoner one is then taken."""


def _commonness(encoding: str) -> int:
    """The rank of ``encoding`` in :data:`MOST_COMMON_FIRST` (after all of them when it is not there)."""
    return MOST_COMMON_FIRST.index(encoding) if encoding in MOST_COMMON_FIRST else len(MOST_COMMON_FIRST)


def _is_text(value: str) -> bool:
    """Whether ``value`` holds characters only, no lone surrogate (which JSON's ``\\ud800`` escapes can give).

    >>> _is_text("Kōno"), _is_text(chr(0xDFFF))
    (True, False)
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _not_utf8(encoding: str | None) -> str | None:
    """Python's name for ``encoding``, or ``None`` for UTF-8 (what a record says when it names no encoding).

    >>> _not_utf8("Latin-1"), _not_utf8("UTF8"), _not_utf8(None)
    ('iso8859-1', None, None)
    """
    if encoding is None:
        return None
    name = codecs.lookup(encoding).name
    return None if name == "utf-8" else name


def _first_bad_offset(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start
    return 0


def _first_bad_byte(data: bytes) -> str:
    offset = _first_bad_offset(data)
    return data[offset : offset + 1].hex()


def check_encoding(name: str) -> str:
    """``name`` if Python knows the encoding, else ``ValueError`` (``latin-1``, ``cp1252``, ``shift_jis``...)."""
    try:
        codecs.lookup(name)
    except LookupError:
        raise ValueError(f"unknown encoding {name!r}") from None
    return name


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
        data = parse_json(raw.removeprefix(codecs.BOM_UTF8))  # Windows Notepad opens its UTF-8 with a byte-order mark
    except ValueError as exc:  # not JSON, or a key given twice (which JSON parsers otherwise take silently, the last one winning)
        raise DocumentError(shown, "E105", f"sidecar is not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise DocumentError(shown, "E105", "sidecar must be a JSON object")
    unknown = sorted(set(data) - set(SIDECAR_FIELDS))
    if unknown:
        raise DocumentError(shown, "E105", f"unknown sidecar fields {unknown}; allowed: {list(SIDECAR_FIELDS)}")
    broken = [name for name, value in data.items() if isinstance(value, str) and not _is_text(value)]
    if broken:  # "\udfff" is valid JSON but no character: the record could not be written
        raise DocumentError(shown, "E105", f"sidecar field{'s' if len(broken) > 1 else ''} {', '.join(broken)}: holds a lone surrogate escape (such as \\udfff), which is no character")
    encoding = data.get("encoding")
    if encoding is not None:
        try:
            check_encoding(encoding if isinstance(encoding, str) else "")
        except ValueError:
            raise DocumentError(shown, "E105", f"sidecar field encoding: unknown encoding {encoding!r}") from None
    if not isinstance(data.get("reference", ""), str):
        raise DocumentError(shown, "E105", "sidecar field reference: must be a path, as a string")
    try:
        Source.model_validate({"path": "x", "sha256": "0" * 64, **{k: v for k, v in data.items() if k not in ("encoding", "reference")}})
    except ValidationError as exc:
        problems = "; ".join(f"{error['loc'][0]}: {error['msg']}" for error in exc.errors())
        raise DocumentError(shown, "E105", f"sidecar field{'s' if len(exc.errors()) > 1 else ''} {problems}") from None
    return data


def _shown(path: Path, corpus_root: Path) -> str:
    """``path`` relative to the corpus root, links not followed (a link is named, not its target)."""
    absolute, root = Path(os.path.abspath(path)), Path(os.path.abspath(corpus_root))
    return absolute.relative_to(root).as_posix() if absolute.is_relative_to(root) else absolute.as_posix()

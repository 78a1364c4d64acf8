"""Shared helpers of the benchmark suite: the workload, timing, reporting.

The workload is fixed and deterministic: the garbled seed in ``data/raw``,
the clean passages in ``tests/data/clean`` and the garbled passages in
``tests/data/garbled`` (their ``garbled`` field), each folder in sorted file
order, repeated until the total reaches the requested number of words.  Each
text stays one document.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alliance_corpus import __version__
from alliance_corpus.nlp import model_name, model_version, spacy_version
from alliance_corpus.records import RawDocument, Source
from alliance_corpus.restore import clean

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"

DEFAULT_WORDS = 20_000
DEFAULT_REPEATS = 5


@dataclass(frozen=True)
class SourceText:
    """One text of the workload and the file it comes from."""

    name: str
    path: Path
    text: str


def read_sources() -> list[SourceText]:
    """The benchmark texts, folder by folder, each folder in sorted file order."""
    texts = [_plain(path) for path in sorted((ROOT / "data" / "raw").glob("*.txt"))]
    texts += [_plain(path) for path in sorted((ROOT / "tests" / "data" / "clean").glob("*.txt"))]
    texts += [_garbled(path) for path in sorted((ROOT / "tests" / "data" / "garbled").glob("*.json"))]
    return texts


def _plain(path: Path) -> SourceText:
    """A plain-text file as one text."""
    return SourceText(name=path.stem, path=path, text=path.read_text(encoding="utf-8"))


def _garbled(path: Path) -> SourceText:
    """The ``garbled`` field of a test case file."""
    case = json.loads(path.read_text(encoding="utf-8"))
    return SourceText(name=path.stem, path=path, text=case["garbled"])


def count_words(texts: list[str]) -> int:
    """Number of whitespace-separated words in ``texts``."""
    return sum(len(text.split()) for text in texts)


def build_workload(words: int = DEFAULT_WORDS) -> list[RawDocument]:
    """The source texts as ``RawDocument``s, repeated until there are at least ``words`` words."""
    sources = read_sources()
    documents = []
    total = 0
    round_number = 0
    while total < words:
        for source in sources:
            if total >= words:
                break
            documents.append(_document(source, round_number))
            total += len(source.text.split())
        round_number += 1
    return documents


def _document(source: SourceText, round_number: int) -> RawDocument:
    """A ``RawDocument`` for one copy of a source text."""
    path = source.path.relative_to(ROOT).as_posix()
    digest = hashlib.sha256(source.path.read_bytes()).hexdigest()
    doc_id = f"{source.name}.r{round_number}"
    return RawDocument(id=doc_id, text=source.text, source=Source(path=path, sha256=digest))


def restored_texts(documents: list[RawDocument]) -> list[str]:
    """The restored text of each document, as the entity pass sees it."""
    return [clean(document.text).text for document in documents]


def time_call(func: Callable[[], object]) -> float:
    """Seconds one call of ``func`` takes, after a garbage collection."""
    gc.collect()
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def time_configurations(configurations: dict[str, Callable[[], object]], repeats: int) -> dict[str, list[float]]:
    """Time each configuration ``repeats`` times, interleaved so drift hits all alike."""
    timings: dict[str, list[float]] = {name: [] for name in configurations}
    for _ in range(repeats):
        for name, func in configurations.items():
            timings[name].append(time_call(func))
    return timings


def warm_up(configurations: dict[str, Callable[[], object]]) -> None:
    """Run each configuration once, untimed."""
    for func in configurations.values():
        func()


def medians(timings: dict[str, list[float]]) -> dict[str, float]:
    """Median seconds of each configuration."""
    return {name: statistics.median(values) for name, values in timings.items()}


def per_second(words: int, seconds: float) -> float:
    """Words per second."""
    return words / seconds if seconds > 0 else float("inf")


def environment() -> dict:
    """The machine and library versions a result was measured with."""
    return {
        "alliance_corpus": __version__,
        "cpu_count": os.cpu_count(),
        "machine": platform.machine(),
        "model": model_name(),
        "model_version": model_version(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "spacy": spacy_version(),
    }


def write_result(name: str, parameters: dict, results: dict, raw: dict) -> Path:
    """Write ``results/<name>.json`` (sorted keys) atomically, say so, and return its path."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    payload = {
        "benchmark": name,
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "environment": environment(),
        "parameters": parameters,
        "raw": raw,
        "results": results,
    }
    path = RESULTS / f"{name}.json"
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(payload, sort_keys=True, indent=2) + "\n", encoding="utf-8")
    os.replace(temporary, path)
    print(f"  written: {path.relative_to(ROOT)}")
    return path


def print_table(title: str, headers: list[str], rows: list[list[object]]) -> None:
    """Print a plain text table: the first column left-aligned, the others right-aligned."""
    cells = [headers] + [[_cell(value) for value in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    print(f"\n{title}")
    print(_format_row(cells[0], widths))
    print(_format_row(["-" * width for width in widths], widths))
    for row in cells[1:]:
        print(_format_row(row, widths))
    sys.stdout.flush()


def _format_row(row: list[str], widths: list[int]) -> str:
    """One table line: the first column left-aligned, the others right-aligned."""
    first = row[0].ljust(widths[0])
    others = [value.rjust(width) for value, width in zip(row[1:], widths[1:])]
    return "  " + "  ".join([first, *others])


def _cell(value: object) -> str:
    """A table cell: floats with two decimals, the rest as they print."""
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def workload_parameters(documents: list, words: int, repeats: int) -> dict:
    """The parameters recorded with every result."""
    return {
        "documents": len(documents),
        "repeats": repeats,
        "requested_words": words,
        "words": count_words([document.text for document in documents]),
    }

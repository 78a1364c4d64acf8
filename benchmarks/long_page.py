"""Time and peak memory of annotating one page of real text: ``python benchmarks/long_page.py CHARACTERS``.

The page is the seed, the clean passages and the English real pages
(``tests/data/realpages``), joined by blank lines and repeated up to
``CHARACTERS`` characters.  It uses nothing but ``annotate``, so it measures
any release alike, e.g. the one before the linear entity steps::

    git worktree add /tmp/before 239692b
    PYTHONPATH=/tmp/before/src python benchmarks/long_page.py 1000000

Prints characters, words, seconds, µs per word and peak RSS in MB.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def page(characters: int) -> str:
    parts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "data" / "raw").glob("*.txt"))]
    parts += [path.read_text(encoding="utf-8") for path in sorted((ROOT / "tests" / "data" / "clean").glob("*.txt"))]
    for path in sorted((ROOT / "tests" / "data" / "realpages").glob("*.json")):
        real = json.loads(path.read_text(encoding="utf-8"))
        if real.get("language") == "en":
            parts.append(real["text"])
    base = "\n\n".join(parts)
    return ((base + "\n\n") * (characters // len(base) + 1))[:characters]


def main() -> int:
    from alliance_corpus import annotate

    text = page(int(sys.argv[1]))
    annotate("Leon Panetta visited Okinawa.")  # loads the model and everything loaded lazily
    start = time.perf_counter()
    annotate(text)
    seconds = time.perf_counter() - start
    words = len(text.split())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    print(f"{len(text)} characters, {words} words, {seconds:.1f} s, {1e6 * seconds / words:.0f} µs/word, peak {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

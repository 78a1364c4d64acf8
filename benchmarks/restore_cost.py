"""CPU time of restoration alone (``clean``) on the workload and on real English web pages.

Meant for before-and-after comparisons of restoration code: run it with the
package of each version first on the path, alternately, in the same window,
and compare the CPU seconds (best of ``--repeats``)::

    PYTHONPATH=/path/to/old/src python benchmarks/restore_cost.py
    PYTHONPATH=src python benchmarks/restore_cost.py

The workload is :func:`common.build_workload` (about half of it spun); the
web pages are the English pages of the negative set (``tests/data/realpages``).
CPU time of this process, so other processes on the machine matter little.
"""

from __future__ import annotations

import argparse
import time

import common
from bench_scaling import web_texts

from alliance_corpus.restore import clean


def cpu_seconds(texts: list[str], repeats: int) -> float:
    """The best CPU time of cleaning every text once, over ``repeats`` runs (after one run to warm up)."""
    for text in texts:
        clean(text)
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        for text in texts:
            clean(text)
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    for name, texts in (("workload", [d.text for d in common.build_workload()]), ("web pages", web_texts())):
        seconds = cpu_seconds(texts, args.repeats)
        words = common.count_words(texts)
        print(f"{name}: {len(texts)} texts, {words} words, {seconds:.2f} s CPU, {words / seconds:,.0f} words/s")


if __name__ == "__main__":
    main()

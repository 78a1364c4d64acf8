"""Run the benchmark suite: ``python benchmarks/run.py [--words N] [--repeats R] [--only NAME]``.

Each benchmark prints a table and writes ``benchmarks/results/<name>.json``.
See ``benchmarks/README.md`` for what each one measures.
"""

from __future__ import annotations

import argparse
import sys
import time

# Run as a script, this folder is on sys.path, so the benchmark modules import by name.
import bench_components
import bench_end_to_end
import bench_gazetteer_cost
import bench_memory
import bench_scaling
import common

BENCHMARKS = {
    module.NAME: module
    for module in (bench_gazetteer_cost, bench_components, bench_end_to_end, bench_memory, bench_scaling)
}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command-line options."""
    parser = argparse.ArgumentParser(description="Benchmarks of alliance_corpus against bare spaCy.")
    parser.add_argument("--words", type=int, default=common.DEFAULT_WORDS, help="size of the workload in words (default: %(default)s)")
    parser.add_argument("--repeats", type=int, default=common.DEFAULT_REPEATS, help="timed runs per configuration; medians are reported (default: %(default)s)")
    parser.add_argument("--only", choices=sorted(BENCHMARKS), help="run only this benchmark")
    args = parser.parse_args(argv)
    if args.words < 1 or args.repeats < 1:
        parser.error("--words and --repeats must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the chosen benchmarks in order and print the total time."""
    args = parse_args(argv)
    names = [args.only] if args.only else [name for name in BENCHMARKS if name != bench_scaling.NAME]  # scaling alone takes ~45 min
    print(f"workload: about {args.words:,} words, {args.repeats} repeats; benchmarks: {', '.join(names)}")
    start = time.perf_counter()
    for name in names:
        BENCHMARKS[name].run(words=args.words, repeats=args.repeats)
    print(f"\ntotal: {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

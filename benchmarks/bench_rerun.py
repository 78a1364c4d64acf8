"""A rerun with nothing to do against the full run it follows, on the same corpus, in this process.

The corpus is :func:`bench_scaling.corpus_texts` (the workload's sources,
repeated), each document made distinct by a last line of its own, so that
source discovery meets near-duplicates as a crawl does.  ``full`` is
``annotate_corpus(..., force=True)``; ``no-op`` is ``annotate_corpus`` again
with nothing changed: every raw file read and hashed, originals looked for,
every record's bytes checked against the index, nothing annotated.

Run: ``python benchmarks/bench_rerun.py [--documents N]``; results go to
``results/rerun.json``.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import common
from bench_scaling import corpus_texts, write_corpus

from alliance_corpus.corpus.runner import annotate_corpus
from alliance_corpus.nlp import load_pipeline

NAME = "rerun"


def run(documents: int) -> dict:
    load_pipeline()
    texts = [f"{text.rstrip()}\n\nDocument {number} of the benchmark corpus.\n" for number, text in enumerate(corpus_texts(documents))]
    with tempfile.TemporaryDirectory() as name:
        raw, out = write_corpus(Path(name), texts), Path(name) / "annotated"
        start = time.perf_counter()
        full = annotate_corpus(raw, out, force=True)
        full_s = time.perf_counter() - start
        start = time.perf_counter()
        again = annotate_corpus(raw, out)
        noop_s = time.perf_counter() - start
    assert full.ok and len(again.skipped) == documents, again.render()
    results = {"documents": documents, "words": common.count_words(texts), "full_s": full_s, "noop_s": noop_s, "noop_over_full": noop_s / full_s}
    common.print_table("a rerun with nothing to do, against the full run", ["documents", "full s", "no-op s", "no-op / full"], [[documents, full_s, noop_s, noop_s / full_s]])
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1_000)
    args = parser.parse_args()
    common.write_result(NAME, {"documents": args.documents}, run(args.documents), {})


if __name__ == "__main__":
    main()

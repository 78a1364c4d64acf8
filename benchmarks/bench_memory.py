"""Peak memory of the whole annotation against bare spaCy.

Each configuration runs in a fresh subprocess (this file, run as a worker),
so the peaks do not mix.  The worker reads ``ru_maxrss`` once after loading
the model and once after processing the workload:

- ``bare``: the bare model's full pipeline, ``nlp.pipe(texts, batch_size=B)``;
- ``ours``: ``annotate_documents(documents, batch_size=B)``.

Batch sizes 1, 16 (the project's default) and 64.  Each configuration runs
once: peak RSS varies far less between runs than time does.

Why a launcher: on Linux, a process started by fork and exec begins with the
peak RSS of the process that started it in its ``ru_maxrss``.  The benchmark
runner has a model loaded by the time it gets here, so a worker started
directly from it would report the runner's peak.  The runner therefore starts
a small launcher process (``--launch``), and the launcher starts the worker;
the worker then inherits only the launcher's small peak (about 35 MB, far
below anything measured here).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

import common

from alliance_corpus.annotation import annotate_documents
from alliance_corpus.nlp import load_model, load_pipeline

NAME = "memory"
BATCH_SIZES = (1, 16, 64)
KINDS = ("bare", "ours")


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (ru_maxrss is KB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    divisor = 1024 * 1024 if sys.platform == "darwin" else 1024
    return peak / divisor


def work_bare(documents: list, batch_size: int) -> tuple[float, int]:
    """Load the bare model and run it over the texts; return the peak RSS after loading and the entity count."""
    nlp = load_model()
    loaded = peak_rss_mb()
    entities = 0
    for doc in nlp.pipe([document.text for document in documents], batch_size=batch_size):
        entities += len(doc.ents)
    return loaded, entities


def work_ours(documents: list, batch_size: int) -> tuple[float, int]:
    """Load the project's pipeline and annotate the documents; return the peak RSS after loading and the entity count."""
    load_pipeline()
    loaded = peak_rss_mb()
    entities = 0
    for record in annotate_documents(documents, batch_size=batch_size):
        entities += len(record.entities)
    return loaded, entities


def worker(kind: str, batch_size: int, words: int) -> dict:
    """Run one configuration in this process and measure it."""
    documents = common.build_workload(words)
    start = time.perf_counter()
    work = work_bare if kind == "bare" else work_ours
    loaded, entities = work(documents, batch_size)
    seconds = time.perf_counter() - start
    return {"entities": entities, "loaded_mb": loaded, "peak_mb": peak_rss_mb(), "seconds": seconds}


def worker_command(role: str, kind: str, batch_size: int, words: int) -> list[str]:
    """The command line that runs this file as a launcher or as a worker."""
    return [sys.executable, __file__, role, kind, "--batch-size", str(batch_size), "--words", str(words)]


def run_child(command: list[str]) -> str:
    """Run ``command`` and return the last line it printed."""
    completed = subprocess.run(command, capture_output=True, text=True, check=True)
    return completed.stdout.strip().splitlines()[-1]


def measure(kind: str, batch_size: int, words: int) -> dict:
    """Run one configuration in a fresh worker, started through a launcher, and return what it measured."""
    return json.loads(run_child(worker_command("--launch", kind, batch_size, words)))


def summarize(measured: dict[str, dict]) -> dict:
    """Peak MB of each configuration and the ours / bare ratio per batch size."""
    results = {}
    for batch_size in BATCH_SIZES:
        bare = measured[f"bare/{batch_size}"]
        ours = measured[f"ours/{batch_size}"]
        results[str(batch_size)] = {
            "bare_loaded_mb": bare["loaded_mb"],
            "bare_peak_mb": bare["peak_mb"],
            "ours_loaded_mb": ours["loaded_mb"],
            "ours_peak_mb": ours["peak_mb"],
            "ratio_ours_over_bare": ours["peak_mb"] / bare["peak_mb"],
        }
    return results


def report(results: dict) -> None:
    """Print the result table."""
    rows = [
        [
            batch_size,
            result["bare_loaded_mb"],
            result["bare_peak_mb"],
            result["ours_loaded_mb"],
            result["ours_peak_mb"],
            result["ratio_ours_over_bare"],
        ]
        for batch_size, result in results.items()
    ]
    headers = ["batch size", "bare loaded MB", "bare peak MB", "ours loaded MB", "ours peak MB", "peak ours / bare"]
    common.print_table("memory: peak RSS, fresh process per configuration", headers, rows)


def run(words: int = common.DEFAULT_WORDS, repeats: int = common.DEFAULT_REPEATS) -> dict:
    """Run the benchmark, print its table and write its result file (``repeats`` is not used)."""
    measured = {}
    for batch_size in BATCH_SIZES:
        for kind in KINDS:
            measured[f"{kind}/{batch_size}"] = measure(kind, batch_size, words)
    results = summarize(measured)
    parameters = common.workload_parameters(common.build_workload(words), words, 1)
    parameters["batch_sizes"] = list(BATCH_SIZES)
    report(results)
    common.write_result(NAME, parameters, results, {"workers": measured})
    return results


def main() -> None:
    """Entry point of the child processes: ``bench_memory.py --launch|--worker KIND --batch-size B --words N``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    role = parser.add_mutually_exclusive_group(required=True)
    role.add_argument("--launch", choices=KINDS, help="start a worker for KIND and print what it measured")
    role.add_argument("--worker", choices=KINDS, help="measure KIND in this process")
    parser.add_argument("--batch-size", type=int, required=True)
    parser.add_argument("--words", type=int, default=common.DEFAULT_WORDS)
    args = parser.parse_args()
    if args.launch:
        print(run_child(worker_command("--worker", args.launch, args.batch_size, args.words)))
    else:
        print(json.dumps(worker(args.worker, args.batch_size, args.words), sort_keys=True))


if __name__ == "__main__":
    main()

"""Cost against size: long documents, large corpora, and one or two jobs, each against bare spaCy in the same run.

Five measurements (``--only scaling``; ``--parts`` picks some of them):

- ``long``: one document of 50 KB up to 5 MB (and 20 MB for memory only, as
  a worker of the main job runs it: the record, its JSON bytes and its index
  entry),
  made of copies of the same 50 KB unit (the workload's sources) so every
  size has the same mix of prose, spun text and names.  Each size runs in a
  fresh process (time per word and peak RSS), ours (``annotate``) against
  bare spaCy with the same components (tok2vec, parser, the gazetteer ruler,
  ner) on the raw text's chunks, as many characters at a time as ours.
- ``corpus``: the whole job (``annotate_corpus``, files written) on a 1x and
  a 100x corpus of the workload's documents, against bare ``nlp.pipe`` with
  the same components on the same raw texts, in this process.
- ``jobs``: ``alliance-corpus annotate --jobs 1`` and ``--jobs 2``, each a
  fresh process (start-up and model loading included, as a user sees it),
  on 400 documents, and on 396 of them plus 4 documents of 100 to 160 KB;
  the two alternate, and each keeps its best of ``--repeats`` runs.
- ``whole``: the whole job against bare spaCy with the same components on
  the workload (as ``end_to_end``, but the same components), and against the
  full pipeline (every component, as a plain ``nlp.pipe`` runs), with two
  figures for restoration: ``clean`` alone as a share of the job, and what
  the repair steps add to the job (``annotate_documents`` in memory, every
  step against none: detection, flags and segments still run).  The second
  counts once the encoding that restoration and the entity pass share;
  the first counts it in restoration;
- ``whole_web``: the same on the 143 English pages of the negative set
  (``tests/data/realpages``), real scraped pages with no spinning, which is
  what most of a crawl is.

Every table is printed and written to ``results/scaling.json``; ``plots.py``
draws the PNG figures from it.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import common

from alliance_corpus.annotation import annotate, annotate_documents
from alliance_corpus.corpus.runner import annotate_corpus
from alliance_corpus.corpus.work import Settings, annotate_parcel
from alliance_corpus.nlp import BATCH_CHARS, load_pipeline
from alliance_corpus.records import RawDocument, Source
from alliance_corpus.resources import Resources
from alliance_corpus.restore import STEPS, RestoreConfig, clean
from alliance_corpus.text.chunks import CHUNK_CHARS, split_text

NAME = "scaling"
PARTS = ("long", "corpus", "jobs", "whole", "whole_web")
SIZES_KB = (50, 500, 5_000)
MEMORY_ONLY_KB = (20_000,)
CORPUS_SCALES = (1, 100)
CORPUS_UNIT_DOCUMENTS = 10
JOBS_DOCUMENTS = 400
LONG_DOCUMENTS = 4


def unit_text() -> str:
    """The workload's source texts joined by blank lines: about 50 KB of prose, spun passages and names."""
    return "\n\n".join(source.text.strip() for source in common.read_sources()) + "\n\n"


def document_of(kilobytes: int) -> str:
    """Copies of :func:`unit_text`, cut to ``kilobytes`` KB (of characters) at a paragraph end."""
    unit = unit_text()
    target = kilobytes * 1_000
    text = unit * (target // len(unit) + 1)
    cut = text.rfind("\n\n", 0, target)
    return text[: cut + 2 if cut > target // 2 else target]


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


# ---------------------------------------------------------------------------------------------
# long: one document, fresh process per size and kind


def bare_same_components(nlp, disabled: list[str], texts: list[str]) -> int:
    """Bare ``nlp.pipe`` with the project's components; texts longer than a chunk are read in chunks, as many characters at a time as ours."""
    chunks = [piece for text in texts for _, piece in split_text(text)]
    batch = max(1, BATCH_CHARS // CHUNK_CHARS) if any(len(text) > CHUNK_CHARS for text in texts) else 1000
    return sum(len(doc.ents) for doc in nlp.pipe(chunks, disable=disabled, batch_size=batch))


def long_worker(kind: str, kilobytes: int) -> dict:
    text = document_of(kilobytes)
    pipeline = load_pipeline()
    annotate("Leon Panetta visited Okinawa.")  # loads everything lazily loaded
    loaded = peak_rss_mb()
    start = time.perf_counter()
    if kind == "ours":
        entities = len(annotate(text, doc_id="long").entities)
    elif kind == "job":  # what a worker of the main job does: the record, its JSON bytes and its index entry
        document = RawDocument("long", text, Source(path="raw/long.txt", sha256="0" * 64))
        (finished,) = annotate_parcel([document], Settings(None, Resources.bundled(), 16))
        entities = sum(finished.entry["entities"].values())
    else:
        entities = bare_same_components(pipeline.nlp, pipeline.ner_disabled, [text])
    seconds = time.perf_counter() - start
    return {"characters": len(text), "entities": entities, "loaded_mb": loaded, "peak_mb": peak_rss_mb(), "seconds": seconds, "words": len(text.split())}


def fresh(kind: str, kilobytes: int) -> dict:
    """Run one size in a fresh process, started through a launcher so its peak RSS is its own (see bench_memory.py)."""
    launch = [sys.executable, __file__, "--launch", kind, str(kilobytes)]
    completed = subprocess.run(launch, capture_output=True, text=True, check=True)
    return json.loads(completed.stdout.strip().splitlines()[-1])


def run_long() -> dict:
    measured = {}
    for kilobytes in SIZES_KB:
        for kind in ("ours", "bare"):
            measured[f"{kind}/{kilobytes}"] = fresh(kind, kilobytes)
            print(f"  long {kind} {kilobytes} KB: {measured[f'{kind}/{kilobytes}']}", flush=True)
    for kilobytes in MEMORY_ONLY_KB:
        measured[f"job/{kilobytes}"] = fresh("job", kilobytes)
        print(f"  long job {kilobytes} KB: {measured[f'job/{kilobytes}']}", flush=True)
    rows = []
    first = None
    for kilobytes in (*SIZES_KB, *MEMORY_ONLY_KB):
        ours = measured.get(f"ours/{kilobytes}") or measured[f"job/{kilobytes}"]
        bare = measured.get(f"bare/{kilobytes}")
        per_word = 1e6 * ours["seconds"] / ours["words"]
        first = first or per_word
        rows.append(
            {
                "kilobytes": kilobytes,
                "words": ours["words"],
                "ours_us_per_word": per_word,
                "ours_per_word_vs_smallest": per_word / first,
                "bare_us_per_word": 1e6 * bare["seconds"] / bare["words"] if bare else None,
                "time_ours_over_bare": ours["seconds"] / bare["seconds"] if bare else None,
                "ours_peak_mb": ours["peak_mb"],
                "bare_peak_mb": bare["peak_mb"] if bare else None,
                **({} if f"ours/{kilobytes}" in measured else {"what": "job"}),  # a worker's run: record, JSON bytes, index entry
            }
        )
    headers = ["size KB", "words", "ours µs/word", "per word / 50 KB", "bare µs/word", "time ours / bare", "ours peak MB", "bare peak MB"]
    common.print_table(
        "long document: time per word and peak memory (fresh process per size)",
        headers,
        [[r["kilobytes"], r["words"], r["ours_us_per_word"], r["ours_per_word_vs_smallest"], r["bare_us_per_word"] or "", r["time_ours_over_bare"] or "", r["ours_peak_mb"], r["bare_peak_mb"] or ""] for r in rows],
    )
    return {"rows": rows, "raw": measured}


# ---------------------------------------------------------------------------------------------
# corpus, jobs, whole: in this process


def write_corpus(folder: Path, texts: list[str]) -> Path:
    raw = folder / "raw"
    raw.mkdir(parents=True)
    for number, text in enumerate(texts):
        (raw / f"doc{number:05d}.txt").write_text(text, encoding="utf-8")
    return raw


def corpus_texts(documents: int) -> list[str]:
    sources = [source.text for source in common.read_sources()]
    return [sources[number % len(sources)] for number in range(documents)]


def timed_run(texts: list[str], jobs: int = 1) -> float:
    with tempfile.TemporaryDirectory() as folder:
        raw = write_corpus(Path(folder), texts)
        start = time.perf_counter()
        summary = annotate_corpus(raw, Path(folder) / "annotated", jobs=jobs, force=True)
        seconds = time.perf_counter() - start
        assert summary.ok, summary.render()
    return seconds


def run_corpus(repeats: int) -> dict:
    pipeline = load_pipeline()
    timed_run(corpus_texts(3))  # warm-up
    rows = []
    for scale in CORPUS_SCALES:
        texts = corpus_texts(CORPUS_UNIT_DOCUMENTS * scale)
        words = common.count_words(texts)
        ours = min(timed_run(texts) for _ in range(repeats if scale == 1 else 1))
        bare = min(common.time_call(lambda texts=texts: bare_same_components(pipeline.nlp, pipeline.ner_disabled, texts)) for _ in range(repeats if scale == 1 else 1))
        rows.append({"scale": scale, "documents": len(texts), "words": words, "ours_us_per_word": 1e6 * ours / words, "bare_us_per_word": 1e6 * bare / words, "ours_s": ours, "bare_s": bare})
    for row in rows:
        row["ours_per_word_vs_1x"] = row["ours_us_per_word"] / rows[0]["ours_us_per_word"]
        row["time_ours_over_bare"] = row["ours_s"] / row["bare_s"]
    common.print_table(
        "corpus: the whole job (files written) against bare spaCy, same components",
        ["scale", "documents", "words", "ours µs/word", "per word / 1x", "bare µs/word", "time ours / bare"],
        [[r["scale"], r["documents"], r["words"], r["ours_us_per_word"], r["ours_per_word_vs_1x"], r["bare_us_per_word"], r["time_ours_over_bare"]] for r in rows],
    )
    return {"rows": rows}


def cli_run(texts: list[str], jobs: int) -> float:
    """Seconds of one ``alliance-corpus annotate --jobs N`` in a fresh process, as a user runs it: start-up and model loading included."""
    with tempfile.TemporaryDirectory() as folder:
        raw = write_corpus(Path(folder), texts)
        command = [sys.executable, "-m", "alliance_corpus.cli", "annotate", "--raw", str(raw), "--out", str(Path(folder) / "annotated")]
        start = time.perf_counter()
        subprocess.run([*command, "--jobs", str(jobs), "--force", "--quiet"], check=True)
        return time.perf_counter() - start


def run_jobs(repeats: int) -> dict:
    """``--jobs 1`` against ``--jobs 2``, alternately, ``repeats`` times each: the best time of each (other load only slows a run down)."""
    uniform = corpus_texts(JOBS_DOCUMENTS)
    skewed = uniform[: JOBS_DOCUMENTS - LONG_DOCUMENTS] + [document_of(100 + 20 * n) for n in range(LONG_DOCUMENTS)]
    rows = []
    for name, texts in (("400 documents", uniform), (f"{JOBS_DOCUMENTS - LONG_DOCUMENTS} + {LONG_DOCUMENTS} long", skewed)):
        words = common.count_words(texts)
        times: dict[int, list[float]] = {1: [], 2: []}
        for _ in range(repeats):
            for jobs in times:
                times[jobs].append(cli_run(texts, jobs=jobs))
        one, two = min(times[1]), min(times[2])
        rows.append({"corpus": name, "documents": len(texts), "words": words, "jobs1_s": one, "jobs2_s": two, "speed_up": one / two,
                     "jobs1_runs_s": times[1], "jobs2_runs_s": times[2]})
    common.print_table(
        f"jobs: alliance-corpus annotate --jobs 1 and --jobs 2, fresh processes (start-up and model loading included), best of {repeats}",
        ["corpus", "documents", "words", "jobs=1 s", "jobs=2 s", "speed-up"],
        [[r["corpus"], r["documents"], r["words"], r["jobs1_s"], r["jobs2_s"], r["speed_up"]] for r in rows],
    )
    return {"rows": rows}


def web_texts() -> list[str]:
    """The English pages of the negative set (``tests/data/realpages``): real web pages, scraped, none of them spun."""
    pages = [json.loads(path.read_text(encoding="utf-8")) for path in sorted((common.ROOT / "tests" / "data" / "realpages").glob("*.json"))]
    return [page["text"] for page in pages if page.get("language") == "en"]


def in_memory(texts: list[str], config: RestoreConfig) -> int:
    """The job without files (``annotate_documents``), restoring with ``config``; the number of records."""
    documents = [RawDocument(f"doc{number:05d}", text, Source(path=f"doc{number:05d}.txt", sha256="0" * 64)) for number, text in enumerate(texts)]
    return sum(1 for _ in annotate_documents(documents, restore=config))


def run_whole(words: int, repeats: int, texts: list[str] | None = None) -> dict:
    """The whole job against bare spaCy on ``texts`` (by default the workload of clean and spun prose, ``words`` long)."""
    texts = texts if texts is not None else [document.text for document in common.build_workload(words)]
    pipeline = load_pipeline()
    calls = {
        "bare": lambda: bare_same_components(pipeline.nlp, pipeline.ner_disabled, texts),
        "bare_full": lambda: bare_same_components(pipeline.nlp, [], texts),
        "ours": lambda: timed_run(texts),
        "clean_only": lambda: [clean(text) for text in texts],
        "in_memory": lambda: in_memory(texts, RestoreConfig()),
        "in_memory_no_repairs": lambda: in_memory(texts, RestoreConfig(disable=tuple(STEPS))),
    }
    common.warm_up(calls)
    seconds = common.medians(common.time_configurations(calls, repeats))
    total = common.count_words(texts)
    results = {
        "median_seconds": seconds,
        "words_per_second": {name: common.per_second(total, value) for name, value in seconds.items()},
        "throughput_ours_over_bare": seconds["bare"] / seconds["ours"],
        "throughput_ours_over_bare_full": seconds["bare_full"] / seconds["ours"],
        "restoration_share": seconds["clean_only"] / seconds["ours"],
        "repairs_added_share": 1 - seconds["in_memory_no_repairs"] / seconds["in_memory"],
        "words": total,
        "documents": len(texts),
    }
    common.print_table(
        "whole job (annotate_corpus, files written) against bare spaCy with the same components",
        ["configuration", "median s", "words/s"],
        [[name, seconds[name], results["words_per_second"][name]] for name in calls],
    )
    print(
        f"  throughput ours / bare (same components): {results['throughput_ours_over_bare']:.2f}; "
        f"ours / bare (full pipeline): {results['throughput_ours_over_bare_full']:.2f}; restoration share of the job: {results['restoration_share']:.0%} "
        f"(clean alone), {results['repairs_added_share']:.0%} (what the repair steps add)"
    )
    return results


def run(words: int = common.DEFAULT_WORDS, repeats: int = common.DEFAULT_REPEATS, parts: tuple[str, ...] = PARTS) -> dict:
    """Run the chosen parts, print their tables and write ``results/scaling.json`` (parts not run keep their last results)."""
    path = common.RESULTS / f"{NAME}.json"
    results = json.loads(path.read_text(encoding="utf-8"))["results"] if path.exists() else {}
    runners = {"long": run_long, "corpus": lambda: run_corpus(min(repeats, 3)), "jobs": lambda: run_jobs(repeats), "whole": lambda: run_whole(words, repeats),
               "whole_web": lambda: run_whole(words, repeats, web_texts())}
    for part in parts:
        started = time.perf_counter()
        results[part] = runners[part]()
        results[part]["load_average"] = _load()
        print(f"  {part}: {time.perf_counter() - started:.0f} s, load average {results[part]['load_average']}", flush=True)
    common.write_result(NAME, {"parts": list(parts), "sizes_kb": list(SIZES_KB), "words": words, "repeats": repeats}, results, {})
    return results


def _load() -> list[float]:
    try:
        return [round(value, 2) for value in __import__("os").getloadavg()]
    except OSError:
        return []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parts", nargs="+", choices=PARTS, default=list(PARTS))
    parser.add_argument("--launch", nargs=2, metavar=("KIND", "KB"))
    parser.add_argument("--worker", nargs=2, metavar=("KIND", "KB"))
    parser.add_argument("--words", type=int, default=common.DEFAULT_WORDS)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    if args.launch:
        command = [sys.executable, __file__, "--worker", *args.launch]
        print(subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1])
    elif args.worker:
        print(json.dumps(long_worker(args.worker[0], int(args.worker[1])), sort_keys=True))
    else:
        run(args.words, args.repeats, tuple(args.parts))


if __name__ == "__main__":
    main()

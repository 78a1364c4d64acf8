"""Interrupted and concurrent ``annotate`` runs, on real processes, real files and the real spaCy model.

Acceptance criteria:

1. Crash safety: a run killed at any moment (SIGKILL) and then run again
   leaves exactly the corpus an uninterrupted run gives: every record valid,
   none missing, no temporary file, the same bytes (``index.json`` included).
2. Ctrl-C: exit status 130, a short message and no traceback, an
   ``index.json`` that only names valid records, and a rerun that finishes
   the job.
3. Two runs on one output folder: the second waits for the first (and says
   so); nothing is lost or corrupted.

Every test compares against one uninterrupted ``annotate --force`` of the
same raw folder (the module-scoped ``corpus`` fixture).
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import pytest

from alliance_corpus.corpus import read_document
from alliance_corpus.corpus.io import parse_json

CLI = Path(sys.executable).parent / "alliance-corpus"
RUN_TIMEOUT = 300.0
"""Seconds any one ``alliance-corpus`` process may take before the test fails (a hang must not block CI)."""
DOCUMENTS = 200
KILL_TRIALS = 20
KILL_SEED = 20240611
TEMPORARY_PREFIX = ".alliance-tmp-"
INDEX = "index.json"

# ---------------------------------------------------------------------------------------------
# The raw corpus: 200 short, distinct paragraphs about the alliance, some with spinner damage.

PEOPLE = [
    "Shigeru Yoshida",
    "Leon Panetta",
    "Shinzo Abe",
    "Fumio Kishida",
    "Lloyd Austin",
    "Yoshihide Suga",
    "Hillary Clinton",
    "Junichiro Koizumi",
    "Robert Gates",
    "Taro Kono",
]
PLACES = ["Okinawa", "Tokyo", "Yokosuka", "Kadena", "Hokkaido", "Iwakuni", "Guam", "Nago", "Sasebo", "Misawa"]
TOPICS = [
    "missile defense",
    "host-nation support",
    "base realignment",
    "maritime security",
    "cyber cooperation",
    "joint exercises",
    "space policy",
    "supply chains",
    "disaster relief",
    "extended deterrence",
]
OPENERS = [
    "In {year}, {person} traveled to {place} to discuss {topic} with officials from both governments.",
    "{person} said in {year} that the alliance with Japan must adapt to new threats, including {topic}.",
    "Talks held in {place} during {year} focused on {topic} and on the {troops} American troops stationed nearby.",
    "A {pages}-page report released in {year} examined how {place} fits into plans for {topic}.",
]
MIDDLES = [
    "Analysts noted that public opinion in {place} remained divided, with about {percent} percent of residents opposing new construction.",
    "The two sides agreed to review progress every {months} months and to publish a joint statement on {topic}.",
    "Officials in Washington and Tokyo described the meeting as productive but admitted that {topic} would take years.",
    "Local leaders asked for a reduction in noise and for a clearer timetable before {deadline}.",
]
DAMAGED = [  # spinner damage that the bundled rules restore ("v" -> "with", "people War II" -> "World War II", filler)
    "The alliance v Japan has actually been vital after people War II.",
    "Critics argued that the alliance v Japan was shaped by people War II more than by current needs.",
]
CLOSERS = [
    "{person} later wrote that the partnership had grown stronger, not weaker, since {year}.",
    "Observers expect further talks on {topic} before the end of {deadline}.",
    "The debate over {place} is likely to continue for at least {months} more years.",
]


def paragraph(number: int) -> str:
    """Document ``number``: four sentences (59-70 words), the same every time; every tenth one is damaged."""
    rng = random.Random(number)
    fields = {
        "person": rng.choice(PEOPLE),
        "place": rng.choice(PLACES),
        "topic": rng.choice(TOPICS),
        "year": 1952 + (number * 7) % 70,
        "deadline": 2025 + number % 9,
        "troops": 100 + 37 * number,
        "pages": 20 + number,
        "percent": 20 + number % 60,
        "months": 2 + number % 10,
    }
    third = DAMAGED[number % 2] if number % 10 == 3 else rng.choice(MIDDLES)
    sentences = [rng.choice(OPENERS), rng.choice(MIDDLES), third, rng.choice(CLOSERS)]
    return " ".join(sentence.format(**fields) for sentence in sentences) + "\n"


# ---------------------------------------------------------------------------------------------
# Running the command.


def command(raw: Path, out: Path, *flags: str) -> list[str]:
    return [str(CLI), "annotate", "--raw", str(raw), "--out", str(out), *flags]


def annotate(raw: Path, out: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    """One complete run; a run that takes longer than RUN_TIMEOUT fails the test (``TimeoutExpired``)."""
    return subprocess.run(command(raw, out, *flags), capture_output=True, text=True, timeout=RUN_TIMEOUT, env=os.environ.copy())


@contextmanager
def started(
    raw: Path, out: Path, *flags: str, stdout: int = subprocess.DEVNULL, stderr: int = subprocess.DEVNULL
) -> Iterator[subprocess.Popen[str]]:
    """A run in the background, in its own process group (so a group signal reaches it and its workers only).

    Whatever happens in the test, the group is killed and reaped on the way out.
    """
    process = subprocess.Popen(
        command(raw, out, *flags),
        stdout=stdout,
        stderr=stderr,
        text=True,
        env=os.environ.copy(),
        start_new_session=True,
        preexec_fn=_interrupts_as_at_a_terminal,
    )
    try:
        yield process
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)  # the run, if the test left it running, and any worker left behind
        except ProcessLookupError:
            pass
        process.wait(timeout=RUN_TIMEOUT)
        for stream in (process.stdout, process.stderr):
            if stream:
                stream.close()


def _interrupts_as_at_a_terminal() -> None:
    """Ctrl-C reaches the run as it would at a terminal, even when the tests themselves run as a background job (which ignores SIGINT)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def describe(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit {result.returncode}\n--- stderr ---\n{result.stderr}\n--- stdout ---\n{result.stdout[-2000:]}"


# ---------------------------------------------------------------------------------------------
# Looking at an output folder.


def files(folder: Path) -> dict[str, bytes]:
    """Every file of ``folder`` (hidden ones included) and its bytes."""
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def temporaries(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.startswith(TEMPORARY_PREFIX))


def record_names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".json") and path.name != INDEX and path.is_file())


def index_problems(folder: Path) -> list[str]:
    """What is wrong with ``index.json``: it must parse and name only ``<id>.json`` files that exist and validate."""
    try:
        index = parse_json((folder / INDEX).read_bytes())
    except (OSError, ValueError) as exc:
        return [f"{INDEX} cannot be read: {exc}"]
    documents = index.get("documents") if isinstance(index, dict) else None
    if not isinstance(documents, list):
        return [f"{INDEX} has no list of documents"]
    problems = []
    for entry in documents:
        if not isinstance(entry, dict) or entry.get("file") != f"{entry.get('id')}.json":
            problems.append(f"{INDEX}: malformed entry {entry!r}")
            continue
        path = folder / entry["file"]
        if not path.is_file():
            problems.append(f"{INDEX} names {entry['file']}, which does not exist")
            continue
        try:
            document = read_document(path)
        except ValueError as exc:
            problems.append(f"{INDEX} names {entry['file']}, which does not validate: {exc}")
            continue
        if document.id != entry["id"]:
            problems.append(f"{entry['file']} holds the record of {document.id!r}")
    return problems


def corpus_problems(folder: Path, reference: dict[str, bytes]) -> list[str]:
    """Everything that keeps ``folder`` from being exactly the reference corpus (empty when it is)."""
    problems = [f"temporary file left: {name}" for name in temporaries(folder)]
    problems += index_problems(folder)
    for name in record_names(folder):
        try:
            read_document(folder / name)
        except ValueError as exc:
            problems.append(f"{name} does not validate: {exc}")
    found = files(folder)
    expected = {name for name in reference}
    problems += [f"missing: {name}" for name in sorted(expected - found.keys())]
    problems += [f"unexpected file: {name}" for name in sorted(found.keys() - expected) if not name.startswith(TEMPORARY_PREFIX)]
    problems += [f"differs from the reference: {name}" for name in sorted(expected & found.keys()) if found[name] != reference[name]]
    return problems


def restore_reference(folder: Path, reference_folder: Path) -> None:
    """Put ``folder`` back to the reference corpus (after a trial that left it wrong, so trials stay independent)."""
    shutil.rmtree(folder)
    shutil.copytree(reference_folder, folder)


def wait_for_new_records(process: subprocess.Popen[str], folder: Path, before: dict[str, int], wanted: int) -> int:
    """Poll ``folder`` until ``wanted`` records are new or rewritten since ``before`` (name -> mtime_ns); the number seen.

    Fails if the run ends first or takes longer than RUN_TIMEOUT.
    """
    deadline = time.monotonic() + RUN_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the run ended (exit {process.returncode}) before it had written {wanted} records")
        fresh = 0
        if folder.is_dir():
            for entry in os.scandir(folder):
                if entry.name.endswith(".json") and entry.name != INDEX:
                    try:
                        mtime = entry.stat().st_mtime_ns
                    except FileNotFoundError:
                        continue
                    fresh += before.get(entry.name) != mtime
        if fresh >= wanted:
            return fresh
        time.sleep(0.01)
    pytest.fail(f"no {wanted} new records within {RUN_TIMEOUT} s")


def mtimes(folder: Path) -> dict[str, int]:
    return {path.name: path.stat().st_mtime_ns for path in folder.iterdir()} if folder.is_dir() else {}


# ---------------------------------------------------------------------------------------------
# The shared corpus and its reference annotation.


class Corpus(NamedTuple):
    raw: Path
    reference_folder: Path
    reference: dict[str, bytes]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """200 raw documents and their uninterrupted ``annotate --force`` (the reference every test compares with)."""
    assert CLI.is_file(), f"{CLI} is not installed (the package's console script, beside {sys.executable})"
    root = tmp_path_factory.mktemp("interruptions")
    raw = root / "raw"
    raw.mkdir()
    texts = [paragraph(number) for number in range(DOCUMENTS)]
    assert len(set(texts)) == DOCUMENTS
    assert all(40 <= len(text.split()) <= 80 for text in texts)
    for number, text in enumerate(texts):
        (raw / f"alliance_{number:03d}.txt").write_text(text, encoding="utf-8")
    reference_folder = root / "reference"
    result = annotate(raw, reference_folder, "--force")
    assert result.returncode == 0, describe(result)
    reference = files(reference_folder)
    assert sorted(reference) == sorted([INDEX] + [f"alliance_{number:03d}.json" for number in range(DOCUMENTS)])
    assert corpus_problems(reference_folder, reference) == []
    damaged = read_document(reference_folder / "alliance_003.json")
    assert "v Japan" in damaged.raw_text and "alliance with Japan" in damaged.text  # restoration ran
    assert {edit.kind for edit in damaged.edits} >= {"spin"}
    return Corpus(raw, reference_folder, reference)


# ---------------------------------------------------------------------------------------------
# 1. Crash safety.


def test_sigkill_at_random_moments_then_a_rerun_gives_the_reference_corpus(corpus: Corpus, tmp_path: Path) -> None:
    out = tmp_path / "annotated"
    began = time.monotonic()
    first = annotate(corpus.raw, out, "--force", "--quiet")  # the complete earlier run the trials start from
    duration = time.monotonic() - began
    assert first.returncode == 0, describe(first)
    assert corpus_problems(out, corpus.reference) == []

    rng = random.Random(KILL_SEED)
    moments = [duration * (slot + rng.random()) / KILL_TRIALS for slot in range(KILL_TRIALS)]  # one in each 1/20 of the run
    rng.shuffle(moments)
    failures: list[str] = []
    killed_running = 0
    for trial, moment in enumerate(moments, start=1):
        with started(corpus.raw, out, "--force", "--quiet") as process:
            time.sleep(moment)
            if process.poll() is None:
                killed_running += 1
                process.kill()
            process.wait(timeout=RUN_TIMEOUT)
        left_by_kill = temporaries(out)
        rerun = annotate(corpus.raw, out, "--quiet")
        problems = [] if rerun.returncode == 0 else [f"rerun: {describe(rerun)}"]
        problems += corpus_problems(out, corpus.reference)
        if problems:
            failures.append(
                f"trial {trial} (SIGKILL after {moment:.2f} s of a {duration:.2f} s run; "
                f"temporary files after the kill: {left_by_kill or 'none'}):\n  " + "\n  ".join(problems[:10])
            )
            restore_reference(out, corpus.reference_folder)
    assert not failures, f"{len(failures)} of {KILL_TRIALS} trials left a wrong corpus:\n" + "\n".join(failures)
    assert killed_running >= KILL_TRIALS // 4, f"only {killed_running} of {KILL_TRIALS} kills hit a running process"


def test_sigkill_while_a_record_is_being_written_then_a_rerun_leaves_no_temporary_file(corpus: Corpus, tmp_path: Path) -> None:
    """The worst moment for a kill, caught on purpose: while a ``.alliance-tmp-*`` file exists (random kills hit it only now and then)."""
    out = tmp_path / "annotated"
    shutil.copytree(corpus.reference_folder, out)
    left: list[str] = []
    for _attempt in range(5):
        with started(corpus.raw, out, "--force", "--quiet") as process:
            deadline = time.monotonic() + RUN_TIMEOUT
            while process.poll() is None and time.monotonic() < deadline:
                if any(name.startswith(TEMPORARY_PREFIX) for name in os.listdir(out)):
                    process.kill()
                    break
            process.wait(timeout=RUN_TIMEOUT)
        left = temporaries(out)
        if left:
            break
    if not left:
        pytest.skip("no kill landed while a temporary file existed (the window is a few milliseconds)")
    rerun = annotate(corpus.raw, out, "--quiet")
    assert rerun.returncode == 0, describe(rerun)
    assert corpus_problems(out, corpus.reference) == [], f"temporary files after the kill: {left}"


# ---------------------------------------------------------------------------------------------
# 2. Ctrl-C.


@pytest.mark.parametrize(
    ("jobs", "earlier_run"),
    [pytest.param(1, False, id="fresh-folder-1-job"), pytest.param(2, True, id="complete-folder-2-jobs")],
)
def test_ctrl_c_saves_finished_records_and_a_consistent_index(corpus: Corpus, tmp_path: Path, jobs: int, earlier_run: bool) -> None:
    out = tmp_path / "annotated"
    if earlier_run:
        shutil.copytree(corpus.reference_folder, out)
    before = mtimes(out)
    with started(corpus.raw, out, "--force", "--jobs", str(jobs), stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        wait_for_new_records(process, out, before, wanted=20)
        os.killpg(process.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole foreground group
        stdout, stderr = process.communicate(timeout=RUN_TIMEOUT)
    assert process.returncode == 130, f"exit {process.returncode}\n{stderr}"
    assert "interrupted: " in stderr and "documents saved; run again to resume" in stderr, stderr
    assert "Traceback" not in stderr and "Traceback" not in stdout, stderr
    saved = re.search(r"interrupted: (\d+) documents saved", stderr)
    assert saved and int(saved[1]) >= 1, f"the records written before Ctrl-C should count as saved: {stderr}"
    assert temporaries(out) == []
    assert index_problems(out) == []
    index = parse_json((out / INDEX).read_bytes())
    indexed = {entry["file"] for entry in index["documents"]}
    if earlier_run:
        assert indexed == set(record_names(out)), "a complete corpus stays fully indexed when a --force run is interrupted"
    else:
        assert 0 < len(indexed) < DOCUMENTS, f"{len(indexed)} records indexed after an interruption at about 20"

    rerun = annotate(corpus.raw, out)
    assert rerun.returncode == 0, describe(rerun)
    assert "Traceback" not in rerun.stderr
    assert corpus_problems(out, corpus.reference) == []


# ---------------------------------------------------------------------------------------------
# 3. Two runs at once.


@pytest.mark.parametrize("flags", [pytest.param((), id="plain"), pytest.param(("--force",), id="force")])
def test_two_concurrent_runs_on_one_folder_serialise(corpus: Corpus, tmp_path: Path, flags: tuple[str, ...]) -> None:
    out = tmp_path / "annotated"
    with (
        started(corpus.raw, out, *flags, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as first,
        started(corpus.raw, out, *flags, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as second,
    ):
        outputs = [first.communicate(timeout=RUN_TIMEOUT), second.communicate(timeout=RUN_TIMEOUT)]
    statuses = [first.returncode, second.returncode]
    stderrs = [stderr for _, stderr in outputs]
    assert statuses == [0, 0], "\n".join(f"exit {status}: {stderr}" for status, stderr in zip(statuses, stderrs))
    assert all("Traceback" not in stderr for stderr in stderrs), stderrs
    waited = [f"waiting for another annotate run on {out} to finish" in stderr for stderr in stderrs]
    assert sorted(waited) == [False, True], f"exactly one run should wait for the other: {stderrs}"
    assert corpus_problems(out, corpus.reference) == []

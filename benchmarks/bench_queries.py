"""Reading an annotated corpus of 10,000 documents: first load, then counts, mentions and lookups.

The corpus is synthetic: copies of the bundled record (``data/annotated``)
under new ids, with a valid index, written to a temporary folder.  Timed in
this process, each call once (the first load is the cost that matters):

- ``open``: ``load_corpus`` (reads the index only);
- ``first entity_counts``: every record read and validated once;
- ``entity_counts``, ``mentions(label="PERSON")``, ``documents_mentioning``:
  the same queries again, from the records kept in memory;
- ``one lookup, fresh corpus``: ``corpus[id]`` on a newly opened corpus,
  which parses that one file.

Run: ``python benchmarks/bench_queries.py [--documents N]``; results go to
``results/queries.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import tempfile
import time
from pathlib import Path

import common
import orjson

from alliance_corpus import load_corpus
from alliance_corpus.corpus.io import JSON_OPTIONS, load_index, write_index

NAME = "queries"
SEED = common.ROOT / "data" / "annotated"


def synthetic_corpus(folder: Path, documents: int) -> None:
    """``documents`` copies of the bundled record, ``doc00000``..., with their index entries."""
    index = load_index(SEED)
    (entry,) = index.entries.values()
    record = orjson.loads((SEED / entry["file"]).read_bytes())
    entries = []
    for number in range(documents):
        doc_id = f"doc{number:05d}"
        data = orjson.dumps({**record, "id": doc_id}, option=JSON_OPTIONS) + b"\n"
        (folder / f"{doc_id}.json").write_bytes(data)
        entries.append({**entry, "id": doc_id, "file": f"{doc_id}.json", "record_sha256": hashlib.sha256(data).hexdigest()})
    write_index(folder, entries, record["schema_version"])


def timed(call) -> tuple[float, object]:
    start = time.perf_counter()
    value = call()
    return time.perf_counter() - start, value


def run(documents: int) -> dict:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        synthetic_corpus(folder, documents)
        seconds: dict[str, float] = {}
        seconds["open"], corpus = timed(lambda: load_corpus(folder))
        seconds["first entity_counts"], counts = timed(lambda: corpus.entity_counts())
        seconds["entity_counts"], _ = timed(lambda: corpus.entity_counts())
        seconds["mentions(label=PERSON)"], people = timed(lambda: sum(1 for _ in corpus.mentions(label="PERSON")))
        seconds["documents_mentioning(Okinawa)"], mentioning = timed(lambda: corpus.documents_mentioning("Q766445"))
        fresh = load_corpus(folder)
        seconds["one lookup, fresh corpus"], _ = timed(lambda: fresh["doc05000" if documents > 5000 else "doc00000"])
    mentions = sum(counts.values())
    results = {"documents": documents, "mentions": mentions, "people": people, "documents_mentioning": len(mentioning), "seconds": seconds}
    common.print_table(
        f"queries on {documents:,} documents ({mentions:,} mentions)",
        ["call", "seconds"],
        [[call, value] for call, value in seconds.items()],
    )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    args = parser.parse_args()
    results = run(args.documents)
    common.write_result(NAME, {"documents": args.documents}, results, {})


if __name__ == "__main__":
    main()

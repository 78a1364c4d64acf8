"""The whole annotation against bare spaCy on the same raw texts.

``ours`` is :func:`alliance_corpus.annotation.annotate_documents`: restoration,
the entity pass with the gazetteer ruler, linking and record validation.
``bare`` is the bare model's full pipeline, ``nlp.pipe`` over the raw texts.
The ratio is ours / bare in time, so 2.0 means twice as slow.

To show where the time goes, two parts of ``ours`` are also timed alone:
``clean()`` on the raw texts, and the entity pass (``nlp.pipe`` with the
ruler, tagger/attribute_ruler/lemmatizer disabled, batches of 16 documents
as ``annotate_documents`` uses) on the restored texts.
The rest of ``ours`` is linking, offset projection and record validation.
"""

from __future__ import annotations

import common

from alliance_corpus.annotation import BATCH_SIZE, annotate_documents
from alliance_corpus.nlp import load_model, load_pipeline
from alliance_corpus.restore import clean

NAME = "end_to_end"


def annotate_all(documents: list) -> int:
    """Annotate every document and return the number of entities."""
    return sum(len(record.entities) for record in annotate_documents(documents))


def bare_pipe(nlp, texts: list[str]) -> int:
    """Run the bare model's full pipeline and return the number of entities."""
    return sum(len(doc.ents) for doc in nlp.pipe(texts))


def clean_all(texts: list[str]) -> int:
    """Restore every text and return the number of edits."""
    return sum(len(clean(text).edits) for text in texts)


def entity_pass(pipeline, texts: list[str]) -> int:
    """The project's entity pass over restored texts, in batches of the same size; returns the number of entities."""
    docs = pipeline.nlp.pipe(texts, disable=pipeline.ner_disabled, batch_size=BATCH_SIZE)
    return sum(len(doc.ents) for doc in docs)


def configurations(documents: list) -> dict:
    """The four timed calls."""
    raw = [document.text for document in documents]
    restored = common.restored_texts(documents)
    pipeline = load_pipeline()
    bare = load_model()
    return {
        "ours": lambda: annotate_all(documents),
        "bare": lambda: bare_pipe(bare, raw),
        "clean_only": lambda: clean_all(raw),
        "entity_pass_only": lambda: entity_pass(pipeline, restored),
    }


def summarize(seconds: dict[str, float], words: int) -> dict:
    """Speeds, the ours / bare ratio and the split of our time."""
    ours = seconds["ours"]
    # The parts are timed on their own, so this is an estimate; near zero it may come out slightly negative.
    rest = ours - seconds["clean_only"] - seconds["entity_pass_only"]
    return {
        "median_seconds": seconds,
        "words_per_second": {name: common.per_second(words, value) for name, value in seconds.items()},
        "ratio_ours_over_bare": ours / seconds["bare"],
        "split_of_ours": {
            "clean": seconds["clean_only"] / ours,
            "entity_pass": seconds["entity_pass_only"] / ours,
            "rest": rest / ours,
        },
    }


def report(results: dict) -> None:
    """Print the result table."""
    seconds = results["median_seconds"]
    speed = results["words_per_second"]
    split = results["split_of_ours"]
    shares = {"ours": "100%", "bare": "", "clean_only": f"{split['clean']:.0%}", "entity_pass_only": f"{split['entity_pass']:.0%}"}
    rows = [[name, seconds[name], speed[name], shares[name]] for name in ("bare", "ours", "clean_only", "entity_pass_only")]
    rows.append(["rest (linking, records)", "", "", f"{split['rest']:.0%}"])
    common.print_table("end_to_end: annotate_documents vs bare spaCy", ["configuration", "median s", "words/s", "share of ours"], rows)
    print(f"  ratio ours / bare (time): {results['ratio_ours_over_bare']:.2f}")


def run(words: int = common.DEFAULT_WORDS, repeats: int = common.DEFAULT_REPEATS) -> dict:
    """Run the benchmark, print its table and write its result file."""
    documents = common.build_workload(words)
    calls = configurations(documents)
    common.warm_up(calls)
    timings = common.time_configurations(calls, repeats)
    parameters = common.workload_parameters(documents, words, repeats)
    results = summarize(common.medians(timings), parameters["words"])
    report(results)
    common.write_result(NAME, parameters, results, {"seconds": timings})
    return results

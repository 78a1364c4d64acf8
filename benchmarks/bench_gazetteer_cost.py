"""What the gazetteer's EntityRuler costs the entity pass.

The project's pipeline runs ``nlp.pipe(texts, disable=pipeline.ner_disabled)``
with the ``alliance_ruler`` placed before ``ner``.  This benchmark times that
call with the ruler, and the same call with the ruler also disabled (bare
spaCy with the same components), on the same restored texts.  The project
requires the overhead to stay under 10%.
"""

from __future__ import annotations

import common

from alliance_corpus.nlp import RULER, load_pipeline

NAME = "gazetteer_cost"
LIMIT_PERCENT = 10.0


def entity_pass(nlp, texts: list[str], disable: list[str]) -> int:
    """Run ``nlp.pipe`` over ``texts`` and return the number of entities found."""
    return sum(len(doc.ents) for doc in nlp.pipe(texts, disable=disable))


def configurations(pipeline, texts: list[str]) -> dict:
    """The two timed calls: with the ruler, and with the ruler disabled too."""
    with_ruler = list(pipeline.ner_disabled)
    without_ruler = with_ruler + [RULER]
    return {
        "with_ruler": lambda: entity_pass(pipeline.nlp, texts, with_ruler),
        "without_ruler": lambda: entity_pass(pipeline.nlp, texts, without_ruler),
    }


def summarize(seconds: dict[str, float], words: int) -> dict:
    """Overhead of the ruler, in percent of the time without it."""
    ratio = seconds["with_ruler"] / seconds["without_ruler"]
    overhead = (ratio - 1.0) * 100.0
    return {
        "median_seconds": seconds,
        "words_per_second": {name: common.per_second(words, value) for name, value in seconds.items()},
        "ratio_with_over_without": ratio,
        "overhead_percent": overhead,
        "limit_percent": LIMIT_PERCENT,
        "within_limit": overhead < LIMIT_PERCENT,
    }


def report(results: dict) -> None:
    """Print the result table."""
    seconds = results["median_seconds"]
    speed = results["words_per_second"]
    rows = [[name, seconds[name], speed[name]] for name in ("without_ruler", "with_ruler")]
    common.print_table("gazetteer_cost: entity pass with and without alliance_ruler", ["configuration", "median s", "words/s"], rows)
    verdict = "OK" if results["within_limit"] else "OVER LIMIT"
    print(f"  overhead: {results['overhead_percent']:+.1f}% (limit {LIMIT_PERCENT:.0f}%: {verdict})")


def run(words: int = common.DEFAULT_WORDS, repeats: int = common.DEFAULT_REPEATS) -> dict:
    """Run the benchmark, print its table and write its result file."""
    documents = common.build_workload(words)
    pipeline = load_pipeline()
    texts = common.restored_texts(documents)
    calls = configurations(pipeline, texts)
    common.warm_up(calls)
    timings = common.time_configurations(calls, repeats)
    restored_words = common.count_words(texts)
    results = summarize(common.medians(timings), restored_words)
    parameters = common.workload_parameters(documents, words, repeats)
    parameters["restored_words"] = restored_words
    parameters["disabled"] = list(pipeline.ner_disabled)
    report(results)
    common.write_result(NAME, parameters, results, {"seconds": timings})
    return results

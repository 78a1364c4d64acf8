"""The options of :func:`~alliance_corpus.restore.clean`.

>>> RestoreConfig(disable=("casing",)).enabled_steps() >= {"encoding", "spin"}
True
>>> RestoreConfig(disable=("spelling",))
Traceback (most recent call last):
...
ValueError: unknown restoration step 'spelling'; the steps are: encoding, markup, layout, leakage, spin, names, senses, places, context, casing
"""

from __future__ import annotations

from dataclasses import dataclass

from .registry import STEPS


@dataclass(frozen=True)
class RestoreConfig:
    """Options of :func:`~alliance_corpus.restore.clean`; immutable.

    - ``garbled``: force the gate open (``True``) or shut (``False``); by
      default the garble score decides.  Forcing it open on edited prose
      risks false corrections.
    - ``context_rules``: run the part-of-speech rules (needs the model's
      tagger); off, restoration never loads spaCy.  The same as disabling
      the ``context`` step.
    - ``model``: spaCy model for the context rules (see :mod:`alliance_corpus.nlp`).
    - ``disable``: names of steps not to run (see :data:`~alliance_corpus.restore.STEPS`).
    """

    garbled: bool | None = None
    context_rules: bool = True
    model: str | None = None
    disable: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name in self.disable:
            if name not in STEPS:
                raise ValueError(f"unknown restoration step {name!r}; the steps are: {', '.join(STEPS)}")

    def enabled_steps(self) -> frozenset[str]:
        """Names of the steps that run."""
        off = set(self.disable) | (set() if self.context_rules else {"context"})
        return frozenset(name for name in STEPS if name not in off)

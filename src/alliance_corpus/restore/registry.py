"""The table of restoration steps: a name, a stage and a function for each.

ftfy keeps its fixers in one table; so do we.  A step is a small function
``(text, context) -> list[Change]`` registered under a stable name with
:func:`register`; :func:`~alliance_corpus.restore.clean` runs the registered
steps stage by stage, in registration order, and
:class:`~alliance_corpus.restore.RestoreConfig` turns them off by name.

Stages:

- ``decode``: character encoding and markup, repaired before detection reads the text;
- ``layout``: spaces, line ends, invisible characters;
- ``words``: word-level repairs; a step marked ``garbled_only`` runs only on
  texts whose garble score opens the gate.

A step that applies rule files names the rule ``kinds`` it owns; each
rule belongs to exactly one step.

>>> from alliance_corpus.restore import STEPS
>>> list(STEPS)
['encoding', 'markup', 'layout', 'leakage', 'spin', 'names', 'senses', 'places', 'context', 'casing']
>>> STEPS["names"].garbled_only
True
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from ..text.edits import Change
from .plan import StepContext

Stage = Literal["decode", "layout", "words"]
StepFunction = Callable[[str, StepContext], list[Change]]


@dataclass(frozen=True)
class Step:
    """One registered restoration step."""

    name: str
    stage: Stage
    function: StepFunction
    rule_kinds: frozenset[str]
    garbled_only: bool
    description: str

    def __call__(self, text: str, context: StepContext) -> list[Change]:
        return self.function(text, context)


STEPS: dict[str, Step] = {}
"""Every registered step by name, in the order :func:`clean` runs them within a stage."""


def register(
    name: str, *, stage: Stage, rule_kinds: frozenset[str] = frozenset(), garbled_only: bool = False
) -> Callable[[StepFunction], StepFunction]:
    """Register ``function`` as the step ``name`` (used as a decorator).

    ``rule_kinds`` are the edit kinds of the ``phrase`` and ``regex`` rules the
    step applies; no two steps may own the same kind.
    """

    def add(function: StepFunction) -> StepFunction:
        if name in STEPS:
            raise ValueError(f"a restoration step named {name!r} is already registered")
        taken = {kind for step in STEPS.values() for kind in step.rule_kinds} & rule_kinds
        if taken:
            raise ValueError(f"rule kinds {sorted(taken)} already belong to another step")
        description = (function.__doc__ or name).strip().splitlines()[0]
        STEPS[name] = Step(name, stage, function, frozenset(rule_kinds), garbled_only, description)
        return function

    return add


def steps_in(stage: Stage, enabled: frozenset[str]) -> tuple[Step, ...]:
    """The enabled steps of ``stage``, in registration order."""
    return tuple(step for step in STEPS.values() if step.stage == stage and step.name in enabled)

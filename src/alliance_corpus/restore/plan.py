"""What one set of resources gives the restoration steps: rules sorted by step, and name tables.

The plan is built once per :class:`~alliance_corpus.resources.Resources`
(and cached); the :class:`StepContext` adds what one call of
:func:`~alliance_corpus.restore.clean` decided: whether the text is garbled,
the configuration and the tagger's cache.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..resources import Resources
from ..resources.rules import Rule
from .fixes.names import name_templates
from .fixes.rules import split_rules
from .registry import STEPS

if TYPE_CHECKING:
    from .config import RestoreConfig

TEXT_RULES = frozenset({"phrase", "regex"})
SPACING_KINDS = frozenset({"spacing"})


@dataclass(frozen=True)
class Plan:
    """The rules of one set of resources, sorted for the steps and for detection."""

    rules: dict[str, tuple[Rule, ...]]
    tokens: tuple[Rule, ...]
    scoring: tuple[Rule, ...]
    spacing: tuple[Rule, ...]
    proper_names: re.Pattern[str] | None
    recasable_names: re.Pattern[str] | None
    canonical_names: dict[str, str]
    name_templates: dict[tuple[str | None, ...], tuple[str, int]]


@lru_cache(maxsize=8)
def build_plan(resources: Resources) -> Plan:
    """Sort the rules of ``resources`` by the step that owns their kind (see :mod:`.registry`)."""
    from . import steps  # noqa: F401 -- registers the bundled steps

    rules = resources.rules
    gazetteer = resources.gazetteer
    return Plan(
        rules={step.name: tuple(split_rules(rules, set(step.rule_kinds), set(TEXT_RULES))) for step in STEPS.values()},
        tokens=tuple(r for r in rules if r.match == "tokens"),
        scoring=tuple(r for r in rules if r.match in TEXT_RULES),
        spacing=tuple(split_rules(rules, set(SPACING_KINDS), set(TEXT_RULES))),
        proper_names=gazetteer.proper_name_regex(),
        recasable_names=gazetteer.proper_name_regex(gazetteer.recasable_names()),
        canonical_names=gazetteer.recasable_names(),
        name_templates=name_templates(gazetteer.all_names()),
    )


@dataclass
class StepContext:
    """What the steps of one :func:`clean` call read: the plan, the gate, the config, the tagger cache."""

    plan: Plan
    config: RestoreConfig
    resources: Resources
    garbled: bool = False
    tagged: dict[str, Any] = field(default_factory=dict)  # line -> context-rule changes, shared by detection and repair

    def rules(self, step: str) -> tuple[Rule, ...]:
        """The rules of ``step``; low-confidence ones only when the text is garbled."""
        return tuple(rule for rule in self.plan.rules[step] if self.garbled or rule.always)

    def tagger(self) -> Any:
        """The spaCy pipeline whose tagger the context rules read (loaded once per process)."""
        from ..nlp import load_pipeline

        return load_pipeline(self.config.model, self.resources).nlp

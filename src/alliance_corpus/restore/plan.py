"""What one set of resources gives the restoration steps: rules sorted by step, and name tables.

The plan is built once per :class:`~alliance_corpus.resources.Resources`
and set of steps (and cached); the :class:`StepContext` adds what one call
of :func:`~alliance_corpus.restore.clean` decided: whether the text is
garbled, the model and the tagger's cache.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..nlp import Analyses
from ..resources import Resources
from ..resources.english import is_english_word
from ..resources.rules import Rule
from ..text.phrases import PhraseSearch
from .fixes.casing import lowercase_names
from .fixes.context import TaggedLines
from .fixes.glued import name_starts
from .fixes.names import NameTemplates, name_templates
from .fixes.rules import split_rules

TEXT_RULES = frozenset({"phrase", "regex"})


@dataclass(frozen=True)
class Plan:
    """The rules of one set of resources, sorted for the steps (detection reads none of them)."""

    rules: dict[str, tuple[Rule, ...]]
    sure_rules: dict[str, tuple[Rule, ...]]  # the rules of each step that run on every text (``Rule.always``)
    tokens: tuple[Rule, ...]
    proper_names: PhraseSearch | None
    recasable_names: PhraseSearch | None
    canonical_names: dict[str, str]
    single_names: frozenset[str]
    lowercase_names: frozenset[str]  # the words of known names that are no English word, in lower case
    name_templates: NameTemplates
    name_starts: dict[str, tuple[str, ...]]  # the names a scraped page may glue to the word before them, by first word


def build_plan(resources: Resources, owners: Iterable[tuple[str, frozenset[str]]]) -> Plan:
    """Sort the rules of ``resources`` by the step that owns their kind.

    ``owners`` pairs each step's name with the rule kinds it applies (see :mod:`.registry`).
    """
    return _build_plan(resources, tuple(owners))


@lru_cache(maxsize=8)
def _build_plan(resources: Resources, owners: tuple[tuple[str, frozenset[str]], ...]) -> Plan:
    rules = resources.rules
    gazetteer = resources.gazetteer
    by_step = {name: tuple(split_rules(rules, set(kinds), set(TEXT_RULES))) for name, kinds in owners}
    return Plan(
        rules=by_step,
        sure_rules={name: tuple(rule for rule in step_rules if rule.always) for name, step_rules in by_step.items()},
        tokens=tuple(r for r in rules if r.match == "tokens"),
        proper_names=gazetteer.proper_name_search(),
        recasable_names=gazetteer.proper_name_search(gazetteer.recasable_names()),
        canonical_names=gazetteer.recasable_names(),
        single_names=gazetteer.single_word_names(),
        lowercase_names=lowercase_names((n for e in gazetteer.entries for n in (*e.names, *e.short)), is_english_word),
        name_templates=name_templates(gazetteer.all_names()),
        name_starts=name_starts(gazetteer.all_names()),
    )


@dataclass
class StepContext:
    """What the steps of one :func:`clean` call read: the plan, the gate, the model, the tagger cache."""

    plan: Plan
    resources: Resources
    model: str | None = None
    garbled: bool = False
    foreign_lines: frozenset[str] = frozenset()  # lines in another language: the word-level steps leave them alone
    tagged: TaggedLines = field(default_factory=TaggedLines)  # the context rules' changes by line, kept across passes
    analyses: Analyses | None = None  # where the tagged lines are kept for the entity pass (see ``nlp.Analyses``)
    unchanged: set[tuple[str, str, bool, frozenset[str]]] = field(default_factory=set)  # (step, text, gate, foreign lines) a step left alone

    def rules(self, step: str) -> tuple[Rule, ...]:
        """The rules of ``step``; low-confidence ones only when the text is garbled."""
        return self.plan.rules[step] if self.garbled else self.plan.sure_rules[step]

    def tagger(self) -> Any:
        """The spaCy pipeline whose tagger the context rules read (loaded once per process)."""
        from ..nlp import load_pipeline

        return load_pipeline(self.model, self.resources).nlp

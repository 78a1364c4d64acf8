"""Restoration of spun, machine-translated and scraped text.

:func:`clean` runs small layered steps, each recorded as edits with offsets:

1. ``encoding``: mojibake repaired by ftfy;
2. ``markup``: HTML character references and tags;
3. ``whitespace``, ``typography``, ``spacing``: spaces, invisible characters,
   missing spaces after sentence ends;
4. ``leakage``: known foreign-script words restored (unknown ones flagged);
5. ``spin`` and ``filler``: spinner wording reversed, inserted words removed,
   and a known name's one swapped word put back ("National Security plan");
6. context rules (``tokens``): ambiguous words decided by part of speech;
7. ``casing``: the word after "U.S." and known proper names.

Detection is separate from repair: :mod:`.garble` scores the text first, and
rules below :data:`~.rules.ALWAYS` confidence apply only to garbled texts, so
well-edited English is left alone.  The steps run until nothing changes, so
cleaning a cleaned text changes nothing.

>>> result = clean("The alliance v Japan has actually been vital.There are much more than eighty U.S. Military facilities.")
>>> result.text
'The alliance with Japan has been vital. There are more than eighty U.S. military facilities.'
>>> sorted({e.kind for e in result.edits})
['casing', 'filler', 'spacing', 'spin']
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Optional

from ..edits import Change, apply_changes, compose
from ..records import CleanResult, Edit, Flag
from ..resources import Resources
from .context import apply_token_rules
from .garble import GARBLED, UNSURE, garble_evidence, squash
from .rules import Rule
from .names import fix_translated_names, name_templates
from .segments import find_segments
from .steps import apply_rules, fix_encoding, fix_markup, fix_proper_casing, flag_foreign_words, split_rules

__all__ = ["clean", "RestoreConfig", "GARBLED"]

MAX_PASSES = 4


@dataclass(frozen=True)
class RestoreConfig:
    """Options of :func:`clean`.

    - ``garbled``: force the gate open (``True``) or shut (``False``); by
      default the garble score decides.  Forcing it open on edited prose
      risks false corrections.
    - ``context_rules``: run the part-of-speech rules (needs the model's
      tagger); off, restoration never loads spaCy.
    - ``model``: spaCy model for the context rules (see :mod:`alliance_corpus.nlp`).
    """

    garbled: Optional[bool] = None
    context_rules: bool = True
    model: Optional[str] = None


Step = Callable[[str], list[Change]]


@dataclass(frozen=True)
class _Plan:
    """The rules of one set of resources, sorted into the layers :func:`clean` runs."""

    mechanical: tuple[Step, ...]
    leakage: tuple[Rule, ...]
    spin: tuple[Rule, ...]
    tokens: tuple[Rule, ...]
    casing: tuple[Rule, ...]
    scoring: tuple[Rule, ...]
    spacing: tuple[Rule, ...]
    proper_names: object
    recasable_names: object
    canonical_names: dict
    name_templates: dict


@lru_cache(maxsize=8)
def _plan(resources: Resources) -> _Plan:
    rules = resources.rules
    text_rules = {"phrase", "regex"}
    markup = tuple(split_rules(rules, {"markup", "encoding"}, text_rules))
    layout = tuple(split_rules(rules, {"whitespace", "typography", "spacing"}, text_rules))
    gazetteer = resources.gazetteer
    return _Plan(
        mechanical=(
            fix_encoding,
            lambda text: fix_markup(text) + apply_rules(text, markup),
            lambda text: apply_rules(text, layout),
        ),
        leakage=tuple(split_rules(rules, {"leakage"}, text_rules)),
        spin=tuple(split_rules(rules, {"spin", "filler"}, text_rules)),
        tokens=tuple(r for r in rules if r.match == "tokens"),
        casing=tuple(split_rules(rules, {"casing"}, text_rules)),
        scoring=tuple(r for r in rules if r.match in text_rules),
        spacing=tuple(split_rules(rules, {"spacing"}, text_rules)),
        proper_names=gazetteer.proper_name_regex(),
        recasable_names=gazetteer.proper_name_regex(gazetteer.recasable_names()),
        canonical_names=gazetteer.recasable_names(),
        name_templates=name_templates(gazetteer.all_names()),
    )


def clean(text: str, *, config: RestoreConfig | None = None, resources: Resources | None = None) -> CleanResult:
    """Restore ``text`` and explain every change (see the module docstring)."""
    config = config or RestoreConfig()
    resources = resources or Resources.bundled()
    plan = _plan(resources)
    state = _State(text)
    state.run(plan.mechanical[:2])
    evidence = garble_evidence(state.text, plan.spacing)  # counted before the layout step repairs it
    state.run(plan.mechanical)
    evidence += garble_evidence(state.text, plan.scoring)
    score = squash(evidence, state.text)
    tagged: dict = {}  # line -> context-rule changes, shared by detection and repair
    if config.garbled is None and UNSURE <= score < GARBLED and config.context_rules and plan.tokens:
        score = squash(evidence + _context_evidence(state.text, plan, config, resources, tagged), state.text)
    garbled = score >= GARBLED if config.garbled is None else config.garbled
    steps = _content_steps(plan, garbled, config, resources, tagged)
    for _ in range(MAX_PASSES):
        if not state.run((*plan.mechanical, *steps)):
            break
    return CleanResult(
        text=state.text,
        edits=state.edits,
        garble_score=score,
        flags=_flags(state.text),
        segments=find_segments(state.text),
    )


def _content_steps(plan: _Plan, garbled: bool, config: RestoreConfig, resources: Resources, tagged: dict) -> list[Step]:
    """The word-level layers, with low-confidence rules only when the text is garbled."""

    def gated(rules: tuple[Rule, ...]) -> tuple[Rule, ...]:
        return tuple(r for r in rules if garbled or r.always)

    leakage, spin, casing = gated(plan.leakage), gated(plan.spin), gated(plan.casing)
    steps: list[Step] = [lambda text: apply_rules(text, leakage), lambda text: apply_rules(text, spin)]
    if garbled:
        steps.append(lambda text: fix_translated_names(text, plan.name_templates))
    if garbled and config.context_rules and plan.tokens:  # `tagged`: later passes re-tag only changed lines
        steps.append(lambda text: apply_token_rules(text, plan.tokens, _tagger(config.model, resources), tagged))
    names = plan.recasable_names if garbled else plan.proper_names  # "camp David" is damage only in spun text
    steps.append(lambda text: apply_rules(text, casing) + fix_proper_casing(text, names, plan.canonical_names))
    return steps


def _context_evidence(text: str, plan: _Plan, config: RestoreConfig, resources: Resources, tagged: dict) -> float:
    """Evidence of spinning from the context rules: the squared confidence of each match."""
    confidence = {rule.id: rule.confidence for rule in plan.tokens}
    changes = apply_token_rules(text, plan.tokens, _tagger(config.model, resources), tagged)
    return sum(confidence[change.rule] ** 2 for change in changes)


def _tagger(model: str | None, resources: Resources):
    from ..nlp import load_pipeline

    return load_pipeline(model, resources).nlp


def _flags(text: str) -> list[Flag]:
    return [
        Flag(start=start, end=end, text=word, kind="foreign-script", note=f"{script} word with no restoration rule")
        for start, end, word, script in flag_foreign_words(text)
    ]


class _State:
    """The text being restored and the edits from the raw input to it."""

    def __init__(self, raw: str):
        self.raw = raw
        self.text = raw
        self.edits: list[Edit] = []

    def run(self, steps) -> bool:
        """Run each step on the current text; report whether anything changed."""
        changed = False
        for step in steps:
            applied = apply_changes(self.text, step(self.text))
            if applied.edits:
                self.edits = compose(self.raw, self.edits, applied.edits)
                self.text = applied.text
                changed = True
        return changed

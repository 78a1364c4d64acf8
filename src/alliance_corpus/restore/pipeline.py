"""Running the registered steps: :func:`clean`.

1. the ``decode`` steps repair encoding and markup;
2. detection scores the text (:mod:`.detect`), counting spacing damage
   before the ``layout`` steps repair it; a text between
   :data:`~.detect.garble.UNSURE` and :data:`~.detect.garble.GARBLED` is
   also read by the context rules, whose matches count as evidence;
3. the ``decode``, ``layout`` and ``words`` steps run until nothing changes
   (at most :data:`MAX_PASSES` times), the ``garbled_only`` ones only when
   the gate is open, so cleaning a cleaned text changes nothing.

Every step's changes are composed into one list of edits against the raw text.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..layout import find_segments
from ..records import CleanResult, Edit, Flag
from ..resources import Resources
from ..text.compose import compose
from ..text.edits import TextEdit, apply_changes
from .config import RestoreConfig
from .detect.garble import GARBLED, UNSURE, garble_evidence, squash
from .detect.scripts import find_foreign_words
from .fixes.context import apply_token_rules
from .plan import StepContext, build_plan
from .registry import STEPS, Step, steps_in

MAX_PASSES = 4


def clean(text: str, *, config: RestoreConfig | None = None, resources: Resources | None = None) -> CleanResult:
    """Restore ``text`` and explain every change (see :mod:`alliance_corpus.restore`)."""
    config = config or RestoreConfig()
    resources = resources or Resources.bundled()
    plan = build_plan(resources, ((step.name, step.rule_kinds) for step in STEPS.values()))
    enabled = config.enabled_steps()
    decode, layout, words = (steps_in(stage, enabled) for stage in ("decode", "layout", "words"))
    context = StepContext(plan=plan, resources=resources, model=config.model)
    state = _State(text)
    state.run(decode, context)
    evidence = garble_evidence(state.text, plan.spacing)  # counted before the layout step repairs it
    state.run((*decode, *layout), context)
    evidence += garble_evidence(state.text, plan.scoring)
    score = squash(evidence, state.text)
    if config.garbled is None and UNSURE <= score < GARBLED and "context" in enabled and plan.tokens:
        score = squash(evidence + _context_evidence(state.text, context), state.text)
    context.garbled = score >= GARBLED if config.garbled is None else config.garbled
    content = tuple(step for step in words if context.garbled or not step.garbled_only)
    for _ in range(MAX_PASSES):
        if not state.run((*decode, *layout, *content), context):
            break
    return CleanResult(
        text=state.text,
        edits=[Edit(**edit._asdict()) for edit in state.edits],
        garble_score=score,
        flags=_flags(state.text),
        segments=find_segments(state.text),
    )


def _context_evidence(text: str, context: StepContext) -> float:
    """Evidence of spinning from the context rules: the squared confidence of each match."""
    confidence = {rule.id: rule.confidence for rule in context.plan.tokens}
    changes = apply_token_rules(text, context.plan.tokens, context.tagger(), context.tagged)
    return sum(confidence[change.rule] ** 2 for change in changes)


def _flags(text: str) -> list[Flag]:
    return [
        Flag(start=m.start(), end=m.end(), text=m.group(), kind="foreign-script", note=f"{script} word with no restoration rule")
        for m, script in find_foreign_words(text)
    ]


class _State:
    """The text being restored and the edits from the raw input to it."""

    def __init__(self, raw: str):
        self.raw = raw
        self.text = raw
        self.edits: list[TextEdit] = []

    def run(self, steps: Iterable[Step], context: StepContext) -> bool:
        """Run each step on the current text; report whether anything changed."""
        changed = False
        for step in steps:
            applied = apply_changes(self.text, step(self.text, context))
            if applied.edits:
                self.edits = compose(self.raw, self.edits, applied.edits)
                self.text = applied.text
                changed = True
        return changed

"""Running the registered steps: :func:`clean`.

1. the ``decode`` steps repair encoding and markup;
2. detection scores the text (:mod:`.detect`), counting spacing damage
   before the ``layout`` steps repair it; a text between
   :data:`~.detect.garble.UNSURE` and :data:`~.detect.garble.GARBLED` is
   also read by the context rules, whose matches count as evidence;
3. the ``decode``, ``layout`` and ``words`` steps run until nothing changes
   (at most :data:`MAX_PASSES` times), the ``garbled_only`` ones only when
   the gate is open, so cleaning a cleaned text changes nothing;
4. the restored text is scored as cleaning it again would score it; if that
   opens the gate, the steps run again with it open.

Two rules can undo each other ("U.S. Korea" lower-cased after "U.S.", then
capitalised as a country): when a pass brings the text back to an earlier
form, the steps stop at a form of that loop that cleaning again leaves alone.

Every step's changes are composed into one list of edits against the raw text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from ..layout import find_segments
from ..records import CleanResult, Edit, Flag
from ..resources import Resources
from ..text.compose import compose
from ..text.edits import Change, TextEdit, apply_changes
from .config import RestoreConfig
from .detect.garble import GARBLED, UNSURE, garble_evidence, squash
from .detect.scripts import find_foreign_words
from .fixes.context import apply_token_rules
from .languages import english_scope, outside
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
    decoded = state.text  # spacing damage is counted before the layout step repairs it
    state.run((*decode, *layout), context)
    scope = english_scope(state.text)
    if not scope.repairable:
        words = ()  # another language: no word-level repair at all
    context.foreign_lines = frozenset(_key(state.text[start:end]) for start, end in scope.foreign)
    decoded, laid_out = _english_only(decoded, context.foreign_lines), _english_only(state.text, context.foreign_lines)
    score = _score(decoded, laid_out, context, probe=config.garbled is None and "context" in enabled)
    context.garbled = score >= GARBLED if config.garbled is None else config.garbled
    state.settle((*decode, *layout), words, context)
    if config.garbled is None and not context.garbled:
        restored = _english_only(state.text, context.foreign_lines)
        again = _score(restored, restored, context, probe="context" in enabled)  # what cleaning the result would find
        if again >= GARBLED:
            score, context.garbled = again, True
            state.settle((*decode, *layout), words, context)
    final = english_scope(state.text)
    return CleanResult(
        text=state.text,
        edits=[Edit(**edit._asdict()) for edit in state.edits],
        garble_score=score,
        flags=sorted([*final.flags, *_flags(state.text, final.foreign)], key=lambda flag: (flag.start, flag.end)),
        segments=find_segments(state.text),
        language=final.language,
    )


def _english_only(text: str, foreign_lines: frozenset[str]) -> str:
    """``text`` with the lines in another language blanked (same length), so detection reads only English."""
    if not foreign_lines:
        return text
    return "\n".join(" " * len(line) if _key(line) in foreign_lines else line for line in text.split("\n"))


def _key(line: str) -> str:
    """A line with its spacing normalised, so that it is recognised before and after the layout repairs."""
    return " ".join(line.split())


def _score(decoded: str, laid_out: str, context: StepContext, *, probe: bool) -> float:
    """The garble score of a text: rule evidence (spacing counted on ``decoded``), and the context rules' if unsure."""
    plan = context.plan
    evidence = garble_evidence(decoded, plan.spacing) + garble_evidence(laid_out, plan.scoring)
    score = squash(evidence, laid_out)
    if probe and UNSURE <= score < GARBLED and plan.tokens:
        score = squash(evidence + _context_evidence(laid_out, context), laid_out)
    return score


def _settled(text: str, steps: tuple[Step, ...], context: StepContext) -> bool:
    """Whether ``steps``, with the gate shut, would leave ``text`` as it is."""
    garbled, context.garbled = context.garbled, False
    try:
        return not _State(text).run(steps, context)
    finally:
        context.garbled = garbled


def _context_evidence(text: str, context: StepContext) -> float:
    """Evidence of spinning from the context rules: the squared confidence of each match."""
    confidence = {rule.id: rule.confidence for rule in context.plan.tokens}
    changes = apply_token_rules(text, context.plan.tokens, context.tagger(), context.tagged)
    return sum(confidence[change.rule] ** 2 for change in changes)


def _flags(text: str, foreign: list[tuple[int, int]]) -> list[Flag]:
    """Leaked foreign-script words no rule restored, on the English lines (``foreign`` lines are flagged whole)."""
    found = [Change(m.start(), m.end(), m.group(), script, "leakage") for m, script in find_foreign_words(text)]
    return [
        Flag(start=c.start, end=c.end, text=c.replacement, kind="foreign-script", note=f"{c.rule} word with no restoration rule")
        for c in outside(found, foreign)
    ]


class _State:
    """The text being restored and the edits from the raw input to it."""

    def __init__(self, raw: str):
        self.raw = raw
        self.text = raw
        self.edits: list[TextEdit] = []

    def settle(self, repairs: tuple[Step, ...], words: Iterable[Step], context: StepContext) -> None:
        """Run ``repairs`` and the ``words`` steps the gate allows until nothing changes.

        If a pass brings the text back to an earlier form, two rules undo each
        other.  Of the forms in that loop, the first that the rules for
        edited prose leave alone is kept (else the first): cleaning it again
        changes nothing, whether the gate then opens or not.
        """
        always = (*repairs, *(step for step in words if not step.garbled_only))
        steps = (*repairs, *(step for step in words if context.garbled or not step.garbled_only))
        forms = [(self.text, self.edits)]
        for _ in range(MAX_PASSES):
            if not self.run(steps, context):
                return
            earlier = next((i for i, (text, _) in enumerate(forms) if text == self.text), None)
            if earlier is not None:
                loop = forms[earlier:]
                self.text, self.edits = next((form for form in loop if _settled(form[0], always, context)), loop[0])
                return
            forms.append((self.text, self.edits))

    def run(self, steps: Iterable[Step], context: StepContext) -> bool:
        """Run each step on the current text; report whether anything changed."""
        changed = False
        for step in steps:
            changes = step(self.text, context)
            if step.stage == "words" and context.foreign_lines:
                changes = _off_foreign_lines(self.text, changes, context.foreign_lines)
            applied = apply_changes(self.text, changes)
            if applied.edits:
                self.edits = compose(self.raw, self.edits, applied.edits)
                self.text = applied.text
                changed = True
        return changed


def _off_foreign_lines(text: str, changes: list[Change], foreign_lines: frozenset[str]) -> list[Change]:
    """The ``changes`` that start on a line not in ``foreign_lines`` (its line end counts as the line's).

    The lines are read once, and each change is placed by bisection, so a
    long line with many changes costs no more per change than a short one.
    """
    starts, ends = [], []
    position = 0
    for line in text.split("\n"):
        if _key(line) in foreign_lines:
            starts.append(position)
            ends.append(position + len(line))
        position += len(line) + 1
    kept = []
    for change in changes:
        index = bisect_right(starts, change.start) - 1
        if index < 0 or change.start > ends[index]:
            kept.append(change)
    return kept

"""Changes proposed by the ``phrase`` and ``regex`` rules of the rule files.

>>> from alliance_corpus.resources.rules import Rule
>>> rule = Rule(id="spin.with", match="phrase", pattern="v", replacement="with",
...             kind="spin", confidence=0.9, evidence="seed", note="voi -> v")
>>> [c.replacement for c in apply_rules("the alliance v Japan", [rule])]
['with']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ...resources.rules import Rule, rule_changes
from ...text.edits import Change


def apply_rules(text: str, rules: Iterable[Rule]) -> list[Change]:
    """Changes proposed by ``phrase`` and ``regex`` rules (rules needing a letter ``text`` lacks are skipped)."""
    present = set(text)
    return [change for rule in rules if rule.required_characters <= present for change in rule_changes(text, rule)]


def split_rules(rules: Sequence[Rule], kinds: set[str], match: set[str]) -> list[Rule]:
    """The rules of the given kinds and match types, in file order."""
    return [r for r in rules if r.kind in kinds and r.match in match]

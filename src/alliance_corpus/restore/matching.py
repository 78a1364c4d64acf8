"""Rule matches found in time linear in the text, even inside long runs of one kind of character.

``re`` tries a match at every position.  A pattern that starts with a
repeated class, such as ``(?m)[ ]+$`` or ``(\\d[\\d.,]*) tỷ``, reads to the end
of a run from each of its positions before it fails, so a run of ten
thousand spaces or digits costs fifty million steps.  Inside a run, though,
a match can start at a later position only if one can start at the first: the
leading repeat reads the run from there just as well.  So in a text with a
long run, such a rule is tried once per run (and again where a match ends
inside one), and finds what ``finditer`` finds.

>>> from alliance_corpus.resources.rules import Rule
>>> rule = Rule(id="ws.trailing", match="regex", pattern="(?m)[ ]+$", replacement="",
...             kind="whitespace", confidence=0.99, evidence="e", note="n")
>>> [(c.start, c.end) for c in rule_changes("word" + " " * 100_000 + "word  ", rule)]
[(100008, 100010)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, NamedTuple

from ..resources.rules import Rule
from ..resources.rules import rule_changes as all_changes
from ..text.edits import Change

try:  # the standard library's regular-expression parser, as in resources.rules
    from re import _parser as _re_parser  # type: ignore[attr-defined]  # private module, not in typeshed
    from re._constants import CATEGORY as _CATEGORY  # type: ignore[import-not-found]
    from re._constants import IN as _IN
    from re._constants import LITERAL as _LITERAL
    from re._constants import MAX_REPEAT as _MAX_REPEAT
    from re._constants import MIN_REPEAT as _MIN_REPEAT
    from re._constants import RANGE as _RANGE
    from re._constants import SUBPATTERN as _SUBPATTERN
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_parse as _re_parser
    from sre_constants import CATEGORY as _CATEGORY
    from sre_constants import IN as _IN
    from sre_constants import LITERAL as _LITERAL
    from sre_constants import MAX_REPEAT as _MAX_REPEAT
    from sre_constants import MIN_REPEAT as _MIN_REPEAT
    from sre_constants import RANGE as _RANGE
    from sre_constants import SUBPATTERN as _SUBPATTERN

LONG_RUN = 64
"""Below this length a run costs ``re`` little, and the rule is matched by ``finditer`` as usual."""

BACK_REFERENCE = re.compile(r"\\[1-9]|\\g<|\(\?P=|\(\?\(")
"""A back-reference or a conditional group, in a pattern's source (conservatively: an escaped digit counts too)."""

_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
               "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}  # fmt: skip


class LeadingRun(NamedTuple):
    """A pattern's leading repeat: every match starts with a ``first`` character followed by ``run`` characters."""

    first: re.Pattern[str]
    run: re.Pattern[str]
    long_run: re.Pattern[str]


def rule_changes(text: str, rule: Rule) -> Iterator[Change]:
    """Every change one ``phrase`` or ``regex`` rule proposes, as :func:`~alliance_corpus.resources.rules.rule_changes`."""
    lead = leading_run(rule.regex)
    if lead is None or not lead.long_run.search(text):
        yield from all_changes(text, rule)
        return
    for match in _run_matches(text, rule.regex, lead):
        replacement = replacement_for(rule, match)
        if replacement is not None:
            yield Change(match.start(), match.end(), replacement, rule.id, rule.kind)


def replacement_for(rule: Rule, match: re.Match[str]) -> str | None:
    """What ``rule`` puts in place of ``match``; ``None`` when it leaves the match as it is (or ``unless`` lists it)."""
    matched = match.group()
    if matched in rule.unless:
        return None
    expanded = match.expand(rule.replacement) if "\\" in rule.replacement else None
    replacement = rule.replacement_for(matched, expanded)
    return None if replacement == matched else replacement


def _run_matches(text: str, pattern: re.Pattern[str], lead: LeadingRun) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds, trying each run of ``lead.run`` characters at its first ``lead.first``."""
    end = 0
    for run in lead.run.finditer(text):
        while True:
            start = lead.first.search(text, max(run.start(), end), run.end())
            if start is None:
                break
            match = pattern.match(text, start.start())
            if match is None:
                break  # a later start in this run cannot match either
            yield match
            end = match.end()
            if end >= run.end():
                break


@lru_cache(maxsize=1024)
def leading_run(pattern: re.Pattern[str]) -> LeadingRun | None:
    """The leading repeat of ``pattern`` (``C+``, or ``D C*`` with every member of ``D`` in ``C``), or ``None``.

    Patterns that fold case or refer back to a group are left alone: there a
    later start in a run may match where the first did not.

    >>> leading_run(re.compile(r"(\\d[\\d.,]*) tỷ")).run.pattern
    '[\\\\d\\\\.,]+'
    >>> leading_run(re.compile(r"\\bpeople(?= War I)")) is None
    True
    """
    if pattern.flags & re.IGNORECASE or BACK_REFERENCE.search(pattern.pattern):
        return None
    items = list(_re_parser.parse(pattern.pattern))
    while items and items[0][0] is _SUBPATTERN and not items[0][1][1] & re.IGNORECASE:  # "(\d[\d.,]*) tỷ"
        items = list(items[0][1][3]) + items[1:]
    if items and _repeat(items[0], at_least=1):
        first = run = _members(items[0][1][2])
    elif len(items) > 1 and _repeat(items[1], at_least=0):
        first, run = _members([items[0]]), _members(items[1][1][2])
        if first is None or run is None or not set(first) <= set(run):
            return None
    else:
        return None
    if first is None or run is None:
        return None
    flags = pattern.flags & (re.ASCII | re.LOCALE | re.UNICODE)
    return LeadingRun(
        first=re.compile(f"[{''.join(first)}]", flags),
        run=re.compile(f"[{''.join(run)}]+", flags),
        long_run=re.compile(f"[{''.join(run)}]{{{LONG_RUN},}}", flags),
    )


def _repeat(item: tuple[Any, Any], *, at_least: int) -> bool:
    """Whether ``item`` is an unbounded repeat (greedy or lazy) whose minimum is at least ``at_least``."""
    op, arg = item
    return op in (_MAX_REPEAT, _MIN_REPEAT) and arg[0] >= at_least and arg[1] == _re_parser.MAXREPEAT


def _members(items: Any) -> list[str] | None:
    """The members of one literal or one set as class source (``['\\\\d', '\\\\.', ',']``), or ``None`` for anything else."""
    items = list(items)
    if len(items) != 1:
        return None
    op, arg = items[0]
    if op is _LITERAL:
        return [re.escape(chr(arg))]
    if op is not _IN:
        return None
    members = []
    for kind, value in arg:
        if kind is _LITERAL:
            members.append(re.escape(chr(value)))
        elif kind is _RANGE:
            members.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
        elif kind is _CATEGORY and str(value) in _CATEGORIES:
            members.append(_CATEGORIES[str(value)])
        else:
            return None  # a negated set, or something rarer
    return members

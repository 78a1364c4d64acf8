"""The individual restoration steps.

Each step is a small function that reads a text and proposes
:class:`~alliance_corpus.edits.Change` objects; it never edits the text
itself, so every change is recorded with its offsets and can be undone.

>>> [c.replacement for c in fix_encoding("Japanâ€™s role")]
['’']
>>> [c.replacement for c in fix_markup("U.S. &amp; Japan")]
['&']
"""

from __future__ import annotations

import html
import re
from difflib import SequenceMatcher
from typing import Iterable, Iterator, Sequence

import ftfy

from ..edits import Change
from .rules import Rule
from .scripts import find_foreign_words

FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,  # entities are their own step, with their own edit kind
    uncurl_quotes=False,  # curly quotes are correct typography, not damage
    fix_character_width=False,  # full-width forms may be deliberate in Japanese names
    fix_latin_ligatures=False,
    fix_line_breaks=False,  # line ends are the whitespace rules' job
    normalization=None,  # NFC/NFKC would rewrite text that is not broken
    explain=False,
)

ENTITY = re.compile(r"&(?:amp;)*(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def fix_encoding(text: str) -> list[Change]:
    """Repair mojibake with ftfy, one line at a time, as character-level changes.

    ftfy decides whether a line is mis-decoded; we only turn its answer into
    offsets by aligning the line before and after.
    """
    changes: list[Change] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        if not line.isascii():
            fixed = ftfy.fix_text(line, FTFY_CONFIG)
            if fixed != line:
                changes.extend(_align(line, fixed, offset, rule="encoding.ftfy", kind="encoding"))
        offset += len(line)
    return changes


def fix_markup(text: str) -> list[Change]:
    """Decode HTML character references, including double-escaped ones ("&amp;lt;")."""
    changes = []
    for match in ENTITY.finditer(text):
        decoded = _unescape_fully(match.group())
        if decoded != match.group():
            changes.append(Change(match.start(), match.end(), decoded, "markup.entity", "markup"))
    return changes


def _unescape_fully(entity: str) -> str:
    previous = None
    while previous != entity:
        previous, entity = entity, html.unescape(entity)
    return entity


def apply_rules(text: str, rules: Iterable[Rule]) -> list[Change]:
    """Changes proposed by ``phrase`` and ``regex`` rules (rules needing a letter ``text`` lacks are skipped)."""
    present = set(text)
    return [change for rule in rules if rule.required_characters <= present for change in rule_changes(text, rule)]


def rule_changes(text: str, rule: Rule) -> Iterator[Change]:
    """Every change one ``phrase`` or ``regex`` rule proposes; matches it would leave as they are are skipped."""
    for match in rule.regex.finditer(text):
        matched = match.group()
        if matched in rule.unless:
            continue
        expanded = match.expand(rule.replacement) if "\\" in rule.replacement else None
        replacement = rule.replacement_for(matched, expanded)
        if replacement != matched:
            yield Change(match.start(), match.end(), replacement, rule.id, rule.kind)


def fix_proper_casing(text: str, names: re.Pattern[str] | None, canonical: dict[str, str]) -> list[Change]:
    """Restore the case of known names damaged by the spinner ("north Korea" -> "North Korea").

    ``names`` matches the gazetteer names to check (``ignore_case`` entries in
    every text; every name of several words in spun texts), and only matches
    that mix cases are changed: a damaged name keeps some of its capitals,
    while lower-case uses of the same words are ordinary prose.
    """
    if names is None:
        return []
    changes = []
    for match in names.finditer(text):
        found = match.group()
        wanted = canonical.get(" ".join(found.lower().split()))
        if wanted and found != wanted and found.lower() != found and _same_shape(found, wanted):
            changes.append(Change(match.start(), match.end(), wanted, "case.proper-name", "casing"))
    return changes


def _same_shape(found: str, wanted: str) -> bool:
    return len(found) == len(wanted) and found.lower() == wanted.lower()


def flag_foreign_words(text: str) -> Iterator[tuple[int, int, str, str]]:
    """Yield ``(start, end, word, script)`` for leaked words no rule restored."""
    for match, script in find_foreign_words(text):
        yield match.start(), match.end(), match.group(), script


def _align(before: str, after: str, offset: int, *, rule: str, kind: str) -> list[Change]:
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    return [
        Change(offset + i1, offset + i2, after[j1:j2], rule, kind)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def split_rules(rules: Sequence[Rule], kinds: set[str], match: set[str]) -> list[Rule]:
    """The rules of the given kinds and match types, in file order."""
    return [r for r in rules if r.kind in kinds and r.match in match]

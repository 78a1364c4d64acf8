"""The bundled restoration steps, registered in the order they run (see :mod:`.registry`).

Each step reads the text and its :class:`~.plan.StepContext` and proposes
changes; the repairs themselves live in :mod:`.fixes`.  To add a step, write
one function here (or in your own module) and register it.

>>> from alliance_corpus.restore import clean
>>> clean("Japan 보다 Korea").text
'Japan than Korea'
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..text.edits import Change
from .detect import find_foreign_words, find_leaked_words
from .detect.scripts import VIETNAMESE_PLACES
from .fixes.casing import fix_lowercase_names, fix_proper_casing
from .fixes.context import apply_token_rules
from .fixes.encoding import fix_encoding
from .fixes.glued import split_glued_labels, split_glued_names
from .fixes.hyphens import join_broken_words
from .fixes.markup import fix_markup
from .fixes.names import fix_pivot_senses, fix_regrouped_names, fix_translated_names
from .fixes.order import fix_reversed_names
from .fixes.page import strip_front_matter, strip_page_markup
from .fixes.places import fix_literal_places
from .fixes.rules import apply_rules
from .fixes.senses import fix_phrase_senses
from .fixes.titles import titles_before_names
from .plan import StepContext
from .registry import register


@register("encoding", stage="decode")
def encoding(text: str, context: StepContext) -> list[Change]:
    """Mojibake repaired by ftfy."""
    return fix_encoding(text)


@register("markup", stage="decode", rule_kinds=frozenset({"markup", "encoding"}))
def markup(text: str, context: StepContext) -> list[Change]:
    """HTML character references and tags, page-level HTML (head, scripts, menus), a Markdown post's front matter, and the mojibake ftfy leaves alone."""
    return strip_front_matter(text) + strip_page_markup(text) + fix_markup(text) + apply_rules(text, context.rules("markup"))


@register("layout", stage="layout", rule_kinds=frozenset({"whitespace", "typography", "spacing"}))
def layout(text: str, context: StepContext) -> list[Change]:
    """Runs of spaces, line ends, invisible characters; words a hard wrap broke with a hyphen; known names glued to the word
    before them ("TagsJapanDonald Trump"); missing spaces after sentence ends (in spun texts)."""
    glued = split_glued_names(text, context.plan.name_starts)
    labels = [c for c in split_glued_labels(text) if not any(g.start == c.start for g in glued)]
    return apply_rules(text, context.rules("layout")) + join_broken_words(text) + glued + labels


@register("leakage", stage="words", rule_kinds=frozenset({"leakage"}))
def leakage(text: str, context: StepContext) -> list[Change]:
    """Known foreign-script words restored to English; a restored title right before a name gets capitals."""
    return titles_before_names(text, only_leaked_words(text, apply_rules(text, context.rules("leakage")), spun=context.garbled))


def only_leaked_words(text: str, changes: list[Change], *, spun: bool = False) -> list[Change]:
    """The ``changes`` that touch no foreign word detection calls deliberate (:func:`.detect.find_leaked_words`).

    A Vietnamese person's name ("Colonel Trần Hoàng Hải", where "Hoàng Hải"
    is also the Yellow Sea), a term in quotation marks ("“bốn không”"), a
    passage in another script, and words followed by their English in
    brackets ("the Hoàng Sa (Paracel)") are written so on purpose: a leakage
    rule leaves them as they are.  A change counts as touching a foreign word
    that lies inside it or right beside it, one space away.  In a ``spun``
    text a known Vietnamese place ("Việt Nam") is the round trip's, and the
    rules for it, which run on spun texts only, put the English back.

    >>> from alliance_corpus.text.edits import Change
    >>> text = "Colonel Trần Hoàng Hải met the chính phủ over the Hoàng Sa (Paracel)."
    >>> changes = [Change(13, 22, "Yellow Sea", "r", "leakage"), Change(31, 40, "government", "r", "leakage"), Change(50, 58, "Paracel Islands", "r", "leakage")]
    >>> [text[c.start:c.end] for c in only_leaked_words(text, changes)]
    ['chính phủ']
    """
    if not changes:
        return changes
    leaked = {(match.start(), match.end()) for match, _ in find_leaked_words(text)}
    places = [(match.start(), match.end()) for match in VIETNAMESE_PLACES.finditer(text)] if spun else []
    place_starts = [start for start, _ in places]
    deliberate = [
        (match.start(), match.end())
        for match, _ in find_foreign_words(text)
        if (match.start(), match.end()) not in leaked and not _within(match.start(), match.end(), places, place_starts)
    ]
    starts = [start for start, _ in deliberate]
    kept = []
    for change in changes:
        near = deliberate[bisect_left(starts, change.start - 1 - LONGEST_WORD) : bisect_left(starts, change.end + 2)]
        touched = any(start <= change.end + 1 and change.start - 1 <= end for start, end in near)
        if not touched and not _glossed_after(text, change):
            kept.append(change)
    return kept


def _within(start: int, end: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether ``start:end`` lies inside one of ``spans`` (sorted, not overlapping; ``starts`` their starts)."""
    index = bisect_right(starts, start) - 1
    return index >= 0 and end <= spans[index][1]


LONGEST_WORD = 40
"""Longer than any word: how far before a change a word beside it may start."""
GLOSS_AFTER = re.compile(r"[^\S\n]*[(\[（]([^()\[\]（）\n]{1,80})[)\]）]")


def _glossed_after(text: str, change: Change) -> bool:
    """Whether a bracket right after ``change`` holds a word of its replacement: the writer gave the English already."""
    found = GLOSS_AFTER.match(text, change.end)
    if found is None:
        return False
    gloss = found.group(1).lower()
    return any(word.lower() in gloss for word in change.replacement.split() if len(word) > 3)


@register("spin", stage="words", rule_kinds=frozenset({"spin", "filler"}))
def spin(text: str, context: StepContext) -> list[Change]:
    """Spinner and round-trip wording reversed; inserted words removed."""
    return apply_rules(text, context.rules("spin"))


@register("names", stage="words", garbled_only=True)
def names(text: str, context: StepContext) -> list[Change]:
    """A known name's one swapped word put back ("Status of pressures Agreement", "Free Democratic Party"), or its words' order
    ("University of National Defense"); an unknown name brought back head first put in English order ("Oda Makoto", "University Reitaku")."""
    found = fix_translated_names(text, context.plan.name_templates)
    found += fix_pivot_senses(text, context.plan.name_templates, found)
    found += fix_regrouped_names(text, context.plan.name_templates, found)
    return found + [change for change in fix_reversed_names(text) if not any(c.start < change.end and change.start < c.end for c in found)]


@register("senses", stage="words", garbled_only=True)
def senses(text: str, context: StepContext) -> list[Change]:
    """A fixed collocation with one word in another sense of its Vietnamese translation, or a spinner's synonym, put back ("group self-defense", "upper home")."""
    return fix_phrase_senses(text)


@register("places", stage="words", garbled_only=True)
def literal_places(text: str, context: StepContext) -> list[Change]:
    """Japanese place names translated character by character spelled back ("Long Cape" -> "Nagasaki")."""
    return fix_literal_places(text)


@register("context", stage="words", garbled_only=True)
def context_rules(text: str, context: StepContext) -> list[Change]:
    """Ambiguous words decided by part of speech (spaCy ``Matcher`` rules on tagged lines)."""
    if not context.plan.tokens:
        return []
    return apply_token_rules(text, context.plan.tokens, context.tagger(), context.tagged, context.analyses)


@register("casing", stage="words", rule_kinds=frozenset({"casing"}))
def casing(text: str, context: StepContext) -> list[Change]:
    """Letter case: the word after "U.S.", and known names (in spun texts every several-word name, and a name's word that is no English word)."""
    plan = context.plan
    names = plan.recasable_names if context.garbled else plan.proper_names  # "camp David" is damage only in spun text
    changes = apply_rules(text, context.rules("casing")) + fix_proper_casing(text, names, plan.canonical_names, plan.single_names, spun=context.garbled)
    if not context.garbled:
        return changes
    taken = [(c.start, c.end) for c in changes]
    return changes + [c for c in fix_lowercase_names(text, plan.lowercase_names) if not any(s < c.end and c.start < e for s, e in taken)]

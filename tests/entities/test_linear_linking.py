"""The entity steps in linear time give exactly what the quadratic versions gave.

The steps after the model used to compare every mention with every other
(``name_documents``, ``overlay``, ``split_compounds``, the surnames the model
missed) and to search the whole text before a title word (``tidy``).  The
old versions are kept here, as they were, as the reference: on real
documents (the seed, the clean set, the English real pages, and all of them
joined into one long page) and on generated spans, the linear versions must
give the same mentions in the same order.  No timing is asserted here; the
cost is measured in ``benchmarks/bench_scaling.py``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliance_corpus.annotation import read_entities
from alliance_corpus.entities import credit_mentions, link_mentions, overlay, resolve, surnames
from alliance_corpus.entities import mention as mention_module
from alliance_corpus.entities.discover import (
    _headline_subject,
    _lower_head_after,
    _on_title_case_line,
    _with_modifier,
    name_documents,
    place_mention_ends,
)
from alliance_corpus.entities.mention import Mention, SpanIndex
from alliance_corpus.entities.relabel import head_labels
from alliance_corpus.entities.tidy import (
    ACRONYM,
    CODE_AFTER,
    NAME_AFTER_OFFICE,
    TAG_OR_HANDLE,
    WEB_ADDRESS,
    _division,
    _patterns,
    _person_without_title,
    tidy,
    trim,
)
from alliance_corpus.layout import find_credits
from alliance_corpus.nlp import load_pipeline
from alliance_corpus.resources import Resources
from alliance_corpus.resources.gazetteer import Gazetteer
from alliance_corpus.resources.lexicons import words
from alliance_corpus.restore import clean
from tests.conftest import CLEAN_SET, ROOT, SEED_RAW

# ---------------------------------------------------------------------------------------------
# The quadratic versions, as they were before the linear ones replaced them.


def old_overlay(mentions: Sequence[Mention], preferred: Sequence[Mention]) -> list[Mention]:
    kept = [m for m in mentions if not any(m.start < p.end and p.start < m.end for p in preferred)]
    return sorted([*kept, *preferred], key=lambda m: (m.start, m.end))


OLD_DOCUMENT_WORDS = re.compile(r"(?:[^\S\n][A-Z][\w'’-]*)*")


def _old_head_after(text: str, start: int, heads: dict[str, str]) -> tuple[int, str] | None:
    following = OLD_DOCUMENT_WORDS.match(text, start)
    assert following is not None
    found = None
    for word in following.group().split()[:3]:
        start = text.index(word, start) + len(word)
        if word in heads:
            found = (start, heads[word])
        elif found is not None:
            break
    return found


def old_name_documents(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    heads = head_labels()
    name_labels = frozenset(words("name-labels"))
    named = []
    for mention in mentions:
        found = None
        if mention.label in name_labels and mention.source != "caption":
            found = _old_head_after(text, mention.end, heads) or _lower_head_after(text, mention)
        if found and len(text[mention.end : found[0]].split()) > 1 and _headline_subject(text, mention, place_mention_ends(mentions)):
            found = None  # came with the rule itself (a head right after a headline's second place is its own)
        if found and any(o.start < found[0] < o.end or (o.end == found[0] and o.source == "gazetteer") for o in mentions):
            found = None
        if found and any(mention.end < o.end and o.start < found[0] and o.source == "gazetteer" for o in mentions) and _on_title_case_line(text, mention):
            found = None  # came with the rule itself (in a headline, a name takes no head a gazetteer name stands before)
        if found and mention.label == "PERSON" and found[1] == "EVENT":
            found = None
        kept_link = mention.kb_id if found and mention.label == found[1] == "FAC" else None
        named.append(Mention(_with_modifier(text, mention.start), found[0], found[1], kept_link, "context") if found else mention)
    return [m for m in named if not any(o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start for o in named)]


def old_split_compounds(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """The compounds read by comparing each with every mention; mentions inside a compound give way to its parts."""
    from alliance_corpus.entities.compounds import COMPOUND, _compound_parts, _part_entry, _places_and_a_noun

    kept = [m for m in mentions if _compound_parts(text[m.start : m.end], gazetteer) is None and not _places_and_a_noun(text, m, gazetteer)]
    replaced, added = set(), []
    for match in COMPOUND.finditer(text):
        parts = _compound_parts(match.group(), gazetteer)
        a, b = match.span()
        if parts is None or any(m.start < a < m.end or m.start < b < m.end or (m.start <= a and b <= m.end) for m in kept):
            continue
        replaced.update((m.start, m.end) for m in kept if a <= m.start and m.end <= b)
        named = _old_head_after(text, match.end(), head_labels())
        if named is not None and not any(m.start < named[0] and match.end() < m.end for m in kept):
            added.append(Mention(match.start(), named[0], named[1], None, "context"))
            continue
        offset = match.start()
        for part in parts:
            entry = _part_entry(part, gazetteer)
            added.append(Mention(offset, offset + len(part), entry.label, entry.id, "gazetteer"))
            offset += len(part) + 1
    return [m for m in kept if (m.start, m.end) not in replaced] + added


def old_missed_surnames(text: str, mentions: list[Mention], in_document: dict[str, set[str]]) -> list[Mention]:
    added = []
    for surname, ids in in_document.items():
        if len(ids) != 1:
            continue
        for match in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text):
            if not any(m.start < match.end() and match.start() < m.end for m in mentions):
                added.append(Mention(match.start(), match.end(), "PERSON", next(iter(ids)), "context"))
    return added


def old_tidy(text: str, mention: Mention) -> Mention | None:
    """The title-word check as it was, searching all the text before the mention; the trimming is today's."""
    if mention.source != "model":
        return mention
    _, _, title_before, title_after, title_words = _patterns()
    surface = text[mention.start : mention.end]
    if WEB_ADDRESS.search(surface) or TAG_OR_HANDLE.search(text, max(0, mention.start - 1), mention.start):
        return None
    if ACRONYM.fullmatch(surface) and CODE_AFTER.match(text, mention.end):
        return None
    if _division().match(surface):
        return None
    if surface in title_words and (title_before.search(text, 0, mention.start) or title_after.match(text, mention.end)):
        return None
    office = next((word for word in sorted(title_words, key=len, reverse=True) if surface.startswith(word + " ")), None)
    if office is not None and title_before.search(text, 0, mention.start) and NAME_AFTER_OFFICE.fullmatch(surface[len(office) :].lstrip()):
        return replace(mention, start=mention.end - len(surface[len(office) :].lstrip()), label="PERSON")
    mention = _person_without_title(text, mention) or mention
    trimmed = trim(text, mention)
    if trimmed is not None and trimmed != mention:
        trimmed = _person_without_title(text, trimmed) or trimmed
    if trimmed is None or " ".join(text[trimmed.start : trimmed.end].split()) in {*words("job-titles"), *words("common-nouns"), *words("interface-words")}:
        return None
    if trimmed.label == "PERSON" and text[trimmed.start : trimmed.end].split()[-1] in words("job-titles"):
        return None
    return trimmed


@pytest.fixture
def quadratic(monkeypatch: pytest.MonkeyPatch):
    """Within the test, ``link_mentions`` runs the old versions of every step that was made linear."""

    def use_old() -> None:
        monkeypatch.setattr(resolve, "tidy", old_tidy)
        monkeypatch.setattr(resolve, "name_documents", old_name_documents)
        monkeypatch.setattr(mention_module, "overlay", old_overlay)  # the facilities, units, places and organisations read whole
        monkeypatch.setattr(resolve, "split_compounds", old_split_compounds)
        monkeypatch.setattr(surnames, "_missed_surnames", old_missed_surnames)

    return use_old


# ---------------------------------------------------------------------------------------------
# Real documents, read by the model once per session.


def _real_texts() -> list[str]:
    texts = [SEED_RAW.read_text(encoding="utf-8")] + [path.read_text(encoding="utf-8") for path in CLEAN_SET]
    for path in sorted((ROOT / "tests" / "data" / "realpages").glob("*.json")):
        page = json.loads(path.read_text(encoding="utf-8"))
        if page.get("language") == "en":
            texts.append(page["text"])
    return texts


@pytest.fixture(scope="module")
def documents() -> list[tuple[str, list[Mention]]]:
    """Each real document's restored text and the mentions the model and the credits give, before linking."""
    gazetteer = Resources.bundled().gazetteer
    results = [clean(text) for text in _real_texts()]
    found = read_entities(load_pipeline(), [result.text for result in results])
    read = []
    for result, (mentions, _) in zip(results, found):
        credits = credit_mentions(find_credits(result.text, result.segments), result.text, gazetteer)
        read.append((result.text, overlay(mentions, credits)))
    return read


def _joined(documents: list[tuple[str, list[Mention]]]) -> tuple[str, list[Mention]]:
    """All the documents as one long page (its mentions shifted to their place), so that mentions far apart meet."""
    text, mentions = "", []
    for piece, found in documents:
        mentions += [replace(m, start=m.start + len(text), end=m.end + len(text)) for m in found]
        text += piece + "\n\n"
    return text, mentions


def test_linking_real_documents_gives_what_the_quadratic_version_gave(documents, quadratic):
    gazetteer = Resources.bundled().gazetteer
    assert len(documents) > 150 and sum(len(mentions) for _, mentions in documents) > 5_000
    linear = [link_mentions(text, mentions, gazetteer) for text, mentions in documents]
    quadratic()
    assert [link_mentions(text, mentions, gazetteer) for text, mentions in documents] == linear


def test_linking_one_long_page_gives_what_the_quadratic_version_gave(documents, quadratic):
    gazetteer = Resources.bundled().gazetteer
    text, mentions = _joined(documents)
    assert len(text) > 250_000
    linear = link_mentions(text, mentions, gazetteer)
    assert any(m.source == "context" and m.label == "PERSON" for m in linear)  # surnames the model missed were added
    quadratic()
    assert link_mentions(text, mentions, gazetteer) == linear


# ---------------------------------------------------------------------------------------------
# Generated spans: the index answers what the pairwise comparisons answered, edge cases included.

spans = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)).map(lambda p: (p[0], p[0] + p[1])), max_size=25)


@settings(deadline=None, max_examples=300)
@given(spans, st.integers(0, 50), st.integers(0, 12))
def test_span_index_answers_as_pairwise_comparison(indexed, start, length):
    end = start + length
    index = SpanIndex(indexed)
    assert index.overlaps(start, end) == any(start < e and s < end for s, e in indexed)
    assert index.inside_longer(start, end) == any(s <= start and end <= e and e - s > end - start for s, e in indexed)


PAGE = (
    "Secretary of State Antony Blinken met Prime Minister Fumio Kishida in Tokyo.  The Camp David Principles followed.\n"
    "Kishida and Blinken spoke of the U.S.-Japan alliance at Kadena Air Base; Okinawa International University, "
    "Futenma Marine Corps Air Station and the Defense Ministry of Japan replied. Yoshida, Abe and Austin, Texas.\n"
)
LABELS = ["PERSON", "ORG", "GPE", "FAC", "LOC", "LAW", "NORP"]


@st.composite
def page_mentions(draw):
    text = PAGE * draw(st.integers(1, 3))
    count = draw(st.integers(0, 30))
    found = []
    for _ in range(count):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, min(len(text), start + 40)))
        source = draw(st.sampled_from(["model", "model", "gazetteer", "caption", "context"]))
        found.append(Mention(start, end, draw(st.sampled_from(LABELS)), None, source))
    return text, found


@settings(deadline=None, max_examples=200)
@given(page_mentions())
def test_each_linear_step_matches_its_quadratic_version(page):
    text, found = page
    gazetteer = Resources.bundled().gazetteer
    assert name_documents(text, found) == old_name_documents(text, found)
    assert overlay(found[: len(found) // 2], found[len(found) // 2 :]) == old_overlay(found[: len(found) // 2], found[len(found) // 2 :])
    from alliance_corpus.entities.compounds import split_compounds

    assert split_compounds(text, found, gazetteer) == old_split_compounds(text, found, gazetteer)
    in_document = {"Kishida": {"ac:fumio-kishida"}, "Blinken": {"Q13583"}, "Yoshida": {"a", "b"}, "O'Neill": {"c"}}
    assert surnames._missed_surnames(text, found, in_document) == old_missed_surnames(text, found, in_document)
    assert [tidy(text, m) for m in found] == [old_tidy(text, m) for m in found]


def test_title_word_after_a_long_run_of_spaces_is_still_part_of_the_title():
    text = "the Secretary of" + " " * 500 + "\n  State said"
    start = text.index("State")
    mention = Mention(start, start + 5, "ORG", None, "model")
    assert tidy(text, mention) is None and old_tidy(text, mention) is None

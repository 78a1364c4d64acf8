"""Typographic ligatures of PDF copies become their letters, so names with them are found and linked."""

from __future__ import annotations

import pytest

from alliance_corpus import annotate, clean

PDF_COPY = "The ﬁnancial burden of the bases was deﬁned in talks. The Paciﬁc Forum and Prime Minister Shinzo Abe’s oﬃce said so."


def test_ligatures_become_letters_and_each_is_an_edit():
    result = clean(PDF_COPY)
    assert result.text == "The financial burden of the bases was defined in talks. The Pacific Forum and Prime Minister Shinzo Abe’s office said so."
    assert [(e.before, e.after, e.rule) for e in result.edits] == [
        ("ﬁ", "fi", "typo.ligature-fi"), ("ﬁ", "fi", "typo.ligature-fi"), ("ﬁ", "fi", "typo.ligature-fi"), ("ﬃ", "ffi", "typo.ligature-ffi"),
    ]  # fmt: skip


def test_ligatures_a_name_written_with_one_is_linked():
    document = annotate(PDF_COPY)
    assert ("Pacific Forum", "ac:pacific-forum") in {(e.text, e.kb_id) for e in document.entities}
    forum = next(e for e in document.entities if e.kb_id == "ac:pacific-forum")
    assert document.raw_text[forum.raw_start : forum.raw_end] == "Paciﬁc Forum"


@pytest.mark.parametrize("ligature, letters", [("ﬀ", "ff"), ("ﬂ", "fl"), ("ﬄ", "ffl"), ("ﬅ", "st"), ("ﬆ", "st")])
def test_ligatures_every_latin_ligature_is_its_letters(ligature, letters):
    assert clean(f"The o{ligature}ice").text == f"The o{letters}ice"

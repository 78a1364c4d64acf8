"""Whether the case of a known name was broken inside it, or only written in another style.

Detection counts a broken name as a sign of spinning, and the casing step
repairs only broken names: an all-capitals headline, a title-cased name or a
sentence-cased one ("Okinawa prefecture") is a style of the page and stays.
"""

from __future__ import annotations

from collections.abc import Collection


def broken_case(written: list[str], canonical: list[str], single_names: Collection[str]) -> bool:
    """Whether a name's case was broken inside it, rather than written in sentence case.

    Broken: a word lower-cased just before a capitalised one ("united
    States"), or a final name word lower-cased after a capitalised one ("Bill
    clinton").  Sentence case lower-cases the common words after the first
    ("Okinawa prefecture") and is a style.

    >>> broken_case(["united", "States"], ["United", "States"], ())
    True
    >>> broken_case(["Okinawa", "prefecture"], ["Okinawa", "Prefecture"], ())
    False
    >>> broken_case(["Bill", "clinton"], ["Bill", "Clinton"], {"Clinton"})
    True
    """
    if len(written) != len(canonical) or len(written) < 2 or written == canonical:
        return False
    lowered = [w[:1].islower() and c[:1].isupper() for w, c in zip(written, canonical)]
    capital = [w[:1].isupper() for w in written]
    if any(lowered[i] and capital[i + 1] for i in range(len(written) - 1)):
        return True
    return lowered[-1] and capital[-2] and canonical[-1] in single_names

"""Detection: how garbled a text is, and which words leaked from another script; it never edits.

- :mod:`.garble`: the garble score and the gate;
- :mod:`.scripts`: foreign-script words, by Unicode script.
"""

from .garble import GARBLED, UNSURE, garble_evidence, garble_score, squash
from .scripts import find_foreign_words, word_script

__all__ = ["GARBLED", "UNSURE", "find_foreign_words", "garble_evidence", "garble_score", "squash", "word_script"]

"""Detection: how garbled a text is, and which words leaked from another script; it never edits.

- :mod:`.garble`: the garble score and the gate;
- :mod:`.signals`: the signs of spinning the score counts (tells, leaked words, broken names);
- :mod:`.scripts`: foreign-script words, by Unicode script, and glosses.
"""

from .garble import GARBLED, UNSURE, garble_evidence, garble_score, squash
from .scripts import find_foreign_words, find_leaked_words, word_script
from .signals import Signal, find_signals

__all__ = ["GARBLED", "UNSURE", "Signal", "find_foreign_words", "find_leaked_words", "find_signals", "garble_evidence", "garble_score", "squash", "word_script"]

"""Repairs: each module proposes changes of one kind and never scores the text.

- :mod:`.encoding`: mojibake, through ftfy;
- :mod:`.markup`: HTML character references;
- :mod:`.rules`: the ``phrase`` and ``regex`` rules of the rule files;
- :mod:`.names`: a known name's one swapped word;
- :mod:`.context`: the ``tokens`` rules, read with the tagger;
- :mod:`.casing`: the case of known names.
"""

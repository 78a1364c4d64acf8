"""Restoration of spun, machine-translated and scraped text.

:func:`clean` runs named steps (:data:`STEPS`), each recorded as edits with offsets:

1. ``encoding``: mojibake repaired by ftfy;
2. ``markup``: HTML character references and tags (and ``encoding`` rules);
3. ``layout``: spaces, invisible characters, missing spaces after sentence ends;
4. ``leakage``: known foreign-script words restored (unknown ones flagged);
5. ``spin``: spinner wording reversed, inserted words removed;
6. ``names`` (spun texts only): a known name's one swapped word put back;
7. ``context`` (spun texts only): ambiguous words decided by part of speech;
8. ``casing``: the word after "U.S." and known proper names.

Detection is separate from repair: :mod:`.detect` scores the text and never
edits it; :mod:`.fixes` repairs and never scores.  Rules below
:data:`~alliance_corpus.resources.rules.ALWAYS` confidence apply only to
garbled texts, so well-edited English is left alone.  The steps are named and
registered (:mod:`.registry`, :mod:`.bundled`); :mod:`.pipeline` runs them until
nothing changes, so cleaning a cleaned text changes nothing.

>>> result = clean("The alliance v Japan has actually been vital.There are much more than eighty U.S. Military facilities.")
>>> result.text
'The alliance with Japan has been vital. There are more than eighty U.S. military facilities.'
>>> sorted({e.kind for e in result.edits})
['casing', 'filler', 'spacing', 'spin']
"""

from . import bundled as _bundled  # noqa: F401 -- registers the bundled steps before anything reads STEPS
from .config import RestoreConfig
from .detect.garble import GARBLED
from .pipeline import clean
from .registry import STEPS, register

__all__ = ["clean", "RestoreConfig", "GARBLED", "STEPS", "register"]

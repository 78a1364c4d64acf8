r"""The layout of a text: the role of each line (body, heading, caption, credit, boilerplate).

- :mod:`.segments`: lines and their roles;
- :mod:`.credits`: photo credits, parsed into people and agencies;
- :mod:`.page`: the main content of a web page, by its extractor.

>>> from alliance_corpus.layout import find_segments
>>> [s.kind for s in find_segments("Advertisement\nThe treaty was signed.")]
['boilerplate', 'body']
"""

from .credits import Credit, find_credits
from .page import MainContent
from .segments import find_segments

__all__ = ["Credit", "MainContent", "find_credits", "find_segments"]

r"""The layout of a text: the role of each line (body, heading, caption, credit, boilerplate).

- :mod:`.segments`: lines and their roles;
- :mod:`.credits`: photo credits, parsed into people and agencies.

>>> from alliance_corpus.layout import find_segments
>>> [s.kind for s in find_segments("Advertisement\nThe treaty was signed.")]
['boilerplate', 'body']
"""

from .credits import Credit, find_credits
from .segments import find_segments

__all__ = ["Credit", "find_credits", "find_segments"]

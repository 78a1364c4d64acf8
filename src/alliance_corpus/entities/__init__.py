"""Entities: what the model found, tidied, relabelled, completed and linked to the gazetteer.

One concern per module, in the order :func:`~.resolve.link_mentions` applies them:

- :mod:`.mention`: the :class:`~.mention.Mention` value the steps pass along;
- :mod:`.lines`: mentions cut at line breaks and segment edges, none in boilerplate;
- :mod:`.credits`: PERSON and ORG mentions from photo credits;
- :mod:`.tidy`: spans trimmed to the name;
- :mod:`.relabel`: labels from head words ("... Law" is LAW);
- :mod:`.discover`: new mentions from head words and facility suffixes;
- :mod:`.compounds`: "U.S.-Japan" read as two places;
- :mod:`.linking`: gazetteer ids and labels;
- :mod:`.bases`: a base named by its town ("Kadena") where the words around say so;
- :mod:`.surnames`: surnames linked through the document;
- :mod:`.glosses`: no mentions in the romanised gloss of Japanese script;
- :mod:`.resolve`: all of the above, in order.

spaCy itself is loaded by :mod:`alliance_corpus.nlp`; these steps never import it.
"""

from .credits import credit_mentions
from .headings import confirmed_in_headings
from .lines import cut_at_lines, outside_boilerplate
from .mention import Mention, overlay
from .resolve import link_mentions

__all__ = ["Mention", "confirmed_in_headings", "credit_mentions", "cut_at_lines", "link_mentions", "outside_boilerplate", "overlay"]

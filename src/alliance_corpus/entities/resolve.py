"""The entity steps after the model, in order: :func:`link_mentions`.

Each step is its own module: :mod:`.tidy`, :mod:`.acronyms`, :mod:`.lists`, :mod:`.parties`, :mod:`.vehicles`, :mod:`.relabel`, :mod:`.discover`,
:mod:`.compounds`, :mod:`.islands`, :mod:`.catalogue`, :mod:`.linking`, :mod:`.bases`, :mod:`.surnames`, :mod:`.glosses` (credits are read by
:mod:`.credits` before).  What they do:

- A mention whose text is a full gazetteer name gets that entity's id,
  canonical name and label (the gazetteer is authoritative for its names).
- A surname alone ("Yoshida") links to the person named in full elsewhere in
  the same document.  With no full mention, it links only if exactly one
  gazetteer person has that surname and the model did not read it as a
  place ("Austin, Texas"); otherwise it stays unlinked rather than guessed.  Occurrences of a linked person's surname that the model missed
  are added as PERSON mentions, and so are those of a person the model named
  in full ("Susumu Inamine ... Inamine said") unless the text also writes the
  surname in lower case.
- A credit such as "Yuriko Nakao/Reuters" yields a PERSON and an ORG.
- A model mention ending in a head word takes its label ("... Law" LAW,
  "... Air Base" FAC, "... University" ORG), and so does a name followed by
  such a word ("Camp David Principles", "Okinawa International University").
- The romanised gloss of Japanese script ("普天間 (Futenma)") holds no mention;
  the name in script beside an English or romanised name is that entity.
- An island name with its suffix ("Kuchinoerabu-jima", "Yoron-tô") is one LOC,
  a town's ("Nyuzen-machi") one GPE (:mod:`.islands`).
- A compass word before a place is part of its name ("Northeast Asia").
- A treaty's title with its parties ("Security Treaty between the United
  States and Japan") is one LAW (:mod:`.parties`).
- An organisation followed by the place of its branch is one ORG
  ("American Center Japan", "RENGO Okinawa"), and a service named right
  after its country's name takes it in ("US Marine Corps").
- Aircraft ("KC-130J Super Hercules", "Lockheed P-2 Neptune") and classes
  of ship ("Nimitz-class") are PRODUCTs, as OntoNotes labels vehicles
  (:mod:`.vehicles`).
- A person's nickname in quotes and generational suffix are part of the
  name ("Lawrence “Larry” Nicholson", "Joseph R. Biden, Jr."; :mod:`.people`).
- In an author–year citation each surname is a PERSON and the year a DATE
  ("(Mearsheimer 2001; Walt 1987)"; :mod:`.citations`).
- The speaker of a transcript's turn is a PERSON ("SECRETARY AUSTIN:";
  :mod:`.speakers`).
- The names after "Messrs." are people; "Operation X" is an EVENT; a name
  after a ship prefix ("USS", "JS") is the ship (PRODUCT).
- Catalogue, infobox and reading-list lines: a field label is no name, and
  a cited title holds no mention (:mod:`.catalogue`).
- A base's bare name ("Kadena", also a town's) is the base only where the
  words around it say so (:mod:`.bases`).
- An acronym the document defines ("the Extended Deterrence Dialogue (EDD)")
  is that name wherever it occurs (:mod:`.acronyms`).
- A name of a list the model read with another label than the names on each
  side of it takes theirs ("Panama, Paraguay, Peru"; :mod:`.lists`).

>>> from alliance_corpus.resources import Resources
>>> gaz = Resources.bundled().gazetteer
>>> text = "Leon Panetta visited Tokyo. Panetta said so."
>>> found = [Mention(0, 12, "PERSON", None, "model"), Mention(28, 35, "ORG", None, "model")]
>>> [(text[m.start:m.end], m.label, m.kb_id) for m in link_mentions(text, found, gaz)]
[('Leon Panetta', 'PERSON', 'Q244631'), ('Panetta', 'PERSON', 'Q244631')]
"""

from __future__ import annotations

from collections.abc import Iterable

from ..resources.gazetteer import Gazetteer
from .acronyms import acronyms_of_names
from .bases import bases_by_bare_name, countries_before_generic_bases
from .catalogue import catalogue_lines
from .citations import authors_of_cited_years
from .compounds import split_compounds
from .discover import (
    laws_with_years,
    military_units,
    name_documents,
    named_events,
    places_named_by_head_before,
    places_named_by_head_first,
    places_with_compass_words,
    shared_place_heads,
    ships_read_whole,
    unnamed_facilities,
)
from .glosses import drop_glosses, names_in_script
from .islands import island_names, islands_in_context, municipality_names
from .linking import link_by_name
from .lists import names_in_lists
from .mention import Mention
from .openers import drop_common_openers
from .organisations import branches_named_by_place, commands_of_theatres, organisations_read_whole, services_with_their_country
from .parties import treaties_named_by_parties
from .people import authors_before_et_al, people_read_whole
from .relabel import (
    relabel_acting_places,
    relabel_dates,
    relabel_documents,
    relabel_japanese_places,
    relabel_languages,
    relabel_script_places,
    relabel_ships,
)
from .speakers import speakers_of_turns
from .surnames import (
    occurrences_of_surnames_named,
    people_after_honorifics,
    people_after_titles,
    people_of_administrations,
    resolve_surnames,
    surnames_after_titles,
    surnames_in_capitals,
    surnames_of_people_named,
    surnames_read_as_organisations,
)
from .tidy import tidy
from .vehicles import vehicles_read_as_products


def link_mentions(text: str, mentions: Iterable[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Link every mention to the gazetteer where the text allows it (see the module docstring)."""
    tidied = (tidy(text, m) for m in mentions)
    found = [relabel_japanese_places(text, relabel_script_places(text, relabel_documents(text, relabel_dates(text, m)))) for m in tidied if m is not None]
    found = drop_common_openers(text, found, gazetteer)
    found = military_units(text, places_named_by_head_first(text, places_named_by_head_before(text, name_documents(text, found))))
    found = shared_place_heads(text, named_events(text, places_with_compass_words(text, found)))
    found = ships_read_whole(text, laws_with_years(text, commands_of_theatres(text, organisations_read_whole(text, unnamed_facilities(text, found)))))
    found = services_with_their_country(text, branches_named_by_place(text, vehicles_read_as_products(text, treaties_named_by_parties(text, found))))
    found = split_compounds(text, found, gazetteer)
    found = municipality_names(text, island_names(text, sorted(found, key=lambda m: (m.start, m.end))))
    linked = [relabel_ships(text, relabel_acting_places(text, relabel_languages(text, link_by_name(text, m, gazetteer)))) for m in found]
    linked = bases_by_bare_name(text, islands_in_context(text, linked, gazetteer), gazetteer)
    linked = countries_before_generic_bases(text, linked, gazetteer)
    linked = people_of_administrations(text, surnames_read_as_organisations(text, linked, gazetteer), gazetteer)
    linked = people_after_honorifics(text, surnames_in_capitals(text, linked))
    linked = resolve_surnames(text, linked, gazetteer)
    linked = people_read_whole(text, people_after_titles(text, surnames_after_titles(text, linked, gazetteer), gazetteer), gazetteer)
    linked = authors_of_cited_years(text, authors_before_et_al(text, linked), gazetteer)
    linked = speakers_of_turns(text, occurrences_of_surnames_named(text, surnames_of_people_named(text, linked)), gazetteer)
    linked = catalogue_lines(text, drop_glosses(text, names_in_script(text, linked)), gazetteer)
    linked = names_in_lists(text, acronyms_of_names(text, linked))
    return sorted(linked, key=lambda m: (m.start, m.end))

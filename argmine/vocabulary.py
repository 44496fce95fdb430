"""The closed vocabularies of argmine's records, defined once for every layer.

The records (`argmine.records`), the components' contract, the store's
columns and the CLI's choices all take their stances, modes and actor kinds
from here. This module imports nothing heavy, so the CLI can build its
option choices from it and still answer `--help` at once.
"""

from __future__ import annotations

from typing import Literal, get_args

ActorKind = Literal["person", "organisation", "group", "author", "unresolved"]
Mode = Literal["direct", "indirect", "author"]
Stance = Literal["support", "oppose", "mixed", "neutral"]
StanceBasis = Literal["content", "cue", "topic", "context", "model", "speaker", "none"]

ACTOR_KINDS: tuple[str, ...] = get_args(ActorKind)
MODES: tuple[str, ...] = get_args(Mode)
STANCES: tuple[str, ...] = get_args(Stance)

#: Kinds whose names are people's names (titles and surnames apply).
PERSONAL_KINDS: tuple[str, ...] = ("person", "author")

#: Honorifics and styles written before a person's name, lower case without dots
#: ("Dr", "Prof.", "Cllr", "Rt Hon"). Ingest drops them from bylines, queries and
#: evaluation from the names they compare, and the actor component reads them
#: (as written: `honorific_forms`) as titles before a name.
HONORIFICS: frozenset[str] = frozenset(
    """
    mr mrs ms miss mx dr doctor prof professor sir dame lord lady baron baroness viscount earl duke
    cllr councillor rev revd reverend father sister rabbi imam rt hon honourable honorable
    """.split()
)


def is_honorific(word: str) -> bool:
    """'Dr', 'dr.' or 'PROF': an honorific whatever its case and full stop."""
    return word.lower().rstrip(".") in HONORIFICS


def honorific_forms() -> frozenset[str]:
    """The honorifics as written in running text: capitalised, with and without a full stop."""
    return frozenset(form for h in HONORIFICS for form in (h.capitalize(), h.capitalize() + "."))

#: Characters typed for an apostrophe (curly, modifier letter, grave and acute accents).
APOSTROPHES: frozenset[str] = frozenset("\u2019\u2018\u02bc`\u00b4")
#: `str.translate` table that makes every one of them a straight apostrophe.
STRAIGHT_APOSTROPHES = str.maketrans(dict.fromkeys(APOSTROPHES, "'"))

"""Forgiving actor-name matching for `argmine who-said --actor NAME`.

People type "Holloway", "jane holloway", "Dr Jane Holloway" or "Sir Alan Grey" and
expect the same answer, whatever accents and titles the article used. A name
that fits several different actors is not guessed at: the caller gets the
candidates to show the user.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, Iterable, Sequence, TypeVar

from argmine.errors import ArgmineError, UsageError
from argmine.records import Actor
from argmine.vocabulary import HONORIFICS, PERSONAL_KINDS, STRAIGHT_APOSTROPHES

#: Words dropped from the front of a person's name before comparing names (lower case, no
#: dots): the honorifics, offices people are styled by, and "the" ("The Rt Hon ...").
TITLES = HONORIFICS | frozenset(
    """
    the fr sen senator rep representative gov governor pres president judge justice capt captain
    gen general col colonel maj major lt
    """.split()
)

#: Letters after a name (honours, degrees, parliament) dropped the same way.
POSTNOMINALS = frozenset(
    """
    mp msp ms am mla mep qc kc obe mbe cbe kbe dbe frcgp frcp frcs frcn mrcgp phd md jr sr ii iii
    """.split()
)

_NON_WORD = re.compile(r"[^\w']+")


@lru_cache(maxsize=16384)  # a corpus repeats a few hundred names thousands of times; bounded: flat memory
def fold(text: str) -> str:
    """Lower case, accents removed, punctuation to spaces: 'Dr. José O’Neill' -> 'dr jose o'neill'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(STRAIGHT_APOSTROPHES))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NON_WORD.sub(" ", plain.casefold()).replace("'", "").split())


@lru_cache(maxsize=16384)
def name_tokens(name: str, *, person: bool = True) -> tuple[str, ...]:
    """The words of a name; a person's without leading titles or trailing post-nominals.

    Organisation names keep every word ("General Medical Council").
    """
    tokens = fold(name).split()
    if not person:
        return tuple(tokens)
    while len(tokens) > 1 and tokens[0] in TITLES:
        tokens.pop(0)
    while len(tokens) > 1 and tokens[-1] in POSTNOMINALS:
        tokens.pop()
    return tuple(tokens)


def normalise_name(name: str, *, person: bool = True) -> str:
    """The comparable form of a name: 'Dr Jane Holloway' and 'jane holloway' give 'jane holloway'."""
    return " ".join(name_tokens(name, person=person))


@lru_cache(maxsize=16384)
def without_article(name: str) -> str:
    """A name folded, without a leading 'the': 'The King’s Fund' and 'Kings Fund' give 'kings fund'."""
    words = fold(name).split()
    return " ".join(words[1:] if len(words) > 1 and words[0] == "the" else words)


@lru_cache(maxsize=16384)
def without_honorifics(name: str) -> str:
    """A name folded, without leading honorifics ("Dr", "Prof.") but keeping any other word:
    the strict key evaluation matches gold names with ('the commission' stays itself)."""
    words = fold(name).split()
    while len(words) > 1 and words[0] in HONORIFICS:
        words.pop(0)
    return " ".join(words)


def is_personal(kind: str) -> bool:
    """Kinds whose names are people's names (titles and surnames apply)."""
    return kind in PERSONAL_KINDS


A = TypeVar("A", bound=Actor)


class NoSuchActor(ArgmineError):
    """No actor's name fits what the user typed."""

    def __init__(self, query: str, suggestions: Sequence[str]):
        hint = f"; did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        super().__init__(f"no actor matches {query!r}{hint} (`argmine actors` lists them)")
        self.query = query
        self.suggestions = list(suggestions)


class AmbiguousActor(UsageError):
    """A name fits several different actors; the user must say which."""

    def __init__(self, query: str, candidates: Sequence[Actor]):
        listed = "; ".join(f"{c.name} ({c.kind})" for c in candidates)
        super().__init__(f"{query!r} matches {len(candidates)} actors: {listed} — give a fuller name")
        self.query = query
        self.candidates = list(candidates)


class UnnamedWriters(AmbiguousActor):
    """A name that fits the unnamed writers of several documents: different people, listed, never merged."""

    def __init__(self, query: str, labels: Sequence[str]):
        UsageError.__init__(
            self, f"{query!r} fits {len(labels)} different writers: {'; '.join(labels)} — give one of these names or ids"
        )
        self.query = query
        self.candidates = []


#: How well a name fits a query, best last.
SHARED_WORDS, SURNAME, FULL_NAME = 1, 2, 3


@dataclass(frozen=True)
class _Fit(Generic[A]):
    level: int
    actor: A


def match_level(query: str, actor: Actor) -> int:
    """How `query` fits the actor's name or aliases: FULL_NAME, SURNAME, SHARED_WORDS or 0."""
    personal = is_personal(actor.kind)
    wanted = name_tokens(query, person=personal)
    if not wanted:
        return 0
    full = name_tokens(actor.name, person=personal)
    best = 0
    for name in (actor.name, *actor.aliases):
        tokens = name_tokens(name, person=personal)
        if not tokens:
            continue
        if wanted == tokens:
            # A one-word alias of a person with a fuller name ("Holloway" for Jane
            # Holloway) is a surname: it must not outrank another Holloway's surname.
            if personal and len(tokens) == 1 and len(full) > 1:
                best = max(best, SURNAME)
                continue
            return FULL_NAME
        if personal and len(wanted) == 1 and wanted[0] == tokens[-1]:
            best = max(best, SURNAME)
        elif _words_in_order(wanted, tokens):
            best = max(best, SHARED_WORDS)
    return best


def _words_in_order(wanted: Sequence[str], tokens: Sequence[str]) -> bool:
    """Each wanted word is a word of the name (or its initial), in the name's order."""
    position = 0
    for word in wanted:
        while position < len(tokens) and not (
            tokens[position] == word or (len(word) == 1 and tokens[position].startswith(word))
        ):
            position += 1
        if position == len(tokens):
            return False
        position += 1
    return True


def _compatible(a: Actor, b: Actor) -> bool:
    """Could both be the same actor? ('Holloway' and 'Jane Holloway' could; 'Jane' and 'Sam Holloway' not.)"""
    if a.kind != b.kind:
        return False
    personal = is_personal(a.kind)
    ta, tb = set(name_tokens(a.name, person=personal)), set(name_tokens(b.name, person=personal))
    if not personal:
        return ta == tb  # "NHS" and "NHS England" are different bodies
    return ta <= tb or tb <= ta


def resolve_actor(query: str, actors: Iterable[A]) -> list[A]:
    """The actors `query` names: the best-fitting one, plus others that could be the same actor.

    Raises:
        NoSuchActor: nothing fits (with close names as suggestions).
        AmbiguousActor: the fitting names belong to different actors.
    """
    pool = list(actors)
    fits = [_Fit(level, actor) for actor in pool if (level := match_level(query, actor))]
    if not fits:
        known = {normalise_name(a.name): a.name for a in pool}
        close = difflib.get_close_matches(normalise_name(query), list(known), n=3, cutoff=0.75)
        raise NoSuchActor(query, [known[c] for c in close])
    top = max(f.level for f in fits)
    chosen = [f.actor for f in fits if f.level == top]
    # Weaker fits join only when they could be the same actor as every strong one.
    chosen += [f.actor for f in fits if f.level < top and all(_compatible(f.actor, c) for c in chosen)]
    if any(not _compatible(a, b) for i, a in enumerate(chosen) for b in chosen[i + 1 :]):
        raise AmbiguousActor(query, chosen)
    return chosen

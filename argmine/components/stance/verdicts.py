"""Verdicts on how the matter performs: "the scheme is working", "it hasn't worked".

"Work" is evaluative only as an intransitive verdict on something's performance. "Staff
are working with the council", "the board is working on a plan", "she worked as a nurse"
and "working groups" describe activity, not success, so a lexicon entry for "working"
would misfire. A verdict is read only where

* its subject is the matter itself: a target mention, or a pronoun ("it", "this", "that"),
  right before the verb or before its auxiliaries ("is", "has", "isn't", "has clearly");
* and nothing the verb governs follows: the clause ends, or an adverb of result
  ("now", "again", "here"), "as intended" / "as planned", or a coordinator follows.

The verdict is positive ("The merger is working"); negation, contrast and every other
phase treat it as any evaluative item ("The merger isn't working" opposes).
"""

from __future__ import annotations

from argmine.components.stance.items import Item
from argmine.components.stance.lexicon import Entry
from argmine.components.stance.text import Piece, Source, opens_clause, text_of, word_before

VERDICT = Entry(("working",), "eval", 0.5)

_VERB_FORMS = frozenset({"working", "works", "worked"})
# What may stand between the subject and the verb: auxiliaries, negators, adverbs of degree or time.
_BETWEEN = frozenset({
    "is", "are", "was", "were", "'s", "'re", "be", "been", "being", "has", "have", "had", "'ve", "not", "n't",
    "never", "already", "still", "now", "clearly", "really", "actually", "finally", "simply", "just", "plainly",
    "obviously", "genuinely", "definitely", "certainly", "largely", "mostly", "broadly", "generally", "always",
    "ever", "also", "yet",
})
_PRONOUN_SUBJECTS = frozenset({"it", "this", "that"})  # not "they": people work too
_THAT_OPENERS = frozenset({"and", "but", "so"})
# What may follow a verdict: the clause goes on without an object or a role.
_AFTER = frozenset({"and", "but", "so", "or", "because", "now", "again", "here", "there", "today", "already",
                    "yet", "too", "either", "nor", "in", "for"})  # "worked in practice", "works for patients"
_AS_INTENDED = frozenset({"intended", "planned", "designed", "hoped", "expected", "promised", "advertised"})


def performance_verdicts(src: Source, pieces: list[Piece], items: list[Item], taken: set[int]) -> list[Item]:
    """The items plus a positive verdict for each intransitive "is working" / "has worked" /
    "works" whose subject is the matter at hand."""
    covered = {k for it in items for k in range(it.start, it.end)}
    added = []
    for i, p in enumerate(pieces):
        if p.punct or p.text not in _VERB_FORMS or i in taken or i in covered:
            continue
        if _has_subject(pieces, i, taken) and _nothing_governed(pieces, i):
            added.append(Item(i, i + 1, VERDICT, text_of(src, pieces, i, i + 1)))
    return sorted(items + added, key=lambda it: it.start) if added else items


def _has_subject(pieces: list[Piece], i: int, taken: set[int]) -> bool:
    """A target mention or a pronoun before the verb, across auxiliaries and adverbs only."""
    j = word_before(pieces, i, _BETWEEN, taken)
    if j < 0 or j in taken:
        return j >= 0
    # "that" opens its clause ("That is working"); after a noun it is a relative ("the one that works")
    word = pieces[j].text
    return word in _PRONOUN_SUBJECTS and (word != "that" or opens_clause(pieces, j, _THAT_OPENERS))


def _nothing_governed(pieces: list[Piece], i: int) -> bool:
    """The verb ends its clause: a boundary, the end, a coordinator, an adverb of result, or "as intended"."""
    if i + 1 >= len(pieces):
        return True
    nxt = pieces[i + 1]
    if nxt.group == pieces[i].group:
        return False  # "working-age", "work-based"
    if nxt.punct:
        return True
    if nxt.text == "as":
        return i + 2 < len(pieces) and pieces[i + 2].text in _AS_INTENDED
    return nxt.text in _AFTER

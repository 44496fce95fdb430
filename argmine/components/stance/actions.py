"""Actions on the target: pledged, urged or ordered ("we would scrap the charge").

A user's target is often a policy, and people argue for or against it by the
action they would take on it: "the mayor would abolish the levy", "ministers urged
the council to lift the ban", "Bring in the levy now." Such a sentence may carry no
evaluative word at all; the commitment to the action is the stance. When the action
is one of the target's own terms ("scrap the scheme", a verb phrase in its `con`)
or a policy verb whose object names the target ("introduce the charge", "keep
the ban"), the modal, the directive verb or the imperative is read as advocacy
(a deontic item, like "must"), and the ordinary composition does the rest: a
removal verb ("scrap", "lift") flips it, a term of the opposite flips it, a
negator after the modal denies it ("will not scrap"). A question asks, it does
not pledge; a prediction about the target itself ("the levy will raise £5m")
names no action on it and is left alone.
"""

from __future__ import annotations

from typing import Optional

from argmine.components.stance.items import Item
from argmine.components.stance.lexicon import Entry
from argmine.components.stance.mentions import Mention
from argmine.components.stance.text import (
    AUXILIARIES,
    BE_FORMS,
    DETERMINERS,
    FINITE_VERB_TAGS,
    QUOTE_MARKS,
    SCOPE_ENDERS,
    Piece,
    Source,
    is_boundary,
    is_question,
    text_of,
)

PLEDGE_STRENGTH = 0.4  # as "plans to", "vowed to"
_INTENT_MODALS = frozenset({"will", "would", "'ll", "'d", "shall"})
# Verbs that do something to a policy: realise it, keep it, grow it, or undo it
# (the undoing ones are removal reversers in the lexicon and flip what they govern).
POLICY_VERBS = frozenset({
    "introduce", "impose", "implement", "bring", "keep", "retain", "extend", "expand", "adopt", "approve",
    "build", "restore", "reinstate", "reintroduce", "raise", "increase", "double", "roll", "enforce",
    "legalise", "pass", "press", "push", "go",
    "scrap", "abolish", "end", "remove", "lift", "reverse", "repeal", "axe", "ditch", "cut", "reduce",
    "lower", "halt", "stop", "overturn", "replace", "dismantle", "abandon", "cancel", "block",
})
_DIRECTIVES = frozenset({"urge", "ask", "press", "implore", "beg", "lobby", "petition", "call"})
# "campaigning to scrap", "voted to keep", "a bid to lift": effort or decision toward an action
_EFFORTS = frozenset({"campaign", "campaigning", "petition", "push", "pushing", "bid", "move", "effort",
                      "drive", "lobbying", "vote", "voted", "voting",
                      "seek", "seeking", "sought", "try", "trying", "tried", "aim", "aims",
                      "fight", "fighting", "fought"})
# "refused to scrap", "declined to keep": the action turned down
_REFUSALS = frozenset({"refuse", "refused", "refusing", "decline", "declined", "declining", "unwilling", "reluctant"})
_OBJECT_WINDOW = 8
# "would keep the scheme" is an action on the target; "will keep their own budgets" most
# often on something else of the same kind: a possessive anaphor is not taken here
_POINTING = frozenset({"the", "this", "that", "these", "those", "such"})


def pledged_actions(src: Source, pieces: list[Piece], mentions: list[Mention], items: list[Item]) -> list[Item]:
    """Deontic items for the modals, directive verbs and imperatives that take an action on the target."""
    mentions = [m for m in mentions if m.term or pieces[m.start].text in _POINTING]
    if not mentions or is_question(pieces):
        return []
    # a negator ("refused to") still leaves the action it turns down to be read here
    taken = {k for it in items if it.entry.kind != "negator" for k in range(it.start, it.end)}
    found: list[Item] = []
    for k, piece in enumerate(pieces):
        if k in taken or piece.punct:
            continue
        span = _intent(pieces, k) or _effort(pieces, k) or _directive(pieces, k) or _imperative(pieces, k)
        if span is None:
            continue
        verb = span[2]
        if _acts_on_target(pieces, verb, mentions):
            start, end = span[0], span[1]
            # a refusal the lexicon reads as a negator already denies the action it governs
            negated = any(it.entry.kind == "negator" and it.start <= start < it.end for it in items)
            sign = -1 if pieces[start].text in _REFUSALS and not negated else 1
            entry = Entry(tuple(p.text for p in pieces[start:end]), "deontic", sign * PLEDGE_STRENGTH)
            found.append(Item(start, end, entry, text_of(src, pieces, start, end)))
    return found


def _next_verb(pieces: list[Piece], k: int) -> Optional[int]:
    """The verb a modal or "to" governs, over adverbs and negators ("would simply not scrap")."""
    j = k
    while j < len(pieces) and j - k < 4:
        p = pieces[j]
        if p.punct and p.text in QUOTE_MARKS:
            j += 1
            continue
        if p.punct:
            return None
        if p.pos == "ADV" or p.text in {"not", "n't", "never"}:
            j += 1
            continue
        return j if p.pos in ("VERB", "") else None
    return None


def _intent(pieces: list[Piece], k: int) -> Optional[tuple[int, int, int]]:
    """"would scrap", "will keep", "is going to lift": (item start, item end, verb)."""
    p = pieces[k]
    if p.text in _INTENT_MODALS:
        verb = _next_verb(pieces, k + 1)
        return (k, k + 1, verb) if verb is not None else None
    if p.text == "going" and k + 1 < len(pieces) and pieces[k + 1].text == "to":
        verb = _next_verb(pieces, k + 2)
        return (k, k + 2, verb) if verb is not None else None
    return None


def _effort(pieces: list[Piece], k: int) -> Optional[tuple[int, int, int]]:
    """"campaigning to scrap", "voted to keep", "refused to lift": (item start, item end, verb)."""
    if pieces[k].text not in _EFFORTS | _REFUSALS or k + 1 >= len(pieces) or pieces[k + 1].text != "to":
        return None
    verb = _next_verb(pieces, k + 2)
    return (k, k + 2, verb) if verb is not None else None


def _directive(pieces: list[Piece], k: int) -> Optional[tuple[int, int, int]]:
    """"urged the council to lift the ban", "called on ministers to keep it": not the passive
    ("was asked to comment"), which reports a directive to the speaker."""
    p = pieces[k]
    if not (p.forms & _DIRECTIVES) or p.pos not in ("VERB", ""):
        return None
    if k > 0 and pieces[k - 1].text in BE_FORMS:
        return None
    if p.forms & {"call"} and not (k + 1 < len(pieces) and pieces[k + 1].text in {"on", "upon"}):
        return None
    for j in range(k + 1, min(len(pieces) - 1, k + 7)):
        q = pieces[j]
        if q.text == "to":
            verb = _next_verb(pieces, j + 1)
            return (k, k + 1, verb) if verb is not None else None
        if (is_boundary(q) and q.text not in QUOTE_MARKS) or q.tag in FINITE_VERB_TAGS:
            return None
    return None


def _imperative(pieces: list[Piece], k: int) -> Optional[tuple[int, int, int]]:
    """"Scrap the charge now.", "Keep the ban!": a base-form verb opening the sentence."""
    p = pieces[k]
    opening = all(q.punct and q.text in QUOTE_MARKS for q in pieces[:k])
    if not opening:
        return None
    # a tagger often takes a sentence-initial verb for a noun: "Scrap the charge" is a verb
    # phrase when a determiner follows the word
    followed = k + 1 < len(pieces) and pieces[k + 1].text in DETERMINERS | {"a", "an"}
    if p.tag != "VB" and not (followed and p.pos in ("NOUN", "PROPN", "VERB", "")):
        return None
    if _gerund(p.text):  # "Keeping the ferry is a stunt": a subject, not a command
        return None
    return (k, k + 1, k)


def _gerund(word: str) -> bool:
    """"Keeping", "scrapping": an -ing form (not "bring" or "sing", whose stem is short)."""
    return word.lower().endswith("ing") and len(word) > 5


def _acts_on_target(pieces: list[Piece], verb: int, mentions: list[Mention]) -> bool:
    """The verb opens one of the target's terms, or is a policy verb with the target in its object."""
    if any(m.start == verb for m in mentions):
        return True
    if not (pieces[verb].forms & POLICY_VERBS):
        return False
    end = verb + 1
    while end < len(pieces) and end - verb <= _OBJECT_WINDOW:
        p = pieces[end]
        if any(m.start == end for m in mentions):
            return True
        if (is_boundary(p) and p.text not in QUOTE_MARKS) or p.text in SCOPE_ENDERS - {"and", "or"}:
            return False
        if p.text in AUXILIARIES or p.tag in FINITE_VERB_TAGS:
            return False
        end += 1
    return False

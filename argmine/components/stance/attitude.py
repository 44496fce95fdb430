"""Attitudes that take a side by themselves ("support", "oppose", "critics", "unconvinced").

Such a word says which side someone is on, but not always on what. When it names
no object of its own ("most GPs remain unconvinced", "a long-standing critic",
"voted in favour", "we would support it", "they feared it would fail") the side
is on the matter at hand; when it names one ("rejected the figures", "supporting
local charities", "wary of the deadline", "objects to the parking charges") the side is
on that object, which need not be the target. An attitude that is the subject
of its sentence ("The main objection was cost", "Support is strongest among
the young") is described, not held. The context rules (:mod:`.context`) use
only attitudes held and naming no object.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from spacy.tokens import Span, Token

from argmine.components.stance.text import AUXILIARIES, DETERMINERS

#: Word beginnings of attitudes for something, and against something.
FOR = re.compile(r"(support|welcom|favou?r|endors|champion|hail|applaud|prais|commend|convinc)", re.IGNORECASE)
AGAINST = re.compile(r"(oppos|opponent|object|reject|resist|critic|sceptic|skeptic|doubt|fear|warn|wary|unconvinc"
                     r"|suspicio|worri|worry|reservation|condemn|denounc|deplor)", re.IGNORECASE)

#: What may follow an attitude without being its object: a pointer back to the matter
#: at hand ("support this", "hailed it as ..."), or the start of a clause ("feared that").
_POINTERS = frozenset({"it", "this", "that", "these", "those", "them", "so", "such"})
_CLAUSE_STARTS = frozenset({"that", "whether", "if", "and", "but", "or", "because", "as", "when", "while",
                            "although", "though", "unless", "until", "since", "who", "which"})
_DEGREE = frozenset({"strongly", "very", "deeply", "firmly", "fully", "broadly", "openly", "publicly", "still",
                     "also", "always", "never", "not", "n't", "really", "entirely", "wholly", "totally"})


def side_of(word: str) -> Optional[int]:
    """+1 for an attitude for something, -1 against, None for other words."""
    if FOR.match(word):
        return 1
    if AGAINST.match(word):
        return -1
    return None


#: Holders of an attitude ("critics warn"), as against the attitude itself ("the criticism is").
_HOLDERS = re.compile(r"(critics?|sceptics?|skeptics?|opponents?|supporters?|champions?|objectors?)$", re.IGNORECASE)


def described(token: Token) -> bool:
    """An attitude noun that is the subject of its clause: "the objection was safety"."""
    if _HOLDERS.match(token.lower_):
        return False
    if token.tag_:
        noun = token.tag_ in ("NN", "NNS")
    else:  # no tagger: a noun where the sentence starts or soon after a determiner ("the main objection")
        noun = token.is_sent_start or any(t.lower_ in DETERMINERS for t in token.doc[max(0, token.i - 2) : token.i])
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return noun and nxt is not None and (nxt.lower_ in AUXILIARIES or nxt.tag_ in ("VBZ", "VBP", "VBD", "MD"))


def names_an_object(token: Token) -> bool:
    """Does the attitude at `token` name what it is about ("rejected the figures")?"""
    doc = token.doc
    if any(child.dep_ in ("ccomp", "xcomp") for child in token.children):
        return False  # a clause, with or without "that": "they feared the scheme would fail"
    k = token.i + 1
    while k < len(doc) and (doc[k].lower_ in _DEGREE or doc[k].tag_ in ("RB", "RBR", "RBS")):
        k += 1
    if k >= len(doc):
        return False
    nxt = doc[k]
    word = nxt.lower_
    if nxt.is_punct or nxt.is_space or word in _POINTERS or word in _CLAUSE_STARTS or word in AUXILIARIES:
        return False
    if nxt.tag_ in ("VBZ", "VBP", "VBD", "MD") or nxt.pos_ in ("AUX", "VERB") and nxt.tag_ != "VBG":
        return False  # the attitude is the subject or its holder: "critics warn", "the objection was"
    return True


def unnamed_sides(span: Span, evidence: Iterable[str]) -> set[int]:
    """The sides of the attitudes among the evaluative words (`evidence`) of `span` that name no object."""
    words = {w for phrase in evidence for w in re.findall(r"[\w']+", phrase.lower())}
    sides = set()
    for token in span:
        side = side_of(token.lower_) if token.lower_ in words else None
        if side is not None and not names_an_object(token) and not described(token):
            sides.add(side)
    return sides


def holder_sides(span: Span) -> set[int]:
    """The sides of the holders of an attitude named in `span` ("Critics", "opponents of the plan")."""
    return {side for token in span if _HOLDERS.match(token.lower_) and (side := side_of(token.lower_)) is not None}

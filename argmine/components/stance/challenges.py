"""Challenge questions: "How can anyone claim the scheme has helped?", "Where is the evidence that it works?".

A question that asks how anyone could hold a view, or where the evidence for it is, denies
the view: it is a doubt word over its complement, as "cast doubt on" is. The frame becomes a
reverser of the doubt role whose scope runs to the end of the complement's clause, so that
"has helped" there is flipped (oppose) and "failed" is flipped too ("How can anyone say the
merger failed?" supports); with nothing evaluative in the complement, the doubt judges the
target mentions in it by itself ("Where is the evidence for the merger?").

Only frames that are rhetorical in ordinary English are read: "how can/could X claim",
"why should/would anyone believe", "who (seriously) thinks", "does anyone (really) believe",
"where is / what is the evidence (that|for)", "is there any evidence". A real question
("Why do you think the merger helped?", "How can we make it work?") is not one of them.
"""

from __future__ import annotations

from typing import Optional

from argmine.components.stance.items import Item
from argmine.components.stance.lexicon import Entry
from argmine.components.stance.text import Piece, Source, clause_end, is_question, text_of

CHALLENGE = Entry(("challenge",), "reverser", -0.4, "doubt")

_BELIEF = frozenset({
    "claim", "say", "argue", "believe", "pretend", "think", "suggest", "expect", "trust", "accept", "imagine",
    "maintain", "insist",
})
_OPENERS = frozenset({"but", "and", "so", "then", "yet", "well", "frankly", "honestly"})
_ADVERBS = frozenset({"seriously", "really", "honestly", "possibly", "still", "now", "actually", "then"})
_ANYONE = frozenset({"anyone", "anybody", "we", "i", "you", "they", "people"})
_EVIDENCE = (
    ("where", "is", "the", "evidence"), ("where", "'s", "the", "evidence"), ("where", "is", "the", "proof"),
    ("what", "evidence", "is", "there"), ("what", "is", "the", "evidence"), ("is", "there", "any", "evidence"),
    ("where", "are", "the", "benefits"),
)


def challenge_frames(src: Source, pieces: list[Piece], items: list[Item]) -> list[Item]:
    """The items plus a doubt reverser over the complement of a challenge question."""
    if not is_question(pieces):
        return items
    # the frame opens the sentence, or the clause after a comma ("After three tries, why should anyone ...")
    for k in [0] + [k + 1 for k, p in enumerate(pieces) if p.punct and p.text == ","]:
        start = k
        while start < len(pieces) and (pieces[start].punct or pieces[start].text in _OPENERS):
            start += 1
        end = frame_end(pieces, start)
        if end is not None:
            break
    else:
        return items
    if end < len(pieces) and pieces[end].text in {"that", "for", "of"}:
        end += 1
    frame = Item(start, end, CHALLENGE, text_of(src, pieces, start, end))
    frame.scope_end = clause_end(pieces, end, len(pieces))
    inside = [it for it in items if it.start >= start and it.end <= end]  # "should" in "why should anyone ..."
    return sorted([it for it in items if it not in inside] + [frame], key=lambda it: it.start)


def frame_end(pieces: list[Piece], s: int) -> Optional[int]:
    """End of a challenge frame opening at piece `s` (the verb of believing or "evidence"), else None."""
    words = [p.text for p in pieces[s:s + 9]]
    for frame in _EVIDENCE:
        if tuple(words[:len(frame)]) == frame:
            return s + len(frame)
    if len(words) < 3:
        return None
    first, second = words[0], words[1]
    if first == "how" and second in {"can", "could", "dare"}:
        return _belief_verb(pieces, s + 2, max_subject=3, subjects=None)
    if first == "why" and second in {"should", "would", "could"}:
        return _belief_verb(pieces, s + 2, max_subject=2, subjects=_ANYONE)
    if first in {"does", "do", "did", "would", "could", "can"} and second in {"anyone", "anybody"}:
        return _belief_verb(pieces, s + 2, max_subject=0, subjects=None)
    if first == "who":
        return _belief_verb(pieces, s + 1, max_subject=0, subjects=None)
    return None


def _belief_verb(pieces: list[Piece], k: int, *, max_subject: int, subjects: Optional[frozenset]) -> Optional[int]:
    """The end of "SUBJECT (ADVERB) VERB" from piece k: a verb of saying or believing after a
    subject of at most `max_subject` words (from `subjects` when given) and adverbs."""
    j = k
    while j < len(pieces) and j - k < max_subject and not pieces[j].punct and not (pieces[j].forms & _BELIEF):
        if subjects is not None and pieces[j].text not in subjects:
            return None
        j += 1
    if j == k and max_subject:
        return None  # no subject: "how can ... ?" without one is no frame
    while j < len(pieces) and pieces[j].text in _ADVERBS:
        j += 1
    if j < len(pieces) and not pieces[j].punct and pieces[j].forms & _BELIEF:
        return j + 1
    return None

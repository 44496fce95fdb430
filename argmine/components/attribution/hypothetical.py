"""Cues that report nothing of their own: a condition, the writer's own conjecture
about others, a means or a time ("by accepting the plan"), or a report inside another
speaker's report.

"If the board thinks the ferry can wait, islanders will pay" does not report what
the board thinks: the cue sits in a condition (if, unless) of the
writer's own sentence. "I imagine the mayor would say that ..." and "We think
the council knows ..." put words in others' mouths under the writer's own
verb of thinking: the writer's claim, not the mayor's or the council's. Such a
cue yields no attributed claim, and the sentence stays the writer's. "She said
engineers had advised a footbridge" is her claim; the engineers' advice
is a third party reported inside it (optional in the gold conventions), left to her.
"""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Token

from argmine.components.attribution.words import FIRST_PERSON

CONDITIONS = {"if", "unless"}
MEANS = {"by", "after", "before", "since", "without"}


def in_a_condition(verb: Token) -> bool:
    """The cue heads a conditional clause: "If X believes ...", "Unless X says ..."."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in verb.children)


def under_writers_conjecture(verb: Token, cognition: frozenset[str]) -> bool:
    """The cue is the complement of a first-person verb of thinking: "I expect X would say"."""
    if verb.dep_ != "ccomp" or verb.head.i == verb.i:
        return False
    head = verb.head
    if head.lemma_.lower() not in cognition and head.lower_ not in cognition:
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in head.children)


def a_means_or_time(verb: Token) -> bool:
    """A gerund saying how or when something was done, not what anyone holds: "agreed
    to it by signing the lease", "after admitting the error" (but "by arguing that
    ..." reports what is argued: a clause after the gerund keeps it a cue)."""
    if verb.tag_ != "VBG" or not any(c.dep_ == "mark" and c.lower_ in MEANS for c in verb.children):
        return False
    return not any(c.dep_ in ("ccomp", "xcomp") or c.text in ":\"“" for c in verb.children)


def reports_nothing(verb: Token, cognition: frozenset[str]) -> bool:
    """A cue in a condition, under the writer's own conjecture, or saying how or when."""
    return in_a_condition(verb) or under_writers_conjecture(verb, cognition) or a_means_or_time(verb)


def inside_a_report(verb: Token, reports: Callable[[Token], bool]) -> bool:
    """The cue heads the reported clause of another cue that has a speaker of its own:
    "She said engineers had advised a footbridge" (`reports` tests the outer cue)."""
    head = verb.head
    return verb.dep_ == "ccomp" and head.i != verb.i and reports(head)

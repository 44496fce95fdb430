"""Who speaks through a survey or a report: "64% said ...", "its survey found ...".

A survey result reports what people said, through a share of them as the
grammatical subject: "A majority of residents said the bridge should stay",
"Two-thirds of the nurses surveyed said ...", or, with the people named by the
survey itself, "In a poll of 800 ferry users, 64% said that ...". The share is
no speaker a reader would cite; the people it is a share of are. The speaker is
the noun after "of" — the share's own, else the survey's — unless those are
anonymous ("61% of respondents"): then it is whoever ran the survey ("X
published a survey in which ...", "a survey by X"), or nobody when that is unclear.

A document someone owns speaks for its owner: "Its annual poll found ...", "The
council's own review found ...", "his unit's study found ...". The speaker is
the owner ("its", "the council", "her"), resolved like any mention, rather than
the document, which no reader would cite as the one who holds the finding.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

#: Words naming a share of a population.
SHARES = {
    "%", "percent", "cent", "majority", "minority", "third", "thirds", "half", "quarter", "quarters",
    "fifth", "fifths", "tenth", "tenths", "proportion", "share", "most", "two", "three", "four",
}
#: Nouns naming an inquiry whose "of" phrase names the people asked.
SURVEYS = {"survey", "poll", "ballot", "questionnaire", "canvass"}
#: People a survey asked who are nobody in particular: the survey's author speaks through them.
ANONYMOUS = {"respondent", "respondents", "participant", "participants", "people", "person", "those", "interviewee", "interviewees"}


def _of_phrase(token: Token) -> Optional[Token]:
    """The noun of an "of" phrase hanging on `token` ("a poll of 800 *users*")."""
    for c in token.children:
        if c.dep_ == "nmod" and c.pos_ in ("NOUN", "PROPN") and any(g.dep_ == "case" and g.lower_ == "of" for g in c.children):
            return c
    return None


def is_a_share(head: Token) -> bool:
    """"64%", "a majority", "two-thirds", "most": a share, not a speaker."""
    low = head.lower_
    if low in ("%", "percent", "cent"):
        return True
    return head.lemma_.lower() in SHARES and head.pos_ in ("NOUN", "NUM", "ADJ", "SYM") and low not in ("two", "three", "four") or (
        low in ("two", "three", "four") and _of_phrase(head) is not None
    )


def respondents(head: Token, sent: Span) -> Optional[Token]:
    """The people a share speaks for: its own "of" noun, else the "of" noun of a survey
    named in the sentence; when those are anonymous ("61% of respondents"), whoever ran
    the survey. None when the subject is no share."""
    if not is_a_share(head):
        return None
    surveys = [t for t in sent if t.lemma_.lower() in SURVEYS]
    asked = _of_phrase(head) or next((p for p in map(_of_phrase, surveys) if p is not None), None)
    if asked is not None and asked.lemma_.lower() not in ANONYMOUS:
        return asked
    return next((r for r in map(_surveyor, surveys) if r is not None), None)


def _surveyor(survey: Token) -> Optional[Token]:
    """Who ran a survey: "X published a survey", "a survey by X" (a plain noun phrase:
    not markup or a link, which would make a poor speaker's mention)."""
    found = None
    for c in survey.children:
        if c.dep_ in ("nmod", "obl:agent") and any(g.dep_ == "case" and g.lower_ == "by" for g in c.children):
            found = c
    if found is None and survey.dep_ in ("obj", "nsubj:pass"):
        found = next((c for c in survey.head.children if c.dep_ == "nsubj"), None)
    if found is None or any(t.like_url or t.text in "[]()<>/" for t in found.subtree):
        return None
    return found


#: Collectives that stand for their head: "his unit's study" is his.
TEAMS = {"team", "staff", "researchers", "colleagues", "department", "office", "unit", "group"}


def owner_of_document(head: Token, documents: frozenset[str]) -> Optional[Token]:
    """The owner of a document-source speaker ("*Its* survey", "*the council's* review",
    "*her* team's analysis"); None when the speaker is no owned document."""
    if head.lemma_.lower() not in documents and head.lower_ not in documents:
        return None
    owner = next((c for c in head.children if c.dep_ == "nmod:poss"), None)
    if owner is None:
        return None
    if owner.lemma_.lower() in TEAMS:
        return next((c for c in owner.children if c.dep_ == "nmod:poss"), owner)
    return owner

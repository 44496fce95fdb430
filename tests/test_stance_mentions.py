"""The target in a text (issue 17): anaphors that stand for it.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest
import spacy

from argmine.components.stance.mentions import find_mentions
from argmine.components.stance.text import Source, pieces_of
from argmine.target import Target

TRAMS = Target.model_validate({
    "name": "trams", "description": "A new tram line for the city.",
    "pro": ["tram line", "trams", "tram"], "con": ["more car lanes"],
    "anaphors": ["plan", "plans", "move"],
})


@pytest.fixture(scope="module")
def nlp():
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    return blank


def mention_texts(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [m.text for m in find_mentions(Source.of(doc), pieces_of(doc), TRAMS, anaphora=True)]


def test_anaphor_noun_after_a_determiner_stands_for_the_target(nlp):
    assert mention_texts(nlp, "Residents said the plan was long overdue.") == ["the plan"]
    assert mention_texts(nlp, "These plans matter.") == ["These plans"]
    assert mention_texts(nlp, "The move has split the street.") == ["The move"]


def test_a_verb_spelled_like_an_anaphor_is_no_anaphor(nlp):
    assert mention_texts(nlp, "Nobody knows what the council planned.") == []
    assert mention_texts(nlp, "The depot that the council moved is empty.") == []


def test_a_listed_singular_also_stands_in_the_plural(nlp):
    assert mention_texts(nlp, "Those moves will hurt the shops.") == ["Those moves"]

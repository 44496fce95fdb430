"""Stance of single sentences: English constructions the sentence scoring once misread.

Every sentence here was written for these tests; each runs on a blank English
pipeline (no tags) and, when it is present, argmine's trained model.
"""

from __future__ import annotations

import pytest

from argmine.components.stance import stance_of
from argmine.target import load_target
from pipelines import base_model_or_skip, blank_pipeline

INTEGRATION = load_target("integration")


@pytest.fixture(scope="module", params=["blank", "model"])
def nlp(request):
    return blank_pipeline() if request.param == "blank" else base_model_or_skip()


def label(nlp, text: str) -> str:
    return stance_of(nlp(text), INTEGRATION).label


@pytest.mark.parametrize(
    "text, expected",
    [
        # "end up" is where something arrives, not a removal that flips what follows
        ("My worry is that the county ends up paying for every overspend in the pooled budget.",
         "oppose"),
        # "surely" asserts; it is not praise
        ("Surely the pooled budget will be discussed again next spring.", "neutral"),
    ],
)
def test_stance_phrasal_and_certainty_words(nlp, text, expected):
    assert label(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the target holds the attitude: its view of something else, not the speaker's view of it
        ("The officer said that the joint board had endorsed the parking plan.", "neutral"),
        ("The integrated care board welcomes the report.", "neutral"),
        # the target is the attitude's object, or the attitude is passive: the speaker reports a judgement of it
        ("The unions have criticised the merger.", "oppose"),
        ("The merger was welcomed by staff.", "support"),
        ("The council welcomes integration.", "support"),
    ],
)
def test_stance_an_attitude_held_by_the_target_is_not_about_it(nlp, text, expected):
    assert label(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a question opened by an auxiliary and "not" asks the hearer to grant what follows
        ("Does the minister not accept that joint working has delivered real improvements for patients?", "support"),
        ("Doesn't he agree that the merger has been a failure?", "oppose"),
    ],
)
def test_stance_a_negative_question_asserts_its_complement(nlp, text, expected):
    assert label(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "answer to" as the verb of accountability, not "the answer to" a problem
        ("Who does the new director answer to when the joint board and the council disagree?", "neutral"),
        ("The integrated care boards will answer to the regulator.", "neutral"),
    ],
)
def test_stance_answer_to_as_a_verb_is_no_remedy(nlp, text, expected):
    assert label(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "to be honest", "the honest truth is": the speaker vouches for what follows, praising nothing
        ("To be honest, the merger will be discussed again in the spring.", "neutral"),
        ("To be honest, the shared committee sits on Thursdays.", "neutral"),
        ("Let's be honest: the merger has been a disaster.", "oppose"),
    ],
)
def test_stance_honesty_formulas_assert_and_do_not_praise(nlp, text, expected):
    assert label(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a negated verb of saying passes its negation to what would be said
        ("No one can claim the boroughs are dragging their feet on joint working.", "support"),
        ("Nobody can claim that the merger has failed.", "support"),
        # ... within its clause: what follows a comma is the speaker's own
        ("Nobody can say that the merger has failed, and the joint board is a disaster.", "mixed"),
    ],
)
def test_stance_a_negated_saying_denies_its_complement(nlp, text, expected):
    assert label(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # pretext idioms: the target named as a cover for something else
        ("Clinic posts were axed in the name of joined-up care.", "oppose"),
        ("The new partnership is a polite word for closing the cottage hospital.", "oppose"),
    ],
)
def test_stance_pretext_idioms_are_criticism(nlp, text, expected):
    assert label(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # displacing a problem is not solving it; "to the next ward" is a preposition, not a to-infinitive
        ("Critics say the merger simply moves the problem elsewhere.", "oppose"),
        ("Joint working just shifts the problem onto councils.", "oppose"),
        # "stop" as a noun removes nothing
        ("The merger just moves the problem next door.", "oppose"),
    ],
)
def test_stance_displacing_a_problem_is_criticism(nlp, text, expected):
    assert label(nlp, text) == expected

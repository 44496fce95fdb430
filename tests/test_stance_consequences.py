"""Arguments by consequence (issue 17): the matter linked by "means", "lets", "leads to" ... to a
benefit or a harm takes the consequence's side.

Every sentence was written for these tests. They run the rules alone on a blank English
pipeline with a sentencizer (no learned model), for the home target and a target defined here.
"""

from __future__ import annotations

import pytest

from argmine.components.stance import stance_of
from argmine.target import Target, load_target
from pipelines import blank_pipeline

INTEGRATION = load_target("integration")
LIBRARY = Target.model_validate({
    "name": "library", "description": "A mobile library van serving outlying villages.",
    "pro": ["mobile library", "library van"], "con": ["postal lending"],
    "anaphors": ["van"],
})


@pytest.fixture(scope="module")
def blank():
    return blank_pipeline()


def _label(blank, target: Target, text: str) -> str:
    return stance_of(blank(text), target, anaphora=True).label


@pytest.mark.parametrize("target, text, label", [
    (INTEGRATION, "The merger means residents get seen sooner.", "support"),
    (INTEGRATION, "Integration lets district teams spend more time with families.", "support"),
    (INTEGRATION, "The merger will mean fewer closures.", "support"),
    (INTEGRATION, "The merger will lead to closures.", "oppose"),
    (INTEGRATION, "The merger will result in longer journeys for visitors.", "oppose"),
    (INTEGRATION, "Integration has freed up beds on the children's ward.", "support"),
    (LIBRARY, "The mobile library means fewer journeys into town for older readers.", "support"),
    (LIBRARY, "The library van would lead to job losses at the branch.", "oppose"),
])
def test_consequences_a_benefit_or_harm_gives_the_matter_its_side(blank, target, text, label):
    assert _label(blank, target, text) == label


@pytest.mark.parametrize("target, text, label", [
    (INTEGRATION, "The merger will not mean job losses.", "support"),
    (INTEGRATION, "Integration usually means fewer nurses on each shift.", "oppose"),
    (LIBRARY, "Postal lending means readers get their books sooner.", "oppose"),
])
def test_consequences_negation_fewer_and_the_opposite_side(blank, target, text, label):
    assert _label(blank, target, text) == label


@pytest.mark.parametrize("target, text", [
    # no consequence verb from the matter, or a report of figures
    (INTEGRATION, "Fewer closures were recorded in the year before the merger."),
    (INTEGRATION, "The merger is meant to be agreed by spring."),
    (LIBRARY, "The driver of the library van left sooner than planned."),
    (LIBRARY, "The mobile library will mean more funding for the county."),
    (LIBRARY, "The library van saves money on rent."),
])
def test_consequences_outcomes_without_a_consequence_stay_neutral(blank, target, text):
    assert _label(blank, target, text) == "neutral"

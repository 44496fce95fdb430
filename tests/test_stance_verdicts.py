"""Fewer false neutrals (issue 17): verdicts on how the matter performs, pejorative names for it.

Every sentence was written for these tests. They run the rules alone on a blank English
pipeline with a sentencizer (no learned model), for the home target and a target defined here.
"""

from __future__ import annotations

import pytest

from argmine.components.stance import stance_of
from argmine.target import Target, load_target
from pipelines import blank_pipeline

INTEGRATION = load_target("integration")
FERRY = Target.model_validate({
    "name": "ferry", "description": "A publicly run ferry service across the estuary.",
    "pro": ["ferry service", "ferry", "ferries"], "con": ["toll bridge"],
    "anaphors": ["service", "crossing"],
})


@pytest.fixture(scope="module")
def blank():
    return blank_pipeline()


def _label(blank, target: Target, text: str) -> str:
    return stance_of(blank(text), target, anaphora=True).label


# --------------------------------------------------------------------------- performance verdicts


@pytest.mark.parametrize("target, text, label", [
    (INTEGRATION, "The shared chief executive is working.", "support"),
    (INTEGRATION, "Pooled budgets have clearly worked in the eastern districts.", "support"),
    (INTEGRATION, "Integration works, and patients can see it.", "support"),
    (INTEGRATION, "The merger isn't working.", "oppose"),
    (INTEGRATION, "The partnership is working as intended.", "support"),
    (FERRY, "The ferry service is working.", "support"),
    (FERRY, "The ferry has never worked.", "oppose"),
])
def test_verdicts_a_verdict_on_performance_takes_a_side(blank, target, text, label):
    assert _label(blank, target, text) == label


@pytest.mark.parametrize("target, text", [
    # activity, a role or a relative clause: no verdict
    (INTEGRATION, "The council is working with the integrated care board on a discharge plan."),
    (INTEGRATION, "Staff at the integrated care board are working long hours."),
    (INTEGRATION, "She worked as a nurse before the merger."),
    (FERRY, "The crew of the ferry are working towards a new timetable."),
    (FERRY, "Nobody can say whether the ferry is the option that works."),
])
def test_verdicts_activity_is_not_a_verdict(blank, target, text):
    assert _label(blank, target, text) == "neutral"


# --------------------------------------------------------------------------- pejorative names


@pytest.mark.parametrize("target, text", [
    (INTEGRATION, "The merger is a stitch-up."),
    (INTEGRATION, "Residents see the partnership as a cash grab by the hospital."),
    (INTEGRATION, "The consultation on pooled budgets was a charade."),
    (FERRY, "The new ferry timetable is a shambles."),
    (FERRY, "Keeping the ferry is a publicity stunt."),
])
def test_verdicts_a_pejorative_name_opposes(blank, target, text):
    assert _label(blank, target, text) == "oppose"


# --------------------------------------------------------------------------- challenge questions


@pytest.mark.parametrize("target, text, label", [
    (INTEGRATION, "How can anyone claim the merger has helped patients?", "oppose"),
    (INTEGRATION, "Where is the evidence that pooled budgets save money?", "oppose"),
    (INTEGRATION, "Who seriously thinks the partnership has been a success?", "oppose"),
    (INTEGRATION, "How can the minister say integration has failed?", "support"),
    (FERRY, "After ten years of delays, why should anyone believe the ferry will be reliable?", "oppose"),
    (FERRY, "Does anyone really believe the toll bridge is a better deal?", "support"),
    (FERRY, "Is there any evidence that the ferry service helps local trade?", "oppose"),
])
def test_verdicts_a_challenge_question_denies_its_complement(blank, target, text, label):
    assert _label(blank, target, text) == label


@pytest.mark.parametrize("target, text, label", [
    # real questions keep their own reading
    (INTEGRATION, "Why do you think the merger helped?", "support"),
    (INTEGRATION, "How can we make the partnership work better?", "support"),
    (FERRY, "When will the ferry timetable be published?", "neutral"),
])
def test_verdicts_a_real_question_is_not_a_challenge(blank, target, text, label):
    assert _label(blank, target, text) == label


# --------------------------------------------------------------------------- relabelling and harm verbs


@pytest.mark.parametrize("target, text", [
    # "do X and call it <target>": the speaker says the name is a false label
    (INTEGRATION, "The board shut a ward and called it integration."),
    (INTEGRATION, "They move the same staff between offices and call it partnership."),
    (FERRY, "The council sold two boats and called it a ferry service."),
])
def test_verdicts_a_false_label_opposes(blank, target, text):
    assert _label(blank, target, text) == "oppose"


@pytest.mark.parametrize("target, text", [
    # a harm done to the target, in the progressive as in any tense, speaks up for it
    (INTEGRATION, "The funding rules are holding back integration."),
    (INTEGRATION, "The funding rules held back integration for a decade."),
    (INTEGRATION, "The new rules are hindering joint commissioning."),
    (FERRY, "The new charges will starve the ferry of passengers."),
    (FERRY, "The toll is draining passengers away and is strangling the ferry."),
])
def test_verdicts_a_harm_to_the_target_supports_it(blank, target, text):
    assert _label(blank, target, text) == "support"


# --------------------------------------------------------------------------- yes to the goal, no to the means


@pytest.mark.parametrize("text, expected", [
    ("Right in principle, wrong in practice.", True),
    ("We share the ambition, but the timescale is unrealistic.", True),
    ("Governors share the aim but are worried about the speed.", True),
    ("The aim is to publish the timetable in May.", False),
    ("We support the plan and its timetable.", False),
    ("I agree with the direction of travel and the pace is fine.", False),
])
def test_verdicts_goal_not_means(text, expected):
    from argmine.components.stance.reservations import goal_not_means

    assert goal_not_means(text) is expected


@pytest.mark.parametrize("target, first, sentence", [
    (INTEGRATION, "Integration of health and social care matters to every family.",
     "We share the ambition, but the timescale for the merger is unrealistic."),
    (FERRY, "The ferry service carries nine hundred people a day.",
     "Parish councils share the aim but are worried about the speed of the changes."),
])
def test_verdicts_goal_yes_means_no_is_mixed(blank, target, first, sentence):
    from argmine.components.stance import StanceComponent

    from claim_dicts import claims_at

    text = f"{first} {first} {first}\n“{sentence}” said Ada Price."  # a text about the target
    doc = blank(text)
    doc._.claims = claims_at(doc, [(sentence, "ada", "direct")])
    component = StanceComponent(blank, target=target)
    component.model = None
    component(doc)
    assert doc._.claims[0]["stance"] == "mixed"


# --------------------------------------------------------------------------- the matter at hand


def _in_a_text_about(blank, target: Target, opening: str, before: str, sentence: str) -> str:
    """The stance of `sentence`, said after `before` (which names nothing), in a text about the target."""
    from argmine.components.stance import StanceComponent

    from claim_dicts import claims_at

    text = f"{opening} {opening} {opening}\n“{before} {sentence}” said Ada Price."
    doc = blank(text)
    doc._.claims = claims_at(doc, [(before, "ada", "direct"), (sentence, "ada", "direct")])
    component = StanceComponent(blank, target=target)
    component.model = None
    component(doc)
    return doc._.claims[1]["stance"]


@pytest.mark.parametrize("target, opening, before, sentence, label", [
    (INTEGRATION, "The integrated care board met on Monday.", "I have run the clinic for ten years.",
     "It has been a great help to the families we see.", "support"),
    (FERRY, "The ferry service runs every hour.", "My shop is by the harbour.",
     "Frankly, it is a disaster for the town.", "oppose"),
])
def test_verdicts_a_pointer_to_nothing_named_is_the_matter_at_hand(blank, target, opening, before, sentence, label):
    assert _in_a_text_about(blank, target, opening, before, sentence) == label


def test_verdicts_a_pointer_to_nothing_named_stays_neutral_outside_a_text_about_the_target(blank):
    from argmine.components.stance import StanceComponent

    from claim_dicts import claims_at

    before, sentence = "My shop is by the harbour.", "Frankly, it is a disaster for the town."
    doc = blank(f"The weather was fine.\n“{before} {sentence}” said Ada Price.")
    doc._.claims = claims_at(doc, [(before, "ada", "direct"), (sentence, "ada", "direct")])
    component = StanceComponent(blank, target=FERRY)
    component.model = None
    component(doc)
    assert doc._.claims[1]["stance"] == "neutral"


# --------------------------------------------------------------------------- early verdicts, evidence denied


@pytest.mark.parametrize("target, text, label", [
    (INTEGRATION, "The partnership is beginning to work.", "support"),
    (INTEGRATION, "The partnership has not started to work.", "oppose"),
    (FERRY, "The new ferry service is starting to pay off.", "support"),
    (INTEGRATION, "There is no clear evidence that pooled budgets improve care.", "oppose"),
    (FERRY, "There is little hard evidence that the ferry helps local trade.", "oppose"),
])
def test_verdicts_early_verdicts_and_denied_evidence(blank, target, text, label):
    assert _label(blank, target, text) == label

"""Neutral premises: sentences that inform or manage the exchange take no side, even in a passage that argues.

Every sentence here was written for these tests; the component tests run on a blank
English pipeline with a sentencizer, the rules alone (no learned model).
"""

from __future__ import annotations

import pytest

from argmine.components.stance import StanceComponent
from argmine.components.stance.factual import (
    announces_schedule,
    chronicles,
    denies_plans,
    describes_scale,
    personal_background,
    reports_a_fact,
    reports_what_was_told,
)
from argmine.components.stance.premises import argues_nothing, grants_a_point, noncommittal, signposts_a_topic
from argmine.target import load_target

from claim_dicts import claims_at
from pipelines import blank_pipeline


@pytest.fixture(scope="module")
def blank():
    return blank_pipeline()


def _after_support(blank, sentence: str) -> list[str]:
    """The stances of a supportive claim and, from the same speaker, `sentence` after it."""
    first = "Joint teams are a good idea for NHS patients"
    text = f"“{first},” said Ada Price, a district nurse.\n“{sentence}”"
    doc = blank(text)
    doc._.claims = claims_at(doc, [(first, "ada", "direct"), (sentence, "ada", "direct")])
    component = StanceComponent(blank, target=load_target("integration"))
    component.model = None
    component(doc)
    return [c["stance"] for c in doc._.claims]


# --------------------------------------------------------------------------- schedule


@pytest.mark.parametrize("text", [
    "The board will publish its response in March.",
    "The company expects to submit an application in the spring.",
    "We will continue to consult residents throughout.",
    "Councillors are due to vote on the plan on 14 May.",
])
def test_factual_a_planned_step_with_a_time_announces_a_schedule(text):
    assert announces_schedule(text)


@pytest.mark.parametrize("text", [
    "The board will publish its response.",  # no time
    "The merger will wreck services in the spring.",  # no step of a procedure
    "We published the figures in March.",  # done, not planned
])
def test_factual_other_sentences_announce_no_schedule(text):
    assert not announces_schedule(text)


# --------------------------------------------------------------------------- scale, plans, background


def test_factual_the_size_of_an_organisation_is_a_scale():
    assert describes_scale("Our trust serves 600,000 people.")
    assert describes_scale("The new board covers about 1.2 million residents.")
    assert not describes_scale("Our trust serves 600,000 people badly.")


def test_factual_no_plans_is_a_statement_of_intent():
    assert denies_plans("There are no plans to relocate the surgery.")
    assert denies_plans("The council has no current plans to sell the site.")
    assert not denies_plans("The plans to relocate the surgery are a disgrace.")


def test_factual_the_speakers_family_or_past_is_background():
    assert personal_background("My father was a porter.")
    assert personal_background("“My old surgery closed two rooms last year.")
    assert not personal_background("My view is that the merger failed.")


def test_factual_reports_a_fact_gathers_the_four():
    assert reports_a_fact("There are no plans to relocate the surgery.")
    assert not reports_a_fact("The merger was a mistake.")


# --------------------------------------------------------------------------- the exchange


@pytest.mark.parametrize("text", [
    "That's fair.",
    "JANE HOLT: That’s a fair point.",
    "That is a legitimate criticism, and I take it.",
    "Well, we are completely at one there.",
    "Fair enough.",
])
def test_premises_granting_the_other_speakers_point(text):
    assert grants_a_point(text)


def test_premises_a_granted_point_followed_by_but_is_not_only_granted():
    assert not grants_a_point("That's fair, but the rotas are still a mess.")
    assert not grants_a_point("The deal is fair to both councils.")


@pytest.mark.parametrize("text", [
    "Let me begin with the waiting lists.",
    "Staffing, first of all.",
    "Members will note paragraph 4.2 of the report.",
    "Let me turn to the rotas.",
])
def test_premises_signposts(text):
    assert signposts_a_topic(text)


def test_premises_a_sentence_that_goes_on_to_argue_is_no_signpost():
    assert not signposts_a_topic("The money is where the plan falls apart.")


@pytest.mark.parametrize("text", [
    "That all depends on who runs it.",
    "Honestly, it all depends on the staffing.",
    "Whatever the outcome, it will be quoted for years.",
])
def test_premises_noncommittal_answers(text):
    assert noncommittal(text)


def test_premises_argues_nothing_gathers_premises_and_facts():
    assert argues_nothing("That's fair.")
    assert argues_nothing("My father was a porter.")
    assert not argues_nothing("The merger has been a disaster for patients.")


# --------------------------------------------------------------------------- in the component


@pytest.mark.parametrize("sentence", [
    "We will continue to consult staff and patients throughout.",
    "My mother was a district nurse.",
    "There are no plans to relocate the surgery.",
    "Let me begin with the waiting lists.",
])
def test_a_neutral_premise_does_not_inherit_the_speakers_side(blank, sentence):
    assert _after_support(blank, sentence) == ["support", "neutral"]


def test_a_claim_without_a_premise_still_inherits(blank):
    assert _after_support(blank, "The wards have changed since then.") == ["support", "support"]


def test_premises_agreeing_with_a_summary_of_ones_position_is_not_only_granting():
    assert not grants_a_point("That's a fair description of the plan.")
    assert grants_a_point("That's a fair hit.")


def test_factual_a_career_is_background():
    assert personal_background("I've served on two school boards.")
    assert personal_background("We have worked with the hospital for ten years.")
    assert not personal_background("I've served my time waiting for this merger to fail.")


def test_factual_what_people_were_told_is_reported():
    assert reports_what_was_told("Last year we were told that the ward would move.")
    assert reports_what_was_told("Residents have been told the depot is safe.")
    assert not reports_what_was_told("I told them the scheme was a mistake.")


def test_factual_a_listed_history_is_a_chronicle():
    assert chronicles("Since 2015 we have had three reorganisations and two new boards.")
    assert not chronicles("Since the merger, waiting times have doubled.")


def test_factual_what_a_plan_holds_is_a_description():
    from argmine.components.stance.factual import describes_contents
    assert describes_contents("The agreement sets out three joint posts.")
    assert describes_contents("What the two trusts share is a finance team.")
    assert not describes_contents("The agreement is a betrayal of patients.")


@pytest.mark.parametrize("text", ["The board has not yet formed a position on the proposal.",
                                  "The trust declined to comment.", "We take no position on the merger."])
def test_premises_declining_to_take_a_view_is_noncommittal(text):
    assert noncommittal(text)


def test_factual_a_decision_reported_as_news():
    from argmine.components.stance.factual import reports_a_decision
    assert reports_a_decision("The trust has just appointed a joint director.")
    assert not reports_a_decision("The trust appointed a director who has failed us.")


def test_premises_a_sum_put_in_is_a_remark_on_funding():
    from argmine.components.stance.premises import states_a_contribution
    assert states_a_contribution("The college is putting in £300,000 from its reserves.")
    assert states_a_contribution("The county will invest an extra £500,000 next year.")
    assert not states_a_contribution("We are putting patients first.")

"""Stance from context: what a claim without evidence of its own takes from the claims around it.

Every sentence here was written for these tests; they run on a blank English
pipeline with a sentencizer.
"""

from __future__ import annotations

import pytest

from argmine.components.stance import StanceComponent
from argmine.target import load_target

from claim_dicts import claims_at
from pipelines import base_model_or_skip, blank_pipeline


@pytest.fixture(scope="module")
def blank():
    return blank_pipeline()


def _stances(blank, text, spans):
    doc = blank(text)
    doc._.claims = claims_at(doc, spans)
    component = StanceComponent(blank, target=load_target("integration"))
    component.model = None  # the rules alone
    component(doc)
    return doc._.claims


# --------------------------------------------------------------------------- turns


def test_a_contrast_turns_against_the_speakers_claim_just_before(blank):
    text = ("“Joint teams are a good idea for NHS patients,” said Ada Price, a district nurse.\n"
            "“But nobody here was asked about rotas.”")
    claims = _stances(blank, text, [("Joint teams are a good idea for NHS patients", "ada", "direct"),
                                    ("But nobody here was asked about rotas.", "ada", "direct")])
    assert [c["stance"] for c in claims] == ["support", "oppose"]
    assert claims[1]["stance_basis"] == "context"
    assert claims[1]["stance_evidence"] == ["But"]


def test_however_turns_the_same_way(blank):
    text = ("The hospital doctor Carl Moss said the merger of the two trusts had failed patients. "
            "However, the wards have never been busier, he said.")
    claims = _stances(blank, text, [("the merger of the two trusts had failed patients", "carl", "indirect"),
                                    ("However, the wards have never been busier", "carl", "indirect")])
    assert [c["stance"] for c in claims] == ["oppose", "support"]


def test_after_a_sentence_that_is_no_claim_the_contrast_is_with_that_sentence(blank):
    text = ("“Joint teams are a good idea for NHS patients,” said Ada Price, a district nurse.\n"
            "The board met on Monday.\n"
            "“But the wards will cope,” she added.")
    claims = _stances(blank, text, [("Joint teams are a good idea for NHS patients", "ada", "direct"),
                                    ("But the wards will cope", "ada", "direct")])
    assert [c["stance"] for c in claims] == ["support", "support"]
    assert claims[1]["stance_evidence"] == []


def test_a_contrast_with_the_writers_aside_does_not_turn_the_speaker(blank):
    text = ("Ada Price, a district nurse, said the vanguards had failed NHS patients. "
            "Her view carries weight in the region. "
            "Yet she has sat on three such boards since 2015.")
    claims = _stances(blank, text, [("the vanguards had failed NHS patients", "ada", "indirect"),
                                    ("Her view carries weight in the region.", "author", "author"),
                                    ("Yet she has sat on three such boards since 2015.", "ada", "indirect")])
    assert claims[0]["stance"] == "oppose"
    assert claims[2]["stance"] == "oppose"
    assert claims[2]["stance_evidence"] == []


def test_without_a_contrast_the_claim_inherits_as_before(blank):
    text = ("“Joint teams are a good idea for NHS patients,” said Ada Price, a district nurse.\n"
            "“Nobody here was asked about rotas.”")
    claims = _stances(blank, text, [("Joint teams are a good idea for NHS patients", "ada", "direct"),
                                    ("Nobody here was asked about rotas.", "ada", "direct")])
    assert [c["stance"] for c in claims] == ["support", "support"]


# --------------------------------------------------------------------------- attitudes without an object

_ABOUT = ("Integrated care in the NHS is a year old. The integrated care board will report in May, "
          "and integrated care will then be judged by patients and hospital doctors.\n")


def _one_claim(blank, sentence, about=_ABOUT):
    claims = _stances(blank, about + sentence, [(sentence, "someone", "indirect")])
    return claims[0]


def test_an_attitude_with_no_object_is_toward_the_target_of_the_text(blank):
    claim = _one_claim(blank, "Most GPs remain unconvinced.")
    assert (claim["stance"], claim["stance_basis"]) == ("oppose", "topic")
    assert claim["stance_evidence"] == ["unconvinced"]
    assert _one_claim(blank, "We would support it.")["stance"] == "support"
    assert _one_claim(blank, "Our members have never opposed it.")["stance"] == "support"


def test_an_attitude_toward_something_named_is_not_toward_the_target(blank):
    assert _one_claim(blank, "The chief executive rejected the figures.")["stance"] == "neutral"
    assert _one_claim(blank, "Nurses are wary of the deadline.")["stance"] == "neutral"


def test_an_attitude_described_rather_than_held_takes_no_side(blank):
    assert _one_claim(blank, "The main objection was cost.")["stance"] == "neutral"


def test_attitudes_on_both_sides_take_none(blank):
    assert _one_claim(blank, "Some residents support it and others oppose it.")["stance"] == "neutral"


def test_an_attitude_is_read_so_only_in_a_text_about_the_target(blank):
    claim = _one_claim(blank, "Most GPs remain unconvinced.", about="The integrated care board met in May.\n")
    assert claim["stance"] == "neutral"


def test_a_speaker_named_for_their_side_takes_it(blank):
    sentence = "Opponents argue the costs are rising."
    text = _ABOUT + sentence
    doc = blank(text)
    doc._.claims = claims_at(doc, [("the costs are rising", "opponents", "indirect")])
    at = text.index("Opponents")
    doc._.claims[0]["source"] = [at, at + len("Opponents")]
    component = StanceComponent(blank, target=load_target("integration"))
    component.model = None
    component(doc)
    claim = doc._.claims[0]
    assert (claim["stance"], claim["stance_basis"]) == ("oppose", "topic")
    assert claim["stance_evidence"] == ["Opponents"]


def test_a_negated_conviction_is_doubt(blank):
    assert _one_claim(blank, "Not one of the nurses is convinced.")["stance"] == "oppose"


def test_an_attitude_over_a_clause_names_no_object():
    nlp = base_model_or_skip()
    claim = _one_claim(nlp, "Some nurses feared the wards would close.")
    assert claim["stance"] == "oppose"
    assert _one_claim(nlp, "The chief executive rejected the figures.")["stance"] == "neutral"


# --------------------------------------------------------------------------- answers


@pytest.mark.parametrize("answer, expected", [("Not now.", "oppose"), ("Absolutely.", "support"),
                                              ("Of course not.", "oppose")])
def test_a_short_answer_takes_the_questions_stance(blank, answer, expected):
    text = ("Host: Would you back joined-up care between the NHS and the council?\n"
            f"Ann Lowe: {answer} We will see.")
    claims = _stances(blank, text, [(f"Ann Lowe: {answer}", "ann", "direct")])
    assert claims[0]["stance"] == expected


def test_a_no_to_a_question_against_the_target_is_support(blank):
    text = ("Host: Should joined-up care between the NHS and the council be scrapped?\n"
            "Ann Lowe: No.")
    claims = _stances(blank, text, [("Ann Lowe: No.", "ann", "direct")])
    assert claims[0]["stance"] == "support"


def test_an_answer_to_an_open_question_is_not_read_so(blank):
    text = ("Host: How is joined-up care between the NHS and the council going?\n"
            "Ann Lowe: Not now.")
    claims = _stances(blank, text, [("Ann Lowe: Not now.", "ann", "direct")])
    assert claims[0]["stance"] == "neutral"


def test_a_qualified_yes_answers_both_ways(blank):
    text = ("Host: Would you back joined-up care between the NHS and the council?\n"
            "Ann Lowe: Yes, with reservations.")
    claims = _stances(blank, text, [("Ann Lowe: Yes, with reservations.", "ann", "direct")])
    assert claims[0]["stance"] == "mixed"


# --------------------------------------------------------------------------- premises


def test_a_sum_saved_is_a_funding_remark_and_stays_neutral(blank):
    text = ("“Joint teams are a good idea for NHS patients,” said Ada Price, a district nurse.\n"
            "“The change would save nearly £6m over five years.”")
    claims = _stances(blank, text, [("Joint teams are a good idea for NHS patients", "ada", "direct"),
                                    ("The change would save nearly £6m over five years.", "ada", "direct")])
    assert [c["stance"] for c in claims] == ["support", "neutral"]


def test_a_sum_with_an_argument_after_it_still_inherits(blank):
    text = ("“Joint teams are a good idea for NHS patients,” said Ada Price, a district nurse.\n"
            "“The change would save £2m a year and let nurses plan visits together.”")
    claims = _stances(blank, text, [("Joint teams are a good idea for NHS patients", "ada", "direct"),
                                    ("The change would save £2m a year and let nurses plan visits together.",
                                     "ada", "direct")])
    assert [c["stance"] for c in claims] == ["support", "support"]


# --------------------------------------------------------------------------- removal


@pytest.mark.parametrize("removal", ["Scrap it and the day centres close.", "Without it, the day centres close."])
def test_imagining_the_target_removed_argues_for_it(blank, removal):
    text = ("“The trusts were wrong about the rotas,” said Ada Price.\n"
            "“Our joint working with the council pays for the day centres. "
            f"{removal}”")
    claims = _stances(blank, text, [("The trusts were wrong about the rotas", "ada", "direct"),
                                    (removal, "ada", "direct")])
    assert claims[1]["stance"] == "support"
    assert claims[1]["stance_basis"] == "context"


def test_imagining_removal_of_something_else_says_nothing_of_the_target(blank):
    text = ("“Our bakery pays for the day centres. Scrap it and the day centres close.”")
    claims = _stances(blank, text, [("Scrap it and the day centres close.", "ada", "direct")])
    assert claims[0]["stance"] == "neutral"


# --------------------------------------------------------------------------- terms


def test_a_side_taken_on_terms_is_mixed(blank):
    text = ("Integrated care is on every agenda. Integrated care boards meet monthly. "
            "Integrated care is the plan.\n"
            "“Integrated care helps patients,” said Ada Price.\n"
            "“We will go further with the council, but not if the hospital holds every purse string.”")
    claims = _stances(blank, text, [("Integrated care helps patients", "ada", "direct"),
                                    ("We will go further with the council, but not if the hospital holds every "
                                     "purse string.", "ada", "direct")])
    assert claims[1]["stance"] == "mixed"


@pytest.mark.parametrize("second", ["I was wrong, mostly.", "No, if it means yet more paperwork."])
def test_taking_back_or_a_no_after_a_yes_turns(blank, second):
    first = ("Yes, if it means joint teams are a bad idea for NHS patients." if second.startswith("No")
             else "Joint teams are a bad idea for NHS patients.")
    text = f"“{first}”\n“{second}”"
    claims = _stances(blank, text, [(first, "ada", "direct"), (second, "ada", "direct")])
    assert [c["stance"] for c in claims] == ["oppose", "support"]


@pytest.mark.parametrize("remark", ["I know that sounds harsh.", "Let me be quite frank about this.",
                                    "Look, I'm not naive."])
def test_a_remark_on_the_speakers_own_words_stays_neutral(blank, remark):
    text = ("“Joint teams are a good idea for NHS patients,” said Ada Price, a district nurse.\n"
            f"“{remark}”")
    claims = _stances(blank, text, [("Joint teams are a good idea for NHS patients", "ada", "direct"),
                                    (remark, "ada", "direct")])
    assert [c["stance"] for c in claims] == ["support", "neutral"]


def test_being_honest_then_saying_something_is_not_a_remark_on_words(blank):
    text = ("“Joint teams are a good idea for NHS patients,” said Ada Price, a district nurse.\n"
            "“I want to be clear: the nurses plan visits together now.”")
    claims = _stances(blank, text, [("Joint teams are a good idea for NHS patients", "ada", "direct"),
                                    ("I want to be clear: the nurses plan visits together now.", "ada", "direct")])
    assert [c["stance"] for c in claims] == ["support", "support"]

"""Stance toward a user's own target read from the action taken on it: pledged ("would scrap"),
urged ("urged the council to lift"), ordered ("Keep the ban."). Two targets defined here, one a
charge and one a prohibition; every sentence was written for these tests."""

from __future__ import annotations

import pytest

from argmine.components.stance import stance_of
from argmine.target import Target
from pipelines import base_model_or_skip

CHARGE = Target.model_validate({
    "name": "congestion-charge", "description": "A daily charge on driving into the city centre.",
    "pro": ["congestion charge", "charging zone", "introduce the charge", "raise the charge"],
    "con": ["scrap the charge", "cut the charge", "free parking", {"term": "eyesore", "weight": 0.5}],
    "anaphors": ["charge", "scheme"],
})
VAPE_BAN = Target.model_validate({
    "name": "vape-ban", "description": "A ban on selling disposable vapes.",
    "pro": ["vape ban", "ban disposable vapes", "ban vapes", {"term": "ban", "weight": 0.6}],
    "con": ["lift the ban", "sell vapes"],
    "anaphors": ["ban", "prohibition"],
})


@pytest.fixture(scope="module")
def nlp():
    return base_model_or_skip()


CASES = [
    # a pledge: the modal of intent before an action that is one of the target's terms
    (CHARGE, "The mayor said she would scrap the charge if she were re-elected.", "oppose"),
    (CHARGE, "The mayor said she would not scrap the charge.", "support"),
    (CHARGE, "Our party will introduce the charge next spring.", "support"),
    (CHARGE, "The new administration is going to cut the charge.", "oppose"),
    # a policy verb whose object names the target
    (CHARGE, "The new mayor would impose a congestion charge on the ring road.", "support"),
    # a directive: "urge/ask/call on X to" + the action
    (CHARGE, "Shopkeepers urged the council to scrap the charge.", "oppose"),
    (VAPE_BAN, "Retailers have asked ministers to lift the ban.", "oppose"),
    (VAPE_BAN, "Doctors called on the government to ban disposable vapes.", "support"),
    # an effort toward the action, or a refusal of it
    (CHARGE, "Traders are campaigning to scrap the charge.", "oppose"),
    (CHARGE, "Councillors voted to keep the congestion charge.", "support"),
    (CHARGE, "The mayor refused to scrap the charge.", "support"),
    (VAPE_BAN, "Retailers launched a petition to lift the ban.", "oppose"),
    # an imperative
    (CHARGE, "Scrap the charge now.", "oppose"),
    (VAPE_BAN, "Keep the ban.", "support"),
    # a prohibition as the target: undoing it is opposing it
    (VAPE_BAN, "The ban should be lifted before the summer.", "oppose"),
    # a parliamentary role is no evaluation: the pledge decides
    (CHARGE, "The opposition leader said her party would scrap the charge.", "oppose"),
    # no action on the target: a question asks, a prediction about the target names no action
    (CHARGE, "Would you scrap the charge?", "neutral"),
    (CHARGE, "The charge will raise five million pounds a year.", "neutral"),
    (CHARGE, "The council confirmed the charge was introduced in 2019.", "neutral"),
]


@pytest.mark.parametrize("target,text,label", CASES, ids=[f"{c[0].name}:{c[1][:34]}" for c in CASES])
def test_action_on_the_target_is_its_stance(nlp, target, text, label):
    result = stance_of(nlp(text), target)
    assert result.label == label, (result.label, result.evidence, result.basis)


def test_the_pledge_is_in_the_evidence(nlp):
    result = stance_of(nlp("The mayor would scrap the charge."), CHARGE)
    assert "would" in result.evidence and "scrap the charge" in result.evidence


def test_a_possessive_anaphor_is_not_taken_for_the_target(nlp):
    # "their own scheme" is most often something else of the same kind
    text = "The congestion charge is on hold. Both districts will keep their own scheme for now."
    result = stance_of(nlp(text), CHARGE)
    assert result.label == "neutral", (result.label, result.evidence)


def test_a_doubt_word_governs_its_whole_that_clause(nlp):
    # "what X dispute is that ...": the complement runs past the reversers' usual window
    text = "What residents dispute is that the congestion charge is a sensible answer for a small market town."
    result = stance_of(nlp(text), CHARGE)
    assert result.label == "oppose", (result.label, result.evidence)
    assert stance_of(nlp("Nobody disputes that the congestion charge has been a success."), CHARGE).label == "support"


def test_an_aside_after_not_keeps_the_negation(nlp):
    # "is not, in my view, X": the commas of an aside do not end the negation's scope
    assert stance_of(nlp("The congestion charge is not, in my view, a success."), CHARGE).label == "oppose"
    denied = stance_of(nlp("Free parking is not, to most shopkeepers, a real issue."), CHARGE)
    assert denied.label != "oppose", (denied.label, denied.evidence)


def test_a_denied_opposite_after_an_aside_is_support(nlp):
    text = "The new camera gantries are not, to my mind, an ugly eyesore; they look like any lamp post."
    result = stance_of(nlp(text), CHARGE)
    assert result.label == "support", (result.label, result.evidence)


def test_a_pretence_denies_the_praise_it_wears(nlp):
    # "X dressed up as Y": Y is what X only pretends to be
    result = stance_of(nlp("The congestion charge is a stealth tax dressed up as clean air policy."), CHARGE)
    assert result.label == "oppose", (result.label, result.evidence)
    result = stance_of(nlp("Critics called the congestion charge a revenue grab disguised as generosity."), CHARGE)
    assert result.label == "oppose", (result.label, result.evidence)


def _read_doc(nlp, sentences: list[str]) -> list[str]:
    from argmine.components.stance import StanceComponent

    doc = nlp(" ".join(sentences))
    claims, at = [], 0
    for s in sentences:
        claims.append({"text": [at, at + len(s)], "content": [at, at + len(s)], "cue": None, "source": None,
                       "mode": "author", "actor": f"a{len(claims)}"})
        at += len(s) + 1
    doc._.claims = claims
    StanceComponent(nlp, target=CHARGE)(doc)
    return [c["stance"] for c in doc._.claims]


def test_a_compact_verdict_that_weighs_both_ways_is_mixed(nlp):
    opening = ["The congestion charge began in May.", "The congestion charge costs eight pounds.",
               "Traders say the congestion charge has kept shoppers away."]
    stances = _read_doc(nlp, opening + ["Analysts called the early figures encouraging but not decisive."])
    assert stances[-1] == "mixed"
    stances = _read_doc(nlp, opening + ["Analysts called the early figures encouraging."])
    assert stances[-1] != "mixed"


def test_a_rebuttal_question_disputes_the_evaluation_it_quotes(nlp):
    result = stance_of(nlp("The congestion charge is unaffordable, compared with what?"), CHARGE)
    assert result.label == "support", (result.label, result.evidence)
    stances = _read_doc(nlp, ["The congestion charge began in May.", "The congestion charge costs eight pounds.",
                              "Traders keep saying the congestion charge is too costly.",
                              "Too costly compared with what?"])
    assert stances[-1] == "support"

"""Attribution constructions common in political news: sources cited with 'according to'
that are documents or counts of people, and the like. Texts are written for the tests."""

from analysis import analyse, attributed


def test_attribution_according_to_a_document_is_a_source():
    claims = attributed(analyse("Average rents rose by a fifth over the decade, according to census data."))
    assert len(claims) == 1
    assert claims[0].source.text == "census data"
    assert claims[0].content.text == "Average rents rose by a fifth over the decade"


def test_attribution_according_to_a_counted_group_and_a_memoir():
    claims = attributed(analyse(
        "The mayor will chair the new board, according to three people briefed on the talks.\n"
        "She later compared the meeting to a visit to the dentist, according to his memoir."
    ))
    assert [c.source.text for c in claims] == ["three people briefed on the talks", "his memoir"]


def test_attribution_citing_and_embracing_take_what_they_govern():
    claims = attributed(analyse(
        "The senator opposed the bill, citing its cost to small farms.\n"
        "The governor embraced the proposal for a higher minimum wage."
    ))
    cues = {c.cue.text: c for c in claims}
    assert "its cost to small farms" in cues["citing"].content.text
    assert "the proposal for a higher minimum wage" in cues["embraced"].content.text


def test_attribution_prepositional_cues_take_the_object_of_their_preposition():
    claims = attributed(analyse(
        "In her speech the governor talked about wages and rents.\n"
        "Most of the delegates voted against the amendment."
    ))
    found = {c.cue.text: c.content.text for c in claims}
    assert found == {"talked about": "wages and rents", "voted against": "the amendment"}


def test_attribution_prepositional_cue_needs_its_preposition_and_no_object():
    claims = attributed(analyse(
        "She spoke at the rally in the town square.\n"
        "The mayor refers the dispute to the full council."
    ))
    assert claims == []


def test_attribution_discussing_and_reminding_are_cues():
    claims = attributed(analyse(
        "The two leaders discussed the trade dispute over dinner.\n"
        "The mayor reminded voters that the levy would expire next year."
    ))
    found = {c.cue.text: c.content.text for c in claims}
    assert "the trade dispute" in found["discussed"]
    assert found["reminded"] == "the levy would expire next year"


def test_attribution_a_refusal_is_a_stance_on_what_is_refused():
    claims = attributed(analyse("The senator refused to endorse the party's nominee."))
    assert len(claims) == 1
    assert claims[0].cue.text == "refused"
    assert "to endorse the party's nominee" in claims[0].content.text


def test_attribution_a_speech_verb_object_is_what_is_said():
    claims = attributed(analyse("During a stop in the county, the senator repeated her promise to repeal the levy."))
    assert len(claims) == 1
    assert claims[0].cue.text == "repeated"
    assert claims[0].content.text == "her promise to repeal the levy"


def test_attribution_no_speaker_when_nobody_proposed_anything():
    assert attributed(analyse("Neither council proposed a merger of the two services.")) == []


def test_attribution_a_title_before_a_colon_names_who_says_what_follows():
    titles = {0: "title", 1: "title", 2: "title"}
    claims = attributed(analyse("Mayor Ann Holt: the levy stays until 2030\nPoll: voters split on the new levy\nLetters: should the two services merge?", kinds=titles))
    assert [(c.source.text, c.content.text) for c in claims] == [
        ("Mayor Ann Holt", "the levy stays until 2030"),
        ("Poll", "voters split on the new levy"),
    ]


def test_attribution_refusing_to_speak_is_no_claim_but_refusing_to_act_is():
    assert attributed(analyse("The governor refused to comment on the report.")) == []
    assert len(attributed(analyse("The governor refused to sign the bill."))) == 1


def test_attribution_a_date_after_a_participle_is_not_the_speaker():
    claims = attributed(analyse(
        "A poll released Monday suggests the senator is leading.\n"
        "The report released Monday said the agency had failed."
    ))
    assert [c.content.text for c in claims] == ["the senator is leading", "the agency had failed"]
    assert all("Monday" not in c.source.text for c in claims)


def test_attribution_naming_read_from_a_small_clause():
    claims = attributed(analyse("Ms. Ann Holt called the council’s standards “strong.”\nShe called the police."))
    assert len(claims) == 1
    assert claims[0].cue.text == "called" and "standards" in claims[0].content.text


def test_attribution_a_poll_shows_but_figures_are_the_writers():
    claims = attributed(analyse(
        "A new poll shows the senator ahead by four points.\n"
        "Figures show a rise in waiting times."
    ))
    assert [(c.source.text, c.content.text[:18]) for c in claims] == [("A new poll", "the senator ahead")]


def test_attribution_according_to_around_a_speakers_own_cue_is_no_second_claim():
    claims = attributed(analyse(
        "The county administration estimates the new depot would cost $12 million over five years, "
        "according to a budget paper published with the plan."))
    assert len(claims) == 1
    assert claims[0].cue.text == "estimates"

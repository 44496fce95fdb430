"""Who speaks: speakers introduced without a cue, descriptions, bodies and documents as
speakers, presiding officers. Texts written for the tests."""

from analysis import analyse, attributed


def speakers(text: str) -> list[tuple[str, str]]:
    return [(c.actor.name, c.text) for c in attributed(analyse(text))]


def test_speakers_pronoun_after_a_sentence_that_introduces_a_new_person():
    found = speakers(
        "Councillor Mark Dunne said the new bus lanes would cut journey times across the town.\n"
        "Priya Hollis, who has run a bakery on the high street for ten years, was less convinced.\n"
        "\"Half my customers drive in from the villages,\" she said."
    )
    assert found[-1][0] == "Priya Hollis"


def test_speakers_quote_paragraphs_after_an_introduction_are_the_new_persons():
    found = speakers(
        "Councillor Mark Dunne said the new bus lanes would cut journey times across the town.\n"
        "Sarah Hollis, who will chair the new traders' board, addressed shopkeepers at a meeting on Tuesday.\n"
        "\"I know there is worry about what this means for the high street.\n"
        "\"But the town cannot keep two car parks open.\""
    )
    assert [name for name, _ in found] == ["Mark Dunne", "Sarah Hollis", "Sarah Hollis"]


def test_speakers_copula_introduces_a_name_the_recogniser_missed():
    found = speakers(
        "Councillor Mark Dunne said the new bus lanes would cut journey times across the town.\n"
        "The first trader to speak was Derek Hollis, whose family has run a bakery there since 1950.\n"
        "\"If they cannot park, they will shop somewhere else,\" he told the meeting."
    )
    assert found[-1][0] == "Derek Hollis"


def test_speakers_a_sentence_with_a_claim_introduces_nobody():
    found = speakers(
        "Councillor Mark Dunne said the new bus lanes would cut journey times across the town.\n"
        "\"It will be a disaster for the shops,\" he added, pointing at a map drawn by Priya Hollis.\n"
        "\"Nobody asked the traders.\""
    )
    assert {name for name, _ in found} == {"Mark Dunne"}

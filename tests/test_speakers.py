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


def test_speakers_an_indefinite_description_is_someone_new_not_a_named_person():
    found = speakers(
        "The county's health board met on Monday.\n"
        "Its members agreed to review the budget.\n"
        "Nothing was decided about the clinics.\n"
        "Cllr Jane Dobbs, leader of Eastfield Council, said the fund was being raided.\n"
        "One head teacher, who has sat on the trust's panel since the spring, said: \"Our schools would manage better alone.\""
    )
    result = analyse(
        "The county's health board met on Monday.\n"
        "Its members agreed to review the budget.\n"
        "Nothing was decided about the clinics.\n"
        "Cllr Jane Dobbs, leader of Eastfield Council, said the fund was being raided.\n"
        "One head teacher, who has sat on the trust's panel since the spring, said: \"Our schools would manage better alone.\""
    )
    last = attributed(result)[-1].actor
    assert found[0][0] == "Jane Dobbs"
    assert last.name == "head teacher" and "One head teacher" in last.aliases


def test_speakers_one_described_by_a_relative_clause_speaks():
    found = speakers("Several farmers came to the meeting. One, who has farmed the valley for forty years, said the rent kept the farm going.")
    assert len(found) == 1 and found[0][0] == "One"


def test_speakers_a_report_by_a_body_speaks_for_the_body_and_keeps_its_description():
    result = analyse("A poll of 600 parents, commissioned for the trust by Harbour Insights, found that most backed the change.")
    actor = attributed(result)[0].actor
    assert actor.name == "Harbour Insights"
    assert "A poll of 600 parents" in actor.aliases


def test_speakers_a_body_spokesperson_keeps_the_description_as_an_alias():
    result = analyse("A Department for Transport spokesperson said the grants would continue.")
    actor = attributed(result)[0].actor
    assert actor.kind == "organisation" and "A Department for Transport spokesperson" in actor.aliases


def test_speakers_a_chamber_chair_keeping_order_makes_no_claim():
    text = (
        "Mrs Ann Lowe (Eastvale) (Lab): Rural clinics are closing faster than anyone admits.\n"
        "Mr Tom Hale (Westfield) (Con): The figures show the opposite, and the clinics are busier than ever.\n"
        "Madam Deputy Speaker (Dame Joan Reeve): Order. Members must address their remarks through the Chair.\n"
        "Mrs Ann Lowe: The clinics in my constituency are closing, whatever the national figures say.\n"
        "Mr Tom Hale: Then the board should publish its own figures."
    )
    names = {name for name, _ in speakers(text)}
    assert names == {"Ann Lowe", "Tom Hale"}


def test_speakers_the_group_counted_speaks_not_the_number():
    found = speakers("Seven in ten of the head teachers surveyed said the new rules had added to their workload.")
    assert len(found) == 1 and found[0][0] == "head teachers"


def test_speakers_a_surname_the_recogniser_left_out_belongs_to_the_name():
    found = speakers("Brenda Oakes, chief executive of the charity Young Carers First, urged both councils to \"get round a table\".")
    assert found[0][0] == "Brenda Oakes"


def test_speakers_a_body_named_with_a_common_noun_keeps_its_whole_name():
    found = speakers("Carewatch East Dunmore said residents must be heard before the money is spent.")
    assert found[0][0] == "Carewatch East Dunmore"


def test_speakers_a_title_or_role_before_a_name_stays_outside_it():
    assert speakers("Nurse Jo Bell said the ward was full.")[0][0] == "Jo Bell"


def test_speakers_a_source_inside_anothers_report_is_no_voice_of_its_own():
    found = speakers("Dr Ravi Mehta, an economist at the university, said studies of other cities suggested the charge made little difference.")
    assert {name for name, _ in found} == {"Ravi Mehta"}


def test_speakers_a_named_person_inside_anothers_report_still_speaks():
    found = speakers("The minister said that Dr Ravi Mehta had warned the charge would make little difference.")
    assert "Ravi Mehta" in {name for name, _ in found}


def test_speakers_singular_they_is_the_unnamed_person_who_just_spoke():
    found = speakers(
        "The clinic will close in March, the health board announced on Monday.\n"
        "Patients were told to register elsewhere.\n"
        "One practice manager in the town said the decision had been rushed. "
        "\"Nobody has explained what happens when the CCG runs out of money,\" they said."
    )
    assert found[-1][0] == "practice manager in the town"


def test_speakers_group_placed_by_a_preposition_speaks_not_the_place():
    result = analyse(
        "When Ann Cole took over the partnership, nurses at one of the two hospitals described the move as \"a takeover in disguise\"."
    )
    names = {c.actor.name for c in attributed(result)}
    assert "nurses" in names and "two hospitals" not in names


def test_speakers_definite_group_keeps_its_determiner_as_an_alias():
    result = analyse(
        "The councils agreed the plan last week.\n"
        "The two councils, which already share a chief executive, said the merger would save money."
    )
    group = next(c.actor for c in attributed(result) if c.actor.name == "two councils")
    assert "The two councils" in group.aliases



def _mentions_with_entities(text: str, entities: list[tuple[str, str]]):
    """The actor mentions found when the recogniser labels `entities` (words, label) as given."""
    from spacy.tokens import Span

    from argmine.components.actors import find_entity_mentions
    from argmine.components.lexicons import actor_lexicon
    from argmine.pipeline import load_pipeline

    doc = load_pipeline()(text)
    spans = []
    for words, label in entities:
        start = text.index(words)
        span = doc.char_span(start, start + len(words))
        spans.append(Span(doc, span.start, span.end, label=label))
    doc.ents = spans
    return {doc[m.start : m.end].text: m.kind for m in find_entity_mentions(doc, actor_lexicon())}


def test_speakers_a_street_read_as_a_person_and_a_name_read_as_a_body():
    found = _mentions_with_entities(
        "Colin Dyer, who owns a café on Kiln Street, said trade had fallen.",
        [("Colin Dyer", "ORG"), ("Kiln Street", "PERSON")],
    )
    assert found == {"Colin Dyer": "person"}


def test_speakers_a_person_with_a_street_word_surname_stays_a_person():
    found = _mentions_with_entities("Tessa Lane said the scheme had failed.", [("Tessa Lane", "PERSON")])
    assert found.get("Tessa Lane") == "person"


def test_speakers_pronoun_after_an_indefinite_description_with_no_person_named():
    found = speakers(
        "The hospice bill returns to the Commons next week.\n"
        "A neighbour who nursed her husband through his last year put it to me more plainly. "
        "\"Nobody asked us what we needed,\" she said."
    )
    assert found and found[-1][0] != "she"
    assert "neighbour" in found[-1][0]

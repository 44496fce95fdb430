"""The writer's own claims: argument and evaluation, not description."""

from analysis import analyse


def author_claims(result):
    return [c for c in result.claims if c.mode == "author"]


def test_author_claims_first_person_evaluation_is_a_claim():
    result = analyse("From my perspective, the review is a necessary step towards a sustainable service.")
    claims = author_claims(result)
    assert len(claims) == 1
    assert claims[0].actor.kind == "author"
    assert claims[0].source is None and claims[0].cue is None
    assert claims[0].content.text == claims[0].text


def test_author_claims_plain_description_is_not_a_claim():
    result = analyse("The trust was one of 13 sites chosen in 2015 to test the programme.")
    assert author_claims(result) == []


def test_author_claims_event_report_is_not_a_claim():
    result = analyse("The minister was speaking at the annual conference in Manchester.")
    assert author_claims(result) == []


def test_author_claims_named_author_owns_them():
    result = analyse("It would be tragic if this latest attempt failed as the others did.", author="Rosa Klein")
    claims = author_claims(result)
    assert len(claims) == 1
    assert claims[0].actor.name == "Rosa Klein" and claims[0].actor.kind == "author"


def test_author_claims_unnamed_author_described_by_role():
    result = analyse("We must work together to keep services local.", author_role="head of strategy at a hospital trust")
    claims = author_claims(result)
    assert claims[0].actor.id == "author"
    assert "head of strategy at a hospital trust" in claims[0].actor.roles


def test_author_claims_signed_comment_belongs_to_its_signer():
    result = analyse(
        "Joint working is clearly the right approach for this region.\n"
        "I think these reports are really useful and we need more of them.",
        kinds={1: "comment"},
        signers={1: "Leo Grant"},
    )
    owners = {c.actor.name for c in author_claims(result)}
    assert owners == {"author", "Leo Grant"}


def test_author_claims_not_made_for_attributed_sentences():
    result = analyse("Dr Ann Lowe said the plan was clearly a terrible mistake.")
    assert author_claims(result) == []


def test_author_claims_headings_are_never_claims():
    result = analyse("The Problem With Reorganisation\nIt is essential that we stop reorganising.", kinds={0: "heading"})
    texts = [c.text for c in author_claims(result)]
    assert texts == ["It is essential that we stop reorganising."]


def test_author_claims_the_writers_labelled_take_is_a_claim():
    result = analyse("Our verdict on the harbour plan: the board has still not made its case.")
    assert len(author_claims(result)) == 1


def test_author_claims_what_nobody_did_is_the_writers_observation():
    result = analyse("Nobody at the meeting defended the fare rise, and the board could only shrug.")
    assert len(author_claims(result)) == 1


def test_author_claims_a_letters_page_notice_is_not_a_claim():
    result = analyse("Contributions may be edited and should be under 300 words.")
    assert author_claims(result) == []


def test_author_claims_an_evaluative_word_inside_a_name_is_no_evaluation():
    result = analyse("The Better Ferries Fund will publish its accounts in the spring.")
    assert author_claims(result) == []

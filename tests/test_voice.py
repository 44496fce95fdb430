"""An organisation's own page (issue 11, the writer's voice): the organisation named in the
header is the writer, its short forms ("the Association", an acronym, "the union") name it
too, and what it says of itself in the third person is its own claim. Every text here is
written for the test."""

from __future__ import annotations

from argmine.ingest import parse_text
from argmine.ingest.voice import find_voice
from argmine.pipeline import extract_article
from analysis import analyse

RESPONSE = """Home › Responses › 2025

Northfield Association of Village Halls

Response to the Department for Communities consultation on rural buildings

About the Association

The Northfield Association of Village Halls (NAVH) represents six hundred hall committees across the county.

Summary of our response

The Association welcomes the consultation. We believe the proposed grant scheme is far too small to keep most halls open.
"""

ACRONYM_TITLE = """Home > Responses > 2025

NAVH response to the consultation on rural buildings

Published: 2 May 2025

The Northfield Association of Village Halls (NAVH) welcomes the chance to respond. We believe the grant scheme is far too small.
"""

UNION_RELEASE = """PORTWORK North | News

Ferry cuts "a false economy", says PORTWORK

PORTWORK, the region's largest transport union, today called on the harbour board to drop its timetable cuts.

The union says that the cuts would leave island families without a service on winter evenings.

Branch secretary Alan Tregothnan said: "Our members will not stand by while the evening boats go."
"""


def _claims(text: str):
    result = extract_article(parse_text(text))
    return [(c.actor.name, c.mode, c.text) for c in result.claims]


def test_a_short_form_of_the_header_name_confirms_the_voice():
    voice = find_voice(parse_text(RESPONSE).document)
    assert voice is not None and voice.name == "Northfield Association of Village Halls"
    assert {"NAVH", "the Association"} <= set(voice.aliases)
    own = [(name, text) for name, mode, text in _claims(RESPONSE) if mode == "author"]
    assert any(text.startswith("We believe the proposed grant scheme") for _, text in own)
    assert all(name == "Northfield Association of Village Halls" for name, _ in own)


def test_an_acronym_in_the_title_is_read_as_the_name_the_text_spells_out():
    voice = find_voice(parse_text(ACRONYM_TITLE).document)
    assert voice is not None and voice.name == "Northfield Association of Village Halls"
    assert "NAVH" in voice.aliases


def test_the_organisation_speaking_of_itself_is_its_own_claim_and_its_spokesman_stays_his():
    voice = find_voice(parse_text(UNION_RELEASE).document)
    assert voice is not None and voice.name == "PORTWORK" and "the union" in voice.aliases
    claims = _claims(UNION_RELEASE)
    assert any(name == "PORTWORK" and mode == "author" and text.startswith("The union says") for name, mode, text in claims)
    assert not any(mode != "author" and name == "PORTWORK" for name, mode, _ in claims)
    assert any(name == "Alan Tregothnan" and mode == "direct" for name, mode, _ in claims)


def test_a_page_that_does_not_speak_as_its_site_name_has_no_organisation_voice():
    text = "Northfield Gazette\n\nCouncil delays hall grants\n\nThe council said the grants would be paid next year.\n"
    assert find_voice(parse_text(text).document) is None


QUESTIONS = RESPONSE + """
Question 3: Do you agree that grants should be paid through the county?

Yes, with reservations.

Question 4: Should halls be allowed to charge for parking?

No.
"""


def test_a_numbered_question_is_not_the_writers_claim_and_a_short_answer_is():
    own = [text for _, mode, text in _claims(QUESTIONS) if mode == "author"]
    assert not any(text.startswith("Question") for text in own)
    assert "Yes, with reservations." in own and "No." in own


def test_the_header_name_is_kept_when_the_text_names_it_with_a_partner():
    text = """Eastwick Borough Council
Newsroom > Press releases

Eastwick Borough Council and Eastwick Health Board have agreed to share one budget for home care.

The council is calling on the government to give councils a three-year settlement.
"""
    claims = _claims(text)
    assert ("Eastwick Borough Council", "author") in {(name, mode) for name, mode, t in claims if t.startswith("The council is calling")}


STATEMENT = """Save Holloway Baths Campaign
Home | News | Join

Save Holloway Baths Campaign welcomes the council's decision to delay the sale.

Save Holloway Baths Campaign does not accept the case for closure. Save Holloway Baths Campaign is calling on the council to:

- keep the pool open until a new one is built;
- publish the full condition survey.
"""


def test_the_organisation_as_subject_and_the_list_it_opens_are_its_own_claims():
    own = [text for name, mode, text in _claims(STATEMENT) if mode == "author" and name == "Save Holloway Baths Campaign"]
    assert "Save Holloway Baths Campaign does not accept the case for closure." in own
    assert any(text.startswith("- keep the pool open") for text in own)
    assert any(text.startswith("- publish the full condition survey") for text in own)


def test_a_labelled_release_under_the_organisations_name_is_its_own():
    text = """THE HARTLEY FOUNDATION

PRESS RELEASE

Library hours "cut to the bone", says report

Opening hours have fallen by a third, according to research by the Hartley Foundation published today.
"""
    voice = find_voice(parse_text(text).document)
    assert voice is not None and voice.name == "The Hartley Foundation" and "the Foundation" in voice.aliases


def test_the_organisation_described_is_not_a_claim():
    from argmine.components.own_voice import _opens_with

    assert _opens_with("The Hartley Foundation is calling on ministers to act.", ["The Hartley Foundation"])
    assert _opens_with("PORTWORK does not accept the figures.", ["PORTWORK"])
    assert not _opens_with("The Hartley Foundation is an independent charity.", ["The Hartley Foundation"])


def test_denying_what_a_thing_is_argues_and_a_verb_denied_alone_does_not():
    column = "Rota changes at the depot\n\nBy Jo Reed\n\nThe depot moved to a new rota in May. But a timetable is not a service. The union did not respond to requests for comment.\n"
    own = [text for _, mode, text in _claims(column) if mode == "author"]
    assert "But a timetable is not a service." in own
    assert not any("did not respond" in text for text in own)


BLOG = """The Night Shift - a porter's blog

Why the new rota fails

Posted on 2 May 2024 by Sam Okafor

The new rota puts one porter on the whole east wing after midnight. That is not a plan; it is a gamble with patients' safety, and it will fail the first busy night.

4 comments

Posted by wardclerk_dee · 2 May 2024 at 21:04
Spot on. The rota is unsafe and everybody on nights knows it.
Reply

Posted by NightSisterAnn · 2 May 2024 at 22:10
The rota is a disgrace and it should be scrapped before somebody gets hurt.
- Ann Porteous, Westfield
Reply

Leave a comment
"""


def test_posted_by_user_names_head_comments_and_a_dash_signature_names_the_writer():
    from argmine.ingest import parse_text as parse

    signers = {s.text[:20]: s.signer for s in parse(BLOG).document.segments if s.kind.value == "comment"}
    assert signers["Spot on. The rota is"] == "wardclerk_dee"
    assert signers["The rota is a disgra"] == "Ann Porteous"


def test_a_live_blogs_greetings_are_not_the_writers_claims():
    blog = """Ferry inquiry: live

By Jo Reed

Good morning and welcome to our live coverage of the ferry inquiry. We'll be back tomorrow from 9am for the final day.

The board's case looks weaker by the hour, and the cuts are a mistake.
"""
    own = [text for _, mode, text in _claims(blog) if mode == "author"]
    assert not any("welcome to our live coverage" in text or "be back tomorrow" in text for text in own)
    assert any("cuts are a mistake" in text for text in own)


MINUTES = """Harbour Transport Panel - 4 March

Present: Cllr Ada Penrose (Chair); Cllr Tom Yelland.

Cllr Penrose (Chair): Welcome. Item four is the ferry timetable.

Cllr Yelland: The evening cuts are a mistake and will strand island families.

Cllr Penrose (Chair): Thank you. I am not yet persuaded by the savings either.

Cllr Yelland: Then we should ask for the figures again.

MINUTE 4 (summary)

The Head of Transport introduced the report on the winter timetable.
"""


def test_a_minute_heading_in_capitals_ends_the_last_turn():
    from argmine.ingest.turns import read_turns

    turns = read_turns(parse_text(MINUTES).document.segments)
    assert turns and "Head of Transport introduced" not in MINUTES[turns[-1].start:turns[-1].end]


def test_a_speaker_prefix_on_a_hard_wrapped_line_opens_a_turn():
    from argmine.ingest.turns import read_turns

    text = """HARBOUR PANEL - transcript

CHAIR (Cllr Penrose): Thank you. We have one public question. Mr Quint, you have three
minutes.

JOHN QUINT (Island Ferry Users' Group): Thank you, Chair. Nine in ten
of our members oppose the evening cuts, and we are not prepared to accept them.

CHAIR: Thank you. Cllr Yelland will respond.

CLLR YELLAND: Thank you, Mr Quint. The cuts are a mistake and I will vote against them.

CHAIR: Thank you.
"""
    speakers = [t.speaker for t in read_turns(parse_text(text).document.segments)]
    assert "John Quint" in speakers


COLUMN = """I have cycled to work in this city for twenty years, and I am tired of being told the new lanes are a luxury.
The council should be proud of them.
Most mornings the junction by the station is full of cars with nowhere to go.
But a painted line is not a lane.
It is vital that the missing links are finished this year.
Here is the alternative.
Families would ride if the routes joined up, and they would stay off the pavements.
Sign the petition at the library before Friday.
Councillor Mary Okoro left the meeting early last week.
"""

REPORT = """The council opened two new cycle lanes on Monday.
The first runs from the station to the market square.
The second follows the river path past the old mill.
Officers said the work had cost less than expected.
"""


def _own(text: str) -> list[tuple[str, str]]:
    return [(c.text, c.rule) for c in analyse(text, author="Dana Whitcombe").claims if c.mode == "author"]


def test_an_argued_piece_owns_its_plain_premises_but_not_appeals_signposts_or_narration():
    own = dict(_own(COLUMN))
    assert own.get("Most mornings the junction by the station is full of cars with nowhere to go.") == "argued-piece"
    assert "Families would ride if the routes joined up, and they would stay off the pavements." in own
    assert "But a painted line is not a lane." in own
    for line in ("Here is the alternative.", "Sign the petition at the library before Friday.",
                 "Councillor Mary Okoro left the meeting early last week."):
        assert line not in own, line


def test_a_report_that_describes_keeps_its_plain_sentences_unclaimed():
    assert _own(REPORT) == []

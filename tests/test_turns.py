"""Speaker turns of transcripts (issue 11, item 1): who speaks each stretch of a debate,
an evidence session or an interview, and their words as that speaker's direct claims.
Every text here is written for the test."""

from __future__ import annotations

from argmine.ingest import parse_text
from argmine.ingest.turns import WRITER, read_turns
from argmine.pipeline import extract_article

HANSARD = """House of Commons
Volume 900: debated on Tuesday 3 March

Bus Services: Market Towns

3.10 pm

Mrs Petra Quillfeather (Ashcombe and Lyne) (Lab)
I beg to move,

That this House has considered bus services in market towns.

Timetables have been cut in half across my constituency since the franchise was let. A town without a bus after six in the evening is a town that young people leave.

Mr Rowan Teversham (Hollowmere) (Con)
Will the hon. Lady give way?

Mrs Quillfeather
I will give way briefly.

Mr Teversham
Does the hon. Lady accept that the new demand-responsive service in Hollowmere carries more passengers than the route it replaced?

Mrs Quillfeather
One good service does not make a network. Fares have risen faster than wages for five years, and the operators have walked away from every route that does not pay.

The Minister for Local Transport (Ivo Penrallick)
The Government have capped single fares, and that cap will stay in place next year. Franchising is the right model for some areas but not for all of them.
"""

EVIDENCE = """Transport Committee
Oral evidence: Rural buses

Members present: Gwen Athelstan (Chair); Dr Tomasz Rell; Keira Smallbone.

Witnesses: Professor Hilda Varcoe, Director, Centre for Rural Mobility; and Dev Oakhurst, Chief Executive, Valley Coaches.

Q12 Chair: Professor Varcoe, is the funding formula working?

Professor Varcoe: No. The formula rewards passenger numbers, so it pays most where buses are already full and least where they are needed.

Q13 Chair: Mr Oakhurst, do you agree?

Dev Oakhurst: Only in part. Operators need certainty more than they need generosity; a three-year settlement would let us plan routes properly.

Q14 Dr Tomasz Rell: Should councils run the buses themselves?

Professor Varcoe: Some councils could, but most have lost the staff who knew how.

Mr Oakhurst: Municipal operators have a mixed record, and the risk falls on council tax payers.
"""

INTERVIEW = """Transit Quarterly | Interviews

Yusra Penhallow has run the city's tram network for two years. She spoke to our reporter.

Transit Quarterly: Why did ridership fall last winter?

Yusra Penhallow: Reliability. When a tram is cancelled, passengers stop trusting the timetable, and trust takes months to rebuild.

TQ: Is the fare freeze sustainable?

YP: Not beyond next year. Without new funding the freeze will have to end, and fares will rise by inflation.

TQ: What would you change first?

YP: Signal priority at junctions. It is cheap, and it is the single biggest cause of delay on our network.
"""

QA = """Five questions on the school street

Q: Should the road be closed to through traffic?

A: Yes. The closure has made the street safer for children walking to school.

Q: And the shops?

A: Trade has held up better than the traders feared.
"""

ARTICLE = """Council agrees bus plan

The council agreed a new bus plan on Monday.

Note: this article was updated on Tuesday.

Councillors said the plan was overdue.
"""


LIVE_BLOG = """Harbour town inquiry – live

Updated 17:05

16:40
Our correspondent is updating this page from the venue:

│ Nell Garrowby @nellgarrowby_news · 4:31 pm
│ Harbour board chair Idris Fenwick-Lowe to the inquiry: "The new breakwater will protect four hundred homes from winter storms."
│ Says the cost will be met without raising mooring fees.
│ 💬 3   🔁 12   ♥ 40

16:10
The inspector adjourned the session for lunch.
"""


def _turns(text: str):
    return read_turns(parse_text(text).document.segments)


def _claims(text: str, author: str | None = None):
    article = parse_text(text)
    if author:
        article.document.meta.author = author
    result = extract_article(article)
    return [(c.actor.name, c.mode, c.text) for c in result.claims], result


def test_hansard_turns_name_line_then_surname_line():
    turns = _turns(HANSARD)
    assert [t.speaker for t in turns] == [
        "Petra Quillfeather", "Rowan Teversham", "Petra Quillfeather", "Rowan Teversham", "Petra Quillfeather", "Ivo Penrallick",
    ]
    assert turns[-1].role == "The Minister for Local Transport"


def test_hansard_speeches_and_intervention_are_the_speakers_claims():
    claims, _ = _claims(HANSARD)
    by = {text: (name, mode) for name, mode, text in claims}
    assert by["One good service does not make a network."] == ("Petra Quillfeather", "direct")
    minister = [t for name, _, t in claims if name == "Ivo Penrallick"]
    assert any(t.startswith("The Government have capped single fares") for t in minister)
    # the intervention is a question; giving way and moving the motion are procedure
    assert not any("give way" in t or "beg to move" in t for _, _, t in claims)
    assert not any(t.startswith("Does the hon.") for _, _, t in claims)


def test_evidence_session_header_names_the_cast_and_chair():
    turns = _turns(EVIDENCE)
    assert [t.speaker for t in turns] == [
        "Gwen Athelstan", "Hilda Varcoe", "Gwen Athelstan", "Dev Oakhurst", "Tomasz Rell", "Hilda Varcoe", "Dev Oakhurst",
    ]
    assert turns[1].role == "Director, Centre for Rural Mobility"


def test_evidence_session_two_witnesses_claims():
    claims, result = _claims(EVIDENCE)
    speakers = {name for name, _, _ in claims}
    assert {"Hilda Varcoe", "Dev Oakhurst"} <= speakers
    assert "Gwen Athelstan" not in speakers  # the chair only asked questions
    assert ("Dev Oakhurst", "direct", "Municipal operators have a mixed record, and the risk falls on council tax payers.") in claims
    witness = next(a for a in result.actors if a.name == "Hilda Varcoe")
    assert "Director, Centre for Rural Mobility" in witness.roles


def test_interview_switching_to_initials():
    turns = _turns(INTERVIEW)
    # "TQ" are the initials of "Transit Quarterly", who spoke first
    assert [t.speaker for t in turns] == ["Transit Quarterly", "Yusra Penhallow"] * 3
    claims, _ = _claims(INTERVIEW)
    assert ("Yusra Penhallow", "direct", "Not beyond next year.") in claims
    assert not any(name == "Transit Quarterly" for name, _, _ in claims)  # only questions


def test_q_and_a_questions_are_the_writers_and_assert_nothing():
    turns = _turns(QA)
    assert {t.speaker for t in turns} == {WRITER, "@answerer"}
    claims, _ = _claims(QA, author="Lina Marsh")
    assert claims and all(name == "interviewee" and mode == "direct" for name, mode, _ in claims)


def test_an_article_with_a_note_is_not_a_transcript():
    assert _turns(ARTICLE) == []


def test_inspect_shows_the_turns_it_read(tmp_path):
    import json

    from typer.testing import CliRunner

    from argmine.cli import app

    path = tmp_path / "evidence.txt"
    path.write_text(EVIDENCE, encoding="utf-8")
    result = CliRunner().invoke(app, ["inspect", str(path), "-f", "json"])
    assert result.exit_code == 0
    turns = json.loads(result.stdout)["document"]["turns"]
    assert len(turns) == 7
    assert turns[1].endswith("Hilda Varcoe (Director, Centre for Rural Mobility) ← 'Professor Varcoe'")


def test_live_blog_embedded_post_belongs_to_the_person_relayed():
    turns = _turns(LIVE_BLOG)
    assert [(t.speaker, t.role) for t in turns] == [("Idris Fenwick-Lowe", "Harbour board chair")]
    claims, _ = _claims(LIVE_BLOG)
    relayed = [(mode, text) for name, mode, text in claims if name == "Idris Fenwick-Lowe"]
    assert any(mode == "direct" and "breakwater will protect" in text for mode, text in relayed)
    # the poster's own summary of what was said is reported speech
    assert any(mode == "indirect" and text.startswith("Says the cost will be met") for mode, text in relayed)
    assert not any(name == "Nell Garrowby" for name, _, _ in claims)
    assert not any("💬" in text for _, _, text in claims)


RELAYED_REPORT = """Harbour town inquiry – live

16:40
Our correspondent is updating this page from the venue:

│ Nell Garrowby @nellgarrowby_news · 4:31 pm
│ Harbour board chair Idris Penhallow tells the inquiry the breakwater will protect four hundred homes by absorbing the winter swell.
│ 💬 3   🔁 12   ♥ 40
"""


def test_live_blog_post_reporting_its_speaker_in_the_third_person_is_indirect():
    claims, _ = _claims(RELAYED_REPORT)
    assert [(name, mode) for name, mode, _ in claims] == [("Idris Penhallow", "indirect")]


def test_a_posts_hashtags_and_the_wrapped_end_of_a_line_are_no_claims_of_their_own():
    from argmine.components.turns import asserts_something, turn_claim

    assert not asserts_something("#HarbourInquiry #ferries")
    text = '│ Idris Penhallow to the inquiry: "Nobody should mistake the fares for a\n│ retreat from the island service.'
    turn = (0, len(text), "idris-penhallow", 2, None, None)
    wrapped = text.index("│ retreat")
    assert turn_claim(text, (wrapped, len(text)), turn) is None
    assert turn_claim(text, (0, wrapped - 1), turn)["mode"] == "direct"


LETTERS = """THE HARBOURSIDE HERALD
Opinion | Letters

Letters: the ferry timetable

---

Merging the two ferry routes is a bad idea

I have crossed on the early boat for twenty years. Merging the two routes would leave the north shore without a morning crossing, and that is simply unacceptable.

Rosalind Pemberthy
Saltings Quay

---

A single route makes sense

Running two half-empty boats is wasteful. I believe one frequent route would serve everybody better.

Cllr Tobias Wrenfield
Chair, Harbour Transport Forum

---
"""


def test_letters_page_each_letter_is_its_signers_voice():
    claims, result = _claims(LETTERS)
    by_writer = {}
    for name, mode, text in claims:
        if mode == "author":
            by_writer.setdefault(name, []).append(text)
    assert any("simply unacceptable" in t for t in by_writer["Rosalind Pemberthy"])
    assert any(t.startswith("I believe one frequent route") for t in by_writer["Tobias Wrenfield"])
    forum = next(a for a in result.actors if a.name == "Tobias Wrenfield")
    assert "Chair, Harbour Transport Forum" in forum.roles


STATEMENT = """Friends of Larkmoor Library
Home | About | News | Join

Statement on the library review

Friends of Larkmoor Library welcomes the council's decision to pause the closure of the branch library.

We believe the library is the only free indoor space left in the village. Closing it would be a serious mistake, and we will oppose any plan that does.
"""


def test_an_organisations_own_statement_speaks_as_the_organisation():
    from argmine.ingest.voice import organisation_voice

    assert organisation_voice(parse_text(STATEMENT).document) == "Friends of Larkmoor Library"
    assert organisation_voice(parse_text(ARTICLE).document) is None
    claims, _ = _claims(STATEMENT)
    own = [text for name, mode, text in claims if mode == "author"]
    assert own and all(name == "Friends of Larkmoor Library" for name, mode, _ in claims if mode == "author")
    assert any("serious mistake" in text for text in own)


def test_calling_on_someone_is_not_a_claim():
    from argmine.components.turns import asserts_something

    assert not asserts_something("Ms Varley, you wanted to come back.")
    assert not asserts_something("Professor Hale, same question.")
    assert asserts_something("Funding, in my view, is the whole problem here and always has been.")
    assert asserts_something("No. The formula rewards the wrong thing.")


def test_an_interviewers_set_up_before_a_question_is_not_a_claim():
    text = INTERVIEW.replace("TQ: Is the fare freeze sustainable?", "TQ: Fares were frozen last spring. Is the freeze sustainable?")
    claims, _ = _claims(text)
    assert not any(t.startswith("Fares were frozen") for _, _, t in claims)
    assert ("Yusra Penhallow", "direct", "Not beyond next year.") in claims


BYLINE_INTERVIEW = """Rail Review

The new head of the branch-line trust talks to Ada Fenwick about timetables and trust

By Ada Fenwick

Ada Fenwick: Why did you take the job?

Omar Castellane: Because the line was dying. Nobody else wanted to run it.

AF: Critics say the new timetable simply moves the crowding to the evening. The county is reviewing subsidies for rural lines.

OC: Of course it moves some of it. But the morning trains were turning people away.
"""


def test_the_bylined_interviewers_turns_are_prompts_not_claims():
    claims, _ = _claims(BYLINE_INTERVIEW, author="Ada Fenwick")
    speakers = {name for name, _, _ in claims}
    assert "Ada Fenwick" not in speakers  # the writer puts views and facts to the guest
    assert ("Omar Castellane", "direct", "Because the line was dying.") in claims


PODCAST = """Morning Briefing podcast, episode 12

PRESENTER: Welcome back. With me are Tom Harker and Jane Wilde.

TOM HARKER: The bus cuts have hurt the villages badly.

JANE WILDE: They have, but the council had no money left.

PRESENTER: We've had an email from a listener, Maureen, who's a carer in the valleys. She says her bus was cut last spring and it has left her unable to reach her mother. Tom, is that fair?

TOM HARKER: It is. Nobody planned for people like that.
"""


def test_a_presenters_she_is_the_listener_named_before_not_the_presenter():
    claims, _ = _claims(PODCAST)
    said = [name for name, _, text in claims if text.startswith("She says her bus")]
    assert "Maureen" in said

"""The attribution rules as a list: named, ordered, and each claim says which rule made it."""

from analysis import analyse, attributed

from argmine.components.attribution import RULES


def test_rules_have_distinct_names_and_fallbacks_come_last():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    first_fallback = next(i for i, r in enumerate(RULES) if r.fallback)
    assert all(r.fallback for r in RULES[first_fallback:])


def test_each_claim_records_the_rule_that_made_it():
    result = analyse("The minister said that the scheme would be expanded next year.\n\n“It is long overdue,” she added.")
    rules = [c.rule for c in attributed(result)]
    assert rules and all(rules)


def test_a_quote_paragraph_with_no_cue_continues_the_last_speaker():
    result = analyse(
        "Dr Ann Marsh, a consultant surgeon, said: “Waiting lists are growing every month.”\n\n"
        "“We cannot keep asking staff to work double shifts without any end in sight.”"
    )
    claims = attributed(result)
    assert [c.actor.name for c in claims] == ["Ann Marsh", "Ann Marsh"]
    assert claims[1].rule == "quote-continues"


def test_a_body_before_a_person_noun_says_where_the_unnamed_speaker_works():
    result = analyse("A senior hospital manager at the Westmoor Trust, who asked not to be named, said the budget was a fiction.")
    claims = attributed(result)
    assert len(claims) == 1
    c = claims[0]
    assert c.content.text == "the budget was a fiction"
    assert c.actor.kind == "person" and c.actor.name.startswith("senior hospital manager")
    assert "who asked" not in c.actor.name


def test_a_department_spokesperson_is_the_source_span_not_the_department():
    c = attributed(analyse("A Department of Transport spokesperson said: “The deal gives local leaders the tools they need.”"))[0]
    assert c.source.text == "A Department of Transport spokesperson"


def test_an_interrupted_quotation_is_one_claim_in_two_parts():
    result = analyse("Dr Ann Marsh runs the clinic.\n“The scheme is failing,” she said, “and the ministers know it.”")
    claims = attributed(result)
    assert len(claims) == 1
    c = claims[0]
    assert c.actor.name == "Ann Marsh" and c.source.text == "she"
    assert [p.text for p in c.content.parts] == ["The scheme is failing", "and the ministers know it"]


def test_the_addressee_is_recorded_and_kept_out_of_the_content():
    c = attributed(analyse("The minister told the Health Committee that the budget would rise."))[0]
    assert c.content.text == "the budget would rise"
    assert c.addressee.text == "the Health Committee"
    assert c.addressee.actor is not None


def test_a_pronoun_with_no_antecedent_keeps_its_claim_as_unresolved():
    c = attributed(analyse("He said the closures were unavoidable."))[0]
    assert c.actor.kind == "unresolved" and c.source.text == "He"
    assert c.content.text == "the closures were unavoidable"


def test_a_body_never_named_is_unresolved_not_another_body():
    result = analyse("The Riverside Trust runs two hospitals.\nThe council argued that the closures were unavoidable.")
    c = attributed(result)[0]
    assert c.actor.kind == "unresolved" and c.actor.name == "The council"


def test_a_role_before_the_name_between_commas_gives_the_person():
    c = attributed(analyse("Regional organiser for the Hospital Workers Union, Peter Bell, said: “Staff are exhausted and morale is low.”"))[0]
    assert c.actor.name == "Peter Bell" and c.actor.kind == "person"


def test_urge_and_accuse_report_their_object_and_complement():
    urged = attributed(analyse("Sarah Jones urged ministers to scrap the charges."))[0]
    assert urged.content.text == "urged ministers to scrap the charges"
    accused = attributed(analyse("Sarah Jones accused the government of abandoning rural patients."))[0]
    assert accused.content.text == "accused the government of abandoning rural patients"


def test_a_lowercase_body_noun_is_no_new_name():
    c = attributed(analyse("The union urged ministers to scrap the charges."))[0]
    assert c.actor.kind == "unresolved"


def test_an_office_title_is_a_role_not_part_of_the_name():
    c = attributed(analyse("Supervisor Jane Kim said the budget was balanced."))[0]
    assert c.actor.name == "Jane Kim" and "Supervisor" in c.actor.roles
    c = attributed(analyse("Cllr Mary Dunn, the council's executive member for health, said the clinics would open."))[0]
    assert c.actor.name == "Mary Dunn" and "Cllr" in c.actor.roles


def test_a_hyphenated_surname_stays_whole():
    c = attributed(analyse("Cllr Amara Osei-Bonsu said the discharge team had cut waiting times."))[0]
    assert c.actor.name == "Amara Osei-Bonsu"


def test_a_body_named_head_of_phrase_is_whole_and_an_organisation():
    c = attributed(analyse("The Campaign for Better Buses said the fares rise would hurt commuters."))[0]
    assert (c.actor.name, c.actor.kind) == ("Campaign for Better Buses", "organisation")
    c = attributed(analyse("The Northern Chambers of Commerce said the levy would hurt small firms."))[0]
    assert (c.actor.name, c.actor.kind) == ("Northern Chambers of Commerce", "organisation")


def test_a_block_introduced_by_a_colon_belongs_to_who_introduced_it():
    result = analyse("The inquiry took evidence for a year.\nThe Health Committee has accepted this:\n“Integration has not delivered savings for the health service.”")
    c = attributed(result)[0]
    assert c.actor.name == "Health Committee" and c.rule == "colon-intro"
    assert c.content.text == "Integration has not delivered savings for the health service"


def test_quotes_after_a_colon_introduction_go_to_the_new_speaker_not_the_last_one():
    result = analyse(
        "Dr Ann Marsh said the clinic was busy.\n"
        "Dr Fiona Lade, who chairs the local medical committee, told the Gazette:\n"
        "“GPs were told this was about integration.”\n"
        "“The contract they were shown reads like a takeover.”"
    )
    assert [c.actor.name for c in attributed(result)] == ["Ann Marsh", "Fiona Lade", "Fiona Lade"]


def test_a_round_up_line_name_role_outlet_colon_quote_is_the_person_s():
    result = analyse(
        "Leaders reacted on Friday.\n"
        "- Tom Brandvold, Harlow County commissioner, KTAM Radio: “We have run a shared intake desk for a decade.”\n"
        "- Ann Ghosh, Riverside public health director, Daily Star: “Public health cannot become an afterthought.”"
    )
    assert [(c.actor.name, c.rule) for c in attributed(result)] == [
        ("Tom Brandvold", "name-colon-quote"), ("Ann Ghosh", "name-colon-quote")]


def test_noun_cues_with_a_possessor_report_their_complement():
    c = attributed(analyse("Sarah Jones's claims of understaffing were heard by the board."))[0]
    assert c.actor.name == "Sarah Jones" and c.content.text == "understaffing" and c.source.text == "Sarah Jones"
    c = attributed(analyse("Sarah Jones's announcement that the scheme would close came on Monday."))[0]
    assert c.actor.name == "Sarah Jones" and c.content.text.startswith("the scheme would close")


def test_age_and_place_after_a_name_are_not_part_of_it():
    c = attributed(analyse("Its chairwoman, Pauline Arkwood, 74, of Mardleton, said: “Nobody wants the hospital to stand still.”"))[0]
    assert c.actor.name == "Pauline Arkwood"


def test_a_time_or_a_dateline_is_never_the_source():
    result = analyse("ST. LOUIS — The mayor said the city was safe.\nThe figures, in notes released Monday, said the deficit had doubled.")
    sources = [c.source.text for c in attributed(result) if c.source]
    assert "The mayor" in sources
    assert not any(s in ("Monday", "ST. LOUIS", "LOUIS") for s in sources)


def test_one_unnamed_role_is_a_new_speaker_for_the_quotes_that_follow():
    result = analyse(
        "Dr Ann Marsh said the plan was sound.\n"
        "One nurse said: “We were never consulted about any of this.”\n"
        "“The wards are already short of staff every night.”"
    )
    names = [c.actor.name for c in attributed(result)]
    assert names[0] == "Ann Marsh" and names[1] == names[2] != "Ann Marsh"


def test_a_quote_paragraph_opened_with_single_marks_continues_the_quote():
    result = analyse("Dr Ann Marsh said: “Waiting lists are growing.”\n‘We cannot keep asking staff to work double shifts.’")
    claims = attributed(result)
    assert [c.actor.name for c in claims] == ["Ann Marsh", "Ann Marsh"]
    assert claims[1].source.text == "Dr Ann Marsh"

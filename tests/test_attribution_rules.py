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

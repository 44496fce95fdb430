"""Forgiving actor-name matching for who-said."""

from __future__ import annotations

import pytest

from argmine.actor_names import (
    FULL_NAME,
    SHARED_WORDS,
    SURNAME,
    AmbiguousActor,
    NoSuchActor,
    fold,
    match_level,
    normalise_name,
    resolve_actor,
)
from conftest import make_actor


@pytest.mark.parametrize(
    "written, normal",
    [
        ("Dr Tom Coffey", "tom coffey"),
        ("Dr. Tom Coffey", "tom coffey"),
        ("Professor Sir Bruce Keogh", "bruce keogh"),
        ("Dame Jane Smith DBE", "jane smith"),
        ("Baroness Cumberlege", "cumberlege"),
        ("Lord Darzi", "darzi"),
        ("Cllr Ann O’Neill", "ann oneill"),
        ("Mr John Smith MP", "john smith"),
        ("Ms Zoë Bérénice", "zoe berenice"),
        ("  TOM   coffey ", "tom coffey"),
    ],
)
def test_names_normalise_drops_titles_case_accents(written, normal):
    assert normalise_name(written) == normal


def test_names_organisations_keep_every_word():
    assert normalise_name("General Medical Council", person=False) == "general medical council"
    assert fold("NHS England") == "nhs england"


@pytest.mark.parametrize(
    "query, level",
    [
        ("Tom Coffey", FULL_NAME),
        ("dr tom coffey", FULL_NAME),
        ("Coffey", SURNAME),
        ("COFFEY", SURNAME),
        ("Dr Coffey", SURNAME),
        ("Tom", SHARED_WORDS),
        ("T Coffey", SHARED_WORDS),
        ("Tommy", 0),
        ("Coffee", 0),
    ],
)
def test_names_match_levels(query, level):
    actor = make_actor("Dr Tom Coffey", aliases=("Tom Coffey",))
    assert match_level(query, actor) == level


def test_names_alias_matches_in_full():
    actor = make_actor("Simon Stevens", aliases=("NHS chief",))
    assert match_level("nhs chief", actor) == FULL_NAME


def test_names_accent_insensitive_both_ways():
    assert resolve_actor("Jose Garcia", [make_actor("José García")])[0].name == "José García"
    assert resolve_actor("García", [make_actor("Jose Garcia")])[0].name == "Jose Garcia"


def test_names_surname_resolves_to_one_person():
    coffey = make_actor("Tom Coffey")
    other = make_actor("Jane Smith")
    assert resolve_actor("Coffey", [other, coffey]) == [coffey]


def test_names_surname_shared_by_two_people_is_ambiguous():
    tom, jane = make_actor("Tom Coffey"), make_actor("Jane Coffey")
    with pytest.raises(AmbiguousActor) as caught:
        resolve_actor("Coffey", [tom, jane])
    assert caught.value.candidates == [tom, jane]
    assert "matches 2 actors: Tom Coffey (person); Jane Coffey (person)" in str(caught.value)
    assert caught.value.exit_code == 2


def test_names_full_name_settles_what_a_surname_cannot():
    tom, jane = make_actor("Tom Coffey"), make_actor("Jane Coffey")
    assert resolve_actor("Jane Coffey", [tom, jane]) == [jane]


def test_names_short_and_full_mentions_of_one_person_go_together():
    """'Coffey' in one article and 'Tom Coffey' in another could be one person: both answer."""
    short, full = make_actor("Coffey"), make_actor("Tom Coffey")
    assert resolve_actor("Coffey", [short, full]) == [short, full]


def test_names_bare_surname_does_not_join_two_different_full_names():
    short, tom, jane = make_actor("Coffey"), make_actor("Tom Coffey"), make_actor("Jane Coffey")
    with pytest.raises(AmbiguousActor):
        resolve_actor("Coffey", [short, tom, jane])


def test_names_an_organisation_is_not_part_of_a_longer_one():
    nhs = make_actor("NHS", "organisation")
    nhse = make_actor("NHS England", "organisation")
    assert resolve_actor("NHS", [nhs, nhse]) == [nhs]
    assert resolve_actor("nhs england", [nhs, nhse]) == [nhse]


def test_names_words_of_two_organisations_are_ambiguous():
    a = make_actor("Royal College of Nursing", "organisation")
    b = make_actor("Royal College of GPs", "organisation")
    with pytest.raises(AmbiguousActor):
        resolve_actor("Royal College", [a, b])


def test_names_no_match_suggests_close_names():
    with pytest.raises(NoSuchActor) as caught:
        resolve_actor("Tom Coffee", [make_actor("Tom Coffey"), make_actor("Jane Smith")])
    assert caught.value.suggestions == ["Tom Coffey"]
    assert str(caught.value).startswith("no actor matches 'Tom Coffee'; did you mean 'Tom Coffey'?")
    assert caught.value.exit_code == 1


def test_names_empty_query_matches_nothing():
    with pytest.raises(NoSuchActor):
        resolve_actor("  ", [make_actor("Tom Coffey")])


def test_names_one_word_alias_counts_as_a_surname():
    """The pipeline lists "Coffey" among Ann Coffey's aliases; Tom Coffey is still a candidate."""
    ann = make_actor("Ann Coffey", aliases=("Dr Ann Coffey", "Coffey"))
    tom = make_actor("Tom Coffey")
    assert match_level("Coffey", ann) == SURNAME
    with pytest.raises(AmbiguousActor):
        resolve_actor("Coffey", [ann, tom])
    assert match_level("Coffey", make_actor("Coffey")) == FULL_NAME

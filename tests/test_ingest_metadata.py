"""Metadata: title, author (bylines, republication notes, standfirsts), outlet, date, language."""

from __future__ import annotations

import pytest

from argmine.ingest import parse_text
from argmine.ingest.metadata import author_from_standfirst

TITLE = "Councils and hospitals agree to pool budgets\n"
BODY = (
    "The county council and the hospital trust said on Monday that they would share one budget from April.\n"
    "Managers expect the change to cut delays for older patients leaving hospital after an operation.\n"
)


def meta(text: str) -> dict:
    return parse_text(text).document.meta.model_dump(exclude_none=True)


@pytest.mark.parametrize(
    "byline, author",
    [
        ("By Priya Shah", "Priya Shah"),
        ("By Priya Shah, health correspondent", "Priya Shah"),
        ("Posted by Priya Shah on 4 March 2020", "Priya Shah"),
        ("Posted on 4 March 2020 by Priya Shah", "Priya Shah"),
        ("Priya Shah, social care editor", "Priya Shah"),
        ("Written by: Priya Shah", "Priya Shah"),
    ],
)
def test_author_from_bylines(byline: str, author: str) -> None:
    assert meta(TITLE + byline + "\n" + BODY)["author"] == author


def test_author_from_an_edited_version_of_a_blog_post() -> None:
    note = "This is an edited version of a post published on Priya Shah’s blog\n"
    assert meta(TITLE + BODY + note)["author"] == "Priya Shah"


def test_outlet_from_a_republication_note_that_names_no_person() -> None:
    note = "This article was originally published on The Policy Review.\n"
    found = meta(TITLE + BODY + note)
    assert found["outlet"] == "The Policy Review" and "author" not in found


def test_outlet_from_publisher_and_scraper_notes() -> None:
    assert meta("This article is from the source 'examplenews' and won't be checked again.\n" + TITLE + BODY)["outlet"] == "examplenews"
    assert meta(TITLE + BODY + "This post is published by Care Weekly. Join the Care Network for offers.\n")["outlet"] == "Care Weekly"


def test_date_prefers_publication_over_update() -> None:
    text = TITLE + "Last updated: 5 March 2020\nPublished: 4 March 2020\n" + BODY
    assert meta(text)["date"] == "2020-03-04"
    assert meta(TITLE + "Last updated: 5 March 2020\n" + BODY)["date"] == "2020-03-05"


def test_title_and_language() -> None:
    found = meta(TITLE + BODY)
    assert found["title"] == "Councils and hospitals agree to pool budgets"
    assert found["language"] == "en"


def test_unnamed_author_described_by_role_in_a_standfirst() -> None:
    standfirst = (
        "A year into the programme, the Head of Integrated Care at Northfield Community Trust and one of "
        "the pilot's leads, reflects on what the teams have learned:\n"
    )
    found = meta(TITLE + standfirst + "We have learned a great deal about working across boundaries.\n")
    assert found.get("author") is None
    assert found["author_role"] == "Head of Integrated Care at Northfield Community Trust"


def test_named_author_in_a_standfirst() -> None:
    standfirst = "Priya Shah, chief executive of a community trust, explains why our teams merged:\n"
    found = meta(TITLE + standfirst + "We merged because patients asked us to.\n")
    assert found["author"] == "Priya Shah"


def test_news_standfirst_about_a_source_names_no_author() -> None:
    standfirst = "The health secretary argues that councils should run hospitals\n"
    found = meta(TITLE + standfirst + BODY)
    assert "author" not in found and "author_role" not in found


@pytest.mark.parametrize(
    "standfirst, first_person, expected",
    [
        ("As the scheme turns one, the director of nursing at a city trust discusses progress:", False, (None, "director of nursing at a city trust")),
        ("The director of nursing at a city trust discusses progress", False, (None, None)),  # no hand-over
        ("The director of nursing at a city trust discusses progress", True, (None, "director of nursing at a city trust")),
        ("Critics say the scheme is failing:", True, (None, None)),  # no writing verb
    ],
)
def test_author_from_standfirst_rules(standfirst: str, first_person: bool, expected: tuple) -> None:
    assert author_from_standfirst(standfirst, first_person) == expected


def test_site_name_after_a_bar_in_the_title_is_the_outlet() -> None:
    found = meta("Councils and hospitals agree to pool budgets | Care Weekly\n" + BODY)
    assert found["title"] == "Councils and hospitals agree to pool budgets"
    assert found["outlet"] == "Care Weekly"


def test_article_in_another_language_keeps_its_own_platform_strings() -> None:
    text = (
        "Kliniken und Pflege arbeiten zusammen\n"
        "Die Klinik und der Pflegedienst wollen ab April mit einem gemeinsamen Budget arbeiten, sagte die Leitung.\n"
        "Eingestellt von Peter Müller um 10:15\n"
        "Keine Kommentare:\n"
    )
    article = parse_text(text)
    assert article.document.meta.language == "de"
    assert article.document.meta.author == "Peter Müller"
    assert [(s.kind.value, s.rule) for s in article.document.segments] == [
        ("title", "title-first-line"),
        ("body", "paragraph"),
        ("byline", "byline-platform"),
        ("comment_marker", "comment-none"),
    ]

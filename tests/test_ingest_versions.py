"""Version tables: cells as segments, the latest version read, earlier paragraphs recorded."""

from __future__ import annotations

from argmine.ingest import parse_text
from argmine.records import SegmentKind

TABLE = (
    "The article has changed 3 times. There is an RSS feed of changes available.\n"
    "Version 1 | Version 2 | Version 3 |\n"
    "---|---|---|\n"
    "Care plan agreed | Care plan agreed | Care plan agreed after talks |\n"
    "(about 2 hours later) | (about 1 day later) | |\n"
    "The council backed the plan on Monday. | The council backed the plan on Monday. | The council backed the plan on Monday. |\n"
    "Critics said it was rushed. | | |\n"
    "Related: Why plans fail | Related: Why plans fail | Related: Why plans fail |\n"
    "| Staff welcomed the news. | Staff welcomed the news. |\n"
    "| The plan costs £2m. | The plan now costs £3m. |\n"
    "Previous version\n"
)


def test_version_table_cells_are_segments_with_versions() -> None:
    document = parse_text(TABLE).document
    cells = [s for s in document.segments if s.version is not None]
    assert {s.version for s in cells} == {1, 2, 3}
    for s in cells:
        assert "|" not in s.text
    assert [s.rule for s in document.segments if s.kind == SegmentKind.version_meta and s.version is None] == [
        "version-table-header",
        "version-table-rule",
        "version-navigation",
    ]
    assert document.versions.count == 3 and document.versions.used == 3
    assert document.meta.title == "Care plan agreed after talks"


def test_latest_view_reads_only_the_latest_version() -> None:
    article = parse_text(TABLE)
    assert article.view("latest").text.split("\n\n") == [
        "Care plan agreed after talks",
        "The council backed the plan on Monday.",
        "Staff welcomed the news.",
        "The plan now costs £3m.",
    ]


def test_all_view_adds_what_only_earlier_versions_had_once() -> None:
    article = parse_text(TABLE)
    paragraphs = article.view("all").text.split("\n\n")
    assert paragraphs == [
        "Care plan agreed",
        "Care plan agreed after talks",
        "The council backed the plan on Monday.",
        "Critics said it was rushed.",
        "Staff welcomed the news.",
        "The plan costs £2m.",
        "The plan now costs £3m.",
    ]
    assert [t.text for t in article.document.versions.dropped] == [
        "Care plan agreed",
        "Critics said it was rushed.",
        "The plan costs £2m.",
    ]


def test_view_maps_back_to_the_cell_offsets() -> None:
    article = parse_text(TABLE)
    view = article.view("latest")
    at = view.text.index("Staff welcomed")
    start, end = view.to_original(at, at + len("Staff welcomed the news."))
    assert article.text[start:end] == "Staff welcomed the news."
    latest_cell = next(s for s in article.document.segments if s.text == "Staff welcomed the news." and s.version == 3)
    assert start == latest_cell.start


def test_pipe_inside_a_cell_splits_where_versions_agree() -> None:
    text = "Version 0 | Version 1 |\n---|---|\nNHS | social care: the pact | NHS | social care: the pact |\n"
    cells = [s.text for s in parse_text(text).document.segments if s.version is not None]
    assert cells == ["NHS | social care: the pact", "NHS | social care: the pact"]


def test_an_ordinary_pipe_table_is_not_a_version_table() -> None:
    text = "Budget plans\nRegion | Budget |\n---|---|\nNorth | £2m |\n"
    document = parse_text(text).document
    assert document.versions is None
    assert all(s.version is None for s in document.segments)

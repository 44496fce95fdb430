"""Dates from each source: written dates, page URLs, file names with a user pattern; ranges."""

from __future__ import annotations

from datetime import date

import pytest

from argmine.dates import DateRange, NamePattern, date_bounds, date_from_url, parse_date, user_date
from argmine.errors import UsageError
from argmine.ingest import parse_text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("26 March 2015", "2015-03-26"),
        ("Published 26 March 2015", "2015-03-26"),
        ("March 26, 2015", "2015-03-26"),
        ("Thu 26 Mar 2015 07.00 GMT", "2015-03-26T07:00"),
        ("Posted on 3rd February 2016 at 2:30 pm", "2016-02-03T14:30"),
        ("5. April 2015", "2015-04-05"),
        ("12 févr. 2014", "2014-02-12"),
        ("2015-03-26", "2015-03-26"),
        ("2015-03-26T10:15:00Z", "2015-03-26T10:15"),
        ("26/03/2015", "2015-03-26"),
        ("26.03.15", "2015-03-26"),
        ("March 2015", "2015-03"),
        ("2015-03", "2015-03"),
    ],
)
def test_parse_date_reads_written_dates(text: str, expected: str) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "26 March", "the 31st", "31 February 2015", "Mayday 2015 plans", "3/4"])
def test_parse_date_guesses_nothing(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    "url, expected",
    [
        ("http://www.example.com/social-care-network/2015/mar/26/some-story", "2015-03-26"),
        ("https://news.example.org/2016/07/04/slug.html", "2016-07-04"),
        ("https://example.net/health/2017-11-30-pooled-budgets", "2017-11-30"),
        ("https://example.net/a/20180102/story", "2018-01-02"),
        ("https://example.net/blog/2019/05/a-post/", "2019-05"),
        ("https://2015.example.com/about/", None),
        ("https://example.com/article/12345", None),
        (None, None),
    ],
)
def test_date_from_url_reads_the_path(url: str | None, expected: str | None) -> None:
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    "name, regex, fmt, expected",
    [
        ("guardian_2015-03-26_vanguards.txt", r"\d{4}-\d{2}-\d{2}", "yyyy-MM-dd", "2015-03-26"),
        ("26.03.2015 - hsj.txt", r"\d\d\.\d\d\.\d{4}", "dd.MM.yyyy", "2015-03-26"),
        ("hsj-20150326-1.txt", r"(\d{8})", "yyyyMMdd", "2015-03-26"),
        ("story 26 Mar 2015.txt", r"\d+ \w+ \d{4}", "dd MMM yyyy", "2015-03-26"),
        ("story 26 Mar 2015.txt", r"\d+ \w+ \d{4}", None, "2015-03-26"),
        ("2015_03_26.txt", r"\d{4}_\d\d_\d\d", None, "2015-03-26"),
        ("undated.txt", r"\d{4}-\d{2}-\d{2}", "yyyy-MM-dd", None),
        ("bad 2015-13-40.txt", r"\d{4}-\d{2}-\d{2}", "yyyy-MM-dd", None),
    ],
)
def test_name_pattern_reads_the_file_name_as_dna_does(name: str, regex: str, fmt: str | None, expected: str | None) -> None:
    assert NamePattern(regex, fmt).date_of(name) == expected


def test_name_pattern_refuses_a_bad_regex_or_a_format_without_a_year() -> None:
    with pytest.raises(UsageError, match="not a regular expression"):
        NamePattern("(unclosed")
    with pytest.raises(UsageError, match="no year"):
        NamePattern(r"\d+", "dd.MM")


def test_the_page_date_comes_from_a_dateline_before_the_url() -> None:
    text = (
        "Source: https://www.example.com/society/2014/jan/02/joint-care\n"
        "Published 3 February 2015\n"
        "Councils want joined-up care\n\n"
        "The council said that pooled budgets had worked well for older residents.\n"
    )
    meta = parse_text(text).document.meta
    assert (meta.date, meta.date_source) == ("2015-02-03", "page")
    assert meta.url == "https://www.example.com/society/2014/jan/02/joint-care"


def test_the_page_url_dates_a_page_without_a_dateline() -> None:
    text = (
        "You can find the article at its original source at https://www.example.com/society/2015/mar/26/joint-care\n"
        "Councils want joined-up care\n\n"
        "The council said that pooled budgets had worked well for older residents. "
        "See https://www.example.com/2001/01/01/older for background.\n"
    )
    meta = parse_text(text).document.meta
    assert (meta.date, meta.date_source) == ("2015-03-26", "url")


def test_a_link_inside_the_text_dates_nothing() -> None:
    text = (
        "Councils want joined-up care\n\n"
        "The council said that pooled budgets had worked well, as https://www.example.com/2001/01/01/older showed.\n"
    )
    meta = parse_text(text).document.meta
    assert (meta.date, meta.date_source, meta.url) == (None, None, None)


def test_date_bounds_and_ranges_respect_precision() -> None:
    assert date_bounds("2015") == (date(2015, 1, 1), date(2015, 12, 31))
    assert date_bounds("2016-02") == (date(2016, 2, 1), date(2016, 2, 29))
    assert date_bounds("2015-03-26T07:00") == (date(2015, 3, 26), date(2015, 3, 26))
    span = DateRange(since="2015-03-15", until="2015")
    assert "2015-03" in span and "2015-12-31" in span
    assert "2015-03-14" not in span and "2016-01-01" not in span and None not in span
    assert None in DateRange()


def test_user_dates_are_iso_or_written_dates() -> None:
    assert user_date("2015-03", "--since") == "2015-03"
    assert user_date("26 March 2015", "--since") == "2015-03-26"
    with pytest.raises(UsageError, match="--until 'soon' is not a date"):
        user_date("soon", "--until")

"""Dates of documents: read from the page, from its URL, from the file name, and compared.

A document's date is kept as an ISO 8601 string of the precision the source
gave: ``2015-03-26`` for a full date, ``2015-03`` when only the month is
known ("March 2015", a URL path ``/2015/03/``), ``2015-03-26T07:00`` when a
time of day was stated. Nothing is guessed: a day and month without a year
("26 March") is no date.

Sources, as DNA users know them:

- the page: datelines, "Published …", byline dates (`parse_date` on what
  ingest found), and dates in the page's URL (`date_from_url`);
- the file name, with a user pattern (`NamePattern`): a regular expression
  that finds the date in the name and, as in DNA's batch importer, an
  optional format that reads it (``yyyy-MM-dd``, ``dd.MM.yyyy``, ``yyyyMMdd``…);
- a sidecar metadata file (`argmine.metadata_sidecar`), which overrides both.

Comparisons (`--since`, `--until`, time windows) use `date_bounds`: the
first and last day a date may mean, so "2015-03" lies within
``--since 2015-03-15``'s month, and is kept by it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Optional

from argmine.errors import UsageError

#: What a date was read from: the page text, the page's URL, the file name, or a metadata file.
DATE_SOURCES = ("page", "url", "name", "metadata")

_ISO = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?)?)?$")


def _fold(text: str) -> str:
    """Lower case without accents: 'Févr.' -> 'fevr'."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip(".")


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """Month names and abbreviations of every language ingest knows, folded, to 1-12.

    The word list gives each language's twelve full names in order, then its
    abbreviations; an abbreviation is the month whose full name it begins.
    """
    from argmine.ingest.word_lists import date_words

    numbers: dict[str, int] = {}
    for names in date_words()["months"].values():
        full = [_fold(n) for n in names[:12]]
        for number, name in enumerate(full, start=1):
            numbers.setdefault(name, number)
        for abbreviation in names[12:]:
            folded = _fold(abbreviation)
            match = next((i for i, name in enumerate(full, start=1) if name.startswith(folded)), None)
            if match is not None:
                numbers.setdefault(folded, match)
    return numbers


def _iso(year: int, month: Optional[int] = None, day: Optional[int] = None, time: Optional[tuple[int, int]] = None) -> Optional[str]:
    """The ISO string for a date, or None when it is no calendar date (31 February)."""
    if not 1000 <= year <= 2999:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        date(year, month, day)
    except ValueError:
        return None
    if time is None:
        return f"{year:04d}-{month:02d}-{day:02d}"
    hour, minute = time
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return f"{year:04d}-{month:02d}-{day:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}"


def _year(text: str) -> int:
    """Four digits as they are; two digits as 19xx from 70 up, else 20xx."""
    value = int(text)
    if len(text) <= 2:
        return value + (1900 if value >= 70 else 2000)
    return value


_WORD = r"[^\W\d_]+\.?"
_NAMED_DAY_FIRST = re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:de\s+)?(?P<mon>{_WORD}),?\s+(?:de\s+)?(?P<y>\d{{4}})(?!\d)")
_NAMED_MONTH_FIRST = re.compile(rf"(?P<mon>{_WORD})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?!\d)")
_NAMED_MONTH_YEAR = re.compile(rf"(?P<mon>{_WORD}),?\s+(?P<y>\d{{4}})(?!\d)")
_NUMERIC_ISO = re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
_NUMERIC_DAY_FIRST = re.compile(r"(?<![\d.:/])(?P<d>\d{1,2})(?P<sep>[/.])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/.]\d)")
_TIME = re.compile(r"(?<![\d.:])(?P<H>\d{1,2})[:.](?P<M>\d{2})(?!\d)\s*(?P<ampm>[ap]\.?m\.?)?", re.IGNORECASE)


def _month(word: str) -> Optional[int]:
    return month_numbers().get(_fold(word))


def _time_after(text: str, end: int) -> Optional[tuple[int, int]]:
    """A time of day right after a date ('… 2015 07.00 BST', '…, 2:30 pm')."""
    match = _TIME.match(text[end:].lstrip(" ,|-–—at"))
    if not match:
        return None
    hour, minute = int(match.group("H")), int(match.group("M"))
    ampm = (match.group("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return hour, minute


def parse_date(text: Optional[str]) -> Optional[str]:
    """The first full or month-precise date written in `text`, as ISO 8601; None if there is none.

    Reads '26 March 2015', 'March 26, 2015', 'Thu 26 Mar 2015 07.00 GMT',
    '5. April 2015', '2015-03-26', '2015-03-26T07:00:00Z', '26/03/2015'
    (day first, as in British usage), '26.03.15', 'March 2015'.
    """
    if not text:
        return None
    text = " ".join(text.split())
    iso = _ISO.match(text.strip().rstrip("Z"))
    if iso and iso.group("m"):
        time = (int(iso.group("H")), int(iso.group("M"))) if iso.group("H") else None
        return _iso(int(iso.group("y")), int(iso.group("m")), int(iso.group("d")) if iso.group("d") else None, time)
    for found in (_named_date(text), _numeric_date(text)):
        if found:
            return found
    for match in _NAMED_MONTH_YEAR.finditer(text):
        month = _month(match.group("mon"))
        if month and not re.search(r"\d\.?\s*$", text[: match.start()]):  # '31 February 2015' is no month
            return _iso(int(match.group("y")), month)
    return None


def _named_date(text: str) -> Optional[str]:
    """The earliest 'day month year' or 'month day, year' with a month name."""
    best: Optional[tuple[int, str]] = None
    for pattern in (_NAMED_DAY_FIRST, _NAMED_MONTH_FIRST):
        for match in pattern.finditer(text):
            month = _month(match.group("mon"))
            if month is None:
                continue
            found = _iso(int(match.group("y")), month, int(match.group("d")), _time_after(text, match.end()))
            if found and (best is None or match.start() < best[0]):
                best = (match.start(), found)
            break
    return best[1] if best else None


def _numeric_date(text: str) -> Optional[str]:
    for match in _NUMERIC_ISO.finditer(text):
        found = _iso(int(match.group("y")), int(match.group("m")), int(match.group("d")), _time_after(text, match.end()))
        if found:
            return found
    for match in _NUMERIC_DAY_FIRST.finditer(text):
        found = _iso(_year(match.group("y")), int(match.group("m")), int(match.group("d")), _time_after(text, match.end()))
        if found:
            return found
    return None


# -- URLs ---------------------------------------------------------------------------------

_URL = re.compile(r"\bhttps?://[^\s<>\"'()]+", re.IGNORECASE)
_URL_YMD_NAMED = re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<mon>[a-z]{3,9})/(?P<d>\d{1,2})(?=/|$|[-_.?#])", re.IGNORECASE)
_URL_YMD = re.compile(r"/(?P<y>(?:19|20)\d{2})[/-](?P<m>\d{1,2})[/-](?P<d>\d{1,2})(?=/|$|[-_.?#])")
_URL_COMPACT = re.compile(r"(?<![\d])(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)")
_URL_YM = re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})(?=/)")


def find_urls(text: str) -> list[str]:
    """Web addresses written in `text`, in order, without trailing punctuation."""
    return [m.group(0).rstrip(".,;:!?") for m in _URL.finditer(text)]


def date_from_url(url: Optional[str]) -> Optional[str]:
    """The publication date a URL's path spells: '/2015/mar/26/', '/2015/03/26/', '2015-03-26-slug',
    '/20150326/', or the month of '/2015/03/slug'. The host is never read (it has no date)."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]*", "", url, flags=re.IGNORECASE)
    for match in _URL_YMD_NAMED.finditer(path):
        month = _month(match.group("mon"))
        found = month and _iso(int(match.group("y")), month, int(match.group("d")))
        if found:
            return found
    for pattern in (_URL_YMD, _URL_COMPACT):
        for match in pattern.finditer(path):
            found = _iso(int(match.group("y")), int(match.group("m")), int(match.group("d")))
            if found:
                return found
    for match in _URL_YM.finditer(path):
        found = _iso(int(match.group("y")), int(match.group("m")))
        if found:
            return found
    return None


# -- file names -----------------------------------------------------------------------------

#: DNA (Java DateTimeFormatter) pattern letters and what they read, longest first.
_FORMAT_FIELDS = (
    ("yyyy", r"(?P<y>\d{4})"),
    ("MMMM", r"(?P<mon>[^\W\d_]+)"),
    ("MMM", r"(?P<mon>[^\W\d_]+)"),
    ("yy", r"(?P<yy>\d{2})"),
    ("MM", r"(?P<m>\d{2})"),
    ("dd", r"(?P<d>\d{2})"),
    ("HH", r"(?P<H>\d{2})"),
    ("mm", r"(?P<M>\d{2})"),
    ("ss", r"(?P<S>\d{2})"),
    ("M", r"(?P<m>\d{1,2})"),
    ("d", r"(?P<d>\d{1,2})"),
    ("H", r"(?P<H>\d{1,2})"),
)


def _format_regex(fmt: str) -> re.Pattern[str]:
    """A DNA/Java date format ('yyyy-MM-dd HH:mm') as a regular expression with named groups."""
    out, i, seen = [], 0, set()
    while i < len(fmt):
        for letters, regex in _FORMAT_FIELDS:
            if fmt.startswith(letters, i):
                group = regex.split(">")[0][4:]
                if group in seen:
                    raise UsageError(f"date format {fmt!r} names {letters!r} twice")
                seen.add(group)
                out.append(regex)
                i += len(letters)
                break
        else:
            if fmt[i] == "'":  # a quoted literal, as in Java: 'T'
                end = fmt.find("'", i + 1)
                end = len(fmt) if end < 0 else end
                out.append(re.escape(fmt[i + 1 : end]))
                i = end + 1
            else:
                out.append(re.escape(fmt[i]))
                i += 1
    if "y" not in seen and "yy" not in seen:
        raise UsageError(f"date format {fmt!r} has no year (yyyy or yy)")
    return re.compile("".join(out))


@dataclass(frozen=True)
class NamePattern:
    """How to read a date from a file name, as DNA's batch importer does.

    Args:
        regex: finds the date in the file name (its first group if it has
            groups, else the whole match), e.g. ``\\d{4}-\\d{2}-\\d{2}``.
        fmt: how to read what was found (``yyyy-MM-dd``, ``dd.MM.yyyy``,
            ``yyyyMMdd``, ``dd MMM yyyy``); None reads it as `parse_date` would.
    """

    regex: str
    fmt: Optional[str] = None

    def __post_init__(self) -> None:
        try:
            re.compile(self.regex)
        except re.error as error:
            raise UsageError(f"--name-date {self.regex!r} is not a regular expression: {error}") from None
        if self.fmt is not None:
            _format_regex(self.fmt)

    def date_of(self, name: str) -> Optional[str]:
        """The date in `name` (a file name or relative path), or None when the pattern does not match."""
        match = re.search(self.regex, name)
        if not match:
            return None
        found = match.group(1) if match.groups() and match.group(1) is not None else match.group(0)
        if self.fmt is None:
            return parse_date(found) or parse_date(found.replace("_", "-"))
        return _read_formatted(found, _format_regex(self.fmt))


def _read_formatted(found: str, pattern: re.Pattern[str]) -> Optional[str]:
    match = pattern.fullmatch(found) or pattern.search(found)
    if not match:
        return None
    parts = match.groupdict()
    year = int(parts["y"]) if parts.get("y") else _year(parts["yy"])
    month = int(parts["m"]) if parts.get("m") else (_month(parts["mon"]) if parts.get("mon") else None)
    if parts.get("mon") and month is None:
        return None
    day = int(parts["d"]) if parts.get("d") else None
    time = (int(parts["H"]), int(parts.get("M") or 0)) if parts.get("H") and day is not None else None
    return _iso(year, month, day if month else None, time)


# -- comparing --------------------------------------------------------------------------------


def date_bounds(value: str) -> tuple[date, date]:
    """The first and last day an ISO date of any precision may mean ('2015' -> 1 Jan .. 31 Dec 2015)."""
    match = _ISO.match(value.strip())
    if not match:
        raise ValueError(f"not an ISO 8601 date: {value!r}")
    year = int(match.group("y"))
    if not match.group("m"):
        return date(year, 1, 1), date(year, 12, 31)
    month = int(match.group("m"))
    if not match.group("d"):
        following = date(year + month // 12, month % 12 + 1, 1)
        return date(year, month, 1), following - timedelta(days=1)
    day = date(year, month, int(match.group("d")))
    return day, day


def date_time(value: str) -> datetime:
    """The moment an ISO date stands for in time-ordered work (networks): its first instant."""
    match = _ISO.match(value.strip())
    if match and match.group("H"):
        return datetime(*date_bounds(value)[0].timetuple()[:3], int(match.group("H")), int(match.group("M")))
    first = date_bounds(value)[0]
    return datetime(first.year, first.month, first.day)


def user_date(value: str, option: str) -> str:
    """A date the user typed (--since, --until): ISO 8601 of any precision, or a written date."""
    text = value.strip()
    if _ISO.match(text):
        try:
            date_bounds(text)
            return text
        except ValueError:
            pass
    parsed = parse_date(text)
    if parsed is None:
        raise UsageError(f"{option} {value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return parsed


@dataclass(frozen=True)
class DateRange:
    """`--since` / `--until`: both ends inclusive, at the precision given
    (`--until 2015` keeps all of 2015). A document without a date is outside
    any range that has an end."""

    since: Optional[str] = None
    until: Optional[str] = None

    @property
    def open(self) -> bool:
        return self.since is None and self.until is None

    def __contains__(self, value: Optional[str]) -> bool:
        if self.open:
            return True
        if not value:
            return False
        try:
            first, last = date_bounds(value)
        except ValueError:
            return False
        if self.since is not None and last < date_bounds(self.since)[0]:
            return False
        if self.until is not None and first > date_bounds(self.until)[1]:
            return False
        return True

"""Moving time windows, as DNA builds them.

``--window 6m`` is DNA's time window "months" of size 6: a window is
centred on each time point t, from the first statement (or ``--since``) to
the last (or ``--until``), stepping one unit at a time; it spans
round((size − 1) / 2) units either side of t (half up, as Java rounds: 6
months reach 3 months each way, so windows overlap and each covers t − 3 to
t + 3 months, ends included). Only windows that lie wholly within the range
are kept, empty ones included, so the series has one network per step. A
month later than the 31st falls on the month's last day, as in Java's
``plusMonths``, and the step carries that day forward.
"""

from __future__ import annotations

import calendar
from bisect import bisect_left, bisect_right
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Iterator, Sequence

from argmine.errors import UsageError
from argmine.network.statements import Statement

UNITS = {"d": "days", "w": "weeks", "m": "months", "y": "years"}
_SPEC = re.compile(r"^\s*(?P<size>\d+)\s*(?P<unit>d|days?|w|weeks?|m|months?|y|years?)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class WindowSpec:
    """A window size in calendar units (days, weeks, months, years)."""

    size: int
    unit: str  # days, weeks, months, years

    @classmethod
    def parse(cls, text: str) -> "WindowSpec":
        """'6m', '2w', '30d', '1y', '6 months'."""
        match = _SPEC.match(text)
        if not match or int(match.group("size")) < 1:
            raise UsageError(f"--window {text!r}: give a size and a unit, e.g. 6m, 2w, 30d or 1y")
        return cls(int(match.group("size")), UNITS[match.group("unit")[0].lower()])

    @property
    def reach(self) -> int:
        """Units either side of the centre: round((size - 1) / 2), halves up (= size // 2)."""
        return self.size // 2

    def shift(self, moment: datetime, units: int) -> datetime:
        """`moment` moved by `units` of this window's unit (negative: back)."""
        if self.unit == "days":
            return moment + timedelta(days=units)
        if self.unit == "weeks":
            return moment + timedelta(weeks=units)
        months = units * (12 if self.unit == "years" else 1)
        return _add_months(moment, months)


def _add_months(moment: datetime, months: int) -> datetime:
    """Calendar months later (earlier), on the month's last day when the day is past it."""
    index = moment.year * 12 + moment.month - 1 + months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


@dataclass(frozen=True)
class Window:
    """One window: its centre and both ends (inclusive), with the statements it holds."""

    time: datetime
    start: datetime
    stop: datetime
    statements: tuple[Statement, ...]


def windows(statements: Sequence[Statement], spec: WindowSpec, start: datetime, stop: datetime) -> Iterator[Window]:
    """DNA's moving windows over dated statements (undated ones belong to none)."""
    dated = sorted((s for s in statements if s.when is not None), key=lambda s: (s.when, s.order))
    times = [s.when for s in dated]
    current = start
    while current <= stop:
        low, high = spec.shift(current, -spec.reach), spec.shift(current, spec.reach)
        if low >= start and high <= stop:
            inside = tuple(dated[bisect_left(times, low) : bisect_right(times, high)])  # type: ignore[arg-type]
            yield Window(time=current, start=low, stop=high, statements=inside)
        current = spec.shift(current, 1)

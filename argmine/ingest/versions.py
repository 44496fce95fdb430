"""Pages that show several versions of one article side by side.

Change-tracking sites print an article's versions as a pipe table::

    Version 0 | Version 1 |
    ---|---|
    Old title | New title |
    A paragraph both versions have | A paragraph both versions have |
    A paragraph the later version dropped | |

Each cell becomes its own unit (offsets of the cell's text in the file),
tagged with its version. Claims are read from the latest version; what only
earlier versions had is recorded, and read only when asked for.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Optional

from argmine.ingest.lines import Unit, strip_span

_HEADER_CELL = re.compile(r"(?:version|revision|rev\.?|v\.?)\s*(\d{1,3})\b.{0,40}", re.IGNORECASE)
_RULE_ROW = re.compile(r"\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?")


@dataclass
class Cell:
    start: int
    end: int
    version: int
    row: int


@dataclass
class VersionTable:
    """One version table: its furniture lines, its cells, its version numbers."""

    header: Unit
    rule: Optional[Unit]
    rows: list[Unit]
    versions: list[int]  # version number per column
    cells: list[Cell] = field(default_factory=list)

    @property
    def latest(self) -> int:
        return max(self.versions)

    @property
    def units(self) -> list[Unit]:
        return [self.header] + ([self.rule] if self.rule else []) + self.rows


def _pipe_positions(text: str) -> list[int]:
    return [i for i, ch in enumerate(text) if ch == "|"]


def _row_cells(text: str, n_columns: int, leading_pipe: bool) -> Optional[list[tuple[int, int]]]:
    """(start, end) of each column's cell inside a row's text, or None if it is no row.

    A row ends with a pipe; it starts with one only when the header does
    (Markdown style) — otherwise a pipe first means an empty first cell.
    When a cell's own text holds a pipe, the split that makes the cells most
    alike wins: versions of one paragraph are usually near-identical.
    """
    stripped = text.rstrip()
    if not stripped.endswith("|"):
        return None
    pipes = _pipe_positions(stripped)
    left = 0
    if leading_pipe:
        if not stripped.lstrip().startswith("|") or len(pipes) < 2:
            return None
        left = pipes[0] + 1
        pipes = pipes[1:]
    inner, last = pipes[:-1], pipes[-1]
    if len(inner) < n_columns - 1:
        return None
    if len(inner) > n_columns - 1:
        spaced = [p for p in inner if (p == 0 or text[p - 1] == " ") and (p + 1 < len(text) and text[p + 1] == " ")]
        if len(spaced) >= n_columns - 1:
            inner = spaced
        if len(inner) > n_columns - 1:
            if n_columns == 2 and len(inner) <= 12 and last <= 20000:
                inner = [max(inner, key=lambda p: difflib.SequenceMatcher(None, text[left:p], text[p + 1 : last]).ratio())]
            elif n_columns == 2:  # too many to compare: the pipe nearest the middle
                inner = [min(inner, key=lambda p: abs((p - left) - (last - p - 1)))]
            else:
                inner = inner[: n_columns - 1]
    bounds = [left] + [p + 1 for p in inner]
    ends = inner + [last]
    return list(zip(bounds, ends))


def _header_versions(text: str) -> Optional[list[int]]:
    stripped = text.strip()
    if "|" not in stripped:
        return None
    cells = [c.strip() for c in stripped.strip("|").split("|")]
    cells = [c for c in cells if c]
    if len(cells) < 2:
        return None
    numbers = []
    for cell in cells:
        match = _HEADER_CELL.fullmatch(cell)
        if not match:
            return None
        numbers.append(int(match.group(1)))
    return numbers if len(set(numbers)) == len(numbers) else None


def find_version_tables(text: str, units: list[Unit]) -> list[VersionTable]:
    """Every version table among the units (rows must follow the header without a gap)."""
    tables: list[VersionTable] = []
    i = 0
    while i < len(units):
        versions = _header_versions(units[i].text)
        if versions is None:
            i += 1
            continue
        table = VersionTable(header=units[i], rule=None, rows=[], versions=versions)
        j = i + 1
        if j < len(units) and _RULE_ROW.fullmatch(units[j].text.strip()):
            table.rule = units[j]
            j += 1
        while j < len(units):
            unit = units[j]
            leading = units[i].text.lstrip().startswith("|")
            spans = _row_cells(unit.text, len(versions), leading) if "\n" not in unit.text else None
            if spans is None:
                break
            row = len(table.rows)
            for column, (cell_start, cell_end) in enumerate(spans):
                start, end = strip_span(text, unit.start + cell_start, unit.start + cell_end)
                if start < end:
                    table.cells.append(Cell(start, end, versions[column], row))
            table.rows.append(unit)
            j += 1
        if table.rows:
            tables.append(table)
            i = j
        else:
            i += 1
    return tables


def same_text(a: str, b: str) -> bool:
    """Versions of a paragraph that differ only in spacing count as the same paragraph."""
    return " ".join(a.split()) == " ".join(b.split())

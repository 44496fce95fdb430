"""This evaluation beside a saved earlier one: the figures, row by row, with their changes.

A developer saves `argmine evaluate ... --format json > before.json`, changes a
rule, and runs `argmine evaluate ... --compare before.json`: every headline
figure of the total, of each genre and target, and of each document is set
beside its earlier value. Rows are matched by name; rows only one run has are
listed. Both reports must be of one kind (claim gold, or attribution gold).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional, Union

from pydantic import BaseModel, Field, ValidationError

from argmine.attribution_scores import AttributionReport, AttributionScores
from argmine.errors import InputError, UsageError
from argmine.evaluate import DocumentScores, EvaluationReport, Report

Row = Union[DocumentScores, AttributionScores]


class FigureChange(BaseModel):
    """One figure now and before; `delta` is now - before (None when either is undefined)."""

    figure: str
    now: Optional[Union[int, float]] = None
    before: Optional[Union[int, float]] = None
    delta: Optional[Union[int, float]] = None


class RowChange(BaseModel):
    """The figures of one row (TOTAL, a genre, a target or a document) in both runs."""

    row: str
    figures: list[FigureChange] = Field(default_factory=list)


class Comparison(BaseModel):
    """Every row both runs have, with the rows only one of them has."""

    against: str = Field(description="The earlier report's file.")
    rows: list[RowChange] = Field(default_factory=list)
    only_now: list[str] = Field(default_factory=list)
    only_before: list[str] = Field(default_factory=list)


def load_report(path: Path) -> Report:
    """A JSON report saved by `argmine evaluate --format json`.

    Raises:
        InputError: the file cannot be read, or is not such a report.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the earlier report ({exc.__class__.__name__})") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not a JSON report: {exc.msg} (line {exc.lineno})") from None
    if not isinstance(data, dict) or "total" not in data:
        raise InputError(f"{path}: not a report of argmine evaluate --format json")
    model = AttributionReport if data.get("kind") == "attribution" else EvaluationReport
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InputError(f"{path}: not a report of argmine evaluate --format json ({exc.error_count()} problems)") from None


def named_rows(report: Report) -> dict[str, Row]:
    """The report's rows by the name they are compared under."""
    rows: dict[str, Row] = {"TOTAL": report.total}
    if isinstance(report, EvaluationReport):
        rows.update({f"genre: {row.doc}": row for row in report.by_genre})
        rows.update({f"target: {row.doc}": row for row in report.by_target})
    rows.update({row.doc: row for row in report.documents})
    return rows


def _change(figure: str, now: Optional[float], before: Optional[float]) -> FigureChange:
    delta = None if now is None or before is None else round(now - before, 6)
    return FigureChange(figure=figure, now=now, before=before, delta=delta)


def compare_reports(now: Report, before: Report, against: str = "") -> Comparison:
    """Set each row's figures beside the earlier report's.

    Raises:
        UsageError: one report scores claim gold and the other attribution gold.
    """
    if type(now) is not type(before):
        raise UsageError(f"{against or 'the earlier report'} scores {report_kind(before)} gold, this run {report_kind(now)} gold")
    rows_now, rows_before = named_rows(now), named_rows(before)
    comparison = Comparison(against=against)
    for name, row in rows_now.items():
        if name not in rows_before:
            comparison.only_now.append(name)
            continue
        earlier = rows_before[name].figures()
        figures = [_change(figure, value, earlier.get(figure)) for figure, value in row.figures().items()]
        comparison.rows.append(RowChange(row=name, figures=figures))
    comparison.only_before = [name for name in rows_before if name not in rows_now]
    return comparison


def report_kind(report: Report) -> str:
    return "attribution" if isinstance(report, AttributionReport) else "claim"

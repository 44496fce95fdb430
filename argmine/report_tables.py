"""`argmine evaluate`'s report as a reader sees it: Rich tables, or the JSON report.

Rendering only: the figures are computed in `argmine.evaluate` (claim gold) and
`argmine.attribution_scores` (brat attribution gold), the changes in
`argmine.compare`. Tables: per document, per genre and per target, the total;
the stance confusion with each label's F1; the comparison with an earlier run.
The JSON report holds everything, every mistake included.
"""

from __future__ import annotations

import json
from typing import IO, Any, Optional, Sequence

from argmine.attribution_scores import AttributionReport, AttributionScores
from argmine.compare import Comparison, FigureChange
from argmine.evaluate import DocumentScores, EvaluationReport, Report
from argmine.records import STANCES


_CLAIM_CAPTION = (
    "Attr: attributed claims · Author: the writer's own claims · Mode: direct/indirect accuracy · "
    "Spk: speakers · Dup: duplicates"
)
_ATTRIBUTION_CAPTION = (
    "Whole: content and source overlap · Content: content overlap · Source, Cue: agreement on "
    "content-overlap pairs (PolNeAR's measures)"
)


def figures(*values: Optional[float]) -> str:
    """Ratios as 0.00/0.00, a dash where undefined."""
    return "/".join("–" if v is None else f"{v:.2f}" for v in values)


def _table(title: str, caption: str, first: str, columns: Sequence[str]) -> Any:
    from rich import box
    from rich.table import Table

    table = Table(title=title, title_justify="left", caption=caption, caption_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(first, overflow="fold", min_width=8)
    for column in columns:
        table.add_column(column, justify="right", no_wrap=True)
    return table


def _claim_cells(row: DocumentScores) -> list[str]:
    return [
        figures(row.attributed.precision, row.attributed.recall, row.attributed.f1),
        figures(row.author.precision, row.author.recall),
        figures(row.stance.macro_f1),
        figures(row.mode.accuracy),
        figures(row.speakers.precision, row.speakers.recall),
        str(row.duplicates),
    ]


_CLAIM_COLUMNS = ("Attr P/R/F1", "Author P/R", "Stance F1", "Mode", "Spk P/R", "Dup")


def _claim_table(report: EvaluationReport) -> Any:
    table = _table(f"argmine evaluate — gold {report.gold_dir}", _CLAIM_CAPTION, "Document", _CLAIM_COLUMNS)
    for row in report.documents:
        table.add_row(row.doc, *_claim_cells(row), end_section=row is report.documents[-1])
    table.add_row(report.total.doc, *_claim_cells(report.total), style="bold")
    return table


def _group_table(title: str, rows: list[DocumentScores]) -> Any:
    table = _table(title, "", "Group", ("Docs", *_CLAIM_COLUMNS))
    for row in rows:
        table.add_row(row.doc, str(row.documents), *_claim_cells(row))
    return table


def _stance_table(report: EvaluationReport) -> Any:
    stance = report.total.stance
    table = _table("Stance: gold (rows) × predicted (columns)", f"{stance.pairs} matched pairs with a scored stance", "gold", (*STANCES, "F1"))
    scores = stance.per_label_f1
    for gold_label in STANCES:
        cells = [str(stance.confusion.get(gold_label, {}).get(p, 0)) for p in STANCES]
        table.add_row(gold_label, *cells, figures(scores.get(gold_label)))
    return table


def _attribution_cells(row: AttributionScores) -> list[str]:
    return [
        figures(row.whole.precision, row.whole.recall, row.whole.f1),
        figures(row.content.precision, row.content.recall, row.content.f1),
        figures(row.source.accuracy),
        figures(row.cue.accuracy),
        f"{row.content.predicted}/{row.content.gold}",
    ]


def _attribution_table(report: AttributionReport) -> Any:
    columns = ("Whole P/R/F1", "Content P/R/F1", "Source", "Cue", "Pred/Gold")
    table = _table(f"argmine evaluate — attribution gold {report.gold_dir}", _ATTRIBUTION_CAPTION, "Document", columns)
    for row in report.documents:
        table.add_row(row.doc, *_attribution_cells(row), end_section=row is report.documents[-1])
    table.add_row(report.total.doc, *_attribution_cells(report.total), style="bold")
    return table


def _comparison_tables(comparison: Comparison) -> list[Any]:
    """The total's figures before and now; then every changed figure of the other rows."""
    total = next((row for row in comparison.rows if row.row == "TOTAL"), None)
    shown = []
    if total is not None:
        table = _table(f"Compared with {comparison.against}: TOTAL", "", "Figure", ("Before", "Now", "Change"))
        for f in total.figures:
            table.add_row(f.figure, _number(f.before), _number(f.now), _delta(f.delta))
        shown.append(table)
    changed = [(row.row, f) for row in comparison.rows if row.row != "TOTAL" for f in row.figures if _differs(f)]
    if changed:
        table = _table("Changed rows (genres, targets, documents)", "", "Row", ("Figure", "Before", "Now", "Change"))
        for name, f in changed:
            table.add_row(name, f.figure, _number(f.before), _number(f.now), _delta(f.delta))
        shown.append(table)
    return shown


def _differs(change: FigureChange) -> bool:
    return bool(change.delta) or (change.now is None) != (change.before is None)


def _number(value: Optional[float]) -> str:
    if value is None:
        return "–"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _delta(delta: Optional[float]) -> str:
    if delta is None:
        return "–"
    return f"{delta:+.3f}" if isinstance(delta, float) else f"{delta:+d}"


def _notes(report: Report, mistakes: int) -> list[str]:
    lines = []
    if report.documents_without_gold:
        lines.append(f"Not scored (no gold file): {', '.join(report.documents_without_gold)}")
    if report.gold_without_documents:
        lines.append(f"Gold files left out (article not read): {', '.join(report.gold_without_documents)}")
    if mistakes:
        lines.append(f"{mistakes} mistakes (misses, false positives, ...) are listed in the JSON report (--format json).")
    return lines


def _renderables(report: Report, comparison: Optional[Comparison]) -> list[Any]:
    if isinstance(report, AttributionReport):
        shown: list[Any] = [_attribution_table(report)]
    else:
        shown = [_claim_table(report)]
        if len(report.by_genre) > 1 or any(row.doc != "-" for row in report.by_genre):
            shown.append(_group_table("By genre", report.by_genre))
        if len(report.by_target) > 1:
            shown.append(_group_table("By target", report.by_target))
        shown.append(_stance_table(report))
    if comparison is not None:
        shown += _comparison_tables(comparison)
        for label, names in (("Only in this run", comparison.only_now), ("Only in the earlier run", comparison.only_before)):
            if names:
                shown.append(f"{label}: {', '.join(names)}")
    return shown + _notes(report, len(report.mistakes))


def write_table(report: Report, fp: IO[str], comparison: Optional[Comparison] = None) -> None:
    """The report as Rich tables (no colour codes when `fp` is not a terminal)."""
    from rich.console import Console

    console = Console(file=fp, highlight=False)
    for renderable in _renderables(report, comparison):
        console.print(renderable)


def write_json(report: Report, fp: IO[str], comparison: Optional[Comparison] = None) -> None:
    """The whole report as JSON; with a comparison, under the extra key `comparison`."""
    data = report.model_dump(mode="json")
    if comparison is not None:
        data["comparison"] = comparison.model_dump(mode="json")
    fp.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")

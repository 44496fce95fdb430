"""`argmine evaluate`: score extraction against a folder of gold annotations."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from argmine.cli.app import app
from argmine.cli.messages import reported_errors, stdout_is_terminal, warn
from argmine.cli.options import STANCES, JobsOption, OutputOption, StoreOption, TargetOption, Versions, VersionsOption
from argmine.cli.runs import claim_groups
from argmine.output import atomic_output


class EvaluateFormat(str, Enum):
    """`evaluate` writes a report, not records: a table or the JSON report."""

    table = "table"
    json = "json"


@app.command()
def evaluate(
    gold: Annotated[
        Path,
        typer.Option("--gold", "-g", exists=True, file_okay=False, show_default=False, help="Folder of gold JSON files."),
    ],
    paths: Annotated[list[Path], typer.Argument(show_default=False, help="The articles the gold files annotate.")],
    fmt: Annotated[
        Optional[EvaluateFormat],
        typer.Option("--format", "-f", case_sensitive=False, show_default=False, help="table or json."),
    ] = None,
    output: OutputOption = None,
    store: StoreOption = None,
    target: TargetOption = None,
    versions: VersionsOption = Versions.latest,
    jobs: JobsOption = 1,
) -> None:
    """Score extraction against gold annotations: precision, recall, stance F1.

    Example: argmine evaluate --gold gold/seeds seeds/
    """
    with reported_errors():
        from argmine.evaluate import evaluate as score

        groups = claim_groups([str(p) for p in paths], store=store, target=target, versions=versions, jobs=jobs)
        claims = [c for g in groups for c in g.claims]
        documents = [g.document for g in groups if g.document is not None]
        report = score(gold, claims, documents)
        for warning in report.warnings:
            warn(warning)
        as_json = fmt is EvaluateFormat.json or (
            fmt is None and (output is not None and output.suffix.lower() == ".json" or output is None and not stdout_is_terminal())
        )
        with atomic_output(output) as fp:
            if as_json:
                fp.write(report.model_dump_json(indent=2) + "\n")
            else:
                _print_report(report, fp)


def _print_report(report: Any, fp: Any) -> None:
    """The evaluation as Rich tables: per document and total, then the stance confusion."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    def figures(*values: Optional[float]) -> str:
        return "/".join("–" if v is None else f"{v:.2f}" for v in values)

    console = Console(file=fp, highlight=False)
    table = Table(
        title=f"argmine evaluate — gold {report.gold_dir}",
        title_justify="left",
        caption="Attr: attributed claims · Author: the writer's own claims · Mode: direct/indirect "
        "accuracy · Spk: speakers · Dup: duplicates",
        caption_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    table.add_column("Document", overflow="fold", min_width=8)
    for column in ("Attr P/R/F1", "Author P/R", "Stance F1", "Mode", "Spk P/R", "Dup"):
        table.add_column(column, justify="right", no_wrap=True)
    for row in [*report.documents, report.total]:
        table.add_row(
            row.doc,
            figures(row.attributed.precision, row.attributed.recall, row.attributed.f1),
            figures(row.author.precision, row.author.recall),
            figures(row.stance.macro_f1),
            figures(row.mode.accuracy),
            figures(row.speakers.precision, row.speakers.recall),
            str(row.duplicates),
            style="bold" if row is report.total else None,
            end_section=bool(report.documents) and row is report.documents[-1],
        )
    console.print(table)
    confusion = report.total.stance.confusion
    matrix = Table(title="Stance: gold (rows) × predicted (columns)", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    matrix.add_column("gold")
    for label in STANCES:
        matrix.add_column(label, justify="right")
    for gold_label in STANCES:
        matrix.add_row(gold_label, *(str(confusion.get(gold_label, {}).get(p, 0)) for p in STANCES))
    console.print(matrix)
    if report.documents_without_gold:
        console.print(f"Not scored (no gold file): {', '.join(report.documents_without_gold)}")
    if report.gold_without_documents:
        console.print(f"Gold files left out (article not read): {', '.join(report.gold_without_documents)}")

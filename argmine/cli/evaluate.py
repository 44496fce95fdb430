"""`argmine evaluate`: score extraction against a folder of gold annotations."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from argmine.cli.app import app
from argmine.cli.messages import reported_errors, stdout_is_terminal, warn
from argmine.cli.options import JobsOption, OutputOption, StoreOption, TargetOption, Versions, VersionsOption
from argmine.cli.runs import claim_groups
from argmine.output import ReportFormat, atomic_output, choose_report_format, write_report


@app.command()
def evaluate(
    gold: Annotated[
        Path,
        typer.Option("--gold", "-g", exists=True, file_okay=False, show_default=False, help="Folder of gold JSON files."),
    ],
    paths: Annotated[list[Path], typer.Argument(show_default=False, help="The articles the gold files annotate.")],
    fmt: Annotated[
        Optional[ReportFormat],
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
        chosen = choose_report_format(fmt, output, stdout_is_terminal())
        with atomic_output(output) as fp:
            write_report(report, chosen, fp)

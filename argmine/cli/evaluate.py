"""`argmine evaluate`: score extraction against a folder of gold annotations (claim gold
files, or brat attribution gold), optionally beside an earlier report."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from argmine.cli.app import app
from argmine.cli.help import ArgmineCommand
from argmine.cli.messages import reported_errors, stdout_is_terminal, warn
from argmine.cli.options import JobsOption, OutputOption, StoreOption, OneTargetOption, Versions, VersionsOption
from argmine.cli.runs import claim_groups
from argmine.output import ReportFormat, atomic_output, choose_report_format, write_report

if TYPE_CHECKING:  # pragma: no cover
    from argmine.report_tables import Report
    from argmine.results import DocumentResult

GoldOption = Annotated[
    Path,
    typer.Option(
        "--gold",
        "-g",
        metavar="FOLDER",
        exists=True,
        file_okay=False,
        show_default=False,
        help="Folder of gold JSON files, or of brat attribution gold (*.ann; PolNeAR's text/ + attributions/).",
    ),
]
GoldTextsArgument = Annotated[
    Optional[list[Path]],
    typer.Argument(
        metavar="PATH...|-",
        show_default=False,
        help="The articles the gold annotates (default: the gold folder's texts/, or a brat folder's own "
        "texts); - reads claim records from stdin.",
    ),
]
CompareOption = Annotated[
    Optional[Path],
    typer.Option(
        "--compare",
        metavar="REPORT",
        exists=True,
        dir_okay=False,
        show_default=False,
        help="A report saved earlier with --format json: show each figure's change.",
    ),
]


@app.command("evaluate", cls=ArgmineCommand)
def evaluate_command(
    gold: GoldOption,
    paths: GoldTextsArgument = None,
    fmt: Annotated[
        Optional[ReportFormat],
        typer.Option("--format", "-f", metavar="table|json", case_sensitive=False, show_default=False, help="table or json."),
    ] = None,
    output: OutputOption = None,
    compare: CompareOption = None,
    store: StoreOption = None,
    target: OneTargetOption = None,
    versions: VersionsOption = Versions.latest,
    jobs: JobsOption = 1,
) -> None:
    """Score extraction against gold annotations: precision, recall, stance F1; or, on brat
    gold, attribution overlap as PolNeAR reports it. Each document is read with the target
    its gold file names (a gold folder may carry targets/NAME.json) unless --target is given.

    Example: argmine evaluate --gold gold/seeds seeds/
    """
    with reported_errors():
        from argmine.compare import compare_reports, load_report

        chosen = choose_report_format(fmt, output, stdout_is_terminal())  # a bad --output fails before any work
        before = load_report(compare) if compare is not None else None
        report = _evaluation(gold, paths, store=store, target=target, versions=versions, jobs=jobs)
        comparison = compare_reports(report, before, str(compare)) if before is not None else None
        for warning in report.warnings:
            warn(warning)
        with atomic_output(output) as fp:
            write_report(report, chosen, fp, comparison)


def _evaluation(
    gold: Path, paths: Optional[list[Path]], *, store: Optional[Path], target: Optional[str], versions: Versions, jobs: int
) -> "Report":
    """The report on a gold folder: claims from stdin, or extracted (each document with its gold's target)."""
    from argmine.gold_sets import evaluate_folder, score_records

    sources = [str(p) for p in paths or []]
    if "-" in sources:
        groups = claim_groups(sources, store=store, target=target, versions=versions, jobs=jobs)
        return score_records(gold, [c for g in groups for c in g.claims])

    def extract(files: list[Path], chosen: str) -> "list[DocumentResult]":
        return claim_groups([str(f) for f in files], store=store, target=chosen, versions=versions, jobs=jobs)

    return evaluate_folder(gold, paths or None, extract, target)

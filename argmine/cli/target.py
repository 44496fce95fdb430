"""`argmine target ...`: commands about stance targets (``target check``), a Typer sub-app on `app`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from argmine.cli.app import app
from argmine.cli.messages import reported_errors, stdout_is_terminal, warn
from argmine.cli.options import OutputOption
from argmine.output import ReportFormat, atomic_output, choose_report_format

target_app = typer.Typer(no_args_is_help=True, pretty_exceptions_show_locals=False, add_completion=False,
                         rich_markup_mode=None, help="Check and improve stance targets.")
app.add_typer(target_app, name="target")


@target_app.command()
def check(
    file: Annotated[str, typer.Argument(show_default=False, help="The target: a JSON/TOML file or a bundled name.")],
    paths: Annotated[list[Path], typer.Argument(show_default=False, help="Articles or folders to check it on.")],
    fmt: Annotated[
        Optional[ReportFormat],
        typer.Option("--format", "-f", case_sensitive=False, show_default=False, help="table or json."),
    ] = None,
    output: OutputOption = None,
    candidates: Annotated[int, typer.Option("--candidates", min=0, help="How many candidate terms to list.")] = 20,
) -> None:
    """Which of a target's terms occur in your corpus, which claims they touch, and which
    noun phrases the corpus uses near them (candidate terms, ranked by association).

    Example: argmine target check my-target.json articles/
    """
    with reported_errors():
        from argmine.target import load_target
        from argmine.target_check import check_target, read_corpus

        target = load_target(file)
        skipped: list[str] = []
        report = check_target(target, read_corpus(paths, file, skipped), candidates=candidates)
        for line in skipped:
            warn(f"skipped {line}")
        chosen = choose_report_format(fmt, output, stdout_is_terminal())
        with atomic_output(output) as fp:
            if chosen is ReportFormat.json:
                fp.write(report.model_dump_json(indent=2) + "\n")
            else:
                _print_check(report, fp)


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _print_check(report: Any, fp: Any) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    console = Console(file=fp, highlight=False, width=120)
    console.print(f"Target {report.target}: {report.documents} documents, {report.sentences_with_target} of "
                  f"{report.sentences} sentences and {report.claims_with_target} of {report.claims} claims mention it.")
    terms = Table(title="Terms found", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    for column, justify in (("term", "left"), ("side", "left"), ("times", "right"), ("docs", "right"),
                            ("claims", "right"), ("a claim it touches", "left")):
        terms.add_column(column, justify=justify, no_wrap=column != "term")
    for use in report.terms:
        terms.add_row(use.term, use.side, str(use.occurrences), str(use.documents), str(use.claims),
                      _clip(use.examples[0]) if use.examples else "")
    console.print(terms)
    if report.unused:
        console.print(f"Never found ({len(report.unused)}): " + ", ".join(report.unused))
    table = Table(title="Candidate terms (noun phrases in sentences that mention the target)", title_justify="left",
                  box=box.SIMPLE_HEAD, pad_edge=False)
    for column in ("phrase", "with target", "in all", "G²"):
        table.add_column(column, justify="left" if column == "phrase" else "right")
    for c in report.candidates:
        table.add_row(c.phrase, str(c.with_target), str(c.total), f"{c.score:.1f}")
    console.print(table)

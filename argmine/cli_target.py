"""`argmine target ...`: commands about stance targets (``target check``).

Kept in its own module (a Typer sub-app that ``argmine.cli`` mounts) so that
it moves as one piece into the CLI package.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

target_app = typer.Typer(no_args_is_help=True, pretty_exceptions_show_locals=False,
                         help="Check and improve stance targets.")


class CheckFormat(str, Enum):
    """`target check` writes a report: a table or JSON."""

    table = "table"
    json = "json"


@target_app.command()
def check(
    file: Annotated[str, typer.Argument(show_default=False, help="The target: a JSON/TOML file or a bundled name.")],
    paths: Annotated[list[Path], typer.Argument(show_default=False, help="Articles or folders to check it on.")],
    fmt: Annotated[
        Optional[CheckFormat],
        typer.Option("--format", "-f", case_sensitive=False, show_default=False, help="table or json."),
    ] = None,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", show_default=False, help="Write to FILE instead of stdout."),
    ] = None,
    candidates: Annotated[int, typer.Option("--candidates", min=0, help="How many candidate terms to list.")] = 20,
) -> None:
    """Which of a target's terms occur in your corpus, which claims they touch, and which
    noun phrases the corpus uses near them (candidate terms, ranked by association).

    Example: argmine target check my-target.json articles/
    """
    from argmine.cli import _stdout_is_terminal, reported_errors, warn
    from argmine.output import atomic_output

    with reported_errors():
        from argmine.target import load_target
        from argmine.target_check import check_target, read_corpus

        target = load_target(file)
        skipped: list[str] = []
        report = check_target(target, read_corpus(paths, file, skipped), candidates=candidates)
        for line in skipped:
            warn(f"skipped {line}")
        as_json = fmt is CheckFormat.json or (fmt is None and output is None and not _stdout_is_terminal())
        with atomic_output(output) as fp:
            if as_json:
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

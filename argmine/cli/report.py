"""`argmine report`: one self-contained HTML page of the claims (from the store, stdin or paths)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from argmine.cli.app import app
from argmine.cli.help import ArgmineCommand
from argmine.cli.messages import note, reported_errors
from argmine.cli.options import ClaimSourceArgument, JobsOption, StoreOption, Versions, VersionsOption
from argmine.errors import ArgmineError, UsageError


@app.command(cls=ArgmineCommand)
def report(
    sources: ClaimSourceArgument = None,
    output: Annotated[Path, typer.Option("--output", "-o", metavar="FILE", dir_okay=False, show_default=False, help="The HTML file to write (- for stdout).")] = None,  # type: ignore[assignment]
    target: Annotated[Optional[list[str]], typer.Option("--target", "-t", metavar="NAME", show_default=False, help="Only these targets (repeatable). Default: every target.")] = None,
    title: Annotated[str, typer.Option("--title", metavar="TEXT", help="The page's title.")] = "argmine report",
    store: StoreOption = None,
    versions: VersionsOption = Versions.latest,
    jobs: JobsOption = 1,
) -> None:
    """A static HTML page: documents with claims highlighted by stance, actors, and each target's network.

    Self-contained: no script, font or external URL; open it offline, mail it, archive it.

    Example: argmine report -o report.html
    """
    with reported_errors():
        if output is None:
            raise UsageError("name the page to write: -o report.html (or -o - for stdout)")
        from argmine.cli.network import network_claims
        from argmine.output import atomic_output
        from argmine.report.content import report_content
        from argmine.report.page import render_page

        with network_claims(sources, store=store, targets=target, versions=versions, jobs=jobs) as (found, targets):
            content = report_content(found, targets=targets)
            if not content.documents:
                raise ArgmineError("no claims to report: run `argmine extract PATH...` first")
            page = render_page(content, title)
        with atomic_output(output) as fp:
            fp.write(page)
        note(f"{len(content.documents)} documents, {len(content.claims())} claims, {len(content.actors)} actors")

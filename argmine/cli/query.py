"""`argmine who-said` and `argmine actors`: questions answered from the store (or stdin, or paths).

These commands never import spaCy: they start fast and read only the claim
records they print.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from argmine import query
from argmine.cli.app import app
from argmine.cli.help import ArgmineCommand
from argmine.cli.messages import note, reported_errors, stdout_is_terminal
from argmine.cli.options import (
    ClaimSourceArgument,
    FormatOption,
    JobsOption,
    KindChoice,
    ModeChoice,
    OutputOption,
    StanceChoice,
    StoreOption,
    QueryTargetOption,
    Versions,
    VersionsOption,
)
from argmine.cli.render import write
from argmine.cli.runs import query_claims, store_path
from argmine.errors import ArgmineError
from argmine.vocabulary import ACTOR_KINDS, MODES, STANCES
from argmine.output import choose_format


@app.command("who-said", cls=ArgmineCommand)
def who_said_command(
    actor: Annotated[
        str, typer.Option("--actor", "-a", metavar="NAME", show_default=False, help="Name, surname or alias; titles optional.")
    ],
    sources: ClaimSourceArgument = None,
    stance: Annotated[
        Optional[list[StanceChoice]],  # type: ignore[valid-type]
        typer.Option("--stance", "-s", metavar="|".join(STANCES), case_sensitive=False, show_default=False, help="Only these stances (repeatable)."),
    ] = None,
    mode: Annotated[
        Optional[list[ModeChoice]],  # type: ignore[valid-type]
        typer.Option("--mode", "-m", metavar="|".join(MODES), case_sensitive=False, show_default=False, help="Only these modes (repeatable)."),
    ] = None,
    doc: Annotated[
        Optional[list[str]],
        typer.Option("--doc", "-d", metavar="NAME", show_default=False, help="Only documents whose name is, starts with or globs this."),
    ] = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    store: StoreOption = None,
    target: QueryTargetOption = None,
    versions: VersionsOption = Versions.latest,
    jobs: JobsOption = 1,
) -> None:
    """What an actor claimed, and with which stance.

    Answers from the store (what `extract` found) unless given paths, or -
    to read claim records from stdin.

    Example: argmine extract seeds/ -f jsonl | argmine who-said --actor Coffey -
    """
    with reported_errors():
        choose_format(fmt, output, stdout_is_terminal())  # a bad --output fails before any work
        with query_claims(sources, store=store, target=target, versions=versions, jobs=jobs) as found:
            if not found.rows:
                raise ArgmineError(_no_claims_message(sources, store))
            results = query.who_said(
                found,
                actor,
                stances={s.value for s in stance} if stance else None,
                modes={m.value for m in mode} if mode else None,
                docs=doc,
            )
            count = write(results, fmt, output)
        if count == 0:
            note(f"no claims by {actor} about {found.target} match these filters")


def _no_claims_message(sources: Optional[list[str]], store: Optional[Path]) -> str:
    if sources == ["-"]:
        return "no claim records on stdin"
    if sources:
        return f"no claims found in {', '.join(sources)}"
    return f"no claims in the store {store_path(store)}: run `argmine extract PATH...` first"


@app.command(cls=ArgmineCommand)
def actors(
    sources: ClaimSourceArgument = None,
    kind: Annotated[
        Optional[list[KindChoice]],  # type: ignore[valid-type]
        typer.Option("--kind", "-k", metavar="|".join(ACTOR_KINDS), case_sensitive=False, show_default=False, help="Only these kinds (repeatable)."),
    ] = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    store: StoreOption = None,
    target: QueryTargetOption = None,
    versions: VersionsOption = Versions.latest,
    jobs: JobsOption = 1,
) -> None:
    """One row per actor: kind, roles, documents, claims and stance mix.

    The same actor is merged across documents by name and kind; an actor's
    stance counts its claims (mixed counts half each way; two thirds decide).

    Example: argmine actors -f csv -o actors.csv
    """
    with reported_errors():
        choose_format(fmt, output, stdout_is_terminal())  # a bad --output fails before any work
        with query_claims(sources, store=store, target=target, versions=versions, jobs=jobs) as found:
            from argmine.records import ActorSummary

            summaries = query.actor_summaries(found, kinds={k.value for k in kind} if kind else None)
            about = {"query": {"target": found.target}} if found.target else None
            count = write(summaries, fmt, output, model=ActorSummary, extra=about)
        if count == 0:
            note("no actors found")

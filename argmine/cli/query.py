"""`argmine who-said` and `argmine actors`: questions answered from the store (or stdin, or paths).

These commands never import spaCy: they start fast and read only the claim
records they print.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

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
    SinceOption,
    UntilOption,
    Versions,
    VersionsOption,
)
from argmine.cli.render import write
from argmine.cli.runs import query_claims, store_path
from argmine.errors import ArgmineError
from argmine.vocabulary import ACTOR_KINDS, MODES, STANCES
from argmine.output import choose_format

if TYPE_CHECKING:  # pragma: no cover
    from argmine.dates import DateRange


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
    since: SinceOption = None,
    until: UntilOption = None,
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
        span = date_range(since, until)
        with query_claims(sources, store=store, target=target, versions=versions, jobs=jobs) as found:
            if not found.rows:
                raise ArgmineError(_no_claims_message(sources, store))
            rows = query.actor_rows(
                found,
                actor,
                stances={s.value for s in stance} if stance else None,
                modes={m.value for m in mode} if mode else None,
                docs=doc,
            )
            results = query.grouped(found, dated(replace(found, rows=rows), span).rows)
            count = write(results, fmt, output)
        if count == 0:
            note(f"no claims by {actor} about {found.target} match these filters")


def date_range(since: Optional[str], until: Optional[str]) -> "DateRange":
    """--since and --until as a DateRange (a bad date, or an end before the start: a usage error)."""
    from argmine.dates import DateRange, date_bounds, user_date
    from argmine.errors import UsageError

    span = DateRange(user_date(since, "--since") if since else None, user_date(until, "--until") if until else None)
    if span.since and span.until and date_bounds(span.since)[0] > date_bounds(span.until)[1]:
        raise UsageError(f"--since {since} is after --until {until}")
    return span


def dated(found: "query.ClaimSource", span: "DateRange") -> "query.ClaimSource":
    """The claims within --since/--until; a note says how many undated ones were left out."""
    kept = query.in_date_range(found, span)
    if kept.undated:
        note(f"{kept.undated} claim{'s' if kept.undated != 1 else ''} from undated documents left out "
             "(--since/--until keep dated documents only)")
    return kept.source


def once(found: "query.ClaimSource") -> "query.ClaimSource":
    """Near-duplicate documents counted once; a note says how many claims that left out."""
    kept = query.once_per_story(found)
    if kept.copies:
        note(f"{kept.copies} claim{'s' if kept.copies != 1 else ''} of near-duplicate documents counted once "
             "(--include-duplicates counts every copy)")
    return kept.source


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
    since: SinceOption = None,
    until: UntilOption = None,
    include_duplicates: Annotated[
        bool,
        typer.Option(
            "--include-duplicates",
            help="Count the claims of near-duplicate documents (syndicated copies, a page saved twice) "
            "once per copy. Default: once, as the first copy read.",
        ),
    ] = False,
    versions: VersionsOption = Versions.latest,
    jobs: JobsOption = 1,
) -> None:
    """One row per actor: kind, roles, documents, claims and stance mix.

    The same actor is merged across documents by name and kind; an actor's
    stance counts its claims (mixed counts half each way; two thirds decide).
    Claims about several targets (extract --target A --target B) give a row
    per actor and target, grouped by target; --target picks one.

    Example: argmine actors -f csv -o actors.csv
    """
    with reported_errors():
        choose_format(fmt, output, stdout_is_terminal())  # a bad --output fails before any work
        span = date_range(since, until)
        with query_claims(sources, store=store, target=target, versions=versions, jobs=jobs, every_target=True) as found:
            from argmine.records import ActorSummary

            found = dated(found, span) if include_duplicates else once(dated(found, span))
            summaries = query.actor_summaries(found, kinds={k.value for k in kind} if kind else None)
            about = {"query": {"target": found.target}} if found.target else None
            count = write(summaries, fmt, output, model=ActorSummary, extra=about)
        if count == 0:
            note("no actors found")

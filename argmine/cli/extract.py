"""`argmine extract`: read articles, run the pipeline (through the store's cache), print the claims."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from argmine.cli.app import app
from argmine.cli.help import ArgmineCommand
from argmine.cli.messages import fail, note, reported_errors, stderr_console, stdout_is_terminal
from argmine.cli.options import (
    Engine,
    EngineOption,
    FormatOption,
    IdColumnOption,
    JobsOption,
    MetaOption,
    MetadataOption,
    NameDateFormatOption,
    NameDateOption,
    TextColumnOption,
    MaxBytesOption,
    OutputOption,
    SchedulerOption,
    ShardsOption,
    StoreOption,
    TargetOption,
    Versions,
    VersionsOption,
)
from argmine.cli.progress import Progress
from argmine.cli.runs import (
    check_output_is_not_input,
    corpus_options,
    counted,
    engine_for,
    metadata_overrides,
    new_run,
    primed,
    summary,
    unused_metadata,
)
from argmine.output import OutputFormat, atomic_output, choose_format, write_records
from argmine.settings import DEFAULT_MAX_BYTES


@app.command(cls=ArgmineCommand)
def extract(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH...", show_default=False, help="Files and folders to read.")],
    fmt: FormatOption = None,
    output: OutputOption = None,
    target: TargetOption = None,
    versions: VersionsOption = Versions.latest,
    jobs: JobsOption = 1,
    engine: EngineOption = Engine.processes,
    scheduler: SchedulerOption = None,
    shards: ShardsOption = None,
    store: StoreOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    text_column: TextColumnOption = None,
    id_column: IdColumnOption = None,
    meta: MetaOption = None,
    metadata: MetadataOption = None,
    name_date: NameDateOption = None,
    name_date_format: NameDateFormatOption = None,
) -> None:
    """Extract claims from articles: who claims what, with which stance.

    Reads text files (.txt .text .md), web pages (.html .htm), PDF and Word
    files (.pdf .docx, with the pdf and docx extras) and corpus files with one
    document per row (.csv .tsv .jsonl .parquet); folders recursively. Runs
    the pipeline on those not already in the store, stores the results and
    prints them.

    Example: argmine extract seeds/ -f csv -o claims.csv

    Example: argmine extract seeds/ --target integration --target tourist-tax -f jsonl

    Example: argmine extract news.csv --text-column body --meta date=published_at,outlet=source

    Example: argmine extract corpus/ --metadata sources.csv --name-date '[0-9]{8}' --name-date-format yyyyMMdd
    Example: argmine extract corpus/ --engine dask --scheduler tcp://head:8786 --shards /shared/shards
    """
    with reported_errors():
        from argmine.target import resolve_targets

        resolved = resolve_targets(target or None)  # once for the command: a bad --target fails before any reading
        check_output_is_not_input(output, paths)
        chosen = choose_format(fmt, output, stdout_is_terminal())
        progress = Progress(stderr_console(), enabled=True)
        run = new_run(
            paths, store=store, target=resolved, versions=versions, jobs=jobs, max_bytes=max_bytes, progress=progress,
            corpus=corpus_options(text_column, id_column, meta), metadata=metadata_overrides(metadata, name_date, name_date_format),
            engine=engine_for(engine, scheduler, shards),
        )
        try:
            with atomic_output(output) as fp:  # opened first: a bad --output fails before any work
                count = write_records(_results(run, progress, table_here=chosen is OutputFormat.table and output is None), chosen, fp)
        finally:
            progress.stop()
            if run.store is not None:
                run.store.close()
        _closing(run, store, empty_table=count == 0 and chosen is OutputFormat.table)


def _results(run: Any, progress: Progress, *, table_here: bool) -> Any:
    """The run's results, as a stream; gathered first when a table goes to the terminal the
    progress bar is drawn on (a live bar and a table on one terminal would tear each other apart)."""
    results: Any = primed(run)
    if table_here and stdout_is_terminal() and stderr_console().is_terminal:
        results = list(results)
        progress.stop()
    return results


def _closing(run: Any, store: Any, *, empty_table: bool) -> None:
    """What the user hears once the records are written: notes, the summary, a failure's exit code."""
    if empty_table:
        note("no claims found")
    unused_metadata(run)
    summary(run, store)
    if run.stats.failed:
        raise fail(f"extraction failed on {run.stats.failed} of {counted(run.stats.read, 'document')}", 1)

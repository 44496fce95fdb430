"""argmine's command line: parse options, call the core, render.

Data goes to stdout only (or `--output FILE`, written atomically); progress,
warnings and errors go to stderr, so `argmine ... | jq` always gets clean
JSON. Library errors (`argmine.errors`) become one-line messages and exit
codes here and nowhere else: 1 for a runtime failure, 2 for a usage error.
Set ARGMINE_RAISE_ERRORS=1 to get the traceback instead.

Query commands (`who-said`, `actors`, `schema`, `--help`) must start fast and
never import spaCy: everything heavy is imported inside the command that
needs it.
"""

from __future__ import annotations

import itertools
import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from fnmatch import fnmatchcase
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Callable, Iterator, Mapping, Optional

import typer

from argmine import __version__
from argmine.errors import ArgmineError, UsageError
from argmine.output import DocClaims, OutputFormat, atomic_output, choose_format, write_records

if TYPE_CHECKING:
    from rich.console import Console

    from argmine.runner import ExtractRun
    from argmine.store import Store

RAISE_ENV = "ARGMINE_RAISE_ERRORS"
#: Tests set this so that a bug (not an ArgmineError) fails loudly instead of becoming a message.
RAISE_UNEXPECTED = False
#: More files than this and `extract` draws a progress bar (on a terminal).
PROGRESS_MIN_FILES = 3

app = typer.Typer(
    name="argmine",
    help="Who claims what, with which stance: argument tables from policy articles.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
    rich_markup_mode=None,
)


def stderr_console() -> "Console":
    """The console for progress, warnings and errors (stderr), made on first use:
    a query that prints only JSON never loads Rich."""
    global _stderr_console
    if _stderr_console is None:
        from rich.console import Console

        _stderr_console = Console(stderr=True, soft_wrap=True, highlight=False)
    return _stderr_console


_stderr_console: Optional["Console"] = None


class Versions(str, Enum):
    """Which versions of a page that shows several versions side by side to read."""

    latest = "latest"
    all = "all"


# The record vocabularies, spelled out so that parsing options needs no pydantic
# (`--help` starts faster); a test keeps them equal to argmine.records.
STANCES = ("support", "oppose", "mixed", "neutral")
MODES = ("direct", "indirect", "author")
KINDS = ("person", "organisation", "group", "author")
StanceChoice = Enum("StanceChoice", {s: s for s in STANCES}, type=str)  # type: ignore[misc]
ModeChoice = Enum("ModeChoice", {m: m for m in MODES}, type=str)  # type: ignore[misc]
KindChoice = Enum("KindChoice", {k: k for k in KINDS}, type=str)  # type: ignore[misc]


class SchemaRecord(str, Enum):
    """Records `argmine schema` can describe."""

    claim = "claim"
    result = "result"
    actor = "actor"
    document = "document"


# --------------------------------------------------------------------------- shared options

FormatOption = Annotated[
    Optional[OutputFormat],
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        show_default=False,
        help="table, json, jsonl, csv or markdown. Default: the --output file's suffix, "
        "else table on a terminal and jsonl in a pipe.",
    ),
]
OutputOption = Annotated[
    Optional[Path],
    typer.Option(
        "--output", "-o", dir_okay=False, help="Write to FILE instead of stdout (atomically: complete or untouched)."
    ),
]
StoreOption = Annotated[
    Optional[Path],
    typer.Option(
        "--store",
        envvar="ARGMINE_STORE",
        dir_okay=False,
        show_default=False,
        help="The SQLite store. Default: ./.argmine/argmine.db.",
    ),
]
TargetOption = Annotated[
    Optional[str],
    typer.Option(
        "--target", "-t", show_default=False, help="Stance target: a bundled name (default: integration) or a file."
    ),
]
VersionsOption = Annotated[
    Versions,
    typer.Option("--versions", case_sensitive=False, help="Pages with several versions: read the latest, or all."),
]
JobsOption = Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes for the pipeline.")]
MaxBytesOption = Annotated[
    int, typer.Option("--max-bytes", min=1, help="Skip files larger than this many bytes.")
]
ClaimSourceArgument = Annotated[
    Optional[list[str]],
    typer.Argument(
        show_default=False,
        metavar="PATH|-",
        help="Files or folders to read (cached in the store), or - for claim records (JSON Lines) "
        "on stdin. None: answer from the store.",
    ),
]


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"argmine {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version_callback, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Who claims what, with which stance: argument tables from policy articles.

    Start with `argmine extract FOLDER`; then ask `argmine who-said --actor NAME`
    and `argmine actors`, which answer from the store without re-reading.
    """


# --------------------------------------------------------------------------- errors and messages


def _raise_errors() -> bool:
    return os.environ.get(RAISE_ENV, "").strip().lower() not in ("", "0", "false", "no")


def _fail(message: str, exit_code: int) -> typer.Exit:
    from rich.text import Text

    stderr_console().print(Text("Error: ", style="bold red") + Text(message))
    return typer.Exit(exit_code)


def warn(message: str) -> None:
    from rich.text import Text

    stderr_console().print(Text("Warning: ", style="yellow") + Text(message))


def note(message: str) -> None:
    from rich.text import Text

    stderr_console().print(Text(message, style="dim"))


@contextmanager
def reported_errors() -> Iterator[None]:
    """Turn what goes wrong into a one-line message and an exit code (never a traceback)."""
    try:
        yield
    except typer.Exit:
        raise
    except ArgmineError as error:
        if _raise_errors():
            raise
        raise _fail(str(error), error.exit_code) from None
    except KeyboardInterrupt:
        if _raise_errors():
            raise
        raise _fail("interrupted", 130) from None
    except BrokenPipeError:
        # The reader went away (`| head`): not an error. Point stdout at devnull so
        # Python's final flush does not complain either.
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        raise typer.Exit(0) from None
    except OSError as error:
        if _raise_errors():
            raise
        where = f"{error.filename}: " if error.filename else ""
        raise _fail(f"{where}{error.strerror or error}", 1) from None
    except Exception as error:
        if _raise_errors() or RAISE_UNEXPECTED:
            raise
        raise _fail(
            f"internal error: {type(error).__name__}: {error} (set {RAISE_ENV}=1 for the traceback)", 1
        ) from None


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


# --------------------------------------------------------------------------- store and runs


def _store_path(store: Optional[Path]) -> Path:
    from argmine.store import default_store_path

    return store if store is not None else default_store_path()


def _open_store(store: Optional[Path], *, create: bool) -> "Store":
    from argmine.store import Store

    opened = Store(_store_path(store), create=create)
    for notice in opened.notices:
        warn(notice)
    return opened


def _check_target(target: Optional[str]) -> None:
    """Fail on a bad --target before reading or loading anything."""
    if target is not None:
        from argmine.target import load_target

        load_target(target)


def _check_output_is_not_input(output: Optional[Path], inputs: list[Path]) -> None:
    """argmine never overwrites what it was given: not a file named, nor one inside a folder named."""
    if output is None or not output.exists():
        return
    written = output.resolve()
    for path in inputs:
        if not path.exists():
            continue
        given = path.resolve()
        if written == given or (path.is_dir() and given in written.parents):
            raise UsageError(f"--output {output} is one of the input files; argmine never overwrites its input")


class _Progress:
    """The run's listener: a progress bar (terminal, enough files) and warnings, on stderr."""

    def __init__(self, console: "Console", *, enabled: bool):
        from argmine.runner import RunListener

        self.console = console
        self.enabled = enabled and console.is_terminal
        self.bar: Any = None
        self.task: Any = None
        outer = self

        class Listener(RunListener):
            def started(self, total: int) -> None:
                outer._start(total)

            def skipped(self, path: str, reason: str) -> None:
                warn(f"skipped {path}: {reason}")
                outer._advance()

            def warned(self, doc: str, message: str) -> None:
                warn(f"{doc}: {message}")

            def finished(self, doc: str, *, cached: bool, claims: int) -> None:
                outer._advance()

            def failed(self, doc: str, message: str) -> None:
                warn(f"{doc}: extraction failed ({message}); the rest goes on")
                outer._advance()

        self.listener: RunListener = Listener()

    def _advance(self) -> None:
        if self.bar is not None:
            self.bar.advance(self.task)

    @property
    def showing(self) -> bool:
        return self.bar is not None

    def _start(self, total: int) -> None:
        if not self.enabled or total <= PROGRESS_MIN_FILES:
            return
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            ProgressColumn,
            TextColumn,
            TimeRemainingColumn,
        )
        from rich.text import Text

        class Rate(ProgressColumn):
            def render(self, task: Any) -> Text:
                speed = task.finished_speed or task.speed
                return Text(f"{speed:.1f} docs/s" if speed else "– docs/s", style="dim")

        self.bar = Progress(
            TextColumn("extracting"),
            BarColumn(),
            MofNCompleteColumn(),
            Rate(),
            TimeRemainingColumn(),
            console=self.console,
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self.bar.start()
        self.task = self.bar.add_task("extract", total=total)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


def _new_run(
    paths: list[Path],
    *,
    store: Optional[Path],
    target: Optional[str],
    versions: Versions,
    jobs: int,
    max_bytes: int,
    progress: _Progress,
) -> "ExtractRun":
    from argmine.runner import ExtractRun

    return ExtractRun(
        paths,
        store=_open_store(store, create=True),
        target=target,
        versions=versions.value,
        jobs=jobs,
        max_bytes=max_bytes,
        listener=progress.listener,
        raise_errors=_raise_errors() or RAISE_UNEXPECTED,
    )


def _primed(run: "ExtractRun") -> Iterator[DocClaims]:
    """The run's results, the first one already computed: a path that gives nothing,
    a missing model or a bad target fails before any output is written."""
    iterator = iter(run)
    first = next(iterator, None)
    return iterator if first is None else itertools.chain([first], iterator)


def _summary(run: "ExtractRun", store: Optional[Path]) -> None:
    """A closing line for people at a terminal; scripts get a clean stderr."""
    if not stderr_console().is_terminal:
        return
    s = run.stats
    parts = [f"{s.read} documents ({s.extracted} extracted, {s.cached} cached)", f"{s.claims} claims"]
    if s.skipped:
        parts.append(f"{s.skipped} skipped")
    if s.failed:
        parts.append(f"{s.failed} failed")
    note(" · ".join(parts) + f" · store {_store_path(store)}")


def _claim_groups(
    sources: list[str],
    *,
    store: Optional[Path],
    target: Optional[str],
    versions: Versions,
    jobs: int,
    max_bytes: int = 10_000_000,
) -> list[DocClaims]:
    """Claims from stdin (`-`), or from paths (extracted through the store's cache)."""
    if "-" in sources:
        if len(sources) > 1:
            raise UsageError("- (claim records on stdin) cannot be mixed with paths")
        from argmine.output import read_claim_stream

        return read_claim_stream(sys.stdin, source="stdin")
    _check_target(target)
    progress = _Progress(stderr_console(), enabled=True)
    run = _new_run(
        [Path(s) for s in sources],
        store=store,
        target=target,
        versions=versions,
        jobs=jobs,
        max_bytes=max_bytes,
        progress=progress,
    )
    try:
        return list(run)
    finally:
        progress.stop()
        if run.store is not None:
            run.store.close()


@dataclass
class _Found:
    """Claims for a query: documents (by source file), light rows to choose from,
    and how to load the records of the rows chosen."""

    documents: Mapping[str, Any]
    rows: list[Any]
    load: Callable[[list[Any]], list[Any]]

    def document_named(self, doc: str) -> Any:
        """The document (or its head: name and metadata) a row names; rows carry names,
        a store's `documents` are keyed by source path."""
        head_by_name = getattr(self.documents, "head_by_name", None)
        if head_by_name is not None:
            return head_by_name(doc)
        return self.documents.get(doc)  # claims read from paths or stdin: keyed by name already


@contextmanager
def _query_claims(
    sources: Optional[list[str]], *, store: Optional[Path], target: Optional[str], versions: Versions, jobs: int
) -> Iterator[_Found]:
    """who-said's and actors' claims: from the store (rows, parsed only when chosen),
    or from stdin or paths (records already at hand)."""
    from argmine.store import ClaimRow

    if sources:
        groups = _claim_groups(sources, store=store, target=target, versions=versions, jobs=jobs)
        yield _Found(
            documents={g.doc: g.document for g in groups if g.document is not None},
            rows=[ClaimRow.of(claim, source=g.doc) for g in groups for claim in g.claims],
            load=lambda rows: [row.claim for row in rows],
        )
        return
    opened = _open_store(store, create=False)
    try:
        snapshot = opened.snapshot()
        yield _Found(documents=snapshot.documents, rows=snapshot.rows, load=opened.load_claims)
    finally:
        opened.close()


def _write(records: Any, fmt: Optional[OutputFormat], output: Optional[Path], **kwargs: Any) -> int:
    chosen = choose_format(fmt, output, _stdout_is_terminal())
    with atomic_output(output) as fp:
        return write_records(records, chosen, fp, **kwargs)


# --------------------------------------------------------------------------- commands


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(show_default=False, help="Files and folders to read.")],
    fmt: FormatOption = None,
    output: OutputOption = None,
    target: TargetOption = None,
    versions: VersionsOption = Versions.latest,
    jobs: JobsOption = 1,
    store: StoreOption = None,
    max_bytes: MaxBytesOption = 10_000_000,
) -> None:
    """Extract claims from articles: who claims what, with which stance.

    Reads .txt/.text/.md files (folders recursively), runs the pipeline on
    those not already in the store, stores the results and prints them.

    Example: argmine extract seeds/ -f csv -o claims.csv
    """
    with reported_errors():
        _check_target(target)
        _check_output_is_not_input(output, paths)
        progress = _Progress(stderr_console(), enabled=True)
        run = _new_run(
            paths, store=store, target=target, versions=versions, jobs=jobs, max_bytes=max_bytes, progress=progress
        )
        chosen = choose_format(fmt, output, _stdout_is_terminal())
        try:
            with atomic_output(output) as fp:  # opened first: a bad --output fails before any work
                results: Any = _primed(run)
                if chosen is OutputFormat.table and output is None and _stdout_is_terminal() and stderr_console().is_terminal:
                    # A live progress bar and a table on one terminal would tear each
                    # other apart: draw the table once the bar is done.
                    results = list(results)
                    progress.stop()
                count = write_records(results, chosen, fp)
        finally:
            progress.stop()
            if run.store is not None:
                run.store.close()
        if count == 0 and chosen is OutputFormat.table:
            note("no claims found")
        _summary(run, store)
        if run.stats.failed:
            raise _fail(f"extraction failed on {run.stats.failed} of {run.stats.read} documents", 1)


@app.command("who-said")
def who_said(
    actor: Annotated[
        str, typer.Option("--actor", "-a", show_default=False, help="Name, surname or alias; titles optional.")
    ],
    sources: ClaimSourceArgument = None,
    stance: Annotated[
        Optional[list[StanceChoice]],  # type: ignore[valid-type]
        typer.Option("--stance", "-s", case_sensitive=False, show_default=False, help="Only these stances (repeatable)."),
    ] = None,
    mode: Annotated[
        Optional[list[ModeChoice]],  # type: ignore[valid-type]
        typer.Option("--mode", "-m", case_sensitive=False, show_default=False, help="Only these modes (repeatable)."),
    ] = None,
    doc: Annotated[
        Optional[list[str]],
        typer.Option("--doc", "-d", show_default=False, help="Only documents whose name is, starts with or globs this."),
    ] = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    store: StoreOption = None,
    target: TargetOption = None,
    versions: VersionsOption = Versions.latest,
    jobs: JobsOption = 1,
) -> None:
    """What an actor claimed, and with which stance.

    Answers from the store (what `extract` found) unless given paths, or -
    to read claim records from stdin.

    Example: argmine extract seeds/ -f jsonl | argmine who-said --actor Coffey -
    """
    with reported_errors(), _query_claims(sources, store=store, target=target, versions=versions, jobs=jobs) as found:
        from argmine.aggregate import ActorAggregator
        from argmine.names import resolve_actor

        if not found.rows:
            raise ArgmineError(_no_claims_message(sources, store))
        aggregator = ActorAggregator(document_of=found.document_named)
        keys = [aggregator.add(row.actor, row.doc, row.stance) for row in found.rows]
        by_key = aggregator.summaries_by_key()
        chosen_ids = {summary.id for summary in resolve_actor(actor, list(by_key.values()))}
        wanted = {key for key, summary in by_key.items() if summary.id in chosen_ids}
        stances = {s.value for s in stance} if stance else None
        modes = {m.value for m in mode} if mode else None
        chosen = [
            row
            for row, key in zip(found.rows, keys)
            if key in wanted
            and (stances is None or row.stance in stances)
            and (modes is None or row.mode in modes)
            and (not doc or any(_doc_matches(row.doc, pattern) for pattern in doc))
        ]
        groups: dict[str, DocClaims] = {}  # by source file, in document order
        for row, claim in zip(chosen, found.load(chosen)):
            group = groups.get(row.source)
            if group is None:
                group = groups[row.source] = DocClaims(doc=row.doc, claims=[], document=found.documents.get(row.source))
            group.claims.append(claim)
        count = _write(list(groups.values()), fmt, output)
        if count == 0:
            note(f"no claims by {actor} match these filters")


def _no_claims_message(sources: Optional[list[str]], store: Optional[Path]) -> str:
    if sources == ["-"]:
        return "no claim records on stdin"
    if sources:
        return f"no claims found in {', '.join(sources)}"
    return f"no claims in the store {_store_path(store)}: run `argmine extract PATH...` first"


def _doc_matches(doc: str, pattern: str) -> bool:
    """`--doc`: the name itself, a glob, or a prefix of the name or of its file name."""
    name = Path(doc).name
    if any(ch in pattern for ch in "*?["):
        return fnmatchcase(doc, pattern) or fnmatchcase(name, pattern)
    return doc == pattern or doc.startswith(pattern) or name.startswith(pattern)


@app.command()
def actors(
    sources: ClaimSourceArgument = None,
    kind: Annotated[
        Optional[list[KindChoice]],  # type: ignore[valid-type]
        typer.Option("--kind", "-k", case_sensitive=False, show_default=False, help="Only these kinds (repeatable)."),
    ] = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    store: StoreOption = None,
    target: TargetOption = None,
    versions: VersionsOption = Versions.latest,
    jobs: JobsOption = 1,
) -> None:
    """One row per actor: kind, roles, documents, claims and stance mix.

    The same actor is merged across documents by name and kind; an actor's
    stance counts its claims (mixed counts half each way; two thirds decide).

    Example: argmine actors -f csv -o actors.csv
    """
    with reported_errors(), _query_claims(sources, store=store, target=target, versions=versions, jobs=jobs) as found:
        from argmine.aggregate import ActorAggregator
        from argmine.records import ActorSummary

        aggregator = ActorAggregator(document_of=found.document_named)
        for row in found.rows:  # no claim record is parsed: the rows say all an actor summary needs
            aggregator.add(row.actor, row.doc, row.stance)
        summaries = aggregator.summaries()
        if kind:
            kinds = {k.value for k in kind}
            summaries = [s for s in summaries if s.kind in kinds]
        count = _write(summaries, fmt, output, model=ActorSummary)
        if count == 0:
            note("no actors found")


@app.command()
def schema(
    record: Annotated[
        SchemaRecord, typer.Argument(case_sensitive=False, help="claim (one JSON Lines record), result (-f json), actor or document.")
    ] = SchemaRecord.claim,
    output: OutputOption = None,
) -> None:
    """Print the JSON Schema of argmine's records (from the pydantic models).

    Example: argmine schema > claim.schema.json
    """
    with reported_errors():
        import json

        from argmine import records

        model = {
            SchemaRecord.claim: records.Claim,
            SchemaRecord.result: records.ExtractionResult,
            SchemaRecord.actor: records.ActorSummary,
            SchemaRecord.document: records.Document,
        }[record]
        document = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
        with atomic_output(output) as fp:
            fp.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


@app.command()
def inspect(
    file: Annotated[Path, typer.Argument(show_default=False, help="The article file to show.")],
    fmt: FormatOption = None,
    output: OutputOption = None,
    max_bytes: MaxBytesOption = 10_000_000,
) -> None:
    """Show how argmine reads a file: each segment's kind, offsets, rule and first words.

    Offsets are character offsets into the decoded file.

    Example: argmine inspect seeds/001_81d59b65b503631a.txt
    """
    with reported_errors():
        from argmine.ingest import read_article
        from argmine.records import Segment

        if file.is_dir():
            raise UsageError(f"{file} is a folder; inspect reads one file")
        article = read_article(file, file.name, max_bytes=max_bytes)
        document = article.document
        about: dict[str, Any] = {
            "doc": document.doc,
            "encoding": document.encoding,
            "chars": document.chars,
            **{k: v for k, v in document.meta.model_dump().items() if v},
        }
        if document.versions is not None:
            about["versions"] = f"{document.versions.count} (reading {document.versions.used})"
        if document.warnings:
            about["warnings"] = document.warnings
        _write(document.segments, fmt, output, model=Segment, extra={"document": about})


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

        groups = _claim_groups([str(p) for p in paths], store=store, target=target, versions=versions, jobs=jobs)
        claims = [c for g in groups for c in g.claims]
        documents = [g.document for g in groups if g.document is not None]
        report = score(gold, claims, documents)
        for warning in report.warnings:
            warn(warning)
        as_json = fmt is EvaluateFormat.json or (
            fmt is None and (output is not None and output.suffix.lower() == ".json" or output is None and not _stdout_is_terminal())
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


def main() -> None:
    """Console-script entry point."""
    app(prog_name="argmine")

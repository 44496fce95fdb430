"""Option and argument types shared by the commands, and the record vocabularies they offer.

The choices come from `argmine.vocabulary`, which needs no pydantic
(`--help` starts faster).
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from argmine.output import OutputFormat
from argmine.vocabulary import ACTOR_KINDS, MODES, STANCES


class Versions(str, Enum):
    """Which versions of a page that shows several versions side by side to read."""

    latest = "latest"
    all = "all"


StanceChoice = Enum("StanceChoice", {s: s for s in STANCES}, type=str)  # type: ignore[misc]
ModeChoice = Enum("ModeChoice", {m: m for m in MODES}, type=str)  # type: ignore[misc]
KindChoice = Enum("KindChoice", {k: k for k in ACTOR_KINDS}, type=str)  # type: ignore[misc]

FormatOption = Annotated[
    Optional[OutputFormat],
    typer.Option(
        "--format",
        "-f",
        metavar="|".join(f.value for f in OutputFormat),
        case_sensitive=False,
        show_default=False,
        help="table, json, jsonl, csv or markdown. Default: the --output file's suffix, "
        "else table on a terminal and jsonl in a pipe.",
    ),
]
OutputOption = Annotated[
    Optional[Path],
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        dir_okay=False,
        help="Write to FILE (- for stdout) instead of stdout: a file appears complete or not at all; "
        "a FIFO or device is written as it is.",
    ),
]
StoreOption = Annotated[
    Optional[Path],
    typer.Option(
        "--store",
        metavar="FILE",
        envvar="ARGMINE_STORE",
        dir_okay=False,
        show_default=False,
        help="The SQLite store. Default: ./.argmine/argmine.db.",
    ),
]
TargetOption = Annotated[
    Optional[list[str]],
    typer.Option(
        "--target",
        "-t",
        metavar="NAME|FILE",
        show_default=False,
        help="Stance target: a bundled name (default: integration) or a file. Repeat it for several targets: "
        "each claim's `stances` then holds its stance toward each it concerns; `target` and `stance` stay the first's.",
    ),
]
OneTargetOption = Annotated[
    Optional[str],
    typer.Option(
        "--target", "-t", metavar="NAME|FILE", show_default=False, help="Stance target: a bundled name (default: integration) or a file."
    ),
]
QueryTargetOption = Annotated[
    Optional[str],
    typer.Option(
        "--target",
        "-t",
        metavar="NAME|FILE",
        show_default=False,
        help="Answer about this stance target (a name, or a bundled name or file). Default: the only one there is.",
    ),
]
VersionsOption = Annotated[
    Versions,
    typer.Option("--versions", metavar="latest|all", case_sensitive=False, help="Pages with several versions: read the latest, or all."),
]
JobsOption = Annotated[int, typer.Option("--jobs", "-j", metavar="N", min=1, help="Worker processes for the pipeline (at most the CPUs available).")]
class Engine(str, Enum):
    """Where the pipeline runs: worker processes on this machine, or a Dask cluster."""

    processes = "processes"
    dask = "dask"


EngineOption = Annotated[
    Engine,
    typer.Option(
        "--engine",
        case_sensitive=False,
        help="processes: --jobs worker processes here; dask: a Dask cluster (the dask extra), "
        "local with --jobs workers unless --scheduler names one.",
    ),
]
SchedulerOption = Annotated[
    Optional[str],
    typer.Option("--scheduler", metavar="ADDRESS", show_default=False, help="The Dask scheduler to use (with --engine dask), e.g. tcp://host:8786."),
]
ShardsOption = Annotated[
    Optional[Path],
    typer.Option(
        "--shards",
        metavar="DIR",
        show_default=False,
        help="Folder for shard files (with --engine dask), kept after the run; every worker must reach it. "
        "Default: a temporary folder.",
    ),
]
MaxBytesOption = Annotated[
    int, typer.Option("--max-bytes", metavar="BYTES", min=1, help="Skip files larger than this many bytes.")
]
ClaimSourceArgument = Annotated[
    Optional[list[str]],
    typer.Argument(
        show_default=False,
        metavar="PATH...|-",
        help="Files or folders to read (cached in the store), or - for claim records (JSON Lines) "
        "on stdin. None: answer from the store.",
    ),
]
TextColumnOption = Annotated[
    Optional[str],
    typer.Option(
        "--text-column",
        metavar="COLUMN",
        show_default=False,
        help="Corpus files (CSV, JSON Lines, Parquet; one document per row): the column holding each "
        "row's text. Default: the first of text, body, content, full_text, article, ...",
    ),
]
IdColumnOption = Annotated[
    Optional[str],
    typer.Option(
        "--id-column",
        metavar="COLUMN",
        show_default=False,
        help="Corpus files: the column holding each row's id (claims point back to it). "
        "Default: id, doc_id, article_id, uuid, ... else the row number.",
    ),
]
MetaOption = Annotated[
    Optional[str],
    typer.Option(
        "--meta",
        show_default=False,
        metavar="NAME=COLUMN,...",
        help="Corpus files: metadata columns, e.g. date=published_at,outlet=source (title, author, date, "
        "outlet, url; other names are kept as extra metadata). Default: common column names.",
    ),
]
MetadataOption = Annotated[
    Optional[Path],
    typer.Option(
        "--metadata",
        metavar="FILE",
        dir_okay=False,
        show_default=False,
        help="A sidecar CSV or JSON Lines file with columns file, date, outlet, title, author (url; others "
        "kept as extra): overrides what the pages say. `file` is the document's name as argmine gives it "
        "(its path relative to the folder given), or a bare file name.",
    ),
]
NameDateOption = Annotated[
    Optional[str],
    typer.Option(
        "--name-date",
        metavar="REGEX",
        show_default=False,
        help="Read each document's date from its file name: a regular expression finding it "
        r"(its first group, if any), e.g. '\d{4}-\d{2}-\d{2}'. Overrides the page's date.",
    ),
]
NameDateFormatOption = Annotated[
    Optional[str],
    typer.Option(
        "--name-date-format",
        metavar="FORMAT",
        show_default=False,
        help="How to read what --name-date found, as DNA writes it: yyyy-MM-dd, dd.MM.yyyy, yyyyMMdd, "
        "dd MMM yyyy. Default: any date argmine can read.",
    ),
]
SinceOption = Annotated[
    Optional[str],
    typer.Option(
        "--since",
        metavar="DATE",
        show_default=False,
        help="Only claims from documents dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD; "
        "compared at the precision of each date). Undated documents are left out.",
    ),
]
UntilOption = Annotated[
    Optional[str],
    typer.Option(
        "--until",
        metavar="DATE",
        show_default=False,
        help="Only claims from documents dated on or before DATE (--until 2015 keeps all of 2015). "
        "Undated documents are left out.",
    ),
]

"""`argmine schema` and `argmine inspect`: what the records look like, and how a file is read."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from argmine.cli.app import app
from argmine.cli.help import ArgmineCommand
from argmine.cli.messages import reported_errors
from argmine.cli.options import MaxBytesOption, OutputOption, FormatOption
from argmine.cli.render import write
from argmine.display import display_path
from argmine.errors import InputError, UsageError
from argmine.output import atomic_output
from argmine.settings import DEFAULT_MAX_BYTES


class SchemaRecord(str, Enum):
    """Records `argmine schema` can describe."""

    claim = "claim"
    result = "result"
    actor = "actor"
    document = "document"


@app.command(cls=ArgmineCommand)
def schema(
    record: Annotated[
        SchemaRecord, typer.Argument(metavar="RECORD", case_sensitive=False, help="claim (one JSON Lines record), result (-f json), actor or document.")
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


@app.command(cls=ArgmineCommand)
def inspect(
    file: Annotated[Path, typer.Argument(metavar="FILE", show_default=False, help="The article file to show.")],
    fmt: FormatOption = None,
    output: OutputOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
) -> None:
    """Show how argmine reads a file: each segment's kind, offsets, rule and first words.

    Offsets are character offsets into the decoded file.

    Example: argmine inspect seeds/001_81d59b65b503631a.txt
    """
    with reported_errors():
        from argmine.ingest import read_article
        from argmine.records import Segment

        shown = display_path(file)
        if file.is_dir():
            raise UsageError(f"{shown} is a folder; inspect reads one file")
        try:
            article = read_article(file, file.name, max_bytes=max_bytes)
        except InputError as error:
            raise InputError(f"{shown}: {error}") from None
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
        write(document.segments, fmt, output, model=Segment, extra={"document": about})

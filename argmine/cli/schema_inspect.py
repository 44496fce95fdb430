"""`argmine schema` and `argmine inspect`: what the records look like, and how a file is read."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from argmine.cli.app import app
from argmine.cli.help import ArgmineCommand
from argmine.cli.messages import reported_errors, stdout_is_terminal
from argmine.cli.options import FormatOption, IdColumnOption, MaxBytesOption, OutputOption, TextColumnOption
from argmine.cli.render import write
from argmine.display import display_path, terminal_safe
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
    text: Annotated[
        bool,
        typer.Option(
            "--text",
            help="Print the text every offset points into, exactly (for a web page, PDF or Word file: "
            "the text argmine extracted), instead of the segments.",
        ),
    ] = False,
    row: Annotated[
        Optional[str], typer.Option("--row", metavar="ID", show_default=False, help="Corpus files: the row to show (its id, as in FILE#ROW).")
    ] = None,
    text_column: TextColumnOption = None,
    id_column: IdColumnOption = None,
) -> None:
    """Show how argmine reads a file: each segment's kind, offsets, rule and first words.

    Offsets are character offsets into the text `--text` prints: the decoded
    file for a text file, the extracted text for a web page, PDF or Word
    file, the text cell for a corpus row (`--row`).

    Example: argmine inspect seeds/001_81d59b65b503631a.txt

    Example: argmine inspect --text page.html > page.txt
    """
    with reported_errors():
        from argmine.ingest import read_article, read_row
        from argmine.ingest.corpus_files import CorpusOptions
        from argmine.ingest.formats import CORPUS, format_of
        from argmine.records import Segment

        shown = display_path(file)
        if file.is_dir():
            raise UsageError(f"{shown} is a folder; inspect reads one file")
        if format_of(file) in CORPUS and row is None:
            raise UsageError(f"{shown} is a corpus file (one document per row): name a row with --row ID")
        try:
            if row is not None:
                options = CorpusOptions(text_column=text_column, id_column=id_column)
                article = read_row(file, row, corpus=options, max_bytes=max_bytes)
            else:
                article = read_article(file, file.name, max_bytes=max_bytes)
        except InputError as error:
            raise InputError(f"{shown}: {error}") from None
        if text:
            to_terminal = output in (None, Path("-")) and stdout_is_terminal()
            with atomic_output(output) as fp:  # the text exactly, as data; a terminal gets no control sequences
                fp.write(terminal_safe(article.text) if to_terminal else article.text)
            return
        document = article.document
        write(document.segments, fmt, output, model=Segment, extra={"document": _about(document)})


def _about(document: Any) -> dict[str, Any]:
    """The header `inspect` prints above the segments: how the file was read, and its metadata."""
    about: dict[str, Any] = {
        "doc": document.doc,
        "encoding": document.encoding,
        "chars": document.chars,
        "format": document.format,
        "offsets_into": document.offsets_into,
        **({"extractor": document.extractor} if document.extractor else {}),
        **{k: v for k, v in document.meta.model_dump().items() if v},
    }
    if document.versions is not None:
        about["versions"] = f"{document.versions.count} (reading {document.versions.used})"
    if document.warnings:
        about["warnings"] = document.warnings
    turns = _turns_read(document)
    if turns:
        about["turns"] = turns
    return about


def _turns_read(document: Any) -> list[str]:
    """The speaker turns ingest read, one line each: offsets, speaker, the label as written."""
    from argmine.ingest.turns import ANSWERER, WRITER, read_turns

    shown = {WRITER: "the writer", ANSWERER: "the one answering"}
    return [
        f"{t.start}-{t.end} {shown.get(t.speaker, t.speaker)}" + (f" ({t.role})" if t.role else "") + f" ← {t.label!r}"
        for t in read_turns(document.segments)
    ]

"""One output path for every command: table, json, jsonl, csv, markdown.

Every command hands its records to `write_records`; no command writes JSON,
CSV or tables of its own. Claim output arrives as `DocumentResult`s (one per
document, in document order) so that the table can be grouped by document
and the JSON object can carry the documents; any other record type (actor
summaries, segments) arrives as a flat stream of pydantic models.

This module is the presentation layer of the command line. It imports
pydantic, the records and Rich only when a function needs them, so the CLI
can import it (for `OutputFormat`) and still answer `--help` at once.
"""

from __future__ import annotations

import io
import json
import re
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Sequence, TextIO

from typing import TYPE_CHECKING

from argmine.display import display_path, terminal_safe
from argmine.errors import InputError, UsageError
from argmine.results import DocumentResult, claim_number

if TYPE_CHECKING:  # pydantic and the records load on first use: `argmine --help` stays fast
    from pydantic import BaseModel

    from argmine.compare import Comparison
    from argmine.evaluate import Report


class OutputFormat(str, Enum):
    """The formats every command writes (`--format`)."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"


#: `--output FILE` without `--format`: the format the file name asks for.
FORMAT_BY_SUFFIX = {
    ".json": OutputFormat.json,
    ".jsonl": OutputFormat.jsonl,
    ".ndjson": OutputFormat.jsonl,
    ".csv": OutputFormat.csv,
    ".md": OutputFormat.markdown,
    ".markdown": OutputFormat.markdown,
    ".txt": OutputFormat.table,
}


def choose_format(fmt: Optional[OutputFormat], output: Optional[Path], stdout_is_terminal: bool) -> OutputFormat:
    """The format asked for; else the output file's suffix; else table on a terminal, jsonl in a pipe.

    Raises UsageError for an output file whose name says no format (`x.xlsx`,
    `claims`): argmine does not guess what a file is meant to hold. A stream
    named as a file (`-`, a FIFO, `>(...)`, a device) is written as a pipe is.
    """
    if fmt is not None:
        return fmt
    if _names_a_file(output):
        chosen = FORMAT_BY_SUFFIX.get(output.suffix.lower())  # type: ignore[union-attr]
        if chosen is None:
            raise UsageError(_no_format_message(output, FORMAT_BY_SUFFIX))  # type: ignore[arg-type]
        return chosen
    return OutputFormat.table if stdout_is_terminal and output is None else OutputFormat.jsonl


def _names_a_file(output: Optional[Path]) -> bool:
    """Is `--output` a file to be named by its suffix (not `-`, a FIFO or a device)?"""
    if output is None or str(output) == "-":
        return False
    from argmine.destination import is_special

    return not is_special(output)


def _no_format_message(output: Path, suffixes: dict[str, Enum]) -> str:
    formats = "|".join(dict.fromkeys(f.value for f in type(next(iter(suffixes.values())))))
    what = f"'{display_path(output.suffix)}'" if output.suffix else "no suffix"
    return (
        f"cannot tell the format of --output {display_path(output)} ({what}): "
        f"pass -f {formats}, or end the name in {', '.join(sorted(suffixes))}"
    )


#: Top-level JSON key for a stream of each record type, by class name
#: (`jq '.actors[]'` works on `extract -f json` and `actors -f json` alike).
JSON_KEYS: dict[str, str] = {"ActorSummary": "actors", "Segment": "segments", "Claim": "claims"}

#: Dict-valued fields flattened into one CSV column per key (the stances).
DICT_COLUMNS: frozenset[str] = frozenset({"stance_mix"})

#: Characters Markdown may read as markup: escaped with a backslash in Markdown output.
_MARKDOWN_SPECIAL = re.compile(r"[\\`*_\[\]<>|~]")

#: Leading characters a spreadsheet reads as the start of a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


# --------------------------------------------------------------------------- entry point


def write_records(
    records: Iterable[Any],
    fmt: OutputFormat,
    fp: TextIO,
    *,
    model: Optional[type[BaseModel]] = None,
    extra: Optional[dict[str, Any]] = None,
) -> int:
    """Write `records` to `fp` in `fmt`; returns how many records were written.

    Args:
        records: for ``model=Claim``, `DocumentResult`s in document order;
            otherwise instances of `model`.
        fmt: the output format.
        fp: a text stream (stdout, or the temp file of `atomic_output`).
        model: the record type (default: Claim); it names the CSV columns and the JSON key.
        extra: extra top-level JSON members (and table/markdown header lines)
            for flat record streams, e.g. the document a segment list belongs to.
    """
    from argmine.records import Claim

    if model is None or model is Claim:
        return _write_claims(records, fmt, fp)
    return _write_rows(records, fmt, fp, model=model, extra=extra or {})


# --------------------------------------------------------------------------- claims


def _write_claims(groups: Iterable[DocumentResult], fmt: OutputFormat, fp: TextIO) -> int:
    from argmine.records import Claim

    if fmt is OutputFormat.jsonl:
        return _write_jsonl((c for g in groups for c in g.claims), fp)
    if fmt is OutputFormat.csv:
        return _write_csv((c for g in groups for c in g.claims), Claim, fp)
    if fmt is OutputFormat.json:
        return _write_claims_json(groups, fp)
    if fmt is OutputFormat.markdown:
        return _write_claims_markdown(groups, fp)
    return _print_claims_table(groups, fp)


def _write_claims_json(groups: Iterable[DocumentResult], fp: TextIO) -> int:
    """One object: documents, actors, claims — streamed.

    Documents stream straight out; claims are spooled to a temporary file
    while the actor summaries (which need every claim) are gathered, so the
    memory held does not grow with the corpus.
    """
    import shutil
    import tempfile

    from argmine.aggregate import ActorAggregator
    from argmine.records import SCHEMA_VERSION

    aggregator = ActorAggregator()
    targets: set[str] = set()  # a run is about one target; each actor summary names it
    count = 0
    with tempfile.SpooledTemporaryFile(max_size=8 << 20, mode="w+", encoding="utf-8") as spool:
        fp.write('{"schema_version":%d,\n"documents":[' % SCHEMA_VERSION)
        first_doc = True
        for group in groups:
            if group.document is not None:
                # Two at a time would be needed to know the last item; a leading
                # separator on every item but the first is simpler.
                fp.write("\n" if first_doc else ",\n")
                fp.write(group.document.model_dump_json())
                first_doc = False
                aggregator.add_document(group.document)
            for claim in group.claims:
                spool.write(("\n" if count == 0 else ",\n") + claim.model_dump_json())
                aggregator.add_claim(claim)
                targets.add(claim.target)
                count += 1
        fp.write('],\n"actors":[')
        for i, summary in enumerate(aggregator.summaries()):
            if len(targets) == 1:
                summary = summary.model_copy(update={"target": next(iter(targets))})
            fp.write(("\n" if i == 0 else ",\n") + summary.model_dump_json())
        fp.write('],\n"claims":[')
        spool.seek(0)
        shutil.copyfileobj(spool, fp)
        fp.write("]}\n")
    return count


def _write_claims_markdown(groups: Iterable[DocumentResult], fp: TextIO) -> int:
    count = 0
    for group in groups:
        if not group.claims:
            continue
        title = group.document.meta.title if group.document is not None else None
        fp.write(f"## {_md_cell(group.doc)}\n\n")
        if title:
            fp.write(f"*{_md_cell(title)}*\n\n")
        fp.write(f"Target: {_md_cell(_targets(group))}\n\n")
        fp.write("| # | Actor | Kind | Mode | Stance | Cue | Claim |\n")
        fp.write("|---|---|---|---|---|---|---|\n")
        for claim in group.claims:
            cells = [
                claim_number(claim),
                claim.actor.name,
                claim.actor.kind,
                claim.mode,
                " · ".join([claim.stance, *other_stances(claim)]),
                claim.cue.text if claim.cue else "",
                claim.content.text,
            ]
            fp.write("| " + " | ".join(_md_cell(c) for c in cells) + " |\n")
        fp.write("\n")
        count += len(group.claims)
    if count == 0:
        fp.write("_No claims._\n")
    return count


# --------------------------------------------------------------------------- flat rows


def _targets(group: DocumentResult) -> str:
    """The targets a document's claims are about (named in every human table): each
    claim's target, then the other targets of its `stances`."""
    return ", ".join(dict.fromkeys(t for claim in group.claims for t in [claim.target, *(e.target for e in claim.stances)]))


def other_stances(claim: Any) -> list[str]:
    """'target: stance' for each target a claim has a stance toward besides its own (several targets)."""
    return [f"{e.target}: {e.stance}" for e in claim.stances if e.target != claim.target]


def _write_rows(
    rows: Iterable[BaseModel], fmt: OutputFormat, fp: TextIO, *, model: type[BaseModel], extra: dict[str, Any]
) -> int:
    if fmt is OutputFormat.jsonl:
        return _write_jsonl(rows, fp)
    if fmt is OutputFormat.csv:
        return _write_csv(rows, model, fp)
    if fmt is OutputFormat.json:
        from argmine.records import SCHEMA_VERSION

        key = JSON_KEYS.get(model.__name__, "records")
        fp.write('{"schema_version":%d' % SCHEMA_VERSION)
        for name, value in extra.items():
            fp.write(",\n" + json.dumps(name) + ":" + json.dumps(value, ensure_ascii=False))
        fp.write(",\n" + json.dumps(key) + ":[")
        count = 0
        for row in rows:
            fp.write(("\n" if count == 0 else ",\n") + row.model_dump_json())
            count += 1
        fp.write("]}\n")
        return count
    if fmt is OutputFormat.markdown:
        return _write_rows_markdown(rows, model, fp, extra)
    return _print_rows_table(rows, model, fp, extra)


def _shown_view(model: type[BaseModel], extra: dict[str, Any]) -> tuple[list[str], Any]:
    """`row_view`, less the Target column when the header lines already name the one target."""
    header, cells_of = row_view(model)
    query = extra.get("query")
    if "Target" not in header or not (isinstance(query, dict) and query.get("target")):
        return header, cells_of
    keep = [i for i, h in enumerate(header) if h != "Target"]
    return [header[i] for i in keep], lambda index, row: [c for i, c in enumerate(cells_of(index, row)) if i in keep]


def _write_rows_markdown(rows: Iterable[BaseModel], model: type[BaseModel], fp: TextIO, extra: dict[str, Any]) -> int:
    header, cells_of = _shown_view(model, extra)
    for name, value in extra.items():
        if isinstance(value, dict):
            for key, item in value.items():
                if item not in (None, "", [], {}):
                    fp.write(f"- **{_md_cell(key)}**: {_md_cell(_plain(item))}\n")
            fp.write("\n")
    fp.write("| " + " | ".join(header) + " |\n")
    fp.write("|" + "---|" * len(header) + "\n")
    count = 0
    for row in rows:
        fp.write("| " + " | ".join(_md_cell(c) for c in cells_of(count, row)) + " |\n")
        count += 1
    return count


def _md_cell(value: Any) -> str:
    """A markdown table cell: one line, no terminal controls, Markdown's own characters escaped
    (article text is shown as written, never read as markup)."""
    text = " ".join(terminal_safe(_plain(value)).split())
    return _MARKDOWN_SPECIAL.sub(r"\\\g<0>", text)


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_plain(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_plain(v)}" for k, v in value.items())
    return str(value)


# --------------------------------------------------------------------------- tables (Rich)

#: How each stance is coloured in the table format.
STANCE_STYLES = {"support": "green", "oppose": "red", "mixed": "yellow", "neutral": "dim"}

#: Words of a segment's text shown by `argmine inspect`.
PREVIEW_WORDS = 8


def row_view(model: type[BaseModel]) -> tuple[list[str], Any]:
    """Header and a (index, row) -> cells function for the human formats of a flat record type."""
    from argmine.aggregate import actor_label
    from argmine.records import STANCES, ActorSummary, Segment

    if model is ActorSummary:
        header = ["Actor", "Kind", "Roles", "Docs", "Claims", "Stance", "s/o/m/n", "Target"]

        def actor_cells(_index: int, a: ActorSummary) -> list[str]:
            mix = "/".join(str(a.stance_mix.get(s, 0)) for s in STANCES)
            name = actor_label(a)  # which article's writer: unnamed ones look alike
            roles = "; ".join(r for r in a.roles if r != a.name)
            return [name, a.kind, roles, str(len(a.docs)), str(a.claims), a.stance or "", mix, a.target or ""]

        return header, actor_cells
    if model is Segment:

        def segment_cells(index: int, seg: Segment) -> list[str]:
            return [str(index), seg.kind.value, str(seg.start), str(seg.end), seg.rule, preview(seg.text)]

        return ["#", "Kind", "Start", "End", "Rule", "Text"], segment_cells
    names = list(model.model_fields)
    return names, lambda _index, row: [_plain(getattr(row, n)) for n in names]


#: Columns the human formats right-align.
NUMERIC_COLUMNS = frozenset({"#", "Start", "End", "Docs", "Claims", "s/o/m/n"})

#: Free-text columns and their share of the width the short ones leave.
FLEX_COLUMNS = {"Actor": 3, "Roles": 2, "Text": 3, "Rule": 1}

#: Short columns the table never wraps.
NO_WRAP_COLUMNS = NUMERIC_COLUMNS | {"Kind", "Stance", "Mode", "Target"}


def preview(text: str, words: int = PREVIEW_WORDS) -> str:
    """The first words of a text, on one line."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _console(fp: TextIO) -> Any:
    from rich.console import Console

    # highlight=False: Rich must not colour numbers and quotes inside article text.
    return Console(file=fp, highlight=False)


def _print_claims_table(groups: Iterable[DocumentResult], fp: TextIO) -> int:
    """One table per document; the stance coloured."""
    from rich.table import Table
    from rich.text import Text

    console = _console(fp)
    count = 0
    for group in groups:
        if not group.claims:
            continue
        heading = Text(terminal_safe(group.doc), style="bold")
        title = group.document.meta.title if group.document is not None else None
        if title:
            heading.append(f" — {terminal_safe(title)}")
        noun = "claim" if len(group.claims) == 1 else "claims"
        heading.append(f" · {len(group.claims)} {noun} · target {terminal_safe(_targets(group))}", style="dim")
        table = Table(show_header=True, header_style="bold", expand=True)
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column("Actor", max_width=24, overflow="fold")
        table.add_column("Mode", no_wrap=True)
        table.add_column("Stance", no_wrap=True)
        table.add_column("Claim", ratio=1, min_width=20)
        rows: list[list[Text]] = []
        for claim in group.claims:
            actor = Text(terminal_safe(claim.actor.name))
            if claim.actor.name.casefold() != claim.actor.kind:
                actor.append(f" ({claim.actor.kind})", style="dim")
            content = Text(terminal_safe(claim.content.text))
            if claim.cue is not None:
                content.append(f"  [{terminal_safe(claim.cue.text)}]", style="dim")
            stance = Text(claim.stance, style=STANCE_STYLES.get(claim.stance, ""))
            for other in other_stances(claim):
                stance.append(f"\n{terminal_safe(other)}", style="dim")
            rows.append([Text(claim_number(claim)), actor, Text(claim.mode), stance, content])
        if count:
            console.print()
        console.print(heading)
        _print_fitting(console, table, rows)
        count += len(group.claims)
    return count


#: The narrowest each free-text column may become; a terminal too narrow for
#: them all gets one block per row instead of a table (as psql's expanded display).
MIN_COLUMN_WIDTHS = {"Claim": 20, "Text": 16, "Actor": 12, "Roles": 8, "Rule": 8}


def _print_fitting(console: Any, table: Any, rows: list[list[Any]]) -> None:
    """Print rows as the table, or, where the terminal is too narrow for it, as blocks of 'Column: value' lines."""
    from rich.text import Text

    headers = [str(column.header) for column in table.columns]
    if _narrowest(headers, rows) <= console.width:
        for cells in rows:
            table.add_row(*cells)
        console.print(table)
        return
    for index, cells in enumerate(rows):
        if index:
            console.print()
        for header, cell in zip(headers, cells):
            if cell.plain:
                console.print(Text(f"{header}: ", style="bold") + cell)


def _narrowest(headers: list[str], rows: list[list[Any]]) -> int:
    """The least width a table of these rows needs: short columns whole, free text at its minimum."""
    width = 1
    for i, header in enumerate(headers):
        if header in MIN_COLUMN_WIDTHS:
            need = max(MIN_COLUMN_WIDTHS[header], len(header))
        else:
            need = max([len(header), *(row[i].cell_len for row in rows)])
        width += need + 3  # a space either side and a rule
    return width


def _print_rows_table(rows: Iterable[BaseModel], model: type[BaseModel], fp: TextIO, extra: dict[str, Any]) -> int:
    from rich.table import Table
    from rich.text import Text

    console = _console(fp)
    for name, value in extra.items():
        if isinstance(value, dict):
            for key, item in value.items():
                if item not in (None, "", [], {}):
                    console.print(Text(f"{key}: ", style="bold") + Text(terminal_safe(_plain(item))))
            console.print()
    header, cells_of = _shown_view(model, extra)
    table = Table(show_header=True, header_style="bold", expand=True)
    for column in header:
        table.add_column(
            column,
            justify="right" if column in NUMERIC_COLUMNS else "left",
            no_wrap=column in NO_WRAP_COLUMNS,
            # The free-text columns share what the short ones leave.
            ratio=FLEX_COLUMNS.get(column),
            overflow="fold",
        )
    shown: list[list[Text]] = []
    for count, row in enumerate(rows):
        cells = [terminal_safe(c) for c in cells_of(count, row)]
        shown.append([Text(c, style=STANCE_STYLES.get(c, "")) if h == "Stance" else Text(c) for h, c in zip(header, cells)])
    if shown:
        _print_fitting(console, table, shown)
    return len(shown)


# --------------------------------------------------------------------------- jsonl / csv


def _write_jsonl(rows: Iterable[BaseModel], fp: TextIO) -> int:
    count = 0
    for row in rows:
        fp.write(row.model_dump_json() + "\n")
        count += 1
    return count


def csv_columns(model: type[BaseModel], prefix: str = "") -> list[tuple[str, tuple[str, ...]]]:
    """Flattened CSV columns from the pydantic fields: ``content.text``, ``actor.name``...

    Nested models become dotted columns (as `pandas.json_normalize` names
    them); dict fields with known keys (`DICT_COLUMNS`) get a column per key.
    Returns (column name, path of attribute names) pairs.
    """
    from argmine.records import STANCES

    columns: list[tuple[str, tuple[str, ...]]] = []
    for name, info in model.model_fields.items():
        nested = _nested_model(info.annotation)
        if nested is not None:
            for sub_name, sub_path in csv_columns(nested):
                columns.append((f"{prefix}{name}.{sub_name}", (name, *sub_path)))
        elif name in DICT_COLUMNS:
            for key in STANCES:
                columns.append((f"{prefix}{name}.{key}", (name, key)))
        else:
            columns.append((f"{prefix}{name}", (name,)))
    return columns


def _nested_model(annotation: Any) -> Optional[type[BaseModel]]:
    """The model class of a field typed `Model` or `Optional[Model]`, else None."""
    import typing

    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (list, tuple):  # a list of records is one cell
        return None
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if len(args) == 1 and isinstance(args[0], type) and issubclass(args[0], BaseModel):
        return args[0]
    return None


def _csv_value(record: BaseModel, path: tuple[str, ...]) -> str:
    value: Any = record
    for step in path:
        if value is None:
            return ""
        value = value.get(step, 0) if isinstance(value, dict) else getattr(value, step)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)  # numbers are never formulas; "-0.2" stays a number
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, (list, tuple)):
        value = "; ".join(v.csv_cell() if hasattr(v, "csv_cell") else _plain(v) for v in value)
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False)
    return neutralise_formula(str(value))


def neutralise_formula(text: str) -> str:
    """Prefix a quote to text a spreadsheet would run as a formula (OWASP CSV injection)."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _write_csv(rows: Iterable[BaseModel], model: type[BaseModel], fp: TextIO) -> int:
    import csv

    columns = csv_columns(model)
    # RFC 4180 line ends: with them the writer quotes a cell holding a lone CR
    # too, which a bare "\n" terminator would leave unquoted (and break readers).
    writer = csv.writer(fp, lineterminator="\r\n")
    writer.writerow([name for name, _ in columns])
    count = 0
    for row in rows:
        writer.writerow([_csv_value(row, path) for _, path in columns])
        count += 1
    return count


# --------------------------------------------------------------------------- evaluation reports


class ReportFormat(str, Enum):
    """`evaluate` writes a report, not records: a table or the JSON report."""

    table = "table"
    json = "json"


#: `evaluate --output FILE` without `--format`: the format the file name asks for.
REPORT_FORMAT_BY_SUFFIX = {".json": ReportFormat.json, ".txt": ReportFormat.table}


def choose_report_format(fmt: Optional[ReportFormat], output: Optional[Path], stdout_is_terminal: bool) -> ReportFormat:
    """The format asked for; else the output file's suffix (UsageError when it says none); else tables
    on a terminal and JSON in a pipe."""
    if fmt is not None:
        return fmt
    if _names_a_file(output):
        chosen = REPORT_FORMAT_BY_SUFFIX.get(output.suffix.lower())  # type: ignore[union-attr]
        if chosen is None:
            raise UsageError(_no_format_message(output, REPORT_FORMAT_BY_SUFFIX))  # type: ignore[arg-type]
        return chosen
    return ReportFormat.table if stdout_is_terminal and output is None else ReportFormat.json


def write_report(report: "Report", fmt: ReportFormat, fp: TextIO, comparison: "Optional[Comparison]" = None) -> None:
    """Write an evaluation report (claim or attribution gold): the JSON report, or tables
    (`argmine.report_tables`), with the comparison to an earlier report when there is one."""
    from argmine.report_tables import write_json, write_table

    (write_json if fmt is ReportFormat.json else write_table)(report, fp, comparison)


# --------------------------------------------------------------------------- reading back


def read_claim_stream(fp: TextIO, *, source: str = "stdin") -> list[DocumentResult]:
    """Claim records piped in: JSON Lines (`-f jsonl`), the `-f json` object, or a JSON array.

    Returns the claims grouped by document, in the order they came.
    Raises InputError naming the line of the first malformed record.
    """
    text = fp.read()
    if not text.strip():
        return []
    first_line = text.lstrip().split("\n", 1)[0]
    if not _is_complete_json(first_line):
        # Not JSON Lines: perhaps one pretty-printed or multi-line JSON value.
        whole = _json_or_none(text)
        if isinstance(whole, dict) and "claims" in whole:
            return _groups_from_result(text, source)
        if isinstance(whole, list):
            return _groups_from_lines([json.dumps(item) for item in whole], source, what="item")
    return _groups_from_lines(text.splitlines(), source, what="line")


def _groups_from_lines(lines: Sequence[str], source: str, *, what: str) -> list[DocumentResult]:
    from pydantic import ValidationError

    from argmine.records import Claim

    groups: dict[str, DocumentResult] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            claim = Claim.model_validate_json(line)
        except ValidationError as error:
            raise InputError(f"{source} {what} {number}: not a claim record ({_first_problem(error)})") from None
        _check_schema_version(claim.schema_version, f"{source} {what} {number}")
        groups.setdefault(claim.doc, DocumentResult(doc=claim.doc, claims=[])).claims.append(claim)
    return list(groups.values())


def _is_complete_json(text: str) -> bool:
    return _json_or_none(text) is not None


def _json_or_none(text: str) -> Any:
    try:
        return json.loads(text)
    except (ValueError, RecursionError):  # nested past Python's limit: not a record either
        return None


def _check_schema_version(version: int, where: str) -> None:
    """Records from a newer (or unknown) layout are refused rather than misread."""
    from argmine.records import SCHEMA_VERSION

    if version != SCHEMA_VERSION:
        raise InputError(f"{where}: schema_version {version} is not one this argmine reads ({SCHEMA_VERSION})")


def _groups_from_result(text: str, source: str) -> list[DocumentResult]:
    from pydantic import ValidationError

    from argmine.records import ExtractionResult

    try:
        result = ExtractionResult.model_validate_json(text)
    except ValidationError as error:
        raise InputError(f"{source}: not an argmine JSON result ({_first_problem(error)})") from None
    _check_schema_version(result.schema_version, source)
    for number, claim in enumerate(result.claims, start=1):
        _check_schema_version(claim.schema_version, f"{source} claim {number}")
    documents = {d.doc: d for d in result.documents}
    groups: dict[str, DocumentResult] = {}
    for claim in result.claims:
        group = groups.setdefault(claim.doc, DocumentResult(doc=claim.doc, claims=[], document=documents.get(claim.doc)))
        group.claims.append(claim)
    return list(groups.values())


def _first_problem(error: Any) -> str:
    problem = error.errors()[0]
    where = ".".join(str(p) for p in problem.get("loc", ()))
    message = problem.get("msg", "invalid")
    if problem.get("type") == "json_invalid":
        return "invalid JSON"
    return f"{where}: {message}" if where else message


# --------------------------------------------------------------------------- files


@contextmanager
def atomic_output(path: Optional[Path], stdout: Optional[TextIO] = None) -> Iterator[TextIO]:
    """Yield a stream for `--output PATH` (None or `-`: stdout), written through what is there.

    A regular file (or nothing yet) appears complete or not at all; a device,
    FIFO or `/dev/stdout` is written in place (see `argmine.destination`).
    """
    from argmine.destination import open_destination

    with open_destination(path, stdout if stdout is not None else _sys_stdout()) as fp:
        yield fp


def _sys_stdout() -> TextIO:
    import sys

    return sys.stdout


def render_to_string(records: Iterable[Any], fmt: OutputFormat, *, model: Optional[type[BaseModel]] = None) -> str:
    """Convenience for Python users and tests: the output as a string."""
    buffer = io.StringIO()
    write_records(records, fmt, buffer, model=model)
    return buffer.getvalue()

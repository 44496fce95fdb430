"""Corpus files: one document per row (CSV, JSON Lines, Parquet), read as a stream.

News databases and scrapers export one article per row, with the text in
one column and date, outlet, title and author in others. Each row becomes a
document of its own: its id is ``FILE#ROW`` (ROW from the id column, else
the row's number, counting from 1), its offsets point into the row's text
cell (``Document.offsets_into == "text"``), and its claims carry the row id
(``Claim.row``). Columns are found by common names unless the user names
them (`CorpusOptions`).

Rows are read one at a time (CSV and JSON Lines line by line, Parquet a
batch of rows at a time), so a corpus of any length is read in flat memory.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import Any, Iterator, Mapping, Optional, Union

from argmine.errors import InputError, UsageError

#: Column names tried, in order, when the user names none (compared without case, "-" and " " as "_").
TEXT_COLUMNS = (
    "text", "body", "content", "full_text", "fulltext", "article_text", "body_text", "main_text",
    "maintext", "article", "story", "document", "transcript",
)
ID_COLUMNS = ("id", "doc_id", "document_id", "article_id", "story_id", "uuid", "guid", "key")
META_COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "heading"),
    "author": ("author", "authors", "byline", "writer"),
    "date": (
        "date", "published_at", "publish_date", "published", "pubdate", "pub_date", "publication_date",
        "date_published", "datetime", "timestamp", "created_at",
    ),
    "outlet": (
        "outlet", "source", "source_name", "publication", "publisher", "site", "site_name", "sitename",
        "newspaper", "media", "domain",
    ),
    "url": ("url", "link", "permalink", "canonical_url", "web_url"),
}
#: Document metadata fields a column can fill; any other name goes to meta.extra.
META_FIELDS = ("title", "author", "date", "outlet", "url", "language")
PARQUET_BATCH_ROWS = 256


@dataclass(frozen=True)
class CorpusOptions:
    """Which columns hold a row's text, id and metadata (None: found by common names)."""

    text_column: Optional[str] = None
    id_column: Optional[str] = None
    meta: Mapping[str, str] = field(default_factory=dict)  # metadata name -> column


def parse_meta_mapping(spec: Optional[str]) -> dict[str, str]:
    """'date=published_at,outlet=source' -> {'date': 'published_at', 'outlet': 'source'}.

    Raises:
        UsageError: an item is not NAME=COLUMN.
    """
    mapping: dict[str, str] = {}
    for item in (spec or "").split(","):
        if not item.strip():
            continue
        name, sep, column = item.partition("=")
        if not sep or not name.strip() or not column.strip():
            raise UsageError(f"--meta takes NAME=COLUMN pairs separated by commas (e.g. date=published_at), not {item.strip()!r}")
        mapping[name.strip().lower()] = column.strip()
    return mapping


def _norm(name: str) -> str:
    return name.strip().lower().replace("-", "_").replace(" ", "_")


@dataclass(frozen=True)
class Columns:
    """The columns chosen for one corpus file."""

    text: str
    id: Optional[str]
    meta: dict[str, str]  # metadata name -> column

    @classmethod
    def choose(cls, available: list[str], options: CorpusOptions, file_name: str) -> "Columns":
        """Match the user's names (exactly, then without case) or the common names.

        Raises:
            InputError: a named column is missing, or no column holds text.
        """
        by_norm: dict[str, str] = {}
        for name in available:
            by_norm.setdefault(_norm(name), name)
        shown = ", ".join(available[:12]) + (", ..." if len(available) > 12 else "")

        def named(column: str, option: str) -> str:
            if column in available:
                return column
            if _norm(column) in by_norm:
                return by_norm[_norm(column)]
            if "." in column:  # a field inside a nested JSON object ("source.name")
                return column
            raise InputError(f"{file_name} has no column {column!r} for {option} (columns: {shown})")

        def guessed(candidates: tuple[str, ...]) -> Optional[str]:
            return next((by_norm[c] for c in candidates if c in by_norm), None)

        if options.text_column:
            text = named(options.text_column, "--text-column")
        else:
            text = guessed(TEXT_COLUMNS)
            if text is None:
                raise InputError(f"no text column (columns: {shown}); name it with --text-column")
        ident = named(options.id_column, "--id-column") if options.id_column else guessed(ID_COLUMNS)
        meta = {}
        for name, candidates in META_COLUMNS.items():
            column = guessed(candidates)
            if column is not None and column not in (text, ident):
                meta[name] = column
        for name, column in options.meta.items():
            meta[name] = named(column, f"--meta {name}")
        return cls(text, ident, meta)


# -- reading rows ----------------------------------------------------------------


def _cell_value(record: Mapping[str, Any], column: str) -> Any:
    if column in record:
        return record[column]
    value: Any = record
    for part in column.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def _as_text(value: Any) -> Optional[str]:
    """A cell as text: None for missing or empty, ISO 8601 for dates."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN: pandas' missing value
        return None
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value if v is not None)
    text = str(value)
    return text if text.strip() else None


def _sample_encoding(path: Path) -> str:
    """A CSV's encoding, judged on its first megabyte (UTF-8 with or without a mark, else the text reader's guess)."""
    from argmine.ingest.reading import decode_bytes

    with path.open("rb") as handle:
        sample = handle.read(1_000_000)
    if sample.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        if error.start > len(sample) - 4:  # a character cut by the sample's end
            return "utf-8"
    try:
        return decode_bytes(sample).encoding
    except InputError:
        return "utf-8"


def _csv_records(path: Path) -> tuple[list[str], Iterator[dict[str, Any]]]:
    encoding = _sample_encoding(path)
    handle = path.open("r", encoding=encoding, errors="replace", newline="")
    first = handle.readline()
    handle.seek(0)
    if path.suffix.lower() == ".tsv":
        delimiter = "\t"
    else:
        try:
            delimiter = csv.Sniffer().sniff(first, delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    # Article texts outgrow csv's default 128 kB field limit; argmine's own size cap applies per row.
    csv.field_size_limit(max(csv.field_size_limit(), min(sys.maxsize, 2**31 - 1)))
    reader = csv.DictReader(handle, delimiter=delimiter)
    columns = list(reader.fieldnames or [])

    def rows() -> Iterator[dict[str, Any]]:
        with handle:
            yield from reader

    return columns, rows()


def _jsonl_records(path: Path) -> tuple[list[str], Iterator[Union[dict[str, Any], str]]]:
    """Columns from the first object; rows as objects, or a reason string for a bad line."""
    handle = path.open("r", encoding="utf-8-sig", errors="replace")
    first_object: Optional[dict[str, Any]] = None
    for line in handle:
        if line.strip():
            try:
                parsed = json.loads(line)
            except json.JSONDecodeError:
                break
            first_object = parsed if isinstance(parsed, dict) else None
            break
    handle.seek(0)
    columns = list(first_object or {})

    def rows() -> Iterator[Union[dict[str, Any], str]]:
        with handle:
            for line in handle:
                if not line.strip():
                    continue
                try:
                    parsed = json.loads(line)
                except (json.JSONDecodeError, RecursionError):
                    yield "not valid JSON"
                    continue
                yield parsed if isinstance(parsed, dict) else "not a JSON object"

    return columns, rows()


def _parquet_records(path: Path) -> tuple[list[str], Iterator[dict[str, Any]]]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("reading .parquet files needs the parquet extra: pip install 'argmine[parquet]'") from None
    try:
        parquet = pq.ParquetFile(path)
    except Exception as error:  # pyarrow raises its own types for a damaged file
        raise InputError(f"not a readable Parquet file ({error})") from None
    columns = list(parquet.schema_arrow.names)

    def rows() -> Iterator[dict[str, Any]]:
        for batch in parquet.iter_batches(batch_size=PARQUET_BATCH_ROWS):
            yield from batch.to_pylist()

    return columns, rows()


def open_records(path: Path, fmt: str) -> tuple[list[str], Iterator[Any]]:
    """(column names, rows) of a corpus file; rows are dicts (or a reason string for a bad JSON line).

    Raises:
        InputError: the file cannot be opened or read.
    """
    try:
        if fmt == "csv":
            return _csv_records(path)
        if fmt == "jsonl":
            return _jsonl_records(path)
        if fmt == "parquet":
            return _parquet_records(path)
    except OSError as error:
        raise InputError(f"cannot read ({error.strerror or type(error).__name__})") from None
    raise ValueError(f"not a corpus format: {fmt!r}")


def count_rows(path: Path, fmt: str) -> int:
    """How many documents a corpus file holds (for a progress bar); 0 when it cannot tell."""
    try:
        if fmt == "parquet":
            import pyarrow.parquet as pq

            return pq.ParquetFile(path).metadata.num_rows
        if fmt == "jsonl":
            with path.open("rb") as handle:
                return sum(1 for line in handle if line.strip())
        _, rows = _csv_records(path)
        return sum(1 for _ in rows)
    except Exception:  # a count is a courtesy: the read itself reports what is wrong
        return 0


# -- rows as documents -------------------------------------------------------------


@dataclass
class RawRow:
    """One row of a corpus file, read but not yet segmented (the runner's unit, like RawArticle)."""

    path: Path
    doc_id: str
    row: str
    text: str
    meta: dict[str, str]
    format: str

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()

    @cached_property
    def cache_key(self) -> str:
        """Text, metadata and row id: a row shares a stored extraction only with its own unchanged self."""
        blob = json.dumps([self.format, self.row, self.text, self.meta], ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()

    @property
    def source(self) -> str:
        """The absolute path (every byte kept) and the row: each row is a document of its own."""
        return f"{os.path.abspath(self.path)}#{self.row}"

    def parse(self) -> Any:
        """The row as an Article (offsets into its text cell); a Skipped when it gives none."""
        from argmine.ingest import article_from_row

        return article_from_row(self)


def iter_rows(
    path: Path, file_id: str, fmt: str, options: CorpusOptions, *, max_bytes: int
) -> Iterator[Union[RawRow, tuple[str, str]]]:
    """Each row of a corpus file as a RawRow, or (where, reason) for a row or file that gives no document.

    Raises:
        InputError: the file as a whole cannot be read (no text column, a damaged file).
    """
    available, records = open_records(path, fmt)
    columns = Columns.choose(available, options, path.name)
    yield from rows_of(records, columns, path=path, file_id=file_id, fmt=fmt, max_bytes=max_bytes)


def rows_of(
    records: Iterator[Any], columns: Columns, *, path: Path, file_id: str, fmt: str, max_bytes: int
) -> Iterator[Union[RawRow, tuple[str, str]]]:
    """Records (dicts) as RawRows: also the way in for rows given from Python (a DataFrame's
    records), whose document ids are the row ids alone (`file_id` empty)."""
    seen: set[str] = set()
    for number, record in enumerate(records, start=1):
        where = f"{file_id} row {number}"
        if isinstance(record, str):
            yield where, record
            continue
        text = _as_text(_cell_value(record, columns.text))
        row_id = (_as_text(_cell_value(record, columns.id)) if columns.id else None) or str(number)
        row_id = " ".join(row_id.split())
        if row_id in seen:
            row_id = f"{row_id}~{number}"  # a repeated id keeps apart by the row's number
        seen.add(row_id)
        doc_id = f"{file_id}#{row_id}" if file_id else row_id
        if text is None:
            yield doc_id, f"no text in column {columns.text!r}"
            continue
        if len(text.encode("utf-8", "surrogatepass")) > max_bytes:
            yield doc_id, f"text over the size cap ({max_bytes:,} bytes)"
            continue
        meta = {name: value for name, column in columns.meta.items() if (value := _as_text(_cell_value(record, column)))}
        yield RawRow(path, doc_id, row_id, text, meta, fmt)


def split_meta(values: Mapping[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """(DocumentMeta fields, extra) from a row's metadata."""
    known = {k: v for k, v in values.items() if k in META_FIELDS}
    extra = {k: v for k, v in values.items() if k not in META_FIELDS}
    return known, extra


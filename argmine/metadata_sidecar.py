"""Metadata given from outside the documents: a sidecar file, and dates in file names.

A researcher often knows more about a document than its text says: the
outlet it came from, the day it was printed, who wrote it. Two ways in:

- ``--metadata FILE``: a CSV (.csv .tsv) or JSON Lines (.jsonl .ndjson) file
  with a ``file`` column and any of ``date``, ``outlet``, ``title``,
  ``author``, ``url`` (other columns are kept as extra metadata). A row's
  ``file`` is matched to a document's name as argmine gives it (the path
  relative to the folder given, ``news/a.txt`` for ``argmine extract
  corpus/`` over ``corpus/news/a.txt``; ``FILE#ROW`` for a row of a corpus
  file), else to its path as read, else, when ``file`` is a bare file
  name, to the document's file name. What the sidecar gives overrides what
  was read from the page; ``meta.date_source`` then says ``metadata``.
- ``--name-date REGEX`` (with ``--name-date-format FMT``): the date read from
  the file name (`argmine.dates.NamePattern`), as DNA's importer reads it;
  it overrides a date read from the page or URL, the sidecar overrides it.

Overrides are known from a document's name before it is read, so they are
part of its cache key: change the sidecar and the documents it names are
extracted again (the author a sidecar names is the voice of author claims).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Mapping, Optional

from argmine.dates import NamePattern, user_date
from argmine.errors import UsageError

#: Sidecar columns that set DocumentMeta fields; `file` names the document.
SIDECAR_FIELDS = ("date", "outlet", "title", "author", "url")


def _sidecar_cell(value: Any) -> str:
    return "" if value is None else str(value).strip()


@dataclass
class Sidecar:
    """A metadata file's rows, by the `file` each names.

    Attributes:
        rows: field -> value for each `file` value (empty cells left out).
        used: the `file` values some document matched (the rest are reported).
    """

    path: Path
    rows: dict[str, dict[str, str]]
    used: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, path: Path) -> "Sidecar":
        """Read a sidecar file. Raises UsageError with a one-line reason."""
        from argmine.ingest.corpus_files import open_records
        from argmine.ingest.formats import format_of

        shown = str(path)
        fmt = format_of(path)
        if fmt not in ("csv", "jsonl"):
            raise UsageError(f"--metadata {shown}: use a CSV (.csv .tsv) or JSON Lines (.jsonl .ndjson) file")
        if not path.is_file():
            raise UsageError(f"--metadata {shown}: no such file")
        try:
            columns, records = open_records(path, fmt)
            rows = _rows(shown, columns, list(records))
        except OSError as error:
            raise UsageError(f"--metadata {shown}: cannot read ({error.strerror or type(error).__name__})") from None
        except UnicodeDecodeError:
            raise UsageError(f"--metadata {shown}: not UTF-8 text") from None
        return cls(path, rows)

    def row_for(self, doc: str, path: str) -> Optional[str]:
        """The `file` value that names this document (see the module docstring), or None."""
        for key in (doc, PurePosixPath(path).as_posix(), path):
            if key in self.rows:
                return key
        name = PurePosixPath(doc.split("#", 1)[0]).name
        if "#" in doc:  # a corpus row: its file's name and the row
            name = f"{name}#{doc.split('#', 1)[1]}"
        return name if name in self.rows and "/" not in name else None

    def unused(self) -> list[str]:
        """`file` values no document matched, in the file's order."""
        return [key for key in self.rows if key not in self.used]


def _rows(shown: str, columns: list[str], records: list[Any]) -> dict[str, dict[str, str]]:
    folded = {c.strip().lower(): c for c in columns}
    if "file" not in folded and records and isinstance(records[0], dict):
        folded = {str(c).strip().lower(): c for c in records[0]}
    if "file" not in folded:
        raise UsageError(f"--metadata {shown}: no 'file' column (it names each document)")
    rows: dict[str, dict[str, str]] = {}
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            raise UsageError(f"--metadata {shown}: row {number} is {record}")
        values = {str(k).strip().lower(): _sidecar_cell(v) for k, v in record.items() if k is not None}
        name = values.pop("file", "").replace("\\", "/").removeprefix("./")
        if not name:
            raise UsageError(f"--metadata {shown}: row {number} has no file")
        if name in rows:
            raise UsageError(f"--metadata {shown}: {name!r} is listed twice (rows for one document must be one row)")
        if values.get("date"):
            try:
                values["date"] = user_date(values["date"], "date")
            except UsageError:
                raise UsageError(f"--metadata {shown}: row {number} ({name}): {values['date']!r} is not a date") from None
        rows[name] = {k: v for k, v in values.items() if v}
    return rows


@dataclass
class MetadataOverrides:
    """What a run knows about its documents from outside them: a sidecar and a file-name date pattern."""

    sidecar: Optional[Sidecar] = None
    name_pattern: Optional[NamePattern] = None

    @property
    def active(self) -> bool:
        return self.sidecar is not None or self.name_pattern is not None

    def for_document(self, doc: str, path: str) -> dict[str, Any]:
        """The DocumentMeta fields to set on this document (empty when nothing applies)."""
        update: dict[str, Any] = {}
        if self.name_pattern is not None:
            found = self.name_pattern.date_of(PurePosixPath(doc.split("#", 1)[0]).name) or self.name_pattern.date_of(doc)
            if found:
                update.update(date=found, date_source="name")
        if self.sidecar is not None:
            key = self.sidecar.row_for(doc, path)
            if key is not None:
                self.sidecar.used.add(key)
                update.update(_meta_fields(self.sidecar.rows[key]))
        return update


def _meta_fields(row: Mapping[str, str]) -> dict[str, Any]:
    update: dict[str, Any] = {k: v for k, v in row.items() if k in SIDECAR_FIELDS}
    if "date" in update:
        update["date_source"] = "metadata"
    extra = {k: v for k, v in row.items() if k not in SIDECAR_FIELDS}
    if extra:
        update["extra"] = extra
    return update


def keyed(cache_key: str, update: Mapping[str, Any]) -> str:
    """A document's cache key with what was given about it: the same bytes with other
    metadata are another extraction (the author named is the writer's voice)."""
    if not update:
        return cache_key
    blob = json.dumps(dict(update), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(f"{cache_key}\0{blob}".encode("utf-8", "surrogatepass")).hexdigest()


def apply_overrides(document: Any, update: Mapping[str, Any]) -> None:
    """Set the given fields on a Document's meta (extra metadata merged with what the page gave)."""
    if not update:
        return
    update = dict(update)
    if "extra" in update:
        update["extra"] = {**(document.meta.extra or {}), **update["extra"]}
    document.meta = document.meta.model_copy(update=update)

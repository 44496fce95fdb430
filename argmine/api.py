"""argmine from Python: texts, files or a DataFrame in, claim records out.

    >>> import argmine
    >>> claims = argmine.extract(["The minister said the merger would help patients."])
    >>> claims.to_pandas()[["actor.name", "mode", "content.text"]]        # doctest: +SKIP

`extract` takes what a notebook has at hand: strings of text, paths of files
or folders (any format the CLI reads), a ``{id: text}`` mapping, a list of
row dicts or a pandas DataFrame (one document per row, columns found as for
corpus files). The pipeline (the model) is loaded once per process, on first
use, and kept. Nothing here imports the CLI, prints or exits: problems with a
single input are collected in `Claims.skipped`, errors that concern the whole
call raise `argmine.errors.ArgmineError` subclasses.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping, Optional, Sequence, Union

from argmine.errors import InputError, UsageError
from argmine.results import DocumentResult
from argmine.settings import DEFAULT_MAX_BYTES

if TYPE_CHECKING:  # pragma: no cover
    from argmine.ingest import Article
    from argmine.ingest.corpus_files import CorpusOptions
    from argmine.records import Claim, Document
    from argmine.target import Target

#: A string this long, or with a line break, is a text, never a path.
_PATH_MAX = 4096
_ROW_BATCH = 8

Input = Union[str, Path, Mapping[str, Any]]

__all__ = ["Claims", "extract", "extracted_text"]


class Claims(list):
    """Claim records (a list of `argmine.records.Claim`), with the documents they came from.

    Attributes:
        results: one `DocumentResult` per document read, in input order.
        skipped: (input, reason) for each input that gave no document.
    """

    def __init__(self, results: Sequence[DocumentResult], skipped: Sequence[tuple[str, str]], texts: Mapping[str, str]):
        super().__init__(claim for result in results for claim in result.claims)
        self.results = list(results)
        self.skipped = list(skipped)
        self._texts = dict(texts)

    @property
    def documents(self) -> list["Document"]:
        """The documents read (their metadata, segments, and what their offsets point into)."""
        return [r.document for r in self.results if r.document is not None]

    def text(self, doc: str) -> str:
        """The text the offsets of document `doc` point into: ``claims.text(c.doc)[c.start:c.end] == c.text``."""
        if doc in self._texts:
            return self._texts[doc]
        for document in self.documents:
            if document.doc == doc:
                from argmine.ingest import extracted_text

                return extracted_text(document.path, row=document.row)
        raise KeyError(doc)

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per claim: the CSV output's columns (``actor.name``, ``content.text``, ...)
        with native values, and the document's metadata as ``document.*`` columns."""
        from argmine.output import csv_columns
        from argmine.records import Claim

        columns = csv_columns(Claim)
        documents = {d.doc: d for d in self.documents}
        records = []
        for claim in self:
            record = {name: _field_at(claim, path) for name, path in columns}
            record.update(_document_columns(documents.get(claim.doc)))
            records.append(record)
        return records

    def to_pandas(self) -> Any:
        """The claims as a pandas DataFrame (columns as `to_records`). Needs pandas (`argmine[pandas]`)."""
        try:
            import pandas
        except ImportError:
            raise InputError("to_pandas() needs pandas: pip install 'argmine[pandas]'") from None
        from argmine.output import csv_columns
        from argmine.records import Claim

        columns = [name for name, _ in csv_columns(Claim)] + list(_DOCUMENT_COLUMNS)
        records = self.to_records()
        extra = sorted({k for r in records for k in r} - set(columns))
        return pandas.DataFrame.from_records(records, columns=columns + extra)

    def __repr__(self) -> str:
        return f"<Claims: {len(self)} claims from {len(self.results)} documents, {len(self.skipped)} skipped>"


_DOCUMENT_COLUMNS = (
    "document.title", "document.author", "document.outlet", "document.date", "document.url",
    "document.format", "document.offsets_into", "document.date_source", "document.duplicate_of",
)


def _field_at(record: Any, path: tuple[str, ...]) -> Any:
    value = record
    for step in path:
        if value is None:
            return None
        value = value.get(step, 0) if isinstance(value, dict) else getattr(value, step)
    if isinstance(value, list) and value and hasattr(value[0], "model_dump"):
        return [item.model_dump(mode="json") for item in value]  # a list of records (stances): plain dicts
    return value


def _document_columns(document: Optional["Document"]) -> dict[str, Any]:
    if document is None:
        return dict.fromkeys(_DOCUMENT_COLUMNS)
    meta = document.meta
    out = {
        "document.title": meta.title,
        "document.author": meta.author,
        "document.outlet": meta.outlet,
        "document.date": meta.date,
        "document.url": meta.url,
        "document.format": document.format,
        "document.offsets_into": document.offsets_into,
        "document.date_source": meta.date_source,
        "document.duplicate_of": document.duplicate_of,
    }
    for key, value in (meta.extra or {}).items():
        out[f"document.{key}"] = value
    return out


def extract(
    inputs: Union[Input, Iterable[Input], Any],
    *,
    target: Union[None, str, Path, "Target", Sequence[Union[str, Path, "Target"]]] = None,
    ids: Optional[Sequence[str]] = None,
    text_column: Optional[str] = None,
    id_column: Optional[str] = None,
    meta: Optional[Mapping[str, str]] = None,
    versions: str = "latest",
    store: Optional[Union[str, Path]] = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Claims:
    """Claims from texts, files, folders, rows or a DataFrame.

    Args:
        inputs: a text, a path, or a list of them; a ``{id: text}`` dict; a list
            of row dicts or a pandas DataFrame (one document per row). A string
            is a path when it names an existing file or folder and holds no line
            break; otherwise it is a text. Pass `pathlib.Path` to be explicit.
        target: the stance target: a bundled name (default: integration), a target file or a
            `argmine.target.Target`; or a list of them (several targets: each claim's `stances`
            holds its stance toward each it concerns); resolved once, before any input is read.
        ids: document ids for texts given as strings (default: text-1, text-2, ...).
        text_column, id_column, meta: for rows, DataFrames and corpus files: the
            text column, the id column and metadata columns (``{"date": "published_at"}``);
            by default found by common names, as the CLI does.
        versions: "latest" or "all" (pages that show several versions side by side).
        store: a store file to cache results in (as the CLI's --store); None keeps nothing.
        max_bytes: documents larger than this are skipped.

    Returns:
        Claims: the claim records, with `.results`, `.skipped`, `.to_pandas()`, `.to_records()`.
    """
    from argmine.ingest.corpus_files import CorpusOptions
    from argmine.target import resolve_targets

    targets = resolve_targets(target)
    resolved: Any = targets[0] if len(targets) == 1 else targets
    options = CorpusOptions(text_column=text_column, id_column=id_column, meta=dict(meta or {}))
    results: list[DocumentResult] = []
    skipped: list[tuple[str, str]] = []
    texts: dict[str, str] = {}
    opened = _open_store(store)
    try:
        for kind, group in _groups(_items(inputs, ids)):
            if kind == "path":
                results.extend(_from_paths(group, resolved, versions, options, opened, max_bytes, skipped))
            else:
                articles = list(_articles(kind, group, options, max_bytes, skipped))
                texts.update((a.document.doc, a.text) for a in articles)
                results.extend(_from_articles(articles, resolved, versions))
    finally:
        if opened is not None:
            opened.close()
    return Claims(results, skipped, texts)


def extracted_text(path: Union[str, Path], *, row: Optional[str] = None) -> str:
    """The text every offset of a document read from `path` (and `row`, for a corpus file) points into."""
    from argmine.ingest import extracted_text as read

    return read(path, row=row)


# -- inputs ----------------------------------------------------------------------


def _items(inputs: Any, ids: Optional[Sequence[str]]) -> Iterator[tuple[str, Any]]:
    """(kind, item) for each input: 'path', 'text' ((id, text)), 'row' (a dict) or 'frame' (a DataFrame)."""
    if _is_dataframe(inputs):
        yield "frame", inputs
        return
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    elif isinstance(inputs, Mapping):
        inputs = [(str(k), v) for k, v in inputs.items()]
        if not all(isinstance(v, str) for _, v in inputs):
            raise UsageError("a dict given to extract() maps document ids to texts")
    given = list(inputs)
    if ids is not None and len(ids) != sum(1 for x in given if isinstance(x, str) and not _names_path(x)):
        raise UsageError("ids must name each text given as a string, in order")
    names = iter(ids or ())
    count = 0
    for item in given:
        if isinstance(item, Path) or (isinstance(item, str) and _names_path(item)):
            yield "path", Path(item)
        elif isinstance(item, str):
            count += 1
            yield "text", (next(names, None) or f"text-{count}", item)
        elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], str):
            yield "text", (str(item[0]), item[1])
        elif isinstance(item, Mapping):
            yield "row", item
        else:
            raise UsageError(f"extract() reads texts, paths, row dicts or a DataFrame, not {type(item).__name__}")


def _names_path(text: str) -> bool:
    return len(text) < _PATH_MAX and "\n" not in text and "\r" not in text and os.path.exists(text)


def _is_dataframe(value: Any) -> bool:
    return hasattr(value, "columns") and hasattr(value, "to_dict") and hasattr(value, "iloc")


def _groups(items: Iterator[tuple[str, Any]]) -> Iterator[tuple[str, list[Any]]]:
    """Consecutive inputs of one kind together, so each kind is read its own way and order is kept."""
    kind: Optional[str] = None
    group: list[Any] = []
    for item_kind, item in items:
        if item_kind != kind and group:
            yield kind, group  # type: ignore[misc]
            group = []
        kind = item_kind
        group.append(item)
    if group:
        yield kind, group  # type: ignore[misc]


def _articles(
    kind: str, group: list[Any], options: "CorpusOptions", max_bytes: int, skipped: list[tuple[str, str]]
) -> Iterator["Article"]:
    """In-memory inputs as Articles: texts (offsets into the string), rows and DataFrames (into the text cell)."""
    from argmine.ingest import Skipped, article_from_row, parse_text
    from argmine.ingest.corpus_files import Columns, rows_of

    if kind == "text":
        for doc_id, text in group:
            if not text.strip():
                skipped.append((doc_id, "empty text"))
                continue
            article = parse_text(text, doc_id)
            article.document.format = "python"
            article.document.offsets_into = "text"
            yield article
        return
    records: list[Mapping[str, Any]] = []
    for item in group:
        records.extend(item.to_dict("records") if kind == "frame" else [item])
    if not records:
        return
    columns = Columns.choose([str(c) for c in records[0]], options, "the rows given")
    for row in rows_of(iter(records), columns, path=Path("."), file_id="", fmt="python", max_bytes=max_bytes):
        if isinstance(row, tuple):
            skipped.append(row)
            continue
        article = article_from_row(row)
        if isinstance(article, Skipped):
            skipped.append((article.path, article.reason))
        else:
            yield article


# -- running ---------------------------------------------------------------------


def _from_articles(articles: list["Article"], target: "Target", versions: str) -> list[DocumentResult]:
    from argmine import pipeline

    if not articles:
        return []
    nlp = pipeline.load_pipeline(target)
    results: list[DocumentResult] = []
    for start in range(0, len(articles), _ROW_BATCH):
        with nlp.memory_zone():
            results.extend(pipeline.extract_articles(articles[start : start + _ROW_BATCH], target=target, versions=versions))
    return results


def _from_paths(
    paths: list[Path],
    target: "Target",
    versions: str,
    options: "CorpusOptions",
    store: Any,
    max_bytes: int,
    skipped: list[tuple[str, str]],
) -> list[DocumentResult]:
    from argmine.errors import NothingToRead
    from argmine.runner import ExtractRun, RunListener

    class Collect(RunListener):
        def skipped(self, path: str, reason: str) -> None:
            skipped.append((path, reason))

        def failed(self, doc: str, message: str) -> None:
            skipped.append((doc, f"extraction failed ({message})"))

    run = ExtractRun(
        paths, store=store, target=target, versions=versions, max_bytes=max_bytes, listener=Collect(), corpus=options
    )
    try:
        return list(run)
    except NothingToRead:
        return []  # each path's reason is in `skipped`


def _open_store(store: Optional[Union[str, Path]]) -> Any:
    if store is None:
        return None
    from argmine.store import Store

    return Store(Path(store), create=True)

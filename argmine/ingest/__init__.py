"""Read articles: files in, typed segments with exact offsets out.

    >>> from argmine.ingest import parse_text
    >>> article = parse_text("A headline\\nThe first paragraph says something.\\n")
    >>> [(s.kind.value, s.start, s.end) for s in article.document.segments]
    [('title', 0, 10), ('body', 11, 46)]

Offsets are character offsets into ``Article.text``: the file's decoded text
(byte-order mark removed, line ends as in the file) for a plain-text file,
the text argmine extracted for a web page, PDF or Word file
(`extracted_text`), the text cell for a corpus row. For every segment,
``article.text[seg.start:seg.end] == seg.text``; ``Document.offsets_into``
says which text that is.

Cheap to import: no spaCy here; charset-normalizer is imported only when a
file is not UTF-8.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Iterator, Literal, Optional, Sequence, Union

from argmine.display import display_path

from argmine.errors import InputError
from argmine.ingest.corpus_files import CorpusOptions, RawRow, iter_rows, split_meta
from argmine.ingest.files import candidates
from argmine.ingest.metadata import build_meta
from argmine.ingest.reading import DEFAULT_MAX_BYTES, decode_bytes, read_file_bytes
from argmine.ingest.assemble import segment_text
from argmine.ingest.extracted import Extracted, apply_hints, merged_meta
from argmine.ingest.formats import (
    CORPUS,
    EXTRACTED,
    URL_REASON,
    extractor_id,
    format_by_content,
    format_of,
    is_url,
    missing_library,
    reader_for,
    refused_by_name,
)
from argmine.ingest.versions import same_text
from argmine.ingest.unwrap import is_markdown_path
from argmine.ingest.view import AnalysisView
from argmine.records import CLAIM_BEARING, Document, DocumentMeta, Segment
from argmine.settings import raise_errors_requested

__all__ = [
    "Article",
    "RawArticle",
    "RawRow",
    "CorpusOptions",
    "Skipped",
    "iter_articles",
    "iter_raw_articles",
    "read_article",
    "parse_text",
    "parse_bytes",
    "parse_extracted",
    "extracted_text",
    "read_row",
    "DEFAULT_MAX_BYTES",
]


@dataclass
class Article:
    """One article as read: the Document record and the decoded text its offsets point into."""

    document: Document
    text: str
    #: The file it was read from, every byte as the system gave it (`document.path`
    #: is that path as text, undecodable bytes shown as \xNN); None for text given directly.
    source: Optional[Path] = None

    def claim_segments(self, versions: Literal["latest", "all"] = "latest") -> list[Segment]:
        """Claim-bearing segments in reading order.

        "latest": segments outside version tables plus the latest version's
        cells. "all": the same plus paragraphs only earlier versions had —
        never the same text twice, so each claim is reported once.
        """
        if versions not in ("latest", "all"):
            raise ValueError(f"versions must be 'latest' or 'all', not {versions!r}")
        info = self.document.versions
        latest = info.used if info is not None else None
        chosen = [
            s for s in self.document.segments if s.kind in CLAIM_BEARING and (s.version is None or s.version == latest)
        ]
        if versions == "all" and info is not None:
            texts = [s.text for s in chosen]
            for segment in self.document.segments:
                if segment.kind in CLAIM_BEARING and segment.version is not None and segment.version != latest:
                    if not any(same_text(segment.text, t) for t in texts):
                        chosen.append(segment)
                        texts.append(segment.text)
            chosen.sort(key=lambda s: s.start)
        return chosen

    def view(self, versions: Literal["latest", "all"] = "latest") -> AnalysisView:
        """The text the pipeline reads (hard wraps and Markdown undone), with the map back to this file's offsets."""
        return AnalysisView.from_segments(self.claim_segments(versions), markdown=is_markdown_path(self.document.path))


@dataclass
class Skipped:
    """A path that gave no article, and why (one line, for a warning)."""

    path: str
    reason: str


def parse_text(text: str, doc_id: str = "<text>", *, path: str | None = None, sha256: str | None = None, encoding: str = "utf-8") -> Article:
    """Segment an already-decoded string (tests, stdin)."""
    found = segment_text(text, markdown=is_markdown_path(path if path is not None else doc_id))
    meta = build_meta(found.main, found.language)
    warnings = list(found.warnings)
    if not any(s.kind in CLAIM_BEARING for s in found.segments):
        warnings.append("no article text found (every line is page furniture)")
    document = Document(
        doc=doc_id,
        path=path if path is not None else doc_id,
        sha256=sha256 or hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        encoding=encoding,
        chars=len(text),
        meta=meta,
        segments=found.segments,
        versions=found.versions,
        warnings=warnings,
    )
    return Article(document=document, text=text)


def parse_bytes(data: bytes, doc_id: str, *, path: str | None = None) -> Article:
    """Decode and segment a file's bytes (stdin, archives). Raises InputError."""
    decoded = decode_bytes(data)
    article = parse_text(
        decoded.text, doc_id, path=path, sha256=hashlib.sha256(data).hexdigest(), encoding=decoded.encoding
    )
    article.document.warnings[:0] = list(decoded.notes)
    return article


def parse_extracted(extracted: Extracted, doc_id: str, *, path: Optional[str] = None, sha256: str = "") -> Article:
    """Segment a reader's extracted text: the text rules, then what the reader is sure of."""
    article = parse_text(extracted.text, doc_id, path=path, sha256=sha256 or None, encoding="utf-8")
    document = article.document
    document.segments = apply_hints(document.segments, extracted.blocks)
    document.meta = merged_meta(document.meta, extracted.meta)
    if extracted.meta.date:
        document.meta.date_source = "page"
    document.format = extracted.format  # type: ignore[assignment]
    document.offsets_into = "extracted"
    document.extractor = extracted.extractor
    document.warnings[:0] = list(extracted.warnings)
    return article


def parse_document(data: bytes, doc_id: str, *, path: Optional[str] = None, fmt: str = "text") -> Article:
    """Read a document's bytes in its format (text, html, pdf, docx). Raises InputError."""
    if fmt not in EXTRACTED:
        return parse_bytes(data, doc_id, path=path)
    if not data:
        raise InputError("empty file")
    extracted = reader_for(fmt)(data)
    return parse_extracted(extracted, doc_id, path=path, sha256=hashlib.sha256(data).hexdigest())


def article_from_row(row: RawRow) -> Union[Article, "Skipped"]:
    """A corpus row as an Article: offsets into its text cell, metadata from its columns."""
    try:
        article = parse_text(row.text, row.doc_id, path=display_path(row.path), sha256=row.sha256)
    except Exception as exc:  # as in RawArticle.parse
        if raise_errors_requested():
            raise
        return Skipped(row.doc_id, _internal_error(exc))
    article.source = row.path
    document = article.document
    known, extra = split_meta(row.meta)
    if "date" in known:
        from argmine.dates import parse_date

        raw = known.pop("date")
        parsed = parse_date(raw)
        if parsed:
            known.update(date=parsed, date_source="metadata")
        else:
            extra["date"] = raw  # kept as given: meta.date holds ISO 8601 only
    document.meta = merged_meta(document.meta, DocumentMeta(**known, extra=extra or None))
    document.format = row.format  # type: ignore[assignment]
    document.offsets_into = "text"
    document.row = row.row
    return article


def read_article(path: Path, doc_id: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read and segment one document file (text, web page, PDF, Word). Raises InputError with a one-line reason."""
    path = Path(path)
    if is_url(str(path)) and not path.exists():
        raise InputError(URL_REASON)
    refused = refused_by_name(path)
    fmt = format_of(path) or "text"
    if fmt in CORPUS:
        raise InputError(f"{path.name} is a corpus file (one document per row): name a row (--row ID)")
    data = read_file_bytes(path, max_bytes=max_bytes)
    if refused:
        raise InputError(refused)
    article = parse_document(data, display_path(doc_id), path=display_path(path), fmt=format_by_content(fmt, data))
    article.source = path
    return article


def read_row(
    path: Path, row_id: str, *, corpus: Optional[CorpusOptions] = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Article:
    """One row of a corpus file, by its id (as in ``FILE#ROW``). Raises InputError."""
    path = Path(path)
    fmt = format_of(path)
    if fmt not in CORPUS:
        raise InputError(f"{path.name} is not a corpus file (.csv .tsv .jsonl .parquet); it has no rows")
    missing = missing_library(fmt)
    if missing:
        raise InputError(missing)
    file_id = display_path(path.name)
    for item in iter_rows(path, file_id, fmt, corpus or CorpusOptions(), max_bytes=max_bytes):
        if isinstance(item, tuple):
            if item[0] == f"{file_id}#{row_id}":
                raise InputError(f"row {row_id}: {item[1]}")
            continue
        if item.row == row_id:
            article = item.parse()
            if isinstance(article, Skipped):
                raise InputError(f"row {row_id}: {article.reason}")
            return article
    raise InputError(f"{file_id} has no row {row_id!r}")


def extracted_text(path: Union[str, Path], *, row: Optional[str] = None, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The text every offset of a document read from `path` points into.

    For a web page, PDF or Word file, the text argmine extracted from it (what
    ``argmine inspect --text FILE`` prints); for a plain-text file, its decoded
    text. ``extracted_text(path)[claim.start:claim.end] == claim.text`` holds for
    every claim argmine reports from that file (with the same library versions:
    ``Document.extractor`` names them). For a corpus file, name the `row`: its
    text cell is what that row's offsets point into.

    Raises:
        InputError: the file cannot be read (or is a corpus file and no row is named).
    """
    if row is not None:
        return read_row(Path(path), row, max_bytes=max_bytes).text
    return read_article(Path(path), Path(path).name, max_bytes=max_bytes).text


@dataclass
class RawArticle:
    """A file's bytes, read but not yet decoded or segmented.

    Its content hash is all a cache lookup needs, and segmenting costs far
    more than reading: a re-run over unchanged files only ever gets this far.
    """

    path: Path
    doc_id: str
    data: bytes
    format: str = "text"

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @cached_property
    def cache_key(self) -> str:
        """What the store keys this document's extraction by: the bytes' hash, and for
        extracted formats the extracting library's version too (a new version may
        extract a different text, and stored offsets point into the old one)."""
        if self.format not in EXTRACTED:
            return self.sha256
        return hashlib.sha256(self.data + b"\0" + extractor_id(self.format).encode()).hexdigest()

    @property
    def source(self) -> str:
        """The absolute path this document came from, every byte kept (the store remembers it)."""
        return os.path.abspath(self.path)

    def parse(self) -> Union[Article, "Skipped"]:
        """Decode and segment; never raises for a bad file (a Skipped says why)."""
        try:
            article = parse_document(self.data, self.doc_id, path=display_path(self.path), fmt=self.format)
        except InputError as exc:
            return Skipped(display_path(self.path), str(exc))
        except Exception as exc:  # a bug must cost one file, not the run (ARGMINE_RAISE_ERRORS=1 to debug)
            if raise_errors_requested():
                raise
            return Skipped(display_path(self.path), _internal_error(exc))
        article.source = self.path
        return article


def _internal_error(exc: Exception) -> str:
    return f"could not be segmented (internal error: {type(exc).__name__}; please report it)"


def iter_raw_articles(
    paths: Sequence[Union[str, Path]], *, max_bytes: int = DEFAULT_MAX_BYTES, corpus: Optional[CorpusOptions] = None
) -> Iterator[Union[RawArticle, RawRow, Skipped]]:
    """The documents `iter_articles` would read, not yet parsed (same order, ids and skips).

    A document file is read as bytes (RawArticle); a corpus file gives one
    RawRow per row, read as the stream goes.
    """
    for candidate in candidates(paths):
        if candidate.skip_reason:
            yield Skipped(display_path(candidate.path), candidate.skip_reason)
            continue
        missing = missing_library(candidate.format)
        if missing:
            yield Skipped(display_path(candidate.path), missing)
            continue
        if candidate.format in CORPUS:
            yield from _corpus_rows(candidate.path, candidate.doc_id, candidate.format, corpus or CorpusOptions(), max_bytes)
            continue
        try:
            data = read_file_bytes(Path(candidate.path), max_bytes=max_bytes)
        except InputError as exc:
            yield Skipped(display_path(candidate.path), str(exc))
            continue
        except Exception as exc:  # as in RawArticle.parse
            if raise_errors_requested():
                raise
            yield Skipped(display_path(candidate.path), _internal_error(exc))
            continue
        fmt = format_by_content(candidate.format, data)
        missing = missing_library(fmt) if fmt != candidate.format else None
        if missing:
            yield Skipped(display_path(candidate.path), missing)
            continue
        yield RawArticle(Path(candidate.path), candidate.doc_id, data, fmt)


def _corpus_rows(
    path: Path, file_id: str, fmt: str, options: CorpusOptions, max_bytes: int
) -> Iterator[Union[RawRow, Skipped]]:
    """A corpus file's rows; a file that cannot be read, or a row without text, as a Skipped."""
    try:
        for item in iter_rows(Path(path), file_id, fmt, options, max_bytes=max_bytes):
            yield Skipped(*item) if isinstance(item, tuple) else item
    except InputError as exc:
        yield Skipped(display_path(path), str(exc))
    except Exception as exc:  # as in RawArticle.parse: a bug costs this file, not the run
        if raise_errors_requested():
            raise
        yield Skipped(display_path(path), _internal_error(exc))


def iter_articles(
    paths: Sequence[Union[str, Path]], *, max_bytes: int = DEFAULT_MAX_BYTES, corpus: Optional[CorpusOptions] = None
) -> Iterator[Union[Article, Skipped]]:
    """Every document the paths name, sorted within each folder; never raises for one bad file.

    Files and folders (recursive; see `formats.SUFFIXES`). The doc id is the
    path relative to the folder given, or the file name for a file; a corpus
    row's is ``FILE#ROW``.
    """
    for item in iter_raw_articles(paths, max_bytes=max_bytes, corpus=corpus):
        yield item if isinstance(item, Skipped) else item.parse()

"""Which inputs argmine reads, who reads each, and what it says about the others.

The one place that decides a file's format before reading it, told by the
file name's suffix (and, for a file named as text, by its first bytes: a web
page saved as .txt is read as the web page it is).

Documents: plain text (.txt .text .md), web pages (.html .htm .xhtml), PDF
and Word (.pdf .docx, each an optional extra). Corpus files hold one document
per row: CSV (.csv .tsv), JSON Lines (.jsonl .ndjson) and Parquet (.parquet,
an optional extra). A format argmine recognises but does not read gets a
clear refusal (`REFUSED`) instead of being read as raw text.

Cheap to import: the readers' libraries are imported when a file needs them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path, PurePath
from typing import Callable, Optional, Union

from argmine.errors import InputError

SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".csv": "csv",
    ".tsv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
}
#: Suffixes read when found in a folder (a file named on the command line is
#: read whatever its suffix, as text unless its suffix names another format,
#: unless it is refused below).
ARTICLE_SUFFIXES = tuple(SUFFIXES)
#: Formats whose text argmine extracts (offsets point into the extracted text).
EXTRACTED = frozenset({"html", "pdf", "docx"})
#: Formats holding one document per row.
CORPUS = frozenset({"csv", "jsonl", "parquet"})
#: The library each extracted or optional format needs, and the extra that installs it.
LIBRARIES: dict[str, tuple[str, str]] = {
    "html": ("trafilatura", "html"),
    "pdf": ("pypdf", "pdf"),
    "docx": ("docx", "docx"),
    "parquet": ("pyarrow", "parquet"),
}
_DISTRIBUTIONS = {"trafilatura": "trafilatura", "pypdf": "pypdf", "docx": "python-docx", "pyarrow": "pyarrow"}
READS = "reads .txt .text .md .html .htm .pdf .docx .csv .tsv .jsonl .parquet"

#: Formats recognised but not read: suffix -> the reason given.
REFUSED = {
    ".doc": "old Word .doc files are not read; save the document as .docx first",
}

#: How an HTML page starts, whatever its name (first bytes, lower-cased, spaces stripped).
_HTML_STARTS = (b"<!doctype html", b"<html")


def format_of(path: Union[str, Path]) -> Optional[str]:
    """The format a file's suffix names, or None for a file argmine does not read."""
    return SUFFIXES.get(Path(path).suffix.lower())


def refused_by_name(path: PurePath) -> Optional[str]:
    """Why a file is not read, judging by its name; None when it may be."""
    return REFUSED.get(path.suffix.lower())


def looks_like_html(data: bytes) -> bool:
    """A file's bytes start as an HTML page (a page saved under a text name)."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(_HTML_STARTS)


def format_by_content(fmt: str, data: bytes) -> str:
    """The format to read a file's bytes in: a 'text' file that is an HTML page is read as one,
    not as raw text, tags and all."""
    return "html" if fmt == "text" and looks_like_html(data) else fmt


#: A web address, also as a Path spells it ("https:/host": the double slash collapsed).
_URL = re.compile(r"(?i)^(?:https?|ftp):/|^www\.")

#: What is said about a web address given as a path.
URL_REASON = "a web address: argmine reads files; save the page as text first"


def is_url(given: str) -> bool:
    """A web address given where a path was expected."""
    return bool(_URL.match(given))


def missing_library(fmt: str) -> Optional[str]:
    """A one-line reason when the library a format needs is not installed, else None."""
    if fmt not in LIBRARIES:
        return None
    module, extra = LIBRARIES[fmt]
    import importlib.util

    if importlib.util.find_spec(module) is not None:
        return None
    return f"reading .{fmt} files needs the {extra} extra: pip install 'argmine[{extra}]'"


@lru_cache(maxsize=None)
def extractor_id(fmt: str) -> str:
    """'trafilatura 2.3.1': the library and version that read a format, for records and cache keys."""
    if fmt not in LIBRARIES:
        return ""
    from importlib.metadata import PackageNotFoundError, version

    distribution = _DISTRIBUTIONS[LIBRARIES[fmt][0]]
    try:
        return f"{distribution} {version(distribution)}"
    except PackageNotFoundError:
        return distribution


def reader_for(fmt: str) -> Callable[[bytes], "object"]:
    """The function that turns a file's bytes into an `Extracted` text (html, pdf, docx).

    Raises:
        InputError: the format's library is not installed.
    """
    reason = missing_library(fmt)
    if reason:
        raise InputError(reason)
    if fmt == "html":
        from argmine.ingest.html import read_html

        return read_html
    if fmt == "pdf":
        from argmine.ingest.pdf import read_pdf

        return read_pdf
    if fmt == "docx":
        from argmine.ingest.docx import read_docx

        return read_docx
    raise ValueError(f"no extracting reader for {fmt!r}")

"""Word files (.docx; the `docx` extra: python-docx): reports, consultation responses, briefings.

A .docx already holds paragraphs, so nothing needs rebuilding: the body's
paragraphs and tables are read in document order, one block per paragraph
(one per table cell paragraph; a merged cell once). Running headers and
footers live apart from the body in a .docx and are never read. Word's
styles say what a paragraph is where the author used them: "Title" is the
title, "Caption" a caption; headings and quotations are left to the text
rules, as in a plain-text file. Soft hyphens (U+00AD), which Word shows only
at a line end, are dropped.
"""

from __future__ import annotations

import io
from typing import Iterator

from argmine.errors import InputError
from argmine.ingest.extracted import Extracted, TextBuilder
from argmine.records import DocumentMeta, SegmentKind as K

_SOFT_HYPHEN = "\u00ad"


def read_docx(data: bytes) -> Extracted:
    """The paragraphs of a Word file. Raises InputError (not a .docx, damaged, no text)."""
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:
        raise InputError("reading .docx files needs the docx extra: pip install 'argmine[docx]'") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except PackageNotFoundError:
        raise InputError("not a Word .docx file (an old .doc? save it as .docx)") from None
    except Exception as error:  # zipfile and lxml errors for a damaged file
        raise InputError(f"not a readable .docx file ({type(error).__name__})") from None
    builder = TextBuilder()
    for text, style in _body_paragraphs(document):
        builder.add(text, *_kind(style))
    if not builder.blocks:
        raise InputError("the Word file holds no text")
    title = (document.core_properties.title or "").strip() or None
    return Extracted(builder.text(), builder.blocks, DocumentMeta(title=title), "docx", f"python-docx {docx.__version__}" if hasattr(docx, "__version__") else "python-docx")


def _kind(style: str) -> tuple:
    name = style.lower()
    if name == "title":
        return (K.title, "docx-title-style")
    if name.startswith("caption"):
        return (K.caption, "docx-caption-style")
    return (None, "")


def _body_paragraphs(document) -> Iterator[tuple[str, str]]:
    """(text, style name) of the body's paragraphs and table cells, in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            yield _clean(item.text), _style(item)
        elif isinstance(item, Table):
            yield from _table_rows(item)


def _table_rows(table) -> Iterator[tuple[str, str]]:
    seen: set[int] = set()
    for row in table.rows:
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell appears once per column it spans
                continue
            seen.add(id(cell._tc))
            for paragraph in cell.paragraphs:
                yield _clean(paragraph.text), _style(paragraph)


def _style(paragraph) -> str:
    try:
        return paragraph.style.name if paragraph.style is not None else ""
    except Exception:  # a style the file names but does not define
        return ""


def _clean(text: str) -> str:
    return text.replace(_SOFT_HYPHEN, "")

"""Text extracted from a page, PDF or Word file, and how it becomes an Article.

A reader (html, pdf, docx) lays its document out as plain text, blocks
separated by blank lines, and says what it knows about each block (`Block`:
this is the title, a caption, a reader's comment signed by X). The text then
goes through the same segmenter as a plain-text file, so a page reads as its
plain text would, and the reader's knowledge overrides the segmenter's guess
where the reader is sure. Every offset of the resulting document points into
the extracted text (``Document.offsets_into == "extracted"``), which
`extracted_text` returns and ``argmine inspect --text FILE`` prints.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Optional

from argmine.records import DocumentMeta, SegmentKind

BLOCK_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Block:
    """A stretch of the extracted text and what the reader knows about it.

    `kind` None leaves the segment kind to the text rules (a paragraph may
    still be a standfirst, an author's bio or page furniture).
    """

    start: int
    end: int
    kind: Optional[SegmentKind] = None
    rule: str = ""
    signer: Optional[str] = None


@dataclass
class Extracted:
    """A document's extracted text, block hints, stated metadata and provenance."""

    text: str
    blocks: list[Block]
    meta: DocumentMeta
    format: str
    extractor: str
    warnings: list[str] = field(default_factory=list)


class TextBuilder:
    """Lays blocks out one after another, separated by blank lines, recording each block's span."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.blocks: list[Block] = []

    def add(self, text: str, kind: Optional[SegmentKind] = None, rule: str = "", signer: Optional[str] = None) -> None:
        text = text.strip()
        if not text:
            return
        if self._parts:
            self._parts.append(BLOCK_SEPARATOR)
            self._length += len(BLOCK_SEPARATOR)
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        self.blocks.append(Block(start, self._length, kind, rule, signer))

    def text(self) -> str:
        return "".join(self._parts)


def apply_hints(segments: list, blocks: list[Block]) -> list:
    """Segments with the kinds the reader is sure of; the text rules' kinds elsewhere.

    When the reader names the title, any other segment the text rules took
    for a title is a heading (a page has one headline).
    """
    starts = [b.start for b in blocks]
    sure_title = any(b.kind is SegmentKind.title for b in blocks)
    out = []
    for segment in segments:
        i = bisect_right(starts, segment.start) - 1
        block = blocks[i] if i >= 0 and segment.start < blocks[i].end else None
        if block is not None and block.kind is not None:
            update = {"kind": block.kind, "rule": block.rule}
            if block.signer is not None:
                update["signer"] = block.signer
            segment = segment.model_copy(update=update)
        elif sure_title and segment.kind is SegmentKind.title:
            segment = segment.model_copy(update={"kind": SegmentKind.heading, "rule": "second-title"})
        out.append(segment)
    return out


def merged_meta(read: DocumentMeta, stated: DocumentMeta) -> DocumentMeta:
    """What the reader states (page metadata, document properties) over what the text rules read."""
    values = read.model_dump()
    for key, value in stated.model_dump().items():
        if value:
            values[key] = value
    return DocumentMeta(**values)

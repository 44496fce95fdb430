"""The text the pipeline reads, and the map back to the file the user gave.

The pipeline never sees the raw page: it reads the claim-bearing segments
joined by blank lines (so a paragraph is always a sentence boundary), each
segment unwrapped as a reader sees it (`argmine.ingest.unwrap`: hard wraps
joined, Markdown markup removed), and every offset it finds is mapped back
through `AnalysisView.to_original`. A long document is read in pieces
(`AnalysisView.chunks`), cut between paragraphs, each with its own map.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Iterator, Optional

from argmine.ingest.unwrap import Run, Unwrapped, unwrap
from argmine.records import Segment

SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Piece:
    """One segment (or a part of a long one) placed in the analysis text.

    `runs` map offsets inside the piece (from `view_start`) to offsets in the
    file (from `orig_start`); a piece read as it stands has one run.
    """

    view_start: int
    orig_start: int
    length: int
    segment: Segment
    runs: tuple[Run, ...] = ()

    @property
    def view_end(self) -> int:
        return self.view_start + self.length

    def original_offset(self, inside: int) -> int:
        """The file offset of the character `inside` characters into the piece."""
        if not self.runs:
            return self.orig_start + inside
        i = max(0, bisect_right([r.view for r in self.runs], inside) - 1)
        run = self.runs[i]
        return self.orig_start + run.original + min(inside - run.view, run.length)

    def original_end(self, inside: int) -> int:
        """The file offset just past the character before `inside` (a span's end)."""
        if inside <= 0:
            return self.original_offset(0)
        return self.original_offset(inside - 1) + 1


@dataclass
class AnalysisView:
    """Claim-bearing segments joined by blank lines, with offsets back to the file."""

    text: str
    pieces: list[Piece] = field(default_factory=list)

    @classmethod
    def from_segments(cls, segments: list[Segment], *, markdown: bool = False) -> "AnalysisView":
        """The view of these segments: each unwrapped (and its Markdown undone when `markdown`)."""
        return cls.from_parts([(seg, unwrap(seg.text, markdown=markdown)) for seg in segments])

    @classmethod
    def from_parts(cls, parts: list[tuple[Segment, Unwrapped]]) -> "AnalysisView":
        texts: list[str] = []
        pieces: list[Piece] = []
        pos = 0
        for seg, read in parts:
            if pieces:
                texts.append(SEPARATOR)
                pos += len(SEPARATOR)
            runs = () if read.is_identity else read.runs
            pieces.append(Piece(pos, seg.start, len(read.text), seg, runs))
            texts.append(read.text)
            pos += len(read.text)
        return cls("".join(texts), pieces)

    def _piece_containing(self, offset: int, *, as_end: bool) -> Piece:
        """The piece holding `offset`; an end offset belongs to the piece it closes."""
        starts = [p.view_start for p in self.pieces]
        i = bisect_right(starts, offset - 1 if as_end else offset) - 1
        if i >= 0:
            piece = self.pieces[i]
            inside = piece.view_start < offset <= piece.view_end if as_end else offset < piece.view_end
            if inside or (piece.length == 0 and offset == piece.view_start):
                return piece
        raise ValueError(f"view offset {offset} falls between segments")

    def to_original(self, view_start: int, view_end: int) -> tuple[int, int]:
        """Map a view span to original offsets.

        Raises ValueError for a span that starts or ends in a separator: such a
        span has no verbatim counterpart in the original file.
        """
        first = self._piece_containing(view_start, as_end=False)
        start = first.original_offset(view_start - first.view_start)
        if view_end == view_start:
            return start, start
        last = self._piece_containing(view_end, as_end=True)
        return start, last.original_end(view_end - last.view_start)

    def segment_at(self, view_offset: int) -> Optional[Segment]:
        """The segment a view offset falls in, or None for a separator."""
        try:
            return self._piece_containing(view_offset, as_end=False).segment
        except ValueError:
            return None

    def spans_one_piece(self, view_start: int, view_end: int) -> bool:
        """True when the span lies inside one segment, so it maps to one stretch of the file."""
        try:
            first = self._piece_containing(view_start, as_end=False)
            last = self._piece_containing(view_end, as_end=True)
        except ValueError:
            return False
        return first is last

    # ------------------------------------------------------------------ long documents

    def chunks(self, limit: int) -> list["AnalysisView"]:
        """This view cut into views of at most about `limit` characters, between paragraphs.

        A document the pipeline could not hold at once (spaCy refuses a text over
        a million characters, and its working memory grows with the text) is read
        piece by piece with memory bounded by `limit`. A single paragraph longer
        than `limit` is cut at a sentence end (else a space) near the limit.
        """
        if len(self.text) <= limit:
            return [self]
        groups: list[list[Piece]] = [[]]
        size = 0
        for piece in self._pieces_within(limit):
            if groups[-1] and size + len(SEPARATOR) + piece.length > limit:
                groups.append([])
                size = 0
            size += piece.length + (len(SEPARATOR) if groups[-1] else 0)
            groups[-1].append(piece)
        return [self._view_of(group) for group in groups]

    def _pieces_within(self, limit: int) -> Iterator[Piece]:
        for piece in self.pieces:
            if piece.length <= limit:
                yield piece
                continue
            text = self.text[piece.view_start : piece.view_end]
            start = 0
            while start < piece.length:
                end = _cut(text, start, limit)
                yield _part(piece, start, end)
                start = end

    def _view_of(self, pieces: list[Piece]) -> "AnalysisView":
        texts: list[str] = []
        placed: list[Piece] = []
        pos = 0
        for piece in pieces:
            if placed:
                texts.append(SEPARATOR)
                pos += len(SEPARATOR)
            texts.append(self.text[piece.view_start : piece.view_end])
            placed.append(Piece(pos, piece.orig_start, piece.length, piece.segment, piece.runs))
            pos += piece.length
        return AnalysisView("".join(texts), placed)


#: Where an over-long paragraph may be cut, best first: after a sentence, else after a space.
_CUT_MARKS = ((". ", "? ", "! ", ".\u201d ", ".\" "), (" ",))


def _cut(text: str, start: int, limit: int) -> int:
    """Where a part of an over-long paragraph starting at `start` ends: a sentence end or a space."""
    end = start + limit
    if end >= len(text):
        return len(text)
    floor = start + limit // 2
    for marks in _CUT_MARKS:
        at, mark = max((text.rfind(m, floor, end), m) for m in marks)
        if at > start:
            return at + len(mark)
    return end


def _part(piece: Piece, start: int, end: int) -> Piece:
    """The characters [start, end) of a piece, as a piece of its own with its own map."""
    orig = piece.original_offset(start) - piece.orig_start
    if not piece.runs:
        return Piece(piece.view_start + start, piece.orig_start + orig, end - start, piece.segment)
    runs = []
    for run in piece.runs:
        lo, hi = max(run.view, start), min(run.view + run.length, end)
        if lo < hi:
            runs.append(Run(lo - start, run.original + (lo - run.view) - orig, hi - lo))
    return Piece(piece.view_start + start, piece.orig_start + orig, end - start, piece.segment, tuple(runs))

"""The text the pipeline reads, and the map back to the file the user gave.

The pipeline never sees the raw page: it reads the claim-bearing segments
joined by blank lines (so a paragraph is always a sentence boundary), and
every offset it finds is mapped back through `AnalysisView.to_original`.
Each segment's text is an exact slice of the original, so the map is a list
of shifted pieces.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Optional

from argmine.records import Segment

SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Piece:
    """One segment placed in the analysis text."""

    view_start: int
    orig_start: int
    length: int
    segment: Segment

    @property
    def view_end(self) -> int:
        return self.view_start + self.length


@dataclass
class AnalysisView:
    """Claim-bearing segments joined by blank lines, with offsets back to the file."""

    text: str
    pieces: list[Piece] = field(default_factory=list)

    @classmethod
    def from_segments(cls, segments: list[Segment]) -> "AnalysisView":
        parts: list[str] = []
        pieces: list[Piece] = []
        pos = 0
        for seg in segments:
            if pieces:
                parts.append(SEPARATOR)
                pos += len(SEPARATOR)
            pieces.append(Piece(pos, seg.start, len(seg.text), seg))
            parts.append(seg.text)
            pos += len(seg.text)
        return cls("".join(parts), pieces)

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
        if view_end == view_start:
            offset = first.orig_start + (view_start - first.view_start)
            return offset, offset
        last = self._piece_containing(view_end, as_end=True)
        return (
            first.orig_start + (view_start - first.view_start),
            last.orig_start + (view_end - last.view_start),
        )

    def segment_at(self, view_offset: int) -> Optional[Segment]:
        """The segment a view offset falls in, or None for a separator."""
        try:
            return self._piece_containing(view_offset, as_end=False).segment
        except ValueError:
            return None

    def spans_one_piece(self, view_start: int, view_end: int) -> bool:
        """True when the span lies inside one segment, so it is verbatim in the file."""
        try:
            first = self._piece_containing(view_start, as_end=False)
            last = self._piece_containing(view_end, as_end=True)
        except ValueError:
            return False
        return first is last

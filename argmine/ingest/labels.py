"""The label a rule gives a unit: kind, the rule's name, and what it found."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from argmine.records import SegmentKind


@dataclass
class Label:
    """A unit's classification.

    ``role`` carries what a marker means for the lines after it (a comment
    section opens, a list of links follows), whatever language it is in.
    ``signature`` is an inline comment signature (absolute offsets) to be
    cut out of the comment's text.
    """

    kind: SegmentKind
    rule: str
    role: Optional[str] = None
    author: Optional[str] = None
    date: Optional[str] = None
    outlet: Optional[str] = None
    author_role: Optional[str] = None
    signer: Optional[str] = None
    signature: Optional[tuple[int, int]] = None
    language: Optional[str] = None
    meta_title: Optional[str] = None  # a title stated as metadata (front matter), not as a line of the page


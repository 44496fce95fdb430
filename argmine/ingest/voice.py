"""Whose voice an unsigned page is: the organisation publishing its own statement.

A press release, a campaign statement or a consultation response names no
writer; its "we" is the organisation. The organisation is the page's first
line (the site's name above the navigation), a "Posted by X" / "Published ...
by X" line, or the opening words of a "X response to ..." title, and it counts
only when the page then speaks as it: the name returns as the subject of a
sentence of the text ("X welcomes ...", "X today called on ..."). Patterns in `data/voice.json`.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

from argmine.ingest.name_shapes import person_name
from argmine.records import Document

_VOICE_DATA = Path(__file__).parent / "data" / "voice.json"


@lru_cache(maxsize=None)
def _patterns() -> dict[str, re.Pattern[str]]:
    raw = json.loads(_VOICE_DATA.read_text(encoding="utf-8"))
    return {key: re.compile(value) for key, value in raw.items() if not key.startswith("_")}


def _ordinary_case(name: str) -> str:
    """"THE KINGSMERE INSTITUTE" -> "The Kingsmere Institute"; acronyms ("UNISON") kept."""
    if name.isupper() and " " in name:
        return name.title()
    return name


def _candidates(document: Document) -> list[str]:
    p = _patterns()
    found: list[str] = []
    segments = sorted(document.segments, key=lambda s: s.start)
    for seg in segments[:3]:  # the site's name: the first line that is not navigation
        first = seg.text.strip().split("\n")[0].split("|")[0].strip()
        if first and len(first.split()) <= 6 and any(c.isalpha() for c in first) and not p["not_a_name"].search(first):
            found.append(first)
            break
    for seg in segments[:12]:
        for key in ("posted_by", "response_of"):
            m = p[key].search(seg.text)
            if m:
                found.append(m.group("org").strip())
    return [_ordinary_case(c.strip(" .:|")) for c in found if c.strip(" .:|")]


def _speaks_as(name: str, body: str) -> Optional[str]:
    """The name the page speaks as, if it speaks as this organisation: its name (or an all-capitals first word,
    "UNISON Eastern" -> "UNISON") opens a sentence of the text as its subject
    ("X welcomes ...", "X (ABC) today called on ...", "X, the ..., said")."""
    heads = [name, name.removeprefix("The ")]
    if name.split()[0].isupper() and len(name.split()[0]) > 2:
        heads.append(name.split()[0])
    for head in heads:
        pattern = rf"(?:^|[.!?]\s+|\n)(?i:{re.escape(head)})(?:\s*\([A-Z]+\))?(?:,[^,.]{{3,60}},)?\s+(?:[a-z]+ly\s+)?(?:today\s+)?(?:has\s+|have\s+|is\s+)?[a-z]+(?:s|ed|ing)\b"
        if re.search(pattern, body):
            return head
    return None


def organisation_voice(document: Document) -> Optional[str]:
    """The organisation an unsigned page speaks for, or None."""
    if document.meta.author:
        return None
    body = "\n".join(s.text for s in document.segments if s.kind.value == "body")
    for name in _candidates(document):
        if person_name(name) or len(name) < 3:
            continue
        spoken = _speaks_as(name, body)
        if spoken:
            return spoken
    return None

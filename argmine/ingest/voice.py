"""Whose voice an unsigned page is: the organisation publishing its own statement.

A press release, a campaign statement or a consultation response names no
writer; its "we" is the organisation. The organisation is the page's first
line (the site's name above the navigation), a "Posted by X" / "Published ...
by X" line, or the opening words of a "X response to ..." title, and it counts
only when the page then speaks as it: the name, or a short form of it, returns
as the subject of a sentence of the text ("X welcomes ...", "X today called on
..."). A page names itself in short once the header has named it in full: by
its acronym ("NAVH", given in brackets or made of the name's initials), by its
head noun ("the Association" for a Westmoor Association of ..., "the council"), or by the
noun of an apposition ("PORTWORK, the region's largest union, ..." -> "the union").
Patterns and head nouns in `data/voice.json`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from argmine.ingest.name_shapes import person_name
from argmine.records import Document

_VOICE_DATA = Path(__file__).parent / "data" / "voice.json"


@dataclass(frozen=True)
class OrganisationVoice:
    """The organisation a page speaks for: its name and the short forms the page uses for it."""

    name: str
    aliases: tuple[str, ...]


@lru_cache(maxsize=None)
def _voice_data() -> dict:
    return json.loads(_VOICE_DATA.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _patterns() -> dict[str, re.Pattern[str]]:
    return {key: re.compile(value) for key, value in _voice_data().items() if not key.startswith("_") and isinstance(value, str)}


@lru_cache(maxsize=None)
def _heads() -> frozenset[str]:
    return frozenset(_voice_data()["organisation_heads"])


def _ordinary_case(name: str) -> str:
    """"THE ELMCROFT TRUST" -> "The Elmcroft Trust"; acronyms ("PORTWORK") kept."""
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


def _is_acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper() and word.isalpha()


def _expanded(name: str, body: str) -> str:
    """An acronym's full name where the text gives it ("the Westmoor Association of Parish Councils (WAPC)"), else the name."""
    if not _is_acronym(name):
        return name
    m = re.search(rf"((?:[A-Z][\w'’-]*|of|and|for|the|in|on)(?:\s+(?:[A-Z][\w'’-]*|of|and|for|the|in|on))*)\s+\({re.escape(name)}\)", body)
    if not m:
        return name
    words = m.group(1).split()
    while words and words[0].lower() in ("the", "of", "and", "for", "in", "on"):
        words.pop(0)
    return " ".join(words) if len(words) >= 2 else name


def _initials(name: str) -> Optional[str]:
    """"Westmoor Association of Parish Councils" -> "WAPC": the initials of its capitalised words."""
    words = [w for w in name.removeprefix("The ").split() if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) >= 3 else None


def short_forms(name: str, body: str) -> list[str]:
    """The short names a page may use for its own organisation once it has named it in full."""
    forms: list[str] = []
    given = re.search(rf"(?i:{re.escape(name.removeprefix('The '))})\s+\(([A-Z]{{2,}})\)", body)
    acronym = given.group(1) if given else _initials(name)
    if acronym and re.search(rf"\b{acronym}\b", body):
        forms.append(acronym)
    head = re.split(r"\s+(?:of|for)\s+", name.removeprefix("The "))[0].split()[-1]
    if head.lower() in _heads():
        forms.append(f"the {head}")
    apposition = re.search(rf"{re.escape(name)},\s+(?:the|a)\s+[^,.;]{{0,40}}?\b([a-z]+)\s*,", body)
    if apposition and apposition.group(1) in _heads():
        forms.append(f"the {apposition.group(1)}")
    return forms


def _opens_sentence(head: str, body: str) -> bool:
    """The head opens a sentence of the text as its subject ("X welcomes ...", "X (ABC) today
    called on ...", "X, the ..., said")."""
    pattern = rf"(?:^|[.!?]\s+|\n)(?i:(?:the\s+)?{re.escape(head)})(?:\s*\([A-Z]+\))?(?:,[^,.]{{3,60}},)?\s+(?:[a-z]+ly\s+)?(?:today\s+)?(?:has\s+|have\s+|is\s+)?[a-z]+(?:s|ed|ing)\b"
    return re.search(pattern, body) is not None


def _preferred(name: str, body: str) -> str:
    """"PORTWORK North" -> "PORTWORK" when only the all-capitals first word opens a sentence."""
    first = name.split()[0]
    if " " in name and first.isupper() and len(first) > 2 and not _opens_sentence(name, body) and _opens_sentence(first, body):
        return first
    return name


def _speaks_as(name: str, body: str) -> Optional[OrganisationVoice]:
    """The voice, if the page speaks as this organisation: its name, a short form of it, or an
    all-capitals first word ("PORTWORK North" -> "PORTWORK") opens a sentence of the text."""
    full = _preferred(_expanded(name, body), body)
    shorts = short_forms(full, body)
    names = [full, full.removeprefix("The "), *shorts]
    if not any(_opens_sentence(head, body) for head in names):
        return None
    aliases = tuple(dict.fromkeys(n for n in [name, *names] if n != full))
    return OrganisationVoice(full, aliases)


def _labelled_release(document: Document, name: str, body: str) -> Optional[OrganisationVoice]:
    """A page whose first line is the name, labelled "PRESS RELEASE" just below, naming the
    organisation again in its text: the release is the organisation's own, whatever its verbs."""
    segments = sorted(document.segments, key=lambda s: s.start)[:4]
    label = _patterns()["release_label"]
    if not any(label.match(line) for seg in segments for line in seg.text.split("\n")):
        return None
    if not re.search(re.escape(name.removeprefix("The ")), body, flags=re.IGNORECASE):
        return None
    full = _expanded(name, body)
    return OrganisationVoice(full, tuple(dict.fromkeys(n for n in [full.removeprefix("The "), *short_forms(full, body)] if n != full)))


def find_voice(document: Document) -> Optional[OrganisationVoice]:
    """The organisation an unsigned page speaks for, with its short forms, or None."""
    if document.meta.author:
        return None
    body = "\n".join(s.text for s in document.segments if s.kind.value == "body")
    for name in _candidates(document):
        if len(name) < 3 or person_name(name) and name.split()[-1].lower() not in _heads():
            continue  # a writer's name ("Posted by Jo Reed"), not a "Save the Baths Campaign"
        voice = _speaks_as(name, body) or _labelled_release(document, name, body)
        if voice:
            return voice
    return None


def organisation_voice(document: Document) -> Optional[str]:
    """The name of the organisation an unsigned page speaks for, or None."""
    voice = find_voice(document)
    return voice.name if voice else None

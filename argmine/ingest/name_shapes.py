"""Is this short string a person's name? (bylines, comment signatures)

A shape test, not a dictionary: two to four capitalised words ("Leo Grant",
"Mary-Jane O'Neill", "Dr Anna van der Berg", "J. R. Smith"), none of them a
word that names are not made of ("Thanks", "NHS", "Street", "March"). It is
only asked about lines whose position already suggests a name (after "By",
at the end of a comment), which is what keeps it honest.
"""

from __future__ import annotations

import re
from typing import Optional

from argmine.ingest.word_lists import not_name_words
from argmine.vocabulary import is_honorific

_PARTICLES = frozenset("van von de der den da di du del della la le bin al el ter ten st".split())
_SPLIT_NAMES = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)")
_TRAILING = " \t.,;:!?-–—~*_\"'“”‘’()[]"


def _is_name_token(token: str, *, all_caps: bool) -> bool:
    core = token.rstrip(".")
    if not core or not core[0].isalpha():
        return False
    if len(core) == 1:  # an initial: "J." or "J"
        return core.isupper()
    parts = re.split(r"[-'’]", core)
    if not all(part and part.isalpha() for part in parts):
        return False
    if all_caps:
        return core.isupper()
    if not core[0].isupper():
        return False
    # "McDonald", "MacLeod", "O'Neill", "DeVito": inner capitals after a prefix are fine,
    # but an all-capitals word ("NHS") is an acronym, not a name.
    return not core.isupper()


def person_name(text: str, *, allow_single: bool = False) -> Optional[str]:
    """The name, cleaned of surrounding punctuation, if ``text`` is one person's name."""
    cleaned = text.strip(_TRAILING)
    tokens = cleaned.split()
    if not tokens or len(tokens) > 6 or len(cleaned) > 60:
        return None
    stop = not_name_words()
    while tokens and is_honorific(tokens[0]):
        tokens = tokens[1:]
    if not tokens:
        return None
    all_caps = all(t.rstrip(".").isupper() for t in tokens if len(t.rstrip(".")) > 1)
    real = 0
    for i, token in enumerate(tokens):
        lower = token.lower().rstrip(".")
        if 0 < i < len(tokens) - 1 and lower in _PARTICLES:
            continue
        if not _is_name_token(token, all_caps=all_caps) or lower in stop:
            return None
        if len(token.rstrip(".")) > 1:
            real += 1
    if real == 0 or len(tokens) > 5:
        return None
    if real < 2 and not allow_single:
        return None
    return cleaned


def person_names(text: str) -> Optional[str]:
    """One or more names joined by "and", commas or "&": the joined string, or None."""
    parts = [p for p in _SPLIT_NAMES.split(text.strip(_TRAILING)) if p]
    if not parts or len(parts) > 6:
        return None
    names = [person_name(p) for p in parts]
    if any(n is None for n in names):
        return None
    return text.strip(_TRAILING)


def is_handle(text: str) -> bool:
    """A user name as comment systems print it ("nhsfan_62", "@gus")."""
    return bool(re.fullmatch(r"@?[A-Za-z][\w.-]{1,30}", text.strip())) and any(ch.isdigit() or ch in "_@" for ch in text)

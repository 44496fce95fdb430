"""Lines that say who wrote the piece, where and when it was published.

Each recogniser takes one line and returns what it found (author, date,
outlet) or None. They look at shape and fixed phrases ("By", "Posted by",
"an edited version of a post published on …", "Name, role", a date on its
own line), never at particular names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from argmine.ingest.word_lists import date_words, normalise_for_matching, role_words
from argmine.ingest.name_shapes import person_name, person_names

def _alternatives(key: str) -> str:
    names = {name for names in date_words()[key].values() for name in names}
    return "(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\.?"


_MONTH = _alternatives("months")
_WEEKDAY = _alternatives("weekdays")
_DAY = r"\d{1,2}(?:st|nd|rd|th|\.)?"
_YEAR = r"(?:de\s+)?\d{4}"
DATE = (
    rf"(?:{_WEEKDAY},?\s+)?(?:{_DAY}\s+(?:de\s+)?{_MONTH},?\s+{_YEAR}|{_MONTH}\s+{_DAY},?\s+{_YEAR}|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}}|{_DAY}\s+(?:de\s+)?{_MONTH}|{_MONTH}\s+{_DAY}|{_MONTH}\s+\d{{4}})"
    rf"(?:,?\s+{_WEEKDAY}(?![\w]))?"
)
TIME = r"(?:(?:at|um|à|a las|alle|às|om|saat|,|-|–|—|\|)\s*)?\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?|uhr|h)?(?:\s*(?:gmt|bst|utc|cet|cest|est|edt|pst|pdt|et|pt))?"
_DATE_PREFIX = (
    r"(?:(?:first\s+)?published|updated|last\s+updated|last\s+modified|modified|posted|date|dated|created|"
    r"last\s+reviewed|page\s+last\s+reviewed)(?:\s+on)?\s*:?\s*"
)
_DATELINE = re.compile(
    rf"(?P<prefix>{_DATE_PREFIX})?(?P<date>{DATE})(?:\s*{TIME})?(?:\s*\(?(?:updated|edited)\)?)?[.,]?",
    re.IGNORECASE,
)
_PREFIX_ONLY = re.compile(rf"{_DATE_PREFIX}", re.IGNORECASE)
_READING_TIME = re.compile(r"\d+\s*min(?:ute)?s?\s+(?:read|listen)|member-only story|updated|edited", re.IGNORECASE)
_PARTS = re.compile(r"\s*[·•|]\s*")
_DATE_ANYWHERE = re.compile(rf"\b{DATE}\b", re.IGNORECASE)

_BY = re.compile(r"^(?:By|BY|by)\s+(?P<names>[^,|–—(]+?)\s*(?:(?:,|\||–|—|-|\()\s*(?P<rest>.*))?$")
_VERB_BY = re.compile(
    r"^(?P<verb>posted|written|published|words|reported|reporting|report|compiled|story|text|article|blog post|post)"
    r"\s+by:?\s+(?P<names>.+?)(?:\s+(?:on|at)\s+(?P<when>.+?))?(?:\s*[;|]\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
_POSTED_ON_BY = re.compile(rf"^(?:posted|published|written)\s+(?:on\s+)?(?P<date>{DATE}).*?\bby\s+(?P<names>.+)$", re.IGNORECASE)
_AUTHOR_PREFIX = re.compile(r"^(?:author|authors|writer|words|byline|contributor|posted by|written by)\s*:\s*(?P<names>.+)$", re.IGNORECASE)
_NAME_ROLE = re.compile(r"^(?P<name>[^,]{3,40}),\s+(?P<role>[^,]{2,80}(?:,[^,]{2,60})?)$")
_REPUBLISHED = re.compile(
    r"^(?:this\s+is\s+)?(?:an?\s+)?(?:(?:edited|shortened|abridged|amended|adapted|updated|longer|extended|revised)\s+)?"
    r"(?:version\s+of\s+)?(?:this|a|an|the)\s+(?:blog\s+)?(?:post|article|blog|piece|essay|speech|talk|blogpost|column|commentary|story)\s+"
    r"(?:that\s+|which\s+)?(?:was\s+|were\s+)?(?:first\s+|originally\s+|previously\s+)?"
    r"(?:published|posted|appeared|written|given|delivered|ran)\s+(?:on|in|at|for|to|by)\s+(?P<where>.+?)[.]?$",
    re.IGNORECASE,
)
_ORIGINALLY = re.compile(
    r"^(?:originally|first)\s+(?:published|posted|appeared)\s+(?:on|in|at)\s+(?P<where>.+?)[.]?$", re.IGNORECASE
)
_POSSESSOR = re.compile(r"^(?P<owner>.+?)['’]s?\s+(?:own\s+)?(?:blog|website|site|web\s*site|substack|newsletter|page|column|medium page)\b", re.IGNORECASE)
_BIO = re.compile(
    r"^(?P<name>(?:[A-Z][\w.'’-]*\s+){1,4}?[A-Z][\w'’-]+)\s+(?:is|was|has been|works as)\s+(?:a|an|the|currently|now|also|chief|head|director|professor|senior|deputy|associate|former)\b(?P<rest>.*)$"
)


@dataclass
class Found:
    """What a byline-like line said."""

    rule: str
    author: Optional[str] = None
    date: Optional[str] = None
    outlet: Optional[str] = None
    role: Optional[str] = None


def dateline(text: str) -> Optional[Found]:
    """A line that is only a date: 'Published 26 February 2015', 'Mon 12 Oct 2015 07.00 BST',
    '5 min read · Jan 3, 2022', 'Sonntag, 5. April 2015' — or a lone 'Published' label."""
    stripped = text.strip().strip("*_").strip()
    if not stripped or len(stripped) > 100:
        return None
    if _PREFIX_ONLY.fullmatch(stripped + " ") or _PREFIX_ONLY.fullmatch(stripped):
        return Found("dateline-label")
    date = None
    updated = False
    for part in _PARTS.split(stripped):
        if not part:
            continue
        match = _DATELINE.fullmatch(part)
        if match:
            if date is None:
                date = match.group("date")
                prefix = (match.group("prefix") or "").lower()
                updated = any(w in prefix for w in ("updated", "modified", "reviewed"))
        elif not _READING_TIME.fullmatch(part):
            return None
    if date is None:
        return None
    return Found("dateline-updated" if updated else "dateline", date=date)


def _role_like(phrase: str) -> bool:
    roles = role_words()
    return any(w.strip(".,()'’") in roles for w in phrase.lower().split())


def byline(text: str) -> Optional[Found]:
    """'By X', 'Posted by X on …', 'Author: X', 'X, health correspondent'."""
    line = text.strip().strip("*_").strip()
    if not line or len(line) > 160 or len(line.split()) > 20:
        return None

    match = _BY.match(line)
    if match:
        names = person_names(match.group("names"))
        if names:
            rest = match.group("rest") or ""
            date = _DATE_ANYWHERE.search(rest)
            role = rest.strip(" )") if rest and _role_like(rest) else None
            return Found("byline-by", author=names, date=date.group(0) if date else None, role=role)
        # "By Nick Triggle Health correspondent": name and role with no comma between.
        found = name_then_role(match.group("names"))
        if found is not None and found.role:
            return Found("byline-by", author=found.author, role=found.role)

    match = _POSTED_ON_BY.match(line)
    if match:
        names = person_names(match.group("names"))
        if names:
            return Found("byline-posted", author=names, date=match.group("date"))

    match = _VERB_BY.match(line)
    if match:
        names = person_names(match.group("names"))
        if names:
            when = match.group("when") or ""
            date = _DATE_ANYWHERE.search(when)
            return Found("byline-posted", author=names, date=date.group(0) if date else None)

    match = _AUTHOR_PREFIX.match(line)
    if match:
        names = person_names(match.group("names"))
        if names:
            return Found("byline-label", author=names)

    match = _NAME_ROLE.match(line)
    if match and len(line.split()) <= 14:
        name = person_name(match.group("name"))
        role = match.group("role").strip(" .")
        if name and role_phrase(role):
            return Found("byline-name-role", author=name, role=role)
    return None


_SENTENCE_MARKS = re.compile(r"[\"“”:;!?]|[.!?]\s|\b(?:said|says|told|added|argued|warned|is|are|was|were|has|have|will)\b")


def role_phrase(text: str) -> bool:
    """A job title ("health correspondent", "Director of Nursing, Westshire NHS Trust"), not a clause.

    The role word heads the phrase: it comes last, or just before the
    organisation ("of", "at", "for", a comma) — "Minister Nehru's Inaugural
    Address" has a role word but is not a role.
    """
    stripped = text.strip(" .")
    if not 0 < len(stripped.split()) <= 12 or _SENTENCE_MARKS.search(stripped):
        return False
    roles = role_words()
    head = re.split(r",|\s(?:of|at|for|in|to|with)\s", stripped, maxsplit=1)[0].split()
    return bool(head) and head[-1].lower().strip(".()'’") in roles


def name_then_role(text: str) -> Optional[Found]:
    """'Denis Campbell Health policy editor': a name and a role with no comma between (scraped bylines)."""
    tokens = text.strip().split()
    if not 2 <= len(tokens) <= 12:
        return None
    for size in (3, 2):
        if len(tokens) < size:
            continue
        name = person_name(" ".join(tokens[:size]))
        rest = " ".join(tokens[size:])
        if name and (not rest or role_phrase(rest)):
            return Found("byline-name-role", author=name, role=rest or None)
    return None


def republication_note(text: str) -> Optional[Found]:
    """'This is an edited version of a post published on X's blog' and kin.

    A person's blog names the author; anything else names the outlet.
    """
    line = normalise_for_matching(text) if len(text) < 400 else ""
    if not line:
        return None
    original = text.strip().strip("*_").strip()
    match = _REPUBLISHED.match(original) or _ORIGINALLY.match(original)
    if not match:
        return None
    where = match.group("where").strip()
    owner = _POSSESSOR.match(where)
    if owner:
        name = person_name(owner.group("owner"))
        if name:
            return Found("republication-note", author=name)
        return Found("republication-note", outlet=owner.group("owner").strip())
    where = re.split(r"\s+(?:on|in)\s+" + DATE, where, flags=re.IGNORECASE)[0]
    where = re.sub(r"^(?:the\s+)?(?:website|site|blog)\s+(?:of\s+)?", "", where, flags=re.IGNORECASE).strip(" .")
    return Found("republication-note", outlet=where or None)


def author_bio(text: str) -> Optional[Found]:
    """'Jane Smith is director of policy at the King's Fund' — the closing line of many comment pieces."""
    line = text.strip().strip("*_").strip()
    if len(line.split()) > 45 or "“" in line or '"' in line:
        return None
    match = _BIO.match(line)
    if not match:
        return None
    name = person_name(match.group("name"))
    if not name or not _role_like(match.group("rest")):
        return None
    return Found("author-bio", author=name)


_OUTLET_PATTERNS = (
    re.compile(r"from the source ['\"‘“]?(?P<o>[^'\"’”]{2,60})['\"’”]"),
    re.compile(
        r"\b(?i:published|brought to you|produced|provided|presented|supported|paid for|sponsored)\s+by\s+"
        r"(?P<o>[A-Z][\w&'’.-]*(?:\s+(?:[A-Z&][\w&'’.-]*|of|for|and|the))*)"
    ),
    re.compile(r"^published in (?P<o>[A-Z][^.;|]{1,60})$"),
    re.compile(
        r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?P<o>[A-Z][^.;|]{1,60}?)"
        r"(?:\s+or its affiliated.*|\s*[.;,|].*|\s+all rights reserved.*)?$",
        re.IGNORECASE,
    ),
)


def outlet(text: str) -> Optional[str]:
    """The publisher a furniture line names ("This article is from the source 'guardian'")."""
    line = text.strip()
    if len(line) > 400:
        return None
    for pattern in _OUTLET_PATTERNS:
        match = pattern.search(line)
        if match:
            name = re.split(r"[.!?;](?:\s|$)", match.group("o"))[0].strip(" .,'\"")
            if name and not name.lower().startswith(("the author", "the writer")):
                return name
    return None

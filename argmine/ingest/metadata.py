"""What a page says about itself: title, author, outlet, date, language.

Read off the labels of the main reading stream (the page outside version
tables plus the latest version), in reading order: the first title, the
first byline that names the article's author (comment signatures never
count), the first date and outlet a byline or publisher note states. When
no byline names the author, a standfirst may: "…, the Deputy Director of
Finance at X and one of the project leads, reviews the progress
they've made so far:" describes an author it does not name, so the role
becomes ``author_role``.
"""

from __future__ import annotations

import re
from typing import Optional

from argmine.dates import date_from_url, find_urls, parse_date
from argmine.ingest.labels import Label
from argmine.ingest.language import words
from argmine.ingest.word_lists import role_words
from argmine.ingest.lines import Unit
from argmine.ingest.name_shapes import person_name
from argmine.records import DocumentMeta, SegmentKind as K

_WRITING_VERB = re.compile(
    r",?\s+\b(?:discusses|argues|explains|writes|reflects(?: on)?|considers|describes|sets out|outlines|shares|"
    r"looks at|looks back(?: at| on)?|asks|examines|explores|assesses|recounts|introduces|charts|tells us|blogs|"
    r"gives (?:an|her|his|their) (?:update|view|perspective)|offers)\b",
    re.IGNORECASE,
)
_DETERMINER = re.compile(r"^(?:the|a|an|our|its|their|this|one)\s+(?P<role>.+)$", re.IGNORECASE)
_FIRST_PERSON = frozenset({"we", "our", "us", "my", "we're", "we've", "i'm", "i've", "ours", "myself", "ourselves"})
_AUTHOR_RULES_EXCLUDED = ("comment-",)


def first_person(text: str) -> bool:
    """Does the text speak as "I" or "we"? Commentary by the author does."""
    return bool(re.search(r"\bI\b", text)) or any(t in _FIRST_PERSON for t in words(text))


def author_from_standfirst(standfirst: str, body_in_first_person: bool) -> tuple[Optional[str], Optional[str]]:
    """(name, role) of the writer a standfirst introduces, when it introduces one.

    Only a standfirst that hands over to the writer counts: it ends with a
    colon, or the text after it speaks in the first person. Otherwise
    "The health secretary argues …" is a news summary about a source.
    """
    text = " ".join(standfirst.split())
    if not (text.endswith(":") or body_in_first_person):
        return None, None
    verb = _WRITING_VERB.search(text)
    if not verb:
        return None, None
    # The subject is one of the comma-separated stretches before the verb: a name
    # ("Jane Smith, chief executive of X, argues") or a description opened by a
    # determiner after a scene-setting clause ("As the scheme turns one, the director of X").
    parts = [p.strip() for p in text[: verb.start()].split(",") if p.strip()]
    for part in parts:
        name = person_name(part)
        if name:
            return name, None
    for part in reversed(parts):
        match = _DETERMINER.match(part)
        if match:
            # "the Director of X and one of the programme's leads": the first description is the
            # role; a capitalised word after "and" belongs to a name ("Health and Social Care").
            role = re.split(r"\s+and\s+(?=[a-z])", match.group("role"))[0].strip(" ,")
            if len(role.split()) <= 20 and any(w.strip(".,()'’").lower() in role_words() for w in role.split()):
                return None, role
            return None, None
    return None, None


def page_url(main: list[tuple[Unit, Label]]) -> Optional[str]:
    """The page's own address: the first URL written before the article's first paragraph
    (a scraper's "original source at …" note, a "URL:" line). Links inside the text and the
    comments point elsewhere and are never read."""
    for unit, label in main:
        if label.kind in (K.body, K.comment, K.comment_marker):
            return None
        urls = find_urls(unit.text)
        if urls:
            return urls[0]
    return None


def _settle_date(meta: DocumentMeta, main: list[tuple[Unit, Label]]) -> None:
    """The date as ISO 8601, from what the page states, else from its URL's path."""
    meta.url = page_url(main)
    stated = parse_date(meta.date)
    if stated:
        meta.date, meta.date_source = stated, "page"
        return
    meta.date = date_from_url(meta.url)
    meta.date_source = "url" if meta.date else None


def build_meta(main: list[tuple[Unit, Label]], language: Optional[str]) -> DocumentMeta:
    """DocumentMeta from the main stream's labels (see the module docstring)."""
    meta = DocumentMeta(language=language)
    dates_updated: list[str] = []
    stated_title = next((lab.meta_title for _, lab in main if lab.meta_title), None)
    if stated_title:
        meta.title = stated_title
    for unit, label in main:
        if label.kind == K.title and meta.title is None:
            meta.title = " ".join(unit.text.split())
        if label.rule.startswith(_AUTHOR_RULES_EXCLUDED):
            continue
        if label.author and meta.author is None:
            meta.author = label.author
        if label.outlet and meta.outlet is None:
            meta.outlet = label.outlet
        if label.date:
            if label.rule == "dateline-updated":
                dates_updated.append(label.date)
            elif meta.date is None:
                meta.date = label.date
    if meta.title and " | " in meta.title:
        # "Headline | Site name": HTML page titles carry the site after a bar.
        head, _, site = meta.title.rpartition(" | ")
        if len(head.split()) >= 3 and 0 < len(site.split()) <= 4 and all(w[:1].isupper() or not w[:1].isalpha() for w in site.split()):
            meta.title = head
            meta.outlet = meta.outlet or site
    if meta.date is None and dates_updated:
        meta.date = dates_updated[0]
    _settle_date(meta, main)
    if meta.author is None:
        standfirst = next((u.text for u, lab in main if lab.kind == K.standfirst), None)
        if standfirst:
            body = " ".join(u.text for u, lab in main if lab.kind == K.body)
            name, role = author_from_standfirst(standfirst, first_person(body))
            meta.author = name
            meta.author_role = role
    return meta

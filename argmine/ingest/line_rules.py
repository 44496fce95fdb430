"""Rules that classify a line by itself, without looking at its neighbours.

Each rule recognises a kind of page furniture by its shape or fixed wording:
platform interface strings in any listed language, publisher notes,
captions and photo credits, related-link lines, bylines and datelines,
republication notes, and lines in another language than the article's.
Anything no rule claims is left for the contextual pass in `segments`.
"""

from __future__ import annotations

import re
from typing import Optional

from argmine.ingest import bylines
from argmine.ingest.labels import Label
from argmine.ingest.language import foreign_language
from argmine.ingest.word_lists import match_furniture, match_platform_ui_rest, normalise_for_matching
from argmine.ingest.name_shapes import person_name
from argmine.ingest.lines import Unit
from argmine.records import SegmentKind as K

_CREDIT_WORDS = (
    r"(?:photographs?|photos?|pictures?|pic|images?|illustrations?|composite|graphic|video|credit|"
    r"(?:image|photo|picture|main image|top image|header image|featured image|cover image)\s+(?:credit|source|by)|photography)"
)
# "... the new ward. Photograph: Alamy", "(Photo: Jane Smith/Getty Images)", "Image by X from Pixabay"
_CREDIT_AT_END = re.compile(
    rf"(?:^|(?<=[\s.,;:!?)\]–—|-]))\(?{_CREDIT_WORDS}\s*(?::|\bby\b|\bcourtesy(?: of)?\b|©|–|—)\s*"
    rf"(?P<credit>[^.!?:]{{1,80}}?)\)?\.?$",
    re.IGNORECASE,
)
# BBC: "Image source, Getty Images", "Image caption, ...", "Media caption, ..."
_CAPTION_START = re.compile(
    r"^(?:(?:image|photo|media|video|picture)\s+(?:caption|source|copyright)\b|"
    r"(?:photograph|photo|picture|image|illustration|caption|pictured|above|top|main)\s*:)",
    re.IGNORECASE,
)
_AGENCY_WORDS = frozenset(
    "getty images alamy pa wire media reuters afp ap epa shutterstock istock istockphoto rex features stock photo "
    "via bloomberg corbis xinhua anadolu sopa nurphoto wireimage pool unsplash pixabay pexels flickr".split()
)
_STRONG_AGENCIES = frozenset("getty alamy reuters afp shutterstock istock istockphoto rex epa pa unsplash pixabay".split())
_RELATED_INLINE = re.compile(
    r"^(?:related|read more|see also|read also|also read|further reading|more on this(?: story)?|recommended(?: reading)?|"
    r"related (?:article|post|story|content|reading|link)s?|you (?:may|might) also like|more like this|read next|"
    r"read the full (?:story|article|report)|listen|watch|in pictures|more from [^:]{1,40})\s*[:|–—-]\s*\S",
    re.IGNORECASE,
)
_UI_KIND = {
    "comment_open": (K.comment_marker, "comment-count"),
    "comment_none": (K.comment_marker, "comment-none"),
    "comment_form": (K.comment_marker, "comment-form"),
    "comment_closed": (K.comment_marker, "comment-closed"),
    "related_list": (K.related, "related-list"),
    "byline": (K.byline, "byline-platform"),
    "furniture": (K.furniture, "platform-ui"),
}


def classify_alone(unit: Unit, language: str) -> Optional[Label]:
    """The label a line earns by itself, or None to leave it to context."""
    text = unit.text
    if unit.front_matter:
        return _front_matter(text)
    if not any(ch.isalnum() for ch in text):
        return Label(K.furniture, "separator")
    if unit.markdown_heading:
        marker = _platform_label(text, language) or _related_inline(text, language)
        return marker or Label(K.heading, "markdown-heading")
    for rule in (
        _platform_label,
        _republication,
        _furniture,
        _related_inline,
        _caption,
        _byline,
        _dateline,
        _foreign,
    ):
        label = rule(text, language)
        if label is not None:
            return label
    return None


_FRONT_MATTER_KEYS = {
    "title": "meta_title",
    "author": "author",
    "authors": "author",
    "by": "author",
    "date": "date",
    "published": "date",
    "publisher": "outlet",
    "source": "outlet",
    "site": "outlet",
    "outlet": "outlet",
}


def _front_matter(text: str) -> Label:
    """A 'key: value' line of YAML front matter: furniture that may state title, author, date, outlet."""
    label = Label(K.furniture, "front-matter")
    key, sep, value = text.partition(":")
    field = _FRONT_MATTER_KEYS.get(key.strip().lower())
    value = value.strip().strip("\"'").strip()
    if sep and field and value and not value.startswith(("[", "{")):
        setattr(label, field, value)
    return label


def _platform_label(text: str, language: str) -> Optional[Label]:
    matched = match_platform_ui_rest(text)
    if matched is None:
        return None
    found, rest = matched
    author = _leading_name(rest) if found.role == "byline" else None
    if found.language != language:
        return Label(K.foreign, f"platform-ui-{found.language}", role=found.role, language=found.language, author=author)
    kind, rule = _UI_KIND[found.role]
    return Label(kind, rule, role=found.role, author=author)


def _leading_name(text: str) -> Optional[str]:
    """The name that opens 'Peter Miller um 10:15' (the rest of a 'posted by' string)."""
    tokens = text.split()
    for size in (4, 3, 2):
        if len(tokens) >= size:
            name = person_name(" ".join(tokens[:size]))
            if name:
                return name
    return None


def _republication(text: str, language: str) -> Optional[Label]:
    found = bylines.republication_note(text)
    if found is None:
        return None
    return Label(K.byline, found.rule, author=found.author, outlet=found.outlet)


def _furniture(text: str, language: str) -> Optional[Label]:
    rule = match_furniture(text)
    if rule is None:
        return None
    role = "press_release_end" if rule.rule == "press-release-end" else None
    return Label(K(rule.kind), rule.rule, role=role, outlet=bylines.outlet(text))


def _related_inline(text: str, language: str = "") -> Optional[Label]:
    if _RELATED_INLINE.match(normalise_for_matching(text)):
        return Label(K.related, "related-link")
    return None


def _caption(text: str, language: str) -> Optional[Label]:
    if len(text) > 600:
        return None
    match = _CREDIT_AT_END.search(text.strip())
    if match and len(match.group("credit").split()) <= 8:
        return Label(K.caption, "caption-credit")
    if _CAPTION_START.match(text.strip()) and len(text.split()) <= 60:
        return Label(K.caption, "caption-label")
    tokens = [t for t in re.split(r"[\s/,]+", normalise_for_matching(text).strip("©() ")) if t]
    if 0 < len(tokens) <= 6 and all(t in _AGENCY_WORDS for t in tokens) and any(t in _STRONG_AGENCIES for t in tokens):
        return Label(K.caption, "credit-only")
    return None


def _byline(text: str, language: str) -> Optional[Label]:
    found = bylines.byline(text)
    if found is None:
        return None
    return Label(K.byline, found.rule, author=found.author, date=found.date, author_role=found.role)


def _dateline(text: str, language: str) -> Optional[Label]:
    found = bylines.dateline(text)
    if found is None:
        return None
    return Label(K.byline, found.rule, date=found.date)


def _foreign(text: str, language: str) -> Optional[Label]:
    other = foreign_language(text, language)
    if other is None:
        return None
    return Label(K.foreign, f"foreign-function-words-{other}", language=other)

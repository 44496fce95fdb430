"""Typed segments of a page: the line rules, then what a line's neighbours say.

`classify_stream` labels one reading stream (the page outside any version
table plus one version's cells). Line rules (`line_rules`) go first; then,
in order, rules that need context:

- bare numbers beside version navigation are version navigation;
- comment sections (`comments`), the notes after a press release's "ENDS",
  and the link lists after "Related posts"/"More on this story";
- the title: the first line no rule claimed, when it reads as a headline
  (after a menu of short lines, the headline below it);
- bylines between the title and the first paragraph that no line rule knew
  (a name beside a dateline, "Name Role" without a comma, a role line);
- the standfirst: the line after the title, when it reads as one;
- an author's bio closing the article ("Jane Smith is director of …");
- "Name, role" alone between paragraphs captions a portrait;
- headings: short unpunctuated lines followed by a paragraph;
- short lines beside boilerplate in another language, without any of the
  article's function words, are in that language too;
- the tail: short lines after the last paragraph (a title repeated at the
  foot of a page, the author's name, leftovers of the page);
- everything else is body.

`assemble.segment_text` runs the streams and turns labels into segments.
"""

from __future__ import annotations

import re
from typing import Optional

from argmine.ingest import bylines
from argmine.ingest.comments import label_comment_sections
from argmine.ingest.labels import Label
from argmine.ingest.language import has_function_words, has_letters_outside_english
from argmine.ingest.line_rules import classify_alone
from argmine.ingest.lines import Unit, is_list_item
from argmine.ingest.name_shapes import person_name
from argmine.records import SegmentKind as K

_TERMINAL = re.compile(r"[.!?…:;][\"'”’)\]*_]*$")
_BARE_NUMBER = re.compile(r"\d{1,4}")
_COMMENTARY_VERB = re.compile(
    r"\b(?:discusses|argues|explains|writes|reflects|considers|describes|sets out|outlines|shares|looks at|"
    r"looks back|asks|examines|explores|assesses|recounts|introduces|charts|tells|reveals|believes|says|warns|"
    r"suggests|urges|insists|calls for|makes the case)\b",
    re.IGNORECASE,
)
_NOT_PROSE_KINDS = frozenset({K.furniture, K.caption, K.related, K.version_meta, K.foreign, K.comment_marker})


def word_count(text: str) -> int:
    return len(text.split())


def paragraph_like(text: str) -> bool:
    """Reads as prose: ends like a sentence, or is too long for a heading."""
    return bool(_TERMINAL.search(text.rstrip())) or word_count(text) >= 15


def heading_like(text: str) -> bool:
    """A short line without closing punctuation (a question mark is allowed)."""
    stripped = text.strip().strip("*_")
    if not stripped or "\n" in stripped or is_list_item(stripped):
        return False
    if word_count(stripped) > 12 or len(stripped) > 110:
        return False
    if stripped[-1] in ".,;:!…" or not (stripped[0].isupper() or stripped[0].isdigit() or stripped[0] in "\"'“‘"):
        return False
    return True


def title_like(text: str) -> bool:
    """A headline: one line, at most 25 words, no closing full stop, comma or colon."""
    stripped = text.strip().strip("*_")
    if not stripped or "\n" in stripped or is_list_item(stripped):
        return False
    if word_count(stripped) > 25 or len(stripped) > 200:
        return False
    if stripped[-1] in ".,;:…" or not any(ch.isalpha() for ch in stripped):
        return False
    return stripped[0].isupper() or stripped[0].isdigit() or stripped[0] in "\"'“‘"


def standfirst_like(text: str) -> bool:
    """A one-sentence summary under the headline (Guardian, trade press, trust blogs)."""
    n = word_count(text)
    if "\n" in text.strip() or not 6 <= n <= 70:
        return False
    stripped = text.rstrip().rstrip("*_")
    if stripped.endswith(":"):
        return True
    if not _TERMINAL.search(stripped):
        return True  # a summary line printed without a full stop
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"'‘])", stripped)
    return len(sentences) == 1 and n <= 45 and bool(_COMMENTARY_VERB.search(stripped))


def _same_line(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def classify_stream(units: list[Unit], language: str) -> list[Label]:
    """One label per unit of a reading stream (see the module docstring for the order)."""
    labels: list[Optional[Label]] = [classify_alone(unit, language) for unit in units]
    _bare_numbers(units, labels)
    claimed = label_comment_sections(units, labels)
    _after_marker(units, labels, "press_release_end", K.furniture, "press-release-notes", lambda u: True)
    _related_lists(units, labels)
    title_index = _title(units, labels)
    header_start = title_index if title_index is not None else -1
    _header_bylines(units, labels, after=header_start)
    if title_index is not None:
        _standfirst(units, labels, title_index)
        _header_bylines(units, labels, after=header_start)  # bylines printed under the standfirst
    _author_bio(units, labels)
    _portrait_captions(units, labels)
    _headings(units, labels)
    _foreign_neighbours(units, labels, language)
    _tail(units, labels, claimed, title_index)
    return [label or _body(unit) for unit, label in zip(units, labels)]


def _body(unit: Unit) -> Label:
    if is_list_item(unit.text):
        return Label(K.body, "list-item")
    return Label(K.body, "paragraph" if paragraph_like(unit.text) else "short-line")


def _bare_numbers(units: list[Unit], labels: list[Optional[Label]]) -> None:
    for i, unit in enumerate(units):
        if labels[i] is None and _BARE_NUMBER.fullmatch(unit.text.strip()):
            neighbours = [labels[j] for j in (i - 1, i + 1) if 0 <= j < len(units)]
            if any(n is not None and n.kind == K.version_meta for n in neighbours):
                labels[i] = Label(K.version_meta, "version-navigation")
            else:
                labels[i] = Label(K.furniture, "bare-number")


def _after_marker(units, labels, role, kind, rule, accept) -> None:
    active = False
    for i, unit in enumerate(units):
        label = labels[i]
        if label is not None and label.role == role:
            active = True
        elif active and label is None and accept(unit):
            labels[i] = Label(kind, rule)


def _related_lists(units: list[Unit], labels: list[Optional[Label]]) -> None:
    """Short link titles under a "Related posts" / "More on this story" header."""
    i = 0
    while i < len(units):
        label = labels[i]
        if label is None or label.role != "related_list":
            i += 1
            continue
        j = i + 1
        while j < len(units) and labels[j] is None and _link_title(units[j].text):
            following = units[j + 1] if j + 1 < len(units) else None
            if following is not None and labels[j + 1] is None and paragraph_like(following.text) and not _link_title(following.text):
                break  # a heading of the article, not a link
            labels[j] = Label(K.related, "related-list-item")
            j += 1
        i = j


def _link_title(text: str) -> bool:
    """A headline as link lists print them: short, no closing full stop (a question is fine)."""
    stripped = text.strip()
    return 0 < word_count(stripped) <= 20 and "\n" not in stripped and stripped[-1] not in ".,;:"


def _first_paragraph(units: list[Unit], labels: list[Optional[Label]]) -> int:
    for i, unit in enumerate(units):
        if labels[i] is None and paragraph_like(unit.text) and word_count(unit.text) >= 15:
            return i
    return len(units)


def _header_bylines(units: list[Unit], labels: list[Optional[Label]], after: int) -> None:
    """Bylines between the title and the first paragraph that no line rule knew.

    "Denis Campbell Health policy editor" (name and role, no comma); a bare
    name beside a dateline or another byline; a role line under a byline
    ("By Nick Triggle" / "Health correspondent").
    """
    end = _first_paragraph(units, labels)
    for i in range(after + 1, min(end, len(units))):
        if labels[i] is not None:
            continue
        text = units[i].text
        previous = labels[i - 1] if i > 0 else None
        following = labels[i + 1] if i + 1 < len(units) else None
        beside_byline = any(n is not None and n.kind == K.byline for n in (previous, following))
        found = bylines.name_then_role(text)
        if found is not None and (found.role or beside_byline):
            labels[i] = Label(K.byline, "byline-name-role" if found.role else "byline-name", author=found.author, author_role=found.role)
        elif previous is not None and previous.kind == K.byline and previous.author and bylines.role_phrase(text) and word_count(text) <= 8:
            labels[i] = Label(K.byline, "byline-role", author_role=text.strip())


def _title(units: list[Unit], labels: list[Optional[Label]]) -> Optional[int]:
    """The first line no rule claimed is the title when it reads as one (a Markdown heading first is one).

    Runs of two or more one- or two-word lines before a longer headline are
    breadcrumbs and section menus ("Opinion", "Sport", "Culture"); a single
    short line is a short title ("Brock Holt" over a caption).
    """
    for i, unit in enumerate(units):
        label = labels[i]
        if label is None:
            if not title_like(unit.text):
                return None
            if word_count(unit.text) <= 2 and _menu_run(units, labels, i) >= 2:
                headline = _headline_after_menu(units, labels, i)
                if headline is not None:
                    for j in range(i, headline):
                        if labels[j] is None:
                            labels[j] = Label(K.furniture, "breadcrumb")
                    labels[headline] = Label(K.title, "title-first-line")
                    return headline
            labels[i] = Label(K.title, "title-first-line")
            return i
        if label.rule == "markdown-heading":
            labels[i] = Label(K.title, "title-markdown-heading")
            return i
        if label.kind in (K.title, K.comment, K.heading):
            return None
    return None


def _menu_run(units: list[Unit], labels: list[Optional[Label]], first: int) -> int:
    """How many one- or two-word unclaimed lines follow each other from ``first``."""
    count = 0
    for j in range(first, len(units)):
        if labels[j] is not None or word_count(units[j].text) > 2:
            break
        count += 1
    return count


def _headline_after_menu(units: list[Unit], labels: list[Optional[Label]], first: int) -> Optional[int]:
    """The headline after a run of short menu lines starting at ``first``, if there is one."""
    for j in range(first, len(units)):
        if labels[j] is not None:
            if labels[j].kind in (K.furniture, K.caption, K.byline):
                continue
            return None
        if word_count(units[j].text) <= 2:
            continue
        return j if title_like(units[j].text) else None
    return None


def _standfirst(units: list[Unit], labels: list[Optional[Label]], title_index: int) -> None:
    for i in range(title_index + 1, len(units)):
        label = labels[i]
        if label is None:
            if standfirst_like(units[i].text) and not (i + 1 < len(units) and heading_like(units[i].text) and word_count(units[i].text) < 6):
                labels[i] = Label(K.standfirst, "standfirst-after-title")
            return
        if label.kind not in (K.byline, K.caption, K.furniture, K.version_meta):
            return


def _author_bio(units: list[Unit], labels: list[Optional[Label]]) -> None:
    last = None
    for i, unit in enumerate(units):
        if labels[i] is None and paragraph_like(unit.text):
            last = i
    if last is not None:
        found = bylines.author_bio(units[last].text)
        if found is not None:
            labels[last] = Label(K.byline, found.rule, author=found.author)


def _portrait_captions(units: list[Unit], labels: list[Optional[Label]]) -> None:
    """'Jane Smith, chief executive of X' alone between paragraphs captions a portrait; it names no author."""
    paragraphs = [i for i, unit in enumerate(units) if labels[i] is None and paragraph_like(unit.text)]
    if len(paragraphs) < 2:
        return
    for i in range(paragraphs[0] + 1, paragraphs[-1]):
        label = labels[i]
        if label is not None and label.rule == "byline-name-role":
            labels[i] = Label(K.caption, "portrait-caption")


def _headings(units: list[Unit], labels: list[Optional[Label]]) -> None:
    for i, unit in enumerate(units):
        if labels[i] is not None or not heading_like(unit.text):
            continue
        j = i + 1
        while j < len(units) and labels[j] is not None and labels[j].kind == K.caption:
            j += 1
        if j < len(units) and labels[j] is None and paragraph_like(units[j].text):
            labels[i] = Label(K.heading, "short-line-before-paragraph")


def _foreign_neighbours(units: list[Unit], labels: list[Optional[Label]], language: str) -> None:
    """Short lines beside foreign boilerplate, in letters English does not use and without English words."""
    candidates = [
        labels[i] is None
        and word_count(unit.text) <= 6
        and has_letters_outside_english(unit.text)
        and not has_function_words(unit.text, language)
        for i, unit in enumerate(units)
    ]
    # A sweep each way carries the label along a run of such lines.
    for order, step in ((range(len(units)), -1), (range(len(units) - 1, -1, -1), 1)):
        for i in order:
            j = i + step
            if candidates[i] and labels[i] is None and 0 <= j < len(units):
                neighbour = labels[j]
                if neighbour is not None and neighbour.kind == K.foreign:
                    labels[i] = Label(K.foreign, "foreign-neighbour", language=neighbour.language)


def _tail(units, labels, claimed: set[int], title_index: Optional[int]) -> None:
    """Short lines after the article's last paragraph."""
    last = None
    for i, unit in enumerate(units):
        if labels[i] is None and paragraph_like(unit.text):
            last = i
    if last is None:
        return
    title_text = units[title_index].text if title_index is not None else None
    after_furniture = False
    for i in range(last + 1, len(units)):
        label = labels[i]
        if label is not None:
            if label.kind in _NOT_PROSE_KINDS or label.kind == K.byline:
                after_furniture = True
            continue
        if i in claimed:
            continue
        text = units[i].text
        if title_text is None and title_like(text):
            labels[i] = Label(K.title, "title-in-tail")
            title_text = text
        elif title_text is not None and _same_line(text, title_text):
            labels[i] = Label(K.furniture, "title-repeat")
        elif not after_furniture and person_name(text):
            labels[i] = Label(K.byline, "signoff-name", author=person_name(text))  # the writer signing off
        elif after_furniture:
            labels[i] = Label(K.furniture, "tail-short-line")

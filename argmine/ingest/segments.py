"""Typed segments of a page: the line rules, then what a line's neighbours say.

`classify_stream` labels one reading stream (the page outside any version
table plus one version's cells). Line rules (`line_rules`) go first; then,
in order, rules that need context:

- bare numbers beside version navigation are version navigation;
- comment sections (`comments`), the notes after a press release's "ENDS",
  and the link lists after "Related posts"/"More on this story";
- a personal name beside a dateline or byline is a byline;
- the title: the first line no rule claimed, when it reads as a headline;
- the standfirst: the line after the title, when it reads as one;
- an author's bio closing the article ("Jane Smith is director of …");
- "Name, role" alone between paragraphs captions a portrait;
- headings: short unpunctuated lines followed by a paragraph;
- short lines beside boilerplate in another language, without any of the
  article's function words, are in that language too;
- the tail: short lines after the last paragraph (a title repeated at the
  foot of a page, the author's name, leftovers of the page);
- everything else is body.

`segment_text` runs the streams, joins their labels into `Segment`s with
exact offsets, and records version-table furniture.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from typing import Optional

from argmine.ingest import bylines
from argmine.ingest.comments import label_comment_sections
from argmine.ingest.labels import Label
from argmine.ingest.language import document_language, has_function_words, has_letters_outside_english
from argmine.ingest.line_rules import classify_alone
from argmine.ingest.lines import Unit, is_list_item, strip_span, units_from_text
from argmine.ingest.names import person_name
from argmine.ingest.versions import VersionTable, find_version_tables
from argmine.records import Segment, SegmentKind as K, TextSpan, VersionInfo

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
        if label.kind in (K.title, K.comment, K.comment_marker, K.heading):
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


# --- from labels to segments -------------------------------------------------------------


@dataclass
class Segmentation:
    """Everything `segment_text` found: segments, the main stream's labels, version tables."""

    segments: list[Segment]
    main: list[tuple[Unit, Label]]
    language: Optional[str]
    versions: Optional[VersionInfo] = None
    warnings: list[str] = field(default_factory=list)


def _segments_for(text: str, unit: Unit, label: Label) -> list[Segment]:
    common = {"version": unit.version}
    if label.signature is None:
        return [Segment(kind=label.kind, start=unit.start, end=unit.end, text=unit.text, rule=label.rule, signer=label.signer, **common)]
    sig_start, sig_end = label.signature
    body_start, body_end = strip_span(text, unit.start, sig_start)
    out = []
    if body_start < body_end:
        out.append(
            Segment(kind=label.kind, start=body_start, end=body_end, text=text[body_start:body_end], rule=label.rule, signer=label.signer, **common)
        )
    out.append(
        Segment(kind=K.byline, start=sig_start, end=sig_end, text=text[sig_start:sig_end], rule="comment-signature", signer=label.signer, **common)
    )
    return out


def _stream(outside: list[Unit], table_cells: dict[int, list[Unit]], positions: dict[int, int]) -> list[Unit]:
    """Outside units with each table's chosen cells spliced in where the table stood."""
    stream: list[Unit] = []
    for unit in outside:
        stream.append(unit)
    for table_pos in sorted(positions, key=lambda t: positions[t], reverse=True):
        at = positions[table_pos]
        stream[at:at] = table_cells.get(table_pos, [])
    return [replace(unit, index=k) for k, unit in enumerate(stream)]


def segment_text(text: str) -> Segmentation:
    """Cut a decoded page into typed segments (offsets into ``text``)."""
    detected = document_language(text)
    language = detected or "en"
    units = units_from_text(text)
    tables = find_version_tables(text, units)
    in_table = {unit.index for table in tables for unit in table.units}
    outside = [unit for unit in units if unit.index not in in_table]
    # Where each table sits among the outside units.
    outside_indexes = [unit.index for unit in outside]
    positions = {t: bisect_left(outside_indexes, table.header.index) for t, table in enumerate(tables)}

    def cells_of(table: VersionTable, version: int) -> list[Unit]:
        return [
            Unit(c.start, c.end, text[c.start : c.end], -1, version=c.version, line=table.rows[c.row].line)
            for c in table.cells
            if c.version == version
        ]

    latest_cells = {t: cells_of(table, table.latest) for t, table in enumerate(tables)}
    main_units = _stream(outside, latest_cells, positions)
    main_labels = classify_stream(main_units, language)
    pairs = list(zip(main_units, main_labels))

    segments: list[Segment] = []
    for unit, label in pairs:
        segments.extend(_segments_for(text, unit, label))

    dropped: list[TextSpan] = []
    cell_labels = {(u.start, u.end): (u, lab) for u, lab in pairs if u.version is not None}
    for t, table in enumerate(tables):
        segments.append(_furniture_segment(text, table.header, "version-table-header"))
        if table.rule is not None:
            segments.append(_furniture_segment(text, table.rule, "version-table-rule"))
        twins = {
            _key(text[c.start : c.end]): cell_labels[(c.start, c.end)]
            for c in table.cells
            if c.version == table.latest and (c.start, c.end) in cell_labels
        }
        # Earlier versions are read with the page around their table (up to the
        # neighbouring tables), so a page of many tables stays linear.
        lo = max(positions[t - 1] if t else 0, positions[t] - _CONTEXT)
        hi = min(positions[t + 1] if t + 1 < len(tables) else len(outside), positions[t] + _CONTEXT)
        window = outside[lo:hi]
        seen_dropped: set[str] = set()
        for version in sorted(set(table.versions) - {table.latest}):
            earlier_units = _stream(window, {t: cells_of(table, version)}, {t: positions[t] - lo})
            earlier_labels = classify_stream(earlier_units, language)
            for unit, label in zip(earlier_units, earlier_labels):
                if unit.version != version:
                    continue
                twin = twins.get(_key(unit.text))
                if twin is not None:
                    label = replace(twin[1], signature=_shift(twin, unit))
                elif label.kind not in (K.version_meta, K.furniture) and _key(unit.text) not in seen_dropped:
                    seen_dropped.add(_key(unit.text))
                    dropped.append(TextSpan(text=unit.text, start=unit.start, end=unit.end))
                segments.extend(_segments_for(text, unit, label))

    segments.sort(key=lambda s: (s.start, s.end))
    versions = None
    warnings: list[str] = []
    if tables:
        first = tables[0]
        versions = VersionInfo(count=len(first.versions), used=first.latest, dropped=dropped)
        warnings.append(
            f"page shows {len(first.versions)} versions side by side; reading version {first.latest} (the latest)"
            + (f"; {len(dropped)} paragraph(s) only earlier versions had" if dropped else "")
        )
    return Segmentation(segments, pairs, detected, versions, warnings)


_CONTEXT = 200  # outside units read around a table for its earlier versions


def _key(text: str) -> str:
    """Versions of a paragraph that differ only in spacing count as the same paragraph."""
    return " ".join(text.split())


def _shift(twin: tuple[Unit, Label], unit: Unit) -> Optional[tuple[int, int]]:
    """Move a twin cell's inline signature span onto this cell's offsets."""
    source, label = twin
    if label.signature is None or unit.text != source.text:
        return None
    delta = unit.start - source.start
    return label.signature[0] + delta, label.signature[1] + delta


def _furniture_segment(text: str, unit: Unit, rule: str) -> Segment:
    return Segment(kind=K.version_meta, start=unit.start, end=unit.end, text=text[unit.start : unit.end], rule=rule)


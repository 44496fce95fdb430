"""From a decoded page to segments: units, version tables, reading streams, labels.

The page is read as streams (see `segments.classify_stream`): the main one
is everything outside version tables plus the latest version's cells; each
earlier version is read again with the page around its table, and its cells
take the label of an identical latest cell where there is one. Every label
becomes one `Segment` (two when a comment's signature is cut out), each an
exact slice of the text, sorted by offset.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, replace
from typing import Optional

from argmine.ingest.labels import Label
from argmine.ingest.language import document_language
from argmine.ingest.lines import Unit, strip_span, units_from_text
from argmine.ingest.segments import classify_stream
from argmine.ingest.unwrap import flatten
from argmine.ingest.versions import VersionTable, find_version_tables
from argmine.records import Segment, SegmentKind as K, TextSpan, VersionInfo


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


def segment_text(text: str, *, markdown: bool = False) -> Segmentation:
    """Cut a decoded page into typed segments (offsets into ``text``).

    `markdown`: the page is a Markdown file, whose inline markup the rules read through.
    """
    detected = document_language(text)
    language = detected or "en"
    units = units_from_text(text)
    tables = find_version_tables(text, units)
    in_table = {unit.index for table in tables for unit in table.units}
    outside = [unit for unit in units if unit.index not in in_table]
    # Where each table sits among the outside units.
    outside_indexes = [unit.index for unit in outside]
    positions = {t: bisect_left(outside_indexes, table.header.index) for t, table in enumerate(tables)}

    latest_cells = {t: _cells_of(text, table, table.latest) for t, table in enumerate(tables)}
    main_units = _stream(outside, latest_cells, positions)
    main_labels = _classify(main_units, language, markdown)
    pairs = list(zip(main_units, main_labels))

    segments: list[Segment] = []
    for unit, label in pairs:
        segments.extend(_segments_for(text, unit, label))

    dropped: list[TextSpan] = []
    cell_labels = {(u.start, u.end): (u, lab) for u, lab in pairs if u.version is not None}
    page = _TablePage(text, tables, outside, positions, language, markdown)
    for t in range(len(tables)):
        segments.extend(page.earlier_versions(t, cell_labels, dropped))

    segments.sort(key=lambda s: (s.start, s.end))
    versions, warnings = _versions_read(tables, dropped)
    read_pairs = [(_as_read(unit, markdown), label) for unit, label in pairs]
    return Segmentation(segments, read_pairs, detected, versions, warnings)


def _cells_of(text: str, table: VersionTable, version: int) -> list[Unit]:
    """One version's cells of a version table, as units of the page."""
    return [
        Unit(c.start, c.end, text[c.start : c.end], -1, version=c.version, line=table.rows[c.row].line)
        for c in table.cells
        if c.version == version
    ]


@dataclass
class _TablePage:
    """A page with version tables, for reading each table's earlier versions in context."""

    text: str
    tables: list[VersionTable]
    outside: list[Unit]  # the units outside every table, in page order
    positions: dict[int, int]  # table number -> where it sits among `outside`
    language: str
    markdown: bool  # a Markdown file: the rules read through its inline markup

    def earlier_versions(
        self, t: int, cell_labels: dict[tuple[int, int], tuple[Unit, Label]], dropped: list[TextSpan]
    ) -> list[Segment]:
        """Table `t`'s furniture and its earlier versions' segments; paragraphs only earlier
        versions had are added to `dropped`. A cell the latest version repeats takes its label."""
        text, table, positions = self.text, self.tables[t], self.positions
        segments = [_furniture_segment(text, table.header, "version-table-header")]
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
        hi = min(positions[t + 1] if t + 1 < len(self.tables) else len(self.outside), positions[t] + _CONTEXT)
        window = self.outside[lo:hi]
        seen_dropped: set[str] = set()
        for version in sorted(set(table.versions) - {table.latest}):
            earlier_units = _stream(window, {t: _cells_of(text, table, version)}, {t: positions[t] - lo})
            earlier_labels = _classify(earlier_units, self.language, self.markdown)
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
        return segments

def _versions_read(tables: list[VersionTable], dropped: list[TextSpan]) -> tuple[Optional[VersionInfo], list[str]]:
    """What a page with version tables says about its versions, and the warning it earns."""
    if not tables:
        return None, []
    first = tables[0]
    versions = VersionInfo(count=len(first.versions), used=first.latest, dropped=dropped)
    warning = (
        f"page shows {len(first.versions)} versions side by side; reading version {first.latest} (the latest)"
        + (f"; {len(dropped)} paragraph(s) only earlier versions had" if dropped else "")
    )
    return versions, [warning]


def _classify(units: list[Unit], language: str, markdown: bool) -> list[Label]:
    """Labels for units as a reader sees them: hard wraps (and Markdown markup) as spaces.

    The flattened text has the original's length, so any offset a rule takes
    from it (a comment's signature) is an offset into the file.
    """
    return classify_stream([_as_read(unit, markdown) for unit in units], language)


def _as_read(unit: Unit, markdown: bool) -> Unit:
    read = flatten(unit.text, markdown=markdown)
    return unit if read is unit.text else replace(unit, text=read)


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


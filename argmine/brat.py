"""Attribution gold in brat standoff (PolNeAR, PARC-style corpora): finding and reading it.

A brat corpus pairs each article `NAME.txt` with one or more annotation files
`NAME.ann` or `NAME_ANNOTATOR.ann` (several when several people annotated the
same text). Two layouts are accepted: *flat* (texts and annotation files in one
folder) and *split* as PolNeAR ships it (`text/NAME.txt`, `attributions/NAME_X.ann`).

Only what attribution scoring needs is read (see `docs/gold-format.md`,
"Attribution gold in brat standoff"): text-bound spans (`T` lines) and
attribution events (`E` lines of type `Attribution` or `Attribution-no-source`
with roles Source, Cue and Content; a numbered role such as `Content2` is
merged into its role). Offsets are Python string indices into the text
decoded as UTF-8 with line ends kept as they are (`\\r\\n` is two characters),
which is how argmine reads an article, so gold and prediction share offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from argmine.errors import GoldError

#: Event types that are attributions; others (Discuss, Discard, ...) are ignored.
ATTRIBUTION_EVENTS = frozenset({"Attribution", "Attribution-no-source"})
#: The roles scored; `Content2`, `Source2`, ... are merged into these.
ROLES = ("Source", "Cue", "Content")

_ANNOTATION_ID = re.compile(r"^[TE]\d+$")
_NUMBERED_ROLE = re.compile(r"^([A-Za-z-]+?)\d*$")


@dataclass(frozen=True)
class Span:
    """A text-bound annotation: one or more character ranges (discontinuous spans)."""

    label: str
    ranges: tuple[tuple[int, int], ...]

    def positions(self) -> frozenset[int]:
        return frozenset(i for start, end in self.ranges for i in range(start, end))


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution: the character positions of its source, cue and content."""

    id: str
    source: frozenset[int]
    cue: frozenset[int]
    content: frozenset[int]
    source_text: str = ""
    cue_text: str = ""
    content_text: str = ""


@dataclass
class BratDocument:
    """One article with the attributions of its first annotation file."""

    name: str = field(metadata={"doc": "The article's file name without .txt."})
    text_path: Path = Path()
    annotation: Optional[Path] = None
    text: str = ""
    attributions: list[GoldAttribution] = field(default_factory=list)
    other_annotations: list[Path] = field(default_factory=list)

    @property
    def doc(self) -> str:
        """The article's file name, as claim records name it."""
        return self.text_path.name


# --------------------------------------------------------------------------- folders


def _split_layout(folder: Path) -> Optional[tuple[Path, Path]]:
    text, attributions = folder / "text", folder / "attributions"
    return (text, attributions) if text.is_dir() and attributions.is_dir() else None


def is_brat_folder(folder: Path) -> bool:
    """Whether `folder` holds brat attribution gold (flat `*.ann`, or PolNeAR's split layout)."""
    folder = Path(folder)
    if not folder.is_dir():
        return False
    if _split_layout(folder) is not None:
        return True
    return any(p.is_file() for p in folder.glob("*.ann"))


def text_files(folder: Path) -> list[Path]:
    """The articles of a brat corpus folder, sorted: what `evaluate` extracts by default."""
    folder = Path(folder)
    split = _split_layout(folder)
    texts = split[0] if split else folder
    return sorted(p for p in texts.glob("*.txt") if p.is_file())


def _annotation_files(folder: Path) -> list[Path]:
    split = _split_layout(folder)
    where = split[1] if split else folder
    return sorted((p for p in where.glob("*.ann") if p.is_file()), key=lambda p: p.name)


def _owner(annotation: Path, names: set[str]) -> Optional[str]:
    """The article an annotation file belongs to: `NAME.ann`, else `NAME_ANNOTATOR.ann`."""
    stem = annotation.stem
    if stem in names:
        return stem
    head = stem.rsplit("_", 1)[0] if "_" in stem else None
    return head if head in names else None


def pair_annotations(folder: Path) -> tuple[dict[str, list[Path]], list[Path]]:
    """Annotation files by article name (sorted by file name), and those that fit no article."""
    names = {p.stem for p in text_files(folder)}
    by_name: dict[str, list[Path]] = {}
    orphans: list[Path] = []
    for annotation in _annotation_files(folder):
        owner = _owner(annotation, names)
        if owner is None:
            orphans.append(annotation)
        else:
            by_name.setdefault(owner, []).append(annotation)
    return by_name, orphans


# --------------------------------------------------------------------------- files


def read_text(path: Path) -> str:
    """An article as brat offsets count it: UTF-8, line ends untouched.

    Raises:
        GoldError: the file cannot be read or is not UTF-8.
    """
    try:
        with open(path, encoding="utf-8", newline="") as fp:
            return fp.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read the article ({exc.__class__.__name__}: {exc})") from None


def _parse_ranges(field_text: str, where: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """`Label 10 20;25 30` -> ("Label", ((10, 20), (25, 30)))."""
    label, _, offsets = field_text.partition(" ")
    ranges = []
    for fragment in offsets.split(";"):
        parts = fragment.split()
        if len(parts) != 2 or not all(p.isdigit() for p in parts):
            raise GoldError(f"{where}: bad span {fragment.strip()!r} (expected 'START END')")
        start, end = int(parts[0]), int(parts[1])
        if end < start:
            raise GoldError(f"{where}: span ends before it starts ({start} {end})")
        ranges.append((start, end))
    return label, tuple(ranges)


def _role(name: str) -> str:
    match = _NUMBERED_ROLE.match(name)
    return match.group(1) if match else name


def _parse_event(rest: str, where: str) -> tuple[str, list[tuple[str, str]]]:
    """`Attribution:T4 Content:T3 Cue:T2` -> ("Attribution", [("Content", "T3"), ("Cue", "T2")])."""
    items = rest.split()
    if not items or ":" not in items[0]:
        raise GoldError(f"{where}: bad event {rest!r} (expected 'Type:Tid Role:Tid ...')")
    kind = items[0].split(":", 1)[0]
    args = []
    for item in items[1:]:
        role, sep, ref = item.partition(":")
        if not sep or not ref:
            raise GoldError(f"{where}: bad event argument {item!r} (expected 'Role:Tid')")
        args.append((_role(role), ref))
    return kind, args


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read annotation file ({exc.__class__.__name__}: {exc})") from None


def _spans_and_events(path: Path, text_length: int) -> tuple[dict[str, Span], list[tuple[str, str, list, str]]]:
    """The `T` spans by id and the `E` events (id, type, arguments, where) of one .ann file."""
    spans: dict[str, Span] = {}
    events = []
    for number, line in enumerate(_read_lines(path), start=1):
        where = f"{path}:{number}"
        ann_id, tab, rest = line.partition("\t")
        if not tab or not _ANNOTATION_ID.match(ann_id):
            continue  # notes, relations, attributes, or the text of a span that spans lines
        if ann_id.startswith("T"):
            label, ranges = _parse_ranges(rest.split("\t", 1)[0], where)
            if any(end > text_length for _, end in ranges):
                raise GoldError(f"{where}: span beyond the end of the article ({text_length} characters)")
            spans[ann_id] = Span(label, ranges)
        else:
            kind, args = _parse_event(rest.split("\t", 1)[0], where)
            events.append((ann_id, kind, args, where))
    return spans, events


def _shown(text: str, spans: list[Span]) -> str:
    return " … ".join(text[start:end] for span in spans for start, end in span.ranges)


def read_attributions(path: Path, text: str) -> list[GoldAttribution]:
    """The attributions an annotation file marks on `text`; those without content are dropped.

    Raises:
        GoldError: a malformed line, a span outside the text, an event naming an undefined span.
    """
    spans, events = _spans_and_events(path, len(text))
    found = []
    for event_id, kind, args, where in events:
        if kind not in ATTRIBUTION_EVENTS:
            continue
        by_role: dict[str, list[Span]] = {role: [] for role in ROLES}
        for role, ref in args:
            if ref not in spans:
                raise GoldError(f"{where}: event {event_id} names {ref}, which is not a text-bound span")
            if role in by_role:
                by_role[role].append(spans[ref])
        content = frozenset().union(*(s.positions() for s in by_role["Content"]))
        if not content:
            continue
        found.append(
            GoldAttribution(
                id=event_id,
                source=frozenset().union(*(s.positions() for s in by_role["Source"])),
                cue=frozenset().union(*(s.positions() for s in by_role["Cue"])),
                content=content,
                source_text=_shown(text, by_role["Source"]),
                cue_text=_shown(text, by_role["Cue"]),
                content_text=_shown(text, by_role["Content"]),
            )
        )
    return found


def load_brat_dir(folder: Path) -> tuple[list[BratDocument], list[str]]:
    """Every annotated article of a brat corpus folder, with warnings (annotation files that fit no article).

    An article annotated by several people is scored against the first
    annotation file in file-name order; the others are listed, not read.

    Raises:
        GoldError: the folder holds no brat gold, or a file is malformed.
    """
    folder = Path(folder)
    if not is_brat_folder(folder):
        raise GoldError(f"{folder}: no brat annotation files (*.ann, or text/ and attributions/) in this folder")
    by_name, orphans = pair_annotations(folder)
    warnings = [f"{p}: annotation file for no article (no {p.stem}.txt) — ignored" for p in orphans]
    documents = []
    for path in text_files(folder):
        annotations = by_name.get(path.stem)
        if not annotations:
            continue
        text = read_text(path)
        documents.append(
            BratDocument(
                name=path.stem,
                text_path=path,
                annotation=annotations[0],
                text=text,
                attributions=read_attributions(annotations[0], text),
                other_annotations=annotations[1:],
            )
        )
    if not documents:
        raise GoldError(f"{folder}: no article has an annotation file")
    return documents, warnings

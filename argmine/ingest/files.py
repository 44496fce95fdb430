"""Which files a list of paths names, in a stable order, with document ids.

A folder is read recursively; files of the formats argmine reads
(`formats.SUFFIXES`: text, web pages, PDF, Word, corpus files) are read,
anything else is noted and skipped. Hidden files and folders
(".git", ".DS_Store") are passed over silently: they are never articles and
noting each would bury the notes that matter.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence, Union

from argmine.display import display_path
from argmine.ingest.formats import READS, URL_REASON, format_of, is_url, refused_by_name


@dataclass(frozen=True)
class Candidate:
    """A file to read, or a path to report as skipped."""

    path: Path
    doc_id: str  # as records carry it: undecodable bytes shown as \xNN (`display_path`)
    skip_reason: str = ""
    format: str = "text"


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(folder: Path, seen: set[str] | None = None) -> Iterator[Union[Path, tuple[Path, str]]]:
    """Files under a folder, sorted; unreadable sub-folders as (path, reason).

    Symbolic links to folders are followed once: a link back up the tree
    is not walked again.
    """
    seen = set() if seen is None else seen
    real = os.path.realpath(folder)
    if real in seen:
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except PermissionError:
        yield folder, "permission denied"
        return
    except OSError as exc:
        yield folder, f"cannot read folder ({exc.strerror or exc.__class__.__name__})"
        return
    for entry in entries:
        if _hidden(entry.name):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, seen)
        else:
            yield path


def candidates(paths: Sequence[Union[str, Path]]) -> Iterator[Candidate]:
    """Every file the paths name, in order; each a candidate to read or a skip note."""
    seen_files: set[Path] = set()
    seen_ids: set[str] = set()
    for given in paths:
        root = Path(given)
        if not root.exists():
            reason = URL_REASON if is_url(str(given)) else "no such file or folder"
            yield Candidate(root, display_path(given), reason)
            continue
        if root.is_dir():
            found_any = False
            for item in _walk(root):
                if isinstance(item, tuple):
                    path, reason = item
                    yield Candidate(path, display_path(path.relative_to(root).as_posix() or path), reason)
                    continue
                path = item
                doc_id = display_path(path.relative_to(root).as_posix())
                if format_of(path) is None:
                    reason = refused_by_name(path) or (
                        f"not a file argmine reads ({display_path(path.suffix) or 'no extension'}; {READS})"
                    )
                    yield Candidate(path, doc_id, reason)
                    continue
                found_any = True
                candidate = _unique(path, doc_id, seen_files, seen_ids)
                if candidate is not None:
                    yield candidate
            if not found_any:
                yield Candidate(root, display_path(given), f"folder has no file argmine reads ({READS})")
        elif refused_by_name(root):
            yield Candidate(root, display_path(root.name), refused_by_name(root) or "")
        else:
            candidate = _unique(root, display_path(root.name), seen_files, seen_ids)
            if candidate is not None:
                yield candidate


def _unique(path: Path, doc_id: str, seen_files: set[Path], seen_ids: set[str]) -> Candidate | None:
    """The same file given twice is read once; two files with one id keep apart by their paths."""
    try:
        resolved = path.resolve()
    except OSError:
        resolved = path.absolute()
    if resolved in seen_files:
        return None
    seen_files.add(resolved)
    if doc_id in seen_ids:
        doc_id = display_path(path.as_posix())
    seen_ids.add(doc_id)
    return Candidate(path, doc_id, format=format_of(path) or "text")

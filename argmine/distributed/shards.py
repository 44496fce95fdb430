"""Shard files: one shard's results as JSON Lines, named by what the shard holds.

The name is a hash of the shard's extraction keys and sources, so a retried or
repeated task writes the same file again, never a second one. A shard is
written to a temporary name in the same folder and renamed into place, so a
reader sees a whole shard or none. Each line is one document: its place in
the shard, its name, its store key and source, and either its result as the
store serialises it (`argmine.store.dump_result`) or the error it failed with.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence, Union

from argmine.errors import ArgmineError
from argmine.results import DocumentResult
from argmine.store import DumpedResult, ExtractionKey, dump_result, load_result

SHARD_PREFIX = "shard-"
SHARD_SUFFIX = ".jsonl"


class ShardError(ArgmineError):
    """A shard file that cannot be read (missing, or not a shard)."""


@dataclass(frozen=True)
class ShardItem:
    """One document of a shard as it travels to a worker: plain data only."""

    article: Any  # argmine.ingest.Article: its Document record and text
    key: ExtractionKey
    source: str  # the absolute path it was read from (the store's `sources`)


@dataclass(frozen=True)
class ShardEntry:
    """One document of a shard as read back: its result, or why it failed."""

    n: int
    doc: str
    key: ExtractionKey
    source: str
    result: Optional[DocumentResult]
    error: Optional[str]


def shard_name(items: Sequence[ShardItem]) -> str:
    """The file name for a shard: the same documents under the same keys, the same name."""
    digest = hashlib.sha256()
    for item in items:
        key = item.key
        for part in (key.sha256, key.pipeline_version, key.versions, key.target, item.source):
            digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    return f"{SHARD_PREFIX}{digest.hexdigest()[:24]}{SHARD_SUFFIX}"


def shard_line(n: int, item: ShardItem, found: Union[DocumentResult, BaseException]) -> str:
    """One document's line: its result as the store keeps it, or its error."""
    line: dict[str, Any] = {"n": n, "doc": item.article.document.doc, "key": asdict(item.key), "source": item.source}
    if isinstance(found, BaseException):
        line["error"] = f"{type(found).__name__}: {found}"
    else:
        dumped = dump_result(found)
        line.update(document=dumped.document, actors=dumped.actors, claims=dumped.claims)
    return json.dumps(line, ensure_ascii=False)


def write_shard(folder: Path, name: str, lines: Iterable[str]) -> Path:
    """Write a shard whole: to a temporary name beside it, then renamed into place."""
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / name
    temporary = folder / f".{name}.{uuid.uuid4().hex}.tmp"
    try:
        with open(temporary, "w", encoding="utf-8", newline="\n") as fp:
            for line in lines:
                fp.write(line + "\n")
        os.replace(temporary, final)
    finally:
        if temporary.exists():
            temporary.unlink()
    return final


def read_shard(path: Path) -> list[ShardEntry]:
    """A shard's documents, in shard order. ShardError when it is missing or not a shard."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ShardError(f"cannot read shard {path}: {getattr(error, 'strerror', None) or error}") from None
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        try:
            entries.append(_shard_entry(json.loads(line)))
        except (ValueError, KeyError, TypeError) as error:
            raise ShardError(f"{path}:{number}: not a shard line ({error})") from None
    return entries


def _shard_entry(line: dict[str, Any]) -> ShardEntry:
    key = ExtractionKey(**line["key"])
    result = None
    if "error" not in line:
        dumped = DumpedResult(line["document"], line["actors"], line["claims"])
        result = load_result(dumped, doc=line["doc"])
    return ShardEntry(line["n"], line["doc"], key, line["source"], result, line.get("error"))


def shard_files(paths: Sequence[Path]) -> list[Path]:
    """The shard files named: files as given, folders' shard files in name order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.name.startswith(SHARD_PREFIX) and p.name.endswith(SHARD_SUFFIX)))
        elif path.exists():
            found.append(path)
        else:
            raise ShardError(f"no shard file or folder at {path}")
    return found

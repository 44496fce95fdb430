"""Merging shard files into the store, by hand (`argmine merge`) or after a run that kept them.

Each document of a shard is stored with `Store.save`, the extract loop's own
writer: an extraction already stored under the same key is not stored again
(only its source's note of it is refreshed), so merging a shard twice, or two
copies of a retried shard, adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from argmine.distributed.shards import read_shard, shard_files
from argmine.store import Store


@dataclass
class MergeStats:
    """What a merge did: shard files read, documents stored, and those that had failed."""

    shards: int = 0
    documents: int = 0
    claims: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (document, why)


def merge_shards(paths: Sequence[Path], store: Store) -> MergeStats:
    """Store every document the shard files (or folders of them) hold. ShardError on a bad file."""
    stats = MergeStats()
    for path in shard_files(paths):
        stats.shards += 1
        for entry in read_shard(path):
            if entry.result is None:
                stats.failed.append((entry.doc, entry.error or "failed"))
                continue
            store.save(entry.key, entry.result, source=entry.source)
            stats.documents += 1
            stats.claims += len(entry.result.claims)
    return stats

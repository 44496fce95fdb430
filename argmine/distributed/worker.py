"""The task a Dask worker runs: one shard through the pipeline, into its shard file.

The model is loaded once per worker process: `argmine.pipeline.load_pipeline`
keeps it in a module-level cache, and a Dask worker process lives for the whole
run, so every shard after the first on that worker finds it there. Within a
shard, articles go through the pipeline in the runner's batches (by count and
characters, so memory stays flat), and a batch that fails is retried one
article at a time (`extract_batch`), so only the bad article is lost. An
`ArgmineError` (no model, say) concerns every shard and fails the task.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence, Union

from argmine.distributed.shards import ShardItem, shard_line, shard_name, write_shard
from argmine.results import DocumentResult
from argmine.runner import BATCH_HERE, ArticleBatch, Extractor, extract_batch

if TYPE_CHECKING:  # pragma: no cover
    from argmine.target import Target


def run_shard(folder: str, items: Sequence[ShardItem], target: "Union[Target, tuple[Target, ...]]", versions: str, extractor: Extractor) -> str:
    """Extract a shard's articles and write them to the shard's file; returns its path.

    Running it twice on the same shard writes the same file (named by its content)."""
    found: list[Union[DocumentResult, BaseException]] = []
    for batch in _batches(items):
        found.extend(extract_batch(extractor, [item.article for item in batch], target, versions))
    lines = (shard_line(n, item, result) for n, (item, result) in enumerate(zip(items, found)))
    return str(write_shard(Path(folder), shard_name(items), lines))


def _batches(items: Sequence[ShardItem]) -> list[list[ShardItem]]:
    """The shard's items in pipeline batches, as the runner batches in one process."""
    batch = ArticleBatch(BATCH_HERE)
    batches: list[list[Any]] = []
    for item in items:
        batches.extend(batch.add([item.article, item]))
    if batch.entries:
        batches.append(batch.take())
    return [[entry[1] for entry in entries] for entries in batches]

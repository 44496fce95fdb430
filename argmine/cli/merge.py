"""`argmine merge`: shard files from a distributed run into the store, by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from argmine.cli.app import app
from argmine.cli.help import ArgmineCommand
from argmine.cli.messages import fail, note, reported_errors, warn
from argmine.cli.options import StoreOption
from argmine.cli.runs import counted, open_store


@app.command(cls=ArgmineCommand)
def merge(
    shards: Annotated[
        list[Path], typer.Argument(metavar="SHARDS...", show_default=False, help="Shard files, or folders of them.")
    ],
    store: StoreOption = None,
) -> None:
    """Merge shard files (from `extract --engine dask --shards DIR`) into the store.

    Merging is idempotent: a document already stored is not stored again, so
    merging the same shards twice adds nothing.

    Example: argmine merge /shared/shards --store corpus.db
    """
    with reported_errors():
        from argmine.distributed.merge import merge_shards

        opened = open_store(store, create=True)
        try:
            stats = merge_shards(shards, opened)
        finally:
            opened.close()
        for doc, why in stats.failed:
            warn(f"{doc}: extraction failed ({why}); not stored")
        note(f"{counted(stats.shards, 'shard')}: {counted(stats.documents, 'document')} merged, {counted(stats.claims, 'claim')}")
        if stats.failed:
            raise fail(f"{counted(len(stats.failed), 'document')} in the shards had failed", 1)

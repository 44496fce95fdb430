"""Where a command's claims come from: the store, an extract run over paths, or stdin."""

from __future__ import annotations

import itertools
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Optional

from argmine.cli.messages import note, raise_unexpected, stderr_console, warn
from argmine.cli.options import Engine, Versions
from argmine.cli.progress import Progress
from argmine.errors import UsageError
from argmine.results import DocumentResult
from argmine.settings import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from argmine.target import Target
    from argmine.ingest.corpus_files import CorpusOptions
    from argmine.metadata_sidecar import MetadataOverrides
    from argmine.query import ClaimSource
    from argmine.runner import ExtractRun
    from argmine.store import Store
    from argmine.distributed.engine import DaskEngine


def store_path(store: Optional[Path]) -> Path:
    from argmine.store import default_store_path

    return store if store is not None else default_store_path()


def open_store(store: Optional[Path], *, create: bool) -> "Store":
    from argmine.store import Store

    opened = Store(store_path(store), create=create)
    for notice in opened.notices:
        warn(notice)
    return opened


def check_output_is_not_input(output: Optional[Path], inputs: list[Path]) -> None:
    """argmine never overwrites what it was given: not a file named, nor one inside a folder named."""
    if output is None or not output.exists():
        return
    written = output.resolve()
    for path in inputs:
        if not path.exists():
            continue
        given = path.resolve()
        if written == given or (path.is_dir() and given in written.parents):
            raise UsageError(f"--output {output} is one of the input files; argmine never overwrites its input")


def new_run(
    paths: list[Path],
    *,
    store: Optional[Path],
    target: "Target",
    versions: Versions,
    jobs: int,
    max_bytes: int,
    progress: Progress,
    corpus: Optional["CorpusOptions"] = None,
    metadata: Optional["MetadataOverrides"] = None,
    engine: Optional["DaskEngine"] = None,
) -> "ExtractRun":
    from argmine.runner import ExtractRun

    run = ExtractRun(
        paths,
        store=open_store(store, create=True),
        target=target,
        versions=versions.value,
        jobs=jobs,
        max_bytes=max_bytes,
        listener=progress.listener,
        raise_errors=raise_unexpected(),
        corpus=corpus,
        metadata=metadata,
        engine=engine,
    )
    for notice in run.notices:
        warn(notice)
    return run


def engine_for(engine: Engine, scheduler: Optional[str], shards: Optional[Path]) -> Optional["DaskEngine"]:
    """The Dask engine the options ask for; None for worker processes here (--scheduler and
    --shards belong to --engine dask)."""
    if engine is not Engine.dask:
        if scheduler or shards:
            raise UsageError("--scheduler and --shards go with --engine dask")
        return None
    from argmine.distributed.engine import DaskEngine

    return DaskEngine(scheduler=scheduler, shards=shards)


def corpus_options(text_column: Optional[str], id_column: Optional[str], meta: Optional[str]) -> "CorpusOptions":
    """The corpus-file options as the library takes them (a bad --meta is a usage error)."""
    from argmine.ingest.corpus_files import CorpusOptions, parse_meta_mapping

    return CorpusOptions(text_column=text_column, id_column=id_column, meta=parse_meta_mapping(meta))


def metadata_overrides(
    metadata: Optional[Path], name_date: Optional[str], name_date_format: Optional[str]
) -> Optional["MetadataOverrides"]:
    """--metadata, --name-date and --name-date-format as the run takes them (bad ones: usage errors)."""
    from argmine.dates import NamePattern
    from argmine.metadata_sidecar import MetadataOverrides, Sidecar

    if name_date is None and name_date_format is not None:
        raise UsageError("--name-date-format needs --name-date (the pattern that finds the date in a file name)")
    if metadata is None and name_date is None:
        return None
    return MetadataOverrides(
        sidecar=Sidecar.read(metadata) if metadata is not None else None,
        name_pattern=NamePattern(name_date, name_date_format) if name_date is not None else None,
    )


def unused_metadata(run: "ExtractRun") -> None:
    """Say which sidecar rows named no document read: a misspelt name must not pass unseen."""
    sidecar = run.metadata.sidecar if run.metadata is not None else None
    if sidecar is None or run.stats.failed:
        return
    unused = sidecar.unused()
    if unused:
        shown = ", ".join(unused[:5]) + (f" and {len(unused) - 5} more" if len(unused) > 5 else "")
        warn(f"--metadata: {counted(len(unused), 'row')} named no document read: {shown}")


def primed(run: "ExtractRun") -> Iterator[DocumentResult]:
    """The run's results, the first one already computed: a path that gives nothing,
    a missing model or a bad target fails before any output is written."""
    iterator = iter(run)
    first = next(iterator, None)
    return iterator if first is None else itertools.chain([first], iterator)


def counted(n: int, noun: str) -> str:
    """'1 document', '2 documents'."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def summary(run: "ExtractRun", store: Optional[Path]) -> None:
    """A closing line for people at a terminal; scripts get a clean stderr."""
    if not stderr_console().is_terminal:
        return
    s = run.stats
    parts = [f"{counted(s.read, 'document')} ({s.extracted} extracted, {s.cached} cached)", counted(s.claims, "claim")]
    if s.skipped:
        parts.append(f"{s.skipped} skipped")
    if s.failed:
        parts.append(f"{s.failed} failed")
    note(" · ".join(parts) + f" · store {store_path(store)}")


def claim_groups(
    sources: list[str],
    *,
    store: Optional[Path],
    target: Optional[str],
    versions: Versions,
    jobs: int,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[DocumentResult]:
    """Claims from stdin (`-`), or from paths (extracted through the store's cache)."""
    if "-" in sources:
        if len(sources) > 1:
            raise UsageError("- (claim records on stdin) cannot be mixed with paths")
        from argmine.output import read_claim_stream

        return read_claim_stream(sys.stdin, source="stdin")
    from argmine.target import resolve_target

    resolved = resolve_target(target)  # once for the command: a bad --target fails before any reading
    progress = Progress(stderr_console(), enabled=True)
    run = new_run(
        [Path(s) for s in sources],
        store=store,
        target=resolved,
        versions=versions,
        jobs=jobs,
        max_bytes=max_bytes,
        progress=progress,
    )
    try:
        return list(run)
    finally:
        progress.stop()
        if run.store is not None:
            run.store.close()


@contextmanager
def query_claims(
    sources: Optional[list[str]],
    *,
    store: Optional[Path],
    target: Optional[str],
    versions: Versions,
    jobs: int,
    every_target: bool = False,
) -> Iterator["ClaimSource"]:
    """who-said's and actors' claims about one target: from the store (rows, parsed only
    when chosen), or from stdin or paths (records already at hand).

    The target is `--target`, else the only one the claims are about; claims
    about several targets without `--target` are a usage error that names them,
    unless `every_target` (answers grouped by target): then rows of each.
    """
    from argmine.query import ClaimSource, choose_target

    if sources:
        found = ClaimSource.of_results(claim_groups(sources, store=store, target=target, versions=versions, jobs=jobs))
        if every_target and target is None:
            yield found
            return
        chosen = choose_target(found.targets(), target)
        yield found if chosen is None else found.about(chosen)
        return
    opened = open_store(store, create=False)
    try:
        held = opened.targets()
        if every_target and target is None and len(held) > 1:
            yield ClaimSource.of_store_targets(opened, held)
        else:
            yield ClaimSource.of_store(opened, choose_target(held, target))
    finally:
        opened.close()

"""The Dask engine: the extract loop's batches become shards run on a Dask cluster.

`DaskEngine` holds what the user chose (a scheduler address or a local cluster
of `--jobs` workers, and the shard folder); `ExtractRun` asks it for a
`DaskDispatch`, which has the process pool's interface (`batch`, `send`,
`collect`, `busy`, `in_flight`, `close`). A shard is submitted as one task
(`worker.run_shard`, retried once if its worker dies); when it is done, this
process reads the shard file back and hands each document's result to the run,
which stores it and reports progress exactly as with `--jobs`. A shard whose
task fails is reported document by document and the run goes on; an
`ArgmineError` from a worker (no model, say) ends the run as it would here.
One shard per worker thread is in flight (a shard is minutes of work beside the
milliseconds it takes to send), so memory here stays flat and a worker that dies
takes only its own shard with it.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

from argmine.distributed.shards import ShardItem, read_shard, shard_name
from argmine.distributed.worker import run_shard
from argmine.errors import ArgmineError, UsageError
from argmine.runner import ArticleBatch, article_source

if TYPE_CHECKING:  # pragma: no cover
    from argmine.runner import ExtractRun

#: A shard closes at this many documents or characters of text, whichever comes first:
#: big enough that scheduling costs nothing beside the model (a shard of 100 news
#: articles is half a minute of one core). A run with fewer documents than
#: SHARDS_PER_WORKER full shards for each worker makes smaller shards, so every
#: worker gets work and the last shards to finish are short.
SHARD_DOCS = 100
SHARD_CHARS = 2_000_000
SHARDS_PER_WORKER = 4
#: Times the scheduler reruns a shard whose worker died before giving up on it.
SHARD_RETRIES = 1
INSTALL_HINT = "--engine dask needs Dask: pip install 'argmine[dask]'"


class ShardFailed(Exception):
    """A document lost with its shard (its worker died, or the shard file went missing)."""

    def __init__(self, described: str):
        super().__init__(described)
        self.described = described


@dataclass
class DaskEngine:
    """Where shards run: the scheduler at `scheduler`, or a local cluster of `--jobs` workers.

    `shards` is the folder shard files go to; every worker and this process must
    reach it (a shared file system). None: a temporary folder, removed after the
    run, which only a local cluster can share.
    """

    scheduler: Optional[str] = None
    shards: Optional[Path] = None
    shard_docs: Optional[int] = None  # None: SHARD_DOCS
    shard_chars: Optional[int] = None  # None: SHARD_CHARS
    retries: Optional[int] = None  # None: SHARD_RETRIES

    def __post_init__(self) -> None:
        import importlib.util

        if importlib.util.find_spec("distributed") is None:
            raise UsageError(INSTALL_HINT)
        if self.scheduler and self.shards is None:
            raise UsageError("--scheduler needs --shards DIR: a folder this machine and every worker can reach")
        if self.shards is not None and self.shards.exists() and not self.shards.is_dir():
            raise UsageError(f"--shards {self.shards} is a file, not a folder")

    def dispatch(self, run: "ExtractRun") -> "DaskDispatch":
        return DaskDispatch(self, run)


class DaskDispatch:
    """Sends a run's shards to Dask and settles each finished shard's results into the run."""

    in_workers = True

    def __init__(self, engine: DaskEngine, run: "ExtractRun"):
        self.engine = engine
        self.run = run
        self.client: Any = None
        self.cluster: Any = None
        self.temporary = engine.shards is None
        self.folder = Path(tempfile.mkdtemp(prefix="argmine-shards-")) if engine.shards is None else engine.shards
        # A local cluster starts at the first shard (a run whose documents are all in the
        # store's cache starts none); a remote scheduler is asked at once how many threads it has.
        self.window = run.jobs if engine.scheduler is None else (sum(self._connected().nthreads().values()) or run.jobs)
        self.in_flight: dict[Any, tuple[list[list], str]] = {}  # future -> (entries, shard name)

    @property
    def busy(self) -> bool:
        return len(self.in_flight) >= self.window

    def batch(self) -> ArticleBatch:
        return ArticleBatch(self.engine.shard_docs or self._shard_docs(), self.engine.shard_chars or SHARD_CHARS)

    def _shard_docs(self) -> int:
        """SHARD_DOCS, or fewer when the run's documents would not give each worker several shards."""
        spread = -(-self.run.planned // (SHARDS_PER_WORKER * self.window))  # ceiling division
        return max(1, min(SHARD_DOCS, spread))

    def send(self, entries: list[list]) -> None:
        items = [ShardItem(entry[0], entry[1], article_source(entry[0])) for entry in entries]
        run = self.run
        future = self._connected().submit(
            run_shard, str(self.folder), items, run.pipeline_targets, run.versions, run.extractor,
            pure=False, retries=SHARD_RETRIES if self.engine.retries is None else self.engine.retries,
        )
        self.in_flight[future] = (entries, shard_name(items))

    def collect(self, block: bool) -> None:
        if not self.in_flight:
            return
        if block:
            from distributed import wait

            done = wait(list(self.in_flight), return_when="FIRST_COMPLETED").done
        else:
            done = {future for future in self.in_flight if future.done()}
        for future in done:
            entries, name = self.in_flight.pop(future)
            self.run.settle(entries, self._results(future, name, len(entries)))

    def _results(self, future: Any, name: str, count: int) -> list:
        """One result or exception per document: read from the shard file, or the shard's failure for each."""
        if future.status != "finished":
            error = future.exception() if future.status == "error" else None
            if isinstance(error, ArgmineError):
                raise error
            why = f"{type(error).__name__}: {error}" if error is not None else future.status
            return [ShardFailed(f"shard {name} failed on a worker ({why})")] * count
        try:
            read = read_shard(Path(future.result()))
        except ArgmineError as error:
            return [ShardFailed(str(error))] * count
        found: list[Any] = [ShardFailed(f"shard {name} lacks this document")] * count
        for entry in read:
            found[entry.n] = entry.result if entry.error is None else ShardFailed(entry.error)
        return found

    def _connected(self) -> Any:
        if self.client is None:
            self.client, self.cluster = _connect(self.engine.scheduler, self.run.jobs)
        return self.client

    def close(self) -> None:
        """Cancel what is still running, close the client (and the local cluster), remove a temporary folder."""
        try:
            if self.in_flight:
                self.client.cancel(list(self.in_flight))
            if self.client is not None:
                self.client.close()
            if self.cluster is not None:
                self.cluster.close()
        finally:
            if self.temporary:
                shutil.rmtree(self.folder, ignore_errors=True)


def _connect(address: Optional[str], workers: int) -> tuple[Any, Any]:
    """A client of the scheduler at `address`, or of a new local cluster of `workers` processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError(INSTALL_HINT) from None
    if address:
        try:
            return Client(address, timeout="30s"), None
        except (OSError, TimeoutError) as error:
            raise ArgmineError(f"cannot reach the Dask scheduler at {address}: {error}") from None
    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
    )
    return Client(cluster), cluster

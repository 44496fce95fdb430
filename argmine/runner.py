"""The extract loop: read bytes -> cache check in the store -> segment -> pipeline -> store.

The cache is asked with the file's content hash before the file is decoded
or segmented, so a re-run over unchanged files costs a read and a lookup per
file (segmenting is the dearer part of ingest).

Results come out in the order the files were read, one `DocumentResult` per
document, as soon as each is ready, so output streams. With ``jobs > 1`` the
pipeline runs in worker processes (each loads the model once); the store is
written only by this process, one transaction per document, as soon as a
document is done, so an interrupted run keeps every finished document.

Nothing here prints: progress, skipped files and failures go to a
`RunListener` the caller supplies (the CLI draws them on stderr).
"""

from __future__ import annotations

import os
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Optional, Sequence, Union

from argmine.display import display_path
from argmine.errors import ArgmineError, NothingToRead
from argmine.duplicates import DuplicateFinder
from argmine.metadata_sidecar import MetadataOverrides, apply_overrides, keyed
from argmine.results import DocumentResult
from argmine.settings import DEFAULT_MAX_BYTES
from argmine.store import ExtractionKey, Store

if TYPE_CHECKING:  # pragma: no cover
    from argmine.target import Target

PathLike = Union[str, Path]
#: (articles, target, versions) -> one result per article, in order.
#: Must be picklable (a module-level function) for jobs > 1.
Extractor = Callable[[list[Any], "Target", str], list[DocumentResult]]

VERSIONS_CHOICES = ("latest", "all")
#: Articles per pipeline batch (nlp.pipe) in this process, and per task sent to a worker.
BATCH_HERE = 8
BATCH_WORKER = 4
#: A batch also closes before it would pass this many characters of article text. The
#: model's working memory grows with the tokens it holds at once (tok2vec: ~15 kB a
#: token), so eight long articles together would set the run's peak memory; a single
#: article longer than this still goes alone.
BATCH_CHARS = 20_000


class RunListener:
    """Hears how a run goes. Subclass and override what you need; the defaults ignore it all."""

    def started(self, total: int) -> None:
        """`total` files will each be reported once: finished, failed or skipped."""

    def skipped(self, path: str, reason: str) -> None:
        """A file was not read as an article."""

    def warned(self, doc: str, message: str) -> None:
        """Something the reader noticed about a document it did read."""

    def finished(self, doc: str, *, cached: bool, claims: int) -> None:
        """One document is done (and stored)."""

    def failed(self, doc: str, message: str) -> None:
        """The pipeline failed on one document; the run goes on."""

    def duplicate(self, doc: str, original: str, similarity: float) -> None:
        """A document nearly duplicates one read before it (`argmine.duplicates`)."""


@dataclass
class RunStats:
    """What a run did, for the closing summary."""

    read: int = 0
    skipped: int = 0
    cached: int = 0
    extracted: int = 0
    failed: int = 0
    claims: int = 0
    duplicates: int = 0


def pipeline_extract(articles: list[Any], target: "Target", versions: str) -> list[DocumentResult]:
    """The default extractor: argmine's spaCy pipeline (loaded once per process), batched.

    Each batch runs in a spaCy memory zone: the strings and lexemes its words add to
    the vocabulary are freed once the batch's records are built (plain Python data), so
    a long run does not keep every word form it has ever met.
    """
    from argmine import pipeline

    nlp = pipeline.load_pipeline(target)
    with nlp.memory_zone():
        return list(pipeline.extract_articles(articles, target=target, versions=versions, batch_size=max(1, len(articles))))


def extract_batch(
    extractor: Extractor, articles: list[Any], target: "Target", versions: str
) -> list[Union[DocumentResult, Exception]]:
    """Run a batch; if it fails, run its articles one by one so only the bad one is lost.

    Returns one result or one exception per article. An ArgmineError (the
    model is missing, say) concerns every article and is raised at once.
    Runs in a worker process when jobs > 1, so it is a module-level function.
    """
    try:
        found = extractor(articles, target, versions)
        if len(found) != len(articles):
            raise RuntimeError(f"the pipeline gave {len(found)} results for {len(articles)} articles")
        return list(found)
    except ArgmineError:
        raise
    except Exception as error:
        if len(articles) == 1:
            return [error]
    results: list[Union[DocumentResult, Exception]] = []
    for article in articles:
        try:
            results.append(extractor([article], target, versions)[0])
        except ArgmineError:
            raise
        except Exception as error:
            results.append(error)
    return results


def available_cpus() -> int:
    """CPUs this process may run on (its affinity mask, as taskset or a container sets it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not Linux
        return max(1, os.cpu_count() or 1)


def worker_pool(jobs: int) -> ProcessPoolExecutor:
    """`jobs` worker processes that end with this one.

    spawn: workers start clean (no inherited threads or locks) and load the model once.
    """
    import multiprocessing

    return ProcessPoolExecutor(
        jobs, mp_context=multiprocessing.get_context("spawn"), initializer=die_with_parent, initargs=(os.getpid(),)
    )


#: prctl(2) option: the signal a process gets when its parent dies (Linux).
PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int) -> None:
    """Worker initializer: end this worker when the process that started it ends.

    A parent killed outright (kill -9) runs no clean-up, and its workers, blocked
    on a pipe, would live on holding a model each. On Linux the kernel sends
    SIGKILL to the worker when the parent goes; the resource tracker, whose pipe
    the workers held open, then sees its end and exits too. A parent already
    gone before this ran is caught by the parent-id check.
    """
    import signal
    import sys

    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent_pid:
        os._exit(1)


def target_key(target: Union["Target", Sequence["Target"]]) -> str:
    """The target part of a cache key: each target's name and a hash of its definition
    ("integration@3f2a…", "integration@3f2a…+phone-ban@9c1d…" for several, in run order)."""
    targets = [target] if not isinstance(target, (list, tuple)) else list(target)
    return "+".join(f"{t.name}@{t.fingerprint()}" for t in targets)


_TODO = object()  # a pending entry whose result has not come back yet


class ExtractRun:
    """One `extract` over some paths. Iterate it for the results; `stats` tallies them.

    Args:
        paths: files and folders, as the user gave them.
        store: where results are cached and kept; None to keep nothing.
        target: the stance target: resolved (a `Target`), or a bundled name or a
            target file (None: the default), resolved here once for the run; or a
            list of them (several targets: each claim's `stances` holds its stance
            toward each it concerns; `target`/`stance` are toward the first).
        versions: "latest" or "all" (which versions of a version-table page to read).
        jobs: worker processes for the pipeline (1: run in this process).
        max_bytes: files larger than this are skipped.
        listener: progress and problems, as they happen.
        extractor: runs the pipeline on a batch of articles (tests pass a fake).
        pipeline_version: the version string for cache keys (default: the pipeline's own).
        raise_errors: re-raise a document's pipeline failure instead of reporting it.
        corpus: which columns of a corpus file (CSV, JSON Lines, Parquet) hold each
            row's text, id and metadata (None: found by common names).
        duplicates: find near-duplicate documents (`argmine.duplicates`): each later
            copy's document and claims get `duplicate_of`, and the store remembers it.
        metadata: what is known of the documents from outside them (a sidecar file,
            a file-name date pattern: `argmine.metadata_sidecar`); it overrides what
            the pages say and is part of each document's cache key.
        engine: runs the pipeline elsewhere (argmine.distributed's DaskEngine); None:
            here, or in `jobs` worker processes on this machine.
    """

    def __init__(
        self,
        paths: Sequence[PathLike],
        *,
        store: Optional[Store],
        target: Union["Target", PathLike, None, Sequence[Union["Target", PathLike]]] = None,
        versions: str = "latest",
        jobs: int = 1,
        max_bytes: int = DEFAULT_MAX_BYTES,
        listener: Optional[RunListener] = None,
        extractor: Optional[Extractor] = None,
        pipeline_version: Optional[str] = None,
        raise_errors: bool = False,
        corpus: Optional[Any] = None,
        metadata: Optional["MetadataOverrides"] = None,
        duplicates: bool = True,
        engine: Optional[Any] = None,
    ):
        if versions not in VERSIONS_CHOICES:
            raise ValueError(f"versions must be one of {VERSIONS_CHOICES}, not {versions!r}")
        self.paths = [Path(p) for p in paths]
        self.store = store
        from argmine.target import resolve_targets

        self.targets = resolve_targets(target)
        self.target = self.targets[0]
        self.versions = versions
        #: Things the user should hear about the run as set up (the CLI shows them).
        self.notices: list[str] = []
        self.jobs = self._capped_jobs(max(1, jobs))
        self.max_bytes = max_bytes
        self.listener = listener or RunListener()
        self.extractor = extractor or pipeline_extract
        self._pipeline_version = pipeline_version
        self.raise_errors = raise_errors
        self.corpus = corpus
        self.metadata = metadata
        self.duplicates = DuplicateFinder() if duplicates else None
        self.engine = engine
        self.stats = RunStats()
        #: Documents the paths hold, counted before the loop starts (0 until then).
        self.planned = 0

    @property
    def pipeline_targets(self) -> Any:
        """What the extractor is given: the run's one target, or all of them (a tuple)."""
        return self.target if len(self.targets) == 1 else self.targets

    def _capped_jobs(self, jobs: int) -> int:
        """No more workers than CPUs this process may use: more only add memory and swapping."""
        cpus = available_cpus()
        if jobs <= cpus:
            return jobs
        noun = "CPU" if cpus == 1 else "CPUs"
        self.notices.append(f"--jobs {jobs} is more than the {cpus} {noun} available; using {cpus}")
        return cpus

    def __iter__(self) -> Iterator[DocumentResult]:
        """Results in reading order. Raises NothingToRead (before yielding) when no file is an article."""
        from argmine.ingest import Skipped, iter_articles, iter_raw_articles
        from argmine.ingest.files import candidates

        listed = list(candidates(self.paths))
        if not any(not c.skip_reason for c in listed):
            # Say why: the skip notes name each path that gave nothing.
            for item in iter_articles(self.paths, max_bytes=self.max_bytes, corpus=self.corpus):
                if isinstance(item, Skipped):
                    self._skip(item)
            raise self._nothing_to_read()
        version = self._pipeline_version
        if version is None:
            from argmine import pipeline

            version = pipeline.pipeline_version(self.targets)
        target = target_key(self.targets)
        # Every listed document ends as finished, failed or skipped: the progress total.
        self.planned = _documents_in(listed)
        self.listener.started(self.planned)
        del listed

        def files() -> Iterator[tuple[Any, ExtractionKey, dict]]:
            # Bytes (or a row's cells) only: the cache is asked before anything is segmented.
            for item in iter_raw_articles(self.paths, max_bytes=self.max_bytes, corpus=self.corpus):
                if isinstance(item, Skipped):
                    self._skip(item)
                    continue
                given = self._given(item)
                yield item, ExtractionKey(keyed(item.cache_key, given), version, self.versions, target), given

        for result, source in self._process(files()):
            yield self._marked(result, source)
        if self.stats.read == 0:
            raise self._nothing_to_read()

    def _given(self, item: Any) -> dict:
        """What the sidecar and the file-name pattern say of this document (empty: nothing)."""
        if self.metadata is None or not self.metadata.active:
            return {}
        return self.metadata.for_document(item.doc_id, display_path(item.path))

    def _marked(self, result: DocumentResult, source: str) -> DocumentResult:
        """The result, marked as a copy when it nearly duplicates a document read before it."""
        if self.duplicates is None or result.document is None:
            return result
        match = self.duplicates.check(result.doc, result.document)
        if match is None:
            return result
        self.stats.duplicates += 1
        if self.store is not None:
            self.store.mark_duplicate(source, [t.name for t in self.targets], match.original)
        self.listener.duplicate(result.doc, match.original, match.similarity)
        return marked_duplicate(result, match.original)

    def _skip(self, item: Any) -> None:
        self.stats.skipped += 1
        self.listener.skipped(display_path(item.path), item.reason)

    def _nothing_to_read(self) -> NothingToRead:
        given = ", ".join(display_path(p) for p in self.paths)
        skipped = f" ({self.stats.skipped} skipped)" if self.stats.skipped else ""
        return NothingToRead(f"nothing to read in {given}{skipped}")

    # ------------------------------------------------------------------ the loop

    def _process(self, files: Iterator[tuple[Any, ExtractionKey, dict]]) -> Iterator[tuple[DocumentResult, str]]:
        """Cache hits come straight back; misses are parsed and go through the
        pipeline in batches (here, or in worker processes); results leave in
        reading order, each stored as soon as it is known."""
        dispatch = self.engine.dispatch(self) if self.engine is not None else _Dispatch(self)
        batch = dispatch.batch()
        pending: deque[list] = deque()  # [article, key, DocumentResult | None (failed) | _TODO, source], reading order
        try:
            for raw, key, given in files:
                entry = self._entry(raw, key, given)
                if entry is None:
                    continue
                pending.append(entry)
                if entry[2] is _TODO:
                    for full in batch.add(entry):
                        dispatch.send(full)
                dispatch.collect(block=dispatch.busy)
                yield from _ready(pending)
            if batch.entries:
                dispatch.send(batch.take())
            while dispatch.in_flight:
                dispatch.collect(block=True)
                yield from _ready(pending)
            yield from _ready(pending)
        finally:
            dispatch.close()

    def _entry(self, raw: Any, key: ExtractionKey, given: dict) -> Optional[list]:
        """A file's place in the reading order: its stored result, or its article still to
        extract (_TODO); None for a file that is not an article (skipped)."""
        cached = self._cached(raw, key)
        if cached is not None:
            return [None, key, cached, raw.source]
        article = raw.parse()
        if not hasattr(article, "document"):
            self._skip(article)
            return None
        apply_overrides(article.document, given)
        self.stats.read += 1
        return [article, key, _TODO, article_source(article)]

    def settle(self, entries: list[list], results: list) -> None:
        for entry, found in zip(entries, results):
            article, key = entry[0], entry[1]
            if isinstance(found, BaseException):
                self._failure(article, found)
                entry[2] = None
            else:
                entry[2] = self._keep(key, found, source=entry[3])
            entry[0] = None  # let the text go

    # ------------------------------------------------------------------ shared steps

    def _cached(self, raw: Any, key: ExtractionKey) -> Optional[DocumentResult]:
        """The stored result for a file (a RawArticle) not yet parsed, or None."""
        if self.store is None:
            return None
        result = self.store.reuse(key, doc=raw.doc_id, path=display_path(raw.path), source=raw.source)
        if result is not None:
            self.stats.read += 1
            self._done(result, cached=True)
        return result

    def _keep(self, key: ExtractionKey, result: DocumentResult, *, source: str) -> DocumentResult:
        if self.store is not None:
            self.store.save(key, result, source=source)
        self._done(result, cached=False)
        return result

    def _done(self, result: DocumentResult, *, cached: bool) -> None:
        if cached:
            self.stats.cached += 1
        else:
            self.stats.extracted += 1
        # A document's warnings were given when it was extracted; read from the cache,
        # it says nothing new, and a warning repeated on every run is noise.
        for warning in result.document.warnings if result.document and not cached else ():
            self.listener.warned(result.doc, warning)
        self.stats.claims += len(result.claims)
        self.listener.finished(result.doc, cached=cached, claims=len(result.claims))

    def _failure(self, article: Any, error: BaseException) -> None:
        if isinstance(error, ArgmineError) or self.raise_errors:
            raise error
        self.stats.failed += 1
        described = getattr(error, "described", None) or f"{type(error).__name__}: {error}"
        self.listener.failed(article.document.doc, described)


def _ready(pending: deque) -> Iterator[tuple[DocumentResult, str]]:
    """The results at the head of the reading order that are known, with their sources (failures left out)."""
    while pending and pending[0][2] is not _TODO:
        _, _, result, source = pending.popleft()
        if result is not None:
            yield result, source


def marked_duplicate(result: DocumentResult, original: str) -> DocumentResult:
    """A result whose document nearly duplicates `original`: the document and each claim say so."""
    document = result.document.model_copy(update={"duplicate_of": original}) if result.document is not None else None
    claims = [c.model_copy(update={"duplicate_of": original}) for c in result.claims]
    return DocumentResult(doc=result.doc, claims=claims, document=document, actors=result.actors)


class ArticleBatch:
    """Articles gathered for one pipeline call: at most `size`, and at most BATCH_CHARS of
    text unless one article alone is longer."""

    def __init__(self, size: int, chars: int = BATCH_CHARS):
        self.size = size
        self.limit = chars
        self.entries: list[list] = []
        self.chars = 0

    def add(self, entry: list) -> list[list[list]]:
        """Add an entry; returns the batches it completed (to send now)."""
        full = []
        chars = len(entry[0].text)
        if self.entries and self.chars + chars > self.limit:
            full.append(self.take())
        self.entries.append(entry)
        self.chars += chars
        if len(self.entries) >= self.size:
            full.append(self.take())
        return full

    def take(self) -> list[list]:
        entries, self.entries, self.chars = self.entries, [], 0
        return entries


class _Dispatch:
    """Runs batches through the pipeline, in this process or in worker processes, and
    settles each batch's results into its run's entries."""

    def __init__(self, run: ExtractRun):
        self.run = run
        self.in_workers = run.jobs > 1
        self.window = 2 * run.jobs  # batches in flight: enough to keep workers fed, few to hold
        self.in_flight: dict[Future, list[list]] = {}
        self.pool: Optional[ProcessPoolExecutor] = None

    @property
    def busy(self) -> bool:
        return len(self.in_flight) >= self.window

    def batch(self) -> ArticleBatch:
        return ArticleBatch(BATCH_WORKER if self.in_workers else BATCH_HERE)

    def send(self, entries: list[list]) -> None:
        run = self.run
        items = [entry[0] for entry in entries]
        if not self.in_workers:
            run.settle(entries, extract_batch(run.extractor, items, run.pipeline_targets, run.versions))
            return
        if self.pool is None:
            self.pool = worker_pool(run.jobs)
        self.in_flight[self.pool.submit(extract_batch, run.extractor, items, run.pipeline_targets, run.versions)] = entries

    def collect(self, block: bool) -> None:
        if not self.in_flight:
            return
        done, _ = wait(list(self.in_flight), timeout=None if block else 0, return_when=FIRST_COMPLETED)
        for future in done:
            entries = self.in_flight.pop(future)
            try:
                results = future.result()
            except BrokenProcessPool:
                raise ArgmineError("a worker process died (out of memory?); try fewer --jobs") from None
            self.run.settle(entries, results)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


def _documents_in(listed: list) -> int:
    """Documents the listed files hold: one per file, a corpus file's rows each."""
    from argmine.ingest.corpus_files import count_rows
    from argmine.ingest.formats import CORPUS

    total = 0
    for candidate in listed:
        rows = count_rows(candidate.path, candidate.format) if candidate.format in CORPUS and not candidate.skip_reason else 0
        total += max(1, rows)
    return total


def article_source(article: Any) -> str:
    """The absolute path an article was read from, every byte kept: who-said's memory of 'this file'
    (with '#row' for a row of a corpus file: each row is a document of its own)."""
    document = article.document
    path = os.path.abspath(article.source if article.source is not None else document.path)
    return f"{path}#{document.row}" if document.row is not None else path

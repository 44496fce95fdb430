"""The extract loop: ingest -> cache check in the store -> pipeline -> store.

Results come out in the order the files were read, one `DocClaims` per
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
from typing import Any, Callable, Iterator, Optional, Sequence, Union

from argmine.errors import ArgmineError, NothingToRead
from argmine.output import DocClaims
from argmine.records import Actor, Claim, Document
from argmine.store import ExtractionKey, Store

PathLike = Union[str, Path]
#: (article, target, versions) -> (document, actors, claims); must be picklable for jobs > 1.
Extractor = Callable[[Any, Optional[PathLike], str], tuple[Document, list[Actor], list[Claim]]]

DEFAULT_MAX_BYTES = 10_000_000
VERSIONS_CHOICES = ("latest", "all")


class RunListener:
    """Hears how a run goes. Subclass and override what you need; the defaults ignore it all."""

    def started(self, total: int) -> None:
        """`total` articles were read and will be processed (cached or not)."""

    def skipped(self, path: str, reason: str) -> None:
        """A file was not read as an article."""

    def warned(self, doc: str, message: str) -> None:
        """Something the reader noticed about a document it did read."""

    def finished(self, doc: str, *, cached: bool, claims: int) -> None:
        """One document is done (and stored)."""

    def failed(self, doc: str, message: str) -> None:
        """The pipeline failed on one document; the run goes on."""


@dataclass
class RunStats:
    """What a run did, for the closing summary."""

    read: int = 0
    skipped: int = 0
    cached: int = 0
    extracted: int = 0
    failed: int = 0
    claims: int = 0


def pipeline_extract(article: Any, target: Optional[PathLike], versions: str) -> tuple[Document, list[Actor], list[Claim]]:
    """The default extractor: argmine's spaCy pipeline (loaded once per process)."""
    from argmine import pipeline

    result = pipeline.extract_article(article, target=target, versions=versions)
    return result.document, list(result.actors), list(result.claims)


def target_key(target: Optional[PathLike]) -> str:
    """The target part of a cache key: its name and a hash of its definition."""
    from argmine.target import DEFAULT_TARGET, load_target

    loaded = load_target(target if target is not None else DEFAULT_TARGET)
    return f"{loaded.name}@{loaded.fingerprint()}"


class ExtractRun:
    """One `extract` over some paths. Iterate it for the results; `stats` tallies them.

    Args:
        paths: files and folders, as the user gave them.
        store: where results are cached and kept; None to keep nothing.
        target: a bundled target name or a target file (None: the default).
        versions: "latest" or "all" (which versions of a version-table page to read).
        jobs: worker processes for the pipeline (1: run in this process).
        max_bytes: files larger than this are skipped.
        listener: progress and problems, as they happen.
        extractor: what runs the pipeline on one article (tests pass a fake).
        pipeline_version: the version string for cache keys (default: the pipeline's own).
        raise_errors: re-raise a document's pipeline failure instead of reporting it.
    """

    def __init__(
        self,
        paths: Sequence[PathLike],
        *,
        store: Optional[Store],
        target: Optional[PathLike] = None,
        versions: str = "latest",
        jobs: int = 1,
        max_bytes: int = DEFAULT_MAX_BYTES,
        listener: Optional[RunListener] = None,
        extractor: Optional[Extractor] = None,
        pipeline_version: Optional[str] = None,
        raise_errors: bool = False,
    ):
        if versions not in VERSIONS_CHOICES:
            raise ValueError(f"versions must be one of {VERSIONS_CHOICES}, not {versions!r}")
        self.paths = [Path(p) for p in paths]
        self.store = store
        self.target = target
        self.versions = versions
        self.jobs = max(1, jobs)
        self.max_bytes = max_bytes
        self.listener = listener or RunListener()
        self.extractor = extractor or pipeline_extract
        self._pipeline_version = pipeline_version
        self.raise_errors = raise_errors
        self.stats = RunStats()

    def __iter__(self) -> Iterator[DocClaims]:
        from argmine.ingest import iter_articles

        articles = []
        for item in iter_articles(self.paths, max_bytes=self.max_bytes):
            if hasattr(item, "document"):
                articles.append(item)
            else:
                self.stats.skipped += 1
                self.listener.skipped(str(item.path), item.reason)
        if not articles:
            given = ", ".join(str(p) for p in self.paths)
            raise NothingToRead(f"nothing to read in {given}" + (f" ({self.stats.skipped} skipped)" if self.stats.skipped else ""))
        self.stats.read = len(articles)
        self.listener.started(len(articles))
        version = self._pipeline_version
        if version is None:
            from argmine import pipeline

            version = pipeline.pipeline_version(self.target)
        target = target_key(self.target)
        keys = [ExtractionKey(a.document.sha256, version, self.versions, target) for a in articles]
        if self.jobs == 1:
            yield from self._run_here(articles, keys)
        else:
            yield from self._run_in_workers(articles, keys)

    # ------------------------------------------------------------------ shared steps

    def _cached(self, article: Any, key: ExtractionKey) -> Optional[DocClaims]:
        if self.store is None:
            return None
        document: Document = article.document
        result = self.store.reuse(key, doc=document.doc, path=document.path, source=_source(document))
        if result is not None:
            self._done(result, cached=True)
        return result

    def _keep(self, key: ExtractionKey, found: tuple[Document, list[Actor], list[Claim]]) -> DocClaims:
        document, actors, claims = found
        if self.store is not None:
            self.store.save(key, document, actors, claims, source=_source(document))
        result = DocClaims(doc=document.doc, claims=list(claims), document=document, actors=list(actors))
        self._done(result, cached=False)
        return result

    def _done(self, result: DocClaims, *, cached: bool) -> None:
        if cached:
            self.stats.cached += 1
        else:
            self.stats.extracted += 1
            for warning in result.document.warnings if result.document else ():
                self.listener.warned(result.doc, warning)
        self.stats.claims += len(result.claims)
        self.listener.finished(result.doc, cached=cached, claims=len(result.claims))

    def _failure(self, article: Any, error: BaseException) -> None:
        if isinstance(error, ArgmineError) or self.raise_errors:
            raise error
        self.stats.failed += 1
        self.listener.failed(article.document.doc, f"{type(error).__name__}: {error}")

    # ------------------------------------------------------------------ one process

    def _run_here(self, articles: list, keys: list[ExtractionKey]) -> Iterator[DocClaims]:
        for article, key in zip(articles, keys):
            cached = self._cached(article, key)
            if cached is not None:
                yield cached
                continue
            try:
                found = self.extractor(article, self.target, self.versions)
            except Exception as error:  # one bad document must not sink a corpus
                self._failure(article, error)
                continue
            yield self._keep(key, found)

    # ------------------------------------------------------------------ worker processes

    def _run_in_workers(self, articles: list, keys: list[ExtractionKey]) -> Iterator[DocClaims]:
        """Keep the workers busy; store each result when it lands; yield in input order."""
        import multiprocessing

        window = 2 * self.jobs  # documents in flight: enough to keep workers fed, few to hold
        todo = deque(zip(articles, keys))
        # Each entry: [article, key, DocClaims | Future | None (failed)]
        pending: deque[list] = deque()
        in_flight: dict[Future, list] = {}
        pool: Optional[ProcessPoolExecutor] = None
        try:
            while todo or pending:
                while todo and len(in_flight) < window:
                    article, key = todo.popleft()
                    cached = self._cached(article, key)
                    if cached is not None:
                        pending.append([article, key, cached])
                        continue
                    if pool is None:
                        # spawn: workers start clean (no inherited threads or locks) and load the model once.
                        pool = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("spawn"))
                    entry = [article, key, None]
                    entry[2] = pool.submit(self.extractor, article, self.target, self.versions)
                    in_flight[entry[2]] = entry
                    pending.append(entry)
                    if len(pending) > 4 * window:
                        break  # many cached documents queued: hand them out first
                while pending and not isinstance(pending[0][2], Future):
                    entry = pending.popleft()
                    if entry[2] is not None:
                        yield entry[2]
                if pending and in_flight:
                    done, _ = wait(list(in_flight), return_when=FIRST_COMPLETED)
                    for future in done:
                        entry = in_flight.pop(future)
                        entry[2] = self._collect(future, entry[0], entry[1])
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)

    def _collect(self, future: Future, article: Any, key: ExtractionKey) -> Optional[DocClaims]:
        try:
            found = future.result()
        except BrokenProcessPool:
            raise ArgmineError("a worker process died (out of memory?); try fewer --jobs") from None
        except Exception as error:
            self._failure(article, error)
            return None
        return self._keep(key, found)


def _source(document: Document) -> str:
    """The absolute path a document was read from: who-said's memory of 'this file'."""
    return os.path.abspath(document.path)

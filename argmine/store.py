"""The embedded store: what `extract` found, so queries answer without re-reading.

A SQLite file (default ``./.argmine/argmine.db``; ``--store`` or
``ARGMINE_STORE`` to change). Extractions are keyed by the file's content
hash, the pipeline version, the `--versions` choice and the target, so an
unchanged file is never processed twice, wherever it lies. Each document is
written in one transaction: a killed run leaves whole documents or nothing.
WAL journalling and a busy timeout let two runs share one store.

Tables (store schema version 4)::

    meta(key PRIMARY KEY, value)          schema_version, records_schema_version
    extractions(id, sha256, pipeline_version, versions, target,
                doc, document JSON, actors JSON, claim_count, created_at)
                UNIQUE(sha256, pipeline_version, versions, target)
    claims(extraction_id, seq, actor_name, actor_kind, stance, mode,
           actor JSON, record JSON)
                PRIMARY KEY(extraction_id, seq)
    claim_stances(extraction_id, seq, target, stance)
                PRIMARY KEY(extraction_id, seq, target)
                a claim's stance toward a target of its run other than the first
                (`Claim.stances`), for the claims that concern that target
    sources(path, target, doc, extraction_id, seen_at, duplicate_of)
                PRIMARY KEY(path, target)
                the file at `path` (absolute) last gave that extraction about the
                target named `target` (an extraction of a run with several targets
                is remembered under each); a path that is not UTF-8 is kept as its
                bytes (a BLOB), every byte intact; `duplicate_of` names the document
                of the run it last read that this one nearly duplicates
                (`argmine.duplicates`): a property of the run, not of the file

Queries without paths (`who-said`, `actors`) read, for one target, the
extraction each source last gave: what `extract` last put there. About an
extraction's first target they read every claim (its `stance` column); about
another target of its run, the claims that concern it (`claim_stances`). Stances
toward different targets are never mixed in one answer. They choose claims from
the light columns (actor, stance, mode) and parse only the records they
print, so they stay quick as the store grows.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator, Mapping, NamedTuple, Optional, Sequence, Union

from argmine.display import display_path
from argmine.errors import StoreError
from argmine.results import DocumentResult, claim_renamed
from argmine.records import SCHEMA_VERSION, Actor, Claim, Document, DocumentHead

STORE_SCHEMA_VERSION = 4
DEFAULT_STORE_PATH = Path(".argmine") / "argmine.db"
STORE_ENV = "ARGMINE_STORE"
TIMEOUT_ENV = "ARGMINE_STORE_TIMEOUT"
#: Seconds a writer waits for another process's transaction before giving up.
BUSY_TIMEOUT_S = 60.0

_TABLES = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE extractions (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL,
    pipeline_version TEXT NOT NULL,
    versions TEXT NOT NULL,
    target TEXT NOT NULL,
    doc TEXT NOT NULL,
    document TEXT NOT NULL,
    actors TEXT NOT NULL,
    claim_count INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (sha256, pipeline_version, versions, target)
);
CREATE TABLE claims (
    extraction_id INTEGER NOT NULL REFERENCES extractions(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    actor_name TEXT NOT NULL,
    actor_kind TEXT NOT NULL,
    stance TEXT NOT NULL,
    mode TEXT NOT NULL,
    record TEXT NOT NULL,
    actor TEXT NOT NULL,
    PRIMARY KEY (extraction_id, seq)
);
CREATE TABLE claim_stances (
    extraction_id INTEGER NOT NULL REFERENCES extractions(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    target TEXT NOT NULL,
    stance TEXT NOT NULL,
    PRIMARY KEY (extraction_id, seq, target)
);
CREATE TABLE sources (
    path TEXT NOT NULL,
    target TEXT NOT NULL,
    doc TEXT NOT NULL,
    extraction_id INTEGER NOT NULL REFERENCES extractions(id) ON DELETE CASCADE,
    seen_at TEXT NOT NULL,
    duplicate_of TEXT,
    PRIMARY KEY (path, target)
);
CREATE INDEX sources_by_extraction ON sources(extraction_id);
"""

def _add_actor_column(conn: sqlite3.Connection) -> None:
    """1 -> 2: each claim's actor in a column of its own, so queries need not parse records."""
    conn.execute("ALTER TABLE claims ADD COLUMN actor TEXT NOT NULL DEFAULT ''")
    conn.execute("UPDATE claims SET actor = json_extract(record, '$.actor')")


#: Upgrades in place, from store schema version n (the key) to n + 1. A store
#: whose version has no path to the current one is rebuilt empty instead: it
#: is a cache, and `extract` refills it.
def _sources_per_target(conn: sqlite3.Connection) -> None:
    """2 -> 3: a source remembers its last extraction per target, so targets are never mixed."""
    conn.execute(
        "CREATE TABLE sources_3 (path TEXT NOT NULL, target TEXT NOT NULL, doc TEXT NOT NULL, "
        "extraction_id INTEGER NOT NULL REFERENCES extractions(id) ON DELETE CASCADE, seen_at TEXT NOT NULL, "
        "PRIMARY KEY (path, target))"
    )
    conn.execute(
        "INSERT INTO sources_3 (path, target, doc, extraction_id, seen_at) "
        "SELECT s.path, substr(e.target, 1, instr(e.target || '@', '@') - 1), s.doc, s.extraction_id, s.seen_at "
        "FROM sources s JOIN extractions e ON e.id = s.extraction_id"
    )
    conn.execute("DROP TABLE sources")
    conn.execute("ALTER TABLE sources_3 RENAME TO sources")
    conn.execute("CREATE INDEX sources_by_extraction ON sources(extraction_id)")


def _claim_stances(conn: sqlite3.Connection) -> None:
    """3 -> 4: stances toward a run's other targets (`--target` repeated) in a table of their own;
    a source's near-duplicate (`duplicate_of`) in its row."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS claim_stances (extraction_id INTEGER NOT NULL REFERENCES extractions(id) ON DELETE CASCADE, "
        "seq INTEGER NOT NULL, target TEXT NOT NULL, stance TEXT NOT NULL, PRIMARY KEY (extraction_id, seq, target))"
    )
    columns = {row[1] for row in conn.execute("PRAGMA table_info(sources)")}
    if "duplicate_of" not in columns:
        conn.execute("ALTER TABLE sources ADD COLUMN duplicate_of TEXT")


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _add_actor_column,
    2: _sources_per_target,
    3: _claim_stances,
}


def default_store_path() -> Path:
    """`ARGMINE_STORE`, else ./.argmine/argmine.db."""
    return Path(os.environ.get(STORE_ENV) or DEFAULT_STORE_PATH)


def default_timeout() -> float:
    """`ARGMINE_STORE_TIMEOUT` (seconds), else BUSY_TIMEOUT_S."""
    value = os.environ.get(TIMEOUT_ENV)
    try:
        return float(value) if value else BUSY_TIMEOUT_S
    except ValueError:
        raise StoreError(f"{TIMEOUT_ENV}={value!r} is not a number of seconds") from None


@dataclass(frozen=True)
class ExtractionKey:
    """What an extraction depends on: same key, same claims."""

    sha256: str
    pipeline_version: str
    versions: str
    target: str  # the target's name and a hash of its definition: "integration@3f2a..."

    @property
    def target_name(self) -> str:
        """The name of the (first) target."""
        return self.target.split("@", 1)[0]

    @property
    def target_names(self) -> list[str]:
        """The names of every target of the run, the first first ("a@…+b@…" -> a, b)."""
        return [part.split("@", 1)[0] for part in self.target.split("+")]


class Store:
    """An open store. Use as a context manager, or call `close()`.

    Args:
        path: the SQLite file.
        create: create the file (and its folder) when missing; when False a
            missing store is a StoreError (query commands must not invent one).
        timeout: seconds to wait for another writer before a StoreError.

    Attributes:
        notices: things the user should hear about (a rebuilt or migrated
            store); the library never prints, the CLI shows them.
    """

    def __init__(self, path: Path, *, create: bool = True, timeout: Optional[float] = None):
        self.path = Path(path)
        self.shown = display_path(self.path)
        self.timeout = default_timeout() if timeout is None else timeout
        self.notices: list[str] = []
        self._make_room(create)
        #: Opened read-only: the file or its folder is not writable (a shared or archived
        #: store). Queries answer from it; `extract` reads its cache and keeps nothing new.
        self.read_only = not _writable(self.path)
        if self.read_only and create:
            self.notices.append(f"store {self.shown} is read-only: reading from it, keeping nothing new")
        with self._translated("open"):
            self._conn = sqlite3.connect(
                _uri(self.path, self.read_only), timeout=self.timeout, isolation_level=None, uri=True
            )
        try:
            with self._translated("open"):
                self._configure()
                self._prepare_schema()
        except BaseException:
            self._conn.close()
            raise

    def _make_room(self, create: bool) -> None:
        """A missing store: its folder made (create) or a StoreError (queries must not invent one)."""
        if not self.path.exists():
            if not create:
                raise StoreError(
                    f"no store at {self.shown}: run `argmine extract PATH...` first, "
                    "or give PATHs, or `-` to read claims from stdin"
                )
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreError(
                    f"cannot create the store folder {display_path(self.path.parent)}: {error.strerror}"
                ) from None
        elif self.path.is_dir():
            raise StoreError(f"store path {self.shown} is a folder, not a file")

    def _configure(self) -> None:
        self._conn.execute("PRAGMA foreign_keys = ON")
        if self.read_only:
            return  # the journal mode is the writer's to set
        mode = self._journal_mode_wal()
        if str(mode).lower() != "wal":
            self.notices.append(f"store {self.shown}: cannot use WAL journalling here ({mode})")
        self._conn.execute("PRAGMA synchronous = NORMAL")

    def _journal_mode_wal(self) -> str:
        """Switch to WAL, retrying while another process holds the file.

        SQLite answers a contended journal-mode change with "locked" at once,
        without its busy handler: two runs opening a new store together would
        otherwise fail although the busy timeout has not passed.
        """
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                return self._conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() >= deadline:
                    raise
                time.sleep(0.05)

    # ------------------------------------------------------------------ lifecycle

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _translated(self, action: str) -> Iterator[None]:
        """SQLite errors become one-line StoreErrors that say what to do."""
        try:
            yield
        except sqlite3.OperationalError as error:
            text = str(error)
            if "locked" in text or "busy" in text:
                raise StoreError(
                    f"store {self.shown} is locked by another process (waited {self.timeout:g} s); "
                    f"try again, or raise {TIMEOUT_ENV}"
                ) from None
            if "unable to open" in text or "readonly" in text or "read-only" in text:
                raise StoreError(f"cannot {action} store {self.shown}: {text}") from None
            if "malformed" in text or "not a database" in text:
                raise self._corrupt(text) from None
            raise StoreError(f"store {self.shown}: {text}") from None
        except sqlite3.DatabaseError as error:
            raise self._corrupt(str(error)) from None

    def _corrupt(self, reason: str) -> StoreError:
        return StoreError(
            f"store {self.shown} is not a readable argmine store ({reason}); "
            "move it away or pass --store to use another file"
        )

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once so a concurrent writer waits its turn."""
        with self._translated("write"):
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    # ------------------------------------------------------------------ schema

    def _prepare_schema(self) -> None:
        """Create, check, migrate or rebuild the schema.

        The common case (an up-to-date store) is settled by a plain read, so
        opening a store never waits for another process's write lock.
        """
        state, _, version, records_version = self._schema_state(self._conn)
        if state == "current":
            return
        if self.read_only:
            raise StoreError(
                f"store {self.shown} is read-only and not a current argmine store (store schema {version}, "
                f"records schema {records_version}); pass --store to use another file"
            )
        with self._transaction() as conn:
            state, tables, version, records_version = self._schema_state(conn)
            if state == "current":
                return
            if state == "empty":
                self._create(conn)
                return
            if state == "newer":
                raise StoreError(
                    f"store {self.shown} was written by a newer argmine (store schema {version}, "
                    f"records schema {records_version}); upgrade argmine or pass --store to use another file"
                )
            start = version
            while version in MIGRATIONS and records_version == SCHEMA_VERSION:
                MIGRATIONS[version](conn)
                version += 1
            if version == STORE_SCHEMA_VERSION and records_version == SCHEMA_VERSION:
                self._set_meta(conn)
                self.notices.append(
                    f"store {self.shown}: migrated from store schema {start} to {STORE_SCHEMA_VERSION}"
                )
                return
            for table in tables:
                if not table.startswith("sqlite_"):
                    conn.execute(f'DROP TABLE IF EXISTS "{table}"')
            self._create(conn)
            self.notices.append(
                f"store {self.shown} was from an older argmine (store schema {start}, records schema "
                f"{records_version}); rebuilt it empty: files are extracted again on the next run"
            )

    def _schema_state(self, conn: sqlite3.Connection) -> tuple[str, set[str], int, int]:
        """('empty' | 'current' | 'older' | 'newer', tables, store schema, records schema)."""
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return "empty", tables, 0, 0
        version, records_version = self._versions(conn, tables)
        if version > STORE_SCHEMA_VERSION or records_version > SCHEMA_VERSION:
            return "newer", tables, version, records_version
        if version == STORE_SCHEMA_VERSION and records_version == SCHEMA_VERSION:
            return "current", tables, version, records_version
        return "older", tables, version, records_version

    @staticmethod
    def _versions(conn: sqlite3.Connection, tables: set[str]) -> tuple[int, int]:
        """(store schema, records schema) of an existing store; 0 for a layout without them."""
        if "meta" not in tables:
            return 0, 0
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        try:
            return int(meta.get("schema_version", 0)), int(meta.get("records_schema_version", 0))
        except ValueError:
            return 0, 0

    def _create(self, conn: sqlite3.Connection) -> None:
        for statement in _TABLES.split(";"):
            if statement.strip():
                conn.execute(statement)
        self._set_meta(conn)

    @staticmethod
    def _set_meta(conn: sqlite3.Connection) -> None:
        from argmine import __version__

        conn.executemany(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            [
                ("schema_version", str(STORE_SCHEMA_VERSION)),
                ("records_schema_version", str(SCHEMA_VERSION)),
                ("argmine_version", __version__),
            ],
        )

    # ------------------------------------------------------------------ extract

    def reuse(self, key: ExtractionKey, *, doc: str, path: str, source: str) -> Optional[DocumentResult]:
        """The stored result for `key`, named as this file (`doc`, `path`); None when not stored.

        Records that `source` (the file's absolute path) now gives this extraction.
        """
        with self._translated("read"):
            row = self._conn.execute(
                "SELECT id, document, actors FROM extractions "
                "WHERE sha256 = ? AND pipeline_version = ? AND versions = ? AND target = ?",
                (key.sha256, key.pipeline_version, key.versions, key.target),
            ).fetchone()
            if row is None:
                return None
            extraction_id, document_json, actors_json = row
            records = [
                r[0]
                for r in self._conn.execute(
                    "SELECT record FROM claims WHERE extraction_id = ? ORDER BY seq", (extraction_id,)
                )
            ]
            current = [
                self._conn.execute(
                    "SELECT doc, extraction_id, duplicate_of FROM sources WHERE path = ? AND target = ?",
                    (_path_value(source), name),
                ).fetchone()
                for name in key.target_names
            ]
        if any(found != (doc, extraction_id, None) for found in current) and not self.read_only:
            with self._transaction() as conn:
                for name in key.target_names:
                    self._remember_source(conn, source, name, doc, extraction_id)
        return _load(document_json, actors_json, records, doc=doc, path=path)

    def save(self, key: ExtractionKey, result: DocumentResult, *, source: str) -> Optional[int]:
        """Store one document's extraction and remember `source` gave it: one transaction.

        Returns the extraction's id; None in a read-only store, which keeps nothing.
        """
        if self.read_only:
            return None
        dumped = dump_result(result)
        document, claims = result.document, result.claims
        now = _now()
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT OR IGNORE INTO extractions (sha256, pipeline_version, versions, target, doc, document, "
                "actors, claim_count, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    key.sha256,
                    key.pipeline_version,
                    key.versions,
                    key.target,
                    document.doc,
                    dumped.document,
                    dumped.actors,
                    len(claims),
                    now,
                ),
            )
            if cursor.rowcount == 1:
                extraction_id = int(cursor.lastrowid)
                _insert_claims(conn, extraction_id, claims, dumped.claims)
            else:  # another run stored the same extraction first
                extraction_id = conn.execute(
                    "SELECT id FROM extractions "
                    "WHERE sha256 = ? AND pipeline_version = ? AND versions = ? AND target = ?",
                    (key.sha256, key.pipeline_version, key.versions, key.target),
                ).fetchone()[0]
            for name in key.target_names:
                self._remember_source(conn, source, name, document.doc, extraction_id)
        return extraction_id

    @staticmethod
    def _remember_source(conn: sqlite3.Connection, source: str, target: str, doc: str, extraction_id: int) -> None:
        conn.execute(
            "INSERT INTO sources (path, target, doc, extraction_id, seen_at, duplicate_of) VALUES (?, ?, ?, ?, ?, NULL) "
            "ON CONFLICT(path, target) DO UPDATE SET doc = excluded.doc, extraction_id = excluded.extraction_id, "
            "seen_at = excluded.seen_at, duplicate_of = NULL",
            (_path_value(source), target, doc, extraction_id, _now()),
        )

    def mark_duplicate(self, source: str, targets: Sequence[str], original: str) -> None:
        """Remember that the document `source` last gave nearly duplicates the document named `original`
        (saving or reusing an extraction clears the mark: it holds for the run that set it)."""
        if self.read_only:
            return
        with self._transaction() as conn:
            conn.executemany(
                "UPDATE sources SET duplicate_of = ? WHERE path = ? AND target = ?",
                [(original, _path_value(source), name) for name in targets],
            )

    # ------------------------------------------------------------------ queries

    def current(self, target: Optional[str] = None) -> list[DocumentResult]:
        """What extract last put here about `target`, in full: each source's latest extraction, by document name."""
        snapshot = self.snapshot(target)
        claims: dict[str, list[Claim]] = {}
        for row, claim in zip(snapshot.rows, self.load_claims(snapshot.rows)):
            claims.setdefault(row.source, []).append(claim)
        return [
            DocumentResult(doc=document.doc, claims=claims.get(source, []), document=document)
            for source, document in snapshot.documents.items()
        ]

    def targets(self) -> list[str]:
        """The names of the targets the store holds claims about, sorted."""
        with self._translated("read"):
            return [row[0] for row in self._conn.execute("SELECT DISTINCT target FROM sources ORDER BY target")]

    def snapshot(self, target: Optional[str] = None) -> "Snapshot":
        """What extract last put here about one target, light: documents, and claim rows to choose from.

        `target` names it; None is the store's only target (a StoreError when it
        holds several: stances toward different targets are never mixed).
        Claim records are not parsed; `load_claims` parses the rows chosen.
        """
        target = self._only_target() if target is None else target
        actors: dict[str, Actor] = {}  # one parse per distinct actor, however many claims

        def actor_of(text: str) -> Actor:
            if text not in actors:
                actors[text] = Actor.model_validate_json(text)
            return actors[text]

        with self._translated("read"):
            self._conn.execute("BEGIN")  # one snapshot for both reads
            try:
                sources = self._conn.execute(
                    "SELECT s.path, s.doc, e.document FROM sources s "
                    "JOIN extractions e ON e.id = s.extraction_id WHERE s.target = ? ORDER BY s.doc, s.path",
                    (target,),
                ).fetchall()
                rows = [
                    ClaimRow(
                        doc=doc,
                        actor=actor_of(actor),
                        stance=stance,
                        mode=mode,
                        source=_path_text(path),
                        ref=(extraction_id, seq),
                        target=target,
                        duplicate_of=duplicate_of,
                    )
                    for path, doc, extraction_id, seq, actor, stance, mode, duplicate_of in self._conn.execute(
                        _ROWS_ABOUT, (target,)
                    )
                ]
            finally:
                self._conn.execute("COMMIT")
        return Snapshot(documents=LazyDocuments({_path_text(path): (doc, document_json) for path, doc, document_json in sources}), rows=rows)

    def _only_target(self) -> str:
        targets = self.targets()
        if len(targets) > 1:
            raise StoreError(f"store {self.shown} holds claims about several targets ({', '.join(targets)}): name one")
        return targets[0] if targets else ""

    def load_claims(self, rows: Sequence["ClaimRow"]) -> list[Claim]:
        """The claim records of stored rows, in their order, named for their rows' documents."""
        wanted: dict[int, list[int]] = {}
        for row in rows:
            if row.ref is not None:
                wanted.setdefault(row.ref[0], []).append(row.ref[1])
        records: dict[tuple[int, int], str] = {}
        with self._translated("read"):
            for extraction_id, seqs in wanted.items():
                marks = ",".join("?" * len(seqs))
                for seq, record in self._conn.execute(
                    f"SELECT seq, record FROM claims WHERE extraction_id = ? AND seq IN ({marks})",
                    (extraction_id, *seqs),
                ):
                    records[(extraction_id, seq)] = record
        claims = []
        for row in rows:
            if row.claim is not None:
                claims.append(row.claim)
                continue
            claim = claim_renamed(Claim.model_validate_json(records[row.ref]), row.doc)
            if row.duplicate_of is not None:
                claim = claim.model_copy(update={"duplicate_of": row.duplicate_of})
            claims.append(claim)
        return claims

    def counts(self) -> dict[str, int]:
        """Sizes of the store, for messages and tests."""
        with self._translated("read"):
            return {
                table: self._conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                for table in ("extractions", "claims", "sources")
            }


#: The claim rows about one target: every claim of an extraction whose first target it is
#: (its `stance` column), and the claims that concern it of one whose other target it is.
_ROWS_ABOUT = (
    "SELECT s.path, s.doc, c.extraction_id, c.seq, c.actor, COALESCE(cs.stance, c.stance), c.mode, s.duplicate_of "
    "FROM sources s "
    "JOIN extractions e ON e.id = s.extraction_id "
    "JOIN claims c ON c.extraction_id = s.extraction_id "
    "LEFT JOIN claim_stances cs ON cs.extraction_id = c.extraction_id AND cs.seq = c.seq AND cs.target = s.target "
    "WHERE s.target = ? AND (cs.stance IS NOT NULL OR substr(e.target, 1, instr(e.target || '@', '@') - 1) = s.target) "
    "ORDER BY s.doc, s.path, c.seq"
)


class ClaimRow(NamedTuple):
    """A claim as a query first sees it: enough to choose it; parsed only when chosen.

    `ref` locates it in the store; `claim` holds it when it is already at hand
    (claims piped in, or fresh from extraction). A named tuple: a query over a
    large store makes one per stored claim, and a tuple is the cheapest to make.
    """

    doc: str
    actor: Actor
    stance: str
    mode: str
    source: str = ""
    ref: Optional[tuple[int, int]] = None
    claim: Optional[Claim] = None
    target: str = ""  # the name of the target `stance` is toward
    duplicate_of: Optional[str] = None  # the document the claim's document nearly duplicates

    @classmethod
    def of(cls, claim: Claim, source: str = "") -> "ClaimRow":
        return cls(
            claim.doc, claim.actor, claim.stance, claim.mode, source or claim.doc, claim=claim, target=claim.target,
            duplicate_of=claim.duplicate_of,
        )


class LazyDocuments(Mapping[str, Document]):
    """Documents by source path, each parsed on first use.

    A query over a large store needs only a few of its documents (those of the
    claims it prints, and the writers' bylines), and parsing every document's
    segments would cost more than the whole query.
    """

    def __init__(self, stored: dict[str, tuple[str, str]]) -> None:
        self._stored = stored  # path -> (document name, document JSON)
        self._parsed: dict[str, Document] = {}
        self._path_of = {doc: path for path, (doc, _) in stored.items()}

    def __getitem__(self, path: str) -> Document:
        document = self._parsed.get(path)
        if document is None:
            doc, document_json = self._stored[path]
            document = Document.model_validate_json(document_json)
            if document.doc != doc:
                document = document.model_copy(update={"doc": doc})
            self._parsed[path] = document
        return document

    def __iter__(self) -> Iterator[str]:
        return iter(self._stored)

    def __len__(self) -> int:
        return len(self._stored)

    def head_by_name(self, doc: str) -> Optional[DocumentHead]:
        """Name and metadata of the document a claim row names (rows carry names, not paths)."""
        path = self._path_of.get(doc)
        if path is None:
            return None
        if path in self._parsed:
            document = self._parsed[path]
            return DocumentHead(doc=document.doc, meta=document.meta)
        return DocumentHead.model_validate_json(self._stored[path][1]).model_copy(update={"doc": doc})


@dataclass
class Snapshot:
    """The store's current documents (by source path) and claim rows, in document order."""

    documents: LazyDocuments
    rows: list[ClaimRow]


def _insert_claims(conn: sqlite3.Connection, extraction_id: int, claims: Sequence[Claim], records: Sequence[str]) -> None:
    """An extraction's claims: a row each (actor, first target's stance, its record as
    `dump_result` wrote it), and a `claim_stances` row for each other target a claim concerns."""
    conn.executemany(
        "INSERT INTO claims (extraction_id, seq, actor_name, actor_kind, stance, mode, actor, record) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (extraction_id, seq, c.actor.name, c.actor.kind, c.stance, c.mode, c.actor.model_dump_json(), record)
            for seq, (c, record) in enumerate(zip(claims, records))
        ],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO claim_stances (extraction_id, seq, target, stance) VALUES (?, ?, ?, ?)",
        [
            (extraction_id, seq, entry.target, entry.stance)
            for seq, c in enumerate(claims)
            for entry in c.stances
            if entry.target != c.target
        ],
    )


class DumpedResult(NamedTuple):
    """A result as the store keeps it: the document, its actors and each claim as JSON text.

    The one serialisation of a result: the store's rows and the shard files of a
    distributed run (argmine.distributed.shards) both hold these strings.
    """

    document: str
    actors: str
    claims: list[str]


def dump_result(result: DocumentResult) -> DumpedResult:
    """A result as JSON text; only a result with its document can be kept."""
    if result.document is None:
        raise ValueError("only a result with its document can be stored")
    return DumpedResult(
        result.document.model_dump_json(),
        "[" + ",".join(a.model_dump_json() for a in result.actors) + "]",
        [c.model_dump_json() for c in result.claims],
    )


def load_result(dumped: DumpedResult, *, doc: str, path: Optional[str] = None) -> DocumentResult:
    """A result back from its JSON text (`dump_result`), named as the file it stands for."""
    return _load(dumped.document, dumped.actors, dumped.claims, doc=doc, path=path)


def _load(
    document_json: str, actors_json: str, records: Sequence[str], *, doc: str, path: Optional[str] = None
) -> DocumentResult:
    """Rebuild a stored result, renamed for the file it now stands for."""
    document = Document.model_validate_json(document_json)
    actors = [Actor.model_validate(a) for a in json.loads(actors_json)]
    claims = [Claim.model_validate_json(r) for r in records]
    path = document.path if path is None else path
    if document.doc != doc or document.path != path:
        document = document.model_copy(update={"doc": doc, "path": path})
        claims = [claim_renamed(c, doc) for c in claims]
    return DocumentResult(doc=doc, claims=claims, document=document, actors=actors)


def _writable(path: Path) -> bool:
    """Can this process write the store: the file (when there is one) and its folder (for the journal)?"""
    folder = path.parent if str(path.parent) else Path(".")
    if path.exists() and not os.access(path, os.W_OK):
        return False
    return os.access(folder, os.W_OK)


def _uri(path: Path, read_only: bool) -> str:
    """An SQLite URI for the file, every byte of its name percent-encoded.

    Read-only, nothing may be written beside the store either: `mode=ro`
    shares the lock files of a writer that has them open (its `-shm` is
    there); with no writer about, `immutable=1` reads without making any.
    """
    from urllib.parse import quote

    name = quote(os.fsencode(os.path.abspath(path)), safe="/")
    if not read_only:
        return f"file:{name}?mode=rwc"
    writer_about = os.path.exists(os.fsencode(path) + b"-shm")
    return f"file:{name}?mode=ro" + ("" if writer_about else "&immutable=1")


def _path_value(path: str) -> Union[str, bytes]:
    """A source path as stored: text when it is UTF-8, else its bytes (a BLOB), so every byte survives."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path)
    return path


def _path_text(value: Union[str, bytes]) -> str:
    """A stored source path back as Python holds paths (undecodable bytes as surrogate escapes)."""
    return os.fsdecode(value) if isinstance(value, bytes) else value


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")

"""The embedded store: cache keys, what-extract-last-found, schema versions, bad files,
two writers at once and a writer killed mid-run."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from argmine import store as store_module
from argmine.errors import StoreError
from argmine.results import DocumentResult
from argmine.store import STORE_SCHEMA_VERSION, ExtractionKey, Store
from conftest import sample_documents

REPO = Path(__file__).resolve().parents[1]


def key_for(document, version: str = "v1") -> ExtractionKey:
    return ExtractionKey(document.sha256, version, "latest", "integration@abc")


def save_all(store: Store, version: str = "v1") -> None:
    for document, actors, claims in sample_documents():
        store.save(key_for(document, version), DocumentResult.of(document, actors, claims), source=f"/corpus/{document.doc}")


def test_store_save_then_reuse_gives_the_same_records(tmp_path):
    document, actors, claims = sample_documents()[0]
    with Store(tmp_path / "s.db") as store:
        store.save(key_for(document), DocumentResult.of(document, actors, claims), source="/corpus/a.txt")
        again = store.reuse(key_for(document), doc="a.txt", path="a.txt", source="/corpus/a.txt")
    assert again is not None
    assert again.document == document and again.actors == actors and again.claims == claims


def test_store_reuse_misses_on_another_pipeline_version_or_target(tmp_path):
    document, actors, claims = sample_documents()[0]
    with Store(tmp_path / "s.db") as store:
        store.save(key_for(document), DocumentResult.of(document, actors, claims), source="/corpus/a.txt")
        assert store.reuse(key_for(document, "v2"), doc="a.txt", path="a.txt", source="/corpus/a.txt") is None
        other_target = ExtractionKey(document.sha256, "v1", "latest", "mytarget@def")
        assert store.reuse(other_target, doc="a.txt", path="a.txt", source="/corpus/a.txt") is None
        versions_all = ExtractionKey(document.sha256, "v1", "all", "integration@abc")
        assert store.reuse(versions_all, doc="a.txt", path="a.txt", source="/corpus/a.txt") is None


def test_store_reuse_under_another_name_renames_doc_and_claim_ids(tmp_path):
    """The same bytes in another folder are not processed again, but are named for where they are."""
    document, actors, claims = sample_documents()[0]
    with Store(tmp_path / "s.db") as store:
        store.save(key_for(document), DocumentResult.of(document, actors, claims), source="/corpus/a.txt")
        copy = store.reuse(key_for(document), doc="sub/copy.txt", path="other/sub/copy.txt", source="/other/sub/copy.txt")
        assert copy.document.doc == "sub/copy.txt" and copy.document.path == "other/sub/copy.txt"
        assert [c.id for c in copy.claims] == ["sub/copy.txt#1", "sub/copy.txt#2", "sub/copy.txt#3"]
        assert {c.doc for c in copy.claims} == {"sub/copy.txt"}
        assert store.counts() == {"extractions": 1, "claims": 3, "sources": 2}


def test_store_current_is_what_extract_last_found_per_file(tmp_path):
    with Store(tmp_path / "s.db") as store:
        save_all(store, "v1")
        save_all(store, "v2")  # re-extracted with a new pipeline: replaces, never doubles
        current = store.current()
        assert [g.doc for g in current] == ["a.txt", "b.txt"]
        assert sum(len(g.claims) for g in current) == 5
        assert store.counts()["extractions"] == 4  # the old ones stay as cache


def test_store_saving_one_extraction_twice_keeps_one(tmp_path):
    """Two runs that both extracted a file store it once."""
    document, actors, claims = sample_documents()[0]
    with Store(tmp_path / "s.db") as store:
        first = store.save(key_for(document), DocumentResult.of(document, actors, claims), source="/corpus/a.txt")
        second = store.save(key_for(document), DocumentResult.of(document, actors, claims), source="/corpus/a.txt")
        assert first == second
        assert store.counts() == {"extractions": 1, "claims": 3, "sources": 1}


def test_store_uses_wal_and_records_its_versions(tmp_path):
    path = tmp_path / "s.db"
    Store(path).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        meta = dict(conn.execute("SELECT key, value FROM meta"))
    assert meta["schema_version"] == str(STORE_SCHEMA_VERSION) and meta["records_schema_version"] == "1"


# --------------------------------------------------------------------------- bad stores


def test_store_missing_for_a_query_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match=r"^no store at .*nothing\.db: run `argmine extract PATH\.\.\.` first"):
        Store(tmp_path / "nothing.db", create=False)
    assert not (tmp_path / "nothing.db").exists()  # a query never invents a store


@pytest.mark.parametrize("content", [b"this is not a database at all, just some text" * 100, b"\x00\xff" * 5000])
def test_store_corrupt_file_is_a_clear_error(tmp_path, content):
    path = tmp_path / "s.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=r"is not a readable argmine store \(file is not a database\); move it away"):
        Store(path)
    assert path.read_bytes() == content  # left as it was


def test_store_damaged_pages_are_a_clear_error(tmp_path):
    path = tmp_path / "s.db"
    with Store(path) as store:
        save_all(store)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\xa5" * 4096  # scribble over the second page
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="not a readable argmine store"):
        with Store(path) as store:
            store.current()


def test_store_folder_instead_of_file(tmp_path):
    with pytest.raises(StoreError, match="is a folder"):
        Store(tmp_path)


def _old_store(path: Path, version: int) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        conn.execute("INSERT INTO meta VALUES ('schema_version', ?), ('records_schema_version', '1')", (str(version),))
        conn.execute("CREATE TABLE results (doc TEXT, blob TEXT)")
        conn.execute("INSERT INTO results VALUES ('a.txt', '{}')")


def test_store_from_an_older_version_is_rebuilt_with_a_notice(tmp_path):
    path = tmp_path / "s.db"
    _old_store(path, 0)
    with Store(path) as store:
        assert len(store.notices) == 1
        assert "was from an older argmine (store schema 0, records schema 1); rebuilt it empty" in store.notices[0]
        assert store.counts() == {"extractions": 0, "claims": 0, "sources": 0}
        save_all(store)  # and it works
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "results" not in tables


def test_store_without_a_meta_table_is_rebuilt(tmp_path):
    path = tmp_path / "s.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE something (x)")
    with Store(path) as store:
        assert "store schema 0" in store.notices[0]


def test_store_from_an_older_version_is_migrated_when_a_migration_exists(tmp_path, monkeypatch):
    path = tmp_path / "s.db"
    with Store(path) as store:
        save_all(store)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(STORE_SCHEMA_VERSION - 1),))
    ran = []
    monkeypatch.setitem(store_module.MIGRATIONS, STORE_SCHEMA_VERSION - 1, lambda conn: ran.append(True))
    with Store(path) as store:
        assert ran == [True]
        assert store.notices == [f"store {path}: migrated from store schema {STORE_SCHEMA_VERSION - 1} to {STORE_SCHEMA_VERSION}"]
        assert sum(len(g.claims) for g in store.current()) == 5  # data kept


V1_CLAIMS = """
CREATE TABLE claims (
    extraction_id INTEGER NOT NULL REFERENCES extractions(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, actor_name TEXT NOT NULL, actor_kind TEXT NOT NULL,
    stance TEXT NOT NULL, mode TEXT NOT NULL, record TEXT NOT NULL,
    PRIMARY KEY (extraction_id, seq))
"""


def test_store_version_1_is_migrated_keeping_its_claims(tmp_path):
    """Store schema 1 had no actor column: the migration fills it from the records."""
    path = tmp_path / "s.db"
    with Store(path) as store:
        save_all(store)
    with sqlite3.connect(path) as conn:  # turn it back into a version 1 store
        conn.execute("ALTER TABLE claims RENAME TO claims_v2")
        conn.execute(V1_CLAIMS)
        conn.execute(
            "INSERT INTO claims SELECT extraction_id, seq, actor_name, actor_kind, stance, mode, record FROM claims_v2"
        )
        conn.execute("DROP TABLE claims_v2")
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with Store(path) as store:
        assert store.notices == [f"store {path}: migrated from store schema 1 to {STORE_SCHEMA_VERSION}"]
        snapshot = store.snapshot()
        assert [row.actor.name for row in snapshot.rows] == [
            "Dr Ann Coffey", "Northfield Health Trust", "Dr Ann Coffey", "Ann Coffey", "the author"
        ]
        assert store.load_claims(snapshot.rows) == [c for _, _, claims in sample_documents() for c in claims]
        save_all(store, "v2")  # and new claims go in


def test_store_snapshot_chooses_before_parsing(tmp_path):
    with Store(tmp_path / "s.db") as store:
        save_all(store)
        document, actors, claims = sample_documents()[0]
        store.reuse(key_for(document), doc="copy.txt", path="copy.txt", source="/elsewhere/copy.txt")
        snapshot = store.snapshot()
        assert sorted(d.doc for d in snapshot.documents.values()) == ["a.txt", "b.txt", "copy.txt"]
        trust = [row for row in snapshot.rows if row.actor.kind == "organisation"]
        assert [(row.doc, row.stance, row.mode) for row in trust] == [("a.txt", "support", "indirect"), ("copy.txt", "support", "indirect")]
        loaded = store.load_claims(trust)
        assert [c.id for c in loaded] == ["a.txt#2", "copy.txt#2"]
        assert loaded[1].model_copy(update={"doc": "a.txt", "id": "a.txt#2"}) == claims[1]


def test_store_from_a_newer_version_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "s.db"
    _old_store(path, STORE_SCHEMA_VERSION + 1)
    before = path.read_bytes()
    newer = STORE_SCHEMA_VERSION + 1
    with pytest.raises(StoreError, match=rf"was written by a newer argmine \(store schema {newer}, records schema 1\)"):
        Store(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM results").fetchone()[0] == 1
    assert len(path.read_bytes()) == len(before)


def test_store_locked_by_another_writer_is_a_clear_error(tmp_path):
    path = tmp_path / "s.db"
    Store(path).close()
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        document, actors, claims = sample_documents()[0]
        with Store(path, timeout=0.2) as store:
            with pytest.raises(StoreError, match=r"is locked by another process \(waited 0\.2 s\)"):
                store.save(key_for(document), DocumentResult.of(document, actors, claims), source="/corpus/a.txt")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()


def test_store_readers_do_not_wait_for_a_writer(tmp_path):
    path = tmp_path / "s.db"
    with Store(path) as store:
        save_all(store)
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with Store(path, create=False, timeout=0.2) as store:  # WAL: reading goes on
            assert len(store.current()) == 2
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()


# --------------------------------------------------------------------------- processes

WRITER = textwrap.dedent(
    """
    import sys, time
    sys.path[:0] = [{repo!r}, {tests!r}]
    from argmine.results import DocumentResult
    from argmine.store import ExtractionKey, Store
    from conftest import make_actor, make_claim, make_document

    path, name, count, per_doc, pause = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
    speaker = make_actor("Pat Example")
    with Store(path) as store:
        for i in range(count):
            doc = f"{{name}}-{{i}}.txt"
            text = f"{{name}} {{i}} said so. " * 3
            document = make_document(doc, text)
            claims = [make_claim(doc, n, speaker, text) for n in range(1, per_doc + 1)]
            key = ExtractionKey(document.sha256, "v1", "latest", "t")
            store.save(key, DocumentResult.of(document, [speaker], claims), source="/corpus/" + doc)
            print(i, flush=True)
            time.sleep(pause)
    """
).format(repo=str(REPO), tests=str(REPO / "tests"))


def _check_whole(path: Path) -> dict[str, int]:
    """The store opens, passes SQLite's integrity check and holds only whole documents."""
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        partial = conn.execute(
            "SELECT e.doc FROM extractions e LEFT JOIN claims c ON c.extraction_id = e.id "
            "GROUP BY e.id HAVING COUNT(c.seq) != e.claim_count"
        ).fetchall()
        assert partial == []
        orphans = conn.execute(
            "SELECT COUNT(*) FROM sources s LEFT JOIN extractions e ON e.id = s.extraction_id WHERE e.id IS NULL"
        ).fetchone()[0]
        assert orphans == 0
    with Store(path) as store:
        return store.counts()


def test_store_two_processes_writing_at_once(tmp_path):
    path = tmp_path / "s.db"
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    runs = [
        subprocess.Popen([sys.executable, str(script), str(path), name, "25", "40", "0.01"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for name in ("left", "right")
    ]
    for run in runs:
        out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err.decode()
    assert _check_whole(path) == {"extractions": 50, "claims": 2000, "sources": 50}


def test_store_killed_writer_leaves_only_whole_documents(tmp_path):
    path = tmp_path / "s.db"
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    # Big documents (2,000 claims each) so that the kill often lands inside a transaction.
    run = subprocess.Popen(
        [sys.executable, str(script), str(path), "doc", "1000", "2000", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        for _ in range(3):
            assert run.stdout.readline(), run.stderr.read().decode()
        time.sleep(0.05)
    finally:
        os.kill(run.pid, signal.SIGKILL)
        run.wait(timeout=30)
        run.stdout.close()
        run.stderr.close()
    counts = _check_whole(path)
    assert 3 <= counts["extractions"] < 1000
    assert counts["claims"] == 2000 * counts["extractions"]


def test_store_snapshot_parses_documents_on_first_use(tmp_path):
    with Store(tmp_path / "s.db") as store:
        save_all(store)
        documents = store.snapshot().documents
        assert len(documents) == 2 and documents._parsed == {}
        head = documents.head_by_name("a.txt")
        assert head is not None and head.doc == "a.txt" and documents._parsed == {}
        assert head.meta == documents[next(iter(documents))].meta
        assert documents.head_by_name("nowhere.txt") is None


def test_a_new_store_opened_while_another_process_switches_it_to_wal_waits_instead_of_failing(tmp_path, monkeypatch):
    """SQLite refuses a contended switch to WAL at once ("database is locked", no busy
    handler): two runs opening a new store together must not fail; the store retries."""
    refusals = []
    connect = sqlite3.connect

    class Contended:
        def __init__(self, conn):
            self._conn = conn

        def execute(self, sql, *args):
            if sql.startswith("PRAGMA journal_mode") and len(refusals) < 2:
                refusals.append(sql)
                raise sqlite3.OperationalError("database is locked")
            return self._conn.execute(sql, *args)

        def __getattr__(self, name):
            return getattr(self._conn, name)

    monkeypatch.setattr(store_module.sqlite3, "connect", lambda *a, **k: Contended(connect(*a, **k)))
    with Store(tmp_path / "new.db", timeout=5) as store:
        assert store.notices == []
    assert len(refusals) == 2


def test_a_store_still_locked_when_the_timeout_passes_is_a_clear_error(tmp_path, monkeypatch):
    connect = sqlite3.connect

    class AlwaysLocked:
        def __init__(self, conn):
            self._conn = conn

        def execute(self, sql, *args):
            if sql.startswith("PRAGMA journal_mode"):
                raise sqlite3.OperationalError("database is locked")
            return self._conn.execute(sql, *args)

        def __getattr__(self, name):
            return getattr(self._conn, name)

    monkeypatch.setattr(store_module.sqlite3, "connect", lambda *a, **k: AlwaysLocked(connect(*a, **k)))
    with pytest.raises(StoreError, match="locked by another process"):
        Store(tmp_path / "new.db", timeout=0.2)

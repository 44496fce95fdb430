"""A store this process may not write is opened read-only and still answers (issue 15, defect 8).

Root writes any file whatever its mode, so as root the commands run without
the capability that allows it (CAP_DAC_OVERRIDE), as an ordinary reader would.
"""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE = 1

RUN_CLI = """
import sys
sys.path[:0] = [{repo!r}, {tests!r}]
import conftest
from argmine import cli, runner
runner.pipeline_extract = conftest.fake_extract
sys.argv[0] = "argmine"
cli.main()
""".format(repo=str(REPO), tests=str(REPO / "tests"))


def _as_ordinary_reader() -> None:
    """preexec_fn: as root, drop the capability to write files whatever their mode."""
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, 0, 0, 0) != 0:
            os._exit(77)


@pytest.fixture
def read_only_store(tmp_path):
    if not sys.platform.startswith("linux"):
        pytest.skip("drops a Linux capability when run as root")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.txt").write_text("Plans\n\nJane Doe said that integration would help.\n")
    (corpus / "two.txt").write_text("More\n\nBob Stone said that the merger will fail.\n")
    script = tmp_path / "argmine_fake.py"
    script.write_text(RUN_CLI)
    made = _argmine(tmp_path, ["extract", "corpus", "-f", "jsonl"], drop=False)
    assert made.returncode == 0, made.stderr
    store = tmp_path / ".argmine" / "argmine.db"
    os.chmod(store, 0o444)
    os.chmod(store.parent, 0o555)
    yield tmp_path, made.stdout
    os.chmod(store.parent, 0o755)


def _argmine(cwd: Path, args: list[str], *, drop: bool = True) -> subprocess.CompletedProcess:
    run = subprocess.run(
        [sys.executable, str(cwd / "argmine_fake.py"), *args], cwd=cwd, capture_output=True, text=True, timeout=120,
        preexec_fn=_as_ordinary_reader if drop else None,
    )
    if run.returncode == 77:
        pytest.skip("cannot drop CAP_DAC_OVERRIDE here")
    return run


def _folder_state(folder: Path) -> list[tuple[str, int, float]]:
    return sorted((p.name, p.stat().st_size, p.stat().st_mtime) for p in folder.iterdir())


@pytest.mark.parametrize("args", [["who-said", "--actor", "Doe", "-f", "jsonl"], ["actors", "-f", "jsonl"]])
def test_queries_answer_from_a_read_only_store(read_only_store, args):
    cwd, _ = read_only_store
    before = _folder_state(cwd / ".argmine")
    run = _argmine(cwd, args)
    assert run.returncode == 0, run.stderr
    assert "Doe" in run.stdout and run.stderr == ""
    assert _folder_state(cwd / ".argmine") == before


def test_cached_extract_reads_a_read_only_store(read_only_store):
    cwd, first = read_only_store
    before = _folder_state(cwd / ".argmine")
    run = _argmine(cwd, ["extract", "corpus", "-f", "jsonl"])
    assert run.returncode == 0, run.stderr
    assert run.stdout == first
    assert "read-only" in run.stderr
    assert _folder_state(cwd / ".argmine") == before


def test_extract_of_new_files_with_a_read_only_store_still_answers(read_only_store):
    cwd, _ = read_only_store
    (cwd / "corpus" / "three.txt").write_text("Third\n\nAnn Lee argued that silos fail.\n")
    run = _argmine(cwd, ["extract", "corpus", "-f", "jsonl"])
    assert run.returncode == 0, run.stderr
    assert len(run.stdout.splitlines()) == 3
    assert run.stderr.startswith("Warning: store .argmine/argmine.db is read-only: reading from it, keeping nothing new")


def test_read_only_file_in_a_writable_folder_leaves_no_lock_files(tmp_path):
    """Only the file is read-only: still nothing is written beside it."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.txt").write_text("Plans\n\nJane Doe said that integration would help.\n")
    (tmp_path / "argmine_fake.py").write_text(RUN_CLI)
    assert _argmine(tmp_path, ["extract", "corpus", "-f", "jsonl"], drop=False).returncode == 0
    os.chmod(tmp_path / ".argmine" / "argmine.db", 0o444)
    run = _argmine(tmp_path, ["who-said", "--actor", "Doe", "-f", "jsonl"])
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in (tmp_path / ".argmine").iterdir()) == ["argmine.db"]


def test_store_uri_keeps_every_byte_of_the_name(tmp_path):
    from argmine.store import _uri

    assert _uri(tmp_path / "s.db", False).endswith("/s.db?mode=rwc")
    assert _uri(tmp_path / "s.db", True).endswith("/s.db?mode=ro&immutable=1")  # no writer about
    assert "st%FF.db" in _uri(Path(os.fsdecode(b"/tmp/st\xff.db")), False)

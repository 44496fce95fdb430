"""`--output PATH` writes through what the user named (issue 15, defect 1).

Only links, FIFOs, pipes and files inside a temporary folder: never a real
device (as root, a wrong `-o /dev/...` would replace it for the whole machine).
"""

from __future__ import annotations

import errno
import os
import stat
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

import conftest
from argmine import runner as runner_module
from argmine.cli import app
from argmine.destination import open_destination
from argmine.errors import ArgmineError

ARTICLE = "Plans unveiled\n\nJane Doe said that integration would help patients.\n"


@pytest.fixture
def corpus(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(runner_module, "pipeline_extract", conftest.fake_extract)
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "one.txt").write_text(ARTICLE)
    return folder


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def _read_fifo(path: Path, into: list[str]) -> threading.Thread:
    def read() -> None:
        with open(path, encoding="utf-8") as fifo:
            into.append(fifo.read())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread


def test_destination_writes_through_a_symbolic_link(tmp_path):
    real = tmp_path / "real.jsonl"
    real.write_text("old\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(real.name)
    with open_destination(link) as fp:
        fp.write("new\n")
    assert link.is_symlink() and os.readlink(link) == "real.jsonl"
    assert real.read_text() == "new\n"


def test_destination_through_a_dangling_link_creates_its_target(tmp_path):
    link = tmp_path / "link.jsonl"
    link.symlink_to("made.jsonl")
    with open_destination(link) as fp:
        fp.write("new\n")
    assert link.is_symlink() and (tmp_path / "made.jsonl").read_text() == "new\n"


def test_destination_writes_into_a_fifo_and_leaves_it_a_fifo(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = _read_fifo(fifo, got)
    with open_destination(fifo) as fp:
        fp.write("through the pipe\n")
    reader.join(timeout=10)
    assert got == ["through the pipe\n"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_destination_through_a_link_to_a_fifo(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "out"
    link.symlink_to(fifo)
    got: list[str] = []
    reader = _read_fifo(fifo, got)
    with open_destination(link) as fp:
        fp.write("x\n")
    reader.join(timeout=10)
    assert got == ["x\n"] and link.is_symlink() and stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_destination_writes_into_a_process_substitution_pipe():
    """`-o >(cmd)` names /dev/fd/N, a pipe: it is written, not replaced."""
    read_end, write_end = os.pipe()
    try:
        with open_destination(Path(f"/proc/self/fd/{write_end}")) as fp:
            fp.write("to the process\n")
        os.close(write_end)
        write_end = -1
        assert os.read(read_end, 100) == b"to the process\n"
    finally:
        os.close(read_end)
        if write_end >= 0:
            os.close(write_end)


def test_destination_new_file_follows_the_umask(tmp_path, umask_022):
    with open_destination(tmp_path / "new.jsonl") as fp:
        fp.write("x\n")
    assert stat.S_IMODE(os.stat(tmp_path / "new.jsonl").st_mode) == 0o644
    os.umask(0o077)
    with open_destination(tmp_path / "private.jsonl") as fp:
        fp.write("x\n")
    assert stat.S_IMODE(os.stat(tmp_path / "private.jsonl").st_mode) == 0o600


def test_destination_existing_file_keeps_its_mode(tmp_path, umask_022):
    target = tmp_path / "shared.jsonl"
    target.write_text("old\n")
    os.chmod(target, 0o664)
    with open_destination(target) as fp:
        fp.write("new\n")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o664
    assert target.read_text() == "new\n"


def test_destination_leaves_no_visible_temp_file_while_writing(tmp_path):
    """A run killed outright (kill -9) mid-write must leave no hidden file behind:
    while writing, nothing new is visible in the folder."""
    if not hasattr(os, "O_TMPFILE"):
        pytest.skip("no unnamed temporary files on this system")
    target = tmp_path / "claims.jsonl"
    target.write_text("old\n")
    with open_destination(target) as fp:
        fp.write("new\n")
        fp.flush()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.jsonl"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.jsonl"]
    assert target.read_text() == "new\n"


def test_destination_refuses_a_folder(tmp_path):
    with pytest.raises(ArgmineError, match="is a folder"):
        with open_destination(tmp_path):
            pass


def test_extract_output_through_a_link_keeps_the_link(corpus, tmp_path):
    (tmp_path / "keep").mkdir()
    (tmp_path / "claims.jsonl").symlink_to("keep/real.jsonl")
    result = CliRunner().invoke(app, ["extract", "corpus", "-o", "claims.jsonl"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "claims.jsonl").is_symlink()
    assert '"Jane Doe"' in (tmp_path / "keep" / "real.jsonl").read_text()


def test_extract_output_dash_is_stdout(corpus):
    result = CliRunner().invoke(app, ["extract", "corpus", "-o", "-", "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    assert '"Jane Doe"' in result.stdout
    assert not Path("-").exists()


class _FullDisk:
    """`os` as `argmine.destination` sees it, on a disk with no room left."""

    def __getattr__(self, name: str):
        return getattr(os, name)

    @staticmethod
    def write(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_extract_a_write_that_fails_names_the_output_file(corpus, tmp_path, monkeypatch):
    """A full disk under -o: one line naming the file; the old file kept; no temp file left."""
    from argmine import destination

    (tmp_path / "claims.jsonl").write_text("old\n")
    monkeypatch.setattr(destination, "os", _FullDisk())
    result = CliRunner().invoke(app, ["extract", "corpus", "-o", "claims.jsonl"])
    assert result.exit_code == 1
    assert result.stderr == "Error: cannot write claims.jsonl: No space left on device\n"
    assert (tmp_path / "claims.jsonl").read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".argmine", "claims.jsonl", "corpus"]

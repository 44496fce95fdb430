"""Every byte of a path survives (issue 15, defect 3): names that are not UTF-8
are shown with escapes, stored as their bytes, and never stop a run."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

import conftest
from argmine import runner as runner_module
from argmine.cli import app
from argmine.display import display_path

LATIN1_NAME = b"caf\xe9.txt"  # 'café' saved by a Latin-1 system: not UTF-8
BAD_FOLDER = b"d\xff"


@pytest.fixture
def corpus(tmp_path, monkeypatch) -> Path:
    if not os.path.supports_unicode_filenames and os.name != "posix":
        pytest.skip("needs byte file names")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setattr(runner_module, "pipeline_extract", conftest.fake_extract)
    root = os.fsencode(tmp_path / "corpus")
    os.mkdir(root)
    with open(os.path.join(root, b"a.txt"), "w") as f:
        f.write("Story\n\nJane Doe said that integration would help.\n")
    with open(os.path.join(root, LATIN1_NAME), "w") as f:
        f.write("Story two\n\nBob Stone said that it would fail.\n")
    os.mkdir(os.path.join(root, BAD_FOLDER))
    with open(os.path.join(root, BAD_FOLDER, b"z.txt"), "w") as f:
        f.write("Story three\n\nAnn Lee said that it would help.\n")
    with open(os.path.join(root, b"notes\xff.bin"), "w") as f:
        f.write("not an article")
    return tmp_path / "corpus"


def test_display_path_shows_every_byte():
    assert display_path(os.fsdecode(b"caf\xe9.txt")) == "caf\\xe9.txt"
    assert display_path(b"d\xff/z.txt") == "d\\xff/z.txt"
    assert display_path("two\nlines\x1b[2J.txt") == "two\\nlines\\x1b[2J.txt"
    assert display_path("plain café.txt") == "plain café.txt"


def test_extract_reads_files_and_folders_whose_names_are_not_utf8(corpus):
    result = CliRunner().invoke(app, ["extract", "corpus", "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    docs = [line.split('"doc":"')[1].split('"')[0] for line in result.stdout.splitlines()]
    assert docs == ["a.txt", "caf\\\\xe9.txt", "d\\\\xff/z.txt"]
    assert "Warning: skipped corpus/notes\\xff.bin: not a file argmine reads (.bin;" in result.stderr


def test_store_keeps_the_bytes_of_a_name_and_queries_answer(corpus, tmp_path):
    cli = CliRunner()
    assert cli.invoke(app, ["extract", "corpus", "-f", "jsonl"]).exit_code == 0
    with sqlite3.connect(tmp_path / ".argmine" / "argmine.db") as conn:
        paths = {row[0] for row in conn.execute("SELECT path FROM sources")}
    assert os.fsencode(corpus / os.fsdecode(LATIN1_NAME)) in paths
    assert os.fsencode(corpus / os.fsdecode(BAD_FOLDER) / "z.txt") in paths
    said = cli.invoke(app, ["who-said", "--actor", "Stone", "-f", "jsonl"])
    assert said.exit_code == 0, said.output
    assert '"doc":"caf\\\\xe9.txt"' in said.stdout
    again = cli.invoke(app, ["extract", "corpus", "-f", "jsonl"])  # all from the cache: same names
    assert again.stdout == cli.invoke(app, ["extract", "corpus", "-f", "jsonl"]).stdout


def test_inspect_a_file_whose_name_is_not_utf8(corpus):
    result = CliRunner().invoke(app, ["inspect", os.fsdecode(os.path.join(os.fsencode(corpus), LATIN1_NAME)), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert '"doc": "caf\\\\xe9.txt"' in result.stdout

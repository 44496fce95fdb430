"""Untrusted text never drives the terminal (issue 15, defect 4): control sequences in article
text and file names are removed from tables, Markdown and messages; data formats keep the text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import conftest
from argmine import runner as runner_module
from argmine.cli import app
from argmine.display import terminal_safe

CLEAR = "\x1b[2J\x1b[H"
TITLE = "\x1b]0;pwned\x07"
LINK = "\x1b]8;;https://localhost/x\x1b\\here\x1b]8;;\x1b\\"
C1_CSI = "\x9b31m"
HOSTILE = ("\x1b", "\x07", "\x9b", "\x9d", "\x90")


def _clean(text: str) -> bool:
    return not any(ch in text for ch in HOSTILE)


def test_terminal_safe_removes_sequences_and_keeps_the_words():
    assert terminal_safe(f"Jane{CLEAR} Doe") == "Jane Doe"
    assert terminal_safe(f"{TITLE}Care plan") == "Care plan"
    assert terminal_safe(f"click {LINK} now") == "click here now"
    assert terminal_safe(f"red{C1_CSI}text\x9d8;;x\x9c") == "redtext"
    assert terminal_safe("tabs\tand\nlines stay; bell\x07 and NUL\x00 go") == "tabs\tand\nlines stay; bell and NUL go"
    assert terminal_safe("plain text, “quotes” and £") == "plain text, “quotes” and £"


@pytest.fixture
def hostile(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setattr(runner_module, "pipeline_extract", conftest.fake_extract)
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "one.txt").write_text(
        f"Care plan{TITLE} agreed\n\nJane Doe said that integration{CLEAR} would help {LINK} patients{C1_CSI}.\n\n"
        + "The board met on Tuesday to discuss how hospital and council teams could share one budget.\n\n" * 6
    )
    (folder / f"bad{CLEAR}name.bin").write_text("not an article")
    return folder


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_extract_human_formats_carry_no_control_sequences(hostile, fmt):
    result = CliRunner().invoke(app, ["extract", "corpus", "-f", fmt])
    assert result.exit_code == 0, result.output
    assert "Jane Doe" in result.stdout and "would help" in result.stdout
    assert _clean(result.stdout), repr(result.stdout)


def test_warning_naming_a_file_carries_no_control_sequences(hostile):
    result = CliRunner().invoke(app, ["extract", "corpus", "-f", "jsonl"])
    assert "Warning: skipped corpus/bad" in result.stderr
    assert _clean(result.stderr), repr(result.stderr)


def test_json_keeps_the_text_as_data(hostile):
    result = CliRunner().invoke(app, ["extract", "corpus", "-f", "jsonl"])
    claim = json.loads(result.stdout.splitlines()[0])
    assert CLEAR in claim["text"] and LINK in claim["text"]


def test_who_said_and_inspect_tables_carry_no_control_sequences(hostile):
    cli = CliRunner()
    assert cli.invoke(app, ["extract", "corpus", "-f", "jsonl"]).exit_code == 0
    said = cli.invoke(app, ["who-said", "--actor", "Doe", "-f", "table"])
    assert said.exit_code == 0 and "Jane Doe" in said.stdout
    assert _clean(said.stdout), repr(said.stdout)
    shown = cli.invoke(app, ["inspect", "corpus/one.txt", "-f", "table"])
    assert shown.exit_code == 0 and "Care plan" in shown.stdout
    assert _clean(shown.stdout), repr(shown.stdout)

"""The smaller defects of issue 15 (#14), each with its test. (A URL, inspect's missing file,
a full disk under -o and a killed -o are in test_formats.py and test_destination.py.)"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

import conftest
from argmine import runner as runner_module
from argmine.cli import app, messages
from argmine.records import Actor
from conftest import make_claim, make_document

SENTENCE = "Jane Doe said that integration would help patients across the whole of the Northfield district."


@pytest.fixture
def corpus(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(runner_module, "pipeline_extract", conftest.fake_extract)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "one.txt").write_text(f"Care plans unveiled\n\n{SENTENCE}\n")
    return tmp_path


def _claim_line(**changes) -> str:
    claim = make_claim("a.txt", 1, Actor(id="jane-doe", name="Jane Doe", kind="person"), SENTENCE)
    record = claim.model_dump(mode="json")
    record.update(changes)
    return json.dumps(record)


def test_deeply_nested_json_on_stdin_is_a_one_line_error():
    result = CliRunner().invoke(app, ["who-said", "--actor", "Doe", "-"], input="[" * 100_000 + "\n")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: stdin line 1: not a claim record")
    assert "RecursionError" not in result.stderr


@pytest.mark.parametrize("version", [99, 0])
def test_a_schema_version_argmine_does_not_read_is_refused(version):
    result = CliRunner().invoke(app, ["who-said", "--actor", "Doe", "-"], input=_claim_line(schema_version=version) + "\n")
    assert result.exit_code == 1
    assert result.stderr == f"Error: stdin line 1: schema_version {version} is not one this argmine reads (1)\n"


def test_the_json_result_with_a_foreign_schema_version_is_refused():
    whole = {"schema_version": 99, "documents": [], "actors": [], "claims": [json.loads(_claim_line())]}
    result = CliRunner().invoke(app, ["actors", "-"], input=json.dumps(whole, indent=2))
    assert result.exit_code == 1
    assert "schema_version 99 is not one this argmine reads" in result.stderr


@pytest.mark.parametrize("columns", [50, 40])
def test_a_narrow_terminal_shows_whole_claims_not_a_squeezed_column(corpus, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    result = CliRunner().invoke(app, ["extract", "corpus", "-f", "table"])
    assert result.exit_code == 0, result.output
    assert all(len(line) <= columns for line in result.stdout.splitlines())
    flowing = " ".join(result.stdout.split())
    assert "Claim: integration would help patients across the whole of the Northfield district." in flowing
    assert "Actor: Jane Doe (person)" in flowing


def test_a_wide_terminal_keeps_the_table(corpus, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    result = CliRunner().invoke(app, ["extract", "corpus", "-f", "table"])
    assert "┃ Actor" in result.stdout and "Claim:" not in result.stdout


def test_markdown_output_escapes_markup_in_article_text():
    from argmine.output import OutputFormat, render_to_string
    from argmine.results import DocumentResult

    text = "Lee said *this* is [a link](http://x) and <b>bold</b> with `code`."
    claim = make_claim("x.txt", 1, Actor(id="lee", name="Lee_Ann", kind="person"), text, cue=None)
    out = render_to_string([DocumentResult(doc="x.txt", claims=[claim], document=make_document("x.txt", text))], OutputFormat.markdown)
    row = next(line for line in out.splitlines() if line.startswith("| 1 "))
    assert "Lee\\_Ann" in row
    assert "\\*this\\* is \\[a link\\](http://x) and \\<b\\>bold\\</b\\> with \\`code\\`." in row


def test_the_closing_summary_counts_in_the_singular(corpus, monkeypatch):
    buffer = io.StringIO()
    monkeypatch.setattr(messages, "_stderr_console", Console(file=buffer, force_terminal=True, color_system=None, width=200))
    result = CliRunner().invoke(app, ["extract", "corpus", "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    assert re.search(r"^1 document \(1 extracted, 0 cached\) · 1 claim · store ", buffer.getvalue(), re.M), buffer.getvalue()


@pytest.mark.parametrize("command", ["extract", "who-said", "actors", "inspect", "evaluate", "schema"])
def test_help_speaks_the_users_words_not_pythons(command):
    result = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    for internal in ("list[", "<int", "<str>", "<file>", "<path>", "{paths}", "range>"):
        assert internal not in result.stdout, (internal, result.stdout)


def test_a_stored_documents_warning_is_not_repeated_on_every_run(corpus):
    (corpus / "corpus" / "legacy.txt").write_bytes(
        b"Old page\r\n\r\nBob Stone said that the merger will fail \x96 and soon.\r\n"
    )
    cli = CliRunner()
    first = cli.invoke(app, ["extract", "corpus", "-f", "jsonl"])
    assert "Warning: legacy.txt: not UTF-8; decoded as cp1252" in first.stderr
    again = cli.invoke(app, ["extract", "corpus", "-f", "jsonl"])
    assert again.exit_code == 0 and again.stdout == first.stdout
    assert again.stderr == ""

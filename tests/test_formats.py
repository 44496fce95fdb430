"""What argmine reads and writes, said plainly (issue 15, defect 10 and the URL of 14):
a named HTML file is refused with a reason, not parsed raw; an output name that says no
format is a usage error naming the formats."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

import conftest
from argmine import runner as runner_module
from argmine.cli import app
from argmine.ingest.formats import refused_by_content, refused_by_name

ARTICLE = "Plans unveiled\n\nJane Doe said that integration would help patients.\n"
PAGE = "<!DOCTYPE html>\n<html><head><title>Plans</title></head><body><p>Jane Doe said that integration would help.</p></body></html>\n"
HTML_REASON = "HTML is not read yet; save the page as plain text (.txt) first"


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(runner_module, "pipeline_extract", conftest.fake_extract)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "one.txt").write_text(ARTICLE)
    (tmp_path / "page.html").write_text(PAGE)
    return tmp_path


def test_formats_refuse_html_by_name_and_by_content():
    assert refused_by_name(Path("a/page.HTML")) == HTML_REASON
    assert refused_by_name(Path("notes.txt")) is None
    assert refused_by_content(b"\xef\xbb\xbf  <!doctype HTML>\n<html>") == HTML_REASON
    assert refused_by_content(ARTICLE.encode()) is None


def test_extract_a_named_html_file_says_why_it_is_not_read(folder):
    result = CliRunner().invoke(app, ["extract", "page.html", "-f", "jsonl"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"Warning: skipped page.html: {HTML_REASON}\nError: nothing to read in page.html (1 skipped)\n"


def test_extract_html_in_a_folder_or_named_txt_is_refused_alike(folder):
    (folder / "corpus" / "page.html").write_text(PAGE)
    (folder / "corpus" / "saved.txt").write_text(PAGE)
    result = CliRunner().invoke(app, ["extract", "corpus", "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    assert f"Warning: skipped corpus/page.html: {HTML_REASON}" in result.stderr
    assert f"Warning: skipped corpus/saved.txt: {HTML_REASON}" in result.stderr
    assert [line.count('"doc":"one.txt"') for line in result.stdout.splitlines()] == [1]


def test_inspect_a_named_html_file_names_it(folder):
    result = CliRunner().invoke(app, ["inspect", "page.html"])
    assert result.exit_code == 1
    assert result.stderr == f"Error: page.html: {HTML_REASON}\n"


def test_inspect_a_missing_file_names_it(folder):
    result = CliRunner().invoke(app, ["inspect", "gone.txt"])
    assert result.exit_code == 1
    assert result.stderr == "Error: gone.txt: no such file\n"


def test_a_url_is_not_called_a_missing_file(folder):
    result = CliRunner().invoke(app, ["extract", "https://example.org/story"])
    assert result.exit_code == 1
    assert "a web address: argmine reads files; save the page as text first" in result.stderr
    assert "no such file" not in result.stderr


@pytest.mark.parametrize("name", ["claims.xlsx", "claims"])
def test_an_output_name_that_says_no_format_is_a_usage_error(folder, name):
    result = CliRunner().invoke(app, ["extract", "corpus", "-o", name])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: cannot tell the format of --output {name}")
    assert "-f table|json|jsonl|csv|markdown" in result.stderr
    assert not (folder / name).exists() and not (folder / ".argmine").exists()  # nothing done


def test_an_output_name_without_suffix_is_fine_with_a_format(folder):
    result = CliRunner().invoke(app, ["extract", "corpus", "-o", "claims", "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert (folder / "claims").read_text().startswith("schema_version,")


def test_evaluate_output_name_that_says_no_format_is_a_usage_error(folder):
    (folder / "gold").mkdir()
    result = CliRunner().invoke(app, ["evaluate", "--gold", "gold", "corpus", "-o", "report.xlsx"])
    assert result.exit_code == 2
    assert "-f table|json" in result.stderr


def test_an_output_fifo_is_written_as_a_pipe(folder):
    fifo = folder / "stream"
    os.mkfifo(fifo)
    got: list[str] = []

    def read() -> None:
        with open(fifo, encoding="utf-8") as f:
            got.append(f.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    result = CliRunner().invoke(app, ["extract", "corpus", "-o", "stream"])
    reader.join(timeout=10)
    assert result.exit_code == 0, result.output
    assert got and got[0].startswith('{"schema_version":1,')  # JSON Lines, as in a pipe

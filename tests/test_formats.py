"""What argmine reads and writes, said plainly (issue 15, defect 10 and the URL of 14):
an HTML page is read as a web page, never parsed raw (also when saved as .txt), and
without its reader the file is skipped with the install line; a format argmine does not
read is refused with a reason; an output name that says no format is a usage error
naming the formats."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

import conftest
from argmine import runner as runner_module
from argmine.cli import app
from argmine.ingest import read_article
from argmine.ingest.formats import format_by_content, looks_like_html, missing_library, refused_by_name

ARTICLE = "Plans unveiled\n\nJane Doe said that integration would help patients.\n"
PAGE = "<!DOCTYPE html>\n<html><head><title>Plans</title></head><body><p>Jane Doe said that integration would help.</p></body></html>\n"
HTML_EXTRA = "reading .html files needs the html extra: pip install 'argmine[html]'"
DOC_REASON = "old Word .doc files are not read; save the document as .docx first"


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(runner_module, "pipeline_extract", conftest.fake_extract)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "one.txt").write_text(ARTICLE)
    (tmp_path / "page.html").write_text(PAGE)
    return tmp_path


def test_formats_read_html_by_name_and_by_content_and_refuse_old_word():
    assert refused_by_name(Path("a/page.HTML")) is None
    assert refused_by_name(Path("a/letter.DOC")) == DOC_REASON
    assert refused_by_name(Path("notes.txt")) is None
    assert looks_like_html(b"\xef\xbb\xbf  <!doctype HTML>\n<html>")
    assert format_by_content("text", PAGE.encode()) == "html"
    assert format_by_content("text", ARTICLE.encode()) == "text"
    assert format_by_content("pdf", PAGE.encode()) == "pdf"


@pytest.fixture
def no_html_reader(monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "trafilatura" else real(name, *a))
    assert missing_library("html") == HTML_EXTRA


def test_extract_a_named_html_file_without_its_reader_says_why(folder, no_html_reader):
    result = CliRunner().invoke(app, ["extract", "page.html", "-f", "jsonl"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"Warning: skipped page.html: {HTML_EXTRA}\nError: nothing to read in page.html (1 skipped)\n"


def test_html_in_a_folder_or_named_txt_without_its_reader_is_skipped_alike(folder, no_html_reader):
    (folder / "corpus" / "page.html").write_text(PAGE)
    (folder / "corpus" / "saved.txt").write_text(PAGE)
    result = CliRunner().invoke(app, ["extract", "corpus", "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    assert f"Warning: skipped corpus/page.html: {HTML_EXTRA}" in result.stderr
    assert f"Warning: skipped corpus/saved.txt: {HTML_EXTRA}" in result.stderr
    assert [line.count('"doc":"one.txt"') for line in result.stdout.splitlines()] == [1]


def test_inspect_a_named_html_file_without_its_reader_names_it(folder, no_html_reader):
    result = CliRunner().invoke(app, ["inspect", "page.html"])
    assert result.exit_code == 1
    assert result.stderr == f"Error: page.html: {HTML_EXTRA}\n"


def test_a_page_saved_as_txt_is_read_as_the_web_page_it_is(folder):
    pytest.importorskip("trafilatura")
    (folder / "corpus" / "saved.txt").write_text(PAGE)
    article = read_article(folder / "corpus" / "saved.txt", "saved.txt")
    assert (article.document.format, article.document.offsets_into) == ("html", "extracted")
    assert article.text == "Jane Doe said that integration would help."
    result = CliRunner().invoke(app, ["extract", "corpus", "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    assert "Warning" not in result.stderr


def test_an_old_word_file_is_refused_with_a_reason(folder):
    (folder / "corpus" / "letter.doc").write_bytes(b"\xd0\xcf\x11\xe0 an old binary .doc")
    result = CliRunner().invoke(app, ["extract", "corpus", "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    assert f"Warning: skipped corpus/letter.doc: {DOC_REASON}" in result.stderr
    result = CliRunner().invoke(app, ["inspect", "corpus/letter.doc"])
    assert result.exit_code == 1
    assert result.stderr == f"Error: corpus/letter.doc: {DOC_REASON}\n"


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

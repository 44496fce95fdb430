"""Metadata from outside the documents: the sidecar file (--metadata) and dates in file names
(--name-date), through the library, the runner's cache and the CLI."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import conftest
from argmine import runner as runner_module
from argmine.cli import app
from argmine.dates import NamePattern
from argmine.errors import UsageError
from argmine.metadata_sidecar import MetadataOverrides, Sidecar, keyed
from argmine.runner import ExtractRun
from argmine.store import Store

STORY = "Harbour plans\n\nPublished 3 May 2019\n\nMara Lind said that the new harbour would help fishermen.\n"


@pytest.fixture(autouse=True)
def _setting(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(runner_module, "pipeline_extract", conftest.fake_extract)
    (tmp_path / "corpus" / "local").mkdir(parents=True)
    (tmp_path / "corpus" / "local" / "harbour-2019-05-06.txt").write_text(STORY)
    (tmp_path / "corpus" / "plain.txt").write_text("Notes\n\nOle Berg said that the bridge would fail.\n")


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def documents(stdout: str) -> dict:
    return {d["doc"]: d["meta"] for d in json.loads(stdout)["documents"]}


# --------------------------------------------------------------------------- reading the sidecar


def test_sidecar_csv_rows_by_file_with_dates_read_as_iso(tmp_path):
    path = write(tmp_path / "m.csv", "file,date,outlet,author,section\nlocal/a.txt,3 May 2019,The Coast,Ann Lee,news\nb.txt,,,,\n")
    sidecar = Sidecar.read(path)
    assert sidecar.rows == {"local/a.txt": {"date": "2019-05-03", "outlet": "The Coast", "author": "Ann Lee", "section": "news"}, "b.txt": {}}


def test_sidecar_json_lines(tmp_path):
    path = write(tmp_path / "m.jsonl", '{"file": "a.txt", "date": "2019-05", "title": "T"}\n\n{"file": "b.txt", "outlet": "X"}\n')
    assert Sidecar.read(path).rows == {"a.txt": {"date": "2019-05", "title": "T"}, "b.txt": {"outlet": "X"}}


@pytest.mark.parametrize(
    "name, text, message",
    [
        ("m.txt", "file,date\n", "use a CSV"),
        ("m.csv", "name,date\na,2019\n", "no 'file' column"),
        ("m.csv", "file,date\na,someday\n", "row 1 (a): 'someday' is not a date"),
        ("m.csv", "file,date\na,2019\na,2020\n", "listed twice"),
        ("m.csv", "file,date\n,2019\n", "row 1 has no file"),
        ("m.jsonl", '{"file": "a"}\n[1]\n', "row 2 is not a JSON object"),
    ],
)
def test_sidecar_errors_are_one_line_usage_errors(tmp_path, name, text, message):
    with pytest.raises(UsageError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Sidecar.read(write(tmp_path / name, text))


def test_sidecar_matches_the_document_name_then_a_bare_file_name(tmp_path):
    sidecar = Sidecar.read(write(tmp_path / "m.csv", "file,outlet\nlocal/a.txt,Full\nb.txt,Bare\nother/c.txt,Elsewhere\n"))
    overrides = MetadataOverrides(sidecar=sidecar)
    assert overrides.for_document("local/a.txt", "corpus/local/a.txt") == {"outlet": "Full"}
    assert overrides.for_document("deep/b.txt", "corpus/deep/b.txt") == {"outlet": "Bare"}
    assert overrides.for_document("c.txt", "corpus/c.txt") == {}  # a path names one document only
    assert sidecar.unused() == ["other/c.txt"]


def test_name_pattern_and_sidecar_precedence():
    overrides = MetadataOverrides(name_pattern=NamePattern(r"\d{4}-\d{2}-\d{2}"))
    assert overrides.for_document("x/story-2019-05-06.txt", "x/story-2019-05-06.txt") == {"date": "2019-05-06", "date_source": "name"}
    assert overrides.for_document("story.txt", "story.txt") == {}


def test_overrides_change_the_cache_key_only_when_there_are_some():
    assert keyed("abc", {}) == "abc"
    assert keyed("abc", {"date": "2019"}) != keyed("abc", {"date": "2020"}) != "abc"


# --------------------------------------------------------------------------- through the runner and its cache


def test_run_applies_the_sidecar_over_the_page_and_reruns_when_it_changes(tmp_path):
    side = write(tmp_path / "m.csv", "file,date,outlet\nharbour-2019-05-06.txt,2019-06-01,The Coast\n")
    with Store(tmp_path / "s.db") as store:
        run = ExtractRun(["corpus"], store=store, metadata=MetadataOverrides(sidecar=Sidecar.read(side)))
        metas = {r.doc: r.document.meta for r in run}
        assert metas["local/harbour-2019-05-06.txt"].date == "2019-06-01"
        assert metas["local/harbour-2019-05-06.txt"].date_source == "metadata"
        assert metas["local/harbour-2019-05-06.txt"].outlet == "The Coast"
        assert metas["plain.txt"].date is None
        write(side, "file,date\nharbour-2019-05-06.txt,2019-07\n")
        again = ExtractRun(["corpus"], store=store, metadata=MetadataOverrides(sidecar=Sidecar.read(side)))
        metas = {r.doc: r.document.meta for r in again}
        assert metas["local/harbour-2019-05-06.txt"].date == "2019-07"
        assert (again.stats.extracted, again.stats.cached) == (1, 1)  # the file the sidecar names is read anew


def test_dates_from_each_source(tmp_path):
    """The page's date, then the file name's pattern over it, then the sidecar over both."""
    args = ["extract", "corpus", "-f", "json", "--store", "s.db"]
    page = CliRunner().invoke(app, args)
    assert page.exit_code == 0, page.stderr
    meta = documents(page.stdout)["local/harbour-2019-05-06.txt"]
    assert (meta["date"], meta["date_source"]) == ("2019-05-03", "page")
    named = CliRunner().invoke(app, [*args, "--name-date", r"(\d{4}-\d{2}-\d{2})", "--name-date-format", "yyyy-MM-dd"])
    meta = documents(named.stdout)["local/harbour-2019-05-06.txt"]
    assert (meta["date"], meta["date_source"]) == ("2019-05-06", "name")
    write(tmp_path / "m.jsonl", '{"file": "local/harbour-2019-05-06.txt", "date": "2019-05-09", "author": "Kai Moe"}\n')
    given = CliRunner().invoke(app, [*args, "--name-date", r"\d{4}-\d{2}-\d{2}", "--metadata", "m.jsonl"])
    meta = documents(given.stdout)["local/harbour-2019-05-06.txt"]
    assert (meta["date"], meta["date_source"], meta["author"]) == ("2019-05-09", "metadata", "Kai Moe")


def test_cli_warns_about_sidecar_rows_that_named_no_document(tmp_path):
    write(tmp_path / "m.csv", "file,date\nplain.txt,2018\nmissing.txt,2017\n")
    result = CliRunner().invoke(app, ["extract", "corpus", "-f", "jsonl", "--store", "s.db", "--metadata", "m.csv"])
    assert result.exit_code == 0, result.stderr
    assert "Warning: --metadata: 1 row named no document read: missing.txt" in result.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (["--metadata", "nope.csv"], "--metadata nope.csv: no such file"),
        (["--name-date", "("], "--name-date '(' is not a regular expression"),
        (["--name-date-format", "yyyy"], "--name-date-format needs --name-date"),
        (["--name-date", "x", "--name-date-format", "MM-dd"], "has no year"),
    ],
)
def test_cli_bad_metadata_options_fail_with_one_line(args, message):
    result = CliRunner().invoke(app, ["extract", "corpus", "--store", "s.db", *args])
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""

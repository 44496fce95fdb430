"""--since / --until: `query.in_date_range` at each date's precision, and both query commands."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import conftest
from argmine import runner as runner_module
from argmine.cli import app
from argmine.dates import DateRange
from argmine.query import ClaimSource, in_date_range
from argmine.records import DocumentMeta
from argmine.results import DocumentResult
from conftest import make_actor, make_claim, make_document


def source_dated(*dates) -> ClaimSource:
    """One document per date, each with one claim by Ida Holm."""
    results = []
    for n, value in enumerate(dates):
        doc = f"d{n}.txt"
        document = make_document(doc, "Ida Holm said it would help.")
        document.meta = DocumentMeta(date=value)
        actor = make_actor("Ida Holm")
        results.append(DocumentResult.of(document, [actor], [make_claim(doc, 1, actor, "Ida Holm said it would help.")]))
    return ClaimSource.of_results(results)


def kept_docs(found) -> list[str]:
    return [row.doc for row in found.source.rows]


@pytest.mark.parametrize(
    "span, docs",
    [
        (DateRange(), ["d0.txt", "d1.txt", "d2.txt", "d3.txt", "d4.txt"]),
        (DateRange(since="2015-03-15"), ["d1.txt", "d2.txt", "d3.txt"]),  # "2015-03" may mean the 20th: kept
        (DateRange(until="2015-03-10"), ["d0.txt", "d1.txt"]),
        (DateRange(since="2015-03-27", until="2015-12"), ["d1.txt", "d3.txt"]),
        (DateRange(until="2014"), []),
    ],
)
def test_in_date_range_compares_at_each_dates_precision(span, docs):
    found = in_date_range(source_dated("2015-01-02", "2015-03", "2015-03-26", "2015-06-01T09:30", None), span)
    assert kept_docs(found) == docs
    assert found.undated == (0 if span.open else 1)
    assert found.outside == (0 if span.open else 4 - len(docs))


STORIES = {
    "harbour-2019-05-06.txt": "Harbour\n\nMara Lind said that the harbour would help fishermen.\n",
    "bridge-2020-01.txt": "Bridge\n\nMara Lind said that the bridge would fail.\n",
    "notes.txt": "Notes\n\nMara Lind said that the tunnel would help.\n",
}


@pytest.fixture
def dated_store(tmp_path, monkeypatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(runner_module, "pipeline_extract", conftest.fake_extract)
    (tmp_path / "c").mkdir()
    for name, text in STORIES.items():
        (tmp_path / "c" / name).write_text(text)
    cli = CliRunner()
    result = cli.invoke(app, ["extract", "c", "-f", "jsonl", "--store", "s.db", "--name-date", r"\d{4}-\d{2}(?:-\d{2})?"])
    assert result.exit_code == 0, result.stderr
    return cli


def test_who_said_since_until(dated_store):
    since = dated_store.invoke(app, ["who-said", "-a", "Lind", "--since", "2019-06", "-f", "jsonl", "--store", "s.db"])
    assert since.exit_code == 0, since.stderr
    assert [json.loads(line)["doc"] for line in since.stdout.splitlines()] == ["bridge-2020-01.txt"]
    assert since.stderr == "1 claim from undated documents left out (--since/--until keep dated documents only)\n"
    until = dated_store.invoke(app, ["who-said", "-a", "Lind", "--until", "May 2019", "-f", "jsonl", "--store", "s.db"])
    assert [json.loads(line)["doc"] for line in until.stdout.splitlines()] == ["harbour-2019-05-06.txt"]


def test_actors_since_until(dated_store):
    result = dated_store.invoke(app, ["actors", "--since", "2019", "--until", "2019", "-f", "jsonl", "--store", "s.db"])
    assert result.exit_code == 0, result.stderr
    [row] = [json.loads(line) for line in result.stdout.splitlines()]
    assert (row["name"], row["docs"], row["claims"]) == ("Mara Lind", ["harbour-2019-05-06.txt"], 1)
    assert "1 claim from undated documents left out" in result.stderr
    every = dated_store.invoke(app, ["actors", "-f", "jsonl", "--store", "s.db"])
    assert json.loads(every.stdout)["claims"] == 3 and every.stderr == ""


@pytest.mark.parametrize(
    "args, message",
    [
        (["--since", "someday"], "--since 'someday' is not a date"),
        (["--since", "2020", "--until", "2019"], "--since 2020 is after --until 2019"),
    ],
)
def test_bad_dates_are_usage_errors(dated_store, args, message):
    result = dated_store.invoke(app, ["actors", "--store", "s.db", *args])
    assert result.exit_code == 2 and message in result.stderr

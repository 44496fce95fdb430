"""Corpus files (CSV, TSV, JSON Lines, Parquet): one document per row, claims pointing back to the row.

The CLI tests use the stand-in pipeline (conftest.fake_extract): real reading, store and runner.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import conftest
from argmine import runner as runner_module
from argmine.cli import app
from argmine.errors import InputError, UsageError
from argmine.ingest import Skipped, iter_articles, read_row
from argmine.ingest.corpus_files import Columns, CorpusOptions, parse_meta_mapping

ROWS = [
    {"story_id": "s1", "headline": "Trusts merge", "body": "Jane Doe said that integration would help patients.",
     "published_at": "2024-03-01", "source": "Daily Courier", "desk": "health"},
    {"story_id": "s2", "headline": "Doubts", "body": "Bob Stone warned that the merger will fail.\n\nNobody else spoke.",
     "published_at": "2024-03-02", "source": "Evening Post", "desk": "politics"},
    {"story_id": "s3", "headline": "Nothing", "body": "", "published_at": "", "source": "", "desk": ""},
]


def write_csv(path: Path, rows=ROWS, delimiter=",") -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_jsonl(path: Path, rows=ROWS) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def cli(tmp_path, monkeypatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(runner_module, "pipeline_extract", conftest.fake_extract)
    return CliRunner()


def test_corpus_columns_found_by_common_names() -> None:
    columns = Columns.choose(list(ROWS[0]), CorpusOptions(), "x.csv")
    assert (columns.text, columns.id) == ("body", "story_id")
    assert columns.meta == {"title": "headline", "date": "published_at", "outlet": "source"}


def test_corpus_named_columns_and_meta_mapping() -> None:
    options = CorpusOptions(text_column="Body", id_column="headline", meta=parse_meta_mapping("section=desk, date=published_at"))
    columns = Columns.choose(list(ROWS[0]), options, "x.csv")
    assert (columns.text, columns.id, columns.meta["section"], columns.meta["date"]) == ("body", "headline", "desk", "published_at")


def test_corpus_missing_columns_are_one_line_errors() -> None:
    with pytest.raises(InputError, match="no text column .*--text-column"):
        Columns.choose(["file", "date"], CorpusOptions(), "metadata.csv")
    with pytest.raises(InputError, match="no column 'words' for --text-column"):
        Columns.choose(list(ROWS[0]), CorpusOptions(text_column="words"), "x.csv")
    with pytest.raises(UsageError, match="NAME=COLUMN"):
        parse_meta_mapping("date")


@pytest.mark.parametrize("writer", [write_csv, write_jsonl])
def test_corpus_rows_become_documents_with_offsets_into_their_text(tmp_path: Path, writer) -> None:
    path = writer(tmp_path / ("news.csv" if writer is write_csv else "news.jsonl"))
    items = list(iter_articles([path], corpus=CorpusOptions(meta={"section": "desk"})))
    articles = [i for i in items if not isinstance(i, Skipped)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [a.document.doc for a in articles] == [f"{path.name}#s1", f"{path.name}#s2"]
    first = articles[0].document
    assert (first.row, first.offsets_into, first.meta.date, first.meta.outlet, first.meta.title) == (
        "s1", "text", "2024-03-01", "Daily Courier", "Trusts merge"
    )
    assert first.meta.extra == {"section": "health"}
    assert articles[1].text == ROWS[1]["body"]
    assert [(s.path, s.reason) for s in skipped] == [(f"{path.name}#s3", "no text in column 'body'")]


def test_corpus_semicolon_csv_and_row_numbers_without_id(tmp_path: Path) -> None:
    rows = [{"Text": "First text here.", "Outlet": "A"}, {"Text": "Second text here.", "Outlet": "B"}]
    path = write_csv(tmp_path / "plain.csv", rows, delimiter=";")
    docs = [a.document for a in iter_articles([path])]
    assert [(d.doc, d.row, d.meta.outlet) for d in docs] == [("plain.csv#1", "1", "A"), ("plain.csv#2", "2", "B")]


def test_corpus_bad_json_line_costs_that_row_only(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text('{"text": "One."}\nnot json\n[1, 2]\n{"text": "Two."}\n', encoding="utf-8")
    items = list(iter_articles([path]))
    assert [getattr(i, "reason", None) for i in items] == [None, "not valid JSON", "not a JSON object", None]
    assert [i.document.row for i in items if not isinstance(i, Skipped)] == ["1", "4"]


def test_corpus_repeated_ids_keep_apart(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "c.jsonl", [{"id": "x", "text": "One."}, {"id": "x", "text": "Two."}])
    assert [a.document.doc for a in iter_articles([path])] == ["c.jsonl#x", "c.jsonl#x~2"]


def test_read_row_by_id(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "news.csv")
    assert read_row(path, "s2").text == ROWS[1]["body"]
    with pytest.raises(InputError, match="no row 'zz'"):
        read_row(path, "zz")


def test_parquet_rows(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    path = tmp_path / "news.parquet"
    pq.write_table(pa.Table.from_pylist(ROWS), path)
    docs = [a.document for a in iter_articles([path]) if not isinstance(a, Skipped)]
    assert [(d.doc, d.format, d.meta.outlet) for d in docs] == [
        ("news.parquet#s1", "parquet", "Daily Courier"), ("news.parquet#s2", "parquet", "Evening Post")
    ]


def test_cli_extract_corpus_claims_point_back_to_their_rows(cli: CliRunner, tmp_path: Path) -> None:
    write_csv(tmp_path / "news.csv")
    result = cli.invoke(app, ["extract", "news.csv", "-f", "jsonl", "--meta", "section=desk"])
    assert result.exit_code == 0, result.output
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(c["id"], c["row"], c["actor"]["name"]) for c in claims] == [
        ("news.csv#s1#1", "s1", "Jane Doe"), ("news.csv#s2#1", "s2", "Bob Stone")
    ]
    body = ROWS[1]["body"]
    assert body[claims[1]["start"] : claims[1]["end"]] == claims[1]["text"]
    assert "skipped news.csv#s3: no text in column 'body'" in result.stderr


def test_cli_extract_corpus_rows_cached_one_by_one(cli: CliRunner, tmp_path: Path) -> None:
    write_jsonl(tmp_path / "news.jsonl")
    first = cli.invoke(app, ["extract", "news.jsonl", "-f", "json"])
    second = cli.invoke(app, ["extract", "news.jsonl", "-f", "json"])
    assert first.exit_code == second.exit_code == 0
    assert json.loads(first.stdout) == json.loads(second.stdout)
    documents = json.loads(second.stdout)["documents"]
    assert [(d["doc"], d["row"], d["meta"]["outlet"]) for d in documents] == [
        ("news.jsonl#s1", "s1", "Daily Courier"), ("news.jsonl#s2", "s2", "Evening Post")
    ]
    who = cli.invoke(app, ["who-said", "--actor", "Bob Stone", "-f", "jsonl"])
    assert who.exit_code == 0, who.output
    assert [json.loads(line)["doc"] for line in who.stdout.splitlines()] == ["news.jsonl#s2"]


def test_cli_corpus_without_text_column_is_named(cli: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "meta.csv").write_text("file,date\na.txt,2024-01-01\n", encoding="utf-8")
    result = cli.invoke(app, ["extract", "meta.csv", "-f", "jsonl"])
    assert result.exit_code == 1
    assert "skipped meta.csv: no text column (columns: file, date); name it with --text-column" in result.stderr


def test_cli_bad_meta_option_is_a_usage_error(cli: CliRunner, tmp_path: Path) -> None:
    write_csv(tmp_path / "news.csv")
    result = cli.invoke(app, ["extract", "news.csv", "--meta", "date"])
    assert result.exit_code == 2
    assert "--meta takes NAME=COLUMN pairs" in result.stderr


def test_cli_inspect_text_of_a_row(cli: CliRunner, tmp_path: Path) -> None:
    write_csv(tmp_path / "news.csv")
    result = cli.invoke(app, ["inspect", "news.csv", "--row", "s2", "--text"])
    assert (result.exit_code, result.stdout) == (0, ROWS[1]["body"])
    bare = cli.invoke(app, ["inspect", "news.csv"])
    assert bare.exit_code == 2 and "name a row with --row ID" in bare.stderr

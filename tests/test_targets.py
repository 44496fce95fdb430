"""One target per query, named in every table and record, never mixed (issue 15, defect 2)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

import conftest
from argmine import runner as runner_module
from argmine.cli import app
from argmine.store import Store

ONE = "Care plans\n\nJane Doe said that integration would help patients.\n"
TWO = "Second story\n\nJane Doe argued that silos fail everyone.\n\nBob Stone said that the plan would help.\n"


def _extract_about_the_target(articles, target, versions):
    """The stand-in pipeline, its claims about the run's target (as the real pipeline's are)."""
    from argmine.target import resolve_target

    name = resolve_target(target).name
    found = conftest.fake_extract(articles, target, versions)
    for result in found:
        result.claims[:] = [c.model_copy(update={"target": name}) for c in result.claims]
    return found


@pytest.fixture
def two_targets(tmp_path, monkeypatch) -> CliRunner:
    """`extract corpus/` about integration, then one of its files again about privatisation."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setattr(runner_module, "pipeline_extract", _extract_about_the_target)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "one.txt").write_text(ONE)
    (tmp_path / "corpus" / "two.txt").write_text(TWO)
    cli = CliRunner()
    assert cli.invoke(app, ["extract", "corpus", "-f", "jsonl"]).exit_code == 0
    assert cli.invoke(app, ["extract", "corpus/one.txt", "--target", "privatisation", "-f", "jsonl"]).exit_code == 0
    return cli


def test_a_store_about_two_targets_asks_which_for_who_said(two_targets):
    result = two_targets.invoke(app, ["who-said", "--actor", "Doe"])
    assert result.exit_code == 2
    assert result.stderr == "Error: claims here are about several targets (integration, privatisation): pass --target NAME\n"


def test_actors_about_two_targets_are_grouped_by_target_never_mixed(two_targets):
    result = two_targets.invoke(app, ["actors", "-f", "jsonl"])
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["target"] for r in rows] == sorted(r["target"] for r in rows)
    assert {r["target"] for r in rows} == {"integration", "privatisation"}
    by_target = {(r["name"], r["target"]): r["docs"] for r in rows}
    assert by_target[("Jane Doe", "privatisation")] == ["one.txt"]


def test_who_said_answers_about_one_target_only(two_targets):
    for target, docs in (("integration", ["one.txt", "two.txt"]), ("privatisation", ["one.txt"])):
        result = two_targets.invoke(app, ["who-said", "--actor", "Jane Doe", "--target", target, "-f", "jsonl"])
        assert result.exit_code == 0, result.output
        records = [json.loads(line) for line in result.stdout.splitlines()]
        assert [r["doc"] for r in records] == docs
        assert {r["target"] for r in records} == {target}


def test_actors_answer_about_one_target_and_name_it(two_targets):
    result = two_targets.invoke(app, ["actors", "--target", "integration", "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["name"], r["docs"], r["target"]) for r in rows] == [
        ("Jane Doe", ["one.txt", "two.txt"], "integration"),
        ("Bob Stone", ["two.txt"], "integration"),
    ]
    table = two_targets.invoke(app, ["actors", "--target", "privatisation", "-f", "table"])
    assert table.stdout.startswith("target: privatisation\n")
    whole = json.loads(two_targets.invoke(app, ["actors", "--target", "privatisation", "-f", "json"]).stdout)
    assert whole["query"] == {"target": "privatisation"} and {a["target"] for a in whole["actors"]} == {"privatisation"}


def test_who_said_table_names_the_target(two_targets):
    result = two_targets.invoke(app, ["who-said", "--actor", "Doe", "--target", "privatisation", "-f", "table"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "one.txt — Care plans · 1 claim · target privatisation"


def test_an_unknown_target_is_an_error(two_targets):
    result = two_targets.invoke(app, ["actors", "--target", "nonexistent"])
    assert result.exit_code == 2
    assert result.stderr == "Error: no claims about target 'nonexistent' here (claims are about: integration, privatisation)\n"


def test_claims_piped_in_about_two_targets_are_not_mixed(two_targets):
    first = two_targets.invoke(app, ["who-said", "--actor", "Doe", "--target", "integration", "-f", "jsonl"]).stdout
    second = two_targets.invoke(app, ["who-said", "--actor", "Doe", "--target", "privatisation", "-f", "jsonl"]).stdout
    mixed = two_targets.invoke(app, ["who-said", "-a", "Doe", "-"], input=first + second)
    assert mixed.exit_code == 2 and "several targets" in mixed.stderr
    grouped = two_targets.invoke(app, ["actors", "-", "-f", "jsonl"], input=first + second)
    assert sorted(json.loads(line)["target"] for line in grouped.stdout.splitlines()) == ["integration", "privatisation"]
    one = two_targets.invoke(app, ["actors", "-", "--target", "privatisation", "-f", "jsonl"], input=first + second)
    assert one.exit_code == 0 and [json.loads(line)["docs"] for line in one.stdout.splitlines()] == [["one.txt"]]


OLD_SOURCES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE extractions (id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL, pipeline_version TEXT NOT NULL,
    versions TEXT NOT NULL, target TEXT NOT NULL, doc TEXT NOT NULL, document TEXT NOT NULL, actors TEXT NOT NULL,
    claim_count INTEGER NOT NULL, created_at TEXT NOT NULL, UNIQUE (sha256, pipeline_version, versions, target));
CREATE TABLE claims (extraction_id INTEGER NOT NULL, seq INTEGER NOT NULL, actor_name TEXT NOT NULL,
    actor_kind TEXT NOT NULL, stance TEXT NOT NULL, mode TEXT NOT NULL, record TEXT NOT NULL, actor TEXT NOT NULL,
    PRIMARY KEY (extraction_id, seq));
CREATE TABLE sources (path TEXT PRIMARY KEY, doc TEXT NOT NULL, extraction_id INTEGER NOT NULL, seen_at TEXT NOT NULL);
INSERT INTO meta VALUES ('schema_version', '2'), ('records_schema_version', '1');
INSERT INTO extractions VALUES (1, 'abc', 'v', 'latest', 'ltn@1234', 'a.txt', '{}', '[]', 0, 'now');
INSERT INTO sources VALUES ('/data/a.txt', 'a.txt', 1, 'now');
"""


def test_a_store_from_before_is_migrated_with_each_source_under_its_target(tmp_path):
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as conn:
        conn.executescript(OLD_SOURCES)
    with Store(path, create=False) as store:
        assert store.notices == [f"store {path}: migrated from store schema 2 to 4"]
        assert store.targets() == ["ltn"]

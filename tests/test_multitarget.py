"""Several targets in one run: each claim's `stances`, the cache key, and queries by target.

The pipeline runs for real on a small hand-written text: the point is that a
run about two targets reads each as a run about that target alone would.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from argmine.cli import app
from argmine.errors import UsageError
from argmine.ingest import parse_text
from argmine.pipeline import extract_article, pipeline_version
from argmine.runner import target_key
from argmine.store import Store
from argmine.target import resolve_targets

TEXT = (
    "Health plans\n\nThe hospital trust and the council will pool budgets for social care and health services.\n\n"
    "Jane Smith said that integration of health and social care would help patients.\n\n"
    "Bob Jones warned that privatisation of the water companies would fail customers.\n\n"
    "Ann Lee said the weather was fine.\n"
)
BOTH = ("integration", "privatisation")


def entries(claim) -> list[tuple[str, str, str]]:
    return [(e.target, e.stance, e.stance_basis) for e in claim.stances]


def test_two_targets_in_one_run_each_claim_carries_its_stance_toward_each_it_concerns():
    result = extract_article(parse_text(TEXT, "t.txt"), target=BOTH)
    by_actor = {c.actor.name: c for c in result.claims}
    assert entries(by_actor["Jane Smith"]) == [("integration", "support", "content")]
    assert entries(by_actor["Bob Jones"]) == [("integration", "neutral", "none"), ("privatisation", "oppose", "content")]
    assert entries(by_actor["Ann Lee"]) == [("integration", "neutral", "none")]
    for claim in result.claims:  # target and stance stay the first target's, and so does stances[0]
        first = claim.stances[0]
        assert (claim.target, claim.stance, claim.stance_score, claim.stance_basis) == (
            first.target, first.stance, first.stance_score, first.stance_basis,
        )


def test_each_target_is_read_as_a_run_about_it_alone_would_read_it():
    both = extract_article(parse_text(TEXT, "t.txt"), target=BOTH).claims
    alone = {t: extract_article(parse_text(TEXT, "t.txt"), target=t).claims for t in BOTH}
    assert [c.model_dump(exclude={"stances"}) for c in both] == [c.model_dump(exclude={"stances"}) for c in alone["integration"]]
    for claim, single in zip(both, alone["privatisation"]):
        entry = next((e for e in claim.stances if e.target == "privatisation"), None)
        if entry is not None:
            assert (entry.stance, entry.stance_score, entry.stance_basis) == (single.stance, single.stance_score, single.stance_basis)
        else:
            assert single.stance_basis == "none" and single.stance == "neutral"


def test_one_target_run_records_its_one_stance():
    claims = extract_article(parse_text(TEXT, "t.txt"), target="integration").claims
    assert all(len(c.stances) == 1 and c.stances[0].target == "integration" for c in claims)


def test_the_cache_key_holds_every_target_in_order():
    one, two, swapped = resolve_targets("integration"), resolve_targets(list(BOTH)), resolve_targets(list(reversed(BOTH)))
    assert target_key(one) == target_key(one[0])  # one target: the key it always had
    assert len({target_key(one), target_key(two), target_key(swapped)}) == 3
    assert target_key(two).startswith("integration@") and "+privatisation@" in target_key(two)
    assert len({pipeline_version(one), pipeline_version(two)}) == 2


def test_a_target_given_twice_is_a_usage_error():
    with pytest.raises(UsageError, match="given twice"):
        resolve_targets(["integration", "integration"])


@pytest.fixture
def store_of_two(tmp_path, monkeypatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "t.txt").write_text(TEXT)
    cli = CliRunner()
    result = cli.invoke(app, ["extract", "c", "-t", "integration", "-t", "privatisation", "-f", "jsonl", "--store", "s.db"])
    assert result.exit_code == 0, result.stderr
    return cli


def test_cli_extract_two_targets_stores_one_extraction_a_single_target_run_another(tmp_path, store_of_two):
    cli = store_of_two
    again = cli.invoke(app, ["extract", "c", "-t", "integration", "-t", "privatisation", "-f", "jsonl", "--store", "s.db"])
    records = [json.loads(line) for line in again.stdout.splitlines()]
    assert [len(r["stances"]) for r in records] == [1, 2, 1]
    with Store(tmp_path / "s.db") as store:
        assert store.counts()["extractions"] == 1  # the second run was read from the cache
    cli.invoke(app, ["extract", "c", "-t", "integration", "-f", "jsonl", "--store", "s.db"])
    with Store(tmp_path / "s.db") as store:
        assert store.counts()["extractions"] == 2  # one target is another key
        assert store.targets() == ["integration", "privatisation"]


def test_who_said_about_the_second_target_shows_the_claims_that_concern_it(store_of_two):
    result = store_of_two.invoke(app, ["who-said", "-a", "Jones", "-t", "privatisation", "-f", "jsonl", "--store", "s.db"])
    assert result.exit_code == 0, result.stderr
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert (record["target"], record["stance"], record["stance_basis"]) == ("privatisation", "oppose", "content")
    assert [e["target"] for e in record["stances"]] == ["integration", "privatisation"]
    nobody = store_of_two.invoke(app, ["who-said", "-a", "Smith", "-t", "privatisation", "-f", "jsonl", "--store", "s.db"])
    assert nobody.exit_code == 1 and "no actor matches 'Smith'" in nobody.stderr  # none of Smith's claims concern it


def test_actors_group_by_target_and_the_table_names_it(store_of_two, monkeypatch):
    result = store_of_two.invoke(app, ["actors", "-f", "jsonl", "--store", "s.db"])
    rows = [(r["name"], r["target"], r["stance"]) for r in map(json.loads, result.stdout.splitlines())]
    assert rows == [
        ("Ann Lee", "integration", "neutral"),
        ("Bob Jones", "integration", "neutral"),
        ("Jane Smith", "integration", "support"),
        ("Bob Jones", "privatisation", "oppose"),
    ]
    monkeypatch.setenv("COLUMNS", "120")
    table = store_of_two.invoke(app, ["actors", "-f", "markdown", "--store", "s.db"])
    assert table.stdout.splitlines()[0].endswith("| Target |")
    assert "| Bob Jones | person |  | 1 | 1 | oppose | 0/1/0/0 | privatisation |" in table.stdout
    one = store_of_two.invoke(app, ["actors", "-t", "privatisation", "-f", "markdown", "--store", "s.db"])
    assert "Target |" not in one.stdout and "**target**: privatisation" in one.stdout


def test_extract_tables_show_the_other_targets_stances(tmp_path, store_of_two):
    result = store_of_two.invoke(app, ["extract", "c", "-t", "integration", "-t", "privatisation", "-f", "markdown", "--store", "s.db"])
    assert "Target: integration, privatisation" in result.stdout
    assert "| neutral · privatisation: oppose |" in result.stdout
    csv = store_of_two.invoke(app, ["extract", "c", "-t", "integration", "-t", "privatisation", "-f", "csv", "--store", "s.db"])
    assert "integration=neutral; privatisation=oppose" in csv.stdout


def test_python_api_takes_a_list_of_targets():
    import argmine

    claims = argmine.extract([TEXT], target=list(BOTH))
    jones = next(r for r in claims.to_records() if r["actor.name"] == "Bob Jones")
    assert [e["target"] for e in jones["stances"]] == list(BOTH)

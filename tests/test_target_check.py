"""`argmine target check` through the CLI, on small articles and a target written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmine.cli import app

TARGET = {
    "name": "wind",
    "description": "Onshore wind farms.",
    "pro": ["wind farm", "turbines", "onshore wind"],
    "con": ["gas power stations", "never-used term"],
    "anaphors": ["scheme"],
}

ARTICLES = {
    "a.txt": "Wind farm plan divides valley\n\n"
             "The council approved the wind farm on Tuesday. Residents near the ridge fear the turbines will spoil "
             "the view, and the planning committee heard noise complaints from two villages.\n\n"
             "\"The turbines will cut bills for every household,\" said Councillor Mary Hale, who chairs the "
             "planning committee. Opponents said the wind farm would harm the ridge and its noise would carry.\n",
    "b.txt": "Energy firms back onshore wind\n\n"
             "Energy firms told ministers that onshore wind was the cheapest new power. \"Gas power stations are "
             "a relic,\" said Tom Reed, a director of the firms' trade body. The planning committee of the "
             "county will meet again in May to discuss noise from the turbines.\n",
    "c.txt": "Bus timetable changes\n\n"
             "The county will change its bus timetable in June. The planning committee approved a new shelter "
             "at the station. Councillors said the buses were often late, and the committee asked for a report "
             "on fares. The school run will use a new route.\n",
}


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    target = tmp_path / "wind.json"
    target.write_text(json.dumps(TARGET), encoding="utf-8")
    return target, folder


def test_target_check_counts_terms_lists_unused_and_claims(corpus):
    target, folder = corpus
    result = CliRunner().invoke(app, ["target", "check", str(target), str(folder), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    uses = {t["term"]: t for t in report["terms"]}
    assert report["target"] == "wind" and report["documents"] == 3
    assert uses["turbines"]["occurrences"] == 3 and uses["turbines"]["documents"] == 2
    assert uses["gas power stations"]["side"] == "con"
    assert uses["wind farm"]["claims"] >= 1 and uses["wind farm"]["examples"]
    assert "never-used term" in report["unused"] and "turbines" not in report["unused"]
    assert report["claims_with_target"] <= report["claims"]


def test_target_check_ranks_phrases_seen_with_the_target(corpus):
    target, folder = corpus
    result = CliRunner().invoke(app, ["target", "check", str(target), str(folder), "-f", "json"])
    candidates = [c["phrase"] for c in json.loads(result.stdout)["candidates"]]
    # "noise" is only ever near the target; "planning committee" as often away from it
    assert candidates.index("noise") < candidates.index("planning committee")
    assert not any("turbine" in c for c in candidates)  # a term already in the file is no candidate


def test_target_check_table_names_terms_and_candidates(corpus):
    target, folder = corpus
    result = CliRunner().invoke(app, ["target", "check", str(target), str(folder), "-f", "table"])
    assert result.exit_code == 0
    assert "Terms found" in result.stdout and "Candidate terms" in result.stdout
    assert "Never found (1): never-used term" in result.stdout


def test_target_check_bad_target_and_missing_path_are_one_line_errors(corpus, tmp_path):
    target, folder = corpus
    bad = tmp_path / "bad.json"
    bad.write_text("{\"name\": \"x\"}", encoding="utf-8")
    result = CliRunner().invoke(app, ["target", "check", str(bad), str(folder)])
    assert result.exit_code == 1 and "invalid target" in result.stderr and "Traceback" not in result.stderr
    result = CliRunner().invoke(app, ["target", "check", str(target), str(tmp_path / "nowhere")])
    assert result.exit_code == 1 and "no such file or folder" in result.stderr


def test_target_check_has_help_with_an_example():
    result = CliRunner().invoke(app, ["target", "check", "--help"])
    assert result.exit_code == 0 and "Example: argmine target check" in result.stdout

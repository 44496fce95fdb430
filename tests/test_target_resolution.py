"""The target is resolved once, where it enters, and travels as a `Target`."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from argmine import target as target_module
from argmine.cli import app
from argmine.errors import InputError, UsageError
from argmine.target import DEFAULT_TARGET, Target, load_target, resolve_target

SMALL_TARGET = {"name": "ward-rounds", "pro": ["ward rounds", "daily rounds"], "con": ["cancelled rounds"]}


def test_resolve_target_none_is_the_default_and_a_target_is_itself():
    default = resolve_target(None)
    assert default.name == DEFAULT_TARGET
    assert resolve_target(default) is default
    assert resolve_target("privatisation").name == "privatisation"


def test_resolve_target_from_a_definition_keeps_the_fingerprint():
    original = load_target(DEFAULT_TARGET)
    rebuilt = resolve_target(original.model_dump(mode="json"))
    assert isinstance(rebuilt, Target)
    assert rebuilt.fingerprint() == original.fingerprint()
    with pytest.raises(InputError, match="invalid target definition"):
        resolve_target({"name": "x"})
    with pytest.raises(UsageError):
        resolve_target("no-such-target")


def test_extract_reads_a_target_file_once(tmp_path, monkeypatch):
    """CLI check, cache key, pipeline version, stance component and claim records all use one reading."""
    (tmp_path / "rounds.json").write_text(json.dumps(SMALL_TARGET), encoding="utf-8")
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "ward.txt").write_text(
        "Ward rounds return\n\nA senior nurse said that daily rounds would help patients recover sooner.\n",
        encoding="utf-8",
    )
    reads = []
    load_file = target_module._load_file

    def counting(path):
        reads.append(path.name)
        return load_file(path)

    monkeypatch.setattr(target_module, "_load_file", counting)
    result = CliRunner().invoke(
        app,
        ["extract", str(tmp_path / "texts"), "-f", "jsonl", "--target", str(tmp_path / "rounds.json"),
         "--store", str(tmp_path / "s.db")],
    )
    assert result.exit_code == 0, result.stderr
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    assert claims and {c["target"] for c in claims} == {"ward-rounds"}
    assert reads == ["rounds.json"]

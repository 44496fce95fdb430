"""Shared switches mean the same everywhere: ARGMINE_RAISE_ERRORS in the CLI and in ingest."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmine.ingest import Skipped, iter_articles
from argmine.settings import RAISE_ERRORS_ENV, raise_errors_requested


@pytest.mark.parametrize("value, on", [("", False), ("0", False), ("false", False), (" No ", False), ("1", True), ("yes", True)])
def test_raise_errors_switch_values(monkeypatch, value, on):
    monkeypatch.setenv(RAISE_ERRORS_ENV, value)
    assert raise_errors_requested() is on


@pytest.mark.parametrize("value", ["0", "false", "no", ""])
def test_ingest_reads_an_off_switch_as_off(tmp_path: Path, monkeypatch, value):
    import argmine.ingest as ingest

    path = tmp_path / "a.txt"
    path.write_text("A council said the plan would help.\n", encoding="utf-8")

    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(ingest, "segment_text", broken)
    monkeypatch.setenv(RAISE_ERRORS_ENV, value)
    (item,) = list(iter_articles([path]))
    assert isinstance(item, Skipped)
    monkeypatch.setenv(RAISE_ERRORS_ENV, "1")
    with pytest.raises(KeyError):
        list(iter_articles([path]))

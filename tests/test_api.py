"""The Python API: argmine.extract on texts, paths, rows and DataFrames, with the real pipeline."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import argmine
from argmine.errors import UsageError

PAGES = Path(__file__).parent / "data" / "pages"
TEXT = "Hospital plan agreed\n\nThe health minister, Daniel Osei, said the merger would end fragmented care for older patients.\n"


def test_api_texts_give_claims_with_offsets_into_the_string() -> None:
    claims = argmine.extract([TEXT], ids=["memo"])
    assert [(c.doc, c.actor.name, c.mode) for c in claims] == [("memo", "Daniel Osei", "indirect")]
    claim = claims[0]
    assert TEXT[claim.start : claim.end] == claim.text == claims.text("memo")[claim.start : claim.end]
    assert claims.documents[0].offsets_into == "text"


def test_api_paths_of_any_format_and_extracted_text(tmp_path: Path) -> None:
    claims = argmine.extract(PAGES / "news.html")
    assert {c.actor.name for c in claims} >= {"Daniel Osei", "Mark Bellamy"}
    text = argmine.extracted_text(PAGES / "news.html")
    assert all(text[c.start : c.end] == c.text for c in claims)
    assert claims.documents[0].meta.outlet == "The Northern Ledger"


def test_api_rows_and_records_carry_row_ids_and_metadata() -> None:
    rows = [
        {"id": "r1", "text": "Unison warned that the merger would cut community nursing posts.", "outlet": "Courier"},
        {"id": "r2", "text": "", "outlet": "Post"},
    ]
    claims = argmine.extract(rows)
    records = claims.to_records()
    assert [(r["doc"], r["row"], r["actor.name"], r["document.outlet"]) for r in records] == [("r1", "r1", "Unison", "Courier")]
    assert claims.skipped == [("r2", "no text in column 'text'")]


def test_api_to_pandas() -> None:
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame({"story": ["Unison warned that the merger would cut nursing posts."], "key": ["k9"]})
    table = argmine.extract(frame, text_column="story", id_column="key").to_pandas()
    assert list(table["row"]) == ["k9"]
    assert {"actor.name", "content.text", "stance", "document.date"} <= set(table.columns)


def test_api_refuses_what_it_cannot_read() -> None:
    with pytest.raises(UsageError, match="texts, paths, row dicts or a DataFrame"):
        argmine.extract([3.5])


def test_api_resolves_the_target_once_before_reading_anything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from argmine import target as target_module

    with pytest.raises(UsageError, match="unknown target 'no-such-target'"):
        argmine.extract(tmp_path / "never-read.txt", target="no-such-target")
    calls: list[object] = []
    real = target_module.resolve_target
    monkeypatch.setattr(target_module, "resolve_target", lambda value: calls.append(value) or real(value))
    claims = argmine.extract([TEXT, TEXT], ids=["a", "b"], target="integration")
    assert calls[0] == "integration" and all(isinstance(c, target_module.Target) for c in calls[1:])
    assert {c.target for c in claims} == {"integration"}


def test_api_does_not_import_the_cli() -> None:
    code = "import argmine, sys; argmine.Claims; print(any(m.startswith('argmine.cli') or m == 'typer' for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"

"""benchmarks/quality.py: the sentence baseline, and QUALITY.md's table built from small sets
written here (the real sets, and PolNeAR, live outside the repository)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("bench_quality", REPO / "benchmarks" / "quality.py")
quality = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = quality  # dataclasses look their module up there
_spec.loader.exec_module(quality)

TEXT = 'Ward plans\r\n\r\nJane Doe said that the merger would help patients. "It will fail," Bob Stone warned!  Really?\r\n'


def test_sentences_split_at_line_ends_and_sentence_ends():
    spans = list(quality.sentence_spans(TEXT))
    assert [TEXT[s:e] for s, e in spans] == [
        "Ward plans",
        "Jane Doe said that the merger would help patients.",
        '"It will fail," Bob Stone warned!',
        "Really?",
    ]


def test_baseline_claims_are_verbatim_and_neutral():
    claims = quality.sentence_claims("w.txt", TEXT, "author")
    assert all(TEXT[c.start : c.end] == c.text == c.content.text for c in claims)
    assert {(c.mode, c.stance, c.actor.kind, c.rule) for c in claims} == {("author", "neutral", "author", "baseline-sentence")}


def _small_set(root: Path) -> tuple[Path, Path]:
    gold = root / "dev"
    (gold / "texts").mkdir(parents=True)
    (gold / "texts" / "w.txt").write_bytes(TEXT.encode("utf-8"))
    (gold / "w.json").write_text(
        json.dumps(
            {
                "doc": "w.txt",
                "genre": "news",
                "actors": [{"id": "jane", "name": "Jane Doe", "kind": "person"}, {"id": "bob", "name": "Bob Stone", "kind": "person"}],
                "claims": [
                    {"actor": "jane", "anchor": "the merger would help patients", "mode": "indirect", "stance": "support"},
                    {"actor": "bob", "anchor": "It will fail", "mode": "direct", "stance": "oppose"},
                ],
            }
        )
    )
    return gold, gold / "texts"


def test_quality_table_has_argmine_groups_and_baselines(tmp_path):
    result = quality.run_claim_set("dev", *_small_set(tmp_path))
    lines = quality.table_lines([result])
    assert lines[0].startswith("| Set | Row | Docs | Attributed")
    labels = [line.split(" | ")[1] for line in lines[2:]]
    assert labels == [
        "**argmine**",
        "genre: news",
        "baseline: every sentence an author claim, neutral",
        "baseline: argmine, every stance neutral",
    ]
    sentence_baseline = result.baselines["every sentence an author claim, neutral"].total
    assert sentence_baseline.attributed.tp == 0 and sentence_baseline.attributed.fn == 2  # no attributed claim at all
    page = quality.page([result], ["PolNeAR dev"])
    assert "| PolNeAR dev | absent |" in page and "python benchmarks/quality.py" in page

"""The accuracy ratchet: the real extraction on each gold set must not fall below tests/ratchet.json.

Sets: the seeds, the dev corpus (gold/dev, skipped until it exists) and the blind dev set in
../shared (skipped when absent). A figure may fall at most `tolerance` (0.02) below its
recorded value; `python tests/ratchet.py` prints the figures to record (see ratchet.py).
The machinery itself is tested on a small fixture with a stand-in extractor, a drop planted.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import conftest
import ratchet
from argmine.evaluate import HEADLINE_FIGURES
from argmine.results import DocumentResult

RATCHET = ratchet.load_ratchet()


def test_ratchet_file_is_well_formed():
    assert RATCHET["tolerance"] == 0.02
    assert "python tests/ratchet.py" in RATCHET["comment"] and "never lower" in RATCHET["comment"].lower()
    assert set(RATCHET["sets"]) == {"seeds", "dev", "dev-blind"}
    for spec in RATCHET["sets"].values():
        assert {"gold", "texts"} <= set(spec)
        if "figures" in spec:
            assert set(spec["figures"]) | set(spec["maximum"]) == set(HEADLINE_FIGURES)
            assert all(v is None or 0 <= v <= 1 for v in spec["figures"].values())


@pytest.mark.parametrize("name", list(RATCHET["sets"]))
def test_figures_do_not_fall_below_the_ratchet(name):
    spec = RATCHET["sets"][name]
    gold, texts = ratchet.resolve(spec["gold"]), ratchet.resolve(spec["texts"])
    if not ratchet.available(gold):
        pytest.skip(f"{spec['gold']} is absent or holds no gold file")
    assert "figures" in spec, f"{name} has no recorded figures: run `python tests/ratchet.py` and record its entry"
    assert ratchet.fingerprint(gold, texts) == spec["fingerprint"], (
        f"{name} changed since its figures were recorded: run `python tests/ratchet.py` and record its entry anew"
    )
    measured = ratchet.measure(gold, texts)
    assert measured.documents == measured.gold_files == spec["documents"], "every gold file must be scored against its text"
    print(f"{name}: {json.dumps(measured.figures)} duplicates {measured.counts}")
    problems = ratchet.breaches(measured, spec, RATCHET["tolerance"])
    assert not problems, f"{name} fell below the ratchet:\n  " + "\n  ".join(problems)


# --------------------------------------------------------------------------- the machinery, on a fixture

TEXT = "Ward plans\n\nJane Doe said that integration would help patients.\n\nBob Stone warned that the merger will fail.\n"


@pytest.fixture
def small_set(tmp_path: Path) -> tuple[Path, Path]:
    gold = tmp_path / "dev"
    (gold / "texts").mkdir(parents=True)
    (gold / "texts" / "ward.txt").write_text(TEXT)
    (gold / "ward.json").write_text(
        json.dumps(
            {
                "doc": "ward.txt",
                "genre": "news",
                "actors": [{"id": "jane", "name": "Jane Doe", "kind": "person"}, {"id": "bob", "name": "Bob Stone", "kind": "person"}],
                "claims": [
                    {"actor": "jane", "anchor": "integration would help patients", "mode": "indirect", "stance": "support"},
                    {"actor": "bob", "anchor": "the merger will fail", "mode": "indirect", "stance": "oppose"},
                ],
            }
        )
    )
    return gold, gold / "texts"


def stand_in(keep: int = 2):
    """The stand-in pipeline, keeping only the first `keep` claims of each document."""

    def extract(files: list[Path], target: str) -> list[DocumentResult]:
        from argmine.ingest import Article, iter_articles

        articles = [a for a in iter_articles(files) if isinstance(a, Article)]
        found = conftest.fake_extract(articles, target, "latest")
        return [DocumentResult(doc=r.doc, claims=r.claims[:keep], document=r.document, actors=r.actors) for r in found]

    return extract


def test_a_recorded_set_passes_and_a_planted_drop_fails(small_set):
    gold, texts = small_set
    spec = ratchet.record({"gold": "dev", "texts": "dev/texts"}, ratchet.measure(gold, texts, stand_in()))
    assert spec["figures"]["attributed_recall"] == 1.0 and spec["documents"] == 1
    assert ratchet.breaches(ratchet.measure(gold, texts, stand_in()), spec, 0.02) == []
    dropped = ratchet.measure(gold, texts, stand_in(keep=1))  # a change that loses one of two claims
    problems = ratchet.breaches(dropped, spec, 0.02)
    assert any(p.startswith("attributed_recall: 0.5000 < recorded 1.0") for p in problems)


def test_a_fall_within_the_tolerance_passes():
    measured = ratchet.Measurement(1, 1, "x", {"stance_macro_f1": 0.781, "attributed_f1": None}, {"duplicates": 1})
    assert ratchet.breaches(measured, {"figures": {"stance_macro_f1": 0.8}, "maximum": {"duplicates": 1}}, 0.02) == []
    assert ratchet.breaches(measured, {"figures": {"stance_macro_f1": 0.802}}, 0.02) != []
    assert ratchet.breaches(measured, {"figures": {"attributed_f1": 0.5}}, 0.02) != []  # a figure that became undefined
    assert ratchet.breaches(measured, {"maximum": {"duplicates": 0}}, 0.02) == ["duplicates: 1 > recorded maximum 0"]


def test_recording_rounds_down():
    measured = ratchet.Measurement(1, 1, "x", {"stance_macro_f1": 0.81149, "mode_accuracy": None}, {"duplicates": 0})
    entry = ratchet.record({"gold": "g", "texts": "t"}, measured)
    assert entry["figures"] == {"stance_macro_f1": 0.811, "mode_accuracy": None}


def test_a_changed_set_changes_its_fingerprint(small_set):
    gold, texts = small_set
    before = ratchet.fingerprint(gold, texts)
    (texts / "ward.txt").write_text(TEXT + "\nA new paragraph.\n")
    assert ratchet.fingerprint(gold, texts) != before


def test_missing_or_empty_sets_are_skipped(tmp_path):
    assert not ratchet.available(tmp_path / "absent")
    (tmp_path / "empty").mkdir()
    assert not ratchet.available(tmp_path / "empty")


def test_shared_sets_follow_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("ARGMINE_SHARED", str(tmp_path))
    assert ratchet.resolve("../shared/gold/dev-blind") == tmp_path / "gold" / "dev-blind"
    monkeypatch.delenv("ARGMINE_SHARED")
    assert ratchet.resolve("../shared/gold/dev-blind") == ratchet.REPO.parent / "shared" / "gold" / "dev-blind"

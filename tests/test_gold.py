"""Loading gold files: the seeds' gold validates, and every malformed file is a one-line GoldError."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmine.errors import GoldError
from argmine.evaluate import normalise
from argmine.gold import GoldDocument, load_gold_dir, load_gold_file

REPO = Path(__file__).resolve().parent.parent
SEED_GOLD = REPO / "gold" / "seeds"
SEEDS = REPO / "seeds"

VALID = {
    "doc": "a.txt",
    "target": "integration",
    "actors": [{"id": "tom-coffey", "name": "Tom Coffey", "kind": "person", "aliases": ["Coffey"], "roles": ["GP"]}],
    "claims": [{"actor": "tom-coffey", "anchor": "has criticised", "mode": "indirect", "cue": "criticised", "stance": "oppose"}],
    "non_claims": ["Post a Comment"],
}


def write(folder: Path, data, name: str = "a.json") -> Path:
    path = folder / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def with_changes(**changes) -> dict:
    data = json.loads(json.dumps(VALID))
    data.update(changes)
    return data


def test_seed_gold_files_load():
    golds = load_gold_dir(SEED_GOLD)
    assert [g.doc for g in golds] == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert all(g.claims and g.actors for g in golds)


def test_seed_gold_anchors_and_non_claims_occur_in_their_articles():
    for gold in load_gold_dir(SEED_GOLD):
        article = normalise((SEEDS / gold.doc).read_text(encoding="utf-8"))
        for text in [c.anchor for c in gold.claims] + gold.non_claims:
            assert normalise(text) in article, f"{gold.doc}: {text!r}"


def test_valid_file_loads_with_defaults(tmp_path):
    gold = load_gold_file(write(tmp_path, VALID))
    assert isinstance(gold, GoldDocument)
    claim = gold.claims[0]
    assert (claim.optional, claim.stance_optional, claim.attributed) == (False, False, True)
    assert gold.actor("tom-coffey").names == ["Tom Coffey", "Coffey"]
    assert gold.actors[0].optional is False


def test_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "a.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(VALID).encode("utf-8"))
    assert load_gold_file(path).doc == "a.txt"


@pytest.mark.parametrize(
    "content, problem",
    [
        ('{"doc": "a.txt", "actors": [', "not valid JSON"),
        ("[1, 2]", "one JSON object"),
        (with_changes(claims=[{**VALID["claims"][0], "optinal": True}]), "claims[0].optinal: Extra inputs are not permitted"),
        (with_changes(claims=[{**VALID["claims"][0], "mode": "quoted"}]), "claims[0].mode"),
        (with_changes(claims=[{**VALID["claims"][0], "stance": "against"}]), "claims[0].stance"),
        (with_changes(actors=[{**VALID["actors"][0], "kind": "robot"}]), "actors[0].kind"),
        (with_changes(claims=[{**VALID["claims"][0], "anchor": "  "}]), "anchor is empty"),
        (with_changes(claims=[{**VALID["claims"][0], "actor": "nobody"}]), "names actor 'nobody'"),
        (with_changes(actors=VALID["actors"] * 2), "declared twice"),
        (with_changes(non_claims=[""]), "non_claims[0] is empty"),
        (with_changes(doc="b.txt"), "named after its article"),
        ({k: v for k, v in VALID.items() if k != "doc"}, "doc: Field required"),
    ],
)
def test_malformed_gold_file_is_a_one_line_error_naming_the_file(tmp_path, content, problem):
    path = write(tmp_path, content)
    with pytest.raises(GoldError) as caught:
        load_gold_file(path)
    message = str(caught.value)
    assert message.startswith(str(path) + ": ")
    assert problem in message
    assert "\n" not in message


def test_several_problems_are_counted(tmp_path):
    bad = with_changes(claims=[{**VALID["claims"][0], "mode": "x", "stance": "y"}])
    with pytest.raises(GoldError, match=r"and 1 more problem\)"):
        load_gold_file(write(tmp_path, bad))


def test_undecodable_file(tmp_path):
    path = tmp_path / "a.json"
    path.write_bytes(b'{"doc": "\xff\xfe"}')
    with pytest.raises(GoldError, match="cannot read gold file"):
        load_gold_file(path)


def test_missing_and_empty_gold_folders(tmp_path):
    with pytest.raises(GoldError, match="no such gold folder"):
        load_gold_dir(tmp_path / "nowhere")
    with pytest.raises(GoldError, match="no gold files"):
        load_gold_dir(tmp_path)
    write(tmp_path, VALID)
    with pytest.raises(GoldError, match="no such gold folder"):
        load_gold_dir(tmp_path / "a.json")


def test_one_bad_file_fails_the_folder(tmp_path):
    write(tmp_path, VALID)
    write(tmp_path, with_changes(doc="b.txt", target=3), "b.json")
    with pytest.raises(GoldError, match=r"b\.json: target"):
        load_gold_dir(tmp_path)

"""Stance constructions for the home target and two targets defined here; the learned model;
a target's labelled examples. Every sentence was written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from argmine.components.stance import StanceComponent, stance_of
from argmine.components.stance.learned import LABELS, adapted_model, features, fit, load_model, masked_tokens
from argmine.errors import InputError
from argmine.target import Target, load_target
from pipelines import base_model_or_skip

INTEGRATION = load_target("integration")
TRAMS = Target.model_validate({
    "name": "trams", "description": "A new tram line for the city.",
    "pro": ["tram line", "trams", "tram"], "con": ["bus-only network", "more car lanes"],
    "anaphors": ["scheme", "line"],
})
SUGAR_TAX = Target.model_validate({
    "name": "sugar-tax", "description": "A levy on sugary drinks.",
    "pro": ["sugar tax", "sugar levy", "levy on sugary drinks"], "con": ["voluntary reformulation"],
    "anaphors": ["levy", "tax"],
})


@pytest.fixture(scope="module")
def nlp():
    return base_model_or_skip()


CASES = [
    # (target, sentence, label) — the constructions of issue 17, for three targets
    (INTEGRATION, "The shared chief executive has made the two trusts work far better.", "support"),
    (INTEGRATION, "Pooled budgets have been a disaster for the county.", "oppose"),
    (INTEGRATION, "The merger was a mistake.", "oppose"),
    (INTEGRATION, "The board will meet on Thursday to discuss the merger timetable.", "neutral"),
    (INTEGRATION, "Integration is a worthy goal, but this merger will wreck local services.", "mixed"),
    (INTEGRATION, "We want collaboration rather than competition.", "support"),
    (INTEGRATION, "Patients should not be passed between services like parcels.", "support"),
    (TRAMS, "The tram line will transform the east of the city.", "support"),
    (TRAMS, "The trams will not help the people of the estate.", "oppose"),
    (TRAMS, "Construction of the tram line starts in March.", "neutral"),
    (TRAMS, "We need trams rather than more car lanes.", "support"),
    (SUGAR_TAX, "The sugar tax has been a success.", "support"),
    (SUGAR_TAX, "The sugar levy is a tax on the poor and it has failed.", "oppose"),
    (SUGAR_TAX, "Voluntary reformulation has failed, so the levy on sugary drinks is needed.", "support"),
    (SUGAR_TAX, "The sugar tax was introduced in April 2018.", "neutral"),
]


@pytest.mark.parametrize("target,text,label", CASES, ids=[f"{c[0].name}:{c[1][:30]}" for c in CASES])
def test_stance_constructions_across_targets(nlp, target, text, label):
    result = stance_of(nlp(text), target, model=load_model())
    assert result.label == label, (result.label, result.evidence, result.basis)


def test_stance_rhetorical_question_is_weaker_than_the_statement(nlp):
    asked = stance_of(nlp("Has the tram line transformed the city?"), TRAMS)
    stated = stance_of(nlp("The tram line has transformed the city."), TRAMS)
    assert abs(asked.score) < abs(stated.score)


def test_stance_negated_modal_denies_the_advocacy(nlp):
    assert stance_of(nlp("The council must not build the tram line."), TRAMS).label == "oppose"


def test_stance_a_neutral_premise_beside_a_stanced_claim_stays_neutral(nlp):
    doc = nlp("The tram line is a triumph. The depot has 40 parking spaces.")
    doc._.claims = [
        {"text": [0, 27], "content": [0, 27], "cue": None, "source": None, "mode": "author", "actor": "a"},
        {"text": [28, len(doc.text)], "content": [28, len(doc.text)], "cue": None, "source": None, "mode": "author",
         "actor": "b"},
    ]
    StanceComponent(nlp, target=TRAMS)(doc)
    assert [c["stance"] for c in doc._.claims] == ["support", "neutral"]


def test_learned_model_ships_and_reads_masked_words(nlp):
    model = load_model()
    assert model is not None and model.meta["claims"] > 1000
    doc = nlp("The sugar levy is a cynical cash grab.")
    from argmine.components.stance.mentions import find_mentions
    from argmine.components.stance.text import Source, pieces_of

    pieces = pieces_of(doc)
    tokens = masked_tokens(pieces, find_mentions(Source.of(doc), pieces, SUGAR_TAX))
    assert tokens[:3] == ["the", "<tgt>", "is"]
    probs = model.probabilities(features(tokens))
    assert set(probs) == set(LABELS) and abs(sum(probs.values()) - 1) < 1e-9


def test_model_basis_when_the_rules_have_nothing_to_read(nlp):
    result = stance_of(nlp("The sugar levy is a cynical cash grab dressed up as public health."), SUGAR_TAX,
                       model=load_model())
    assert result.basis in ("model", "content")
    if result.basis == "model":
        assert result.label == "oppose" and result.evidence


def test_fit_learns_a_separable_toy_problem():
    feats = [["1:good"], ["1:good", "1:very"], ["1:bad"], ["1:bad", "1:very"], ["1:meh"], ["1:meh", "1:so"]]
    labels = ["support", "support", "oppose", "oppose", "neutral", "neutral"]
    model = fit(feats, labels, epochs=50, min_count=1)
    assert [max(p := model.probabilities(f), key=p.get) for f in feats] == labels


def test_fit_keeps_the_data_prior_without_balance():
    feats = [["1:plain"]] * 6 + [["1:plain"]] * 2
    labels = ["neutral"] * 6 + ["mixed"] * 2
    natural = fit(feats, labels, epochs=50, min_count=1, balance=0.0).probabilities(["1:plain"])
    balanced = fit(feats, labels, epochs=50, min_count=1).probabilities(["1:plain"])
    assert natural["neutral"] > balanced["neutral"] and natural["mixed"] < balanced["mixed"]


def test_training_reads_every_named_folder(tmp_path):
    from training.train_stance import read_examples

    for name, text in (("a", "The levy works."), ("b", "The levy fails.")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "x.jsonl").write_text(json.dumps({"text": text, "stance": "support"}) + "\n\n")
    assert [r["text"] for r in read_examples([tmp_path / "a", tmp_path / "b"])] == ["The levy works.", "The levy fails."]


def test_examples_adapt_the_model_toward_their_labels():
    words = "The tram line is a gravy train."
    base = load_model()
    adapted = adapted_model(base, TRAMS.with_examples([{"text": words, "stance": "oppose"}] * 3
                                                      + [{"text": "The tram line is a lifeline.", "stance": "support"}] * 3))
    nlp = spacy.blank("en")
    from argmine.components.stance.mentions import find_mentions
    from argmine.components.stance.text import Source, pieces_of

    doc = nlp(words)
    feats = features(masked_tokens(pieces_of(doc), find_mentions(Source.of(doc), pieces_of(doc), TRAMS)))
    assert adapted.probabilities(feats)["oppose"] > base.probabilities(feats)["oppose"]
    assert TRAMS.examples == []  # the original target is untouched


def test_target_file_gold_pointer_becomes_examples(tmp_path: Path):
    (tmp_path / "gold" / "texts").mkdir(parents=True)
    (tmp_path / "gold" / "texts" / "a.txt").write_text("Headline\n\nThe tram line is a gravy train, said Ann Lee. It opens soon.\n")
    (tmp_path / "gold" / "a.json").write_text(json.dumps({
        "doc": "a.txt", "target": "trams",
        "actors": [{"id": "ann", "name": "Ann Lee", "kind": "person"}],
        "claims": [{"actor": "ann", "anchor": "The tram line is a gravy train", "mode": "indirect", "cue": "said",
                    "stance": "oppose"}],
    }))
    target_file = tmp_path / "trams.json"
    target_file.write_text(json.dumps({**TRAMS.model_dump(mode="json"), "gold": ["gold"]}))
    target = load_target(str(target_file))
    assert [(e.text, e.stance) for e in target.examples] == [("The tram line is a gravy train, said Ann Lee.", "oppose")]
    assert target.fingerprint() != TRAMS.fingerprint()


def test_target_file_gold_pointer_that_does_not_exist_is_an_input_error(tmp_path: Path):
    target_file = tmp_path / "trams.json"
    target_file.write_text(json.dumps({**TRAMS.model_dump(mode="json"), "gold": ["missing"]}))
    with pytest.raises(InputError, match="not found"):
        load_target(str(target_file))


def test_the_model_leaves_claims_of_an_off_topic_text_alone(nlp):
    """Strong words in a text that never names the target are no stance toward it."""
    text = "The referee was a disgrace and the fans deserved better. This is the best thing that has ever happened to our town."
    doc = nlp(text)
    cut = text.index(" This") + 1
    doc._.claims = [
        {"text": [0, cut - 1], "content": [0, cut - 1], "cue": None, "source": None, "mode": "author", "actor": "a"},
        {"text": [cut, len(text)], "content": [cut, len(text)], "cue": None, "source": None, "mode": "author", "actor": "a"},
    ]
    StanceComponent(nlp, target=TRAMS)(doc)
    assert [c["stance"] for c in doc._.claims] == ["neutral", "neutral"]
    assert {c["stance_basis"] for c in doc._.claims} == {"none"}


def test_extract_reads_a_target_file_with_examples_through_the_cli(tmp_path: Path, monkeypatch):
    from typer.testing import CliRunner

    from argmine.cli import app

    monkeypatch.chdir(tmp_path)
    target = {**TRAMS.model_dump(mode="json"),
              "examples": [{"text": "The tram line is a gravy train for consultants.", "stance": "oppose"}] * 2}
    (tmp_path / "trams.json").write_text(json.dumps(target))
    (tmp_path / "a.txt").write_text('Trams row\n\nThe council says the tram line opens in May. "The tram line is a '
                                    'gravy train for consultants," said Jo Bell, a councillor.\n')
    result = CliRunner().invoke(app, ["extract", "a.txt", "--target", "trams.json", "-f", "jsonl"])
    assert result.exit_code == 0, result.stderr
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    bell = [c for c in claims if c["actor"]["name"] == "Jo Bell"]
    assert bell and bell[0]["target"] == "trams" and bell[0]["stance"] == "oppose"
    assert not any("<" in e for c in claims for e in c["stance_evidence"])


def test_leave_documents_out_scores_each_held_claim_once():
    from argparse import Namespace

    from training.train_stance import document_folds, example_features

    nlp = spacy.blank("en")
    rows = [{"id": f"c{k}", "text": text, "stance": label, "genre": f"doc{k % 4}"}
            for k, (text, label) in enumerate([("The ferry link is a lifeline.", "support"),
                                               ("The ferry link is a waste.", "oppose"),
                                               ("The ferry link opened in May.", "neutral"),
                                               ("The ferry link is a boon.", "support")] * 2)]
    feats = [example_features(nlp, r) for r in rows]
    args = Namespace(epochs=5, l2=1e-4, min_count=1, balance=1.0)
    figures = document_folds(rows, feats, rows, args)
    assert figures["n"] == len(rows)
    assert figures["decided_right"] + figures["decided_wrong"] <= len(rows)

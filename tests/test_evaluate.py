"""The scoring rules of `argmine.evaluate`, one hand-made gold file and claim set per rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmine.errors import GoldError, UsageError
from argmine.evaluate import evaluate, max_matching, name_key, normalise
from argmine.records import Actor, Claim, Document, Segment, SegmentKind, TextSpan

COFFEY = {"id": "tom-coffey", "name": "Tom Coffey", "kind": "person", "aliases": ["Dr Tom Coffey", "Coffey"]}
GERADA = {"id": "clare-gerada", "name": "Clare Gerada", "kind": "person", "aliases": ["Gerada"]}
AUTHOR = {"id": "author", "name": "author", "kind": "author", "aliases": []}


def write_gold(folder: Path, name: str = "a", *, actors, claims, non_claims=(), target="integration") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    data = {"doc": f"{name}.txt", "target": target, "actors": actors, "claims": claims, "non_claims": list(non_claims)}
    (folder / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")
    return folder


def gclaim(actor: str, anchor: str, mode: str = "indirect", stance: str = "oppose", **extra) -> dict:
    return {"actor": actor, "anchor": anchor, "mode": mode, "cue": None, "stance": stance, **extra}


_counter = iter(range(10**6))


def pclaim(
    text: str,
    actor: str = "Tom Coffey",
    *,
    kind: str = "person",
    mode: str = "indirect",
    stance: str = "oppose",
    doc: str = "a.txt",
    aliases: tuple[str, ...] = (),
    actor_id: str | None = None,
    target: str = "integration",
) -> Claim:
    n = next(_counter)
    return Claim(
        id=f"{doc}#{n}",
        doc=doc,
        text=text,
        start=n * 1000,
        end=n * 1000 + len(text),
        content=TextSpan(text=text, start=n * 1000, end=n * 1000 + len(text)),
        actor=Actor(id=actor_id or name_key(actor).replace(" ", "-"), name=actor, kind=kind, aliases=list(aliases)),
        mode=mode,
        stance=stance,
        stance_score=0.0,
        target=target,
        confidence=0.9,
    )


def document(doc: str, *texts: str) -> Document:
    segments, pos = [], 0
    for text in texts:
        segments.append(Segment(kind=SegmentKind.body, start=pos, end=pos + len(text), text=text))
        pos += len(text) + 2
    return Document(doc=doc, path=doc, sha256="0" * 64, encoding="utf-8", chars=pos, segments=segments)


# --------------------------------------------------------------------------- normalising


def test_normalise_quotes_whitespace_case():
    assert normalise("  Not a \u201cfan\u201d\n of   Coffey\u2019s  ") == 'not a "fan" of coffey\'s'


def test_name_key_drops_leading_titles_only():
    assert name_key("Dr Tom Coffey") == "tom coffey"
    assert name_key("Professor Sir Roy  Griffiths") == "roy griffiths"
    assert name_key("Prof. Jane Doe") == "jane doe"
    assert name_key("Lord") == "lord"  # a bare title is a name, not nothing
    assert name_key("Tom Mr Coffey") == "tom mr coffey"


# --------------------------------------------------------------------------- matching claims


def test_exact_match_is_true_positive(tmp_path):
    gold = write_gold(tmp_path, actors=[COFFEY], claims=[gclaim("tom-coffey", "has criticised the programme")])
    report = evaluate(gold, [pclaim("Tom Coffey has criticised the programme.")])
    row = report.documents[0]
    assert (row.attributed.tp, row.attributed.fp, row.attributed.fn) == (1, 0, 0)
    assert (row.attributed.precision, row.attributed.recall, row.attributed.f1) == (1.0, 1.0, 1.0)
    assert report.mistakes == []


def test_anchor_matches_across_curly_and_straight_quotes_and_whitespace(tmp_path):
    gold = write_gold(tmp_path, actors=[COFFEY], claims=[gclaim("tom-coffey", "He is \u201cnot a fan\u201d of  the models")])
    predicted = pclaim("Coffey said he is \"not a FAN\" of\nthe models.", "Coffey")
    assert evaluate(gold, [predicted]).total.attributed.tp == 1

    gold2 = write_gold(tmp_path / "g2", actors=[COFFEY], claims=[gclaim("tom-coffey", "there aren't any economies")])
    assert evaluate(gold2, [pclaim("\u201cThere aren\u2019t any economies,\u201d he said.")]).total.attributed.tp == 1


def test_anchor_not_in_text_is_a_miss_and_a_false_positive(tmp_path):
    gold = write_gold(tmp_path, actors=[COFFEY], claims=[gclaim("tom-coffey", "has criticised the programme")])
    report = evaluate(gold, [pclaim("Tom Coffey has praised the programme.")])
    assert (report.total.attributed.tp, report.total.attributed.fp, report.total.attributed.fn) == (0, 1, 1)
    assert report.total.attributed.precision == 0.0 and report.total.attributed.f1 == 0.0
    kinds = sorted(m.kind for m in report.mistakes)
    assert kinds == ["false_positive", "missed"]


@pytest.mark.parametrize("name", ["Coffey", "Dr Coffey", "Tom Coffey", "Dr Tom Coffey", "DR. TOM COFFEY", "Thomas Coffey"])
def test_person_matches_by_name_alias_title_or_surname(tmp_path, name):
    gold = write_gold(tmp_path, actors=[COFFEY], claims=[gclaim("tom-coffey", "criticised the programme")])
    assert evaluate(gold, [pclaim("He criticised the programme.", name)]).total.attributed.tp == 1


def test_wrong_actor_does_not_match_and_the_miss_says_so(tmp_path):
    gold = write_gold(tmp_path, actors=[COFFEY, GERADA], claims=[gclaim("tom-coffey", "criticised the programme")])
    report = evaluate(gold, [pclaim("Gerada criticised the programme.", "Clare Gerada")])
    assert (report.total.attributed.tp, report.total.attributed.fp, report.total.attributed.fn) == (0, 1, 1)
    missed = next(m for m in report.mistakes if m.kind == "missed")
    assert missed.gold_actor == "Tom Coffey" and missed.predicted_actor == "Clare Gerada"
    assert "actor" in missed.note
    fp = next(m for m in report.mistakes if m.kind == "false_positive")
    assert fp.gold_actor == "Tom Coffey"  # the gold claim that sentence carries


def test_surname_rule_is_for_people_only(tmp_path):
    org = {"id": "audit", "name": "Audit Commission", "kind": "organisation", "aliases": []}
    gold = write_gold(tmp_path, actors=[org], claims=[gclaim("audit", "pooled funds are hard to trace")])
    report = evaluate(gold, [pclaim("The Health Commission said pooled funds are hard to trace.", "Health Commission", kind="organisation")])
    assert report.total.attributed.tp == 0
    report = evaluate(gold, [pclaim("The commission said pooled funds are hard to trace.", "The Audit Commission", kind="organisation", aliases=("the commission",))])
    assert report.total.attributed.tp == 0  # "the audit commission" is not a listed name of this gold actor
    report = evaluate(gold, [pclaim("It said pooled funds are hard to trace.", "commission", kind="organisation", aliases=("Audit Commission",))])
    assert report.total.attributed.tp == 1  # any predicted alias may match


def test_author_matches_by_kind(tmp_path):
    gold = write_gold(tmp_path, actors=[AUTHOR], claims=[gclaim("author", "Best care comes from collaboration", mode="author", stance="support")])
    predicted = pclaim("Best care comes from collaboration.", "Associate Director of Operations", kind="author", mode="author", stance="support")
    report = evaluate(gold, [predicted])
    assert (report.total.author.tp, report.total.author.fp, report.total.author.fn) == (1, 0, 0)
    assert report.total.author.recall == 1.0
    # an organisation of the same name is not the writer
    other = pclaim("Best care comes from collaboration.", "Associate Director of Operations", kind="organisation", mode="author")
    assert evaluate(gold, [other]).total.author.tp == 0


def test_name_match_takes_precedence_over_author_kind(tmp_path):
    # the writer and a signed reader comment (mode author, by a person)
    gold = write_gold(
        tmp_path,
        actors=[AUTHOR, {"id": "gus", "name": "Gus Cairns", "kind": "person", "aliases": ["Cairns"]}],
        claims=[
            gclaim("author", "we must work together", mode="author", stance="support"),
            gclaim("gus", "I read this report with pride", mode="author", stance="support"),
        ],
    )
    signer_as_author = dict(kind="author", mode="author", stance="support", actor_id="signer")
    report = evaluate(
        gold,
        [
            pclaim("I read this report with pride.", "Gus Cairns", **signer_as_author),
            pclaim("In short, we must work together.", "Gus Cairns", **signer_as_author),
        ],
    )
    # the signer matched Gus by name, so his actor is not the gold writer
    assert (report.total.author.tp, report.total.author.fp, report.total.author.fn) == (1, 1, 1)
    assert [m.anchor for m in report.mistakes if m.kind == "missed"] == ["we must work together"]


def test_pools_are_separate(tmp_path):
    gold = write_gold(tmp_path, actors=[COFFEY], claims=[gclaim("tom-coffey", "federations are the best solution", stance="support")])
    report = evaluate(gold, [pclaim("Coffey: federations are the best solution.", "Coffey", mode="author", stance="support")])
    assert report.total.attributed.fn == 1 and report.total.attributed.tp == 0
    # an author-mode claim on an annotated sentence that matches nothing is scored as an FP
    assert (report.total.author.tp, report.total.author.fp) == (0, 1)
    missed = next(m for m in report.mistakes if m.kind == "missed")
    assert missed.predicted_mode == "author" and "mode author" in missed.note


def test_direct_and_indirect_share_a_pool_and_mode_accuracy_counts_them(tmp_path):
    gold = write_gold(
        tmp_path,
        actors=[COFFEY],
        claims=[gclaim("tom-coffey", "Politicians love a legacy", mode="direct"), gclaim("tom-coffey", "he is wary of change", mode="indirect")],
    )
    report = evaluate(
        gold,
        [
            pclaim("\u201cPoliticians love a legacy.\u201d", "Coffey", mode="indirect"),
            pclaim("Coffey said he is wary of change.", "Coffey", mode="indirect"),
        ],
    )
    assert report.total.attributed.tp == 2
    assert (report.total.mode.matched, report.total.mode.correct, report.total.mode.accuracy) == (2, 1, 0.5)
    wrong = [m for m in report.mistakes if m.kind == "wrong_mode"]
    assert len(wrong) == 1 and (wrong[0].gold_mode, wrong[0].predicted_mode) == ("direct", "indirect")


# --------------------------------------------------------------------------- optional, duplicates, matching


def test_optional_gold_claims_are_neither_required_nor_penalised(tmp_path):
    gold = write_gold(
        tmp_path,
        actors=[COFFEY],
        claims=[
            gclaim("tom-coffey", "criticised the programme"),
            gclaim("tom-coffey", "suggested politicians love legacies", optional=True),
            gclaim("tom-coffey", "said nothing more", optional=True),
        ],
    )
    report = evaluate(gold, [pclaim("He criticised the programme."), pclaim("He suggested politicians love legacies.")])
    assert (report.total.attributed.tp, report.total.attributed.fp, report.total.attributed.fn) == (1, 0, 0)
    assert report.total.attributed.optional == 1
    assert report.total.attributed.precision == 1.0


def test_second_claim_for_one_gold_claim_is_a_duplicate(tmp_path):
    gold = write_gold(tmp_path, actors=[COFFEY], claims=[gclaim("tom-coffey", "criticised the programme")])
    report = evaluate(gold, [pclaim("Coffey criticised the programme."), pclaim("Coffey criticised the programme.")])
    t = report.total
    assert (t.attributed.tp, t.attributed.fp, t.attributed.fn, t.duplicates) == (1, 1, 0, 1)
    dup = next(m for m in report.mistakes if m.kind == "duplicate")
    assert dup.anchor == "criticised the programme"


def test_duplicate_of_an_optional_claim_is_still_a_false_positive(tmp_path):
    gold = write_gold(tmp_path, actors=[COFFEY], claims=[gclaim("tom-coffey", "criticised the programme", optional=True)])
    report = evaluate(gold, [pclaim("Coffey criticised the programme."), pclaim("Coffey criticised the programme.")])
    t = report.total
    assert (t.attributed.tp, t.attributed.fp, t.attributed.fn, t.duplicates) == (0, 1, 0, 1)


def test_matching_is_maximum_where_greedy_would_fail(tmp_path):
    # p1 carries both anchors, p2 only the first; greedy in order gives p1 to the first gold
    # claim and leaves the second unmatched (and p2 a duplicate).
    gold = write_gold(
        tmp_path,
        actors=[COFFEY],
        claims=[gclaim("tom-coffey", "models are a fad"), gclaim("tom-coffey", "federations work")],
    )
    p1 = pclaim("He said models are a fad and federations work.")
    p2 = pclaim("He repeated that models are a fad.")
    t = evaluate(gold, [p1, p2]).total
    assert (t.attributed.tp, t.attributed.fp, t.attributed.fn, t.duplicates) == (2, 0, 0, 0)


def test_required_gold_claims_are_matched_before_optional_ones(tmp_path):
    gold = write_gold(
        tmp_path,
        actors=[COFFEY],
        claims=[gclaim("tom-coffey", "models are a fad", optional=True), gclaim("tom-coffey", "a fad")],
    )
    t = evaluate(gold, [pclaim("He said models are a fad.")]).total
    assert (t.attributed.tp, t.attributed.fp, t.attributed.fn) == (1, 0, 0)


def test_max_matching_directly():
    # gold 0 may take 0 or 1, gold 1 only 0: both get one
    assert max_matching([[0, 1], [0]], [0, 1]) == {1: 0, 0: 1}
    assert max_matching([[0], [0]], [0, 1]) == {0: 0}
    assert max_matching([[], [0]], [0, 1]) == {0: 1}


# --------------------------------------------------------------------------- author precision, non-claims


def test_author_precision_only_over_annotated_sentences(tmp_path):
    gold = write_gold(
        tmp_path,
        actors=[AUTHOR, COFFEY],
        claims=[
            gclaim("author", "integration is overdue", mode="author", stance="support"),
            gclaim("tom-coffey", "criticised the programme"),
        ],
        non_claims=["Photograph: Alamy"],
    )
    writer = dict(kind="author", mode="author", stance="support")
    report = evaluate(
        gold,
        [
            pclaim("Integration is overdue.", "author", **writer),  # TP
            pclaim("The weather was fine that year.", "author", **writer),  # not annotated: unscored
            pclaim("Coffey criticised the programme.", "author", **writer),  # carries a gold anchor: FP
            pclaim("Nurses at work. Photograph: Alamy", "author", **writer),  # a non-claim: FP
        ],
    )
    t = report.total
    assert (t.author.tp, t.author.fp, t.author.fn, t.author_unscored) == (1, 2, 0, 1)
    assert t.author.precision == pytest.approx(1 / 3)
    notes = sorted(m.note for m in report.mistakes if m.kind == "false_positive")
    assert any("non-claim" in n for n in notes) and any("another actor or in another mode" in n for n in notes)


def test_non_claim_text_is_a_false_positive_unless_it_matches_a_gold_claim(tmp_path):
    gold = write_gold(
        tmp_path,
        actors=[COFFEY],
        claims=[gclaim("tom-coffey", "doubts the new models", optional=True)],
        non_claims=["Coffey was speaking at the annual conference"],
    )
    fp = pclaim("Coffey was speaking at the annual conference of GPs.", "Coffey")
    report = evaluate(gold, [fp])
    assert (report.total.attributed.fp, report.mistakes[0].kind) == (1, "false_positive")
    assert "non-claim" in report.mistakes[0].note
    both = pclaim("Coffey was speaking at the annual conference and doubts the new models.", "Coffey")
    assert evaluate(gold, [both]).total.attributed.fp == 0


# --------------------------------------------------------------------------- stance


def test_stance_confusion_and_macro_f1(tmp_path):
    anchors = ["first point", "second point", "third point", "fourth point"]
    gold_stances = ["support", "support", "oppose", "neutral"]
    pred_stances = ["support", "oppose", "oppose", "support"]
    gold = write_gold(
        tmp_path, actors=[COFFEY], claims=[gclaim("tom-coffey", a, stance=s) for a, s in zip(anchors, gold_stances)]
    )
    report = evaluate(gold, [pclaim(f"He made a {a}.", stance=s) for a, s in zip(anchors, pred_stances)])
    stance = report.total.stance
    assert stance.pairs == 4
    assert stance.confusion["support"] == {"support": 1, "oppose": 1, "mixed": 0, "neutral": 0}
    assert stance.confusion["neutral"]["support"] == 1
    # support 2*1/(2+2), oppose 2*1/(1+2), neutral 0/(1+0); mixed occurs nowhere and is left out
    assert stance.per_label_f1 == pytest.approx({"support": 0.5, "oppose": 2 / 3, "neutral": 0.0})
    assert stance.macro_f1 == pytest.approx((0.5 + 2 / 3 + 0.0) / 3)
    assert sum(m.kind == "wrong_stance" for m in report.mistakes) == 2


def test_stance_optional_claims_count_but_their_stance_does_not(tmp_path):
    gold = write_gold(
        tmp_path,
        actors=[COFFEY],
        claims=[gclaim("tom-coffey", "criticised the programme", stance="oppose", stance_optional=True)],
    )
    report = evaluate(gold, [pclaim("He criticised the programme.", stance="support")])
    assert report.total.attributed.tp == 1
    assert report.total.stance.pairs == 0 and report.total.stance.macro_f1 is None
    assert not [m for m in report.mistakes if m.kind == "wrong_stance"]


def test_stance_is_scored_in_both_pools(tmp_path):
    gold = write_gold(
        tmp_path,
        actors=[AUTHOR, COFFEY],
        claims=[
            gclaim("author", "integration is overdue", mode="author", stance="support"),
            gclaim("tom-coffey", "criticised the programme", stance="oppose"),
        ],
    )
    report = evaluate(
        gold,
        [
            pclaim("Integration is overdue.", "author", kind="author", mode="author", stance="support"),
            pclaim("Coffey criticised the programme.", "Coffey", stance="oppose"),
        ],
    )
    assert report.total.stance.pairs == 2 and report.total.stance.macro_f1 == 1.0


# --------------------------------------------------------------------------- speakers


def test_speakers(tmp_path):
    optional_actor = {"id": "trusts", "name": "the trusts", "kind": "group", "aliases": [], "optional": True}
    gold = write_gold(
        tmp_path,
        actors=[COFFEY, GERADA, optional_actor, {"id": "nhs", "name": "NHS England", "kind": "organisation", "aliases": []}],
        claims=[
            gclaim("tom-coffey", "criticised the programme"),
            gclaim("clare-gerada", "expressed concern"),
            gclaim("trusts", "aim to improve"),  # required claim, but the actor is optional
            gclaim("nhs", "describes the models", optional=True),  # actor with only an optional claim
        ],
    )
    report = evaluate(
        gold,
        [
            pclaim("Coffey criticised the programme.", "Coffey"),
            pclaim("He criticised it again.", "Tom Coffey", actor_id="coffey"),
            pclaim("The trusts aim to improve.", "the trusts", kind="group"),
            pclaim("Sources said so.", "sources", kind="group"),
        ],
    )
    s = report.total.speakers
    assert (s.gold, s.found, s.predicted, s.correct) == (2, 1, 3, 2)
    assert s.recall == 0.5 and s.precision == pytest.approx(2 / 3)
    assert report.documents[0].speakers.missed == ["Clare Gerada"]
    assert report.documents[0].speakers.spurious == ["sources"]
    assert s.missed == ["a.txt: Clare Gerada"]


# --------------------------------------------------------------------------- documents and totals


def test_gold_document_without_predictions_counts_as_all_misses(tmp_path):
    gold = write_gold(
        tmp_path,
        actors=[COFFEY, AUTHOR],
        claims=[gclaim("tom-coffey", "criticised the programme"), gclaim("author", "it is overdue", mode="author")],
    )
    report = evaluate(gold, [])
    t = report.total
    assert (t.attributed.fn, t.author.fn, t.attributed.recall, t.attributed.precision) == (1, 1, 0.0, None)
    assert t.attributed.f1 is None
    assert (t.speakers.recall, t.speakers.precision) == (0.0, None)
    assert report.documents[0].predicted_doc is None
    assert sorted(m.kind for m in report.mistakes) == ["missed", "missed"]


def test_documents_are_matched_by_file_name_and_folder_suffix(tmp_path):
    gold = write_gold(tmp_path, actors=[COFFEY], claims=[gclaim("tom-coffey", "criticised the programme")])
    report = evaluate(
        gold,
        [
            pclaim("Coffey criticised the programme.", doc="news/a.txt"),
            pclaim("Coffey criticised the programme.", doc="xa.txt"),  # another article
            pclaim("Coffey criticised the programme.", doc="b.txt"),
        ],
    )
    assert report.documents[0].predicted_doc == "news/a.txt"
    assert report.total.attributed.fp == 0 and report.total.attributed.tp == 1
    assert report.documents_without_gold == ["b.txt", "xa.txt"]


def test_only_read_documents_are_scored_when_documents_are_given(tmp_path):
    write_gold(tmp_path, "a", actors=[COFFEY], claims=[gclaim("tom-coffey", "criticised the programme")])
    write_gold(tmp_path, "b", actors=[COFFEY], claims=[gclaim("tom-coffey", "praised the programme")])
    report = evaluate(tmp_path, [], documents=[document("a.txt", "Coffey criticised the programme.")])
    assert [row.doc for row in report.documents] == ["a.txt"]
    assert report.gold_without_documents == ["b.txt"]
    assert report.total.attributed.fn == 1


def test_one_gold_file_for_two_documents_is_refused(tmp_path):
    gold = write_gold(tmp_path, actors=[COFFEY], claims=[gclaim("tom-coffey", "criticised the programme")])
    with pytest.raises(UsageError, match="several documents"):
        evaluate(gold, [pclaim("x", doc="one/a.txt"), pclaim("x", doc="two/a.txt")])


def test_totals_are_micro_averaged_and_stance_pooled(tmp_path):
    write_gold(tmp_path, "a", actors=[COFFEY], claims=[gclaim("tom-coffey", "criticised the programme", stance="oppose")])
    write_gold(
        tmp_path,
        "b",
        actors=[COFFEY],
        claims=[gclaim("tom-coffey", f"point {i}", stance="support") for i in range(3)],
    )
    claims = [
        pclaim("He criticised the programme.", stance="oppose", doc="a.txt"),
        pclaim("Unrelated.", doc="a.txt"),
        pclaim("Unrelated too.", doc="a.txt"),
        *[pclaim(f"He made point {i}.", stance="oppose", doc="b.txt") for i in range(3)],
    ]
    report = evaluate(tmp_path, claims)
    a, b = report.documents
    assert (a.attributed.precision, b.attributed.precision) == (pytest.approx(1 / 3), 1.0)
    assert report.total.attributed.precision == pytest.approx(4 / 6)  # not the mean of 1/3 and 1
    # pooled: support 0/(3+0) and oppose 2*1/(1+4); per-document means would differ
    assert report.total.stance.macro_f1 == pytest.approx((0.0 + 0.4) / 2)
    assert (a.stance.macro_f1, b.stance.macro_f1) == (1.0, 0.0)
    assert report.headline()["attributed_precision"] == report.total.attributed.precision


def test_anchor_and_target_warnings(tmp_path):
    gold = write_gold(tmp_path, actors=[COFFEY], claims=[gclaim("tom-coffey", "a sentence nobody wrote")])
    report = evaluate(
        gold,
        [pclaim("Coffey criticised the programme.", target="privatisation")],
        documents=[document("a.txt", "Coffey criticised the programme.")],
    )
    assert any("anchor not found" in w and "a sentence nobody wrote" in w for w in report.warnings)
    assert any("privatisation" in w for w in report.warnings)


def test_report_serialises_with_every_figure(tmp_path):
    gold = write_gold(tmp_path, actors=[COFFEY], claims=[gclaim("tom-coffey", "criticised the programme")])
    data = json.loads(evaluate(gold, [pclaim("He criticised the programme.")]).model_dump_json())
    assert data["total"]["attributed"] == {"tp": 1, "fp": 0, "fn": 0, "optional": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert set(data["total"]["stance"]) == {"confusion", "pairs", "per_label_f1", "macro_f1"}
    assert data["total"]["speakers"]["recall"] == 1.0


def test_malformed_gold_raises_gold_error(tmp_path):
    (tmp_path / "a.json").write_text('{"doc": "a.txt", "actors": [', encoding="utf-8")
    with pytest.raises(GoldError, match="a.json"):
        evaluate(tmp_path, [])


# --------------------------------------------------------------------------- invariants

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

WORDS = ["alpha", "beta", "gamma", "delta"]
ACTORS = [("Tom Coffey", "person", "indirect"), ("Clare Gerada", "person", "direct"), ("author", "author", "author")]


@settings(max_examples=60, deadline=None)
@given(
    gold_claims=st.lists(
        st.tuples(st.sampled_from(range(3)), st.sampled_from(WORDS), st.booleans(), st.sampled_from(["support", "oppose"])),
        max_size=6,
    ),
    predicted=st.lists(
        st.tuples(st.sampled_from(range(3)), st.lists(st.sampled_from(WORDS), min_size=1, max_size=3)),
        max_size=8,
    ),
    seed=st.randoms(use_true_random=False),
)
def test_counts_are_consistent_and_independent_of_claim_order(tmp_path_factory, gold_claims, predicted, seed):
    folder = tmp_path_factory.mktemp("gold")
    actor_ids = ["tom-coffey", "clare-gerada", "author"]
    gold = write_gold(
        folder,
        actors=[COFFEY, GERADA, AUTHOR],
        claims=[
            gclaim(actor_ids[a], f"the {word} point", mode=ACTORS[a][2], stance=stance, optional=optional)
            for a, word, optional, stance in gold_claims
        ],
    )
    claims = [
        pclaim(" and ".join(f"the {w} point" for w in words) + ".", ACTORS[a][0], kind=ACTORS[a][1], mode=ACTORS[a][2])
        for a, words in predicted
    ]
    report = evaluate(gold, claims)
    t = report.total
    for pool, counts in (("attributed", t.attributed), ("author", t.author)):
        in_pool = [g for g in gold_claims if (ACTORS[g[0]][2] == "author") == (pool == "author")]
        assert counts.tp + counts.fn == sum(not optional for _, _, optional, _ in in_pool)
    attributed_predictions = sum(ACTORS[a][2] != "author" for a, _ in predicted)
    assert t.attributed.tp + t.attributed.fp + t.attributed.optional == attributed_predictions
    assert t.author.tp + t.author.fp + t.author.optional + t.author_unscored == len(claims) - attributed_predictions
    assert t.duplicates <= t.attributed.fp + t.author.fp
    for value in report.headline().values():
        assert value is None or 0 <= value <= len(claims)

    shuffled = list(claims)
    seed.shuffle(shuffled)
    again = evaluate(gold, shuffled)
    assert again.total == t


def test_evaluate_imports_neither_spacy_nor_the_cli_libraries():
    import subprocess
    import sys

    code = "import sys, argmine.evaluate; print(sorted(m for m in ('spacy', 'typer', 'rich') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parent.parent)
    assert out.stdout.strip() == "[]"

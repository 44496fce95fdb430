"""PolNeAR-style attribution scores (argmine.attribution_scores) and the pairing under them
(argmine.matching), on a small case computed by hand."""

from __future__ import annotations

import itertools
import random
from pathlib import Path
from typing import Optional

import pytest

from argmine.attribution_scores import PredictedAttribution, agree, evaluate_attributions, score_document
from argmine.brat import BratDocument, GoldAttribution
from argmine.errors import UsageError
from argmine.matching import best_pairs, min_cost_assignment
from argmine.records import Actor, Claim, CueSpan, TextSpan

TEXT = (
    "Ann Lee said the plan works. Bob Roe said costs will rise sharply this year, the board agreed. "
    '"It is late," a nurse said. The minister denies it. Nobody asked.'
)
Range = tuple[int, int]


def at(piece: str, nth: int = 1) -> Range:
    start = -1
    for _ in range(nth):
        start = TEXT.index(piece, start + 1)
    return start, start + len(piece)


def positions(*ranges: Range) -> frozenset[int]:
    return frozenset(i for s, e in ranges for i in range(s, e))


def gold(gid: str, content: Range, source: Optional[Range] = None, cue: Optional[Range] = None) -> GoldAttribution:
    return GoldAttribution(
        id=gid,
        source=positions(source) if source else frozenset(),
        cue=positions(cue) if cue else frozenset(),
        content=positions(content),
        content_text=TEXT[slice(*content)],
    )


def span(r: Range) -> TextSpan:
    return TextSpan(text=TEXT[slice(*r)], start=r[0], end=r[1])


def claim(n: int, content: Range, source: Optional[Range] = None, cue: Optional[Range] = None, *, mode: str = "indirect", rule: Optional[str] = None) -> Claim:
    return Claim(
        id=f"a.txt#{n}",
        doc="a.txt",
        text=TEXT,
        start=0,
        end=len(TEXT),
        content=span(content),
        cue=CueSpan(**span(cue).model_dump()) if cue else None,
        source=span(source) if source else None,
        actor=Actor(id="x", name="x", kind="person"),
        mode=mode,
        stance="neutral",
        stance_score=0.0,
        target="integration",
        confidence=0.5,
        rule=rule,
    )


GOLD = BratDocument(
    name="a",
    text_path=Path("a.txt"),
    text=TEXT,
    attributions=[
        gold("E1", at("the plan works"), at("Ann Lee"), at("said", 1)),
        gold("E2", at("costs will rise"), at("Bob Roe"), at("said", 2)),
        gold("E3", at("sharply this year"), at("the board"), at("agreed")),
        gold("E4", at("It is late"), at("a nurse"), at("said", 3)),
        gold("E5", at("The minister denies it")),
        gold("E6", at("Nobody asked")),
    ],
)

PREDICTED = [
    claim(1, at("the plan works."), at("Ann Lee"), at("said", 1)),
    claim(2, at("costs will rise sharply this year"), at("the board"), at("agreed")),
    claim(3, at("this year"), at("Bob Roe"), at("said", 2)),
    claim(4, at('"It is late,"'), None, at("said", 3), mode="direct"),
    claim(5, at("The minister denies it."), at("The minister")),
    claim(6, at("Nobody asked."), mode="author"),
    claim(7, at("Bob Roe"), at("Ann Lee"), at("said", 1), rule="verb:say"),
]


def test_hand_computed_case():
    scores, _ = score_document(GOLD, PREDICTED)
    # content pairs: 1-E1, 2-E2, 3-E3 (not 2-E3, the larger overlap, which would leave 3 unpaired), 4-E4, 5-E5
    assert (scores.content.pairs, scores.content.predicted, scores.content.gold) == (5, 6, 6)  # the author claim is no attribution
    assert scores.content.precision == scores.content.recall == pytest.approx(5 / 6)
    # whole: 1-E1 and 2-E3 (sources 'the board' agree) — paired apart from the content pairing
    assert scores.whole.pairs == 2 and scores.whole.f1 == pytest.approx(1 / 3)
    # on content pairs, sources agree only in 1-E1; cues in 1-E1, 4-E4 and 5-E5 (both without a cue)
    assert (scores.source.agree, scores.source.matched) == (1, 5)
    assert (scores.cue.agree, scores.cue.matched) == (3, 5)


def test_mistakes_name_the_text_and_the_rule():
    _, mistakes = score_document(GOLD, PREDICTED)
    kinds = sorted((m.kind, m.gold_id or "", m.claim_id or "") for m in mistakes)
    assert kinds == [
        ("false_positive", "", "a.txt#7"),
        ("missed", "E6", ""),
        ("wrong_cue", "E2", "a.txt#2"),
        ("wrong_cue", "E3", "a.txt#3"),
        ("wrong_source", "E2", "a.txt#2"),
        ("wrong_source", "E3", "a.txt#3"),
        ("wrong_source", "E4", "a.txt#4"),
        ("wrong_source", "E5", "a.txt#5"),
    ]
    false_positive = next(m for m in mistakes if m.kind == "false_positive")
    assert (false_positive.content, false_positive.source, false_positive.rule) == ("Bob Roe", "Ann Lee", "verb:say")
    missed = next(m for m in mistakes if m.kind == "missed")
    assert missed.gold_content == "Nobody asked" and missed.gold_source is None


class PartedSpan(TextSpan):
    """A content in pieces, as the attribution component records a quote split by its cue."""

    parts: list[TextSpan]


def test_content_parts_are_used_when_present():
    whole = at('"It is late," a nurse said')
    parted = claim(1, whole, mode="direct")
    parted = parted.model_copy(update={"content": PartedSpan(**span(whole).model_dump(), parts=[span(at("It is")), span(at("late"))])})
    assert PredictedAttribution.of(parted).content == positions(at("It is"), at("late"))
    nurse = BratDocument(name="a", text_path=Path("a.txt"), text=TEXT, attributions=[gold("E1", at("a nurse"))])
    assert score_document(nurse, [parted])[0].content.pairs == 0  # the parts leave the gold span out
    assert score_document(nurse, [claim(2, whole)])[0].content.pairs == 1


def test_agreement_of_empty_and_overlapping_sets():
    assert agree(frozenset(), frozenset())
    assert agree(frozenset({1, 2}), frozenset({2, 3}))
    assert not agree(frozenset(), frozenset({1}))
    assert not agree(frozenset({1}), frozenset({2}))


def test_totals_are_micro_averaged_and_documents_matched_by_name():
    other = BratDocument(name="b", text_path=Path("b.txt"), text=TEXT, attributions=[gold("E1", at("Nobody asked"))])
    moved = [c.model_copy(update={"doc": "sub/a.txt"}) for c in PREDICTED]
    report = evaluate_attributions([GOLD, other], moved, documents=["sub/a.txt"])
    assert [row.doc for row in report.documents] == ["a.txt"] and report.gold_without_documents == ["b.txt"]
    both = evaluate_attributions([GOLD, other], PREDICTED)
    assert (both.total.content.pairs, both.total.content.predicted, both.total.content.gold) == (5, 6, 7)
    assert both.total.content.recall == pytest.approx(5 / 7)
    assert both.headline()["whole_f1"] == pytest.approx(2 * (2 / 6) * (2 / 7) / (2 / 6 + 2 / 7))


def test_one_article_for_two_predicted_documents_is_refused():
    twice = [PREDICTED[0].model_copy(update={"doc": "x/a.txt"}), PREDICTED[1].model_copy(update={"doc": "y/a.txt"})]
    with pytest.raises(UsageError, match="several documents"):
        evaluate_attributions([GOLD], twice)


# --------------------------------------------------------------------------- pairing


def test_most_pairs_before_largest_overlap():
    weights = {(0, 0): 15, (0, 1): 17, (1, 1): 9}
    assert best_pairs(2, 2, lambda p, g: weights.get((p, g))) == [(0, 0), (1, 1)]


def test_ties_in_pair_count_go_to_the_larger_overlap():
    weights = {(0, 0): 3, (0, 1): 8}
    assert best_pairs(1, 2, lambda p, g: weights.get((p, g))) == [(0, 1)]


def test_assignment_on_a_small_matrix():
    assert min_cost_assignment([[4, 1, 3], [2, 0, 5]]) == [1, 0]
    assert min_cost_assignment([]) == []


def _brute_force(n: int, m: int, weights: dict) -> tuple[int, int]:
    edges = list(weights)
    for k in range(min(n, m), -1, -1):
        best = None
        for combo in itertools.combinations(edges, k):
            if len({p for p, _ in combo}) == len({g for _, g in combo}) == k:
                total = sum(weights[e] for e in combo)
                best = total if best is None else max(best, total)
        if best is not None:
            return k, best
    return 0, 0


def test_pairing_equals_brute_force_on_random_graphs():
    rng = random.Random(7)
    for _ in range(200):
        n, m = rng.randint(0, 5), rng.randint(0, 5)
        weights = {(p, g): rng.randint(1, 6) for p in range(n) for g in range(m) if rng.random() < 0.45}
        pairs = best_pairs(n, m, lambda p, g: weights.get((p, g)))
        assert len({p for p, _ in pairs}) == len({g for _, g in pairs}) == len(pairs)
        assert (len(pairs), sum(weights[pair] for pair in pairs)) == _brute_force(n, m, weights)

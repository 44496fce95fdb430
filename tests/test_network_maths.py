"""DNA's network maths on small cases computed by hand.

Three actors and two targets. Claims (qualifier: 1 agrees, 0 disagrees):

    A: support P, support P, oppose Q            x_A: P{1:2}       Q{0:1}     t_A = 3
    B: mixed P (both ways), oppose Q             x_B: P{1:1, 0:1}  Q{0:1}     t_B = 3
    C: support Q, neutral P (no side)            x_C: Q{1:1}                  t_C = 1

With the qualifier ignored every claim counts once (C's neutral claim too, B's mixed claim once).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from argmine.dates import DateRange
from argmine.errors import UsageError
from argmine.network.build import NetworkOptions, build_network
from argmine.network.matrices import Matrix
from argmine.network.statements import ClaimFacts, Node
from argmine.network.windows import WindowSpec, _add_months

A = Node("a", "A", "actor", "person")
B = Node("b", "B", "actor", "organisation")
C = Node("c", "C", "actor", "group")

CLAIMS = [
    ClaimFacts("d1#1", "d1", A, "P", "support"),
    ClaimFacts("d1#2", "d1", A, "P", "support"),
    ClaimFacts("d1#3", "d1", A, "Q", "oppose"),
    ClaimFacts("d2#1", "d2", B, "P", "mixed"),
    ClaimFacts("d2#2", "d2", B, "Q", "oppose"),
    ClaimFacts("d3#1", "d3", C, "Q", "support"),
    ClaimFacts("d3#2", "d3", C, "P", "neutral"),
]


def weights(matrix: Matrix) -> dict[tuple[str, str], float]:
    """Non-zero cells by labels (one-mode: each pair once)."""
    return {(s.label, t.label): round(w, 6) for s, t, w in matrix.edges()}


def network(claims=CLAIMS, **options) -> Matrix:
    result = build_network(claims, NetworkOptions(**options))
    assert len(result.matrices) == 1
    return result.matrices[0]


# -- two-mode ---------------------------------------------------------------------------------


def test_two_mode_ignore_counts_claims() -> None:
    matrix = network()
    assert [n.label for n in matrix.rows] == ["A", "B", "C"] and [n.label for n in matrix.cols] == ["P", "Q"]
    assert weights(matrix) == {("A", "P"): 2, ("A", "Q"): 1, ("B", "P"): 1, ("B", "Q"): 1, ("C", "P"): 1, ("C", "Q"): 1}
    assert matrix.integer


def test_two_mode_subtract_is_agreement_minus_disagreement() -> None:
    matrix = network(aggregation="subtract")
    assert weights(matrix) == {("A", "P"): 2, ("A", "Q"): -1, ("B", "Q"): -1, ("C", "Q"): 1}  # B-P: 1 - 1 = 0


def test_two_mode_combine_codes_agreement_disagreement_and_both() -> None:
    matrix = network(aggregation="combine")
    assert weights(matrix) == {("A", "P"): 1, ("A", "Q"): 2, ("B", "P"): 3, ("B", "Q"): 2, ("C", "Q"): 1}


@pytest.mark.parametrize(
    "aggregation, expected",
    [
        # row totals: ignore A 3, B 2, C 2 (claims); subtract: statements A 3, B 3, C 1; combine: non-zero cells A 2, B 2, C 1
        ("ignore", {("A", "P"): 2 / 3, ("A", "Q"): 1 / 3, ("B", "P"): 1 / 2, ("B", "Q"): 1 / 2, ("C", "P"): 1 / 2, ("C", "Q"): 1 / 2}),
        ("subtract", {("A", "P"): 2 / 3, ("A", "Q"): -1 / 3, ("B", "Q"): -1 / 3, ("C", "Q"): 1.0}),
        ("combine", {("A", "P"): 1 / 2, ("A", "Q"): 1.0, ("B", "P"): 3 / 2, ("B", "Q"): 1.0, ("C", "Q"): 1.0}),
    ],
)
def test_two_mode_activity_normalisation(aggregation: str, expected: dict) -> None:
    matrix = network(aggregation=aggregation, normalisation="activity")
    assert weights(matrix) == {k: round(v, 6) for k, v in expected.items()}
    assert not matrix.integer


@pytest.mark.parametrize(
    "aggregation, expected",
    [
        # column totals: ignore P 4, Q 3; subtract: statements P 4, Q 3; combine: non-zero cells P 2, Q 3
        ("ignore", {("A", "P"): 2 / 4, ("A", "Q"): 1 / 3, ("B", "P"): 1 / 4, ("B", "Q"): 1 / 3, ("C", "P"): 1 / 4, ("C", "Q"): 1 / 3}),
        ("subtract", {("A", "P"): 2 / 4, ("A", "Q"): -1 / 3, ("B", "Q"): -1 / 3, ("C", "Q"): 1 / 3}),
        ("combine", {("A", "P"): 1 / 2, ("A", "Q"): 2 / 3, ("B", "P"): 3 / 2, ("B", "Q"): 2 / 3, ("C", "Q"): 1 / 3}),
    ],
)
def test_two_mode_prominence_normalisation(aggregation: str, expected: dict) -> None:
    matrix = network(aggregation=aggregation, normalisation="prominence")
    assert weights(matrix) == {k: round(v, 6) for k, v in expected.items()}


# -- one-mode -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "aggregation, expected",
    [
        # ignore over claims: A{P:2, Q:1}, B{P:1, Q:1}, C{P:1, Q:1}: A-B 2*1 + 1*1, A-C 2*1 + 1*1, B-C 1 + 1
        ("ignore", {("A", "B"): 3, ("A", "C"): 3, ("B", "C"): 2}),
        # A-B: P agree 2*1, Q disagree 1*1; A-C, B-C: none
        ("congruence", {("A", "B"): 3}),
        # A-B: P A agrees 2 x B disagrees 1; A-C: Q A disagrees x C agrees; B-C likewise
        ("conflict", {("A", "B"): 2, ("A", "C"): 1, ("B", "C"): 1}),
        ("subtract", {("A", "B"): 1, ("A", "C"): -1, ("B", "C"): -1}),
    ],
)
def test_one_mode_aggregations(aggregation: str, expected: dict) -> None:
    matrix = network(network_type="onemode", aggregation=aggregation)
    assert weights(matrix) == expected
    assert matrix.value(0, 0) == 0 and matrix.value(0, 1) == matrix.value(1, 0)  # zero diagonal, symmetric


@pytest.mark.parametrize(
    "normalisation, expected",
    [
        # subtract weights A-B 1, A-C -1, B-C -1; activities t_A 3, t_B 3, t_C 1
        ("average", {("A", "B"): 1 / 3, ("A", "C"): -1 / 2, ("B", "C"): -1 / 2}),
        # A-B shared cells (P,1): 2,1 and (Q,0): 1,1 -> m11 = 3; m10 = 0; m01 = B's (P,0) = 1 -> 4
        # A-C, B-C share no cell: m10 + m01 = 3 + 1
        ("jaccard", {("A", "B"): 1 / 4, ("A", "C"): -1 / 4, ("B", "C"): -1 / 4}),
        # DNA's cosine: sqrt(t^2) * sqrt(t'^2) = t * t'
        ("cosine", {("A", "B"): 1 / 9, ("A", "C"): -1 / 3, ("B", "C"): -1 / 3}),
    ],
)
def test_one_mode_normalisations(normalisation: str, expected: dict) -> None:
    matrix = network(network_type="onemode", aggregation="subtract", normalisation=normalisation)
    assert weights(matrix) == {k: round(v, 6) for k, v in expected.items()}


def test_jaccard_with_the_qualifier_ignored_still_matches_per_level() -> None:
    # ignore: A-B = 3. Cells: A (P,1) 2, (Q,0) 1; B (P,None) 1, (Q,0) 1: shared (Q,0) -> m11 1;
    # m10 = A's (P,1) 2; m01 = B's (P,None) 1 -> 4, as DNA counts matches per qualifier level
    matrix = network(network_type="onemode", aggregation="ignore", normalisation="jaccard")
    assert weights(matrix)[("A", "B")] == 0.75


def test_neutral_and_mixed_claims_are_reported() -> None:
    result = build_network(CLAIMS, NetworkOptions(aggregation="subtract"))
    assert result.left_out == {"neutral (no side taken)": 1}
    result = build_network(CLAIMS, NetworkOptions(aggregation="subtract", mixed="exclude"))
    assert result.left_out == {"neutral (no side taken)": 1, "mixed": 1}
    assert weights(result.matrices[0]) == {("A", "P"): 2, ("A", "Q"): -1, ("B", "Q"): -1, ("C", "Q"): 1}


def test_options_that_do_not_fit_the_network_type_are_usage_errors() -> None:
    with pytest.raises(UsageError, match="--aggregation congruence does not apply to two-mode"):
        NetworkOptions(aggregation="congruence")
    with pytest.raises(UsageError, match="--normalisation activity does not apply to one-mode"):
        NetworkOptions(network_type="onemode", normalisation="activity")
    with pytest.raises(UsageError, match="--aggregation combine does not apply to one-mode"):
        NetworkOptions(network_type="onemode", aggregation="combine")


# -- duplicates and dates -----------------------------------------------------------------------

DATED = [
    ClaimFacts("d1#1", "d1", A, "P", "support", "2015-03-02"),  # Monday, ISO week 10
    ClaimFacts("d1#2", "d1", A, "P", "support", "2015-03-02"),  # same document
    ClaimFacts("d1#3", "d1", A, "P", "oppose", "2015-03-02"),  # same document, other side
    ClaimFacts("d2#1", "d2", A, "P", "support", "2015-03-08"),  # Sunday, still week 10
    ClaimFacts("d3#1", "d3", A, "P", "support", "2015-03-09"),  # Monday, week 11
    ClaimFacts("d4#1", "d4", A, "P", "support", "2016-03-01"),  # March again, a year later
]


@pytest.mark.parametrize(
    "duplicates, expected",
    [
        ("include", 5 - 1),
        ("document", 4 - 1),  # d1's second support is the same statement in the same document
        ("week", 3 - 1),  # week 10 (d1, d2), week 11 (d3), 2016 (d4)
        ("month", 2 - 1),  # March 2015, March 2016 (DNA would compare the month number only)
        ("year", 2 - 1),
        ("acrossrange", 1 - 1),
    ],
)
def test_duplicates_with_the_qualifier(duplicates: str, expected: int) -> None:
    matrix = network(DATED, aggregation="subtract", duplicates=duplicates)
    assert matrix.value(0, 0) == expected


def test_duplicates_with_the_qualifier_ignored_disregard_the_stance() -> None:
    assert network(DATED, duplicates="document").value(0, 0) == 4  # d1's three claims are one
    assert network(DATED).value(0, 0) == 6


def test_date_range_keeps_dated_claims_within_it_at_their_precision() -> None:
    claims = DATED + [ClaimFacts("d5#1", "d5", B, "P", "support", "2015-03"), ClaimFacts("d6#1", "d6", B, "P", "oppose")]
    result = build_network(claims, NetworkOptions(span=DateRange(since="2015-03-05", until="2015")))
    assert weights(result.matrices[0]) == {("A", "P"): 2, ("B", "P"): 1}  # d2, d3; d5's month overlaps the range
    assert result.left_out == {"outside --since/--until or undated": 5}


def test_isolates_keeps_every_node_in_every_matrix() -> None:
    span = DateRange(until="2015-12-31")
    claims = DATED + [ClaimFacts("d9#1", "d9", C, "Q", "support", "2017-01-01")]
    assert [n.label for n in network(claims, span=span).rows] == ["A"]
    matrix = network(claims, span=span, isolates=True)
    assert [n.label for n in matrix.rows] == ["A", "C"] and [n.label for n in matrix.cols] == ["P", "Q"]


# -- time windows -------------------------------------------------------------------------------


def test_moving_windows_are_centred_and_lie_within_the_range() -> None:
    claims = [
        ClaimFacts("d1#1", "d1", A, "P", "support", "2015-01-15"),
        ClaimFacts("d2#1", "d2", B, "P", "support", "2015-02-15"),
        ClaimFacts("d3#1", "d3", C, "P", "oppose", "2015-03-15"),
        ClaimFacts("d4#1", "d4", A, "P", "oppose", "2015-04-15"),
        ClaimFacts("d5#1", "d5", C, "P", "oppose"),  # undated: in no window
    ]
    result = build_network(claims, NetworkOptions(aggregation="subtract", window=WindowSpec.parse("3m")))
    # 3 months reach one month each way; centres 15 Jan (starts before the range), 15 Feb, 15 Mar, 15 Apr (ends after)
    assert [(m.time, m.start, m.stop) for m in result.matrices] == [
        (datetime(2015, 2, 15), datetime(2015, 1, 15), datetime(2015, 3, 15)),
        (datetime(2015, 3, 15), datetime(2015, 2, 15), datetime(2015, 4, 15)),
    ]
    assert [weights(m) for m in result.matrices] == [
        {("A", "P"): 1, ("B", "P"): 1, ("C", "P"): -1},
        {("A", "P"): -1, ("B", "P"): 1, ("C", "P"): -1},
    ]
    assert result.left_out == {"undated (no window)": 1}


def test_window_sizes_and_calendar_months() -> None:
    assert WindowSpec.parse("6m").reach == 3  # Java's Math.round(2.5) == 3
    assert WindowSpec.parse("1 year").reach == 0 and WindowSpec.parse("2w").reach == 1
    assert _add_months(datetime(2015, 1, 31), 1) == datetime(2015, 2, 28)
    with pytest.raises(UsageError, match="--window '6 fortnights'"):
        WindowSpec.parse("6 fortnights")

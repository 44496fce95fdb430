"""Network matrices from statements, with DNA's aggregations and normalisations.

The statements fill an array x[i][j][k]: how often actor i referred to
concept j with qualifier level k (1 agrees, 0 disagrees, None no side).
From it, following the DNA manual (Leifeld, "Discourse Network Analyzer
Manual", chapter "Algorithms") and its exporter:

Two-mode (actor × concept), y_ij =
    ignore      Σ_k x_ijk
    subtract    x_ij1 − x_ij0
    combine     0 none, 1 agreement only, 2 disagreement only, 3 both
normalised by activity (÷ the actor's row total) or prominence (÷ the
concept's column total); the totals are the row/column sums for ignore, the
number of statements for subtract and the number of non-zero cells for
combine (which DNA warns cannot be interpreted).

One-mode (actor × actor over shared concepts), y_ii' = Σ_j of
    ignore      (Σ_k x_ijk)(Σ_k x_i'jk)
    congruence  Σ_k x_ijk x_i'jk                 (co-support, co-rejection)
    conflict    Σ_{k≠k'} x_ijk x_i'jk'           (one supports, the other rejects)
    subtract    congruence − conflict
normalised by average activity (÷ (t_i + t_i')/2), Jaccard
(÷ Σ x_ijk[x_i'jk=0] + Σ x_i'jk[x_ijk=0] + Σ x_ijk x_i'jk) or DNA's cosine
(÷ √(t_i²)·√(t_i'²), the product of the two actors' activities as the
manual defines it), where t_i = Σ_jk x_ijk. The diagonal is zero; a
denominator of zero gives zero.

Matrices are sparse (only non-zero cells are kept): one-mode work grows with
the pairs of actors that share a concept, not with the square of all actors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Iterable, Optional, Sequence

from argmine.network.statements import Node, Qualifier, Statement

TWO_MODE_AGGREGATIONS = ("ignore", "subtract", "combine")
ONE_MODE_AGGREGATIONS = ("ignore", "congruence", "conflict", "subtract")
TWO_MODE_NORMALISATIONS = ("no", "activity", "prominence")
ONE_MODE_NORMALISATIONS = ("no", "average", "jaccard", "cosine")

Levels = dict[Qualifier, int]  # qualifier level -> statements
Array = dict[str, dict[str, Levels]]  # actor id -> concept id -> levels


@dataclass
class Matrix:
    """One network: rows × cols with the non-zero cells, and when it covers.

    `integer` says every weight is a whole number (no normalisation), as DNA
    marks its matrices for export. `time` is a time window's midpoint.
    """

    rows: list[Node]
    cols: list[Node]
    cells: dict[tuple[int, int], float] = field(default_factory=dict)
    integer: bool = True
    one_mode: bool = False
    statements: int = 0
    start: Optional[datetime] = None
    stop: Optional[datetime] = None
    time: Optional[datetime] = None

    def value(self, row: int, col: int) -> float:
        return self.cells.get((row, col), 0.0)

    def edges(self) -> list[tuple[Node, Node, float]]:
        """(source, target, weight) of each non-zero cell; one-mode: each pair once (row < col)."""
        out = []
        for (i, j), weight in sorted(self.cells.items()):
            if self.one_mode and i >= j:
                continue
            out.append((self.rows[i], self.cols[j], weight))
        return out


def fill(statements: Iterable[Statement]) -> Array:
    """The array x: counts per actor, concept and qualifier level."""
    array: Array = {}
    for s in statements:
        levels = array.setdefault(s.actor.id, {}).setdefault(s.concept.id, {})
        levels[s.agreement] = levels.get(s.agreement, 0) + 1
    return array


def sorted_nodes(nodes: Iterable[Node]) -> list[Node]:
    """Nodes in DNA's order: by label (then id, for equal labels)."""
    return sorted({n.id: n for n in nodes}.values(), key=lambda n: (n.label, n.id))


# -- two-mode -----------------------------------------------------------------------------------


def _two_mode_cell(levels: Levels, aggregation: str) -> float:
    if aggregation == "ignore":
        return float(sum(levels.values()))
    if aggregation == "subtract":
        return float(levels.get(1, 0) - levels.get(0, 0))
    if aggregation == "combine":
        return float((2 if levels.get(0) else 0) + (1 if levels.get(1) else 0))
    raise ValueError(f"two-mode aggregation must be one of {TWO_MODE_AGGREGATIONS}, not {aggregation!r}")


def two_mode(
    statements: Sequence[Statement], rows: Sequence[Node], cols: Sequence[Node], *, aggregation: str, normalisation: str
) -> Matrix:
    """The actor × concept matrix (rows: actors, cols: concepts)."""
    if normalisation not in TWO_MODE_NORMALISATIONS:
        raise ValueError(f"two-mode normalisation must be one of {TWO_MODE_NORMALISATIONS}, not {normalisation!r}")
    array = fill(statements)
    row_of = {n.id: i for i, n in enumerate(rows)}
    col_of = {n.id: j for j, n in enumerate(cols)}
    cells: dict[tuple[int, int], float] = {}
    totals: dict[tuple[int, int], int] = {}  # statements per cell, for subtract's denominators
    for actor, concepts in array.items():
        for concept, levels in concepts.items():
            if actor in row_of and concept in col_of:
                key = (row_of[actor], col_of[concept])
                cells[key] = _two_mode_cell(levels, aggregation)
                totals[key] = sum(levels.values())
    if normalisation != "no":
        _normalise_two_mode(cells, totals, by_row=normalisation == "activity", aggregation=aggregation)
    return Matrix(
        rows=list(rows),
        cols=list(cols),
        cells={k: v for k, v in cells.items() if v != 0},
        integer=normalisation == "no",
        statements=len(statements),
    )


def _normalise_two_mode(
    cells: dict[tuple[int, int], float], totals: dict[tuple[int, int], int], *, by_row: bool, aggregation: str
) -> None:
    """Activity (by row) or prominence (by column) normalisation, in place."""
    denominators: dict[int, float] = {}
    for key, weight in cells.items():
        line = key[0] if by_row else key[1]
        if aggregation == "ignore":
            part = weight
        elif aggregation == "subtract":
            part = float(totals[key])
        else:  # combine: how many cells are non-zero
            part = 1.0 if weight > 0 else 0.0
        denominators[line] = denominators.get(line, 0.0) + part
    for key in cells:
        denominator = denominators.get(key[0] if by_row else key[1], 0.0)
        cells[key] = cells[key] / denominator if denominator else 0.0


# -- one-mode -----------------------------------------------------------------------------------


@dataclass
class _Pair:
    """What two actors share, summed over concepts: the raw weight and Jaccard's parts."""

    weight: float = 0.0
    shared_first: float = 0.0  # Σ x_ijk over cells both use
    shared_second: float = 0.0  # Σ x_i'jk over cells both use
    products: float = 0.0  # Σ x_ijk x_i'jk over cells both use


def _pair_weight(a: Levels, b: Levels, aggregation: str) -> float:
    if aggregation == "ignore":
        return float(sum(a.values()) * sum(b.values()))
    congruence = sum(count * b.get(level, 0) for level, count in a.items() if level is not None)
    if aggregation == "congruence":
        return float(congruence)
    conflict = a.get(1, 0) * b.get(0, 0) + a.get(0, 0) * b.get(1, 0)
    if aggregation == "conflict":
        return float(conflict)
    if aggregation == "subtract":
        return float(congruence - conflict)
    raise ValueError(f"one-mode aggregation must be one of {ONE_MODE_AGGREGATIONS}, not {aggregation!r}")


def _pairs(array: Array, aggregation: str, jaccard: bool = True) -> dict[tuple[str, str], _Pair]:
    """Every pair of actors that shares a concept (first id < second id), with what they share
    (Jaccard's parts only when `jaccard`: the other normalisations need the weight alone)."""
    by_concept: dict[str, list[tuple[str, Levels]]] = {}
    for actor, concepts in array.items():
        for concept, levels in concepts.items():
            by_concept.setdefault(concept, []).append((actor, levels))
    pairs: dict[tuple[str, str], _Pair] = {}
    for users in by_concept.values():
        users.sort(key=lambda item: item[0])
        for n, (first, a) in enumerate(users):
            for second, b in users[n + 1 :]:
                pair = pairs.get((first, second))
                if pair is None:
                    pair = pairs[(first, second)] = _Pair()
                pair.weight += _pair_weight(a, b, aggregation)
                if not jaccard:
                    continue
                for level, count in a.items():
                    other = b.get(level, 0)
                    if other:
                        pair.shared_first += count
                        pair.shared_second += other
                        pair.products += count * other
    return pairs


def _one_mode_norm(pair: _Pair, first_total: float, second_total: float, normalisation: str) -> float:
    if normalisation == "average":
        return (first_total + second_total) / 2
    if normalisation == "jaccard":
        return (first_total - pair.shared_first) + (second_total - pair.shared_second) + pair.products
    if normalisation == "cosine":
        return first_total * second_total
    return 1.0


def one_mode(statements: Sequence[Statement], rows: Sequence[Node], *, aggregation: str, normalisation: str) -> Matrix:
    """The actor × actor matrix over shared concepts."""
    if normalisation not in ONE_MODE_NORMALISATIONS:
        raise ValueError(f"one-mode normalisation must be one of {ONE_MODE_NORMALISATIONS}, not {normalisation!r}")
    array = fill(statements)
    totals = {actor: float(sum(sum(levels.values()) for levels in concepts.values())) for actor, concepts in array.items()}
    row_of = {n.id: i for i, n in enumerate(rows)}
    cells: dict[tuple[int, int], float] = {}
    for (first, second), pair in _pairs(array, aggregation, normalisation == "jaccard").items():
        if first not in row_of or second not in row_of or pair.weight == 0:
            continue
        norm = _one_mode_norm(pair, totals[first], totals[second], normalisation)
        weight = pair.weight / norm if norm else 0.0
        if weight:
            i, j = row_of[first], row_of[second]
            cells[(i, j)] = cells[(j, i)] = weight
    return Matrix(
        rows=list(rows),
        cols=list(rows),
        cells=cells,
        integer=normalisation == "no",
        one_mode=True,
        statements=len(statements),
    )

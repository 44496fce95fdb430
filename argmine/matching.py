"""One-to-one pairing of predictions with gold items: as many pairs as possible, then the heaviest.

Attribution scoring pairs predicted and gold attributions whose contents
overlap; when several pairings reach the same number of pairs, the one with
the larger total overlap wins. That is a maximum-weight assignment with every
allowed pair weighing more than all overlaps together plus its own overlap,
solved exactly (Hungarian method) on each connected group of candidates —
groups are small in text, since contents overlap only near each other.
"""

from __future__ import annotations

from typing import Callable, Sequence

#: weight(p, g): the overlap of an allowed pair, or None when p and g may not be paired.
Weight = Callable[[int, int], "int | None"]


def _groups(edges: dict[tuple[int, int], int]) -> list[tuple[list[int], list[int]]]:
    """Connected groups of the candidate graph, as (predictions, gold items)."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(node: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for p, g in edges:
        parent[find(("p", p))] = find(("g", g))
    members: dict[tuple[str, int], tuple[list[int], list[int]]] = {}
    for node in list(parent):
        preds, golds = members.setdefault(find(node), ([], []))
        (preds if node[0] == "p" else golds).append(node[1])
    return [(sorted(p), sorted(g)) for p, g in members.values()]


def min_cost_assignment(cost: Sequence[Sequence[int]]) -> list[int]:
    """The column given to each row, minimising the total cost (rows <= columns).

    The Hungarian method with potentials, O(rows² · columns); integer costs stay exact.
    """
    rows, cols = len(cost), len(cost[0]) if cost else 0
    infinity = float("inf")
    u, v = [0] * (rows + 1), [0] * (cols + 1)
    owner, way = [0] * (cols + 1), [0] * (cols + 1)  # owner[j]: row (1-based) holding column j
    for row in range(1, rows + 1):
        owner[0], col = row, 0
        least, used = [infinity] * (cols + 1), [False] * (cols + 1)
        while owner[col]:
            used[col], current, delta, nearest = True, owner[col], infinity, 0
            for j in range(1, cols + 1):
                if not used[j]:
                    reduced = cost[current - 1][j - 1] - u[current] - v[j]
                    if reduced < least[j]:
                        least[j], way[j] = reduced, col
                    if least[j] < delta:
                        delta, nearest = least[j], j
            for j in range(cols + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    least[j] -= delta
            col = nearest
        while col:
            previous = way[col]
            owner[col] = owner[previous]
            col = previous
    assigned = [0] * rows
    for j in range(1, cols + 1):
        if owner[j]:
            assigned[owner[j] - 1] = j - 1
    return assigned


def _solve_group(preds: list[int], golds: list[int], edges: dict[tuple[int, int], int]) -> list[tuple[int, int]]:
    transpose = len(preds) > len(golds)
    rows, cols = (golds, preds) if transpose else (preds, golds)
    bonus = sum(edges.get((p, g), 0) for p in preds for g in golds) + 1

    def weight(r: int, c: int) -> int:
        key = (c, r) if transpose else (r, c)
        return bonus + edges[key] if key in edges else 0

    cost = [[-weight(r, c) for c in cols] for r in rows]
    pairs = []
    for i, j in enumerate(min_cost_assignment(cost)):
        r, c = rows[i], cols[j]
        key = (c, r) if transpose else (r, c)
        if key in edges:
            pairs.append(key)
    return pairs


def best_pairs(n_predicted: int, n_gold: int, weight: Weight) -> list[tuple[int, int]]:
    """A one-to-one set of (prediction, gold) pairs among the allowed ones: the most pairs,
    and among those the largest total weight. Sorted by prediction."""
    edges = {}
    for p in range(n_predicted):
        for g in range(n_gold):
            w = weight(p, g)
            if w is not None:
                edges[(p, g)] = w
    pairs = [pair for preds, golds in _groups(edges) for pair in _solve_group(preds, golds, edges)]
    return sorted(pairs)

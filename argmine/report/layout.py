"""Node positions for the network drawings: offline, deterministic, pure Python.

Nodes start on a circle in the order given (the caller sorts them, so the same
network is always drawn the same way), then a fixed number of
Fruchterman–Reingold steps pull linked nodes together and push all apart,
with a cooling step size, a pull toward the centre (so unlinked nodes do
not drift off) and the square [-1, 1]² as a wall. No randomness: the same input gives the same
picture, byte for byte.
"""

from __future__ import annotations

import math
from typing import Sequence

Point = tuple[float, float]


def circle(count: int) -> list[Point]:
    """`count` points evenly on the unit circle, the first at the top."""
    if count == 1:
        return [(0.0, 0.0)]
    return [(math.sin(2 * math.pi * i / count), -math.cos(2 * math.pi * i / count)) for i in range(count)]


def _repulsion(points: list[Point], k: float) -> list[list[float]]:
    moves = [[0.0, 0.0] for _ in points]
    for i, (xi, yi) in enumerate(points):
        for j in range(i + 1, len(points)):
            dx, dy = xi - points[j][0], yi - points[j][1]
            distance = max(math.hypot(dx, dy), 1e-6)
            force = k * k / distance
            moves[i][0] += dx / distance * force
            moves[i][1] += dy / distance * force
            moves[j][0] -= dx / distance * force
            moves[j][1] -= dy / distance * force
    return moves


def force_layout(count: int, edges: Sequence[tuple[int, int, float]], *, steps: int = 60) -> list[Point]:
    """Positions in [-1, 1]² for `count` nodes linked by (i, j, weight) edges."""
    points = circle(count)
    if count < 3 or not edges:
        return points
    k = math.sqrt(4.0 / count)
    for step in range(steps):
        moves = _repulsion(points, k)
        for i, j, weight in edges:
            dx, dy = points[i][0] - points[j][0], points[i][1] - points[j][1]
            distance = max(math.hypot(dx, dy), 1e-6)
            force = distance * distance / k * (0.1 + min(abs(weight), 4.0) / 20.0)
            for node, sign in ((i, -1.0), (j, 1.0)):
                moves[node][0] += sign * dx / distance * force
                moves[node][1] += sign * dy / distance * force
        for move, (x, y) in zip(moves, points):  # gravity: unlinked nodes stay near the rest
            move[0] -= x * k
            move[1] -= y * k
        heat = 0.1 * (1 - step / steps)
        points = [_boxed(_moved(p, m, heat)) for p, m in zip(points, moves)]
    return _fitted(points)


def _moved(point: Point, move: list[float], heat: float) -> Point:
    length = math.hypot(move[0], move[1])
    if length == 0:
        return point
    scale = min(length, heat) / length
    return (point[0] + move[0] * scale, point[1] + move[1] * scale)


def _boxed(point: Point) -> Point:
    return (min(max(point[0], -1.0), 1.0), min(max(point[1], -1.0), 1.0))


def _fitted(points: list[Point]) -> list[Point]:
    """Points scaled and centred into [-1, 1]² (the aspect kept)."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    span = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
    return [((x - cx) / span, (y - cy) / span) for x, y in points]

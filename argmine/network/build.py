"""From claims to networks: options checked, statements made and filtered, matrices built.

`build_network` is what `argmine network` calls; it returns plain data that
the exporters (`argmine.network.export`) write in each format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time
from typing import Iterable, Literal, Optional, Sequence

from argmine.dates import DateRange, date_bounds
from argmine.errors import UsageError
from argmine.network.matrices import (
    ONE_MODE_AGGREGATIONS,
    ONE_MODE_NORMALISATIONS,
    TWO_MODE_AGGREGATIONS,
    TWO_MODE_NORMALISATIONS,
    Matrix,
    one_mode,
    sorted_nodes,
    two_mode,
)
from argmine.network.statements import DUPLICATES, MIXED, ClaimFacts, Statement, filtered, to_statements
from argmine.network.windows import WindowSpec, windows

NetworkType = Literal["twomode", "onemode"]


@dataclass(frozen=True)
class NetworkOptions:
    """DNA's export settings, under DNA's names.

    Args:
        network_type: "twomode" (actor × target) or "onemode" (actor × actor).
        aggregation: qualifier aggregation; two-mode: ignore, subtract, combine;
            one-mode: ignore, congruence, conflict, subtract.
        normalisation: "no"; two-mode: activity, prominence; one-mode:
            average, jaccard, cosine.
        duplicates: include, document, week, month, year, acrossrange.
        span: the date range (``--since``/``--until``).
        window: moving time windows, or None for one network.
        isolates: every node of every claim in every matrix (DNA's "include
            isolates"), not only those active in the range or window.
        mixed: "both" (a mixed claim agrees and disagrees) or "exclude".
    """

    network_type: NetworkType = "twomode"
    aggregation: str = "ignore"
    normalisation: str = "no"
    duplicates: str = "include"
    span: DateRange = field(default_factory=DateRange)
    window: Optional[WindowSpec] = None
    isolates: bool = False
    mixed: str = "both"

    def __post_init__(self) -> None:
        two = self.network_type == "twomode"
        if self.network_type not in ("twomode", "onemode"):
            raise UsageError(f"network type must be twomode or onemode, not {self.network_type!r}")
        aggregations = TWO_MODE_AGGREGATIONS if two else ONE_MODE_AGGREGATIONS
        if self.aggregation not in aggregations:
            raise UsageError(
                f"--aggregation {self.aggregation} does not apply to {self.label} networks "
                f"(use {', '.join(aggregations)})"
            )
        normalisations = TWO_MODE_NORMALISATIONS if two else ONE_MODE_NORMALISATIONS
        if self.normalisation not in normalisations:
            raise UsageError(
                f"--normalisation {self.normalisation} does not apply to {self.label} networks "
                f"(use {', '.join(normalisations)})"
            )
        if self.duplicates not in DUPLICATES:
            raise UsageError(f"--duplicates must be one of {', '.join(DUPLICATES)}")
        if self.mixed not in MIXED:
            raise UsageError(f"--mixed must be one of {', '.join(MIXED)}")

    @property
    def label(self) -> str:
        return "two-mode" if self.network_type == "twomode" else "one-mode"

    @property
    def uses_qualifier(self) -> bool:
        return self.aggregation != "ignore"


@dataclass
class NetworkResult:
    """The networks (one, or one per window) and what went into them.

    `frequency` counts each node's statements after filtering (DNA's GraphML
    "frequency" attribute). `left_out` says how many claims made no
    statement and why, for the CLI to tell the user.
    """

    options: NetworkOptions
    matrices: list[Matrix]
    statements: list[Statement]
    frequency: dict[str, int]
    left_out: dict[str, int] = field(default_factory=dict)

    @property
    def windowed(self) -> bool:
        return self.options.window is not None


def build_network(facts: Sequence[ClaimFacts], options: NetworkOptions) -> NetworkResult:
    """DNA's export on argmine's claims: statements, filter, matrices (per window)."""
    made = to_statements(facts, use_qualifier=options.uses_qualifier, mixed=options.mixed)
    left_out = _left_out(facts, made, options)
    kept = filtered(made, span=options.span, duplicates=options.duplicates, use_qualifier=options.uses_qualifier)
    if not options.span.open:
        inside = {s.claim_id for s in made if s.when is not None and s.date in options.span}
        left_out["outside --since/--until or undated"] = len({s.claim_id for s in made} - inside)
    universe = made if options.isolates else None
    if options.window is None:
        matrices = [_matrix(kept, universe, options)]
    else:
        matrices = _windowed(kept, universe, options)
        undated = len({s.claim_id for s in kept if s.when is None})
        if undated:
            left_out["undated (no window)"] = undated
    frequency: dict[str, int] = {}
    for statement in kept:
        for node in (statement.actor, statement.concept):
            frequency[node.id] = frequency.get(node.id, 0) + 1
    return NetworkResult(options, matrices, kept, frequency, {k: v for k, v in left_out.items() if v})


def _left_out(facts: Sequence[ClaimFacts], made: Sequence[Statement], options: NetworkOptions) -> dict[str, int]:
    """Claims that made no statement, by stance (neutral takes no side; mixed when excluded)."""
    counted = {s.claim_id for s in made}
    out: dict[str, int] = {}
    for fact in facts:
        if fact.claim_id not in counted:
            reason = f"{fact.stance} (no side taken)" if fact.stance == "neutral" else fact.stance
            out[reason] = out.get(reason, 0) + 1
    return out


def _matrix(statements: Sequence[Statement], universe: Optional[Sequence[Statement]], options: NetworkOptions) -> Matrix:
    """One matrix over `statements`; its nodes are theirs, or all of `universe`'s (isolates)."""
    pool: Iterable[Statement] = universe if universe is not None else statements
    pool = list(pool)
    actors = sorted_nodes(s.actor for s in pool)
    if options.network_type == "twomode":
        concepts = sorted_nodes(s.concept for s in pool)
        return two_mode(
            statements, actors, concepts, aggregation=options.aggregation, normalisation=options.normalisation
        )
    return one_mode(statements, actors, aggregation=options.aggregation, normalisation=options.normalisation)


def _windowed(statements: Sequence[Statement], universe: Optional[Sequence[Statement]], options: NetworkOptions) -> list[Matrix]:
    assert options.window is not None
    dated = [s.when for s in statements if s.when is not None]
    if not dated:
        return []
    start = _first_moment(options.span.since) if options.span.since else min(dated)  # type: ignore[type-var]
    stop = _last_moment(options.span.until) if options.span.until else max(dated)  # type: ignore[type-var]
    matrices = []
    for window in windows(statements, options.window, start, stop):
        matrix = _matrix(window.statements, universe, options)
        matrix.start, matrix.stop, matrix.time = window.start, window.stop, window.time
        matrices.append(matrix)
    return matrices


def _first_moment(value: str) -> datetime:
    return datetime.combine(date_bounds(value)[0], time.min)


def _last_moment(value: str) -> datetime:
    return datetime.combine(date_bounds(value)[1], time(23, 59, 59))


def build_events(facts: Sequence[ClaimFacts], options: NetworkOptions) -> list[Statement]:
    """DNA's event list: one statement per claim, whatever its stance, through the same
    date range and duplicate filter as the networks, in date order."""
    made = to_statements(facts, use_qualifier=False)
    return filtered(made, span=options.span, duplicates=options.duplicates, use_qualifier=options.uses_qualifier)

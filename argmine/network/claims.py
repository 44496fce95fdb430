"""Query rows as `ClaimFacts`: actors merged across documents into nodes with unique labels.

Actors are merged as `argmine actors` merges them (by name and kind; the
unnamed writers of different articles stay apart), so a node is a row of
the `actors` table. DNA labels nodes by name, so labels must be unique: an
unnamed writer is labelled with its document ("author (003.txt)"), and two
actors that still share a name get their kind, then their id, added.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable, Optional, Protocol, Sequence

from argmine.aggregate import ActorAggregator, ActorKey
from argmine.network.statements import ClaimFacts, Node
from argmine.records import ActorSummary


class Row(Protocol):
    """What a query row offers (argmine.store.ClaimRow has it)."""

    doc: str
    actor: Any
    stance: str


@dataclass(frozen=True)
class RowFacts:
    """One row's place in a network: its claim id, target and date, supplied by the caller."""

    claim_id: str
    target: str
    date: Optional[str]


def actor_nodes(summaries: dict[ActorKey, ActorSummary]) -> dict[ActorKey, Node]:
    """One node per merged actor, with a label no other node has."""
    def base(key: ActorKey, summary: ActorSummary) -> str:
        if key[:2] == ("author", "") and summary.docs:  # an unnamed writer: one document's
            return f"{summary.name} ({summary.docs[0]})"
        return summary.name

    labels = {key: base(key, s) for key, s in summaries.items()}
    labels = _disambiguate(labels, lambda key: f"{labels[key]} ({summaries[key].kind})")
    labels = _disambiguate(labels, lambda key: f"{labels[key]} [{summaries[key].id}]")
    return {
        key: Node(id=s.id, label=labels[key], mode="actor", kind=s.kind) for key, s in summaries.items()
    }


def _disambiguate(labels: dict[ActorKey, str], longer: Callable[[ActorKey], str]) -> dict[ActorKey, str]:
    """Labels that several keys share, made longer by `longer`; unique ones kept."""
    count: dict[str, int] = {}
    for label in labels.values():
        count[label] = count.get(label, 0) + 1
    return {key: (longer(key) if count[label] > 1 else label) for key, label in labels.items()}


def claim_facts(
    rows: Sequence[Row],
    details: Sequence[RowFacts],
    *,
    document_of: Optional[Callable[[str], Any]] = None,
    kinds: Optional[Iterable[str]] = None,
) -> list[ClaimFacts]:
    """`ClaimFacts` for rows (with their details, in the same order), actors merged across
    documents; only actors of `kinds` when given (merging still sees every claim)."""
    aggregator = ActorAggregator(document_of=document_of)
    keys = [aggregator.add(row.actor, row.doc, row.stance) for row in rows]
    nodes = actor_nodes(aggregator.summaries_by_key())
    wanted = set(kinds) if kinds else None
    return [
        ClaimFacts(detail.claim_id, row.doc, nodes[key], detail.target, row.stance, detail.date)
        for row, detail, key in zip(rows, details, keys)
        if wanted is None or nodes[key].kind in wanted
    ]

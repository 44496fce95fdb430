"""Claims for a network or a report: every target's claims at once, as statement facts.

Queries (`who-said`, `actors`) answer about one target; a discourse network
has every target as a concept node, so this gathers the store's snapshots of
all (or the chosen) targets into one `ClaimSource`, and turns its rows into
`ClaimFacts` with actors merged across documents *and* targets (the same
person is one node whatever the target).

A row gives one (target, stance) pair today. A record that carries a
`stances` list (several targets in one run) gives one pair per entry; it is
read defensively, so records without it keep working. The same claim seen
twice about the same target (from two snapshots) counts once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping, Optional, Sequence

from argmine.network.claims import RowFacts, claim_facts
from argmine.network.statements import ClaimFacts

if TYPE_CHECKING:  # pragma: no cover
    from argmine.query import ClaimSource
    from argmine.store import ClaimRow, Store


def store_source(store: "Store", targets: Optional[Sequence[str]] = None) -> "ClaimSource":
    """The claims `extract` last put in the store about each of `targets` (None: all), in one source."""
    from argmine.query import ClaimSource

    rows: list["ClaimRow"] = []
    snapshots: list[Any] = []
    for target in targets if targets is not None else store.targets():
        snapshot = store.snapshot(target)
        rows.extend(snapshot.rows)
        snapshots.append(snapshot.documents)
    documents = _Documents(snapshots)
    return ClaimSource(documents, rows, store.load_claims, documents.head_by_name)


class _Documents(Mapping[str, Any]):
    """Documents by source path across several snapshots (the first that has one), parsed on use."""

    def __init__(self, snapshots: Sequence[Any]) -> None:
        self._snapshots = list(snapshots)
        self._held = [set(documents) for documents in self._snapshots]  # `in` on a snapshot would parse
        self._paths = list(dict.fromkeys(path for documents in self._snapshots for path in documents))

    def __contains__(self, path: object) -> bool:
        return any(path in held for held in self._held)

    def __getitem__(self, path: str) -> Any:
        for documents, held in zip(self._snapshots, self._held):
            if path in held:
                return documents[path]
        raise KeyError(path)

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)

    def head_by_name(self, doc: str) -> Any:
        for documents in self._snapshots:
            head = documents.head_by_name(doc)
            if head is not None:
                return head
        return None


def claim_id(row: "ClaimRow") -> str:
    """The claim's record id ('<doc>#<n>') without parsing the record."""
    if row.claim is not None:
        return row.claim.id
    if row.ref is not None:
        return f"{row.doc}#{row.ref[1] + 1}"
    return f"{row.doc}#?"


def _named_field(item: Any, name: str) -> Optional[str]:
    value = item.get(name) if isinstance(item, dict) else getattr(item, name, None)
    return str(value) if value else None


def row_stances(row: "ClaimRow") -> list[tuple[str, str]]:
    """(target, stance) pairs of one row: its `stances` list when the record has one, else its own."""
    listed = getattr(row, "stances", None) or getattr(row.claim, "stances", None)
    pairs = []
    for item in listed or ():
        target, stance = _named_field(item, "target"), _named_field(item, "stance")
        if target and stance:
            pairs.append((target, stance))
    if pairs:
        return pairs
    target = row.target or (row.claim.target if row.claim is not None else "")
    return [(target, row.stance)] if target else []


@dataclass
class Gathered:
    """Statement facts, and the row each came from (for event-list details)."""

    facts: list[ClaimFacts]
    rows: dict[str, "ClaimRow"]  # claim id -> row


def gather(source: "ClaimSource", *, targets: Optional[Iterable[str]] = None, kinds: Optional[Iterable[str]] = None) -> Gathered:
    """The source's claims as `ClaimFacts` (one per claim and target), only `targets` when given."""
    wanted = set(targets) if targets is not None else None
    rows: list["ClaimRow"] = []
    details: list[RowFacts] = []
    by_id: dict[str, "ClaimRow"] = {}
    seen: set[tuple[str, str]] = set()
    dates: dict[str, Optional[str]] = {}
    for row in source.rows:
        identifier = claim_id(row)
        for target, stance in row_stances(row):
            if (wanted is not None and target not in wanted) or (identifier, target) in seen:
                continue
            seen.add((identifier, target))
            if row.doc not in dates:
                dates[row.doc] = _date_of(source, row.doc)
            rows.append(row._replace(target=target, stance=stance))
            details.append(RowFacts(identifier, target, dates[row.doc]))
            by_id.setdefault(identifier, row)
    facts = claim_facts(rows, details, document_of=source.head_of, kinds=kinds)
    return Gathered(facts, by_id)


def _date_of(source: "ClaimSource", doc: str) -> Optional[str]:
    head = source.head_of(doc)
    return head.meta.date if head is not None else None

"""Claims as DNA statements: actor, concept, qualifier, in a dated document.

In the Discourse Network Analyzer (Leifeld) a statement is an actor's
referral to a concept with a qualifier (agreement: 1 agrees, 0 disagrees),
nested in a document that has a date. argmine's claims map onto that one to
one: the actor is the claim's merged actor, the concept is the stance target
(one node per target), the qualifier the stance.

How the four stances become statements, as a DNA coder would have coded
them:

- with the qualifier ignored (``--aggregation ignore``: who addresses what),
  every claim is one statement, whatever its stance;
- with the qualifier used (subtract, combine, congruence, conflict),
  ``support`` is one agreeing statement, ``oppose`` one disagreeing;
  ``mixed`` counts both ways, one agreeing and one disagreeing statement
  (a coder codes an utterance that backs and rejects a concept as two
  statements; DNA's own "combine" code 3 means exactly this mix);
  ``neutral`` takes no side and makes no statement (``--mixed exclude``
  leaves mixed claims out too; ``--stance`` chooses which claims enter).

Filters follow DNA's order: statements are sorted by date (undated ones
last, in input order), kept within the date range, then duplicates are
dropped per document, calendar week, month, year or across the range.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Iterable, Iterator, Literal, Optional, Sequence

from argmine.dates import DateRange, date_time

Qualifier = Optional[int]  # 1 agrees, 0 disagrees, None: no side taken (the qualifier is ignored)
DUPLICATES = ("include", "document", "week", "month", "year", "acrossrange")
Duplicates = Literal["include", "document", "week", "month", "year", "acrossrange"]
MIXED = ("both", "exclude")


@dataclass(frozen=True)
class Node:
    """A vertex: an actor (merged across documents) or a target (a concept).

    `id` is unique in a network; `label` is the name shown, unique too (DNA
    labels nodes by name, so two actors that share a name get their id added).
    """

    id: str
    label: str
    mode: Literal["actor", "target"]
    kind: str  # person, organisation, group, author; "target" for concepts


@dataclass(frozen=True)
class ClaimFacts:
    """What a network needs of one claim (a store row or a record, before any filtering)."""

    claim_id: str
    doc: str
    actor: Node
    target: str
    stance: str
    date: Optional[str] = None  # ISO 8601 of the claim's document


@dataclass(frozen=True)
class Statement:
    """One DNA statement. `date` is its document's ISO date (None when undated), `when`
    the moment that date starts, for ordering and time windows."""

    actor: Node
    concept: Node
    agreement: Qualifier
    doc: str
    claim_id: str
    date: Optional[str]
    when: Optional[datetime]
    order: int = field(default=0, compare=False)


def target_node(name: str) -> Node:
    """The node of a target (DNA's concept): one per target name."""
    return Node(id=f"target:{name}", label=name, mode="target", kind="target")


def qualifiers(stance: str, *, use_qualifier: bool, mixed: str = "both") -> tuple[Qualifier, ...]:
    """The statements' qualifiers for one claim of `stance` (see the module docstring).

    With the qualifier ignored every claim is one statement; support and oppose
    still carry 1 and 0 (DNA's Jaccard normalisation counts matches per qualifier
    level even then), mixed and neutral carry None, a level of their own.
    """
    if stance == "support":
        return (1,)
    if stance == "oppose":
        return (0,)
    if not use_qualifier:
        return (None,)
    if stance == "mixed":
        return (1, 0) if mixed == "both" else ()
    return ()


def to_statements(facts: Iterable[ClaimFacts], *, use_qualifier: bool, mixed: str = "both") -> list[Statement]:
    """Claims as statements, in input order (one, two or none per claim)."""
    out: list[Statement] = []
    concepts: dict[str, Node] = {}
    for fact in facts:
        concept = concepts.get(fact.target)
        if concept is None:
            concept = concepts[fact.target] = target_node(fact.target)
        when = _when(fact.date)
        for agreement in qualifiers(fact.stance, use_qualifier=use_qualifier, mixed=mixed):
            out.append(Statement(fact.actor, concept, agreement, fact.doc, fact.claim_id, fact.date, when, len(out)))
    return out


def _when(value: Optional[str]) -> Optional[datetime]:
    if not value:
        return None
    try:
        return date_time(value)
    except ValueError:
        return None


def sort_by_time(statements: Sequence[Statement]) -> list[Statement]:
    """Date order, as DNA sorts before filtering; undated statements last; ties keep input order."""
    return sorted(statements, key=lambda s: (s.when is None, s.when or datetime.min, s.order))


def in_range(statements: Iterable[Statement], span: DateRange) -> list[Statement]:
    """Statements whose document's date lies within `span` (all of them when it is open)."""
    if span.open:
        return list(statements)
    return [s for s in statements if s.when is not None and s.date in span]


def _period(statement: Statement, duplicates: str) -> object:
    """The stretch within which two equal statements are one (DNA's duplicates setting).

    Calendar weeks run Monday to Sunday (ISO weeks, as DNA's UK locale).
    Unlike DNA, which compares only the month number (or week number), the
    period includes the year: March 2015 and March 2016 are two months.
    Undated statements share one stretch of their own.
    """
    if duplicates == "document":
        return statement.doc
    if duplicates == "acrossrange":
        return None
    when = statement.when
    if when is None:
        return "undated"
    if duplicates == "year":
        return when.year
    if duplicates == "month":
        return (when.year, when.month)
    iso = when.isocalendar()
    return (iso[0], iso[1])


def drop_duplicates(statements: Sequence[Statement], duplicates: str, *, use_qualifier: bool) -> list[Statement]:
    """DNA's duplicate filter: of equal statements (same actor, concept and, when the
    qualifier is used, agreement) within one period, the first in date order counts."""
    if duplicates == "include":
        return list(statements)
    if duplicates not in DUPLICATES:
        raise ValueError(f"duplicates must be one of {DUPLICATES}, not {duplicates!r}")
    seen: set[tuple[object, ...]] = set()
    kept = []
    for statement in statements:
        key = (
            statement.actor.id,
            statement.concept.id,
            statement.agreement if use_qualifier else None,
            _period(statement, duplicates),
        )
        if key not in seen:
            seen.add(key)
            kept.append(statement)
    return kept


def filtered(
    statements: Sequence[Statement], *, span: DateRange, duplicates: str, use_qualifier: bool
) -> list[Statement]:
    """Sort, keep the date range, drop duplicates: DNA's statement filter, in its order."""
    return drop_duplicates(in_range(sort_by_time(statements), span), duplicates, use_qualifier=use_qualifier)


def iter_nodes(statements: Iterable[Statement]) -> Iterator[Node]:
    """Every node the statements touch, actors and concepts, once each, in first-seen order."""
    seen: set[str] = set()
    for statement in statements:
        for node in (statement.actor, statement.concept):
            if node.id not in seen:
                seen.add(node.id)
                yield node

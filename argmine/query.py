"""Questions asked of extracted claims: who said what (`who_said`), and who the actors are (`actor_summaries`).

A query reads a `ClaimSource`: the light rows of the claims it may choose
from (actor, stance, mode, document), the documents, and a way to load the
full records of the rows it chooses. From a store the rows come straight
from indexed columns and only the chosen records are parsed, so a query on
a large store stays quick; from results in memory (claims piped in, or just
extracted) the records are already at hand.

Library code: nothing here prints; the CLI (`argmine.cli.query`) turns
options into these calls and renders what they return.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fnmatch import fnmatchcase
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Collection, Iterable, Mapping, NamedTuple, Optional, Sequence, Union

from argmine.dates import DateRange
from argmine.results import DocumentResult

if TYPE_CHECKING:  # pragma: no cover
    from argmine.aggregate import ActorKey
    from argmine.records import ActorSummary, Claim, Document, DocumentHead
    from argmine.store import ClaimRow, Store


@dataclass
class ClaimSource:
    """The claims a query chooses from.

    Attributes:
        documents: the documents, by source (a file's absolute path in a
            store; the document name for results in memory).
        rows: one light row per claim, in document order.
        loader: the full claim records of some rows, in their order.
        head_of: a document's name and metadata, by document name (rows
            carry names; the writer of a document is known by its byline).
    """

    documents: Mapping[str, "Document"]
    rows: list["ClaimRow"]
    loader: Callable[[Sequence["ClaimRow"]], list["Claim"]]
    head_of: Callable[[str], Optional[Union["Document", "DocumentHead"]]]

    @classmethod
    def of_results(cls, results: Iterable[DocumentResult]) -> "ClaimSource":
        """Claims already at hand: piped in, or fresh from an extract run."""
        from argmine.store import ClaimRow

        results = list(results)
        documents = {r.doc: r.document for r in results if r.document is not None}
        rows = [row for r in results for claim in r.claims for row in target_rows(claim, r.doc)]
        return cls(documents, rows, lambda chosen: [row.claim for row in chosen], documents.get)

    @classmethod
    def of_store(cls, store: "Store", target: Optional[str] = None) -> "ClaimSource":
        """What `extract` last put in the store about `target` (None: its only target);
        records are parsed only when chosen."""
        snapshot = store.snapshot(target)
        return cls(snapshot.documents, snapshot.rows, store.load_claims, snapshot.documents.head_by_name)

    @classmethod
    def of_store_targets(cls, store: "Store", targets: Sequence[str]) -> "ClaimSource":
        """What `extract` last put in the store about each of `targets`: rows of every one
        (a claim has a row per target it concerns), for answers grouped by target."""
        from collections import ChainMap

        snapshots = [store.snapshot(t) for t in targets]

        def head_of(doc: str) -> Optional["DocumentHead"]:
            return next((h for s in snapshots if (h := s.documents.head_by_name(doc)) is not None), None)

        documents: Mapping[str, "Document"] = ChainMap(*[s.documents for s in snapshots])  # type: ignore[arg-type]
        return cls(documents, [row for s in snapshots for row in s.rows], store.load_claims, head_of)

    def load(self, rows: Sequence["ClaimRow"]) -> list["Claim"]:
        return self.loader(rows)

    def targets(self) -> list[str]:
        """The names of the targets these claims' stances are toward, sorted."""
        return sorted({row.target for row in self.rows if row.target})

    @property
    def target(self) -> Optional[str]:
        """The one target every claim here is about; None when there are none (or several)."""
        targets = self.targets()
        return targets[0] if len(targets) == 1 else None

    def about(self, target: str) -> "ClaimSource":
        """Only the claims about `target`."""
        return replace(self, rows=[row for row in self.rows if row.target == target])


class InRange(NamedTuple):
    """What `in_date_range` kept, and what it left out: claims dated outside the
    range, and claims whose document has no date (outside any range with an end)."""

    source: ClaimSource
    outside: int
    undated: int


def document_date(source: ClaimSource, doc: str) -> Optional[str]:
    """The ISO date of the document a claim row names (None when it has none)."""
    head = source.head_of(doc)
    return head.meta.date if head is not None else None


def in_date_range(source: ClaimSource, span: DateRange) -> InRange:
    """Only the claims whose document's date lies within `span` (`--since`/`--until`).

    Dates are compared at their own precision (`argmine.dates.DateRange`): a
    document dated "2015-03" is within `--since 2015-03-15`. A claim whose
    document has no date is left out whenever the range has an end, and
    counted in `undated` so the caller can say so. An open range keeps all.
    """
    if span.open:
        return InRange(source, 0, 0)
    dates: dict[str, Optional[str]] = {}
    kept: list["ClaimRow"] = []
    outside = undated = 0
    for row in source.rows:
        if row.doc not in dates:
            dates[row.doc] = document_date(source, row.doc)
        value = dates[row.doc]
        if not value:
            undated += 1
        elif value in span:
            kept.append(row)
        else:
            outside += 1
    return InRange(replace(source, rows=kept), outside, undated)


def target_rows(claim: "Claim", source: str = "") -> list["ClaimRow"]:
    """A claim's rows, one per target it has a stance toward: its (first) target, then each
    other entry of its `stances` (a run with several targets)."""
    from argmine.store import ClaimRow

    first = ClaimRow.of(claim, source=source)
    others = [
        first._replace(stance=entry.stance, target=entry.target) for entry in claim.stances if entry.target != claim.target
    ]
    return [first, *others]


def claim_toward(claim: "Claim", target: str) -> "Claim":
    """The claim with `target`, `stance` and the stance details toward `target` (an entry of its
    `stances`), as a query about that target shows it; the claim as it is when it has none."""
    if not target or claim.target == target:
        return claim
    entry = next((e for e in claim.stances if e.target == target), None)
    if entry is None:
        return claim
    return claim.model_copy(update=entry.model_dump(exclude={"target"}) | {"target": target})


class Once(NamedTuple):
    """What `once_per_story` kept, and how many claims of near-duplicate documents it left out."""

    source: ClaimSource
    copies: int


def once_per_story(source: ClaimSource) -> Once:
    """The claims of documents that are no near-duplicate of another (`argmine.duplicates`):
    a story syndicated to five outlets counts once, as its first copy read."""
    kept = [row for row in source.rows if row.duplicate_of is None]
    return Once(replace(source, rows=kept), len(source.rows) - len(kept))


def choose_target(available: Sequence[str], asked: Optional[str]) -> Optional[str]:
    """The one target a query answers about: the one asked for, else the only one there is.

    A query never mixes stances toward different targets. `asked` is a
    target's name, or a bundled name or target file whose name is taken.
    Returns None when there are no claims at all.

    Raises:
        UsageError: several targets and none asked for; or `asked` is no target there.
    """
    from argmine.errors import UsageError

    held = ", ".join(available) or "none"
    if asked is None:
        if len(available) > 1:
            raise UsageError(f"claims here are about several targets ({held}): pass --target NAME")
        return available[0] if available else None
    if asked in available:
        return asked
    name = _target_name(asked)
    if name is None or name not in available:
        raise UsageError(f"no claims about target {asked!r} here (claims are about: {held})")
    return name


def _target_name(asked: str) -> Optional[str]:
    """The name a bundled target or a target file carries; None when `asked` is neither."""
    from argmine.errors import ArgmineError
    from argmine.target import load_target

    try:
        return load_target(asked).name
    except ArgmineError:
        return None


def who_said(
    source: ClaimSource,
    actor: str,
    *,
    stances: Optional[Collection[str]] = None,
    modes: Optional[Collection[str]] = None,
    docs: Optional[Sequence[str]] = None,
    span: DateRange = DateRange(),
) -> list[DocumentResult]:
    """The claims of the actor `actor` names, one result per document, in document order.

    The actor is matched as `argmine.actor_names.resolve_actor` matches (name,
    surname or alias; titles optional), across documents and dates. `stances`,
    `modes`, `docs` (see `doc_matches`) and `span` (`in_date_range`) narrow the
    claims; None (an open span) keeps all.

    Raises:
        NoSuchActor: no actor fits the name.
        AmbiguousActor: the name fits different actors.
    """
    rows = actor_rows(source, actor, stances=stances, modes=modes, docs=docs)
    return grouped(source, in_date_range(replace(source, rows=rows), span).source.rows)


def actor_rows(
    source: ClaimSource,
    actor: str,
    *,
    stances: Optional[Collection[str]] = None,
    modes: Optional[Collection[str]] = None,
    docs: Optional[Sequence[str]] = None,
) -> list["ClaimRow"]:
    """The rows of `who_said`'s claims before any date range (see `who_said`)."""
    from argmine.aggregate import ActorAggregator

    aggregator = ActorAggregator(document_of=source.head_of)
    keys = [aggregator.add(row.actor, row.doc, row.stance) for row in source.rows]
    by_key = aggregator.summaries_by_key()
    chosen_ids = {summary.id for summary in choose_actors(actor, by_key)}
    wanted = {key for key, summary in by_key.items() if summary.id in chosen_ids}
    return [
        row
        for row, key in zip(source.rows, keys)
        if key in wanted
        and (stances is None or row.stance in stances)
        and (modes is None or row.mode in modes)
        and (not docs or any(doc_matches(row.doc, pattern) for pattern in docs))
    ]


def choose_actors(query: str, by_key: Mapping["ActorKey", "ActorSummary"]) -> list["ActorSummary"]:
    """The actors `query` names: an id or a label as `argmine actors` prints them
    (`author-2`, `author (a.txt)`), else a name as `resolve_actor` matches it.

    The unnamed writers of different documents are different people: a name
    that fits several of them (`author`) lists them instead of merging them.

    Raises:
        NoSuchActor: no actor fits.
        AmbiguousActor: the name fits different actors, or several unnamed writers.
    """
    from argmine.actor_names import UnnamedWriters, fold, resolve_actor
    from argmine.aggregate import actor_label, is_unnamed_writer

    summaries = list(by_key.values())
    wanted = fold(query)
    labelled = [s for s in summaries if actor_label(s) != s.name and fold(actor_label(s)) == wanted]
    if len(labelled) == 1:
        return labelled
    if not any(fold(s.name) == wanted for s in summaries):  # "author" is a name first, "author-2" an id
        by_id = [s for s in summaries if s.id == query]
        if by_id:
            return by_id
    chosen = resolve_actor(query, summaries)
    unnamed = {id(s) for key, s in by_key.items() if is_unnamed_writer(key)}
    if len(chosen) > 1 and any(id(s) in unnamed for s in chosen):
        raise UnnamedWriters(query, [f"{actor_label(s)} [id {s.id}]" for s in chosen])
    return chosen


def grouped(source: ClaimSource, rows: Sequence["ClaimRow"]) -> list[DocumentResult]:
    """The chosen rows' records, one result per source file, in document order; each claim's
    `target` and `stance` are toward its row's target (`claim_toward`)."""
    groups: dict[str, DocumentResult] = {}
    for row, claim in zip(rows, source.load(rows)):
        group = groups.get(row.source)
        if group is None:
            group = groups[row.source] = DocumentResult(doc=row.doc, claims=[], document=source.documents.get(row.source))
        group.claims.append(claim_toward(claim, row.target))
    return list(groups.values())


def actor_summaries(source: ClaimSource, *, kinds: Optional[Collection[str]] = None) -> list["ActorSummary"]:
    """One summary per actor (merged across documents by name and kind); `kinds` narrows them.

    Each summary names the target its stance is toward. Claims about several
    targets give one summary per actor and target, grouped by target (in name
    order): an actor's stance toward one target is never mixed with another's.
    No claim record is parsed: the rows say all a summary needs.
    """
    targets = source.targets()
    if len(targets) > 1:
        return [s for target in targets for s in _summaries_about(source.about(target), kinds, target)]
    return _summaries_about(source, kinds, source.target)


def _summaries_about(
    source: ClaimSource, kinds: Optional[Collection[str]], target: Optional[str]
) -> list["ActorSummary"]:
    from argmine.aggregate import ActorAggregator

    aggregator = ActorAggregator(document_of=source.head_of)
    for row in source.rows:
        aggregator.add(row.actor, row.doc, row.stance)
    summaries = aggregator.summaries()
    if kinds:
        summaries = [s for s in summaries if s.kind in kinds]
    if target is not None:
        summaries = [s.model_copy(update={"target": target}) for s in summaries]
    return summaries


def doc_matches(doc: str, pattern: str) -> bool:
    """Whether a document name fits a pattern: the name itself, a glob, or a prefix of the name or of its file name."""
    name = Path(doc).name
    if any(ch in pattern for ch in "*?["):
        return fnmatchcase(doc, pattern) or fnmatchcase(name, pattern)
    return doc == pattern or doc.startswith(pattern) or name.startswith(pattern)

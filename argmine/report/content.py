"""What the report shows, as plain data: documents with their text and claims, actors, targets.

Built from a `ClaimSource` through `argmine.network.gather`, so actors are
merged across documents and targets exactly as `argmine network` merges
them, and each claim appears once however many targets it concerns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional

from argmine.network.statements import ClaimFacts, Node

if TYPE_CHECKING:  # pragma: no cover
    from argmine.query import ClaimSource

STANCE_ORDER = ("support", "mixed", "neutral", "oppose")


@dataclass
class ReportClaim:
    """One claim as the page shows it; `number` makes its anchor (`claim-<number>`)."""

    number: int
    claim_id: str
    doc: str
    start: int
    end: int
    text: str
    actor: Node
    stances: list[tuple[str, str]]  # (target, stance), the first decides the colour
    date: Optional[str]

    @property
    def stance(self) -> str:
        return self.stances[0][1]


@dataclass
class ReportDocument:
    """A document: its metadata, the text its claims' offsets point into (None when unknown), its claims."""

    doc: str
    title: str
    date: Optional[str]
    outlet: str
    text: Optional[str]
    claims: list[ReportClaim] = field(default_factory=list)


@dataclass
class ReportContent:
    documents: list[ReportDocument]
    actors: dict[str, Node]  # by node id, in label order
    facts: list[ClaimFacts]  # one per claim and target

    def claims(self) -> list[ReportClaim]:
        return [claim for document in self.documents for claim in document.claims]

    def targets(self) -> list[str]:
        return sorted({fact.target for fact in self.facts})


def document_text(document: Any) -> Optional[str]:
    """The text a document's offsets point into, rebuilt from its segments (gaps as newlines)."""
    segments = getattr(document, "segments", None)
    if not segments:
        return None
    chars = max([document.chars] + [s.end for s in segments])
    buffer = ["\n"] * chars
    for segment in segments:
        if len(segment.text) == segment.end - segment.start:
            buffer[segment.start : segment.end] = segment.text
    return "".join(buffer)


def _document(source: "ClaimSource", path: str, doc: str) -> ReportDocument:
    document = source.documents.get(path) if path in source.documents else None
    meta = document.meta if document is not None else None
    if meta is None:
        head = source.head_of(doc)
        meta = head.meta if head is not None else None
    return ReportDocument(
        doc=doc,
        title=(meta.title if meta and meta.title else doc),
        date=meta.date if meta else None,
        outlet=(meta.outlet or "") if meta else "",
        text=document_text(document) if document is not None else None,
    )


def report_content(source: "ClaimSource", *, targets: Optional[list[str]] = None) -> ReportContent:
    """The report's content: every claim once, in document order, with its stances toward each target."""
    from argmine.network.gather import gather

    gathered = gather(source, targets=targets)
    stances: dict[str, list[tuple[str, str]]] = {}
    actor_of: dict[str, Node] = {}
    for fact in gathered.facts:
        stances.setdefault(fact.claim_id, []).append((fact.target, fact.stance))
        actor_of[fact.claim_id] = fact.actor
    ids = list(stances)
    rows = [gathered.rows[i] for i in ids]
    documents: dict[str, ReportDocument] = {}
    dates = {fact.claim_id: fact.date for fact in gathered.facts}
    for number, (identifier, row, record) in enumerate(zip(ids, rows, source.load(rows)), start=1):
        key = row.source or row.doc
        if key not in documents:
            documents[key] = _document(source, key, row.doc)
        documents[key].claims.append(
            ReportClaim(number, identifier, row.doc, record.start, record.end, record.text, actor_of[identifier], stances[identifier], dates[identifier])
        )
    actors = {node.id: node for node in sorted(actor_of.values(), key=lambda n: (n.label.casefold(), n.id))}
    return ReportContent(list(documents.values()), actors, gathered.facts)

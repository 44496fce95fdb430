"""What one document yielded: the one result type from the pipeline to the output.

The pipeline builds a `DocumentResult` per article, the runner streams them,
the store keeps and returns them, and every claim output (table, JSON, CSV,
...) consumes them. It lives below all of those, so persistence never
depends on rendering.

Importing this module imports neither pydantic nor the records (the CLI's
query commands start fast).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Optional

if TYPE_CHECKING:  # pragma: no cover
    from argmine.records import Actor, Claim, Document


@dataclass
class DocumentResult:
    """One document's claims, with the document and the actors that made them.

    `doc` names the document. `document` is None only for claims read back
    from records that do not carry their document (JSON Lines on stdin);
    `actors` is empty where only claims are at hand.
    """

    doc: str
    claims: list[Claim]
    document: Optional[Document] = None
    actors: list[Actor] = field(default_factory=list)

    @classmethod
    def of(cls, document: Document, actors: Iterable[Actor], claims: Iterable[Claim]) -> "DocumentResult":
        """A fresh extraction: named as its document."""
        return cls(doc=document.doc, claims=list(claims), document=document, actors=list(actors))


def claim_number(claim: Claim) -> str:
    """The n of a claim id '<doc>#<n>' (the whole id when it has no '#')."""
    return claim.id.rpartition("#")[2] or claim.id


def claim_renamed(claim: Claim, doc: str) -> Claim:
    """The claim as found in the document named `doc` (a copy of a file elsewhere, say)."""
    if claim.doc == doc:
        return claim
    return claim.model_copy(update={"doc": doc, "id": f"{doc}#{claim_number(claim)}"})

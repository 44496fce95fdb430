"""DNA 3's statement event list: one row per claim, for DNA and rDNA users.

The column layout is DNA 3's (its exporter's ``eventCSV``): ``statement_id``,
``time``, the statement type's variables, ``start_position``,
``stop_position``, ``text``, ``coder``, ``document_id``, ``document_title``,
``document_author``, ``document_source``, ``document_section``,
``document_type``; semicolons between cells, text in double quotes with
semicolons turned into commas and double quotes into single ones, as DNA
writes them.

argmine's statement type has DNA's default variables (``person``,
``organization``, ``concept``, ``agreement``) and two of its own:
``stance`` (support, oppose, mixed, neutral) and ``claim`` (argmine's claim
id). A person (or a named writer) goes in ``person``, an organisation or a
group in ``organization``; the concept is the target; agreement is 1 for
support and 0 for oppose, empty for mixed and neutral claims, which DNA's
boolean cannot hold (``stance`` says which). Positions are character
offsets into the document; the coder is 1 (argmine); documents are
numbered in order of their names; an undated document's claims have an
empty time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional, Sequence, TextIO

from argmine.network.statements import Statement
from argmine.output import neutralise_formula
from argmine.vocabulary import PERSONAL_KINDS

VARIABLES = ("person", "organization", "concept", "agreement", "stance", "claim")
HEADER = (
    ("statement_id", "time")
    + VARIABLES
    + (
        "start_position",
        "stop_position",
        "text",
        "coder",
        "document_id",
        "document_title",
        "document_author",
        "document_source",
        "document_section",
        "document_type",
    )
)


@dataclass(frozen=True)
class ClaimDetails:
    """What the event list shows of a claim beyond its statement."""

    text: str
    start: int
    end: int
    stance: str


@dataclass(frozen=True)
class DocumentDetails:
    """A document's metadata as DNA names it: title, author, source (the outlet)."""

    title: str = ""
    author: str = ""
    source: str = ""


def _quoted(text: Optional[str]) -> str:
    """A text cell as DNA writes it, guarded against spreadsheet formulas."""
    return '"' + neutralise_formula((text or "").replace(";", ",").replace('"', "'")) + '"'


def _agreement(stance: str) -> str:
    return {"support": "1", "oppose": "0"}.get(stance, "")


def write_events(
    statements: Sequence[Statement],
    claim: Callable[[str], ClaimDetails],
    document: Callable[[str], DocumentDetails],
    fp: TextIO,
    stance_of: Optional[Callable[[Statement], Optional[str]]] = None,
) -> int:
    """Write the event list (one statement per claim, from `build_events`); returns the rows written.

    `stance_of` gives a statement's stance when a claim has one per target
    (several targets in one run); otherwise the claim's own stance is used.
    """
    fp.write(";".join(f'"{name}"' for name in HEADER))
    numbers = {doc: n for n, doc in enumerate(sorted({s.doc for s in statements}), start=1)}
    for number, statement in enumerate(statements, start=1):
        details, meta = claim(statement.claim_id), document(statement.doc)
        stance = (stance_of(statement) if stance_of else None) or details.stance
        actor = statement.actor
        personal = actor.kind in PERSONAL_KINDS
        cells = [
            str(number),
            statement.when.strftime("%Y-%m-%d %H:%M:%S") if statement.when else "",
            _quoted(actor.label if personal else ""),
            _quoted("" if personal else actor.label),
            _quoted(statement.concept.label),
            _agreement(stance),
            _quoted(stance),
            _quoted(statement.claim_id),
            str(details.start),
            str(details.end),
            _quoted(details.text),
            "1",
            str(numbers[statement.doc]),
            _quoted(meta.title),
            _quoted(meta.author),
            _quoted(meta.source),
            _quoted(""),
            _quoted(""),
        ]
        fp.write("\n" + ";".join(cells))
    fp.write("\n")
    return len(statements)

"""Gold annotations: loading and validating the JSON files `argmine evaluate` scores against.

One JSON file per article, named after it (`X.txt` ↔ `X.json`); the format is
documented for annotators in `docs/gold-format.md`. Validation is strict on
purpose: a misspelt key (`"optinal": true`) or a claim naming an actor that is
not declared would otherwise silently change the scores, so every such problem
is a `GoldError` naming the file and what is wrong with it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from argmine.errors import GoldError
from argmine.records import ActorKind, Mode, Stance

#: Modes of the claims scored as *attributed* (someone other than the writer speaks).
ATTRIBUTED_MODES = frozenset({"direct", "indirect"})


class _Strict(BaseModel):
    """Unknown keys are errors: a typo must not silently drop an annotation."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class GoldActor(_Strict):
    """Someone who makes claims in the article (or is worth recognising as a speaker)."""

    id: str = Field(min_length=1, description="Unique within the file; claims refer to it.")
    name: str = Field(min_length=1)
    kind: ActorKind
    aliases: list[str] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list)
    stance: Optional[Stance] = None
    optional: bool = Field(default=False, description="Naming this actor as a speaker is neither required nor penalised.")
    notes: Optional[str] = None

    @property
    def names(self) -> list[str]:
        """The name and every alias: the forms a predicted actor may match."""
        return [self.name, *self.aliases]


class GoldClaim(_Strict):
    """One claim: who makes it, where (an anchor inside its sentence), how and with which stance."""

    actor: str = Field(min_length=1, description="The id of a declared actor.")
    anchor: str = Field(description="A verbatim substring of the sentence that carries the claim.")
    mode: Mode
    cue: Optional[str] = None
    stance: Stance
    optional: bool = False
    stance_optional: bool = False
    stance_note: Optional[str] = None
    notes: Optional[str] = None

    @field_validator("anchor")
    @classmethod
    def _anchor_has_text(cls, anchor: str) -> str:
        if not anchor.strip():
            raise ValueError("anchor is empty")
        return anchor

    @property
    def attributed(self) -> bool:
        return self.mode in ATTRIBUTED_MODES


class GoldDocument(_Strict):
    """The gold annotation of one article."""

    doc: str = Field(min_length=1, description="The article's file name, e.g. 'X.txt' for gold file 'X.json'.")
    target: str = Field(default="integration", description="A bundled target's name, or NAME of the gold folder's targets/NAME.json.")
    genre: Optional[str] = Field(default=None, description="What kind of text (news, hansard, ...): evaluate reports by genre.")
    licence: Optional[str] = Field(default=None, description="The text's licence and credit, for texts not written by the team.")
    actors: list[GoldActor] = Field(default_factory=list)
    claims: list[GoldClaim] = Field(default_factory=list)
    non_claims: list[str] = Field(default_factory=list)
    notes: Optional[str] = None

    @field_validator("non_claims")
    @classmethod
    def _non_claims_have_text(cls, non_claims: list[str]) -> list[str]:
        for i, text in enumerate(non_claims):
            if not text.strip():
                raise ValueError(f"non_claims[{i}] is empty")
        return non_claims

    @model_validator(mode="after")
    def _references_resolve(self) -> "GoldDocument":
        seen: set[str] = set()
        for actor in self.actors:
            if actor.id in seen:
                raise ValueError(f"actor id {actor.id!r} is declared twice")
            seen.add(actor.id)
        for i, claim in enumerate(self.claims):
            if claim.actor not in seen:
                raise ValueError(f"claims[{i}] names actor {claim.actor!r}, which is not among the actors")
        return self

    def actor(self, actor_id: str) -> GoldActor:
        """The declared actor with this id (references are checked at load time)."""
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        raise KeyError(actor_id)


def _describe(error: ValidationError) -> str:
    """pydantic's first complaint as one line: where in the file, and what."""
    first = error.errors()[0]
    where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in first["loc"]).lstrip(".")
    message = first["msg"].removeprefix("Value error, ")
    more = error.error_count() - 1
    suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return f"{where}: {message}{suffix}" if where else f"{message}{suffix}"


def load_gold_file(path: Path) -> GoldDocument:
    """Read and validate one gold file.

    Raises:
        GoldError: the file cannot be read, is not JSON, does not follow the
            format, or annotates a document whose name does not match its own.
    """
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read gold file ({exc.__class__.__name__}: {exc})") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}: not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    if not isinstance(data, dict):
        raise GoldError(f"{path}: a gold file must hold one JSON object, not {type(data).__name__}")
    try:
        gold = GoldDocument.model_validate(data)
    except ValidationError as exc:
        raise GoldError(f"{path}: {_describe(exc)}") from None
    if Path(gold.doc).stem != path.stem:
        raise GoldError(f"{path}: annotates doc {gold.doc!r}, but a gold file must be named after its article ({Path(gold.doc).stem}.json)")
    return gold


def load_gold_dir(gold_dir: Path) -> list[GoldDocument]:
    """Every `*.json` file directly in `gold_dir`, validated, in file-name order.

    Raises:
        GoldError: the folder is missing or holds no gold file, or any file is malformed.
    """
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise GoldError(f"{gold_dir}: no such gold folder")
    files = sorted(p for p in gold_dir.glob("*.json") if p.is_file())
    if not files:
        raise GoldError(f"{gold_dir}: no gold files (*.json) in this folder")
    return [load_gold_file(p) for p in files]

"""What a stance is *toward*: the target definition, loaded from a data file.

A target names the thing claims take a stance on (default: integration of
health and social care) by two lists of terms: ``pro`` terms name the target
and what realises it ("integrated care", "vanguard", "federation"), ``con``
terms name its opposite ("fragmentation", "silos", "competition"). Speaking
well of a pro term, or ill of a con term, is support; the reverse is oppose.

Kept cheap to import (no spaCy): the CLI validates ``--target`` before it
loads a model, and cache keys use :meth:`Target.fingerprint`.

A target file is JSON (or TOML) shaped like::

    {"name": "integration",
     "description": "...",
     "pro": ["integrated care", {"term": "partnership", "generic": true}, {"term": "model", "weight": 0.4}],
     "con": ["fragmentation", {"term": "competition", "generic": true}],
     "context": ["health", "care", "patients"],
     "anaphors": ["programme", "initiative"],
     "lexicon": {"positive": {"word": 0.5}, "negative": {}, "neutral": []}}

See ``docs/targets.md`` for the matching rules.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from pathlib import Path
from typing import Any, Literal, Mapping, Union

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from argmine.errors import InputError, UsageError

#: Bundled target files live beside the stance component.
TARGETS_DIR = Path(__file__).parent / "components" / "data" / "targets"

DEFAULT_TARGET = "integration"

_WORD_SPLIT = re.compile(r"[\s\-\u2010-\u2015/]+")


class Term(BaseModel):
    """One target term: a word or phrase, matched case-insensitively, with a weight.

    ``words`` is the term split on spaces and hyphens ("joined-up care" ->
    joined, up, care) so that it matches however the tokenizer cut the text;
    a word ending in ``*`` matches any word it begins ("integrat*").
    """

    model_config = ConfigDict(frozen=True)

    term: str = Field(min_length=1)
    weight: float = Field(default=1.0, gt=0.0, le=2.0)
    exact: bool = Field(
        default=False,
        description="Match only as written, without inflections ('compete' but not 'competing').",
    )
    generic: bool = Field(
        default=False,
        description="An everyday word that names the target only in the target's field "
        "('partnership', 'competition'): counted only in a document that passes the target's context test.",
    )

    @field_validator("term")
    @classmethod
    def _has_words(cls, value: str) -> str:
        value = value.strip()
        if not any(w.strip("*") for w in _WORD_SPLIT.split(value)):
            raise ValueError("a term needs at least one word")
        return value

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(w.lower().replace("\u2019", "'") for w in _WORD_SPLIT.split(self.term) if w)


class TargetLexicon(BaseModel):
    """Evaluative words a target adds to (or removes from) the general lexicon."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    positive: dict[str, float] = Field(default_factory=dict)
    negative: dict[str, float] = Field(default_factory=dict)
    neutral: list[str] = Field(default_factory=list, description="Words never to read as evaluative for this target.")

    @field_validator("positive", "negative")
    @classmethod
    def _strengths(cls, value: dict[str, float]) -> dict[str, float]:
        for word, strength in value.items():
            if not 0.0 < abs(strength) <= 1.0:
                raise ValueError(f"strength of {word!r} must be in (0, 1]")
        return {w.lower(): abs(s) for w, s in value.items()}


class Example(BaseModel):
    """A claim labelled with its stance toward the target: what argmine adapts to (see learned stance)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str = Field(min_length=1)
    stance: Literal["support", "oppose", "mixed", "neutral"]


class Target(BaseModel):
    """A stance target: its name, its terms and the terms for its opposite."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1, pattern=r"^[A-Za-z0-9_.-]+$")
    description: str = ""
    pro: list[Term] = Field(min_length=1)
    con: list[Term] = Field(default_factory=list)
    context: list[str] = Field(
        default_factory=list,
        description="Words that show a document is in the target's field ('health', 'patients'); "
        "generic terms count only where these occur at least context_min times.",
    )
    context_min: int = Field(default=3, ge=0)
    anaphors: list[str] = Field(
        default_factory=list,
        description="Head nouns that, with a definite or demonstrative determiner "
        "('this programme'), refer back to the target in a text that names it.",
    )
    lexicon: TargetLexicon = Field(default_factory=TargetLexicon)
    examples: list[Example] = Field(
        default_factory=list,
        description="Claims labelled with their stance toward this target; argmine adapts its learned "
        "stance model to them.",
    )
    gold: list[str] = Field(
        default_factory=list,
        description="Gold folders or files (argmine's gold format, paths relative to the target file) whose "
        "claims, with their sentences, become examples.",
    )

    # Per-instance memo for derived data (compiled term index, fingerprint):
    # the model is frozen, so what is derived from it never goes stale.
    _memo: dict = PrivateAttr(default_factory=dict)

    @field_validator("pro", "con", mode="before")
    @classmethod
    def _terms(cls, value: object) -> object:
        if isinstance(value, list):
            return [Term(term=v) if isinstance(v, str) else v for v in value]
        return value

    def fingerprint(self) -> str:
        """A stable short hash of the definition, for cache keys (changes when any term changes)."""
        if "fingerprint" not in self._memo:
            canonical = json.dumps(self.model_dump(mode="json"), sort_keys=True, ensure_ascii=True)
            self._memo["fingerprint"] = hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]
        return self._memo["fingerprint"]

    def with_examples(self, examples: list[Union[Example, dict]]) -> "Target":
        """This target with these labelled examples added (a new target: nothing derived is shared)."""
        data = self.model_dump()
        data["examples"] = [*data["examples"], *(e.model_dump() if isinstance(e, BaseModel) else dict(e) for e in examples)]
        return Target.model_validate(data)

    def memo(self, key: str, make):
        """Cache ``make()`` on this target under `key` (used for compiled term indexes)."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]


def resolve_target(value: Union[None, str, Path, Mapping[str, Any], "Target"]) -> Target:
    """The one way a target given by a user, a caller or a spaCy config becomes a `Target`.

    None is the default target; a `Target` is itself; a mapping is a target
    definition carried by value (how the pipeline hands its target to the
    stance component's config); a name or path is loaded (`load_target`).
    Resolve once where the target enters (the CLI, `ExtractRun`) and pass the
    `Target` on: the file is then read once per run, whatever uses it.
    """
    if value is None:
        return load_target(DEFAULT_TARGET)
    if isinstance(value, Target):
        return value
    if isinstance(value, Mapping):
        try:
            return Target.model_validate(value)
        except ValidationError as exc:
            raise InputError(f"invalid target definition: {exc.errors()[0]['msg']}") from None
    return load_target(value)


def resolve_targets(value: Any) -> tuple[Target, ...]:
    """The run's targets, in the order given (`--target` repeated): a list or tuple of what
    `resolve_target` takes, or one such value. The first is the run's main target.

    Raises:
        UsageError: two targets share a name (claims name their targets by name).
    """
    values = list(value) if isinstance(value, (list, tuple)) else [value]
    targets = tuple(resolve_target(v) for v in values) if values else (resolve_target(None),)
    seen: set[str] = set()
    for target in targets:
        if target.name in seen:
            raise UsageError(f"target {target.name!r} is given twice (each --target must name another target)")
        seen.add(target.name)
    return targets


def bundled_targets() -> list[str]:
    """Names of the targets shipped with argmine."""
    return sorted(p.stem for p in TARGETS_DIR.glob("*.json"))


def _looks_like_path(name_or_path: str) -> bool:
    return any(sep in name_or_path for sep in ("/", "\\")) or Path(name_or_path).suffix.lower() in (".json", ".toml")


def load_target(name_or_path: Union[str, Path]) -> Target:
    """A bundled target by name ("integration"), or a target file by path.

    Raises:
        UsageError: a bare name that is neither bundled nor an existing file.
        InputError: a file that cannot be read or is not a valid target.
    """
    if isinstance(name_or_path, Path):
        return _load_file(name_or_path)
    text = name_or_path.strip()
    if not text:
        raise UsageError("empty target name: choose one of " + ", ".join(bundled_targets()) + " or give a file")
    if not _looks_like_path(text):
        bundled = TARGETS_DIR / f"{text}.json"
        if bundled.is_file():
            return _load_file(bundled)
        if not Path(text).exists():
            raise UsageError(
                f"unknown target {text!r}: choose one of {', '.join(bundled_targets())} or give a JSON/TOML file"
            )
    return _load_file(Path(text))


def _load_file(path: Path) -> Target:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: target file not found") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a target file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read target file ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: target file is not UTF-8 text") from None
    data = _parse(path, text)
    if not isinstance(data, dict):
        raise InputError(f"{path}: a target file must hold an object with 'name' and 'pro'")
    try:
        target = Target.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "file"
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise InputError(f"{path}: invalid target: {where}: {first['msg']}{more}") from None
    if target.gold:
        from argmine.target_examples import examples_from_gold

        found = examples_from_gold([path.parent / g for g in target.gold])
        target = target.with_examples(found)
    return target


def _parse(path: Path, text: str) -> object:
    if path.suffix.lower() == ".toml":
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise InputError(f"{path}: not valid TOML: {exc}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None

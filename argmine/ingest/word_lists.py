"""The word lists and patterns ingest rules use, loaded once from ``data/``.

They live in data files, not in code, so that adding a platform's strings or
a language needs no change to the rules. Everything is matched against
`normalise_for_matching` text: markup stripped, curly apostrophes and
quotes straightened, spacing collapsed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from argmine.vocabulary import APOSTROPHES

DATA = Path(__file__).parent / "data"

_MARKUP_EDGES = re.compile(r"^[\s*_#>~`|•·▪►▶]+|[\s*_~`|]+$")
_STRAIGHT = str.maketrans({**dict.fromkeys(APOSTROPHES, "'"), "“": '"', "”": '"', "„": '"', "\u00a0": " "})
_SPACES = re.compile(r"\s+")
_NUMBER_WORDS = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"


@lru_cache(maxsize=512)
def normalise_for_matching(text: str) -> str:
    """Lower-case, straight quotes, single spaces, no surrounding markup."""
    text = _MARKUP_EDGES.sub("", text.translate(_STRAIGHT))
    return _SPACES.sub(" ", text).strip().lower()


def _ui_key(text: str) -> str:
    """A line as the platform-string table compares it: trailing ':' '.' '…' ignored."""
    return normalise_for_matching(text).rstrip(" :.…!?-–—").strip()


@dataclass(frozen=True)
class UiString:
    """A platform string matched on a line: its language and its role."""

    language: str
    role: str  # comment_open, comment_none, comment_form, comment_closed, related_list, furniture


@dataclass(frozen=True)
class FurnitureRule:
    rule: str
    kind: str
    match: str  # line | start | sentence
    pattern: re.Pattern[str]
    max_words: int


@lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    """Function words per language code."""
    raw = json.loads((DATA / "function_words.json").read_text(encoding="utf-8"))
    return {lang: frozenset(words) for lang, words in raw.items() if not lang.startswith("_")}


@lru_cache(maxsize=1)
def _platform_ui() -> tuple[dict[str, UiString], re.Pattern[str], dict[str, UiString]]:
    """Exact strings in a dict; strings with '{n}' or '{rest}' in one pattern, a named group each."""
    raw = json.loads((DATA / "platform_ui.json").read_text(encoding="utf-8"))
    exact: dict[str, UiString] = {}
    alternatives: list[str] = []
    groups: dict[str, UiString] = {}
    for language, roles in raw.items():
        if language.startswith("_"):
            continue
        for role, strings in roles.items():
            for string in strings:
                entry = UiString(language, role)
                has_rest = string.endswith("{rest}")
                key = _ui_key(string[: -len("{rest}")] if has_rest else string)
                if "{n}" not in string and not has_rest:
                    exact.setdefault(key, entry)
                    continue
                name = f"p{len(groups)}"
                body = re.escape(key).replace(re.escape("{n}"), _NUMBER_WORDS)
                tail = rf"(?:\s*:)?\s+(?P<rest_{name}>\S.*)" if has_rest else ""
                alternatives.append(f"(?P<{name}>{body}{tail})")
                groups[name] = entry
    return exact, re.compile("|".join(alternatives)), groups


def match_platform_ui_rest(text: str) -> Optional[tuple[UiString, str]]:
    """The platform string this line is, and the rest of the line its '{rest}' covered ('' if none).

    The rest is cut from the original line (case and quotes kept).
    """
    if len(text) > 160:
        return None
    key = _ui_key(text)
    if not key:
        return None
    exact, pattern, groups = _platform_ui()
    if key in exact:
        return exact[key], ""
    match = pattern.fullmatch(key)
    if match is None:
        return None
    name = next(n for n in groups if match.group(n) is not None)
    rest = match.groupdict().get(f"rest_{name}") or ""
    original = " ".join(text.split())
    at = len(original) - len(rest) if rest and original.lower().endswith(rest) else None
    return groups[name], (original[at:] if at is not None else rest)


@lru_cache(maxsize=1)
def furniture_rules() -> tuple[FurnitureRule, ...]:
    raw = json.loads((DATA / "furniture.json").read_text(encoding="utf-8"))
    rules = []
    for spec in raw["rules"]:
        combined = "|".join(f"(?:{p})" for p in spec["patterns"])
        rules.append(
            FurnitureRule(
                rule=spec["rule"],
                kind=spec["kind"],
                match=spec["match"],
                pattern=re.compile(combined, re.IGNORECASE),
                max_words=int(spec.get("max_words", 80)),
            )
        )
    return tuple(rules)


_SHORT_LINE_WORDS = 30
_SENTENCE_STARTS = re.compile(r"(?:^|(?<=[.!?…])\s+)(?=\S)")


@lru_cache(maxsize=1)
def _sentence_rules() -> tuple[re.Pattern[str], dict[str, FurnitureRule]]:
    """All 'sentence' rules as one pattern with a named group per rule, tried in file order."""
    rules = [r for r in furniture_rules() if r.match == "sentence"]
    groups = {f"r{i}": rule for i, rule in enumerate(rules)}
    combined = "|".join(f"(?P<{name}>{rule.pattern.pattern})" for name, rule in groups.items())
    return re.compile(combined, re.IGNORECASE), groups


def match_furniture(text: str) -> Optional[FurnitureRule]:
    """The first furniture rule (in file order) that matches this line (see data/furniture.json)."""
    norm = normalise_for_matching(text)
    if not norm:
        return None
    n_words = norm.count(" ") + 1
    sentence_pattern, groups = _sentence_rules()
    sentence_hit: Optional[FurnitureRule] = None
    if n_words <= 80:
        order = list(groups)
        best = len(order)
        # A furniture sentence makes the whole line furniture when it opens the line, or when
        # the line is short; a long paragraph with one such sentence inside is prose.
        starts = _SENTENCE_STARTS.finditer(norm) if n_words <= _SHORT_LINE_WORDS else iter([None])
        for start in starts:
            match = sentence_pattern.match(norm, start.end() if start else 0)
            if match and match.lastgroup is not None:
                best = min(best, order.index(_outer_group(match, order)))
        if best < len(order):
            sentence_hit = groups[order[best]]
    for rule in furniture_rules():
        if rule.match == "sentence":
            if rule is sentence_hit:
                return rule
        elif rule.match == "line":
            if len(norm) <= 300 and rule.pattern.fullmatch(norm):
                return rule
        elif n_words <= rule.max_words and rule.pattern.match(norm):
            return rule
    return None


def _outer_group(match: re.Match[str], order: list[str]) -> str:
    """Which rule's group matched (inner groups of a rule's own pattern are ignored)."""
    for name in order:
        if match.group(name) is not None:
            return name
    raise AssertionError("a combined match without a rule group")


@lru_cache(maxsize=1)
def _word_list(name: str) -> frozenset[str]:
    words: set[str] = set()
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        words.update(line.lower().split())
    return frozenset(words)


def role_words() -> frozenset[str]:
    """Words that make a phrase a job title or role ("correspondent", "director")."""
    return _word_list("roles.txt")


def not_name_words() -> frozenset[str]:
    """Capitalised words that never make a personal name on their own."""
    return _word_list("not_names.txt")


@lru_cache(maxsize=1)
def date_words() -> dict[str, dict[str, list[str]]]:
    """Month and weekday names by language ({"months": {lang: [...]}, "weekdays": {...}})."""
    raw = json.loads((DATA / "dates.json").read_text(encoding="utf-8"))
    return {key: raw[key] for key in ("months", "weekdays")}

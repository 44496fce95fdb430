"""The general evaluative lexicon: evaluative words and phrases, and the shifters that change them.

Read from ``components/data/evaluative.json`` (hand-written) and
``components/data/evaluative.vader.tsv`` (derived from VADER, MIT); a target
file's own ``lexicon`` adds or silences words for that target only.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from argmine.components.lexicons import DATA_DIR
from argmine.components.stance.words import canon, forms
from argmine.target import Target, TargetLexicon

CURATED_FILE = DATA_DIR / "evaluative.json"
VADER_FILE = DATA_DIR / "evaluative.vader.tsv"

_FUNCTION_KINDS = (
    "negator", "neg_exception", "certainty", "contrast", "concessive", "conditional",
    "preference", "hedge", "intensifier", "downtoner", "quantity_negator", "deontic",
)


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: a word sequence and what it does."""

    words: tuple[str, ...]
    kind: str  # "eval", "reverser" or one of _FUNCTION_KINDS
    value: float = 0.0  # signed valence (eval, deontic, reverser's own) or a factor
    role: str = ""  # reverser role: harm / remedy / removal


def split_phrase(phrase: str) -> tuple[str, ...]:
    text = canon(phrase).replace("n't", " n't")
    return tuple(canon(w) for w in re.split(r"[\s\-]+", text) if w)


class Lexicon:
    """General evaluative language, indexed by first word for phrase matching."""

    def __init__(self, curated: dict, vader: dict[str, float], extra: Optional[TargetLexicon] = None):
        self.curated = curated
        self.vader = vader
        self.extra = extra or TargetLexicon()
        self.directive_passives = frozenset(canon(w) for w in curated.get("directive_passives", []))
        self.verb_only = frozenset(canon(w) for w in curated.get("verb_only", []))
        self._index: dict[str, list[Entry]] = {}
        self._build()

    # Later additions override earlier ones for the same word sequence.
    def _build(self) -> None:
        entries: dict[tuple[str, ...], Entry] = {}

        def put(phrase: str, kind: str, value: float = 0.0, role: str = "") -> None:
            words = split_phrase(phrase)
            if words:
                entries[words] = Entry(words, kind, value, role)

        c = self.curated
        for word, valence in self.vader.items():
            put(word, "eval", valence)
        # Topic words VADER scores ("care", "trust", "motivated"): entries that evaluate
        # nothing, so that neither the word nor a base form of it ("motivate") evaluates.
        for word in c.get("domain_neutral", []):
            put(word, "neutral")
        for word, strength in c.get("positive", {}).items():
            put(word, "eval", abs(strength))
        for word, strength in c.get("negative", {}).items():
            put(word, "eval", -abs(strength))
        for role, words in c.get("reversers", {}).items():
            if role.startswith("_"):
                continue
            sign = {"harm": -1.0, "remedy": 1.0, "removal": 1.0, "doubt": -1.0}[role]
            for word, strength in words.items():
                put(word, "reverser", sign * (strength if role != "removal" else 0.25), role)
        for phrase in c.get("epistemic_negators", []):
            put(phrase, "negator", role="epistemic")
        # "difficult to identify", "hard to see", "impossible to prove": a rule, spelled out
        for adjective in c.get("epistemic_adjectives", []):
            for verb in c.get("epistemic_verbs", []):
                put(f"{adjective} to {verb}", "negator", role="epistemic")
        for phrase in c.get("neutral_phrases", []):
            put(phrase, "neutral")
        for kind, key in (
            ("negator", "negators"), ("neg_exception", "negator_exceptions"), ("contrast", "contrast"),
            ("concessive", "concessive"), ("conditional", "conditional"), ("preference", "preference"),
            ("quantity_negator", "quantity_negators"),
        ):
            for phrase in c.get(key, []):
                put(phrase, kind)
        for kind, key in (("hedge", "hedges"), ("intensifier", "intensifiers"), ("downtoner", "downtoners"),
                          ("certainty", "certainty"), ("deontic", "deontic")):
            for phrase, value in c.get(key, {}).items():
                put(phrase, kind, float(value))
        for word in self.extra.neutral:
            entries.pop(split_phrase(word), None)
        for word, strength in self.extra.positive.items():
            put(word, "eval", strength)
        for word, strength in self.extra.negative.items():
            put(word, "eval", -strength)
        index: dict[str, list[Entry]] = {}
        for entry in entries.values():
            index.setdefault(entry.words[0], []).append(entry)
        for bucket in index.values():
            bucket.sort(key=lambda e: -len(e.words))
        self._index = index
        self.size = len(entries)

    def starting_with(self, word_forms: Iterable[str], surface: str = "") -> list[Entry]:
        """Entries whose first word is one of `word_forms`: longest first, then the
        one written as the text is ("benefits" before "benefit"), then alphabetical."""
        found: list[Entry] = []
        for f in word_forms:
            found.extend(self._index.get(f, ()))
        found.sort(key=lambda e: (-len(e.words), e.words[0] != surface, e.words, e.kind))
        return found

    def word_value(self, word: str) -> float:
        """The evaluative value of `word` as a one-word entry (0.0 when it is none)."""
        for entry in self.starting_with(forms(word), canon(word)):
            if entry.words == (canon(word),) and entry.kind == "eval":
                return entry.value
        return 0.0

    def counts(self) -> dict[str, int]:
        """Entries per kind (for reports)."""
        out: dict[str, int] = {}
        for bucket in self._index.values():
            for e in bucket:
                key = e.kind if e.kind != "eval" else ("positive" if e.value > 0 else "negative")
                out[key] = out.get(key, 0) + 1
        return out

    def with_target(self, target: Target) -> "Lexicon":
        """This lexicon plus the target file's own additions (built once per target)."""
        if target.lexicon == self.extra:
            return self
        return target.memo(f"stance.lexicon.{id(self)}", lambda: Lexicon(self.curated, self.vader, target.lexicon))

    @classmethod
    def default(cls) -> "Lexicon":
        return default_lexicon()

    @staticmethod
    def read_vader(path: Path) -> dict[str, float]:
        out: dict[str, float] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            word, value = line.split("\t")[:2]
            out[word] = float(value)
        return out

    @classmethod
    def from_files(cls, curated: Path, vader: Path, extra: Optional[TargetLexicon] = None) -> "Lexicon":
        return cls(json.loads(curated.read_text(encoding="utf-8")), cls.read_vader(vader), extra)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return Lexicon.from_files(CURATED_FILE, VADER_FILE)

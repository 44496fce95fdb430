"""Stance of each claim toward a target: support / oppose / mixed / neutral.

How a claim is read (an analyst's reading, made mechanical):

1. **Target mentions.** Terms of the target file are found in the claim's
   content: ``pro`` terms name the target ("integrated care"), ``con`` terms
   its opposite ("fragmentation"). In a text that names the target, a
   demonstrative or definite reference to a policy ("this programme") is a
   weak mention too.
2. **Evaluative items.** General evaluative words and phrases ("the answer",
   "failed", "a barrier", "not a fan"), with their valence, from
   ``data/evaluative.json`` (hand-written) and ``data/evaluative.vader.tsv``
   (derived from VADER, MIT).
3. **Composition.** Each evaluative item is attached to the nearest target
   mentions in its clause; its contribution is valence x mention polarity,
   with shifters applied: negation ("won't help") flips, reversers flip what
   they govern ("reduce fragmentation", "undermine partnership", "lack of
   flexibility"), hedges ("arguably", "could") damp the clause, intensifiers
   strengthen the next word, a question halves the sentence. In "X, but Y"
   the clause after "but" weighs twice the one before; a concessive clause
   ("while X", "although X") weighs half. "X not Y" / "X rather than Y"
   prefers X and rejects Y. "It would be <bad> if <target event>" judges the
   event, not the target ("tragic if the vanguards failed" is support).
4. **Decision.** Positive mass P and negative mass N give
   ``score = (P - N) / (P + N + K)``; both substantial and comparable ->
   ``mixed``; ``|score| < T`` -> ``neutral``.
5. **Context** (component only). A claim with no target evidence of its own
   is read in the light of its surroundings: evaluation with no target picks
   up the target of the previous sentence in the paragraph, and otherwise the
   claim inherits a damped stance from the same actor's nearest preceding
   claim in the same paragraph or quote run.

Rules are general English; nothing here knows any particular article.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterable, Optional, Union

from spacy.language import Language
from spacy.tokens import Doc, Span

from argmine.components import extensions  # noqa: F401  (registers doc._.claims)
from argmine.components.contract import ClaimDict
from argmine.target import DEFAULT_TARGET, Target, TargetLexicon, resolve_target

DATA_DIR = Path(__file__).parent / "data"
CURATED_FILE = DATA_DIR / "evaluative.json"
VADER_FILE = DATA_DIR / "evaluative.vader.tsv"

@dataclass(frozen=True)
class Settings:
    """The numbers of the scoring; measured on the seeds' gold (docs/targets.md)."""

    threshold: float = 0.2  # |score| below this is neutral
    smoothing: float = 0.5  # K in (P - N) / (P + N + K): weak evidence stays near 0
    mixed_min: float = 0.1  # both P and N at least this for mixed
    mixed_ratio: float = 0.6  # and min(P, N) / max(P, N) at least this
    before_contrast: float = 0.5  # weight of "X" in "X, but Y"
    concessive: float = 0.5  # weight of "while X" / "although X"
    conditional: float = 0.5  # evaluation inside an if-clause, with no evaluative frame
    question: float = 0.5  # a question is weak evidence
    negated_strength: float = 0.8  # a negated item keeps this share of its strength
    cross_clause: float = 0.5  # evaluation attached to a target in another clause of the sentence
    preference: float = 0.6  # "X not Y", "X rather than Y"
    cue: float = 0.8  # an evaluative cue verb ("criticised") applied to a bare target
    anaphor_weight: float = 0.5  # "this programme" as a mention of the target
    topic_damp: float = 0.6  # evaluation with the previous sentence's target
    inherit_damp: float = 0.7  # stance inherited from the same actor's previous claim
    hedge_floor: float = 0.4
    negation_window: int = 6
    reverser_window: int = 5


DEFAULT_SETTINGS = Settings()


# --------------------------------------------------------------------------- words

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_OUR_WORDS = re.compile(
    r"^(favo|behavio|hono|labo|neighbo|endeavo|vigo|rigo|humo|colo|savo|harbo|rumo|clamo|odo|parlo|fervo|ardo)r"
)


_IZE = re.compile(r"iz(e|ed|es|ing|ation|ations|ational|er|ers)$")

#: Entries of each per-word cache. Bounded so that memory stays flat over a long run: the
#: caches fill within about 100 articles, and frequent words stay in them.
WORD_CACHE = 16384


@lru_cache(maxsize=WORD_CACHE)
def canon(word: str) -> str:
    """Lower case, straight apostrophe, British spelling for -ize/-or variants."""
    w = word.lower().translate(_APOSTROPHES)
    if len(w) > 5:
        w = _IZE.sub(r"is\1", w)
    w = _OUR_WORDS.sub(r"\1ur", w)
    if w.startswith("skeptic"):
        w = "sceptic" + w[7:]
    if w.startswith("center") or w.startswith("centered"):
        w = "centre" + w[6:]
    return w


@lru_cache(maxsize=WORD_CACHE)
def forms(word: str, lemma: str = "") -> frozenset[str]:
    """The word and the base forms a regular inflection may hide (canonical spelling).

    Generous on purpose: each form is only looked up, so a spurious base form
    costs nothing unless it is itself a lexicon entry.
    """
    w = canon(word)
    out = {w}
    if lemma:
        out.add(canon(lemma))
    if len(w) > 3 and w.isalpha() or "-" in w:
        if w.endswith("ies"):
            out.add(w[:-3] + "y")
        elif w.endswith("es"):
            out.update((w[:-2], w[:-1]))
        elif w.endswith("s") and not w.endswith("ss"):
            out.add(w[:-1])
        if w.endswith("ied"):
            out.add(w[:-3] + "y")
        elif w.endswith("ed") and len(w) > 4:
            out.update((w[:-2], w[:-1]))
            if w[-3] == w[-4]:
                out.add(w[:-3])
        if w.endswith("ing") and len(w) > 5:
            out.update((w[:-3], w[:-3] + "e"))
            if w[-4] == w[-5]:
                out.add(w[:-4])
    return frozenset(canon(f) for f in out)


# --------------------------------------------------------------------------- lexicon

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


def _split_phrase(phrase: str) -> tuple[str, ...]:
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
            words = _split_phrase(phrase)
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
            entries.pop(_split_phrase(word), None)
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
        return _default_lexicon()

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
def _default_lexicon() -> Lexicon:
    return Lexicon.from_files(CURATED_FILE, VADER_FILE)


# --------------------------------------------------------------------------- reading a span

_BOUNDARY_PUNCT = frozenset({",", ";", ":", "(", ")", "[", "]", "\u2013", "\u2014", "--", "?", "!", ".", "\n", '"', "\u201c", "\u201d"})
_HARD_BOUNDARY = frozenset({";", ":", "(", ")", "\u2013", "\u2014", "--", "?", "!", ".", "\n"})
_FINITE_VERB_TAGS = frozenset({"VBZ", "VBP", "VBD", "MD"})  # not VBN/VBG: "the personalised services"
_AUXILIARIES = frozenset({"is", "are", "was", "were", "be", "been", "'s", "'re", "has", "have", "had", "will",
                          "would", "can", "could", "may", "might", "must", "should", "shall", "'ll", "does", "do", "did"})
_NEG_RAISING = frozenset({"think", "believe", "expect", "suppose", "imagine", "reckon", "feel", "seem",
                          "appear", "want", "anticipate", "guess"})
_SCOPE_ENDERS = frozenset({"and", "but", "because", "while", "whilst", "although", "though", "if", "unless",
                           "when", "which", "who", "whereas", "so", "yet", "or", "since", "as"})
_DETERMINERS = frozenset({"this", "these", "that", "those", "such", "the", "its", "their", "our", "his", "her"})
_BE_FORMS = frozenset({"am", "is", "are", "was", "were", "be", "been", "being", "'s", "'re", "'m", "get", "got", "gets"})
_HYPHENS = frozenset({"-", "\u2010", "\u2011"})
_HYPHENS_IN = re.compile("[-\u2010\u2011]")
_HYPHEN_SPLIT = re.compile("([-\u2010\u2011])")


@dataclass
class Piece:
    """A word (or word part of a hyphenated token) or a boundary mark, in reading order."""

    text: str  # canonical form
    forms: frozenset[str]
    start: int  # char offsets in doc.text
    end: int
    group: int  # pieces of one hyphenated word share a group
    punct: bool = False
    pos: str = ""  # UPOS from the model's tagger, when there is one
    tag: str = ""  # PTB tag, likewise


@dataclass
class Mention:
    start: int  # piece indices [start, end)
    end: int
    polarity: int  # +1 pro, -1 con
    weight: float
    text: str


@dataclass
class Item:
    start: int
    end: int
    entry: Entry
    text: str
    negations: int = 0
    flip: int = 1  # reversers governing it
    factor: float = 1.0  # intensifiers / downtoners
    consumed: bool = False  # a reverser whose polarity went into what it governs
    shifters: list = field(default_factory=list)  # negators / doubt words that flipped it (for evidence)
    scope_end: int = -1  # reversers / negators: end of what they govern
    scope_start: int = -1  # when what they govern is not right after them


@dataclass
class StanceResult:
    """A claim's stance: label, score in [-1, 1] (positive = support), evidence strings."""

    label: str
    score: float
    evidence: list[str] = field(default_factory=list)
    has_target: bool = False  # the content mentions the target (or its opposite)
    free_valence: float = 0.0  # evaluation that found no target in the content
    free_evidence: list[str] = field(default_factory=list)
    positive: float = 0.0
    negative: float = 0.0
    basis: str = "content"  # content / cue / topic / context / none


_DOC_PIECES = "argmine_stance_pieces"  # doc.user_data key, set only while the component runs


def _pieces(span: Union[Span, Doc]) -> list[Piece]:
    """Words and boundary marks of a span; hyphenated words kept as one group.

    While the stance component runs, a span's pieces are cut from the whole
    document's (made once): each claim's sentences would otherwise be read again.
    """
    if isinstance(span, Span):
        whole = span.doc.user_data.get(_DOC_PIECES)
        if whole is not None:
            starts, all_pieces = whole
            lo = bisect_left(starts, span.start_char)
            hi = bisect_left(starts, span.end_char, lo)
            return [piece for piece in all_pieces[lo:hi] if piece.end <= span.end_char]
    return _read_pieces(span)


def _read_pieces(span: Union[Span, Doc]) -> list[Piece]:
    out: list[Piece] = []
    group = 0
    tokens = list(span)
    glue_next = False
    for k, tok in enumerate(tokens):
        text = tok.text
        if tok.is_space:
            if "\n" in text:
                out.append(Piece("\n", frozenset(), tok.idx, tok.idx + len(text), -1, True))
            glue_next = False
            continue
        intra_hyphen = (
            text in _HYPHENS and k > 0 and not tokens[k - 1].whitespace_ and not tok.whitespace_
            and k + 1 < len(tokens) and not tokens[k + 1].is_punct
        )
        if intra_hyphen:
            glue_next = True
            continue
        if tok.is_punct and not any(ch.isalnum() for ch in text):
            out.append(Piece(canon(text), frozenset(), tok.idx, tok.idx + len(text), -1, True))
            glue_next = False
            continue
        if not glue_next:
            group += 1
        lemma = tok.lemma_
        if lemma == text:
            lemma = ""
        if not _HYPHENS_IN.search(text):  # the common case: one word, one piece
            at = tok.idx
            out.append(Piece(canon(text), forms(text, lemma), at, at + len(text), group, pos=tok.pos_, tag=tok.tag_))
            glue_next = False
            continue
        offset = tok.idx
        words = []
        for part in _HYPHEN_SPLIT.split(text):
            if part and part not in _HYPHENS:
                words.append((part, offset))
            offset += len(part)
        for part, at in words:
            out.append(Piece(canon(part), forms(part, lemma if len(words) == 1 else ""), at, at + len(part), group,
                             pos=tok.pos_ if len(words) == 1 else "", tag=tok.tag_ if len(words) == 1 else ""))
        glue_next = False
    return out


def _match_words(pieces: list[Piece], i: int, words: tuple[str, ...]) -> int:
    """End index (exclusive) when `words` match from piece i, else -1.

    A term word may also match a hyphenated group written as one word
    ("co-ordination" / "coordination").
    """
    k = i
    for n, word in enumerate(words):
        if k >= len(pieces) or pieces[k].punct:
            return -1
        piece = pieces[k]
        if _word_matches(word, piece.forms, piece.text):
            k += 1
            continue
        # hyphenated group written solid in the term
        g = piece.group
        j = k
        joined = ""
        while j < len(pieces) and pieces[j].group == g and not pieces[j].punct:
            joined += pieces[j].text
            j += 1
        if j - k > 1 and _word_matches(word, forms(joined), joined):
            k = j
            continue
        return -1
    return k


class _Exact(str):
    """A target word to match only as written ("compete", not "competing")."""


def _word_matches(word: Union[str, frozenset], piece_forms: frozenset[str], surface: str = "") -> bool:
    """A word of an entry against a piece's forms. A target term's word comes as the set
    of its own forms ("pooled" -> pooled, pool), so "pool budgets" matches "pooled budget"."""
    if isinstance(word, _Exact):
        return word == surface
    if isinstance(word, frozenset):
        return not word.isdisjoint(piece_forms)
    if word.endswith("*"):
        stem = word[:-1]
        return any(f.startswith(stem) for f in piece_forms)
    return word in piece_forms


@dataclass(frozen=True)
class _CompiledTarget:
    terms: tuple[tuple[tuple, int, float, bool], ...]  # (word form sets, polarity, weight, generic)
    by_first: dict
    wildcard: tuple[tuple[tuple, int, float, bool], ...]
    anaphors: frozenset[str]
    context: tuple[tuple[str, ...], ...]


def _term_forms(word: str) -> frozenset[str]:
    """A term word and its base forms, minus the -ing ones: "pooled" also matches
    "pool", but "partnering" must not match the noun "partner" (a GP partner)."""
    if word.endswith("ing"):
        return frozenset({word})
    return forms(word)


def _compile(target: Target) -> _CompiledTarget:
    return target.memo("stance.compiled", lambda: _compile_terms(target))


def _compile_terms(target: Target) -> _CompiledTarget:
    terms = []
    for polarity, group in ((1, target.pro), (-1, target.con)):
        for term in group:
            plain = tuple(canon(w) if not w.endswith("*") else canon(w[:-1]) + "*" for w in term.words)
            variants = [plain]
            solid = "".join(plain)
            if len(plain) > 1 and "*" not in solid and "-" in term.term and " " not in term.term:
                variants.append((solid,))
            for words in variants:
                matchable = tuple(
                    w if w.endswith("*") else _Exact(w) if term.exact else _term_forms(w) for w in words
                )
                terms.append((matchable, polarity, term.weight, term.generic))
    by_first: dict[str, list] = {}
    wildcard = []
    for t in terms:
        first = t[0][0]
        if isinstance(first, _Exact):
            by_first.setdefault(str(first), []).append(t)
        elif isinstance(first, str):
            wildcard.append(t)
        else:
            for f in first:
                by_first.setdefault(f, []).append(t)
    for bucket in by_first.values():
        bucket.sort(key=lambda t: -len(t[0]))
    context = tuple(_split_phrase(c) for c in target.context if _split_phrase(c))
    return _CompiledTarget(tuple(terms), by_first, tuple(wildcard), frozenset(canon(a) for a in target.anaphors), context)


@dataclass(frozen=True)
class _Source:
    """The characters of the stretch being read, and where they start in ``doc.text``.

    (``Doc.text`` is rebuilt on every access, so it is read once per stretch.)
    """

    text: str
    base: int = 0

    @classmethod
    def of(cls, span: Union[Span, Doc]) -> "_Source":
        return cls(span.text, span.start_char if isinstance(span, Span) else 0)

    def cut(self, start: int, end: int) -> str:
        return self.text[start - self.base : end - self.base]


def _text_of(src: _Source, pieces: list[Piece], start: int, end: int) -> str:
    return src.cut(pieces[start].start, pieces[end - 1].end)


def in_domain(doc: Union[Doc, Span], target: Target, pieces: Optional[list[Piece]] = None) -> bool:
    """Whether a text is in the target's field: its context words occur often enough.

    Generic terms ("partnership", "competition") name the target only there.
    """
    compiled = _compile(target)
    if not compiled.context or target.context_min == 0:
        return True
    pieces = pieces if pieces is not None else _pieces(doc)
    first: dict[str, list[tuple[str, ...]]] = {}
    for words in compiled.context:
        first.setdefault(words[0], []).append(words)
    hits = 0
    for i, piece in enumerate(pieces):
        for f in piece.forms:
            for words in first.get(f, ()):
                if _match_words(pieces, i, words) > i:
                    hits += 1
                    if hits >= target.context_min:
                        return True
                    break
    return False


def find_mentions(src: _Source, pieces: list[Piece], target: Target, *, anaphora: bool = False,
                  domain: bool = True, settings: Settings = DEFAULT_SETTINGS) -> list[Mention]:
    """Target terms in reading order, longest match first, no overlaps.

    Out of the target's field (`domain` False) generic terms are not mentions.
    """
    compiled = _compile(target)
    mentions: list[Mention] = []
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        if piece.punct:
            i += 1
            continue
        if compiled.by_first.keys().isdisjoint(piece.forms):  # most words start no target term
            candidates = list(compiled.wildcard)
        else:
            candidates = list({id(t): t for f in sorted(piece.forms) for t in compiled.by_first.get(f, ())}.values())
            candidates += list(compiled.wildcard)
        best = None
        for words, polarity, weight, generic in candidates:
            if generic and not domain:
                continue
            end = _match_words(pieces, i, words)
            if end > i and (best is None or end > best[0] or (end == best[0] and weight > best[2])):
                best = (end, polarity, weight)
        if best:
            end, polarity, weight = best
            mentions.append(Mention(i, end, polarity, weight, _text_of(src, pieces, i, end)))
            i = end
            continue
        i += 1
    if anaphora and compiled.anaphors and not mentions:
        taken = {k for m in mentions for k in range(m.start, m.end)}
        for i, piece in enumerate(pieces):
            if i in taken or piece.punct or not (piece.forms & compiled.anaphors):
                continue
            for back in range(1, 4):
                j = i - back
                if j < 0 or pieces[j].punct or j in taken:
                    break
                if pieces[j].text in _DETERMINERS:
                    mentions.append(Mention(j, i + 1, 1, settings.anaphor_weight, _text_of(src, pieces, j, i + 1)))
                    break
        mentions.sort(key=lambda m: m.start)
    return mentions


_OBJECT_PRONOUNS = frozenset({"it", "them", "this", "these"})


def _pronoun_objects(src: _Source, pieces: list[Piece], mentions: list[Mention], items: list[Item]) -> list[Mention]:
    """"... praises joint working, but backs rules that weaken it": a pronoun
    right after an evaluative verb stands for the nearest target mention before it."""
    if not mentions:
        return mentions
    added = []
    for it in items:
        if it.entry.kind not in ("eval", "reverser") or it.end >= len(pieces):
            continue
        p = pieces[it.end]
        if p.punct or p.text not in _OBJECT_PRONOUNS:
            continue
        before = [m for m in mentions if m.end <= it.start]
        if before:
            ref = before[-1]
            added.append(Mention(it.end, it.end + 1, ref.polarity, ref.weight * 0.8, src.cut(p.start, p.end)))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def _find_items(src: _Source, pieces: list[Piece], lexicon: Lexicon, taken: set[int]) -> list[Item]:
    items: list[Item] = []
    group_sizes: dict[int, int] = {}
    for p in pieces:
        if not p.punct:
            group_sizes[p.group] = group_sizes.get(p.group, 0) + 1
    i = 0
    while i < len(pieces):
        if pieces[i].punct or i in taken:
            i += 1
            continue
        hit = None
        in_compound = group_sizes.get(pieces[i].group, 1) > 2
        for entry in lexicon.starting_with(pieces[i].forms, pieces[i].text):
            end = _match_words(pieces, i, entry.words)
            if end > i and not any(k in taken for k in range(i, end)):
                if in_compound and end - i < group_sizes[pieces[i].group]:
                    continue  # "one-size-fits-all": no evaluation from a word inside a long compound
                hit = (entry, end)
                break
        if hit and hit[0].words[0] in lexicon.verb_only and hit[1] - i == 1 and not _used_as_verb(pieces, i):
            hit = None
        if hit:
            entry, end = hit
            if entry.kind != "neutral":
                items.append(Item(i, end, entry, _text_of(src, pieces, i, end)))
            i = end
        else:
            i += 1
    return _drop_balanced_pairs(pieces, _drop_directive_passives(pieces, items, lexicon))


_COORDINATORS = frozenset({"and", "or", "versus", "vs", "&"})


def _drop_balanced_pairs(pieces: list[Piece], items: list[Item]) -> list[Item]:
    """"strengths and weaknesses", "costs and benefits", "successes or failures": two
    opposite evaluations coordinated with each other name a topic of assessment,
    they do not assess."""
    drop: set[int] = set()
    evals = [it for it in items if it.entry.kind == "eval"]
    for a, b in zip(evals, evals[1:]):
        if (b.start == a.end + 1 and pieces[a.end].text in _COORDINATORS
                and a.entry.value * b.entry.value < 0):
            drop.update((id(a), id(b)))
    return [it for it in items if id(it) not in drop] if drop else items


_VERB_CONTEXT = frozenset({"to", "must", "should", "will", "would", "could", "can", "may", "might", "shall",
                           "'ll", "'d", "not", "n't", "never", "did", "does", "do", "we", "they", "i", "you"})


def _used_as_verb(pieces: list[Piece], i: int) -> bool:
    """Whether an ambiguous word ("end", "cut") is a verb here: the tagger says so, or,
    without a tagger, a modal, "to", a negator or a subject pronoun comes right before it."""
    if pieces[i].pos:
        return pieces[i].pos == "VERB"
    return i > 0 and pieces[i - 1].text in _VERB_CONTEXT


def _drop_directive_passives(pieces: list[Piece], items: list[Item], lexicon: Lexicon) -> list[Item]:
    """"Trusts are being told to merge": a directive reported, not an evaluation."""
    keep = []
    for item in items:
        if item.entry.kind == "eval" and item.end - item.start == 1:
            p = pieces[item.start]
            prev = pieces[item.start - 1].text if item.start > 0 else ""
            nxt = pieces[item.end].text if item.end < len(pieces) else ""
            if nxt == "to" and prev in _BE_FORMS and (p.forms & lexicon.directive_passives):
                continue
        keep.append(item)
    return keep


# --------------------------------------------------------------------------- scoring one sentence


@dataclass
class _Contribution:
    value: float
    evidence: tuple[str, ...]
    position: int


def _boundary(piece: Piece) -> bool:
    return piece.punct and piece.text in _BOUNDARY_PUNCT


def _clause_end(pieces: list[Piece], start: int, limit: int, *, hard_only: bool = False) -> int:
    """First boundary at or after `start` (exclusive end of a clause), at most `limit`."""
    for k in range(start, min(limit, len(pieces))):
        p = pieces[k]
        if p.punct and (p.text in _HARD_BOUNDARY if hard_only else _boundary(p)):
            return k
    return min(limit, len(pieces))


def _score_sentence(src: _Source, pieces: list[Piece], mentions: list[Mention], items: list[Item],
                    settings: Settings, *, prior_weight: float = 1.0) -> tuple[list[_Contribution], list[_Contribution], bool]:
    """Contributions toward the target and free (target-less) evaluation for one sentence.

    Returns (contributions, free_evaluation, starts_with_contrast).
    """
    n = len(pieces)
    weight = [1.0] * n
    region = [0] * n
    cond_region: dict[int, str] = {}  # region id -> "if" / "unless"
    starts_with_contrast = False

    by_kind: dict[str, list[Item]] = {}
    for it in items:
        by_kind.setdefault(it.entry.kind, []).append(it)

    def at_clause_start(k: int) -> bool:
        j = k - 1
        while j >= 0 and pieces[j].punct and pieces[j].text in {'"', "\u201c", "\u201d", "'"}:
            j -= 1
        return j < 0 or _boundary(pieces[j]) or pieces[j].text in {"and", "but", "so"}

    # "not just X but Y": additive, not contrastive; and its "not" negates nothing.
    additive_buts = set()
    for it in by_kind.get("neg_exception", []):
        if it.entry.words[0] == "not" and it.entry.words[-1] in {"just", "only", "merely", "simply"}:
            for k in range(it.end, min(n, it.end + 12)):
                if pieces[k].text == "but":
                    additive_buts.add(k)
                    break

    next_region = 1
    # Contrast: everything before the marker (in this sentence) weighs less.
    for it in by_kind.get("contrast", []):
        word = it.entry.words
        if it.start in additive_buts:
            continue
        if word != ("but",) and not at_clause_start(it.start):
            continue
        if word == ("but",) and it.start > 0 and pieces[it.start - 1].text in {"all", "nothing", "anything", "last"}:
            continue
        if it.start == 0 or all(pieces[k].punct for k in range(it.start)):
            starts_with_contrast = True
            continue
        for k in range(it.start):
            weight[k] *= settings.before_contrast
        for k in range(it.start, n):
            region[k] = next_region
        next_region += 1

    # Concessive and conditional clauses: from the marker to the next comma (or end).
    for kind, factor in (("concessive", settings.concessive), ("conditional", settings.conditional)):
        for it in by_kind.get(kind, []):
            end = _clause_end(pieces, it.end, n)
            if end < n and pieces[end].text not in {",", ";", "\u2013", "\u2014"}:
                end = n
            # "while" after a comma that closes the main clause: to the end of the sentence
            rid = next_region
            next_region += 1
            for k in range(it.start, end):
                weight[k] *= factor
                region[k] = rid
            if end < n:
                tail = next_region
                next_region += 1
                for k in range(end, n):
                    if region[k] == region[end - 1] or region[k] < rid:
                        region[k] = tail
            if kind == "conditional":
                cond_region[rid] = it.entry.words[0]

    # Regions also end at ';' and ':' (separate statements).
    for k, p in enumerate(pieces):
        if p.punct and p.text in {";", ":"}:
            rid = next_region
            next_region += 1
            old = region[k]
            for j in range(k, n):
                if region[j] == old:
                    region[j] = rid

    # Negation: each negator flips the evaluative items and target mentions after it in its clause.
    exception_spans = {(it.start, it.end) for it in by_kind.get("neg_exception", [])}
    evaluators = [it for it in items if it.entry.kind in ("eval", "deontic", "reverser")]
    mention_negated = [0] * len(mentions)
    np_negations: list[tuple[Item, int]] = []  # (negator, index of mention it rejects)
    for it in by_kind.get("negator", []):
        if any(s <= it.start < e for s, e in exception_spans):
            continue
        # "X not Y": a negator between two noun phrases rejects Y (handled as preference)
        nxt = [m for m in range(len(mentions)) if it.end <= mentions[m].start <= it.end + 1]
        prv = [m for m in range(len(mentions)) if it.start - 2 <= mentions[m].end - 1 < it.start]
        clause_initial = it.start == 0 or pieces[it.start - 1].punct or pieces[it.start - 1].text in {"and", "but"}
        if it.entry.words == ("not",) and nxt and (prv or clause_initial):
            np_negations.append((it, nxt[0]))
            continue
        end = it.end
        if it.entry.role == "epistemic":
            end = _clause_end(pieces, it.end, n, hard_only=True)
        while end < n and end - it.end < settings.negation_window and it.entry.role != "epistemic":
            p = pieces[end]
            if _boundary(p) or p.text in _SCOPE_ENDERS:
                break
            # "nobody disputes that X": the negation stays in the main clause, except
            # after verbs that pass it down ("I don't think that X works" = X does not work)
            if p.text == "that" and end > it.end and not (pieces[end - 1].forms & _NEG_RAISING):
                break
            end += 1
        it.scope_end = end
        for ev in evaluators:
            if it.end <= ev.start < end:
                ev.negations += 1
                ev.shifters.append(it)
        for m, men in enumerate(mentions):
            # "without collaboration", "no integration": the negator takes the mention itself,
            # not a predicate that has the mention as its argument ("not a fan of the models")
            between = [ev for ev in evaluators if it.end <= ev.start < men.start]
            if it.end <= men.start < end and men.start - it.end <= 2 and not between:
                mention_negated[m] += 1

    # "must not", "should not", "need not": the negator right after a modal denies the modal.
    for it in by_kind.get("deontic", []):
        if it.end < n and any(neg.start == it.end for neg in by_kind.get("negator", [])):
            if it.negations % 2 == 0:
                it.negations += 1

    # Quantity negators ("little value", "few benefits") flip the next evaluative word.
    for it in by_kind.get("quantity_negator", []):
        for ev in evaluators:
            if it.end <= ev.start <= it.end + 2 and ev.entry.kind == "eval":
                ev.negations += 1
                break

    # Reversers flip what they govern ("reduce fragmentation", "lack of flexibility").
    reversers = by_kind.get("reverser", [])
    active: list[Item] = []
    for rv in reversers:
        if rv.entry.role == "doubt":
            # "doubting the viability of the scheme": a negator of what it governs,
            # and by itself ("questioning the model") a negative judgement of its object.
            # Negated ("nobody disputes that ..."), it is certainty: nothing to flip.
            if rv.negations % 2 == 1:
                rv.consumed = True
                continue
            end = _clause_end(pieces, rv.end, min(n, rv.end + settings.reverser_window))
            governed = [ev for ev in evaluators if ev is not rv and rv.end <= ev.start < end and ev.entry.kind == "eval"]
            for ev in governed:
                ev.negations += 1
                ev.shifters.append(rv)
            rv.consumed = bool(governed)
            continue
        end = rv.end
        while end < n and end - rv.end < settings.reverser_window:
            p = pieces[end]
            if _boundary(p) or p.text in _SCOPE_ENDERS - {"and", "or"}:
                break
            # what it governs is its object, not the predicate that follows
            # ("[reducing fragmentation] is vital")
            if p.text in _AUXILIARIES or p.pos == "AUX" or p.tag in _FINITE_VERB_TAGS:
                break
            end += 1
        rv.scope_end = end
        passive = rv.start > 0 and (pieces[rv.start - 1].text in _BE_FORMS or (
            rv.start > 1 and pieces[rv.start - 2].text in _BE_FORMS and pieces[rv.start - 1].text.endswith("ly")))
        intransitive = end == rv.end and rv.entry.role == "removal"
        if passive or intransitive:
            # "the plan to merge was scrapped", "fragmentation must end": it acts on its
            # subject ("councils will be sidelined in the partnerships": on the councils)
            subject = [m for m in mentions if m.end <= rv.start and region[m.start] == region[rv.start]]
            if subject:
                rv.scope_start, rv.scope_end = subject[-1].start, subject[-1].end
            elif passive:
                rv.scope_start = rv.scope_end = rv.start
            end = rv.scope_end
        governed = [ev for ev in evaluators if ev is not rv and rv.end <= ev.start < end and ev.entry.kind != "deontic"]
        governed_mentions = [m for m in mentions if rv.end <= m.start < end]
        if rv.entry.role == "remedy":
            # "address the concerns" presupposes the concerns; it is good news only for
            # an agent that addresses them ("integration tackles the problems") or for
            # what the problem stood in the way of ("tackle the barriers to integration").
            agent = any(region[m.start] == region[rv.start] and m.end <= rv.start for m in mentions)
            if not (agent or governed_mentions):
                continue
        active.append(rv)
        for ev in governed:
            ev.flip *= -1
        # "lack of flexibility" is one evaluation; "lack of integration" is the lack judging its object.
        rv.consumed = bool(governed) and not governed_mentions

    def in_scope(item_start: int, rv: Item) -> bool:
        return (rv.scope_start if rv.scope_start >= 0 else rv.end) <= item_start < rv.scope_end

    def pair_sign(ev: Item, m: int) -> int:
        """Flips between an evaluator and a mention: a reverser over one of them but not both."""
        sign = 1
        start = mentions[m].start
        for rv in active:
            if rv is ev:
                if in_scope(start, rv):
                    sign = -sign
            elif in_scope(ev.start, rv) != in_scope(start, rv):
                if rv.scope_start >= 0 and ev.start > rv.start:
                    continue  # "the plan was scrapped after opposition": an adjunct, not a frame
                sign = -sign
        if mention_negated[m] and not ev.negations:
            sign = -sign
        return sign

    # Intensifiers and downtoners strengthen / weaken the next evaluative item.
    for it in by_kind.get("intensifier", []) + by_kind.get("downtoner", []):
        for ev in evaluators:
            if it.end <= ev.start <= it.end + 2:
                ev.factor *= it.entry.value
                break

    # Hedges and certainty markers scale their whole region.
    region_factor: dict[int, float] = {}
    for kind in ("hedge", "certainty"):
        for it in by_kind.get(kind, []):
            rid = region[it.start]
            region_factor[rid] = region_factor.get(rid, 1.0) * it.entry.value
    for rid, f in region_factor.items():
        region_factor[rid] = min(1.3, max(settings.hedge_floor, f))

    sentence_factor = prior_weight
    if any(p.punct and p.text == "?" for p in pieces[-2:]):
        sentence_factor *= settings.question

    contributions: list[_Contribution] = []
    free: list[_Contribution] = []

    # Preference frames: "X rather than Y", "X not Y", "not Y but X".
    rejected = set()
    preferred = set()
    for it in by_kind.get("preference", []):
        after = [m for m in range(len(mentions)) if it.end <= mentions[m].start <= it.end + 2]
        before = [m for m in range(len(mentions)) if it.start - 3 <= mentions[m].end - 1 < it.start]
        if after:
            rejected.add(after[0])
        if before:
            preferred.add(before[-1])
    for neg, m in np_negations:
        rejected.add(m)
        before = [k for k in range(len(mentions)) if mentions[k].end <= neg.start and neg.start - mentions[k].end <= 1]
        if before:
            preferred.add(before[-1])
        # "not Y but X"
        rest = mentions[m].end
        if rest < n and pieces[rest].text == "but":
            after = [k for k in range(len(mentions)) if rest < mentions[k].start <= rest + 2]
            if after:
                preferred.add(after[0])
    for m in sorted(preferred | rejected):
        men = mentions[m]
        sign = 1 if m in preferred and m not in rejected else -1
        w = weight[men.start] * region_factor.get(region[men.start], 1.0) * sentence_factor
        contributions.append(_Contribution(sign * settings.preference * men.polarity * men.weight * w, (men.text,), men.start))

    # Conditional frames: "It would be tragic if X failed" judges the event X.
    frame_regions: dict[int, float] = {}  # conditional region -> sign of the matrix evaluation
    framed_items: set[int] = set()
    for rid, marker in cond_region.items():
        in_cond = [m for m in mentions if region[m.start] == rid]
        if not in_cond:
            continue
        cond_start = min(k for k in range(n) if region[k] == rid)
        matrix = [ev for ev in evaluators if region[ev.start] != rid and ev.entry.kind == "eval"
                  and not any(region[m.start] == region[ev.start] for m in mentions)
                  and abs(ev.start - cond_start) <= 8]
        if not matrix:
            continue
        value = sum(_effective(ev, settings) for ev in matrix)
        if value == 0:
            continue
        frame_regions[rid] = (1 if value > 0 else -1) * (-1 if marker == "unless" else 1)
        for ev in matrix:
            framed_items.add(id(ev))
        frame_strength = min(1.0, abs(value))
        inner = [ev for ev in evaluators if region[ev.start] == rid and ev.entry.kind != "deontic"]
        event = 0.0
        for ev in inner:
            target = _nearest(ev, in_cond)
            if target is not None:
                m = mentions.index(target)
                event += _effective(ev, settings, flipped=False) * pair_sign(ev, m) * target.polarity * target.weight
            framed_items.add(id(ev))
        if not inner or event == 0:
            event = sum(m.polarity * m.weight for m in in_cond)
        value_to_target = frame_regions[rid] * (1 if event > 0 else -1) * frame_strength
        # the frame speaks with the weight of its main clause (an if-clause is not halved here)
        w = region_factor.get(rid, 1.0) * sentence_factor * max(weight[ev.start] for ev in matrix)
        evidence = tuple([t for ev in matrix + inner for t in _evidence(src, pieces, ev)] + [m.text for m in in_cond])
        contributions.append(_Contribution(value_to_target * w, evidence, cond_start))

    # Every other evaluator attaches to the target mentions of its clause.
    for ev in evaluators:
        if id(ev) in framed_items or (ev.entry.kind == "reverser" and (ev.consumed or ev.entry.value == 0)):
            continue
        value = _effective(ev, settings, flipped=False)
        if value == 0:
            continue
        w = weight[ev.start] * region_factor.get(region[ev.start], 1.0) * sentence_factor
        targets = [(m, men) for m, men in enumerate(mentions) if region[men.start] == region[ev.start]
                   and m not in rejected]
        cross = 1.0
        if not targets:
            targets = [(m, men) for m, men in enumerate(mentions) if m not in rejected]
            cross = settings.cross_clause
        targets = _gate_complement(pieces, ev, targets, mentions, items)
        if not targets:
            free.append(_Contribution(_effective(ev, settings) * w, _evidence(src, pieces, ev), ev.start))
            continue
        # Within a clause the nearest mentions take the evaluation; across clauses of the
        # sentence the discourse relation links them, whatever the distance.
        proximity = [(_proximity(ev, men) if cross == 1.0 else 1.0, m, men) for m, men in targets]
        total = sum(p for p, _, _ in proximity)
        best = max(p for p, _, _ in proximity)
        toward = 0.0
        used = []
        for p, m, men in proximity:
            share = p / total
            item_value = value
            if ev.entry.role in ("harm", "remedy") and in_scope(men.start, ev):
                # What "undermine" / "tackle" presuppose about their object survives
                # negation: "far from breaking down silos" still takes silos to be bad.
                item_value = ev.entry.value * ev.factor
            toward += share * item_value * pair_sign(ev, m) * men.polarity * men.weight
            used.append(men.text)
        contributions.append(_Contribution(w * cross * best * toward, (*_evidence(src, pieces, ev), *used), ev.start))
    return contributions, free, starts_with_contrast


def _evidence(src: _Source, pieces: list[Piece], ev: Item) -> tuple[str, ...]:
    """The words that carried an evaluation: "not a fan" rather than "fan" when a
    negator close by flipped it; a distant shifter ("difficult to see ...") on its own."""
    if not ev.shifters:
        return (ev.text,)
    near = [sh for sh in ev.shifters if sh.end <= ev.start and ev.start - sh.end <= 2]
    far = [sh.text for sh in ev.shifters if sh not in near]
    if near:
        first = min(sh.start for sh in near)
        if first > 0 and pieces[first - 1].end == pieces[first].start and not pieces[first - 1].punct:
            first -= 1  # "wo|n't", "ca|n't": keep the word whole
        return (*far, src.cut(pieces[first].start, pieces[ev.end - 1].end))
    return (*far, ev.text)


def _effective(ev: Item, settings: Settings, *, flipped: bool = True) -> float:
    """An item's valence after intensity and negation (and, for free evaluation, its reversers)."""
    value = ev.entry.value * ev.factor * (ev.flip if flipped else 1)
    if ev.negations % 2 == 1:
        value = -value * settings.negated_strength
    elif ev.negations:
        value = value * settings.negated_strength
    return max(-1.0, min(1.0, value))


def _proximity(ev: Item, men: Mention) -> float:
    if men.end <= ev.start:
        d = ev.start - men.end + 1
    elif ev.end <= men.start:
        d = men.start - ev.end + 1
    else:
        d = 0
    return 1.0 / (1.0 + max(0, d - 3) / 8.0)


def _nearest(ev: Item, mentions: list[Mention]) -> Optional[Mention]:
    return max(mentions, key=lambda m: _proximity(ev, m)) if mentions else None


def _gate_complement(pieces: list[Piece], ev: Item, targets, mentions, items) -> list:
    """"vital to evaluate the pilots": the evaluation is of evaluating, not of the pilots.

    An evaluative predicate followed by a to-infinitive whose verb is neither a
    target term nor evaluative judges that action, and no target mention.
    """
    k = ev.end
    if k + 1 >= len(pieces) or pieces[k].text != "to" or ev.entry.kind != "eval":
        return targets
    verb = k + 1
    if any(m.start <= verb < m.end for m in mentions) or any(it.start <= verb < it.end for it in items):
        return targets
    return []


# --------------------------------------------------------------------------- public API


def _sentences(span: Union[Span, Doc]) -> list[Span]:
    """The span's sentences, also cut at line breaks (a heading never runs into its paragraph)."""
    doc = span.doc if isinstance(span, Span) else span
    whole = span if isinstance(span, Span) else span[:]
    if doc.has_annotation("SENT_START"):
        sents = []
        for sent in whole.sents:
            start, end = max(sent.start, whole.start), min(sent.end, whole.end)
            if end > start:
                sents.append((start, end))
    else:
        sents = [(whole.start, whole.end)]
    out = []
    for start, end in sents:
        cut = start
        for tok in doc[start:end]:
            if "\n" in tok.text:
                if tok.i > cut:
                    out.append(doc[cut : tok.i])
                cut = tok.i + 1
        if end > cut:
            out.append(doc[cut:end])
    return out


def stance_of(
    span: Union[Span, Doc],
    target: Target,
    lexicon: Optional[Lexicon] = None,
    *,
    cue: Optional[Span] = None,
    source: Optional[Span] = None,
    anaphora: bool = False,
    domain: bool = True,
    settings: Settings = DEFAULT_SETTINGS,
) -> StanceResult:
    """The stance a stretch of text takes toward `target`, from its own words.

    Args:
        span: the claim's content (a Span or a whole Doc), with sentence
            boundaries when the pipeline has them.
        target: what the stance is toward.
        lexicon: evaluative lexicon; the default general one plus the
            target's additions when omitted.
        cue: the claim's attribution cue, when it lies outside the content
            ("criticised" in "X criticised the vanguards"); an evaluative cue
            judges target mentions the content does not judge itself.
        source: the speaker's mention, when it lies outside the content; a
            speaker named by a position ("Critics", "Supporters of the plan")
            adds that position to what the content says about the target.
        anaphora: allow "this programme"-style references as weak mentions
            (set when the document names the target somewhere).
        domain: whether the text is in the target's field (see :func:`in_domain`);
            when False, generic terms ("partnership") are not read as the target.
    """
    lex = (lexicon or Lexicon.default()).with_target(target)
    contributions: list[_Contribution] = []
    free: list[_Contribution] = []
    all_mentions: list[Mention] = []
    sentence_results = []
    for sent in _sentences(span):
        pieces = _pieces(sent)
        if not pieces:
            continue
        src = _Source.of(sent)
        mentions = find_mentions(src, pieces, target, anaphora=anaphora, domain=domain, settings=settings)
        taken = {k for m in mentions for k in range(m.start, m.end)}
        items = _find_items(src, pieces, lex, taken)
        mentions = _pronoun_objects(src, pieces, mentions, items)
        contrib, free_eval, contrast_start = _score_sentence(src, pieces, mentions, items, settings)
        sentence_results.append((contrib, free_eval, contrast_start))
        all_mentions.extend(mentions)
    # A sentence opening with "But"/"However" outweighs the sentence before it.
    for k, (contrib, free_eval, contrast_start) in enumerate(sentence_results):
        if k + 1 < len(sentence_results) and sentence_results[k + 1][2]:
            contrib = [_Contribution(c.value * settings.before_contrast, c.evidence, c.position) for c in contrib]
        contributions.extend(contrib)
        free.extend(free_eval)

    own = bool(contributions)
    if cue is not None and all_mentions and not contributions and _outside(cue, span):
        cue_value = _cue_valence(cue, lex)
        if cue_value:
            toward = sum(m.polarity * m.weight for m in all_mentions) / len(all_mentions)
            contributions.append(_Contribution(cue_value * settings.cue * toward, (cue.text,) + tuple(m.text for m in all_mentions), -1))
    if source is not None and all_mentions and _outside(source, span):
        # "Critics argue that ...", "Opponents of the plan say ...": a speaker named by
        # their position on the matter says something about the matter.
        source_value = _cue_valence(source, lex)
        if source_value:
            toward = sum(m.polarity * m.weight for m in all_mentions) / len(all_mentions)
            contributions.append(_Contribution(source_value * settings.cue * toward, (source.text,), -2))
    result = _decide(contributions, settings, max((m.weight for m in all_mentions), default=1.0))
    result.has_target = bool(all_mentions)
    result.free_valence = sum(c.value for c in free)
    result.free_evidence = _dedupe(e for c in free for e in c.evidence)
    # "cue": only the attribution (cue verb or speaker's description) judged the target
    result.basis = "content" if own else ("cue" if contributions else "none")
    return result


def _outside(cue: Span, span: Union[Span, Doc]) -> bool:
    if isinstance(span, Doc):
        return False
    return cue.end <= span.start or cue.start >= span.end


def _cue_valence(cue: Span, lexicon: Lexicon) -> float:
    pieces = _pieces(cue)
    items = _find_items(_Source.of(cue), pieces, lexicon, set())
    values = [it.entry.value for it in items if it.entry.kind in ("eval", "reverser") and it.entry.value]
    return max(-1.0, min(1.0, sum(values)))


def _dedupe(values: Iterable[str]) -> list[str]:
    """Distinct strings in order; one contained in another ("failed to deliver" in
    "failed to deliver the savings") is left out."""
    seen: list[str] = []
    for v in values:
        v = v.strip()
        if v and v not in seen:
            seen.append(v)
    return [v for v in seen if not any(v != w and v in w for w in seen)]


def _decide(contributions: list[_Contribution], settings: Settings, reference: float = 1.0) -> StanceResult:
    """Label and score from the contributions.

    `reference` is the weight of the surest target mention in the claim: how much
    of the evidence is about the target at all. Whether evidence on both sides is
    substantial (mixed) is judged relative to it; the score keeps the uncertainty.
    """
    positive = sum(c.value for c in contributions if c.value > 0)
    negative = -sum(c.value for c in contributions if c.value < 0)
    score = (positive - negative) / (positive + negative + settings.smoothing) if contributions else 0.0
    # at most x1.7: a faint term must not turn faint noise into "mixed"
    reference = min(1.0, max(reference, 0.6))
    label = label_for(score, positive / reference, negative / reference, settings)
    decisive = [c for c in contributions if abs(c.value) >= 0.05]
    decisive.sort(key=lambda c: c.position)
    evidence = _dedupe(e for c in decisive for e in c.evidence)[:10]
    return StanceResult(label, round(max(-1.0, min(1.0, score)), 3), evidence, positive=positive, negative=negative)


def label_for(score: float, positive: float, negative: float, settings: Settings = DEFAULT_SETTINGS) -> str:
    """support / oppose / mixed / neutral from a score and the two evidence masses."""
    if (
        positive >= settings.mixed_min
        and negative >= settings.mixed_min
        and min(positive, negative) / max(positive, negative) >= settings.mixed_ratio
    ):
        return "mixed"
    if score >= settings.threshold:
        return "support"
    if score <= -settings.threshold:
        return "oppose"
    return "neutral"


def target_polarity(span: Union[Span, Doc], target: Target, *, anaphora: bool = False, domain: bool = True) -> float:
    """Sum of polarity x weight of the target mentions in a span (0 when none)."""
    mentions = find_mentions(_Source.of(span), _pieces(span), target, anaphora=anaphora, domain=domain)
    return sum(m.polarity * m.weight for m in mentions)


# --------------------------------------------------------------------------- the component


@Language.factory(
    "argmine_stance",
    assigns=["doc._.claims"],
    default_config={"target": DEFAULT_TARGET},
)
def make_stance(nlp: Language, name: str, target: Union[str, Dict[str, Any]]) -> "StanceComponent":
    """spaCy factory: ``nlp.add_pipe("argmine_stance", config={"target": "integration"})``.

    `target` is a bundled name, a target file, or a target definition (what
    `argmine.pipeline` passes: the run's resolved target, by value)."""
    return StanceComponent(nlp, name, target=resolve_target(target))


class StanceComponent:
    """Adds stance, stance_score, stance_evidence and target to every claim in ``doc._.claims``.

    Runs after attribution; leaves ``doc._.claims`` as it is when it is None.
    """

    def __init__(self, nlp: Optional[Language], name: str = "argmine_stance", *, target: Target,
                 lexicon: Optional[Lexicon] = None, settings: Settings = DEFAULT_SETTINGS):
        self.name = name
        self.target = target
        self.settings = settings
        self._base_lexicon = lexicon or Lexicon.default()
        self.lexicon = self._base_lexicon.with_target(target)

    def __call__(self, doc: Doc) -> Doc:
        claims: Optional[list[ClaimDict]] = doc._.claims
        if not claims:
            return doc
        pieces = _pieces(doc)
        domain = in_domain(doc, self.target, pieces)
        text = doc.text
        anaphora = bool(find_mentions(_Source(text), pieces, self.target, domain=domain))
        paragraphs = _paragraph_starts(text)
        doc.user_data[_DOC_PIECES] = ([piece.start for piece in pieces], pieces)
        try:
            results = [self._own(doc, claim, anaphora, domain) for claim in claims]
            for i, claim in enumerate(claims):
                if not _decisive(results[i], self.settings):
                    results[i] = self._from_context(doc, text, claims, results, i, paragraphs, anaphora, domain) or results[i]
                result = results[i]
                claim["stance"] = result.label
                claim["stance_score"] = result.score
                claim["stance_evidence"] = result.evidence
                claim["target"] = self.target.name
                claim["stance_basis"] = result.basis
        finally:
            del doc.user_data[_DOC_PIECES]  # Piece objects must not travel with a serialised Doc
        return doc

    def _own(self, doc: Doc, claim: dict, anaphora: bool, domain: bool) -> StanceResult:
        start, end = claim["content"]
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return StanceResult("neutral", 0.0, basis="none")
        cue = source = None
        if claim.get("cue"):
            cue = doc.char_span(claim["cue"][0], claim["cue"][1], alignment_mode="expand")
        if claim.get("source"):
            source = doc.char_span(claim["source"][0], claim["source"][1], alignment_mode="expand")
        return stance_of(span, self.target, self.lexicon, cue=cue, source=source, anaphora=anaphora, domain=domain,
                         settings=self.settings)

    def _from_context(self, doc: Doc, text: str, claims: list[dict], results: list[StanceResult], i: int,
                      paragraphs: list[int], anaphora: bool, domain: bool) -> Optional[StanceResult]:
        """A claim without decisive evidence of its own, read in the light of what precedes it.

        (1) Evaluation with no target of its own is taken to be about the target
        named in the previous sentence of the same paragraph when the claim points
        back to it ("This is a real shift", "they") or answers it (the previous
        sentence is a question: "How do the pilots measure up? Rather badly.").
        "Ministers like a headline" evaluates its own nouns, not a topic.
        (2) Otherwise the claim inherits, damped, the stance of the same actor's
        nearest preceding claim that has one: within the paragraph for the
        author's voice; across a quote run for a speaker (the author's own
        asides may interrupt it, another speaker ends it; gaps of at most two
        paragraphs between the speaker's claims).
        """
        s = self.settings
        claim = claims[i]
        para = _paragraph_of(paragraphs, _first_char(text, claim["content"][0]))
        own = results[i]
        if own.free_valence and not own.has_target and s.topic_damp:
            prev = _previous_sentence(doc, _first_char(text, claim["content"][0]))
            content = text[claim["content"][0] : claim["content"][1]]
            linked = prev is not None and (_ANAPHORIC.search(content) or prev.text.rstrip().endswith("?"))
            if linked and _paragraph_of(paragraphs, _first_char(text, prev.start_char)) == para:
                polarity = target_polarity(prev, self.target, anaphora=anaphora, domain=domain)
                if polarity:
                    value = own.free_valence * (1 if polarity > 0 else -1) * s.topic_damp
                    positive, negative = (value, 0.0) if value > 0 else (0.0, -value)
                    score = round(value / (abs(value) + s.smoothing), 3)
                    label = label_for(score, positive, negative, s)
                    if label != "neutral":
                        return StanceResult(label, score, list(own.free_evidence), basis="topic")
        actor = claim.get("actor")
        if actor is None or not s.inherit_damp:
            return None
        author_voice = claim.get("mode") == "author"
        reach = para
        for j in range(i - 1, -1, -1):
            other = claims[j]
            other_para = _paragraph_of(paragraphs, _first_char(text, other["content"][0]))
            if author_voice and other_para != para:
                return None
            if not author_voice and reach - other_para > 2:
                return None
            if other.get("actor") != actor:
                if author_voice or other.get("mode") == "author":
                    continue
                return None
            reach = other_para
            base = results[j]
            if base.label == "mixed":
                return None  # an ambivalent claim casts no clear light on the next one
            if _decisive(base, s):
                root = base.score if base.basis != "context" else base.score / s.inherit_damp
                score = round(root * s.inherit_damp, 3)
                label = label_for(score, 0.0, 0.0, s)
                if label != "neutral":
                    return StanceResult(label, score, [], basis="context")
                # too weak once damped: look further back in the run
        return None

    # ---------------------------------------------------------------- serialisation

    def to_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        _write(path / "target.json", json.dumps(self.target.model_dump(mode="json"), indent=1, ensure_ascii=False))
        _write(path / "evaluative.json", json.dumps(self._base_lexicon.curated, indent=1, ensure_ascii=False))
        _write(path / "evaluative.vader.tsv",
               "".join(f"{w}\t{v}\n" for w, v in sorted(self._base_lexicon.vader.items())))
        _write(path / "settings.json", json.dumps(self.settings.__dict__, indent=1))

    def from_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = ()) -> "StanceComponent":
        path = Path(path)
        self.target = Target.model_validate_json((path / "target.json").read_text(encoding="utf-8"))
        self._base_lexicon = Lexicon.from_files(path / "evaluative.json", path / "evaluative.vader.tsv")
        self.lexicon = self._base_lexicon.with_target(self.target)
        settings_file = path / "settings.json"
        if settings_file.exists():
            saved = json.loads(settings_file.read_text(encoding="utf-8"))
            known = {f for f in Settings.__dataclass_fields__}
            self.settings = Settings(**{k: v for k, v in saved.items() if k in known})
        return self


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def _decisive(result: StanceResult, settings: Settings) -> bool:
    return result.label != "neutral"


def _first_char(text: str, offset: int) -> int:
    """The first non-space character at or after `offset` (a span may start on a line break)."""
    while offset < len(text) and text[offset].isspace():
        offset += 1
    return offset


_ANAPHORIC = re.compile(r"\b(it|its|this|these|those|they|them|their|such)\b", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n\s*")


def _paragraph_starts(text: str) -> list[int]:
    """Offsets where paragraphs begin: a line break (or a run of blank lines) ends a paragraph."""
    return [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]


def _paragraph_of(starts: list[int], offset: int) -> int:
    return bisect_right(starts, offset) - 1


def _previous_sentence(doc: Doc, char: int) -> Optional[Span]:
    """The sentence before the one holding `char` (None at the start or without sentences)."""
    if not doc.has_annotation("SENT_START"):
        return None
    token = doc.char_span(char, char + 1, alignment_mode="expand")
    if token is None or len(token) == 0:
        return None
    sent_start = token[0].sent.start
    if sent_start == 0:
        return None
    return doc[sent_start - 1].sent

"""The target in a text: its terms, its opposite's, the anaphors that stand for it, its field.

A target is recognised as a field of concepts, not literal strings: its terms
match whatever the inflection, spelling or hyphenation; generic words
("partnership") count only in a document of the target's field; in a text
that names the target, "this programme" refers back to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Union

from spacy.tokens import Doc, Span

from argmine.components.stance.items import Item
from argmine.components.stance.lexicon import split_phrase
from argmine.components.stance.settings import DEFAULT_SETTINGS, Settings
from argmine.components.stance.text import DETERMINERS, Exact, Piece, Source, match_words, pieces_of, text_of
from argmine.components.stance.words import canon, forms
from argmine.target import Target

@dataclass
class Mention:
    start: int  # piece indices [start, end)
    end: int
    polarity: int  # +1 pro, -1 con
    weight: float
    text: str
    term: str = ""  # the target file's term that matched ("" for an anaphor or pronoun)


@dataclass(frozen=True)
class CompiledTarget:
    terms: tuple[tuple[tuple, int, float, bool, str], ...]  # (word form sets, polarity, weight, generic, term)
    by_first: dict
    wildcard: tuple[tuple[tuple, int, float, bool, str], ...]
    anaphors: frozenset[str]
    context: tuple[tuple[str, ...], ...]


def term_forms(word: str) -> frozenset[str]:
    """A term word and its base forms, minus the -ing ones: "pooled" also matches
    "pool", but "partnering" must not match the noun "partner" (a GP partner)."""
    if word.endswith("ing"):
        return frozenset({word})
    return forms(word)


def compiled_target(target: Target) -> CompiledTarget:
    return target.memo("stance.compiled", lambda: compile_terms(target))


def compile_terms(target: Target) -> CompiledTarget:
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
                    w if w.endswith("*") else Exact(w) if term.exact else term_forms(w) for w in words
                )
                terms.append((matchable, polarity, term.weight, term.generic, term.term))
    by_first: dict[str, list] = {}
    wildcard = []
    for t in terms:
        first = t[0][0]
        if isinstance(first, Exact):
            by_first.setdefault(str(first), []).append(t)
        elif isinstance(first, str):
            wildcard.append(t)
        else:
            for f in first:
                by_first.setdefault(f, []).append(t)
    for bucket in by_first.values():
        bucket.sort(key=lambda t: -len(t[0]))
    context = tuple(split_phrase(c) for c in target.context if split_phrase(c))
    return CompiledTarget(tuple(terms), by_first, tuple(wildcard), frozenset(canon(a) for a in target.anaphors), context)


def in_domain(doc: Union[Doc, Span], target: Target, pieces: Optional[list[Piece]] = None) -> bool:
    """Whether a text is in the target's field: its context words occur often enough.

    Generic terms ("partnership", "competition") name the target only there.
    """
    compiled = compiled_target(target)
    if not compiled.context or target.context_min == 0:
        return True
    pieces = pieces if pieces is not None else pieces_of(doc)
    first: dict[str, list[tuple[str, ...]]] = {}
    for words in compiled.context:
        first.setdefault(words[0], []).append(words)
    hits = 0
    for i, piece in enumerate(pieces):
        for f in piece.forms:
            for words in first.get(f, ()):
                if match_words(pieces, i, words) > i:
                    hits += 1
                    if hits >= target.context_min:
                        return True
                    break
    return False


def find_mentions(src: Source, pieces: list[Piece], target: Target, *, anaphora: bool = False,
                  domain: bool = True, settings: Settings = DEFAULT_SETTINGS) -> list[Mention]:
    """Target terms in reading order, longest match first, no overlaps.

    Out of the target's field (`domain` False) generic terms are not mentions.
    """
    compiled = compiled_target(target)
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
        for words, polarity, weight, generic, term in candidates:
            if generic and not domain:
                continue
            end = match_words(pieces, i, words)
            if end > i and (best is None or end > best[0] or (end == best[0] and weight > best[2])):
                best = (end, polarity, weight, term)
        if best:
            end, polarity, weight, term = best
            mentions.append(Mention(i, end, polarity, weight, text_of(src, pieces, i, end), term))
            i = end
            continue
        i += 1
    if anaphora and compiled.anaphors and not mentions:
        taken = {k for m in mentions for k in range(m.start, m.end)}
        for i, piece in enumerate(pieces):
            if i in taken or piece.punct or not is_anaphor(piece.text, compiled.anaphors):
                continue
            for back in range(1, 4):
                j = i - back
                if j < 0 or pieces[j].punct or j in taken:
                    break
                if pieces[j].text in DETERMINERS:
                    mentions.append(Mention(j, i + 1, 1, settings.anaphor_weight, text_of(src, pieces, j, i + 1)))
                    break
        mentions.sort(key=lambda m: m.start)
    return mentions


def is_anaphor(word: str, anaphors: frozenset[str]) -> bool:
    """A listed anaphor noun as written, or the plural of a listed singular ("rule" also
    "those rules"); never another inflection: "planned" is no plan, "moved" no move."""
    return word in anaphors or (word.endswith("s") and (word[:-1] in anaphors or (
        word.endswith("ies") and word[:-3] + "y" in anaphors)))


_OBJECT_PRONOUNS = frozenset({"it", "them", "this", "these"})


def pronoun_objects(src: Source, pieces: list[Piece], mentions: list[Mention], items: list[Item]) -> list[Mention]:
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


def target_polarity(span: Union[Span, Doc], target: Target, *, anaphora: bool = False, domain: bool = True) -> float:
    """Sum of polarity x weight of the target mentions in a span (0 when none)."""
    mentions = find_mentions(Source.of(span), pieces_of(span), target, anaphora=anaphora, domain=domain)
    return sum(m.polarity * m.weight for m in mentions)

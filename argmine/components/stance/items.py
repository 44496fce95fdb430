"""Evaluative items of a sentence: lexicon entries found in its words, minus false friends."""

from __future__ import annotations

from dataclasses import dataclass, field

from argmine.components.stance.lexicon import Entry, Lexicon
from argmine.components.stance.text import BE_FORMS, SCOPE_ENDERS, Piece, Source, match_words, text_of

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


def find_items(src: Source, pieces: list[Piece], lexicon: Lexicon, taken: set[int]) -> list[Item]:
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
            end = match_words(pieces, i, entry.words)
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
                items.append(Item(i, end, entry, text_of(src, pieces, i, end)))
            i = end
        else:
            i += 1
    return _drop_balanced_pairs(pieces, _drop_verbs_of_noun_phrases(pieces, _drop_directive_passives(pieces, items, lexicon)))


_VERB_BEFORE = frozenset({"to", "must", "should", "will", "would", "could", "can", "may", "might",
                                                "shall", "'ll", "'d", "does", "do", "did", "i", "we", "they", "you",
                                                "he", "she", "who", "not", "n't"})


def _drop_verbs_of_noun_phrases(pieces: list[Piece], items: list[Item]) -> list[Item]:
    """"the answer to fragmentation" presents a remedy; "who does she answer to?", "boards
    answer to the regulator" are the verb (being accountable): no remedy. Also "a fix for"."""
    keep = []
    for item in items:
        words = item.entry.words
        if item.entry.kind == "reverser" and len(words) == 2 and words[1] in {"to", "for"}:
            p = pieces[item.start]
            prev = pieces[item.start - 1].text if item.start > 0 else ""
            nxt = pieces[item.end] if item.end < len(pieces) else None
            stranded = nxt is None or nxt.punct or nxt.text in SCOPE_ENDERS  # "who do they answer to?"
            if stranded or p.pos == "VERB" or (not p.pos and prev in _VERB_BEFORE):
                continue
        keep.append(item)
    return keep


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
            if nxt == "to" and prev in BE_FORMS and (p.forms & lexicon.directive_passives):
                continue
        keep.append(item)
    return keep

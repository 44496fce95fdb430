"""A span as the rules read it: words (hyphenated parts kept together) and boundary marks.

Everything downstream works on these pieces, not on spaCy tokens, so that
"joined-up", "joined up" and "Joined-Up" read alike and a blank pipeline
(no tagger) still works.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Union

from spacy.tokens import Doc, Span

from argmine.components.stance.words import canon, forms

BOUNDARY_PUNCT = frozenset({",", ";", ":", "(", ")", "[", "]", "\u2013", "\u2014", "--", "?", "!", ".", "\n", '"', "\u201c", "\u201d"})
HARD_BOUNDARY = frozenset({";", ":", "(", ")", "\u2013", "\u2014", "--", "?", "!", ".", "\n"})
FINITE_VERB_TAGS = frozenset({"VBZ", "VBP", "VBD", "MD"})  # not VBN/VBG: "the personalised services"
AUXILIARIES = frozenset({"is", "are", "was", "were", "be", "been", "'s", "'re", "has", "have", "had", "will",
                          "would", "can", "could", "may", "might", "must", "should", "shall", "'ll", "does", "do", "did"})
NEG_RAISING = frozenset({"think", "believe", "expect", "suppose", "imagine", "reckon", "feel", "seem",
                          "appear", "want", "anticipate", "guess", "persuaded", "convinced", "sure", "satisfied"})
#: Verbs of saying pass a negation to their complement too ("nobody can say that X"), within its clause.
SAYING = frozenset({"say", "claim", "pretend", "suggest"})
SCOPE_ENDERS = frozenset({"and", "but", "because", "while", "whilst", "although", "though", "if", "unless",
                           "when", "which", "who", "whereas", "so", "yet", "or", "since", "as"})
DETERMINERS = frozenset({"this", "these", "that", "those", "such", "the", "its", "their", "our", "his", "her"})
BE_FORMS = frozenset({"am", "is", "are", "was", "were", "be", "been", "being", "'s", "'re", "'m", "get", "got", "gets"})
HYPHENS = frozenset({"-", "\u2010", "\u2011"})
QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "'", "\u2018", "\u2019"})
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


DOC_PIECES = "argmine_stance_pieces"  # doc.user_data key, set only while the component runs


def pieces_of(span: Union[Span, Doc]) -> list[Piece]:
    """Words and boundary marks of a span; hyphenated words kept as one group.

    While the stance component runs, a span's pieces are cut from the whole
    document's (made once): each claim's sentences would otherwise be read again.
    """
    if isinstance(span, Span):
        whole = span.doc.user_data.get(DOC_PIECES)
        if whole is not None:
            starts, all_pieces = whole
            lo = bisect_left(starts, span.start_char)
            hi = bisect_left(starts, span.end_char, lo)
            return [piece for piece in all_pieces[lo:hi] if piece.end <= span.end_char]
    return read_pieces(span)


def read_pieces(span: Union[Span, Doc]) -> list[Piece]:
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
            text in HYPHENS and k > 0 and not tokens[k - 1].whitespace_ and not tok.whitespace_
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
            if part and part not in HYPHENS:
                words.append((part, offset))
            offset += len(part)
        for part, at in words:
            out.append(Piece(canon(part), forms(part, lemma if len(words) == 1 else ""), at, at + len(part), group,
                             pos=tok.pos_ if len(words) == 1 else "", tag=tok.tag_ if len(words) == 1 else ""))
        glue_next = False
    return out


def match_words(pieces: list[Piece], i: int, words: tuple[str, ...]) -> int:
    """End index (exclusive) when `words` match from piece i, else -1.

    A term word may also match a hyphenated group written as one word
    ("co-ordination" / "coordination").
    """
    k = i
    for n, word in enumerate(words):
        if k >= len(pieces) or pieces[k].punct:
            return -1
        piece = pieces[k]
        if word_matches(word, piece.forms, piece.text):
            k += 1
            continue
        # hyphenated group written solid in the term
        g = piece.group
        j = k
        joined = ""
        while j < len(pieces) and pieces[j].group == g and not pieces[j].punct:
            joined += pieces[j].text
            j += 1
        if j - k > 1 and word_matches(word, forms(joined), joined):
            k = j
            continue
        return -1
    return k


class Exact(str):
    """A target word to match only as written ("compete", not "competing")."""


def word_matches(word: Union[str, frozenset], piece_forms: frozenset[str], surface: str = "") -> bool:
    """A word of an entry against a piece's forms. A target term's word comes as the set
    of its own forms ("pooled" -> pooled, pool), so "pool budgets" matches "pooled budget"."""
    if isinstance(word, Exact):
        return word == surface
    if isinstance(word, frozenset):
        return not word.isdisjoint(piece_forms)
    if word.endswith("*"):
        stem = word[:-1]
        return any(f.startswith(stem) for f in piece_forms)
    return word in piece_forms


@dataclass(frozen=True)
class Source:
    """The characters of the stretch being read, and where they start in ``doc.text``.

    (``Doc.text`` is rebuilt on every access, so it is read once per stretch.)
    """

    text: str
    base: int = 0

    @classmethod
    def of(cls, span: Union[Span, Doc]) -> "Source":
        return cls(span.text, span.start_char if isinstance(span, Span) else 0)

    def cut(self, start: int, end: int) -> str:
        return self.text[start - self.base : end - self.base]


def text_of(src: Source, pieces: list[Piece], start: int, end: int) -> str:
    return src.cut(pieces[start].start, pieces[end - 1].end)


def is_boundary(piece: Piece) -> bool:
    return piece.punct and piece.text in BOUNDARY_PUNCT


def is_question(pieces: list[Piece]) -> bool:
    """Does the sentence end in a question mark (perhaps before a closing quote)?"""
    return any(p.punct and p.text == "?" for p in pieces[-2:])


def word_before(pieces: list[Piece], i: int, skippable: frozenset, taken: set[int]) -> int:
    """The word before pieces[i] once `skippable` words (auxiliaries, adverbs) are passed over,
    stopping at a target mention (`taken`); -1 at a boundary or the sentence start."""
    j = i - 1
    while j >= 0 and not pieces[j].punct and pieces[j].text in skippable and j not in taken:
        j -= 1
    return -1 if j < 0 or pieces[j].punct else j


def opens_clause(pieces: list[Piece], j: int, openers: frozenset) -> bool:
    """Does pieces[j] open its clause: first, after a mark, or after one of `openers`?"""
    return j == 0 or pieces[j - 1].punct or pieces[j - 1].text in openers


def clause_end(pieces: list[Piece], start: int, limit: int, *, hard_only: bool = False) -> int:
    """First boundary at or after `start` (exclusive end of a clause), at most `limit`."""
    for k in range(start, min(limit, len(pieces))):
        p = pieces[k]
        if p.punct and (p.text in HARD_BOUNDARY if hard_only else is_boundary(p)):
            return k
    return min(limit, len(pieces))


def sentences_of(span: Union[Span, Doc]) -> list[Span]:
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

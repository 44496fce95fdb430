"""What a claim has besides its speaker and content: the pieces of a quotation its
attribution interrupts ("“A,” he said, “B.”" is one claim in two parts) and whom
its cue addresses ("told the committee", "wrote to ministers"), which is never
part of what was said. Both are read after the rules, from a candidate alone."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from argmine.components.attribution.attributor import Attributor, Candidate
from argmine.components.attribution.words import lemma_of
from argmine.components.spans import span_chars, trim


def content_parts(a: Attributor, cand: Candidate) -> Optional[list[tuple[int, int]]]:
    """The quotation pieces of a content interrupted by its own attribution, in order;
    None when the content is one piece."""
    if cand.mode != "direct" or cand.cue is None:
        return None
    start, end = cand.content
    if not start < cand.cue[0] < end:
        return None  # the attribution does not sit inside the content
    pieces = []
    for q in a.quotes:
        if q.inner_start < end and start < q.inner_end:
            piece = trim(a.text, max(q.inner_start, start), min(q.inner_end, end))
            if piece:
                pieces.append(piece)
    return pieces if len(pieces) > 1 else None


def cue_token(a: Attributor, cand: Candidate) -> Optional[Token]:
    if cand.cue is None:
        return None
    span = a.doc.char_span(cand.cue[0], cand.cue[1], alignment_mode="expand")
    return span.root if span is not None else None


def addressee(a: Attributor, cand: Candidate) -> Optional[tuple[int, int]]:
    """The noun phrase the cue addresses ('told *the committee* that'), when the cue takes
    one and it lies outside the content."""
    verb = cue_token(a, cand)
    if verb is None:
        return None
    frames = a.lex.addressee_frames.get(lemma_of(verb))
    if not frames:
        return None
    for c in verb.children:
        if c.i < verb.i or a.in_quote(c):
            continue
        takes = c.dep_ in frames or c.dep_ == "obl" and any(g.dep_ == "case" and g.lower_ in frames for g in c.children)
        if not takes or c.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        toks = [t for t in c.subtree if not (t.dep_ == "case" and t.head.i == c.i) and not t.is_punct]
        chars = span_chars(toks)
        if chars and (chars[1] <= cand.content[0] or chars[0] >= cand.content[1]):
            return trim(a.text, *chars) or chars
    return None

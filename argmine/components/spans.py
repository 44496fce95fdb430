"""Character spans shared by the components: sentence bounds and trimming."""

from __future__ import annotations

from typing import Iterable, Optional

from spacy.tokens import Doc, Span, Token

#: Penn tags of finite verbs (past, present, modal): a clause has one.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})

TRIM = " \t\n\r,;:–—-"
LEADING_JUNK = TRIM + "“”\"‘"
TRAILING_JUNK = TRIM + "“”\"."


def sentence_chars(sent: Span) -> tuple[int, int]:
    """A sentence's char span without the whitespace tokens (paragraph breaks) it may end with."""
    tokens = [t for t in sent if not t.is_space]
    if not tokens:
        return sent.start_char, sent.start_char
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


TERMINAL = {".", "!", "?", "…", "...", "?!"}
CLOSERS = {"”", "’", '"', "'", ")", "]"}


def _ends_a_sentence(span: Span) -> bool:
    tokens = [t for t in span if not t.is_space]
    while tokens and tokens[-1].text in CLOSERS:
        tokens.pop()
    return bool(tokens) and (tokens[-1].text in TERMINAL or tokens[-1].text.endswith("."))


def claim_sentences(doc: Doc) -> list[Span]:
    """The parser's sentences, with fragments glued back on within a paragraph: a
    "sentence" continues the one before when that one has no final punctuation
    ("“It works,” | said Dr X.") or when it starts with a lowercase word or , ; :"""
    merged: list[Span] = []
    for sent in doc.sents:
        first = next((t for t in sent if not t.is_space), None)
        if first is None:
            continue
        if merged and not any(t.is_space and "\n\n" in t.text for t in doc[merged[-1].start : sent.start + 1]):
            fragment = first.text[:1].islower() or first.text in {",", ";", ":", ")", "”", "’"}
            if fragment or not _ends_a_sentence(merged[-1]):
                merged[-1] = doc[merged[-1].start : sent.end]
                continue
        merged.append(sent)
    return merged


def span_chars(tokens: Iterable[Token]) -> Optional[tuple[int, int]]:
    """Char span from the first to the last non-space token."""
    toks = sorted((t for t in tokens if not t.is_space), key=lambda t: t.i)
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def trim(text: str, start: int, end: int) -> Optional[tuple[int, int]]:
    """Strip separators and quote marks from the ends of a char span of `text`
    (pass the Doc's text once: spaCy rebuilds ``doc.text`` on every access)."""
    while start < end and text[start] in LEADING_JUNK:
        start += 1
    while end > start and text[end - 1] in TRAILING_JUNK and not text[max(start, end - 3) : end] == "...":
        end -= 1
    if end - start < 2:
        return None
    return start, end

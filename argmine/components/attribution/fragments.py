"""Quoted fragments woven into reported speech: indirect, not direct.

A quotation is the claim itself (direct) when it is set off from the reporting
clause: it opens the sentence, or follows a comma or a colon ("X said: “...”",
"“...,” X said"), or follows the cue verb at once ("X said “We ...”"). When
the opening mark instead follows a word of the reported clause — "said the
plan was “a mess”", "told the board that “the ferry is losing money”",
"called it “a shambles”", "promised to “keep the harbour open”" — the writer has reported the speech in
their own syntax and lifted some of the speaker's words into it: reported
speech with a quoted fragment, mode indirect. A capitalised quotation after a
word other than "that" ("told reporters “We will appeal”") is still set off. After a
parenthetical cue, a quotation in lower case that finishes the writer's clause, its
subject left outside ("The ferry, she said, “is running on goodwill”"), is a fragment too.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from argmine.components.quotes import Quote


def woven_in(quote: Quote, verb: Token, sent: Span) -> bool:
    """The quotation opens, after its cue, right after a word of the reported clause, not
    after the cue itself, a comma, a colon or the start of the sentence."""
    doc = sent.doc
    if quote.start <= sent.start_char or verb.idx > quote.start:
        return False  # a cue after the quotation ("“...”, as X put it") sets it off
    before = doc.char_span(sent.start_char, quote.start, alignment_mode="contract")
    tokens = [t for t in before or [] if not t.is_space]
    if not tokens:
        return False
    last = tokens[-1]
    if last.text == "," and len(tokens) > 1 and tokens[-2].i == verb.i:
        return _continues_the_writers_clause(quote, verb, sent)
    if last.i == verb.i or not (last.is_alpha or last.like_num) or quote.start - (last.idx + len(last.text)) > 1:
        return False
    return last.lower_ == "that" or not doc.text[quote.inner_start : quote.inner_start + 1].isupper()


def _continues_the_writers_clause(quote: Quote, verb: Token, sent: Span) -> bool:
    """"The ferry, she said, “is running on goodwill”": after a parenthetical cue, a quotation
    opening in lower case finishes a clause the writer began, unless a quotation before
    the cue began it ("“The plan,” she said, “is flawed”" is one quotation, split)."""
    doc = sent.doc
    text = doc.text
    if text[quote.inner_start : quote.inner_start + 1].isupper():
        return False
    if any(mark in text[sent.start_char : verb.idx] for mark in "\"“”‘«"):
        return False
    inside = doc.char_span(quote.inner_start, quote.inner_end, alignment_mode="contract")
    if inside is None:
        return False
    # "In winter, she said, “the ferry is a lifeline”": a whole clause, its subject quoted too
    tops = {t.i for t in inside if not inside.start <= t.head.i < inside.end or t.head.i == t.i}
    return not any(t.dep_ in ("nsubj", "nsubj:pass", "expl") and t.head.i in tops for t in inside)

"""A speaker introduced without a cue: the person the sentence before a quotation is about.

News introduces a new voice with a sentence that reports nothing ("Jo Bell, who runs
the shop, was more measured.", "The mayor, Jo Bell, signed the deal on Monday.", "The
first witness was Jo Bell."), then gives the quotation with no cue or with a bare
"she said". The last speaker is then the wrong guess: the person that sentence is
about — its subject, the name a copula equates with the subject, or a fronted
"For Jo Bell, ..." — is the one speaking. Only a sentence that holds no attributed
claim of its own introduces anyone (after "Smith said Jones erred." the speaker in
focus is Smith, whom the claim already made salient).
"""

from __future__ import annotations

from typing import Callable, Iterable, Optional

from spacy.tokens import Doc, Span, Token

from argmine.components.registry import ActorEntry, ActorRegistry
from argmine.components.spans import claim_sentences

#: Dependents of a subject that carry the name of the person it describes ("The mayor, Jo Bell").
NAME_PARTS = frozenset({"appos", "flat", "flat:name", "compound"})


def _focus_tokens(sent: Span) -> list[Token]:
    """Where the person a sentence is about stands: the subject of a root, the name a
    copula puts after it ("The first witness was Jo Bell"), a fronted "For Jo Bell,"."""
    found: list[Token] = []
    for root in (t for t in sent if t.head.i == t.i):
        if root.pos_ == "PROPN":
            found.append(root)  # "... was Jo Bell", or a parse that left the name its root
        for c in root.children:
            if c.dep_ in ("nsubj", "nsubj:pass"):
                found.append(c)
            elif c.dep_ == "obl" and c.i < root.i and any(g.dep_ == "case" and g.lower_ == "for" for g in c.children):
                found.append(c)
    return found


def _person_at(tokens: Iterable[Token], mentions: list[Span], registry: ActorRegistry) -> Optional[ActorEntry]:
    for token in tokens:
        for part in [token, *(c for c in token.children if c.dep_ in NAME_PARTS)]:
            for m in mentions:
                if m.start <= part.i < m.end:
                    entry = registry.get(m.label_)
                    if entry is not None and entry.kind == "person":
                        return entry
    return None


def _unlisted_name(tokens: Iterable[Token], first_names: Iterable[str]) -> Optional[list[Token]]:
    """A person's name the recogniser missed: two or three capitalised words, the first
    a known first name ("... was Jo Bell")."""
    for token in tokens:
        if token.pos_ != "PROPN":
            continue
        words = sorted([token, *(c for c in token.children if c.dep_ in ("flat", "flat:name", "compound") and c.pos_ == "PROPN")], key=lambda t: t.i)
        if 2 <= len(words) <= 3 and words[-1].i - words[0].i == len(words) - 1 and all(w.text[:1].isupper() for w in words) and words[0].text in first_names:
            return words
    return None


class Introductions:
    """The document's sentences and mentions, read once, to ask who a sentence introduces.

    `name_person` registers a person from the words of a name the recogniser missed."""

    def __init__(self, doc: Doc, registry: ActorRegistry, first_names: Iterable[str], name_person: Callable[[list[Token]], Optional[ActorEntry]]):
        self.sents = claim_sentences(doc)
        self.mentions = list(doc.spans.get("argmine_mentions", []))
        self.registry = registry
        self.first_names = frozenset(first_names)
        self.name_person = name_person

    def person_before(self, offset: int, cued: list[int], uncued: list[int]) -> Optional[ActorEntry]:
        """The person introduced just before the sentence at `offset`: by the sentence
        before it, or before the quotation sentences (claims without a cue of their own,
        starting at `uncued`) that lead up to it, unless that sentence holds a claim with
        a cue (`cued`: where those claims' sentences start)."""
        i = next((k for k, s in enumerate(self.sents) if s.end_char > offset), len(self.sents)) - 1

        def holds(sent: Span, starts: list[int]) -> bool:
            return any(sent.start_char <= s < sent.end_char for s in starts)

        while i >= 0 and holds(self.sents[i], uncued) and not holds(self.sents[i], cued):
            i -= 1
        if i < 0 or holds(self.sents[i], cued):
            return None
        focus = _focus_tokens(self.sents[i])
        entry = _person_at(focus, self.mentions, self.registry)
        if entry is None and (words := _unlisted_name(focus, self.first_names)) is not None:
            entry = self.name_person(words)
        return entry

"""Rules that read the page's layout rather than a cue word: a trailing dash attribution
("“...” — X"), a headline cue ("... Minister Says"), and how much of a sentence a
quotation covers."""

from __future__ import annotations


from typing import Optional

from spacy.tokens import Span, Token

from argmine.components.attribution.attributor import Attributor, Candidate
from argmine.components.attribution.words import DASHES, lemma_of
from argmine.components.spans import span_chars, trim


def dash_attribution(a: Attributor, sent: Span) -> list[Candidate]:
    """'“...” — Name' at the end of a sentence or paragraph."""
    for qi in a.sentence_quotes(sent):
        q = a.quotes[qi]
        tail = [t for t in sent if t.idx >= q.end]
        tail = [t for t in tail if not t.is_space]
        if len(tail) < 2 or tail[0].text not in DASHES:
            continue
        m = a.mention_at(tail[1])
        if m is None:
            continue
        content = a.quote_part(qi, sent)
        if content:
            return [Candidate(sent, content, "direct", (tail[0].idx, tail[0].idx + len(tail[0].text)), "dash", (m.start_char, m.end_char), m.root.i, q, confidence=0.75, rule="dash")]
    return []



def headline(a: Attributor, sent: Span) -> list[Candidate]:
    """'<claim> <Speaker> Says' in a title."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if len(words) < 4:
        return []
    last = words[-1]
    low = last.lower_
    stem = next((f for f in (low, low[:-1], low[:-2]) if f in a.lex.speech or f in a.lex.cognition), None)
    if stem is None or len(stem) < 3:
        return []
    k = len(words) - 2
    def speaker_word(t: Token) -> bool:
        return t.lower_ in a.actor_lex.role_nouns or t.lower_ in a.actor_lex.groups or a.mention_at(t) is not None

    while k >= 0 and not speaker_word(words[k]) and k >= len(words) - 4:
        k -= 1
    if k < 1:
        return []
    head = words[k]
    start = k
    while start - 1 >= 1 and k - (start - 1) <= 3 and words[start - 1].text[:1].isupper():
        start -= 1
    source = span_chars(words[start : k + 1])
    content = span_chars(words[:start])
    if not source or not content:
        return []
    return [Candidate(sent, trim(a.text, *content), "indirect", (last.idx, last.idx + len(last.text)), stem, source, head.i, confidence=0.5, rule="headline")]



def quote_share(a: Attributor, sent: Span) -> float:
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if not words:
        return 0.0
    return sum(1 for t in words if a.in_quote(t)) / len(words)


def colon_introducer(a: Attributor, sent: Span) -> Optional[tuple[Token, Token]]:
    """The (cue, speaker) of the sentence just before `sent` when it ends with a colon and
    says nothing itself ("Dr A B told the meeting:", "The committee has accepted this:"):
    what follows is that speaker's."""
    if sent.start == 0:
        return None
    before = a.doc[sent.start - 1].sent
    words = [t for t in before if not t.is_space]
    if not words or words[-1].text != ":" or any(a.in_quote(t) for t in before):
        return None
    for verb in before:
        if verb.pos_ != "VERB" or not (a.is_cue(verb) or lemma_of(verb) in a.lex.colon_intro_verbs):
            continue
        head = a.subject_of(verb)
        if head is not None and not a.in_quote(head) and a.acceptable_speaker(head):
            return verb, head
    return None


def name_colon_quote(a: Attributor, sent: Span) -> list[Candidate]:
    """Round-ups: "Name, role, Outlet: “...”" — a person named at the head of a line with
    no verb before the colon that opens a quotation: the quotation is theirs."""
    qids = [qi for qi in a.sentence_quotes(sent) if a.quotes[qi].inner_end - a.quotes[qi].inner_start >= 3]
    if not qids or not a.after_colon(qids[0], sent) or a.quotes[qids[0]].start < sent.start_char:
        return []
    prefix = [t for t in sent if t.idx < a.quotes[qids[0]].start and not t.is_space]
    if not prefix or len(prefix) > 25 or any(t.pos_ in ("VERB", "AUX") and not t.text[:1].isupper() for t in prefix):
        return []
    words = [t for t in prefix if not t.is_punct]
    first = a.mention_at(words[0]) if words else None
    if first is None or not a.person_mention(first):
        return []
    content = trim(a.text, a.quotes[qids[0]].inner_start, min(a.quotes[qids[-1]].inner_end, sent.end_char))
    if not content:
        return []
    return [Candidate(sent, content, "direct", None, None, (first.start_char, first.end_char), first.root.i, a.quotes[qids[0]],
                      confidence=0.7, rule="name-colon-quote")]


def headline_colon(a: Attributor, sent: Span) -> list[Candidate]:
    """A title 'Speaker: what they say' ('Mayor: the levy stays', 'Poll: voters split on
    the levy'): a short head before the colon that is a named person or body, or a noun
    that speaks for itself (cue data `headline_sources`); what follows is theirs."""
    words = [t for t in sent if not t.is_space]
    colon = next((k for k, t in enumerate(words[:7]) if t.text == ":"), None)
    if colon is None or colon == 0 or colon + 2 >= len(words) or any(a.in_quote(t) for t in words[:colon]):
        return []
    prefix = words[:colon]
    mention = next((m for t in prefix if (m := a.mention_at(t)) is not None and m.end_char <= words[colon].idx), None)
    named = mention is not None and (a.person_mention(mention) or (a.doc._.actors or {}).get(mention.label_, {}).get("kind") == "organisation")
    source_word = next((t for t in reversed(prefix) if t.lower_ in a.lex.headline_sources), None)
    if not named and source_word is None:
        return []
    head = mention.root if named else source_word
    content = trim(a.text, words[colon + 1].idx, words[-1].idx + len(words[-1].text))
    source = span_chars([t for t in prefix if not t.is_punct])
    if not content or not source:
        return []
    colon_tok = words[colon]
    return [Candidate(sent, content, "indirect", (colon_tok.idx, colon_tok.idx + 1), ":", source, head.i, confidence=0.6, rule="headline-colon")]

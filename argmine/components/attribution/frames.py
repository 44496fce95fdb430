"""Rules for nominal frames: "X's view is that", "by his own admission", "criticisms
were made by X", "opposition from X", "according to X"."""

from __future__ import annotations


from spacy.tokens import Span, Token

from argmine.components.attribution.attributor import Attributor, Candidate
from argmine.components.attribution.words import lemma_of, noun_lemmas
from argmine.components.spans import span_chars, trim


def possessive_frames(a: Attributor, sent: Span) -> list[Candidate]:
    """'by his own admission ...', 'in her view ...', 'X's view is that ...'."""
    found = []
    for noun in sent:
        if noun.pos_ not in ("NOUN",) or a.in_quote(noun):
            continue
        lem = lemma_of(noun)
        poss = [c for c in noun.children if c.dep_ == "nmod:poss"]
        if not poss or a.voice_is_first_person(poss[0]):
            continue
        owner = poss[0]
        case = [c.lower_ for c in noun.children if c.dep_ == "case"]
        content = None
        if case and lem in a.lex.possessive_frames.get(case[0], ()):
            # the clause the frame modifies, without the frame ("by his own admission")
            # and without a sentence-initial conjunction ("Yet")
            frame = {t.i for t in noun.subtree} | {t.i for t in sent if t.dep_ == "cc" and t.i < noun.i}
            head = noun.head
            scope = {t.i for t in (sent if head.dep_.lower() == "root" or head.i == noun.i else head.subtree)}
            content = a.sentence_minus(sent, frame | {t.i for t in sent if t.i not in scope})
        elif lem in a.lex.nominal:
            clauses = [c for c in list(noun.children) + list(noun.head.children) if c.dep_ in ("ccomp", "acl", "csubj") and c.i != noun.i and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)]
            of_phrase = [c for c in noun.children if c.dep_ == "nmod" and c.i > noun.i and any(g.dep_ == "case" and g.lower_ == "of" for g in c.children)]
            if clauses:
                content = a.clause_content(clauses[0])
            elif of_phrase and lem in a.lex.of_content_nouns:
                # "the union's claims of understaffing": the 'of' phrase is what is claimed
                content = span_chars([t for t in of_phrase[0].subtree if not (t.dep_ == "case" and t.head.i == of_phrase[0].i)])
            else:
                # "X's view is that ..." however the parser attached the clause
                content = a.that_clause_after(noun, sent)
        if content is None:
            continue
        content = trim(a.text, *content)
        if content and a.acceptable_speaker(owner):
            found.append(
                Candidate(sent, content, "indirect", (noun.idx, noun.idx + len(noun.text)), lem, a.speaker_span(owner), owner.i, confidence=0.75, rule="nominal:possessive")
            )
    return found



def passive_nominal(a: Attributor, sent: Span) -> list[Candidate]:
    """'Objections are being raised by residents who ...'."""
    found = []
    for noun in sent:
        if noun.dep_ != "nsubj:pass" or a.in_quote(noun):
            continue
        lem = next((x for x in sorted(noun_lemmas(noun)) if x in a.lex.nominal or x in a.lex.agentive_nouns), lemma_of(noun))
        if lem not in a.lex.nominal and lem not in a.lex.agentive_nouns and noun.lower_ not in a.lex.agentive_nouns:
            continue
        verb = noun.head
        if lemma_of(verb) not in a.lex.passive_light_verbs:
            continue
        agents = [c for c in verb.children if c.dep_ in ("obl:agent", "obl") and any(g.lower_ == "by" for g in c.children if g.dep_ == "case")]
        if not agents or not a.acceptable_speaker(agents[0]):
            continue
        agent = agents[0]
        content = span_chars([t for t in sent if not t.is_space])
        agentive = a.lex.agentive_nouns.get(noun.lower_) or a.lex.agentive_nouns.get(lem)
        found.append(
            Candidate(sent, trim(a.text, *content), "indirect", (noun.idx, noun.idx + len(noun.text)), lem, a.speaker_span(agent), agent.i, confidence=0.7, rule="nominal:passive", agentive=agentive)
        )
    return found



def from_sources(a: Attributor, sent: Span) -> list[Candidate]:
    """'faced opposition from various stakeholders'."""
    found = []
    for noun in sent:
        if noun.lower_ not in a.lex.source_from_nouns and lemma_of(noun) not in a.lex.source_from_nouns:
            continue
        if a.in_quote(noun) or noun.pos_ != "NOUN":
            continue
        for c in noun.children:
            if c.dep_.startswith("nmod") and any(g.lower_ == "from" and g.dep_ == "case" for g in c.children) and a.acceptable_speaker(c):
                content = span_chars([t for t in sent if not t.is_space])
                found.append(
                    Candidate(sent, trim(a.text, *content), "indirect", (noun.idx, noun.idx + len(noun.text)), lemma_of(noun), a.speaker_span(c), c.i, confidence=0.6, rule="nominal:from", agentive=a.lex.agentive_nouns.get(lemma_of(noun)))
                )
                break
    return found



def according_to(a: Attributor, sent: Span) -> list[Candidate]:
    found = []
    words = [t.lower_ for t in sent]
    for phrase in a.lex.according_to:
        n = len(phrase)
        for k in range(len(words) - n + 1):
            if tuple(words[k : k + n]) != phrase:
                continue
            first = sent[k]
            if a.in_quote(first):
                continue
            after = sent[k + n] if k + n < len(sent) else None
            if after is None:
                continue
            head = after
            # the head of the noun phrase that follows
            while head.head.i >= after.i and head.head.i < sent.end and head.head.i != head.i and head.head.i > first.i and head.dep_ in ("det", "amod", "compound", "flat", "nmod:poss", "case", "fixed", "nummod"):
                head = head.head
            if not cited_source(a, head):
                continue
            frame = {first.i + j for j in range(n)} | {t.i for t in head.subtree}
            content = a.sentence_minus(sent, frame)
            if content is None:
                continue
            cue = (first.idx, sent[k + n - 1].idx + len(sent[k + n - 1].text))
            found.append(Candidate(sent, content, "indirect", cue, " ".join(phrase), a.speaker_span(head), speaker_behind(a, head).i, confidence=0.8, rule="according-to"))
    return found


def cited_source(a: Attributor, head: Token) -> bool:
    """What follows 'according to' is a source whatever it is: a speaker, or a document,
    a poll, figures, returns or a readout ('according to census data'); only a date, the
    writer ('according to me') or a bare pronoun that points at no one is not."""
    if a.acceptable_speaker(head):
        return True
    if a.time_or_dateline(head) or a.voice_is_first_person(head) or a.in_quote(head):
        return False
    return head.pos_ in ("NOUN", "PROPN")


def speaker_behind(a: Attributor, head: Token) -> Token:
    """Who speaks through a cited document: 'his memoir' is his, 'early results of the exit
    poll' the poll's. The source stays the phrase as written; this is the word an actor is
    read from."""
    if a.acceptable_speaker(head):
        return a.behind_findings(head)
    for c in head.children:
        if c.dep_ == "nmod:poss" and a.acceptable_speaker(c):
            return c
        if c.dep_ == "nmod" and c.i > head.i and a.acceptable_speaker(c) and any(g.dep_ == "case" and g.lower_ in ("of", "from", "by") for g in c.children):
            return c
    return head

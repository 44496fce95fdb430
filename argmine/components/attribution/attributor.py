"""The state attribution rules read, and the helpers they share.

`Attributor` holds one parsed Doc with its quotations (token -> quotation),
its actor mentions and the cue lexicon; its methods answer the questions every
rule asks: is this verb a cue here, who is its speaker (subject, passive agent,
nearby noun phrase), what span does the speaker's mention cover, what is the
reported content (a clause, the sentence minus the attribution), and does a
quotation make the claim direct. The rules themselves (verbs, frames, layout)
are functions of an Attributor and a sentence; rules.py orders them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Span, Token

from argmine.components import extensions  # noqa: F401
from argmine.components.attribution.words import (
    CLIMB, DIRECT_SHARE, FIRST_PERSON, SUBJECTS, cue_classes, lemma_of,
)
from argmine.components.lexicons import actor_lexicon, cue_lexicon
from argmine.components.quotes import Quote, find_quotes
from argmine.components.spans import FINITE_TAGS, span_chars, trim


@dataclass
class Candidate:
    sent: Span
    content: tuple[int, int]  # char offsets
    mode: str
    cue: Optional[tuple[int, int]] = None
    cue_lemma: Optional[str] = None
    source: Optional[tuple[int, int]] = None
    source_head: Optional[int] = None  # token index of the speaker's head word
    quote: Optional[Quote] = None
    link: Optional[int] = None  # index of the candidate whose speaker this one shares
    continues: bool = False  # speaker = the previous attributed claim's speaker
    confidence: float = 0.8
    rule: str = ""
    agentive: Optional[str] = None  # collective name from the cue ("critics" for criticisms)



class Attributor:
    """Finds attributed claims in a parsed Doc; see the module docstring."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.lex = cue_lexicon()
        self.actor_lex = actor_lexicon()
        self.text = doc.text  # spaCy rebuilds doc.text on each access: read it once
        self.quotes = find_quotes(self.text)
        self.quote_of: dict[int, int] = {}  # token index -> quote index (inside the marks)
        for qi, q in enumerate(self.quotes):
            span = doc.char_span(q.inner_start, q.inner_end, alignment_mode="expand")
            if span is not None:
                for t in span:
                    self.quote_of[t.i] = qi
            # the marks themselves belong to the quote too
            for off in (q.start, q.end - 1):
                mark = doc.char_span(off, off + 1, alignment_mode="expand")
                if mark is not None and len(mark) == 1 and not mark[0].is_alpha:
                    self.quote_of[mark[0].i] = qi
        self.mentions = list(doc.spans.get("argmine_mentions", []))

    # -- helpers ------------------------------------------------------------
    def in_quote(self, token: Token) -> bool:
        return token.i in self.quote_of

    def voice_is_first_person(self, token: Token) -> bool:
        return token.lower_ in FIRST_PERSON and not self.in_quote(token)

    def mention_at(self, token: Token) -> Optional[Span]:
        for m in self.mentions:
            if m.start <= token.i < m.end:
                return m
        return None

    def sentence_quotes(self, sent: Span) -> list[int]:
        return [qi for qi, q in enumerate(self.quotes) if q.inner_start < sent.end_char and sent.start_char < q.inner_end]

    def quote_part(self, qi: int, sent: Span) -> Optional[tuple[int, int]]:
        q = self.quotes[qi]
        return trim(self.text, max(q.inner_start, sent.start_char), min(q.inner_end, sent.end_char))

    # -- the speaker ----------------------------------------------------------
    def subject_of(self, verb: Token) -> Optional[Token]:
        """The verb's speaker: its subject, a passive agent, or the subject of the
        verb it depends on ("went on to suggest", "and argued")."""
        t = verb
        for _ in range(4):
            passive = any(c.dep_ == "nsubj:pass" for c in t.children) and not any(c.dep_ == "nsubj" for c in t.children)
            if passive:
                for c in t.children:
                    if c.dep_ in ("obl:agent", "obl") and any(g.lower_ == "by" and g.dep_ == "case" for g in c.children):
                        return c
                return None
            subjects = [c for c in t.children if c.dep_ in ("nsubj", "csubj")]
            if subjects:
                c = self.prefer_named(subjects)
                if c.lower_ in {"who", "that", "which"} and t.dep_ == "acl:relcl":
                    return t.head
                return c
            if t.dep_ == "acl:relcl":
                return t.head
            if t.dep_ in CLIMB and t.head.i != t.i:
                t = t.head
                continue
            break
        return None

    def is_cue(self, verb: Token) -> bool:
        """A verb that can attribute a claim here (not every use of 'say' or 'call' does)."""
        if not (cue_classes(verb, self.lex) or self.expresses(verb)):
            return False
        if verb.dep_ == "xcomp" and lemma_of(verb.head) in self.lex.refusal_verbs:
            return False  # "declined to say whether ..."
        if self.refuses_to_speak(verb):
            return False  # nor is the refusal itself ("refused to endorse X" is a stance)
        if self.asks_anonymity(verb):
            return False  # "who asked not to be named": a condition of speaking, no claim
        if lemma_of(verb) == "ask" and (
            verb.tag_ == "VBN"
            or any(c.dep_ == "aux:pass" for c in verb.children)
            or not any(c.dep_ in SUBJECTS for c in verb.children) and verb.i == verb.sent.start
        ):
            return False  # "Asked whether ..., X said": the question is put to the speaker
        if lemma_of(verb) in self.lex.naming_verbs and not (self.names_something(verb) or self.names_in_small_clause(verb)) and self.particle_obl(verb) is None:
            # "called police" reports an act; "called the plan a mistake" a judgement,
            # "called for an inquiry" / "called on ministers to ..." a demand
            return False
        return True

    def refuses_to_speak(self, verb: Token) -> bool:
        """'declined to say whether', 'refused to comment': a refusal whose complement is
        itself a speech or thought verb reports nothing said."""
        return lemma_of(verb) in self.lex.refusal_verbs and any(
            c.dep_ == "xcomp" and cue_classes(c, self.lex) & {"speech", "cognition"} for c in verb.children
        )

    def asks_anonymity(self, verb: Token) -> bool:
        """'asked not to be named', 'spoke on condition they not be identified'."""
        return any(
            c.dep_ in ("xcomp", "ccomp", "advcl") and lemma_of(c) in self.lex.anonymity_verbs
            and any(g.dep_ == "aux:pass" for g in c.children)
            for c in verb.children
        )

    def only_says_how(self, verb: Token, sent: Span) -> bool:
        """'put it bluntly', 'said it again': the object is a bare pronoun and nothing in the
        sentence is what was said; the words themselves come in a quotation nearby."""
        if not any(c.dep_ == "obj" and c.lower_ in ("it", "this") for c in verb.children):
            return False
        if any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in verb.children):
            return False
        return not any(self.in_quote(t) for t in sent)

    def particle_obl(self, verb: Token) -> Optional[Token]:
        """The complement of a phrasal cue written with a preposition: 'called *for* an
        inquiry', 'called *on* ministers to halt it' (UD: an `obl` with its `case`)."""
        particles = self.lex.particle_verbs.get(lemma_of(verb), ())
        for c in verb.children:
            if c.dep_ != "obl" or c.i < verb.i:
                continue
            case = next((g for g in c.children if g.dep_ == "case" and g.lower_ in particles), None)
            if case is None:
                continue
            infinitives = [x for x in (*c.children, *verb.children)
                           if x.dep_ in ("xcomp", "acl") or x.dep_ == "advcl" and any(m.lower_ == "to" for m in x.children if m.dep_ == "mark")]
            if case.lower_ == "on" and not infinitives:
                continue  # "called a meeting on Monday": only "called on X *to* ..." is a demand
            return c
        return None

    def names_something(self, verb: Token) -> bool:
        """'called the plan "a reorganisation nobody asked for"', 'branded it a failure':
        an object and a second complement naming it."""
        objects = [c for c in verb.children if c.dep_ in ("obj", "iobj")]
        if not objects:
            return False
        second = [c for c in verb.children if c.dep_ in ("xcomp", "obj", "iobj") and c.i > objects[0].i]
        second += [c for c in verb.children if c.dep_ == "obl" and any(g.lower_ == "as" for g in c.children)]
        second += [c for c in objects[0].children if c.dep_ in ("appos", "acl") and c.i > objects[0].i]
        quoted = any(self.in_quote(t) for t in self.doc[objects[0].i + 1 : verb.sent.end])
        return bool(second) or quoted

    def names_in_small_clause(self, verb: Token) -> bool:
        """'called Florida's standards “strong”', 'called Mrs. X an “Aunt Tom”' as the parser
        may read them: no object, but a complement with a subject of its own, or two
        complements (the thing named, then the name)."""
        complements = [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i]
        return len(complements) >= 2 or any(
            g.dep_ in ("nsubj", "nsubj:pass") and g.i < c.i for c in complements for g in c.children
        )

    def expresses(self, verb: Token) -> bool:
        """'expressed concern', 'voiced doubts': a light verb with an attitude noun."""
        return lemma_of(verb) in self.lex.express_verbs and any(
            c.dep_ == "obj" and (lemma_of(c) in self.lex.express_objects or c.lower_ in self.lex.express_objects)
            for c in verb.children
        )

    def prefer_named(self, subjects: list[Token]) -> Token:
        """Of several subjects the parser gave a verb ("GP and director, Dr X, said"),
        the one inside a person's name."""
        for c in subjects:
            m = self.mention_at(c)
            if m is not None and self.person_mention(m):
                return c
        return subjects[0]

    def person_mention(self, mention: Span) -> bool:
        entry = (self.doc._.actors or {}).get(mention.label_)
        return entry is not None and entry["kind"] in ("person", "author")

    def behind_findings(self, head: Token) -> Token:
        """'The findings of several studies point to ...': the studies speak."""
        if lemma_of(head) in self.lex.finding_nouns:
            for c in head.children:
                if c.dep_.startswith("nmod") and lemma_of(c) in self.actor_lex.document_sources and any(
                    g.dep_ == "case" and g.lower_ in ("from", "of", "in", "by") for g in c.children
                ):
                    return c
        return head

    def nearby_subject(self, verb: Token, sent: Span) -> Optional[Token]:
        """When the parse gives a speech verb no subject: the noun phrase right before
        it (skipping an apposition between commas), or a name right after it ("said X")."""
        if any(c.dep_ in ("nsubj:pass", "aux:pass") for c in verb.children):
            return None
        if verb.dep_ in ("acl", "amod") and verb.i > 0 and self.doc[verb.i - 1].pos_ == "DET":
            return None  # "the proposed changes"
        i = verb.i - 1
        while i >= sent.start and (
            self.doc[i].dep_ in ("aux", "advmod", "compound:prt")
            or self.doc[i].lower_ in {"also", "not", "n't", "has", "have", "had", "will", "would", "to", "on"}
            or self.doc[i].lemma_.lower() in self.lex.control_verbs
        ):
            i -= 1
        if i >= sent.start and self.doc[i].text == ",":
            # ", a consultant at the hospital," / ", who wrote the bill," describe the noun
            # phrase before them; ", Matthew Cole," after a role is the speaker's name
            j = i - 1
            while j >= sent.start and i - j <= 15 and self.doc[j].text != "," and not self.in_quote(self.doc[j]):
                j -= 1
            if j >= sent.start and self.doc[j].text == ",":
                chunk = self.doc[j + 1 : i]
                name = self.mention_at(chunk[0]) if len(chunk) else None
                if name is not None and self.person_mention(name) and name.end == i:
                    return name.root
                relative = len(chunk) and chunk[0].lower_ in {"who", "which", "whose", "whom"}
                if relative or not any(t.tag_ in FINITE_TAGS for t in chunk):
                    i = j - 1
        if i >= sent.start:
            t = self.doc[i]
            mention = self.mention_at(t)
            if mention is not None:
                return mention.root
            if t.pos_ in ("PRON", "PROPN", "NOUN") and not self.in_quote(t):
                return t
        j = verb.i + 1
        if j < sent.end:
            t = self.doc[j]
            mention = self.mention_at(t)
            if mention is not None:
                return mention.root
            if t.pos_ == "PRON" and t.lower_ in self.actor_lex.pronouns:
                return t
            # inverted "says health chief", "said the minister"
            run = []
            while j < sent.end and self.doc[j].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM") and not self.in_quote(self.doc[j]):
                run.append(self.doc[j])
                j += 1
            nouns = [x for x in run if x.pos_ in ("NOUN", "PROPN")]
            if nouns and (j == sent.end or self.doc[j].is_punct or self.doc[j].is_space) and self.acceptable_speaker(nouns[-1]):
                return nouns[-1]
        return None

    def speaker_span(self, head: Token) -> tuple[int, int]:
        """The speaker's mention: the named mention at or under the head, else the noun phrase."""
        mention = self.mention_at(head)
        if mention is not None:
            return mention.start_char, mention.end_char
        if head.pos_ == "PRON":
            return head.idx, head.idx + len(head.text)
        for t in head.subtree:
            if t.dep_ in ("appos", "compound", "flat", "flat:name") and t.head.i == head.i:
                m = self.mention_at(t)
                if m is not None and not (t.dep_ == "compound" and self.describes_a_person(head, m)):
                    return m.start_char, m.end_char
        # "<role>, Dr X, said": the name right after the role's noun phrase
        right = head.right_edge.i + 1
        if right + 1 < len(self.doc) and self.doc[right].text == ",":
            m = self.mention_at(self.doc[right + 1])
            if m is not None and self.person_mention(m) and m.start == right + 1:
                return m.start_char, m.end_char
        toks = [t for t in head.subtree if (not t.is_punct or head.i > t.i > head.left_edge.i) and not (t.dep_ == "case" and t.head.i == head.i and t.i > head.i and t.lower_ in ("'s", "’s", "'", "’"))]
        while toks and toks[0].i < head.i and (toks[0].dep_ in ("case", "mark") or toks[0].pos_ == "ADP"):
            toks = toks[1:]  # "resistance from local councils": the speaker is the noun phrase
        # an apposition or a relative clause stays (it describes the speaker), a
        # trailing comma does not
        chars = span_chars(toks) or (head.idx, head.idx + len(head.text))
        return trim(self.text, *chars) or chars

    def named_in_apposition(self, head: Token) -> Token:
        """'A Treasury spokeswoman, Jane Marsh, said' (however the parser hung
        the phrase): a person's name in apposition to the subject is the speaker."""
        for c in head.children:
            if c.dep_ == "appos" and c.i > head.i:
                m = self.mention_at(c)
                if m is not None and self.person_mention(m) and (self.mention_at(head) is None or not self.person_mention(self.mention_at(head))):
                    return m.root
        return head

    def time_or_dateline(self, head: Token) -> bool:
        """'notes released Monday', 'ST. LOUIS — ...': a time or a dateline is no speaker."""
        if head.ent_type_ in ("DATE", "TIME") or head.lower_ in self.lex.time_words and head.tag_ != "NNS":
            return True
        lead = [t for t in head.sent if t.i <= head.i and not t.is_space]
        after = head.i + 1 < len(self.doc) and self.doc[head.i + 1].text in ("—", "–", "-", "--")
        return after and all(t.is_upper or t.is_punct for t in lead) and len(head.text) > 1

    def describes_a_person(self, head: Token, mention: Span) -> bool:
        """'a senior NHS manager', 'a Department of Transport spokesperson': a body named
        before a person noun says where the person works; the speaker is the person."""
        if self.person_mention(mention):
            return False
        low = head.lower_
        return lemma_of(head) in self.actor_lex.role_nouns or low in self.actor_lex.role_nouns or low in self.lex.spokespeople

    @staticmethod
    def described_as_a_person(head: Token) -> bool:
        """'One, who asked not to be named,', 'another, a partner at a practice,': a relative
        clause with "who" or an apposition describes the word as someone."""
        doc = head.doc
        if head.i + 2 < len(doc) and doc[head.i + 1].text == "," and doc[head.i + 2].lower_ == "who":
            return True  # however the parser hung the clause
        return any(
            c.dep_ == "acl:relcl" and any(g.lower_ == "who" for g in c.children) or c.dep_ == "appos"
            for c in head.children
        )

    def acceptable_speaker(self, head: Token) -> bool:
        low = head.lower_
        if self.time_or_dateline(head):
            return False
        if low in ("one", "another") and self.described_as_a_person(head):
            return True  # "One, who asked not to be named, said": one of a group just named
        if low == "one" and any(c.dep_.startswith("nmod") for c in head.children):
            # "One of the top officials within X": a description of a speaker
            return any(t.lemma_.lower() in self.actor_lex.role_nouns or t.lower_ in self.actor_lex.groups for t in head.subtree)
        if low in self.lex.not_speakers or lemma_of(head) in self.lex.not_speakers and low not in self.lex.group_pronouns:
            # (a lemmatizer may give "those" the lemma "that", which is no speaker)
            return False
        if self.voice_is_first_person(head) or low in {"you", "your"}:
            return False
        if head.pos_ == "PRON":
            return low in self.actor_lex.pronouns or low in self.lex.group_pronouns
        if any(c.dep_ == "appos" and (m := self.mention_at(c)) is not None and self.person_mention(m) for c in head.children):
            return True  # "Regional organiser for the union, Peter Bell, said": a role, then the name
        if self.mention_at(head) is not None or head.ent_type_ in ("PERSON", "ORG"):
            return True
        if head.pos_ == "PROPN":
            return True
        lem = lemma_of(head)
        if head.lower_ in self.actor_lex.groups or lem in self.actor_lex.role_nouns or head.lower_ in self.actor_lex.role_nouns:
            return True
        if head.text in self.actor_lex.org_heads or head.lower_ in {h.lower() for h in self.actor_lex.org_heads}:
            return True
        if lem in self.actor_lex.document_sources or low in self.actor_lex.document_sources:
            # "a report by the X Trust found", "research suggests": a source an analyst cites
            return True
        if lem in self.actor_lex.group_quantifiers or lem in {"one"} and any(c.lower_ == "of" for c in head.subtree):
            return True
        # "One of the top officials", "those who see ..."
        return any(t.lemma_.lower() in self.actor_lex.role_nouns or t.lower_ in self.actor_lex.groups for t in head.subtree)

    # -- content --------------------------------------------------------------
    def clause_content(self, clause: Token) -> Optional[tuple[int, int]]:
        toks = [t for t in clause.subtree]
        while toks and (toks[0].lower_ == "that" or toks[0].dep_ == "mark" and toks[0].lower_ in {"whether", "if"} or toks[0].is_punct):
            toks = toks[1:]
        chars = span_chars(toks)
        return trim(self.text, *chars) if chars else None

    def sentence_minus(self, sent: Span, removed: set[int]) -> Optional[tuple[int, int]]:
        """The sentence without a peripheral attribution (at its start or end)."""
        keep = [t for t in sent if t.i not in removed and not t.is_space]
        if not keep:
            return None
        # keep the longest contiguous run of kept tokens
        runs: list[list[Token]] = [[keep[0]]]
        for t in keep[1:]:
            if t.i == runs[-1][-1].i + 1:
                runs[-1].append(t)
            else:
                runs.append([t])
        best = max(runs, key=len)
        chars = span_chars(best)
        return trim(self.text, *chars) if chars else None

    def that_clause_after(self, verb: Token, sent: Span) -> Optional[tuple[int, int]]:
        """'X suggested that ...' when the parse missed the clause: the words after 'that'."""
        # "said that", "told reporters on Tuesday that", "argued in a briefing last month that"
        for t in sent[verb.i - sent.start + 1 : verb.i - sent.start + 11]:
            if t.lower_ == "that" and not self.in_quote(t):
                rest = [x for x in sent if x.i > t.i and not x.is_space]
                if len(rest) >= 3:
                    chars = span_chars(rest)
                    return trim(self.text, *chars) if chars else None
            if t.pos_ == "VERB" or t.is_punct or (t.pos_ == "AUX" and t.lemma_.lower() != "be"):
                break
        return None

    def clause_after(self, verb: Token, sent: Span) -> Optional[tuple[int, int]]:
        """'X said integrated care had failed' when the parse missed the clause: the
        rest of the sentence, if it holds a finite verb of its own."""
        rest = [t for t in sent if t.i > verb.i and not t.is_space and not self.in_quote(t)]
        first_clause = []
        for t in rest:
            if t.text in {",", ";", ":", "—", "–"}:
                break
            first_clause.append(t)
        if len(rest) < 3 or not any(t.tag_ in FINITE_TAGS for t in first_clause):
            return None  # no verb of its own before the first comma: not a reported clause
        if rest[0].dep_ in ("obl", "case") or rest[0].pos_ == "ADP":
            return None  # "disagree with this view", "speak at the conference"
        chars = span_chars(rest)
        return trim(self.text, *chars) if chars else None

    def clause_before(self, verb: Token, head: Token, sent: Span) -> Optional[tuple[int, int]]:
        """'..., a committee of MPs has warned.': a trailing attribution reports the
        clause before its comma, whatever the parser attached it to."""
        if any(not t.is_punct and not t.is_space for t in sent if t.i > verb.i):
            return None
        start = min(t.i for t in head.subtree if not t.is_punct)
        if start - 1 <= sent.start or self.doc[start - 1].text != ",":
            return None
        before = [t for t in sent if t.i < start - 1 and not t.is_space]
        if len(before) < 3:
            return None
        chars = span_chars(before)
        return trim(self.text, *chars) if chars else None

    def quotes_for_cue(self, cue: Token, sent: Span, quote_ids: list[int], cues_in_sent: int) -> list[int]:
        """Quotes of this sentence that this cue introduces."""
        chosen = []
        for qi in quote_ids:
            q = self.quotes[qi]
            if q.inner_end - q.inner_start < 3:
                continue
            inside = [t for t in sent if self.quote_of.get(t.i) == qi]
            if not inside:
                continue
            if cues_in_sent == 1:
                chosen.append(qi)
                continue
            roots = [t for t in inside if t.head.i not in {x.i for x in inside} or t.head.i == t.i]
            linked = False
            for r in roots:
                h, steps = r, 0
                while steps < 4 and h.head.i != h.i:
                    h = h.head
                    steps += 1
                    if h.i == cue.i:
                        linked = True
                        break
                if cue.head.i in {x.i for x in inside}:
                    linked = True
            if linked:
                chosen.append(qi)
        return chosen

    def after_colon(self, qi: int, sent: Span) -> bool:
        """'X told the committee: “It is ...”': a capitalised quotation introduced by a colon."""
        quote = self.quotes[qi]
        before = self.text[max(sent.start_char, quote.start - 3) : quote.start].strip()
        return before.endswith(":") and self.text[quote.inner_start : quote.inner_start + 1].isupper()

    def quote_is_the_claim(self, verb: Token, sent: Span, qids: list[int], attribution: set[int]) -> bool:
        """Direct when the quotation is what is reported, not a fragment inside a reported
        clause: it follows a colon; or it holds the head of the reported clause together
        with that clause's subject (or most of what is reported); or, where the parse
        shows no reported clause, it is most of the sentence outside the attribution."""
        inside = {t.i for t in sent if self.quote_of.get(t.i) in qids}
        if self.after_colon(qids[0], sent):
            return True
        rest = [t for t in sent if t.i not in attribution and not t.is_punct and not t.is_space]
        share = sum(1 for t in rest if t.i in inside) / len(rest) if rest else 1.0
        clause = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and not c.is_punct), None)
        if clause is None and verb.dep_ in ("parataxis", "advcl") and verb.head.i != verb.i:
            clause = verb.head  # "The plan, he said, ...", "as X noted, ..."
        if clause is None or clause.i in inside and any(c.i in inside for c in verb.children if c.dep_ in SUBJECTS):
            return share >= DIRECT_SHARE
        if clause.i not in inside:
            return False  # "said local leaders wanted “freedom to ...”": a quoted fragment
        subject = [c for c in clause.children if c.dep_ in SUBJECTS]
        return not subject or subject[0].i in inside or share >= DIRECT_SHARE

    # -- rules ------------------------------------------------------------------

    # -- quotes without a cue -------------------------------------------------

"""argmine_attribution: who is reported as claiming what, sentence by sentence.

Finds attributed claims (modes ``direct`` and ``indirect``) and records for
each the sentence carrying it, the claim proper (content), the cue and the
speaker's mention as written (a name, "he", "the clinical director",
"Critics"). Turning mentions into canonical actors is argmine_coref's job.

Constructions (labels are Universal Dependencies, as the shipped model gives):
- speech/cognition verbs with a clausal complement or a quotation
  ("X said that ...", "“...,” X said", "X remarked in 2009: “...”",
  "as X noted, ..."), the subject found through control and coordination
  ("went on to suggest", "and also argued"), passive agents ("was described
  by X as ...");
- evaluation verbs with an object ("X criticised the programme");
- "express/voice/raise" + concern-type nouns ("expressed concern about");
- nominal cues: "by his own admission", "in her view", "X's view is that",
  "signalled her belief that", "objections are being raised by those who ...",
  "opposition from X", "according to X";
- trailing dash attributions ("“...” — X") and headline cues ("... Minister Says");
- quotations without a speaker of their own: the sentences of a quotation
  share its speaker, and a quote paragraph with no cue continues the previous
  speaker (news convention).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from argmine.components import extensions  # noqa: F401
from argmine.components.base import RuleComponent
from argmine.components.contract import ClaimDict
from argmine.components.lexicons import CueLexicon, actor_lexicon, cue_lexicon
from argmine.components.quotes import Quote, find_quotes
from argmine.components.spans import FINITE_TAGS, claim_sentences, sentence_chars, span_chars, trim

SUBJECTS = {"nsubj", "nsubj:pass", "csubj"}
CLAUSAL = {"ccomp", "parataxis", "csubj"}
CLIMB = {"xcomp", "conj", "advcl"}
FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}
DASHES = {"—", "–", "-", "--", "―"}
DIRECT_SHARE = 0.6
#: Verbs that report a judgement only when they name their object ("called it a failure").
NAMING_VERBS = {"call", "brand", "label", "dub", "term"}
#: Pronouns that stand for a group of speakers ("those who see ...", "some argue").
GROUP_PRONOUNS = frozenset({"those", "some", "many", "others", "most", "several", "both", "all"})
#: Nouns that report what a document found ("the findings of the review show").
FINDING_NOUNS = {"conclusion", "finding", "result", "lesson", "message", "verdict", "recommendation"}
#: Verbs that pass their subject to a following speech verb ("went on to argue").
CONTROL_VERBS = {"go", "continue", "proceed", "want", "try", "seem", "appear", "begin", "start", "decide", "choose", "hasten", "rush", "move", "use"}  # a quote covering this share of what is reported makes a claim direct


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


def lemma_of(token: Token) -> str:
    return token.lemma_.lower() if token.lemma_ else token.lower_


def noun_lemmas(token: Token) -> set[str]:
    """Lemmas a noun may have. A capitalised sentence opener is often tagged as a name
    ("Criticisms were voiced by ..." -> PROPN, even PERSON): then the
    lower-cased word and its singular are candidates too, for matching lexicons only."""
    lemmas = {lemma_of(token)}
    if token.pos_ == "PROPN" and token.is_sent_start:
        low = token.lower_
        lemmas.add(low)
        if low.endswith("ies") and len(low) > 4:
            lemmas.add(low[:-3] + "y")
        elif low.endswith("s") and not low.endswith("ss") and len(low) > 3:
            lemmas.add(low[:-1])
    return lemmas


def cue_classes(token: Token, lex: CueLexicon) -> frozenset[str]:
    """Which of 'speech', 'cognition', 'evaluation' a verb can cue (several for
    verbs like 'describe' or 'lament'); empty when it cues none."""
    if token.pos_ not in ("VERB",) and token.tag_[:2] != "VB":
        return frozenset()
    forms = {lemma_of(token), token.lower_}
    low = token.lower_
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("es", ""), ("s", "")):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            forms.add(low[: -len(suffix)] + repl)
    classes = {
        cls
        for cls, words in (("speech", lex.speech), ("cognition", lex.cognition), ("evaluation", lex.evaluation))
        if forms & words
    }
    if forms & NAMING_VERBS:
        classes.add("evaluation")
    return frozenset(classes)


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
        if lemma_of(verb) == "ask" and (
            verb.tag_ == "VBN"
            or any(c.dep_ == "aux:pass" for c in verb.children)
            or not any(c.dep_ in SUBJECTS for c in verb.children) and verb.i == verb.sent.start
        ):
            return False  # "Asked whether ..., X said": the question is put to the speaker
        if lemma_of(verb) in NAMING_VERBS and not self.names_something(verb) and self.particle_obl(verb) is None:
            # "called police" reports an act; "called the plan a mistake" a judgement,
            # "called for an inquiry" / "called on ministers to ..." a demand
            return False
        return True

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
        if lemma_of(head) in FINDING_NOUNS:
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
            or self.doc[i].lemma_.lower() in CONTROL_VERBS
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
                if m is not None:
                    return m.start_char, m.end_char
        # "<role>, Dr X, said": the name right after the role's noun phrase
        right = head.right_edge.i + 1
        if right + 1 < len(self.doc) and self.doc[right].text == ",":
            m = self.mention_at(self.doc[right + 1])
            if m is not None and self.person_mention(m) and m.start == right + 1:
                return m.start_char, m.end_char
        toks = [t for t in head.subtree if not t.is_punct or head.i > t.i > head.left_edge.i]
        while toks and toks[0].i < head.i and (toks[0].dep_ in ("case", "mark") or toks[0].pos_ == "ADP"):
            toks = toks[1:]  # "resistance from local councils": the speaker is the noun phrase
        # an apposition or a relative clause stays (it describes the speaker), a
        # trailing comma does not
        chars = span_chars(toks) or (head.idx, head.idx + len(head.text))
        return trim(self.text, *chars) or chars

    def acceptable_speaker(self, head: Token) -> bool:
        low = head.lower_
        if low == "one" and any(c.dep_.startswith("nmod") for c in head.children):
            # "One of the top officials within X": a description of a speaker
            return any(t.lemma_.lower() in self.actor_lex.role_nouns or t.lower_ in self.actor_lex.groups for t in head.subtree)
        if low in self.lex.not_speakers or lemma_of(head) in self.lex.not_speakers and low not in GROUP_PRONOUNS:
            # (a lemmatizer may give "those" the lemma "that", which is no speaker)
            return False
        if self.voice_is_first_person(head) or low in {"you", "your"}:
            return False
        if head.pos_ == "PRON":
            return low in self.actor_lex.pronouns or low in GROUP_PRONOUNS
        if self.mention_at(head) is not None or head.ent_type_ in ("PERSON", "ORG"):
            return True
        if head.pos_ == "PROPN":
            return True
        lem = lemma_of(head)
        if head.lower_ in self.actor_lex.groups or lem in self.actor_lex.role_nouns or head.lower_ in self.actor_lex.role_nouns:
            return True
        if head.text in self.actor_lex.org_heads or head.lower_ in {h.lower() for h in self.actor_lex.org_heads}:
            return True
        if lem in self.actor_lex.document_sources:
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
    def verb_cues(self, sent: Span) -> list[Candidate]:
        found: list[Candidate] = []
        cues = [t for t in sent if not self.in_quote(t) and self.is_cue(t)]
        quote_ids = self.sentence_quotes(sent)
        for verb in cues:
            classes = cue_classes(verb, self.lex) or frozenset({"speech"})  # "expressed concern"
            cls = "speech" if "speech" in classes else "cognition" if "cognition" in classes else "evaluation"
            head = self.subject_of(verb)
            if head is not None:
                head = self.behind_findings(head)
            own_subject = head is not None and head.head.i == verb.i and head.dep_ in SUBJECTS and not self.in_quote(head)
            if head is None or self.in_quote(head) or not self.acceptable_speaker(head):
                # the parser's own subject of this verb is not a speaker ("the dissolution
                # ... raises questions"): no claim; a subject borrowed from another clause,
                # or none at all, may be a parse slip worth a look around the verb
                head = None if own_subject else self.nearby_subject(verb, sent)
            if head is None or self.in_quote(head) or not self.acceptable_speaker(head):
                continue
            if any(c.dep_ == "advmod" and c.lower_ in {"not", "n't", "never"} for c in verb.children) and lemma_of(verb) in {"say", "comment", "confirm", "reveal", "disclose"}:
                continue
            if self.only_says_how(verb, sent):
                continue

            source = self.speaker_span(head)
            attribution = {t.i for t in head.subtree} | {verb.i} | {c.i for c in verb.children if c.dep_ in ("aux", "aux:pass", "advmod", "compound:prt", "obl", "punct", "mark") and not self.in_quote(c)}
            cue_span = (verb.idx, verb.idx + len(verb.text))
            cue_lemma = lemma_of(verb)
            content: Optional[tuple[int, int]] = None
            mode = "indirect"
            quote: Optional[Quote] = None
            qids = self.quotes_for_cue(verb, sent, quote_ids, len(cues))
            if qids and (classes & {"speech", "cognition"} or self.after_colon(qids[0], sent)) and self.quote_is_the_claim(verb, sent, qids, attribution):
                # (an evaluation verb's quote names what is judged: "called the plan “a mess”")
                first, last = self.quotes[qids[0]], self.quotes[qids[-1]]
                content = trim(self.text, max(first.inner_start, sent.start_char), min(last.inner_end, sent.end_char))
                mode, quote = "direct", first
            if content is None:
                comp = [c for c in verb.children if c.dep_ in CLAUSAL and not c.i == head.i]
                if comp:
                    content = self.clause_content(comp[0])
                elif verb.dep_ in ("parataxis",) or (verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)):
                    # "The plan, he said, is flawed" / "As X noted, ..."
                    content = self.sentence_minus(sent, {t.i for t in verb.subtree})
            if content is None:
                obj = [c for c in verb.children if c.dep_ in ("obj", "iobj")]
                nominal = [o for o in obj if lemma_of(o) in self.lex.nominal or o.lower_ in self.lex.nominal]
                clause = [c for o in nominal for c in o.children if c.dep_ in ("acl", "ccomp", "acl:relcl") and any(m.lower_ == "that" for m in c.children)]
                if clause:
                    # "signalled her belief that ..."
                    content = self.clause_content(clause[0])
                    cue_span = (verb.idx, nominal[0].idx + len(nominal[0].text))
                    cue_lemma = f"{cue_lemma} {lemma_of(nominal[0])}"
                elif obj and (lemma_of(verb) in self.lex.express_verbs and (lemma_of(obj[0]) in self.lex.express_objects or obj[0].lower_ in self.lex.express_objects)):
                    # "expressed concern about ..."
                    content = span_chars([verb] + list(obj[0].subtree))
                    cue_span = (verb.idx, obj[0].idx + len(obj[0].text))
                    cue_lemma = f"{cue_lemma} {lemma_of(obj[0])}"
                elif "evaluation" in classes and any(c.i > verb.i and not c.is_punct for c in verb.children):
                    # "criticised the merger plan": the verb and what it governs
                    right = max(t.i for c in verb.children if c.i > verb.i and not c.is_punct for t in c.subtree)
                    content = span_chars(self.doc[verb.i : right + 1])
                    particle_obl = self.particle_obl(verb)
                    if particle_obl is not None:  # "called for": the cue is the phrase
                        case = next(g for g in particle_obl.children if g.dep_ == "case")
                        cue_span = (verb.idx, case.idx + len(case.text))
                        cue_lemma = f"{cue_lemma} {case.lower_}"
                elif classes & {"speech", "evaluation"}:
                    xcomp = [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i]
                    prt = [c for c in verb.children if c.dep_ == "compound:prt" and c.lower_ in self.lex.particle_verbs.get(lemma_of(verb), ())]
                    obl = [c for c in verb.children if c.dep_ == "obl" and c.i > verb.i]
                    if xcomp and lemma_of(verb) in {"urge", "warn", "call", "promise", "vow", "pledge", "threaten", "demand", "ask", "advise", "recommend", "propose"}:
                        content = span_chars(self.doc[verb.i : max(t.i for t in xcomp[0].subtree) + 1])
                    elif prt and obl:
                        content = span_chars(self.doc[verb.i : max(t.i for t in obl[0].subtree) + 1])
                        cue_span = (verb.idx, prt[0].idx + len(prt[0].text))
                        cue_lemma = f"{cue_lemma} {prt[0].lower_}"
            if content is None and classes & {"speech", "cognition"} and verb.dep_ != "acl:relcl":
                # ("who wrote the bill" describes a speaker; it reports nothing)
                content = self.that_clause_after(verb, sent) or self.clause_after(verb, sent) or self.clause_before(verb, head, sent)
            if content is None:
                continue
            content = trim(self.text, *content)
            if content is None:
                continue
            if mode == "indirect" and qids and quote is None:
                quote = self.quotes[qids[0]]
            found.append(
                Candidate(sent, content, mode, cue_span, cue_lemma, source, head.i, quote, confidence=0.85 if mode == "direct" else 0.8, rule=f"verb:{cls}")
            )
        return found

    def possessive_frames(self, sent: Span) -> list[Candidate]:
        """'by his own admission ...', 'in her view ...', 'X's view is that ...'."""
        found = []
        for noun in sent:
            if noun.pos_ not in ("NOUN",) or self.in_quote(noun):
                continue
            lem = lemma_of(noun)
            poss = [c for c in noun.children if c.dep_ == "nmod:poss"]
            if not poss or self.voice_is_first_person(poss[0]):
                continue
            owner = poss[0]
            case = [c.lower_ for c in noun.children if c.dep_ == "case"]
            content = None
            if case and lem in self.lex.possessive_frames.get(case[0], ()):
                # the clause the frame modifies, without the frame ("by his own admission")
                # and without a sentence-initial conjunction ("Yet")
                frame = {t.i for t in noun.subtree} | {t.i for t in sent if t.dep_ == "cc" and t.i < noun.i}
                head = noun.head
                scope = {t.i for t in (sent if head.dep_.lower() == "root" or head.i == noun.i else head.subtree)}
                content = self.sentence_minus(sent, frame | {t.i for t in sent if t.i not in scope})
            elif lem in self.lex.nominal:
                clauses = [c for c in list(noun.children) + list(noun.head.children) if c.dep_ in ("ccomp", "acl", "csubj") and c.i != noun.i and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)]
                if clauses:
                    content = self.clause_content(clauses[0])
                else:
                    # "X's view is that ..." however the parser attached the clause
                    content = self.that_clause_after(noun, sent)
            if content is None:
                continue
            content = trim(self.text, *content)
            if content and self.acceptable_speaker(owner):
                found.append(
                    Candidate(sent, content, "indirect", (noun.idx, noun.idx + len(noun.text)), lem, self.speaker_span(owner), owner.i, confidence=0.75, rule="nominal:possessive")
                )
        return found

    def passive_nominal(self, sent: Span) -> list[Candidate]:
        """'Objections are being raised by residents who ...'."""
        found = []
        for noun in sent:
            if noun.dep_ != "nsubj:pass" or self.in_quote(noun):
                continue
            lem = next((x for x in sorted(noun_lemmas(noun)) if x in self.lex.nominal or x in self.lex.agentive_nouns), lemma_of(noun))
            if lem not in self.lex.nominal and lem not in self.lex.agentive_nouns and noun.lower_ not in self.lex.agentive_nouns:
                continue
            verb = noun.head
            if lemma_of(verb) not in self.lex.passive_light_verbs:
                continue
            agents = [c for c in verb.children if c.dep_ in ("obl:agent", "obl") and any(g.lower_ == "by" for g in c.children if g.dep_ == "case")]
            if not agents or not self.acceptable_speaker(agents[0]):
                continue
            agent = agents[0]
            content = span_chars([t for t in sent if not t.is_space])
            agentive = self.lex.agentive_nouns.get(noun.lower_) or self.lex.agentive_nouns.get(lem)
            found.append(
                Candidate(sent, trim(self.text, *content), "indirect", (noun.idx, noun.idx + len(noun.text)), lem, self.speaker_span(agent), agent.i, confidence=0.7, rule="nominal:passive", agentive=agentive)
            )
        return found

    def from_sources(self, sent: Span) -> list[Candidate]:
        """'faced opposition from various stakeholders'."""
        found = []
        for noun in sent:
            if noun.lower_ not in self.lex.source_from_nouns and lemma_of(noun) not in self.lex.source_from_nouns:
                continue
            if self.in_quote(noun) or noun.pos_ != "NOUN":
                continue
            for c in noun.children:
                if c.dep_.startswith("nmod") and any(g.lower_ == "from" and g.dep_ == "case" for g in c.children) and self.acceptable_speaker(c):
                    content = span_chars([t for t in sent if not t.is_space])
                    found.append(
                        Candidate(sent, trim(self.text, *content), "indirect", (noun.idx, noun.idx + len(noun.text)), lemma_of(noun), self.speaker_span(c), c.i, confidence=0.6, rule="nominal:from", agentive=self.lex.agentive_nouns.get(lemma_of(noun)))
                    )
                    break
        return found

    def according_to(self, sent: Span) -> list[Candidate]:
        found = []
        words = [t.lower_ for t in sent]
        for phrase in self.lex.according_to:
            n = len(phrase)
            for k in range(len(words) - n + 1):
                if tuple(words[k : k + n]) != phrase:
                    continue
                first = sent[k]
                if self.in_quote(first):
                    continue
                after = sent[k + n] if k + n < len(sent) else None
                if after is None:
                    continue
                head = after
                # the head of the noun phrase that follows
                while head.head.i >= after.i and head.head.i < sent.end and head.head.i != head.i and head.head.i > first.i and head.dep_ in ("det", "amod", "compound", "flat", "nmod:poss", "case", "fixed"):
                    head = head.head
                if not self.acceptable_speaker(head):
                    continue
                frame = {first.i + j for j in range(n)} | {t.i for t in head.subtree}
                content = self.sentence_minus(sent, frame)
                if content is None:
                    continue
                cue = (first.idx, sent[k + n - 1].idx + len(sent[k + n - 1].text))
                found.append(Candidate(sent, content, "indirect", cue, " ".join(phrase), self.speaker_span(head), head.i, confidence=0.8, rule="according-to"))
        return found

    def dash_attribution(self, sent: Span) -> list[Candidate]:
        """'“...” — Name' at the end of a sentence or paragraph."""
        for qi in self.sentence_quotes(sent):
            q = self.quotes[qi]
            tail = [t for t in sent if t.idx >= q.end]
            tail = [t for t in tail if not t.is_space]
            if len(tail) < 2 or tail[0].text not in DASHES:
                continue
            m = self.mention_at(tail[1])
            if m is None:
                continue
            content = self.quote_part(qi, sent)
            if content:
                return [Candidate(sent, content, "direct", (tail[0].idx, tail[0].idx + len(tail[0].text)), "dash", (m.start_char, m.end_char), m.root.i, q, confidence=0.75, rule="dash")]
        return []

    def headline(self, sent: Span) -> list[Candidate]:
        """'<claim> <Speaker> Says' in a title."""
        words = [t for t in sent if not t.is_punct and not t.is_space]
        if len(words) < 4:
            return []
        last = words[-1]
        low = last.lower_
        stem = next((f for f in (low, low[:-1], low[:-2]) if f in self.lex.speech or f in self.lex.cognition), None)
        if stem is None or len(stem) < 3:
            return []
        k = len(words) - 2
        def speaker_word(t: Token) -> bool:
            return t.lower_ in self.actor_lex.role_nouns or t.lower_ in self.actor_lex.groups or self.mention_at(t) is not None

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
        return [Candidate(sent, trim(self.text, *content), "indirect", (last.idx, last.idx + len(last.text)), stem, source, head.i, confidence=0.5, rule="headline")]

    # -- quotes without a cue -------------------------------------------------
    def quote_share(self, sent: Span) -> float:
        words = [t for t in sent if not t.is_punct and not t.is_space]
        if not words:
            return 0.0
        return sum(1 for t in words if self.in_quote(t)) / len(words)

    def parenthetical(self, sent: Span) -> list[Candidate]:
        """'The new budget, the treasurer claimed, would protect services': a speaker and a
        speech verb set off by commas inside the claim, read from the surface (parsers
        often attach such a verb as a relative clause of the noun before it)."""
        doc = self.doc
        for verb in sent:
            if verb.i + 1 >= sent.end - 1 or doc[verb.i + 1].text != "," or self.in_quote(verb):
                continue
            if not (cue_classes(verb, self.lex) & {"speech", "cognition"}) or verb.tag_ not in ("VBD", "VBZ", "VBP"):
                continue
            left = verb.i - 1
            while left > sent.start and doc[left].text != "," and verb.i - left <= 6:
                left -= 1
            run = doc[left + 1 : verb.i]
            if left <= sent.start or doc[left].text != "," or not run:
                continue
            if not all(t.pos_ in ("DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM") or t.dep_ == "flat" for t in run):
                continue
            head = next((t for t in reversed(run) if t.pos_ in ("NOUN", "PROPN", "PRON")), None)
            if head is None or self.voice_is_first_person(head) or not self.acceptable_speaker(head):
                continue
            if self.sentence_quotes(sent):
                continue  # quotations have their own rules
            mention = self.mention_at(head)
            source = (mention.start_char, mention.end_char) if mention is not None else span_chars(list(run))
            content = trim(self.text, *span_chars([t for t in sent if not t.is_space]))
            if content is None:
                continue
            return [Candidate(sent, content, "indirect", (verb.idx, verb.idx + len(verb.text)), lemma_of(verb), source,
                              head.i, confidence=0.7, rule="verb:parenthetical")]
        return []

    def run(self, segment_kind) -> list[Candidate]:
        claims: list[Candidate] = []
        for sent in claim_sentences(self.doc):
            kind = segment_kind(sent.start_char)
            if kind is None:
                continue
            found = self.verb_cues(sent) + self.possessive_frames(sent) + self.passive_nominal(sent) + self.from_sources(sent) + self.according_to(sent)
            if not found:
                found = self.parenthetical(sent)
            if not found:
                found = self.dash_attribution(sent)
            if not found and kind == "title":
                found = self.headline(sent)
            if not found:
                qids = [qi for qi in self.sentence_quotes(sent) if self.quotes[qi].inner_end - self.quotes[qi].inner_start >= 3]
                if qids and self.quote_share(sent) >= DIRECT_SHARE:
                    content = trim(self.text, max(self.quotes[qids[0]].inner_start, sent.start_char), min(self.quotes[qids[-1]].inner_end, sent.end_char))
                    if content:
                        # the sentence continues a quotation begun earlier: its speaker, or the last speaker
                        link = next((i for i in range(len(claims) - 1, -1, -1) if claims[i].quote is not None and claims[i].quote in [self.quotes[q] for q in qids]), None)
                        found = [Candidate(sent, content, "direct", None, None, None, None, self.quotes[qids[0]], link=link, continues=link is None, confidence=0.7, rule="quote-continues")]
            claims.extend(self._one_per_speaker(found))
        return claims

    @staticmethod
    def _one_per_speaker(found: list[Candidate]) -> list[Candidate]:
        """Several rules may find the same claim: keep one per speaker mention."""
        kept: list[Candidate] = []
        for cand in sorted(found, key=lambda c: (c.mode != "direct", -c.confidence)):
            if any(k.source == cand.source or (k.source and cand.source and k.source[0] < cand.source[1] and cand.source[0] < k.source[1]) for k in kept):
                continue
            kept.append(cand)
        return sorted(kept, key=lambda c: c.content[0])


def _segment_lookup(doc: Doc):
    segments = doc._.segments or []

    def kind_at(offset: int) -> Optional[str]:
        if not segments:
            return "body"
        for start, end, kind, _voice in segments:
            if start <= offset < end:
                return kind
        return None

    return kind_at


class AttributionFinder(RuleComponent):
    def __init__(self, name: str = "argmine_attribution"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        attributor = Attributor(doc)
        candidates = attributor.run(_segment_lookup(doc))
        claims: list[ClaimDict] = list(doc._.claims or [])
        base = len(claims)
        for cand in candidates:
            claims.append(
                {
                    "text": list(sentence_chars(cand.sent)),
                    "content": list(cand.content),
                    "cue": list(cand.cue) if cand.cue else None,
                    "cue_lemma": cand.cue_lemma,
                    "source": list(cand.source) if cand.source else None,
                    "source_head": cand.source_head,
                    "mode": cand.mode,
                    "actor": None,
                    "confidence": cand.confidence,
                    "link": None,
                    "continues": cand.continues,
                    "rule": cand.rule,
                    "agentive": cand.agentive,
                }
            )
        # links point at positions in the candidate list; shift them into the claim list
        for i, cand in enumerate(candidates):
            if cand.link is not None:
                claims[base + i]["link"] = base + cand.link
        doc._.claims = claims
        return doc


@Language.factory("argmine_attribution", assigns=["doc._.claims"], default_config={})
def make_attribution(nlp: Language, name: str) -> AttributionFinder:
    return AttributionFinder(name)

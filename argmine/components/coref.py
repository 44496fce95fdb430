"""argmine_coref: resolve each claim's speaker mention to a canonical actor.

Most source errors in quote extraction are bare pronouns and role nouns, so
the speaker is resolved, not just copied from the subject:
- names merge with the document's named actors (full name, title + surname,
  surname; acronyms and "the X" for organisations);
- pronouns go to the most salient compatible actor: the last speaker first,
  then the last subject, then the last mention (gender from titles or from
  earlier pronouns; "it" for organisations — or for a body a noun phrase just
  before names ("... the port authority. Its poll ..."), "they" for collectives), never
  reaching into another live-blog post (a time heading starts one); with no
  person named, "she"/"he" is the person a sentence just before introduces
  ("A neighbour who drives the bus spoke next", "The first witness was Jane Doe");
- role nominals and descriptions ("the clinical director", "the nurse who
  runs the clinic", "one of the top officials within X") go to the person
  whose roles share the most words with the description — looking back, and
  forward within the next paragraphs for a lede that names its speaker later;
  "a spokesperson for X" goes to X;
- collectives ("Critics", "successive governments", "those who ...") become
  group actors, named by their head noun and premodifiers;
- quotation sentences without a cue take the speaker of their quotation, or
  of the previous attributed claim nearby (a continued quote paragraph).
A claim whose speaker mention cannot be resolved keeps its mention under an
actor of kind `unresolved`; a continued quotation keeps the source mention and
cue of its first part. Afterwards one claim per sentence and actor is kept.
"""

from __future__ import annotations

import re
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from argmine.components import extensions  # noqa: F401
from argmine.components.base import RuleComponent
from argmine.components.contract import ClaimDict
from argmine.components.introductions import Introductions
from argmine.components.lexicons import actor_lexicon, cue_lexicon
from argmine.components.registry import ActorEntry, ActorRegistry

DESCRIPTION_STOP = {
    "the", "a", "an", "of", "in", "within", "at", "for", "and", "one", "who", "which", "that", "top",
    "senior", "leading", "former", "new", "most", "some", "its", "their", "his", "her", "this", "these",
    "those", "works", "work", "working", "is", "was", "has", "had", "been", "on", "to", "with", "from", "by",
}
#: Role words that name the same post in descriptions ("the minister" for a Health Secretary).
ROLE_SYNONYMS = {
    "secretary": "minister", "boss": "chief", "head": "chief", "chairman": "chair", "chairwoman": "chair",
    "chairperson": "chair", "physician": "doctor", "spokesman": "spokesperson", "spokeswoman": "spokesperson",
}
SPOKESPEOPLE = {"spokesperson", "spokesman", "spokeswoman", "spokespeople", "representative"}
SPOKES = {"spokesperson", "spokesman", "spokeswoman", "representative", "source", "sources", "official", "officials"}
#: Bodies that are identifiable without a name in national news ("the government said").
SELF_NAMING_BODIES = {"government", "administration", "parliament", "cabinet", "police", "army", "military", "opposition", "treasury", "senate", "congress", "campaign"}
#: Words that count a group ("some of the governors"): the group is the speaker.
QUANTIFIERS = {"some", "many", "most", "several", "half", "majority", "all", "both", "two-thirds", "third", "quarter"}
#: People described by their relation to the writer, to others or to a programme or paper
#: ("a friend", "a neighbour", "a caller, Brenda,").
PERSON_NOUNS = {"friend", "neighbour", "neighbor", "colleague", "relative", "cousin", "acquaintance", "patient", "resident",
                "woman", "man", "mother", "father", "sister", "brother", "wife", "husband", "daughter", "son", "aunt", "uncle",
                "listener", "caller", "reader", "viewer", "parent", "constituent"}
#: A live-blog post's time heading: "16:31", "3.49pm", "09:05 BST".
POST_TIME = re.compile(r"^\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|BST|GMT|CET|ET|PT)?\s*$", re.IGNORECASE)
#: Prepositions that place speakers in a body ("nurses *at* the trust", "staff *from* two councils").
HOLDING_PREPOSITIONS = {"at", "in", "from", "within", "across"}
CONTINUATION_WINDOW = 2  # paragraphs a continued quote may look back
CATAPHORA_WINDOW = 3  # paragraphs a description may look ahead for its name
LEDE_PARAGRAPHS = 2  # a description this early may name its speaker only later


def _words(text: str) -> set[str]:
    out = set()
    for w in re.findall(r"[A-Za-z][A-Za-z'’&-]*", text):
        w = w.lower().replace("’", "'")
        if w in DESCRIPTION_STOP:
            continue
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.add(ROLE_SYNONYMS.get(w, w))
    return out


class Resolver:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.registry = ActorRegistry.from_doc(doc)
        self.lex = actor_lexicon()
        self.cues = cue_lexicon()
        self.segments = doc._.segments or []
        self.speakers: list[tuple[int, str]] = []  # (char offset, actor id) of resolved attributed claims
        self.introductions = Introductions(doc, self.registry, self.lex.first_name_gender, self.person_named_by)
        self.cued: list[int] = []  # sentence starts of attributed claims with a cue of their own
        self.uncued: list[int] = []  # ... and of quotation sentences without one
        text = doc.text
        self.post_headings = [start for start, end, kind, _voice in self.segments if kind == "heading" and POST_TIME.match(text[start:end])]

    # -- where things are -------------------------------------------------------
    def paragraph_index(self, offset: int) -> int:
        for i, (start, end, _kind, _voice) in enumerate(self.segments):
            if start <= offset < end:
                return i
        return 0

    def post_start(self, offset: int) -> int:
        """Where the live-blog post holding `offset` begins (its time heading), else 0:
        a pronoun never reaches into another post, which may be hours apart."""
        starts = [start for start in self.post_headings if start <= offset]
        return starts[-1] if starts else 0

    def voice_at(self, offset: int) -> Optional[str]:
        for start, end, _kind, voice in self.segments:
            if start <= offset < end:
                return voice
        return self.doc._.author

    def mentions(self, kinds: tuple[str, ...]) -> list[tuple[int, int, ActorEntry]]:
        out = []
        for entry in self.registry:
            if entry.kind in kinds:
                out.extend((s, e, entry) for s, e in entry.mentions)
        return sorted(out, key=lambda m: m[0])

    # -- salience ------------------------------------------------------------------
    def salient(self, offset: int, kinds: tuple[str, ...], gender: Optional[str] = None) -> Optional[ActorEntry]:
        """Last compatible speaker within a few paragraphs, else last subject mention, else last mention."""
        here = self.paragraph_index(offset)
        floor = self.post_start(offset)

        def fits(entry: Optional[ActorEntry]) -> bool:
            return entry is not None and entry.kind in kinds and (gender is None or entry.gender in (None, gender))

        for pos, actor_id in reversed(self.speakers):
            entry = self.registry.get(actor_id)
            if floor <= pos < offset and here - self.paragraph_index(pos) <= 3 and fits(entry):
                return entry
        before = [m for m in self.mentions(kinds) if floor <= m[0] and m[1] <= offset and fits(m[2])]
        subjects = []
        for s, e, entry in before:
            span = self.doc.char_span(s, e, alignment_mode="expand")
            if span is not None and span.root.dep_ in ("nsubj", "nsubj:pass") and here - self.paragraph_index(s) <= 3:
                subjects.append(entry)
        if subjects:
            return subjects[-1]
        return before[-1][2] if before else None

    # -- resolution rules -------------------------------------------------------------
    def by_name(self, span: Span, head: Token) -> Optional[ActorEntry]:
        for m in self.doc.spans.get("argmine_mentions", []):
            if m.start <= head.i < m.end:
                return self.registry.get(m.label_)
        # a person named inside the speaker's phrase; an organisation there is only
        # where the speaker works ("director of X"), not the speaker
        for m in self.doc.spans.get("argmine_mentions", []):
            if span.start <= m.start and m.end <= span.end:
                if any(c.dep_ == "case" for c in m.root.children):
                    continue  # "..., 74, of Mardle": a place after a preposition, not the speaker
                entry = self.registry.get(m.label_)
                if entry is not None and entry.kind in ("person", "author"):
                    return entry
        return None

    @staticmethod
    def behind_quantity(head: Token) -> Token:
        """'Seven in ten of the head teachers surveyed', 'some of the governors': the group counted
        speaks, not the number (a pronoun counted, "many of them", stays as it was)."""
        t = head
        if t.pos_ != "NUM" and t.lower_ not in QUANTIFIERS or t.lower_ in ("one", "1"):
            return head  # "one of the officials" is a person, described
        for _ in range(3):
            nmods = [c for c in t.children if c.dep_.startswith("nmod")]
            of = [c for c in nmods if any(g.dep_ == "case" and g.lower_ == "of" for g in c.children)]
            if of:
                return of[0] if of[0].pos_ in ("NOUN", "PROPN") else head
            if not nmods:
                break
            t = nmods[0]  # "nine *in ten* of ..."
        return head

    def document_author(self, span: Span, head: Token) -> Optional[ActorEntry]:
        """'a report by the King's Fund found', 'the Nuffield Trust's analysis shows':
        a document speaks for the body or person named as its author."""
        if head.lemma_.lower() not in self.lex.document_sources:
            return None
        inside = [m for m in self.doc.spans.get("argmine_mentions", []) if span.start <= m.start and m.end <= span.end]
        # "a poll of adults in X, carried out by Y": the body after "by" or "from" wrote it
        inside.sort(key=lambda m: not self.after_by(m))
        entry = self.registry.get(inside[0].label_) if inside and self.after_by(inside[0]) else None
        entry = entry or self.body_named_after_by(span) or (self.registry.get(inside[0].label_) if inside else None)
        if entry is not None and entry.id != self.doc._.author:  # the page's own body keeps its names
            entry.add_alias(self.described(span))
        return entry

    def body_named_after_by(self, span: Span) -> Optional[ActorEntry]:
        """'carried out by Northgate Research': capitalised words after "by" or "from" that
        the recogniser did not list name the body that wrote the document."""
        for t in span:
            if t.lower_ not in ("by", "from") or t.i + 1 >= span.end:
                continue
            j = t.i + 1
            while j < span.end and self.doc[j].pos_ == "DET":
                j += 1
            run = []
            while j < span.end and (self.doc[j].text[:1].isupper() or run and self.doc[j].lower_ in ("of", "for", "and", "&")):
                run.append(self.doc[j])
                j += 1
            while run and not run[-1].text[:1].isupper():
                run.pop()
            if len(run) >= 2:
                words = self.doc[run[0].i : run[-1].i + 1]
                return self.registry.add_organisation(words.text, words.text, (words.start_char, words.end_char))
        return None

    def after_by(self, mention: Span) -> bool:
        """'published *by* the Treasury', 'a note *from* the Fiscal Bureau'."""
        i = mention.start - 1
        while i >= 0 and self.doc[i].pos_ in ("DET", "ADJ"):
            i -= 1
        return i >= 0 and self.doc[i].lower_ in ("by", "from")

    def name_in_apposition(self, span: Span, head: Token) -> Optional[ActorEntry]:
        """'The chair, Ian Hall, said': a name in apposition to a role names the speaker,
        even when the entity recogniser missed it."""
        if head.pos_ == "PROPN":
            return None
        for t in span:
            # a parser may attach "its chief executive, Maria Santos," as a conjunct: a
            # name set off by a comma right after the role is still an apposition
            first = min((w.i for w in t.subtree if not w.is_punct), default=t.i)
            set_off = t.dep_ == "conj" and first > 0 and self.doc[first - 1].text == ","
            if (t.dep_ == "appos" or set_off) and t.head.i == head.i and t.pos_ == "PROPN":
                # the name's own words: not ", 74, of Mardle" hung on it
                name = [w for w in t.subtree if (w.i == t.i or w.head.i == t.i and w.dep_ in ("compound", "flat", "flat:name")) and w.text[:1].isupper() and not w.is_punct]
                entry = self.person_named_by(name)
                if entry is not None:
                    return entry
        return self.name_after_comma(head)

    def person_named_by(self, words: list[Token]) -> Optional[ActorEntry]:
        """The person a run of 2–4 capitalised words names (titles left out), unless the run
        names a body ("Health Trust")."""
        words = [w for w in words if w.text not in self.lex.titles]
        if not 2 <= len(words) <= 4 or any(w.text in self.lex.org_heads for w in words):
            return None
        run = self.doc[words[0].i : words[-1].i + 1]
        return self.registry.add_person([w.text for w in words], run.text, (run.start_char, run.end_char))

    def name_after_comma(self, head: Token) -> Optional[ActorEntry]:
        """'its chief executive, Maria Santos, insists': the surface pattern role + comma +
        name + comma, whatever the parser made of it."""
        doc = self.doc
        i = head.i + 1
        if i >= len(doc) or doc[i].text != ",":
            return None
        j = i + 1
        while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
            j += 1
        if j >= len(doc) or doc[j].text != ",":
            return None
        return self.person_named_by(list(doc[i + 1 : j]))

    def new_named(self, span: Span, head: Token) -> Optional[ActorEntry]:
        """A capitalised speaker the recogniser did not list: a surname, an acronym or a name."""
        if not head.text[:1].isupper():
            return None  # "the union" (tagged a name by the parser) names no one
        if head.lower_ in self.lex.pronouns or head.pos_ in ("PRON", "DET"):
            return None  # an unresolved "He" is not a person called He
        # the run of capitalised words around the head is the name, not the whole phrase
        lo = hi = head.i
        while lo - 1 >= span.start and self.doc[lo - 1].text[:1].isupper() and not self.doc[lo - 1].is_punct:
            lo -= 1
        while hi + 1 < span.end and self.doc[hi + 1].text[:1].isupper() and not self.doc[hi + 1].is_punct:
            hi += 1
        span = self.doc[lo : hi + 1]
        words = [t for t in span if t.text not in self.lex.titles]
        if not words:
            return None
        chars = (span.start_char, span.end_char)
        if len(words) == 1 and words[0].text.isupper() and words[0].text not in self.lex.org_not_acronyms:
            return self.registry.add_organisation(words[0].text, span.text, chars)
        if any(w.text in self.lex.org_heads for w in words) or len(words) > 3:
            name = span.text[4:] if span.text.lower().startswith("the ") else span.text
            return self.registry.add_organisation(name, span.text, chars)
        if head.lower_ in self.lex.groups or head.lower_.rstrip("s") in self.lex.role_nouns:
            return None
        return self.registry.add_person([w.text for w in words], span.text, chars)

    def by_pronoun(self, head: Token, offset: int) -> Optional[ActorEntry]:
        kind = self.lex.pronouns.get(head.lower_)
        if kind in ("male", "female"):
            entry = self.introduced(offset, kind) or self.salient(offset, ("person", "author"), gender=kind)
            if entry is None or entry.id == self.turn_speaker(offset):
                # a speaker's "she" is never the speaker: "a caller, Brenda, ... She says"
                entry = self.first_name_apposed_before(offset, kind) or self.described_antecedent(head)
            if entry is not None and entry.gender is None:
                entry.gender = kind
            return entry
        if kind == "neuter":
            return self.body_just_before(head, offset) or self.salient(offset, ("organisation",))
        if kind == "plural":
            return self.singular_they(offset) or self.salient(offset, ("group", "organisation"))
        return None

    def turn_speaker(self, offset: int) -> Optional[str]:
        """The actor whose transcript turn holds `offset`, if any."""
        return next((t[2] for t in self.doc._.turns or [] if t[0] <= offset < t[1]), None)

    def first_name_apposed_before(self, offset: int, gender: str) -> Optional[ActorEntry]:
        """'an email from a caller, Brenda, who ...': a first name of the pronoun's gender
        set off by commas after a noun, in the sentence before, names a new person."""
        sents = [s for s in self.doc.sents if s.end_char <= offset]
        if not sents:
            return None
        doc = self.doc
        for t in sents[-1]:
            if not (0 < t.i < len(doc) - 1 and doc[t.i - 1].text == "," and doc[t.i + 1].text == ","):
                continue
            noun = doc[t.i - 2] if t.i >= 2 else t
            person_noun = noun.lemma_.lower() in self.lex.role_nouns or noun.lemma_.lower() in PERSON_NOUNS
            named = t.pos_ == "PROPN" and t.text.istitle() and self.lex.first_name_gender.get(t.text, gender) == gender
            if noun.pos_ == "NOUN" and person_noun and named:
                return self.registry.add_person([t.text], t.text, (t.idx, t.idx + len(t.text)), gender=gender)
        return None

    def singular_they(self, offset: int) -> Optional[ActorEntry]:
        """'One finance director said ... "...," they said': "they" for the unnamed person
        who spoke just before (no gender known), not a body named since."""
        earlier = [(pos, actor_id) for pos, actor_id in self.speakers if pos < offset]
        if not earlier:
            return None
        pos, actor_id = earlier[-1]
        entry = self.registry.get(actor_id)
        near = self.paragraph_index(offset) - self.paragraph_index(pos) <= 1
        unnamed = entry is not None and entry.kind == "person" and entry.gender is None and entry.surname is None
        return entry if near and unnamed else None

    def introduced(self, offset: int, gender: Optional[str] = None) -> Optional[ActorEntry]:
        """The person the sentence before introduces ("Jo Bell was more measured."), if any."""
        entry = self.introductions.person_before(offset, self.cued, self.uncued)
        return entry if entry is not None and (gender is None or entry.gender in (None, gender)) else None

    def note_claim_sentences(self, claims: list[ClaimDict]) -> None:
        """Where attributed claims stand, cued or not, for `introduced`."""
        for c in claims:
            if c["mode"] == "author" or not (c.get("source") or c.get("actor") or c.get("link") is not None or c.get("continues")):
                continue
            quote_only = c["mode"] == "direct" and not c.get("cue") and c.get("rule") != "speaker-turn"
            (self.uncued if quote_only else self.cued).append(c["text"][0])

    def body_just_before(self, head: Token, offset: int) -> Optional[ActorEntry]:
        """"Even the county's port authority doubts it. Its poll found ...": "it"/"its"
        is the body a noun phrase of the sentence before (or of its own sentence, before
        it) names, when that comes after the last organisation the text has named."""
        sent = head.sent
        scope = [t for t in self.doc[max(0, sent.start - 1)].sent if sent.start > 0] + [t for t in sent if t.i < head.i]
        heads = {h.lower() for h in self.lex.org_heads}
        bodies = [t for t in scope if t.lower_ in heads and t.pos_ == "NOUN" and t.tag_ == "NN"]
        if not bodies:
            return None
        body = bodies[-1]
        named = [m[0] for m in self.mentions(("organisation",)) if m[1] <= offset]
        if named and max(named) > body.idx:
            return None
        words = [t for t in body.subtree if t.i <= body.i and not (t.dep_ == "case" or t.is_punct)]
        return self.organisation_noun(self.doc[words[0].i : body.i + 1], body)

    def described_antecedent(self, head: Token) -> Optional[ActorEntry]:
        """With no person named before the pronoun (in its post), "she"/"he" is the person
        a sentence just before introduces: its subject described ("A neighbour who drives the
        bus spoke next"), or a name given as what its subject is ("The first witness was
        Jane Doe"). Up to three sentences back, within this paragraph and the one before."""
        here = self.paragraph_index(head.sent.start_char)
        sent, looked = head.sent, 0
        while sent.start > 0 and looked < 3:
            sent = self.doc[sent.start - 1].sent
            looked += 1
            if sent.start_char < self.post_start(head.idx) or here - self.paragraph_index(sent.start_char) > 1:
                return None
            entry = self.introduced_in(sent)
            if entry is not None:
                return entry
        return None

    def introduced_in(self, sent: Span) -> Optional[ActorEntry]:
        """The person a sentence introduces: "The first witness was Jane Doe" (a name as the
        predicate of "be"), else a subject that is a person noun ("A neighbour who ...")."""
        root = sent.root
        if root.tag_ == "NNP" and any(t.dep_ == "cop" and t.i < root.i for t in sent):
            words = [t for t in root.subtree if t.i <= root.i and t.tag_ == "NNP" and (t.dep_ in ("compound", "flat") or t.i == root.i)]
            if len(words) >= 2:
                return self.registry.add_person([t.text for t in words], " ".join(t.text for t in words), (words[0].idx, root.idx + len(root.text)))
        for token in sent:
            person = token.lemma_.lower() in self.lex.role_nouns or token.lemma_.lower() in PERSON_NOUNS
            if token.dep_ in ("nsubj", "nsubj:pass") and token.tag_ == "NN" and person:
                subtree = list(token.subtree)
                return self.unnamed(self.doc[subtree[0].i : subtree[-1].i + 1])
        return None

    def by_description(self, span: Span, offset: int) -> Optional[ActorEntry]:
        """'the clinical director', 'one of the top officials within X': the person whose roles fit."""
        words = _words(span.text)
        if not words:
            return None
        here = self.paragraph_index(offset)
        best: tuple[float, Optional[ActorEntry]] = (0.0, None)
        for entry in self.registry:
            if entry.kind not in ("person", "author") or not entry.roles:
                continue
            role_words = set().union(*(_words(r) for r in entry.roles))
            overlap = len(words & role_words)
            if not overlap:
                continue
            positions = [m[0] for m in entry.mentions] or [offset]
            before = [p for p in positions if p <= offset]
            if before:
                distance = here - self.paragraph_index(max(before))
            else:
                distance = self.paragraph_index(min(positions)) - here
                if distance > CATAPHORA_WINDOW:
                    continue
                distance += 0.5  # a later mention is weaker evidence than an earlier one
            score = overlap - 0.1 * distance
            if score > best[0]:
                best = (score, entry)
        if best[1] is None and here <= LEDE_PARAGRAPHS and not self.mentions_before(offset, ("person",)):
            # a lede that describes its speaker before naming him: the next person named
            later = [m for m in self.mentions(("person",)) if m[0] > offset and self.paragraph_index(m[0]) - here <= CATAPHORA_WINDOW]
            if later:
                return later[0][2]
        return best[1]

    def bare_role(self, span: Span) -> bool:
        """A description made of role words only: 'the minister', 'the chief executive'."""
        words = [t.lower_ for t in span if t.is_alpha and t.lower_ not in DESCRIPTION_STOP]
        return bool(words) and all(w in self.lex.role_nouns for w in words)

    def mentions_before(self, offset: int, kinds: tuple[str, ...]) -> bool:
        return any(m[1] <= offset for m in self.mentions(kinds))

    def spokesperson_for(self, span: Span) -> Optional[ActorEntry]:
        """'a spokesperson for X' speaks for X."""
        if span.root.lemma_.lower() not in SPOKES and span.root.lower_ not in SPOKES:
            return None
        entry = self.organisation_mentioned(lambda m: span.start <= m.start and m.end <= span.end)
        if entry is not None:
            return entry
        # "the minister's spokesman", "Smith's spokeswoman": speaks for the possessor
        for c in span.root.children:
            if c.dep_ == "nmod:poss" and c.pos_ != "PRON":
                owner = self.doc[c.left_edge.i : c.i + 1]
                entry = self.by_name(owner, c) or (self.by_description(owner, span.start_char) if c.lemma_.lower() in self.lex.role_nouns else None)
                if entry is not None:
                    return entry
        # "a spokesperson for the department": the body last named by that noun
        for c in span.root.children:
            if c.dep_.startswith("nmod") and any(g.dep_ == "case" and g.lower_ in ("for", "of", "at") for g in c.children):
                body = self.organisation_noun(self.doc[c.left_edge.i : c.right_edge.i + 1], c, create=False)
                if body is not None:
                    return body
        return self.body_after_preposition(span.root)

    def organisation_mentioned(self, where) -> Optional[ActorEntry]:
        """The organisation of the first actor mention `where(mention)` accepts."""
        for m in self.doc.spans.get("argmine_mentions", []):
            if where(m):
                entry = self.registry.get(m.label_)
                if entry is not None and entry.kind == "organisation":
                    return entry
        return None

    def body_after_preposition(self, head: Token) -> Optional[ActorEntry]:
        """The surface 'spokesperson for|of|at X', for when the parser attached X elsewhere."""
        doc = self.doc
        k = head.i + 1
        if k >= len(doc) or doc[k].lower_ not in ("for", "of", "at"):
            return None
        j = k + 1
        while j < len(doc) and doc[j].pos_ == "DET":
            j += 1
        entry = self.organisation_mentioned(lambda m: m.start == j)
        if entry is not None:
            return entry
        end = j
        while end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN", "ADJ"):
            end += 1
        if end > j:
            return self.organisation_noun(doc[k + 1 : end], doc[end - 1], create=False)
        return None

    def group(self, span: Span, head: Token, agentive: Optional[str]) -> Optional[ActorEntry]:
        low = head.lower_
        lemma = head.lemma_.lower()
        is_group = (
            low in self.lex.groups
            or lemma in self.lex.document_sources
            or low in self.lex.document_sources
            or (head.tag_ in ("NNS", "NNPS") and (lemma in self.lex.role_nouns or low.rstrip("s") in self.lex.role_nouns))
            or low in self.lex.group_quantifiers
        )
        if not is_group:
            return None
        chars = (span.start_char, span.end_char)
        if agentive and (low in {"those", "people", "some", "others", "many"} or any(t.dep_ == "acl:relcl" for t in head.children)):
            return self.registry.add_group(agentive, span.text, chars)
        premods = [c for c in head.children if c.dep_ in ("amod", "compound", "nummod") and c.i < head.i]
        premods += [g for c in premods if c.dep_ == "compound" for g in c.children if g.dep_ == "compound" and g.i < c.i]  # "staff side representatives"
        words = [self._group_word(t) for t in sorted(premods + [head], key=lambda t: t.i)]
        name = " ".join(words)
        entry = self.registry.add_group(name, span.text, chars)
        entry.add_alias(head.text if head.pos_ == "PROPN" else head.lower_)
        if (described := self.described(span)) and described.lower() != name.lower():
            entry.add_alias(described)  # "The two trusts, which ...": the group as the text names it
        if lemma in self.lex.document_sources or low in self.lex.document_sources:
            entry.add_alias(self.described(span))  # "A review commissioned by X": how the text names it
        return entry

    def _group_word(self, token: Token) -> str:
        """Lowercase, unless the word is a name (Republicans, GPs) wherever it stands."""
        spelled = self.lex.group_spellings.get(token.lower_)
        if spelled:
            return spelled
        mid_sentence = token.i > token.sent.start and not token.doc[token.i - 1].is_punct
        return token.text if token.pos_ == "PROPN" and mid_sentence else token.lower_

    def unnamed(self, span: Span) -> ActorEntry:
        """'a person familiar with the matter', 'a senior official': a source the text
        never names is an actor described by its own words."""
        words = self.description_words(span)
        described = self.described(span)  # "One carer": the description as written
        while words and words[0].lower_ in {"a", "an", "the", "one", "of"}:
            words = words[1:]
        name = " ".join(t.text for t in words) or span.text
        entry = self.registry.by_name(name, kind="person") or self.registry.create(name, "person")
        entry.add_alias(span.text)
        if described:
            entry.add_alias(described)
        return entry

    @staticmethod
    def description_words(span: Span) -> list[Token]:
        """The words that name a described source, up to what is said of it
        (", who asked not to be named"), at most ten."""
        words = []
        for t in span:
            if t.text in {",", "(", ";", ":"} or t.lower_ in {"who", "whose", "which", "that"}:
                break
            if not t.is_punct:
                words.append(t)
        return words[:10]

    def described(self, span: Span) -> str:
        """The text of a description up to what is said of it, as written."""
        words = []
        for t in span:
            if t.text in {",", "(", ";", ":"} or t.lower_ in {"who", "whose", "which", "that"}:
                break
            words.append(t)
        while words and (words[-1].is_punct or words[-1].is_space):
            words.pop()
        return self.doc[words[0].i : words[-1].i + 1].text if words else ""

    def new_referent(self, span: Span, head: Token, offset: int) -> bool:
        """'One council leader, who ..., said', 'a senior civil servant said': an indefinite
        description past the lede brings in someone new, not a person already named whose
        roles share its words (a lede may describe its speaker before naming them)."""
        first = next((t for t in span if not t.is_punct), None)
        indefinite = first is not None and first.lower_ in {"a", "an", "one", "another"} and first.i < head.i
        document = head.lemma_.lower() in self.lex.document_sources or head.lower_ in self.lex.document_sources
        return indefinite and head.pos_ == "NOUN" and not document and self.paragraph_index(offset) > LEDE_PARAGRAPHS

    def organisation_noun(self, span: Span, head: Token, create: bool = True) -> Optional[ActorEntry]:
        """'the trust', 'the department', 'the government': the last such body, or a new one."""
        heads = {h.lower() for h in self.lex.org_heads}
        if head.lower_ not in heads or head.tag_ not in ("NN", "NNP") or head.lower_ in self.lex.role_nouns:
            return None  # "the chief executive" is a person, whatever "Executive" names elsewhere
        if head.lemma_.lower() in self.lex.document_sources:
            return None  # "the review found": a document, not a body
        named = [(s, entry) for s, e, entry in self.mentions(("organisation",)) if head.lower_ in entry.name.lower().split()]
        before = [entry for s, entry in named if s < span.start_char]
        if before:
            return before[-1]
        # "a committee of MPs has warned ... The Health Committee said": named just after
        here = self.paragraph_index(span.start_char)
        after = [entry for s, entry in named if self.paragraph_index(s) - here <= CATAPHORA_WINDOW]
        if after:
            return after[0]
        if not create:
            return None
        words = [t for t in span if not t.is_punct][:10]
        while words and words[0].pos_ == "DET":
            words = words[1:]
        if len(words) > 1:
            # "a committee of MPs": the description is the name
            name = " ".join(t.text for t in words)
        elif head.lower_ in SELF_NAMING_BODIES:
            name = head.lower_
        else:
            return None  # "the group said" with no group named: no actor an analyst could cite
        return self.registry.add_organisation(name, span.text, (span.start_char, span.end_char))

    def resolve(self, claim: dict) -> Optional[ActorEntry]:
        start, end = claim["source"]
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        head = self.doc[claim["source_head"]] if claim.get("source_head") is not None else span.root
        holder = self.phrase_holding(span)
        if holder is not None:
            span, head = holder
            start, end = claim["source"] = [span.start_char, span.end_char]
        head = self.behind_quantity(head)
        entry = self.by_name(span, head) or self.name_in_apposition(span, head) or self.document_author(span, head)
        if entry is None and head.pos_ == "PRON" and head.lower_ in self.lex.pronouns:
            entry = self.by_pronoun(head, start)
        if entry is None and head.lower_ in SPOKESPEOPLE:
            # speaks for a body or person the text names (before, or just after);
            # else the spokesperson is the source as described ("a spokeswoman for the
            # ministry"), never the next person the article happens to name
            entry = self.spokesperson_for(span)
            if entry is not None:
                # "A Treasury spokesperson": the body speaks; the description is how the text names it
                entry.add_alias(self.described(span))
            else:
                entry = self.unnamed(span)
        if entry is None and self.new_referent(span, head, start) and head.lower_ not in SPOKESPEOPLE:
            entry = self.spokesperson_for(span) or self.unnamed(span)
        if entry is None and (head.lemma_.lower() in self.lex.role_nouns or head.lower_ in self.lex.role_nouns or head.lower_ == "one") and head.tag_ not in ("NNS", "NNPS"):
            entry = self.by_description(span, start)
            if entry is None and head.lower_ != "one" and any(t.lower_ == "the" for t in span[:1]) and self.bare_role(span):
                # "the minister said", "the chief executive said": the person in focus. A
                # description no named person's roles fit ("the US energy secretary") is
                # someone else.
                entry = self.salient(start, ("person",))
        if entry is None:
            entry = self.spokesperson_for(span)
        if entry is None:
            entry = self.new_named(span, head)
        if entry is None:
            entry = self.organisation_noun(span, head)
        if entry is None:
            entry = self.group(span, head, claim.get("agentive"))
        if entry is None and (head.lemma_.lower() in self.lex.role_nouns or head.lower_ in self.lex.role_nouns):
            entry = self.unnamed(span)
        if entry is not None:
            entry.add_mention(start, end)
            if entry.kind == "organisation" and (described := self.spokesperson_description(span)):
                entry.add_alias(described)
        return entry

    def phrase_holding(self, span: Span) -> Optional[tuple[Span, Token]]:
        """'nurses at one of the two hospitals said': a source that is only the object of a
        preposition after a plural noun names where the speakers are; the noun phrase the
        preposition hangs on is the speaker (the span widened to it, and its head)."""
        doc, i = self.doc, span.start - 1
        if i >= 1 and doc[i].lower_ == "of" and (doc[i - 1].lower_ in QUANTIFIERS or doc[i - 1].lower_ == "one"):
            i -= 2
        if i < 1 or doc[i].lower_ not in HOLDING_PREPOSITIONS:
            return None
        noun = doc[i - 1]
        if noun.pos_ not in ("NOUN", "PROPN") or noun.tag_ not in ("NNS", "NNPS") or noun.lemma_.lower() in self.lex.document_sources:
            return None
        j = noun.i
        while j - 1 >= 0 and doc[j - 1].pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "DET") and not doc[j - 1].is_punct:
            j -= 1
        k = span.start  # up to the reporting verb, should the source have run on to it
        while k < span.end and doc[k].pos_ not in ("VERB", "AUX") and doc[k].text not in {",", ";", ":", '"', "“"}:
            k += 1
        return doc[j:k], noun

    def spokesperson_description(self, span: Span) -> Optional[str]:
        """'A Treasury spokesperson said': the body's name is the speaker's mention; the
        whole description, as written, is another way the text names the body's voice."""
        j = span.end
        if j >= len(self.doc) or self.doc[j].lower_ not in SPOKESPEOPLE:
            return None
        start = span.start - 1 if span.start > 0 and self.doc[span.start - 1].pos_ == "DET" else span.start
        return self.doc[start : j + 1].text

    def run(self) -> None:
        claims: list[ClaimDict] = sorted(self.doc._.claims or [], key=lambda c: (c["text"][0], c["content"][0]))
        resolved: list[dict] = []
        last_attributed: Optional[dict] = None
        self.note_claim_sentences(claims)
        for claim in claims:
            if claim["mode"] == "author":
                claim["actor"] = claim.get("actor") or self.voice_at(claim["text"][0])
            elif claim.get("link") is not None:
                linked = (self.doc._.claims or [])[claim["link"]]
                claim["actor"] = linked.get("actor")
                self._keep_first_part(claim, linked)
            elif claim.get("continues"):
                prev = last_attributed
                introduced = self.introduced(claim["text"][0])
                if introduced is not None:
                    claim["actor"] = introduced.id
                elif prev is not None and prev.get("actor") and self._near(prev, claim):
                    claim["actor"] = prev["actor"]
                    self._keep_first_part(claim, prev)
            elif claim.get("source") and claim.get("actor") is None:  # a speaker turn's actor is known
                entry = self.resolve(claim) or self.unresolved(claim)
                claim["actor"] = entry.id if entry else None
            if claim.get("actor") is None:
                continue
            if claim["mode"] != "author":
                last_attributed = claim
                self.speakers.append((claim["text"][0], claim["actor"]))
            resolved.append(claim)
        for claim in resolved:
            claim["addressee_actor"] = self.named_within(claim.get("addressee"))
        merged = self.registry.merge_provisional_people()
        merged.update(self.registry.merge_shortened_bodies(keep=frozenset({self.doc._.author or ""})))
        for claim in resolved:
            claim["actor"] = merged.get(claim["actor"], claim["actor"])
            if claim.get("addressee_actor"):
                claim["addressee_actor"] = merged.get(claim["addressee_actor"], claim["addressee_actor"])
        self.doc._.claims = self._one_per_sentence_and_actor(self.without_embedded(self.without_outer_citation(resolved)))
        self.registry.write(self.doc)

    def unresolved(self, claim: dict) -> Optional[ActorEntry]:
        """'He said ...' with no antecedent, 'the council argued ...' with no council named:
        the claim is kept under an actor of kind `unresolved` named by the mention, never
        given to the wrong person and never dropped (users filter on the kind). Only a
        mention that reads as a speaker (a personal pronoun, a short phrase headed by a
        body or role noun) makes one; a clause the parse took for a subject does not."""
        start, end = claim["source"]
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not self.speaker_like(span, claim.get("source_head")):
            return None
        surface = self.doc.text[start:end].strip()
        entry = self.registry.by_name(surface, kind="unresolved") or self.registry.create(surface, "unresolved")
        entry.add_alias(surface)
        entry.add_mention(start, end)
        return entry

    def speaker_like(self, span: Span, head_i: Optional[int]) -> bool:
        head = self.doc[head_i] if head_i is not None else span.root
        if head.pos_ == "PRON":
            return head.lower_ in self.lex.pronouns
        if len([t for t in span if not t.is_punct]) > 6:
            return False
        heads = {h.lower() for h in self.lex.org_heads}
        return head.lower_ in heads or head.lemma_.lower() in self.lex.role_nouns or head.lower_ in self.lex.role_nouns

    def named_within(self, span: Optional[list[int]]) -> Optional[str]:
        """The actor named inside a span ('told *the Health Committee*'), if any."""
        if not span:
            return None
        for m in self.doc.spans.get("argmine_mentions", []):
            if span[0] <= m.start_char and m.end_char <= span[1] and m.label_ in self.registry.entries:
                return m.label_
        return None

    @staticmethod
    def _keep_first_part(claim: dict, first: dict) -> None:
        """A continued quotation keeps the source mention and cue of its first part."""
        if not claim.get("source") and first.get("source"):
            claim["source"] = first["source"]
            claim["source_head"] = first.get("source_head")
            if not claim.get("cue") and first.get("cue"):
                claim["cue"], claim["cue_lemma"] = first["cue"], first.get("cue_lemma")

    def _near(self, prev: dict, claim: dict) -> bool:
        a, b = self.paragraph_index(prev["text"][0]), self.paragraph_index(claim["text"][0])
        same_post = self.post_start(prev["text"][0]) == self.post_start(claim["text"][0])
        return 0 <= b - a <= CONTINUATION_WINDOW and same_post and self.voice_at(prev["text"][0]) == self.voice_at(claim["text"][0])

    def without_embedded(self, claims: list[dict]) -> list[dict]:
        """'Dr X said studies suggested ...', 'he argued the council's officers had
        recommended ...': a speaker inside what another speaker of the sentence reports is
        part of that report, not a voice of its own, unless a named person."""
        def inside(span: Optional[list[int]], outer: dict) -> bool:
            return bool(span) and outer["content"][0] <= span[0] and span[1] <= outer["content"][1]

        kept = []
        for claim in claims:
            entry = self.registry.get(claim["actor"]) if claim.get("actor") else None
            named = entry is not None and entry.kind in ("person", "author") and entry.surname is not None
            embedded = claim["mode"] != "author" and not named and any(
                other is not claim and other["mode"] != "author" and other["text"] == claim["text"] and other.get("actor") != claim.get("actor")
                and inside(claim.get("source"), other) and not inside(other.get("source"), claim)
                for other in claims
            )
            if not embedded:
                kept.append(claim)
        return kept

    @staticmethod
    def without_outer_citation(claims: list[dict]) -> list[dict]:
        """'X estimates that ..., according to a note': the sentence's own speaker and cue
        say who claims it; the 'according to' around them cites where the reporter read it,
        and is not a second claim of the same words."""
        def cue_inside(claim: dict, outer: dict) -> bool:
            cue = claim.get("cue")
            return bool(cue) and outer["content"][0] <= cue[0] and cue[1] <= outer["content"][1]

        return [c for c in claims if not (c.get("rule") == "according-to" and any(
            other is not c and other["text"] == c["text"] and other["mode"] != "author" and other.get("rule") != "according-to"
            and cue_inside(other, c) for other in claims))]

    @staticmethod
    def _one_per_sentence_and_actor(claims: list[dict]) -> list[dict]:
        rank = {"direct": 0, "indirect": 1, "author": 2}
        kept: dict[tuple, dict] = {}
        for claim in claims:
            key = (claim["text"][1], claim["actor"])  # by where the sentence ends: a turn's claim leaves out its label
            other = kept.get(key)
            if other is None or (rank[claim["mode"]], -claim["confidence"]) < (rank[other["mode"]], -other["confidence"]):
                kept[key] = claim
        return sorted(kept.values(), key=lambda c: (c["text"][0], c["content"][0]))


class SpeakerCoreference(RuleComponent):
    def __init__(self, name: str = "argmine_coref"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        Resolver(doc).run()
        return doc


@Language.factory("argmine_coref", assigns=["doc._.claims", "doc._.actors"], default_config={})
def make_coref(nlp: Language, name: str) -> SpeakerCoreference:
    return SpeakerCoreference(name)

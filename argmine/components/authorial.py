"""argmine_author_claims: the writer's own claims.

A sentence nobody else is credited with belongs to the document's voice (its
author, or a comment's signer). It is a claim when it argues or evaluates —
first person, evaluative words, necessity and epistemic modals, contrast,
rhetorical questions — and not when it only describes ("X was speaking at
the conference", "the trust was one of 13 sites chosen in 2015"). The score
is a transparent weighted sum of such markers; its value becomes the claim's
confidence.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from argmine.components import extensions  # noqa: F401
from argmine.components.argued import Held, argued_piece, plain_claims
from argmine.components.base import RuleComponent
from argmine.components.contract import ClaimDict
from argmine.components.lexicons import DATA_DIR
from argmine.components.own_voice import OWN_STATEMENT, continues_a_list, own_statements, speaks_of_itself, voice_names
from argmine.components.quotes import find_quotes
from argmine.components.spans import claim_sentences, sentence_chars

AUTHOR_SEGMENTS = {"title", "standfirst", "body", "comment"}
ARGUED_RULE = "argued-piece"  # a plain sentence of a piece written to argue (argmine.components.argued)
THRESHOLD = 0.5
GENERAL_VALENCE = 0.4  # |valence| in the stance lexicon that counts as evaluative
WEAK_ADVERBS = {"only", "just", "still", "even", "always", "never", "really", "well", "too", "rather", "instead"}
OBLIGATION = {"must", "should", "ought", "need", "needs"}
EPISTEMIC = {"could", "might", "may", "would"}
CONTRAST_OPENERS = {"but", "yet", "nor"}
NOBODY = {"nobody", "none", "neither"}  # "Nobody defended the fares": what is denied of everyone


@dataclass(frozen=True)
class Markers:
    adjectives: frozenset[str]
    adverbs: frozenset[str]
    nouns: frozenset[str]
    verbs: frozenset[str]
    phrases: tuple[str, ...]
    first_person: frozenset[str]
    narrative: tuple[str, ...]
    question_label: re.Pattern[str]
    short_answer: re.Pattern[str]


@lru_cache(maxsize=None)
def markers() -> Markers:
    raw = json.loads((DATA_DIR / "authorial.json").read_text(encoding="utf-8"))
    return Markers(
        adjectives=frozenset(raw["evaluative_adjectives"]),
        adverbs=frozenset(raw["evaluative_adverbs"]),
        nouns=frozenset(raw["evaluative_nouns"]),
        verbs=frozenset(raw["evaluative_verbs"]),
        phrases=tuple(raw["epistemic_phrases"]),
        first_person=frozenset(raw["first_person"]),
        narrative=tuple(raw["narrative_markers"]),
        question_label=re.compile(raw["question_label"]),
        short_answer=re.compile(raw["short_answer"]),
    )


def _valence(token) -> float:
    """Strongest single-word valence the shared evaluative lexicon gives this word."""
    return _word_valence(token.lower_, token.lemma_.lower())


@lru_cache(maxsize=16384)  # bounded like stance.WORD_CACHE: memory stays flat
def _word_valence(lower: str, lemma: str) -> float:
    # Cached: every word of every candidate sentence is looked up, and words repeat.
    from argmine.components.stance import Lexicon, forms

    best = 0.0
    for entry in Lexicon.default().starting_with(forms(lower, lemma), lower):
        if len(entry.words) == 1 and entry.kind == "eval":
            best = max(best, abs(entry.value))
    return best


@lru_cache(maxsize=None)
def _phrase_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((p, re.compile(rf"(?<![a-z]){re.escape(p)}(?![a-z])")) for p in markers().phrases)


def _phrases_in(low: str) -> list[str]:
    """Epistemic phrases in the sentence, as whole words, in the lexicon's order
    (a plain substring test first: most sentences have none)."""
    return [p for p, pattern in _phrase_patterns() if p in low and pattern.search(low)]


def in_a_name(token) -> bool:
    """A capitalised modifier inside a proper name ("the *Better* Care Fund", "*Fair* Trade
    Foundation"): part of what something is called, not the writer's evaluation."""
    if token.pos_ != "ADJ" or not token.text[:1].isupper() or token.i + 1 >= len(token.doc):
        return False
    after = token.nbor()
    return after.is_alpha and after.text[:1].isupper() and after.lower_ != "i" and after.pos_ in ("PROPN", "NOUN", "ADJ")


def claim_score(sent: Span, quoted: set[int]) -> tuple[float, list[str]]:
    """How strongly a sentence reads as the writer's own argument, and why."""
    m = markers()
    score = 0.0
    why: list[str] = []
    tokens = [t for t in sent if t.i not in quoted and not t.is_space and not in_a_name(t)]
    low = " ".join(t.lower_ for t in tokens)
    if any(t.lower_ in m.first_person for t in tokens):
        score += 0.45
        why.append("first person")
    adjectives = [t for t in tokens if t.pos_ == "ADJ" and (t.lower_ in m.adjectives or t.lemma_.lower() in m.adjectives)]
    if adjectives:
        score += min(0.35 * len(adjectives), 0.6)
        why.append("evaluative: " + ", ".join(t.text for t in adjectives[:3]))
    strong_adverbs = [t for t in tokens if t.pos_ == "ADV" and t.lower_ in m.adverbs and t.lower_ not in WEAK_ADVERBS]
    if strong_adverbs:
        score += 0.3
        why.append("stance adverb: " + strong_adverbs[0].text)
    elif any(t.lower_ in WEAK_ADVERBS for t in tokens):
        score += 0.1
    modal_words = {t.lower_ for t in tokens if t.tag_ == "MD" or t.lower_ in OBLIGATION and t.dep_ in ("aux", "ROOT", "root")}
    if modal_words & OBLIGATION or "have to" in low or "has to" in low:
        score += 0.3
        why.append("necessity")
    elif modal_words & EPISTEMIC:
        score += 0.15
        why.append("modality")
    phrases = _phrases_in(low)
    if phrases:
        score += 0.3
        why.append(f"'{phrases[0]}'")
    nouns = [t for t in tokens if t.pos_ == "NOUN" and t.lemma_.lower() in m.nouns]
    if nouns:
        score += min(0.2 * len(nouns), 0.4)
        why.append("evaluative noun: " + nouns[0].text)
    verbs = [t for t in tokens if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in m.verbs]
    if verbs:
        score += 0.2
    # the general evaluative lexicon (shared with stance) catches what the lists above miss
    counted = {t.i for t in adjectives + strong_adverbs + nouns + verbs}
    general = [t for t in tokens if t.i not in counted and t.is_alpha and _valence(t) >= GENERAL_VALENCE]
    if general:
        score += min(0.15 * len(general), 0.3)
        why.append("evaluative (general): " + ", ".join(t.text for t in general[:3]))
    # an evaluation as the sentence's main predicate: "X will be vital", "it is not ideal"
    if any(t.dep_.lower() == "root" and (t.pos_ == "ADV" or t.pos_ == "ADJ" and any(c.dep_ == "cop" for c in t.children))
           and (t.i in counted or _valence(t) >= GENERAL_VALENCE) for t in tokens):
        score += 0.3
        why.append("evaluative predicate")
    denied = [t for t in tokens if t.lower_ in ("not", "n't", "never") and t.dep_ == "advmod" and t.head == sent.root]
    denied += [t for t in tokens if t.lower_ in NOBODY and t.dep_ in ("nsubj", "nsubj:pass") and t.head == sent.root]
    if denied and any(c.dep_ == "cop" for c in sent.root.children):
        score += 0.55  # what a thing is denied: "a timetable is not a service", "this is not reform"
        why.append("denial")
    elif denied:
        score += 0.3  # "structures do not wash", but also "the council did not respond"
    elif any(t.dep_ == "advmod" and t.lower_ in ("not", "n't", "never") or t.lower_ == "no" for t in tokens) and score > 0:
        score += 0.15
    if tokens and tokens[0].lower_ in CONTRAST_OPENERS:
        score += 0.15  # "But ...", "Nor ...", "Yet ...": the writer answering someone
    if any(t.tag_ in ("JJR", "JJS", "RBR", "RBS") for t in tokens):
        score += 0.15
    # "too soon to judge", "too early to say": degree + infinitive is a judgement
    if any(t.lower_ == "too" and t.i + 2 < sent.end and t.nbor().pos_ in ("ADJ", "ADV") and t.nbor(2).lower_ == "to" for t in tokens):
        score += 0.3
        why.append("too ... to")
    if sent.text.rstrip().endswith("?"):
        score += 0.2
        why.append("question")
    if any(p in low for p in m.narrative):
        score -= 0.6
        why.append("narrative")
    words = [t for t in tokens if t.is_alpha]
    if len(words) < 4:
        score -= 0.5
    return round(score, 3), why


def answers_question(sent: Span, previous: Span) -> bool:
    """"Yes, with reservations." right after "Do you agree ...?": the writer's answer."""
    return bool(markers().short_answer.match(sent.text)) and previous.text.rstrip().endswith("?")


class AuthorClaims(RuleComponent):
    def __init__(self, name: str = "argmine_author_claims", threshold: float = THRESHOLD):
        self.name = name
        self.threshold = threshold

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # rebuilt by spaCy on each access: read once
        segments = doc._.segments or [(0, len(text), "body", doc._.author)]
        claims: list[ClaimDict] = own_statements(doc, list(doc._.claims or []))
        attributed = {tuple(c["text"]) for c in claims if c["mode"] != "author" or c.get("rule") == OWN_STATEMENT}
        quoted: set[int] = set()
        for q in find_quotes(text):
            span = doc.char_span(q.inner_start, q.inner_end, alignment_mode="expand")
            if span is not None:
                quoted.update(t.i for t in span)
        turns = doc._.turns or []
        names = voice_names(doc)
        own = {tuple(c["text"]) for c in claims if c["mode"] == "author"}
        held: list[Held] = []
        owned = 0
        sentences = claim_sentences(doc)
        for i, sent in enumerate(sentences):
            if any(t[0] <= sent.start_char < t[1] for t in turns):
                continue  # a speaker's words, not the writer's (argmine_turns)
            if markers().question_label.match(sent.text):
                continue  # the question the page answers: the asker's words
            seg = _segment(segments, sent.start_char)
            if seg is None or seg[2] not in AUTHOR_SEGMENTS:
                continue
            voice = seg[3] or doc._.author
            if voice is None or sentence_chars(sent) in attributed:
                continue
            words = [t for t in sent if not t.is_punct and not t.is_space]
            if not words or sum(t.i in quoted for t in words) / len(words) >= 0.6:
                continue
            score, _why = claim_score(sent, quoted)
            if i and (answers_question(sent, sentences[i - 1]) or continues_a_list(sent, sentences[i - 1], own)):
                score = max(score, self.threshold)
            if names and voice == doc._.author and seg[2] != "title" and speaks_of_itself(sent, names):
                score = max(score, self.threshold)  # "The Association does not accept the figures"
            if score < self.threshold:
                held.append(Held(sent, voice, seg[2], score))
                continue
            owned += 1
            own.add(sentence_chars(sent))
            claims.append(_author_claim(sent, voice, score, "author-sentence"))
        if argued_piece(owned, held):
            claims += [_author_claim(h.sent, h.voice, h.score, ARGUED_RULE) for h in plain_claims(held, _actor_starts(doc))]
        doc._.claims = claims
        return doc


def _author_claim(sent: Span, voice: str, score: float, rule: str) -> ClaimDict:
    start, end = sentence_chars(sent)
    return {
        "text": [start, end],
        "content": [start, end],
        "cue": None,
        "cue_lemma": None,
        "source": None,
        "mode": "author",
        "actor": voice,
        "confidence": round(min(0.95, 0.4 + max(score, 0.0) / 3), 2),
        "rule": rule,
    }


def _actor_starts(doc: Doc) -> set[int]:
    """Where a named actor is mentioned: the registry's mentions and the model's person and organisation names."""
    starts = {m[0] for actor in (doc._.actors or {}).values() for m in actor.get("mentions", [])}
    return starts | {t.idx for e in doc.ents if e.label_ in ("PERSON", "ORG", "NORP") for t in e}



def _segment(segments, offset: int) -> Optional[tuple]:
    for seg in segments:
        if seg[0] <= offset < seg[1]:
            return seg
    return None


@Language.factory("argmine_author_claims", assigns=["doc._.claims"], default_config={"threshold": THRESHOLD})
def make_author_claims(nlp: Language, name: str, threshold: float) -> AuthorClaims:
    return AuthorClaims(name, threshold)

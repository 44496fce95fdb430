"""A claim without decisive evidence of its own, read in the light of what precedes it.

(0) **Premise.** A remark on funding ("The reform would save roughly £9m over three years") with no
evaluation or target of its own, or on the speaker's own words ("I realise that sounds
harsh."), stays neutral (:mod:`.premises`).
**Removal.** "Scrap it and the clinics close" argues for what
"it" points back to, the target named in the sentence before (:mod:`.removal`).
**Terms.** "We will back the plan -- but not if ..." takes a side on
terms: mixed (:mod:`.reservations`).
**Answer.** A short yes or no to a yes/no question just before ("Would you ever
back a merger? -- Not now.") takes the question's stance, kept or reversed
(:mod:`.replies`); a qualified answer ("Yes, with reservations.") is mixed.

(1) **Topic.** Evaluation with no target of its own is taken to be about the
target named in the previous sentence of the same paragraph when the claim
points back to it ("This is a real shift", "they") or answers it (the previous
sentence is a question: "How do the pilots measure up? Rather badly."); in a text
about the target, a claim that points back to a sentence naming nothing is taken to
be about the matter at hand, damped further.
"Ministers like a headline" evaluates its own nouns, not a topic.
An attitude whose object the claim does not name ("Most GPs remain
unconvinced", "We would support it", "critics warn that it will fail")
is taken to be toward the target in a text about the target:
taking a side is what those words do, and the side is on the matter at hand.
(2) **Inheritance.** Otherwise the claim inherits, damped, the stance of the
same actor's nearest preceding claim that has one: within the paragraph for
the author's voice; across a quote run for a speaker (the author's own asides
may interrupt it, another speaker ends it; gaps of at most two paragraphs
between the speaker's claims). The component drops inherited support when the
learned model reads the claim itself as opposition (``inherit_veto``).
(3) **Turn.** A claim whose sentence opens with a contrast ("But ...",
"However, ..."), takes back what was said ("I was wrong, mostly.") or says "No, ..."
after a "Yes, ..." answers the speaker's claim just before it: it inherits the
opposite stance ("Joint teams help patients. But this merger will cost
jobs."). Only a claim in the sentence just before is turned against: after
a neutral premise or someone else's sentence ("The board met in May. But ...")
the contrast is with that sentence, and the claim inherits as usual.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Span

from argmine.components.stance.attitude import holder_sides, unnamed_sides
from argmine.components.stance.mentions import target_polarity
from argmine.components.stance.premises import funding_remark, remark_on_own_words
from argmine.components.stance.reading import stance_of
from argmine.components.stance.reservations import conditional_side, goal_not_means, two_sided_verdict
from argmine.components.stance.removal import imagines_removal
from argmine.components.stance.replies import answer_sign, is_yes_no_question, label_only
from argmine.components.stance.result import StanceResult, label_for
from argmine.components.stance.scoring import REBUTTALS
from argmine.components.stance.settings import Settings
from argmine.target import Target


@dataclass
class DocContext:
    """What the context rules need of a document whose claims have been read one by one."""

    doc: Doc
    text: str
    claims: list[dict]
    results: list[StanceResult]
    paragraphs: list[int]
    target: Target
    settings: Settings
    anaphora: bool
    domain: bool
    topical: bool = False  # the text names the target often enough to be about it
    follows: dict[int, int] = field(default_factory=dict)  # claim -> the claim whose stance it inherited

    def paragraph(self, offset: int) -> int:
        return paragraph_of(self.paragraphs, first_char(self.text, offset))


def from_context(ctx: DocContext, i: int) -> Optional[StanceResult]:
    """The claim's stance from its topic, else from the same actor's previous claim (None: neither)."""
    return (premise(ctx, i) or from_answer(ctx, i) or from_removal(ctx, i) or on_terms(ctx, i)
            or from_topic(ctx, i) or from_attitude(ctx, i) or inherited(ctx, i))


def on_terms(ctx: DocContext, i: int) -> Optional[StanceResult]:
    """"We will back the plan -- but not if ...": a side taken on terms, in a text about the target, is mixed."""
    own = ctx.results[i]
    start, end = ctx.claims[i]["content"]
    text = ctx.text[start:end]
    if own.has_target or not ctx.topical or not (conditional_side(text) or two_sided_verdict(text)):
        return None
    return StanceResult("mixed", 0.0, [], basis="context")


def goal_and_means(ctx: DocContext, i: int) -> Optional[StanceResult]:
    """"A sound idea at the wrong pace": yes to the end, no to the means, is mixed,
    when the claim names the target or the text is about it (:func:`.reservations.goal_not_means`)."""
    own = ctx.results[i]
    start, end = ctx.claims[i]["content"]
    if not (own.has_target or ctx.topical) or not goal_not_means(ctx.text[start:end]):
        return None
    return StanceResult("mixed", 0.0, list(own.evidence), basis="context")


def from_removal(ctx: DocContext, i: int) -> Optional[StanceResult]:
    """"Scrap it and the clinics close": for the target the sentence before names
    (against it when that sentence names the target's opposite), damped as a topic is."""
    s = ctx.settings
    own = ctx.results[i]
    start, end = ctx.claims[i]["content"]
    if own.has_target or not s.topic_damp or not imagines_removal(ctx.text[start:end]):
        return None
    prev = previous_sentence(ctx.doc, first_char(ctx.text, start))
    polarity = target_polarity(prev, ctx.target, anaphora=ctx.anaphora, domain=ctx.domain) if prev else 0.0
    if not polarity:
        return None
    score = round((1 if polarity > 0 else -1) * s.inherit_damp, 3)
    return StanceResult(label_for(score, 0.0, 0.0, s), score, [], basis="context")


def premise(ctx: DocContext, i: int) -> Optional[StanceResult]:
    """A remark on funding with no evaluation and no target of its own, or on the speaker's
    own words ("I realise that sounds harsh."), stays neutral (:mod:`.premises`); neither
    context nor the learned model gives it a side."""
    own = ctx.results[i]
    if own.has_target or own.positive or own.negative:
        return None
    start, end = ctx.claims[i]["content"]
    if own.free_valence and not remark_on_own_words(ctx.text[start:end]):
        return None
    text = ctx.text[start:end]
    if not (funding_remark(text) or remark_on_own_words(text)):
        return None
    return StanceResult("neutral", 0.0, [], basis="none")


def from_answer(ctx: DocContext, i: int) -> Optional[StanceResult]:
    """A short yes or no to a yes/no question just before: the question's stance, kept or reversed."""
    s = ctx.settings
    own = ctx.results[i]
    if own.has_target or not s.topic_damp:
        return None
    start = first_char(ctx.text, ctx.claims[i]["content"][0])
    token = ctx.doc.char_span(start, start + 1, alignment_mode="expand")
    prev = previous_sentence(ctx.doc, start)
    if prev is not None and label_only(prev):
        prev = previous_sentence(ctx.doc, prev.start_char)
    if token is None or len(token) == 0 or prev is None or not is_yes_no_question(prev):
        return None
    sign = answer_sign(token[0].sent)
    if sign is None:
        return None
    question = stance_of(prev, ctx.target, anaphora=ctx.anaphora, domain=ctx.domain, settings=s)
    asked = question.score if decisive(question) else 0.0
    asked = asked or target_polarity(prev, ctx.target, anaphora=ctx.anaphora, domain=ctx.domain)
    if not asked:
        return None
    evidence = [token[0].sent.text.strip()]
    if sign == 0:  # a qualified answer answers both ways
        return StanceResult("mixed", 0.0, evidence, basis="context")
    score = round(sign * (1 if asked > 0 else -1) * s.inherit_damp, 3)
    return StanceResult(label_for(score, 0.0, 0.0, s), score, evidence, basis="context")


def from_topic(ctx: DocContext, i: int) -> Optional[StanceResult]:
    """Free evaluation pointing back ("it", "this", "they") to the target the sentence before
    names; in a text about the target, to the matter at hand when that sentence names nothing
    (``unnamed_topic`` damps it further: the link is a guess)."""
    s = ctx.settings
    own = ctx.results[i]
    if not (own.free_valence and not own.has_target and s.topic_damp):
        return None
    start, end = ctx.claims[i]["content"]
    prev = previous_sentence(ctx.doc, first_char(ctx.text, start))
    content = ctx.text[start:end]
    linked = prev is not None and (ANAPHORIC.search(content) or prev.text.rstrip().endswith("?")
                                   or REBUTTAL.search(content))
    if not linked or ctx.paragraph(prev.start_char) != ctx.paragraph(start):
        return None
    polarity = target_polarity(prev, ctx.target, anaphora=ctx.anaphora, domain=ctx.domain)
    reach = 1.0
    if not polarity and ctx.topical:
        polarity, reach = 1.0, s.unnamed_topic
    if not polarity:
        return None
    value = own.free_valence * (1 if polarity > 0 else -1) * s.topic_damp * reach
    positive, negative = (value, 0.0) if value > 0 else (0.0, -value)
    score = round(value / (abs(value) + s.smoothing), 3)
    label = label_for(score, positive, negative, s)
    if label == "neutral":
        return None
    return StanceResult(label, score, list(own.free_evidence), basis="topic")


def from_attitude(ctx: DocContext, i: int) -> Optional[StanceResult]:
    """A side taken with no object named, in a text about the target: toward the target.

    The side is taken in the claim's own words (its free evaluation; its sign, negation
    included, "have never opposed it", gives the stance) or by its attribution ("critics
    warn that ...", "Opponents argue ..."), and on one side only ("supported ... opposed" in a
    poll report takes neither); damped as a topic is."""
    s = ctx.settings
    own, claim = ctx.results[i], ctx.claims[i]
    if not (ctx.topical and s.topic_damp) or own.has_target or own.basis != "none":
        return None
    span = ctx.doc.char_span(*claim["content"], alignment_mode="expand")
    if span is None:
        return None
    words = unnamed_sides(span, own.free_evidence) if own.free_valence else set()
    told, evidence = attribution_sides(ctx.doc, claim, span)
    if len(words | told) != 1:
        return None
    if words:
        value, evidence = own.free_valence * s.topic_damp, list(own.free_evidence)
    else:
        value = next(iter(told)) * s.cue * s.topic_damp
    positive, negative = (value, 0.0) if value > 0 else (0.0, -value)
    score = round(value / (abs(value) + s.smoothing), 3)
    label = label_for(score, positive, negative, s)
    if label == "neutral":
        return None
    return StanceResult(label, score, evidence, basis="topic")


def attribution_sides(doc: Doc, claim: dict, content: Span) -> tuple[set[int], list[str]]:
    """Sides taken outside the content: by the cue ("warned that ...") or by a speaker
    named for their side ("Critics", "Opponents of the scheme"), with their words."""
    sides: set[int] = set()
    evidence: list[str] = []
    for key, holder in (("cue", False), ("source", True)):
        if not claim.get(key):
            continue
        part = doc.char_span(*claim[key], alignment_mode="expand")
        if part is None or not (part.end <= content.start or part.start >= content.end):
            continue
        found = holder_sides(part) if holder else unnamed_sides(part, [t.text for t in part])
        if found:
            sides |= found
            evidence.append(part.text)
    return sides, evidence


def inherited(ctx: DocContext, i: int) -> Optional[StanceResult]:
    s = ctx.settings
    claim = ctx.claims[i]
    actor = claim.get("actor")
    if actor is None or not s.inherit_damp:
        return None
    author_voice = claim.get("mode") == "author"
    para = reach = ctx.paragraph(claim["content"][0])
    for j in range(i - 1, -1, -1):
        other = ctx.claims[j]
        other_para = ctx.paragraph(other["content"][0])
        if author_voice and other_para != para:
            return None
        if not author_voice and reach - other_para > 2:
            return None
        if other.get("actor") != actor:
            if author_voice or other.get("mode") == "author":
                continue
            return None
        reach = other_para
        base = ctx.results[j]
        if base.label == "mixed":
            return None  # an ambivalent claim casts no clear light on the next one
        if decisive(base):
            root = base.score if base.basis != "context" else base.score / s.inherit_damp
            score = round(root * s.inherit_damp, 3)
            if label_for(score, 0.0, 0.0, s) != "neutral":
                ctx.follows[i] = j
                return turned(ctx, i, j, score)
            # too weak once damped: look further back in the run
    return None


def turned(ctx: DocContext, i: int, j: int, score: float) -> StanceResult:
    """Claim j's stance inherited by claim i, or its opposite when i's sentence opens
    with a contrast and j's claim is in the sentence just before."""
    start = first_char(ctx.text, ctx.claims[i]["content"][0])
    opener = contrast_opener(ctx.doc, start) or reversal(ctx.doc, start)
    prev = previous_sentence(ctx.doc, start) if opener else None
    base_start, base_end = ctx.claims[j]["content"]
    if prev is None or not (base_start < prev.end_char and prev.start_char < base_end):
        return StanceResult(label_for(score, 0.0, 0.0, ctx.settings), score, [], basis="context")
    return StanceResult(label_for(-score, 0.0, 0.0, ctx.settings), -score, [opener], basis="context")


#: Words that open a sentence turning against the one before it ("But", "However, ...").
TURN_OPENERS = frozenset({"but", "however", "yet", "nevertheless", "nonetheless"})
#: Two-word openers that do the same ("Even so, ...", "That said, ...").
TURN_OPENER_PAIRS = frozenset({("even", "so"), ("that", "said")})


def contrast_opener(doc: Doc, char: int) -> Optional[str]:
    """The contrast word that opens the sentence holding `char`, if it opens with one
    (quote marks and dashes before it do not count)."""
    if not doc.has_annotation("SENT_START"):
        return None
    token = doc.char_span(char, char + 1, alignment_mode="expand")
    if token is None or len(token) == 0:
        return None
    words = [t for t in token[0].sent if not (t.is_punct or t.is_space)][:2]
    if not words:
        return None
    if words[0].lower_ in TURN_OPENERS:
        return words[0].text
    pair = tuple(w.lower_ for w in words)
    return " ".join(w.text for w in words) if pair in TURN_OPENER_PAIRS else None


#: A speaker taking back what they said: "I was wrong", "I've changed my mind", "I stand corrected".
_TAKEN_BACK = re.compile(r"^\W*(i|we)\s+(was|were|had been|have been)\s+wrong\b"
                         r"|^\W*(i|we)\s*(’|')?ve\s+changed\s+(my|our)\s+minds?\b|^\W*i\s+stand\s+corrected\b",
                         re.IGNORECASE)
_YES_NO = re.compile(r"^\W*(yes|no)\b", re.IGNORECASE)


def reversal(doc: Doc, char: int) -> Optional[str]:
    """What turns the sentence holding `char` against the one before, other than a contrast word:
    the speaker taking it back ("I was wrong, mostly."), or a "No, ..." after a "Yes, ..."
    ("Yes, if it means X. No, if it means Y.") and the reverse."""
    token = doc.char_span(char, char + 1, alignment_mode="expand")
    if not doc.has_annotation("SENT_START") or token is None or len(token) == 0:
        return None
    sent = token[0].sent
    taken = _TAKEN_BACK.search(sent.text)
    if taken:
        return taken.group(0).strip()
    answer, prev = _YES_NO.search(sent.text), previous_sentence(doc, char)
    before = _YES_NO.search(prev.text) if answer and prev is not None else None
    if before and before.group(1).lower() != answer.group(1).lower():
        return answer.group(1)
    return None


def decisive(result: StanceResult) -> bool:
    return result.label != "neutral"


def first_char(text: str, offset: int) -> int:
    """The first non-space character at or after `offset` (a span may start on a line break)."""
    while offset < len(text) and text[offset].isspace():
        offset += 1
    return offset


ANAPHORIC = re.compile(r"\b(it|its|this|these|those|they|them|their|such)\b", re.IGNORECASE)
# "Too costly compared with what?" disputes what the sentence before said of the target
REBUTTAL = re.compile(r"\b(" + "|".join(r"\s+".join(phrase) for phrase in REBUTTALS) + r")\s*\?", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n\s*")


def paragraph_starts(text: str) -> list[int]:
    """Offsets where paragraphs begin: a line break (or a run of blank lines) ends a paragraph."""
    return [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]


def paragraph_of(starts: list[int], offset: int) -> int:
    return bisect_right(starts, offset) - 1


def previous_sentence(doc: Doc, char: int) -> Optional[Span]:
    """The sentence before the one holding `char` (None at the start or without sentences)."""
    if not doc.has_annotation("SENT_START"):
        return None
    token = doc.char_span(char, char + 1, alignment_mode="expand")
    if token is None or len(token) == 0:
        return None
    sent_start = token[0].sent.start
    if sent_start == 0:
        return None
    return doc[sent_start - 1].sent

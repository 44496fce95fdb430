"""The ordered list of attribution rules, one per construction, and the loop that runs them.

Each rule is named (the name goes into the claim's `rule` field, so evaluate's
mistakes say which construction made a claim) and reads one sentence. Rules
marked `fallback` run only when no rule before them found anything in that
sentence, in list order, and a rule may be limited to some segment kinds
(headline cues only in titles). Several rules can find the same claim: one
candidate per speaker mention is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from spacy.tokens import Span

from argmine.components.attribution import frames, layout, verbs
from argmine.components.attribution.attributor import Attributor, Candidate
from argmine.components.attribution.words import DIRECT_SHARE, lemma_of
from argmine.components.quotes import PARAGRAPH_BREAK
from argmine.components.spans import claim_sentences, trim
from argmine.ingest.turns import patterns as turn_patterns

CONTINUATION_PARAGRAPHS = 2  # as far back as a quotation paragraph continues its speaker (coref)

#: A rule reads the Attributor, one sentence and the candidates found so far in the document.
Finder = Callable[[Attributor, Span, list[Candidate]], list[Candidate]]


@dataclass(frozen=True)
class Rule:
    name: str
    find: Finder
    fallback: bool = False  # only when nothing before it matched this sentence
    kinds: Optional[frozenset[str]] = None  # segment kinds it reads (None: all)


def quote_continues(a: Attributor, sent: Span, earlier: list[Candidate]) -> list[Candidate]:
    """A sentence that is mostly quotation with no cue of its own continues a quotation
    begun earlier (its speaker) or, failing that, the last speaker (news convention)."""
    qids = [qi for qi in a.sentence_quotes(sent) if a.quotes[qi].inner_end - a.quotes[qi].inner_start >= 3]
    if not qids or layout.quote_share(a, sent) < DIRECT_SHARE:
        return []
    content = trim(a.text, max(a.quotes[qids[0]].inner_start, sent.start_char), min(a.quotes[qids[-1]].inner_end, sent.end_char))
    if not content:
        return []
    quotes = [a.quotes[q] for q in qids]
    link = next((i for i in range(len(earlier) - 1, -1, -1) if earlier[i].quote is not None and earlier[i].quote in quotes), None)
    return [Candidate(sent, content, "direct", None, None, None, None, a.quotes[qids[0]], link=link, continues=link is None,
                      confidence=0.7, rule="quote-continues")]


def colon_intro(a: Attributor, sent: Span, _earlier: list[Candidate]) -> list[Candidate]:
    """The sentence after 'X told the meeting:' / 'The committee has accepted this:' is X's
    (a quotation, or a block of text set off by the colon)."""
    found = layout.colon_introducer(a, sent)
    if found is None or is_post_header(sent.text):
        return []  # "X has been posting:" hands on to a post, whose header line is no claim
    verb, head = found
    head = a.named_in_apposition(head)
    qids = [qi for qi in a.sentence_quotes(sent) if a.quotes[qi].inner_end - a.quotes[qi].inner_start >= 3]
    quoted = bool(qids) and layout.quote_share(a, sent) >= DIRECT_SHARE
    if quoted:
        content = trim(a.text, max(a.quotes[qids[0]].inner_start, sent.start_char), min(a.quotes[qids[-1]].inner_end, sent.end_char))
    else:
        content = trim(a.text, sent.start_char, sent.end_char)
    if not content:
        return []
    return [Candidate(sent, content, "direct", (verb.idx, verb.idx + len(verb.text)), lemma_of(verb), a.speaker_span(head), head.i,
                      a.quotes[qids[0]] if quoted else None, confidence=0.75, rule="colon-intro")]


def is_post_header(text: str) -> bool:
    """The first line of an embedded social-media post: "Name @handle · 4:31 pm"."""
    return bool(turn_patterns().post_header.match(text.strip()))


def _sentence_only(fn: Callable[[Attributor, Span], list[Candidate]]) -> Finder:
    return lambda a, sent, _earlier: fn(a, sent)


#: A crosshead or a letter's title ("Late objections from the owners") names a topic; a
#: nominal frame there reports no one. (Headlines proper are segment kind "title".)
NOT_HEADINGS = frozenset({"title", "standfirst", "body", "comment"})

RULES: tuple[Rule, ...] = (
    Rule("verb-cue", _sentence_only(verbs.verb_cues)),
    Rule("prepositional-cue", _sentence_only(verbs.prepositional_cues)),
    Rule("object-cue", _sentence_only(verbs.object_cues)),
    Rule("possessive-frame", _sentence_only(frames.possessive_frames)),
    Rule("passive-nominal", _sentence_only(frames.passive_nominal)),
    Rule("source-from", _sentence_only(frames.from_sources), kinds=NOT_HEADINGS),
    Rule("according-to", _sentence_only(frames.according_to)),
    Rule("parenthetical", _sentence_only(verbs.parenthetical), fallback=True),
    Rule("dash", _sentence_only(layout.dash_attribution), fallback=True),
    Rule("headline", _sentence_only(layout.headline), fallback=True, kinds=frozenset({"title"})),
    Rule("headline-colon", _sentence_only(layout.headline_colon), fallback=True, kinds=frozenset({"title"})),
    Rule("name-colon-quote", _sentence_only(layout.name_colon_quote), fallback=True),
    Rule("colon-intro", colon_intro, fallback=True),
    Rule("quote-continues", quote_continues, fallback=True),
)


def run_rules(a: Attributor, segment_kind: Callable[[int], Optional[str]], rules: tuple[Rule, ...] = RULES) -> list[Candidate]:
    """Every claim sentence through the rules in order; one candidate per speaker kept."""
    claims: list[Candidate] = []
    for sent in claim_sentences(a.doc):
        kind = segment_kind(sent.start_char)
        if kind is None:
            continue
        found: list[Candidate] = []
        for rule in rules:
            if rule.fallback and found or rule.kinds is not None and kind not in rule.kinds:
                continue
            found += rule.find(a, sent, claims)
        claims.extend(one_per_speaker(found))
    return speaker_later_in_the_quotation(claims)


def speaker_later_in_the_quotation(claims: list[Candidate]) -> list[Candidate]:
    """“First sentence. Second sentence,” she said.: the first sentence, which no cue of its
    own or earlier quotation names and no speaker just before can continue, is spoken by
    whoever the same quotation's cue names later."""
    for i, cand in enumerate(claims):
        if cand.rule != "quote-continues" or cand.link is not None or cand.quote is None:
            continue
        if i and _paragraphs_between(claims[i - 1], cand) <= CONTINUATION_PARAGRAPHS:
            continue  # the speaker just before may go on (news convention)
        later = next((c for c in claims[i + 1:] if c.quote == cand.quote and c.source is not None), None)
        if later is not None:
            cand.source, cand.source_head, cand.cue, cand.cue_lemma = later.source, later.source_head, later.cue, later.cue_lemma
            cand.continues = False
    return claims


def _paragraphs_between(before: Candidate, after: Candidate) -> int:
    doc = after.sent.doc
    return len(PARAGRAPH_BREAK.findall(doc.text[before.sent.end_char : after.sent.start_char]))


def one_per_speaker(found: list[Candidate]) -> list[Candidate]:
    """Several rules may find the same claim: keep one per speaker mention."""
    kept: list[Candidate] = []
    for cand in sorted(found, key=lambda c: (c.mode != "direct", -c.confidence)):
        if any(k.source == cand.source or (k.source and cand.source and k.source[0] < cand.source[1] and cand.source[0] < k.source[1]) for k in kept):
            continue
        kept.append(cand)
    return sorted(kept, key=lambda c: c.content[0])

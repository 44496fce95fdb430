"""One claim's stance toward one target: the per-target API (:func:`stance_of`)."""

from __future__ import annotations

from typing import Optional, Union

from spacy.tokens import Doc, Span

from argmine.components.stance.actions import pledged_actions
from argmine.components.stance.challenges import challenge_frames
from argmine.components.stance.consequences import consequence_outcomes
from argmine.components.stance.items import find_items
from argmine.components.stance.learned import LinearStance, features, masked_tokens
from argmine.components.stance.lexicon import Lexicon
from argmine.components.stance.mentions import Mention, find_mentions, pronoun_objects
from argmine.components.stance.result import Contribution, StanceResult, decide, dedupe
from argmine.components.stance.scoring import score_sentence
from argmine.components.stance.settings import DEFAULT_SETTINGS, Settings
from argmine.components.stance.text import Source, pieces_of, sentences_of
from argmine.components.stance.verdicts import performance_verdicts
from argmine.target import Target


def stance_of(
    span: Union[Span, Doc],
    target: Target,
    lexicon: Optional[Lexicon] = None,
    *,
    cue: Optional[Span] = None,
    source: Optional[Span] = None,
    anaphora: bool = False,
    domain: bool = True,
    settings: Settings = DEFAULT_SETTINGS,
    model: Optional[LinearStance] = None,
) -> StanceResult:
    """The stance a stretch of text takes toward `target`, from its own words.

    Args:
        span: the claim's content (a Span or a whole Doc), with sentence
            boundaries when the pipeline has them.
        target: what the stance is toward.
        lexicon: evaluative lexicon; the default general one plus the
            target's additions when omitted.
        cue: the claim's attribution cue, when it lies outside the content
            ("criticised" in "X criticised the vanguards"); an evaluative cue
            judges target mentions the content does not judge itself.
        source: the speaker's mention, when it lies outside the content; a
            speaker named by a position ("Critics", "Supporters of the plan")
            adds that position to what the content says about the target.
        anaphora: allow "this programme"-style references as weak mentions
            (set when the document names the target somewhere).
        domain: whether the text is in the target's field (see :func:`in_domain`);
            when False, generic terms ("partnership") are not read as the target.
        model: a learned model (:mod:`.learned`) that reads the claim when the
            rules find no evidence about the target in it (``stance_basis: "model"``).
    """
    lex = (lexicon or Lexicon.default()).with_target(target)
    contributions, free, mentions, tokens = read_sentences(span, target, lex, anaphora=anaphora, domain=domain,
                                                           settings=settings)
    own = bool(contributions)
    contributions += from_attribution(span, mentions, lex, settings, cue=cue if not contributions else None, source=source)
    result = decide(contributions, settings, max((m.weight for m in mentions), default=1.0))
    result.has_target = bool(mentions)
    result.free_valence = sum(c.value for c in free)
    result.free_evidence = dedupe(e for c in free for e in c.evidence)
    # "cue": only the attribution (cue verb or speaker's description) judged the target
    result.basis = "content" if own else ("cue" if contributions else "none")
    result.tokens = tokens
    if result.basis == "none" and model is not None:
        return from_model(model, tokens, settings) or result
    return result


def from_model(model: LinearStance, tokens: list[str], settings: Settings) -> Optional[StanceResult]:
    """The learned model's reading, when it is sure enough of a side (None otherwise)."""
    feats = features(tokens)
    probs = model.probabilities(feats)
    label = max(probs, key=probs.get)
    if label == "neutral" or probs[label] < settings.model_min:
        return None
    score = round(probs["support"] - probs["oppose"], 3)
    return StanceResult(label, score, model.strongest(feats, label), has_target="<tgt>" in tokens or "<opp>" in tokens,
                        basis="model")


def read_sentences(span: Union[Span, Doc], target: Target, lex: Lexicon, *, anaphora: bool, domain: bool,
                   settings: Settings) -> tuple[list[Contribution], list[Contribution], list[Mention], list[str]]:
    """Each sentence scored alone: (contributions toward the target, free evaluation, mentions,
    the words with mentions masked for a learned model)."""
    contributions: list[Contribution] = []
    free: list[Contribution] = []
    all_mentions: list[Mention] = []
    tokens: list[str] = []
    sentence_results = []
    for sent in sentences_of(span):
        pieces = pieces_of(sent)
        if not pieces:
            continue
        src = Source.of(sent)
        mentions = find_mentions(src, pieces, target, anaphora=anaphora, domain=domain, settings=settings)
        taken = {k for m in mentions for k in range(m.start, m.end)}
        items = performance_verdicts(src, pieces, find_items(src, pieces, lex, taken), taken)
        items = consequence_outcomes(src, pieces, items, taken)
        items = challenge_frames(src, pieces, items)
        mentions = pronoun_objects(src, pieces, mentions, items)
        items = sorted(items + pledged_actions(src, pieces, mentions, items), key=lambda it: it.start)
        sentence_results.append(score_sentence(src, pieces, mentions, items, settings))
        all_mentions.extend(mentions)
        tokens += masked_tokens(pieces, mentions)
    # A sentence opening with "But"/"However" outweighs the sentence before it.
    for k, (contrib, free_eval, _) in enumerate(sentence_results):
        if k + 1 < len(sentence_results) and sentence_results[k + 1][2]:
            contrib = [Contribution(c.value * settings.before_contrast, c.evidence, c.position) for c in contrib]
        contributions.extend(contrib)
        free.extend(free_eval)
    return contributions, free, all_mentions, tokens


def from_attribution(span: Union[Span, Doc], mentions: list[Mention], lex: Lexicon, settings: Settings, *,
                     cue: Optional[Span], source: Optional[Span]) -> list[Contribution]:
    """What the attribution outside the content says of the target mentions.

    An evaluative cue ("X criticised the vanguards") judges mentions the content
    does not judge itself (pass `cue` only then); a speaker named by their position
    on the matter ("Critics argue that ...", "Opponents of the plan say ...") says
    something about the matter.
    """
    out: list[Contribution] = []
    if not mentions:
        return out
    toward = sum(m.polarity * m.weight for m in mentions) / len(mentions)
    if cue is not None and outside(cue, span):
        cue_value = cue_valence(cue, lex)
        if cue_value:
            out.append(Contribution(cue_value * settings.cue * toward, (cue.text,) + tuple(m.text for m in mentions), -1))
    if source is not None and outside(source, span):
        source_value = cue_valence(source, lex)
        if source_value:
            out.append(Contribution(source_value * settings.cue * toward, (source.text,), -2))
    return out


def outside(cue: Span, span: Union[Span, Doc]) -> bool:
    if isinstance(span, Doc):
        return False
    return cue.end <= span.start or cue.start >= span.end


def cue_valence(cue: Span, lexicon: Lexicon) -> float:
    pieces = pieces_of(cue)
    items = find_items(Source.of(cue), pieces, lexicon, set())
    values = [it.entry.value for it in items if it.entry.kind in ("eval", "reverser") and it.entry.value]
    return max(-1.0, min(1.0, sum(values)))

"""A claim's stance as a result: contributions in, label, score and evidence out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from argmine.components.stance.settings import DEFAULT_SETTINGS, Settings

@dataclass
class StanceResult:
    """A claim's stance: label, score in [-1, 1] (positive = support), evidence strings."""

    label: str
    score: float
    evidence: list[str] = field(default_factory=list)
    has_target: bool = False  # the content mentions the target (or its opposite)
    free_valence: float = 0.0  # evaluation that found no target in the content
    free_evidence: list[str] = field(default_factory=list)
    positive: float = 0.0
    negative: float = 0.0
    tokens: list[str] = field(default_factory=list)  # the claim's words, target mentions masked (learned model)
    basis: str = "content"  # content / cue / topic / context / none


@dataclass
class Contribution:
    value: float
    evidence: tuple[str, ...]
    position: int


def dedupe(values: Iterable[str]) -> list[str]:
    """Distinct strings in order; one contained in another ("failed to deliver" in
    "failed to deliver the savings") is left out."""
    seen: list[str] = []
    for v in values:
        v = v.strip()
        if v and v not in seen:
            seen.append(v)
    return [v for v in seen if not any(v != w and v in w for w in seen)]


def decide(contributions: list[Contribution], settings: Settings, reference: float = 1.0) -> StanceResult:
    """Label and score from the contributions.

    `reference` is the weight of the surest target mention in the claim: how much
    of the evidence is about the target at all. Whether evidence on both sides is
    substantial (mixed) is judged relative to it; the score keeps the uncertainty.
    """
    positive = sum(c.value for c in contributions if c.value > 0)
    negative = -sum(c.value for c in contributions if c.value < 0)
    score = (positive - negative) / (positive + negative + settings.smoothing) if contributions else 0.0
    # at most x1.7: a faint term must not turn faint noise into "mixed"
    reference = min(1.0, max(reference, 0.6))
    label = label_for(score, positive / reference, negative / reference, settings)
    decisive = [c for c in contributions if abs(c.value) >= 0.05]
    decisive.sort(key=lambda c: c.position)
    evidence = dedupe(e for c in decisive for e in c.evidence)[:10]
    return StanceResult(label, round(max(-1.0, min(1.0, score)), 3), evidence, positive=positive, negative=negative)


def label_for(score: float, positive: float, negative: float, settings: Settings = DEFAULT_SETTINGS) -> str:
    """support / oppose / mixed / neutral from a score and the two evidence masses."""
    if (
        positive >= settings.mixed_min
        and negative >= settings.mixed_min
        and min(positive, negative) / max(positive, negative) >= settings.mixed_ratio
    ):
        return "mixed"
    if score >= settings.threshold:
        return "support"
    if score <= -settings.threshold:
        return "oppose"
    return "neutral"

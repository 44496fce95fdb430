"""The numbers of the scoring, in one place (saved with a pipeline by ``to_disk``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    """The numbers of the scoring; measured on the seeds' gold (docs/targets.md)."""

    threshold: float = 0.17  # |score| below this is neutral: with K = 0.5, one-sided evidence of 0.1 or more counts
    smoothing: float = 0.5  # K in (P - N) / (P + N + K): weak evidence stays near 0
    mixed_min: float = 0.1  # both P and N at least this for mixed
    mixed_ratio: float = 0.6  # and min(P, N) / max(P, N) at least this
    before_contrast: float = 0.5  # weight of "X" in "X, but Y"
    concessive: float = 0.5  # weight of "while X" / "although X"
    conditional: float = 0.5  # evaluation inside an if-clause, with no evaluative frame
    question: float = 0.5  # a question is weak evidence
    negated_strength: float = 0.8  # a negated item keeps this share of its strength
    cross_clause: float = 0.5  # evaluation attached to a target in another clause of the sentence
    preference: float = 0.6  # "X not Y", "X rather than Y"
    cue: float = 0.8  # an evaluative cue verb ("criticised") applied to a bare target
    anaphor_weight: float = 0.5  # "this programme" as a mention of the target
    topic_damp: float = 0.6  # evaluation with the previous sentence's target
    unnamed_topic: float = 0.5  # ... times this when that sentence names nothing, in a text about the target
    inherit_damp: float = 0.7  # stance inherited from the same actor's previous claim
    inherit_veto: float = 0.5  # ... but not support the learned model reads as opposition this surely (0: off)
    hedge_floor: float = 0.4
    model_doc_mentions: int = 3  # ... and, for a claim that does not name the target, in a text naming it this often
    model_reads_sentence: int = 1  # the model reads the claim's whole sentence (1) or its content only (0)
    model_min: float = 0.6  # the learned model decides a claim the rules cannot read when this sure of a side
    negation_window: int = 6
    reverser_window: int = 5


DEFAULT_SETTINGS = Settings()

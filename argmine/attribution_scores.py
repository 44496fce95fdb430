"""Attribution scores against brat standoff gold, as PolNeAR's authors report them.

Pure (no spaCy, Typer or Rich), like `argmine.evaluate`: claim records in, a
report out. The definition (documented in `docs/gold-format.md`, "Attribution
gold in brat standoff"):

* **Attributions.** Gold: the events read by `argmine.brat` (source, cue and
  content as sets of character positions; the source may be empty).
  Predicted: claims of mode `direct` or `indirect` (the writer's own claims are
  not attributions); content = the positions of each span of `content.parts`
  when the record has them, else of `content`; source and cue = the positions
  of `source` and `cue`, empty when null.
* **Agreement.** Two position sets *agree* when both are empty or they intersect.
* **Content overlap.** Per document, predicted and gold attributions whose
  contents intersect are paired one-to-one: the most pairs, ties broken by the
  larger total content overlap (`argmine.matching`). P = pairs / predicted,
  R = pairs / gold, F1 their harmonic mean.
* **Whole-attribution overlap.** The same pairing, separately, among the
  candidates whose contents intersect *and* whose sources agree.
* **Source / cue accuracy on matched.** Among the content-overlap pairs, the
  share whose sources (cues) agree.
* **Totals** sum pairs, predicted and gold over documents before dividing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Optional, Sequence

from pydantic import BaseModel, Field, computed_field

from argmine.brat import BratDocument, GoldAttribution
from argmine.errors import UsageError
from argmine.evaluate import doc_is, ratio
from argmine.matching import Weight, best_pairs
from argmine.records import Claim, TextSpan

#: The figures `evaluate` headlines for attribution gold, in that order.
ATTRIBUTION_FIGURES: tuple[str, ...] = (
    "whole_precision",
    "whole_recall",
    "whole_f1",
    "content_precision",
    "content_recall",
    "content_f1",
    "source_accuracy",
    "cue_accuracy",
)

ATTRIBUTION_MODES = frozenset({"direct", "indirect"})


class Overlap(BaseModel):
    """Pairs found among predicted and gold attributions, with the ratios."""

    pairs: int = 0
    predicted: int = 0
    gold: int = 0

    @computed_field
    @property
    def precision(self) -> Optional[float]:
        return ratio(self.pairs, self.predicted)

    @computed_field
    @property
    def recall(self) -> Optional[float]:
        return ratio(self.pairs, self.gold)

    @computed_field
    @property
    def f1(self) -> Optional[float]:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "Overlap") -> "Overlap":
        return Overlap(pairs=self.pairs + other.pairs, predicted=self.predicted + other.predicted, gold=self.gold + other.gold)


class Agreement(BaseModel):
    """Of the content-overlap pairs, how many agree on one part (source or cue)."""

    matched: int = 0
    agree: int = 0

    @computed_field
    @property
    def accuracy(self) -> Optional[float]:
        return ratio(self.agree, self.matched)

    def __add__(self, other: "Agreement") -> "Agreement":
        return Agreement(matched=self.matched + other.matched, agree=self.agree + other.agree)


class AttributionScores(BaseModel):
    """The scores of one annotated article, or (doc == "TOTAL") of all of them."""

    doc: str
    predicted_doc: Optional[str] = None
    annotation: Optional[str] = Field(default=None, description="The annotation file scored against.")
    whole: Overlap = Field(default_factory=Overlap)
    content: Overlap = Field(default_factory=Overlap)
    source: Agreement = Field(default_factory=Agreement)
    cue: Agreement = Field(default_factory=Agreement)

    def figures(self) -> dict[str, Optional[float]]:
        """The headline figures of this row, keyed as in `ATTRIBUTION_FIGURES`."""
        return {
            "whole_precision": self.whole.precision,
            "whole_recall": self.whole.recall,
            "whole_f1": self.whole.f1,
            "content_precision": self.content.precision,
            "content_recall": self.content.recall,
            "content_f1": self.content.f1,
            "source_accuracy": self.source.accuracy,
            "cue_accuracy": self.cue.accuracy,
        }

    def __add__(self, other: "AttributionScores") -> "AttributionScores":
        return AttributionScores(
            doc=self.doc,
            whole=self.whole + other.whole,
            content=self.content + other.content,
            source=self.source + other.source,
            cue=self.cue + other.cue,
        )


AttributionMistakeKind = Literal["missed", "false_positive", "wrong_source", "wrong_cue"]


class AttributionMistake(BaseModel):
    """A gold attribution no prediction overlaps, a prediction no gold one overlaps,
    or a content-overlap pair whose source (cue) disagrees."""

    doc: str
    kind: AttributionMistakeKind
    gold_id: Optional[str] = Field(default=None, description="The gold event's id (E...).")
    gold_content: Optional[str] = None
    gold_source: Optional[str] = None
    gold_cue: Optional[str] = None
    claim_id: Optional[str] = None
    content: Optional[str] = Field(default=None, description="The predicted claim's content.")
    source: Optional[str] = None
    cue: Optional[str] = None
    rule: Optional[str] = Field(default=None, description="The rule that produced the predicted claim.")


class AttributionReport(BaseModel):
    """Everything `evaluate` found on brat attribution gold."""

    kind: Literal["attribution"] = "attribution"
    gold_dir: str
    documents: list[AttributionScores] = Field(default_factory=list)
    total: AttributionScores = Field(default_factory=lambda: AttributionScores(doc="TOTAL"))
    mistakes: list[AttributionMistake] = Field(default_factory=list)
    documents_without_gold: list[str] = Field(default_factory=list)
    gold_without_documents: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def headline(self) -> dict[str, Optional[float]]:
        return self.total.figures()


# --------------------------------------------------------------------------- predictions


def _positions(span: Optional[TextSpan]) -> frozenset[int]:
    return frozenset(range(span.start, span.end)) if span is not None else frozenset()


def content_spans(claim: Claim) -> list[TextSpan]:
    """The spans of a claim's content: `content.parts` when the record has them, else `content`."""
    parts = getattr(claim.content, "parts", None)
    return list(parts) if parts else [claim.content]


@dataclass(frozen=True)
class PredictedAttribution:
    """A claim as an attribution: position sets of its source, cue and content."""

    claim: Claim
    source: frozenset[int]
    cue: frozenset[int]
    content: frozenset[int]

    @classmethod
    def of(cls, claim: Claim) -> "PredictedAttribution":
        content = frozenset().union(*(_positions(span) for span in content_spans(claim)))
        return cls(claim, _positions(claim.source), _positions(claim.cue), content)


def predicted_attributions(claims: Sequence[Claim]) -> list[PredictedAttribution]:
    """The claims that are attributions (mode direct or indirect), in document order."""
    chosen = sorted((c for c in claims if c.mode in ATTRIBUTION_MODES), key=lambda c: (c.start, c.end, c.id))
    return [PredictedAttribution.of(c) for c in chosen]


def agree(a: frozenset[int], b: frozenset[int]) -> bool:
    """Both empty, or intersecting: how sources and cues are compared."""
    return (not a and not b) or bool(a & b)


# --------------------------------------------------------------------------- scoring


def _content_weight(preds: list[PredictedAttribution], golds: list[GoldAttribution], *, with_source: bool) -> Weight:
    """The pairing weight: shared content positions, for candidates that may be paired."""

    def weight(p: int, g: int) -> Optional[int]:
        shared = len(preds[p].content & golds[g].content)
        if not shared or (with_source and not agree(preds[p].source, golds[g].source)):
            return None
        return shared

    return weight


def _mistake(doc: str, kind: AttributionMistakeKind, pred: Optional[PredictedAttribution], gold: Optional[GoldAttribution]) -> AttributionMistake:
    claim = pred.claim if pred else None
    parts = content_spans(claim) if claim else []
    return AttributionMistake(
        doc=doc,
        kind=kind,
        gold_id=gold.id if gold else None,
        gold_content=gold.content_text if gold else None,
        gold_source=(gold.source_text or None) if gold else None,
        gold_cue=(gold.cue_text or None) if gold else None,
        claim_id=claim.id if claim else None,
        content=" … ".join(span.text for span in parts) if claim else None,
        source=claim.source.text if claim and claim.source else None,
        cue=claim.cue.text if claim and claim.cue else None,
        rule=claim.rule if claim else None,
    )


def score_document(gold: BratDocument, claims: Sequence[Claim]) -> tuple[AttributionScores, list[AttributionMistake]]:
    """One article's attribution scores and mistakes (see the module docstring)."""
    preds, golds = predicted_attributions(claims), gold.attributions
    pairs = best_pairs(len(preds), len(golds), _content_weight(preds, golds, with_source=False))
    whole = best_pairs(len(preds), len(golds), _content_weight(preds, golds, with_source=True))
    scores = AttributionScores(
        doc=gold.doc,
        annotation=gold.annotation.name if gold.annotation else None,
        content=Overlap(pairs=len(pairs), predicted=len(preds), gold=len(golds)),
        whole=Overlap(pairs=len(whole), predicted=len(preds), gold=len(golds)),
    )
    mistakes = []
    for p, g in pairs:
        scores.source.matched += 1
        scores.cue.matched += 1
        for part, agreement, kind in (("source", scores.source, "wrong_source"), ("cue", scores.cue, "wrong_cue")):
            if agree(getattr(preds[p], part), getattr(golds[g], part)):
                agreement.agree += 1
            else:
                mistakes.append(_mistake(gold.doc, kind, preds[p], golds[g]))
    paired_preds, paired_golds = {p for p, _ in pairs}, {g for _, g in pairs}
    mistakes += [_mistake(gold.doc, "missed", None, a) for g, a in enumerate(golds) if g not in paired_golds]
    mistakes += [_mistake(gold.doc, "false_positive", a, None) for p, a in enumerate(preds) if p not in paired_preds]
    return scores, mistakes


def _predicted_doc(gold: BratDocument, predicted_docs: Sequence[str]) -> Optional[str]:
    """The predicted document an annotated article is; several candidates are an error."""
    candidates = [d for d in predicted_docs if doc_is(d, gold.doc)]
    if len(candidates) > 1:
        raise UsageError(f"gold for {gold.doc} matches several documents ({', '.join(candidates)}); evaluate them separately")
    return candidates[0] if candidates else None


def evaluate_attributions(
    golds: Sequence[BratDocument], claims: Sequence[Claim], documents: Optional[Sequence[str]] = None, gold_dir: str = ""
) -> AttributionReport:
    """Score claim records against brat attribution gold, per article and in total.

    Args:
        documents: the names of the articles that were read, if known; then
            gold for articles not read is left out (and listed).

    Raises:
        UsageError: two predicted documents match one annotated article.
    """
    by_doc: dict[str, list[Claim]] = {}
    for claim in claims:
        by_doc.setdefault(claim.doc, []).append(claim)
    predicted_docs = sorted(set(by_doc) | set(documents or []))
    report = AttributionReport(gold_dir=gold_dir)
    scored: set[str] = set()
    for gold in golds:
        predicted_doc = _predicted_doc(gold, predicted_docs)
        if documents is not None and predicted_doc is None:
            report.gold_without_documents.append(gold.doc)
            continue
        scores, mistakes = score_document(gold, by_doc.get(predicted_doc, []) if predicted_doc else [])
        scores.predicted_doc = predicted_doc
        report.documents.append(scores)
        report.mistakes += mistakes
        scored.add(predicted_doc or "")
    report.documents_without_gold = [d for d in predicted_docs if d not in scored]
    for row in report.documents:
        report.total = report.total + row
    return report

"""Score predicted claims against gold annotations: what `argmine evaluate` reports.

Pure on purpose (no spaCy, no Typer/Rich): it takes claim records however they
were produced — a fresh run, the store, a JSON Lines file — so the same numbers
come out of the CLI, the ratchet test and a user's notebook. The format of the
gold files and these rules are documented for annotators in
`docs/gold-format.md`; the two must be kept in step.

Scoring, exactly:

* **Documents.** Gold file `X.json` annotates the article named by its `doc`
  field (`X.txt`); it scores the predicted claims whose `doc` is `X.txt` or
  ends with `/X.txt`. A gold document without predicted claims still counts
  (every required claim is a miss). When `documents` is given (the articles
  that were read), gold files for articles that were not read are left out
  and listed; predicted documents with no gold file are never scored, only
  listed.
* **Normalising.** For every comparison: curly quotes and apostrophes become
  straight ones, runs of whitespace one space, ends stripped, casefolded.
* **Actors.** A predicted actor matches a gold actor when one of its names
  (name or alias, normalised, leading titles such as Dr/Sir/Prof/Mr dropped)
  equals one of the gold actor's names; for a gold `person`, also when the last
  words (surnames) agree. A predicted actor of kind `author` matches a gold
  actor of kind `author`, unless it already matches some gold actor of the
  document by name (a signed comment's signer is not the writer).
* **Matching.** A predicted claim matches a gold claim when the gold anchor is
  a substring of the predicted `text` and the actors match. Claims are scored
  in two pools: gold claims of mode direct/indirect against predicted claims
  of mode direct/indirect (*attributed*), gold `author` claims against
  predicted `author` claims. Within a document and pool the matching is
  one-to-one and maximum (augmenting paths), required gold claims first, so
  the number of matched required claims is as high as it can be.
* **Counting.** A prediction matched to a required gold claim is a TP; one
  matched to an optional gold claim is not counted (only tallied as
  `optional`); an unmatched prediction
  that could have matched a (required or optional) gold claim that another
  prediction took is a *duplicate*, and an FP. An unmatched required gold
  claim is an FN; an unmatched optional one is nothing. Every other predicted
  attributed claim is an FP. Author annotation is not exhaustive, so another
  predicted author claim is an FP only when its text contains some gold anchor
  (of any claim, any actor) or some `non_claims` string, and is otherwise not
  scored.
* **Ratios.** Precision TP/(TP+FP), recall TP/(TP+FN), F1 their harmonic mean;
  `None` where the denominator is zero. Totals sum the counts over documents
  first (micro-averaging).
* **Stance.** Over matched pairs of both pools (optional gold claims
  included) whose gold claim is not `stance_optional`: a 4×4 confusion table
  (gold × predicted), and macro-F1, the mean over the labels that occur in
  gold or prediction of F1 = 2·agree / (gold count + predicted count). The
  total is computed on all pairs pooled, not averaged over documents.
* **Mode accuracy.** Over matched attributed pairs: predicted mode == gold mode.
* **Speakers.** Gold speakers: the non-optional gold actors with at least one
  required claim. Predicted speakers: the distinct actors (by id) of the
  document's predicted claims, any mode. Recall: gold speakers matched by some
  predicted speaker; precision: predicted speakers that match some gold actor
  of the document (optional actors too).
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Literal, Optional, Sequence, Union

from pydantic import BaseModel, Field, computed_field

from argmine.errors import UsageError
from argmine.gold import GoldActor, GoldClaim, GoldDocument, load_gold_dir
from argmine.records import STANCES, Actor, Claim, Document
from argmine.actor_names import without_honorifics

if TYPE_CHECKING:  # attribution_scores builds on this module
    from argmine.attribution_scores import AttributionReport

Pool = Literal["attributed", "author"]


#: The figures the ratchet guards and the CLI headlines, in that order.
HEADLINE_FIGURES: tuple[str, ...] = (
    "attributed_precision",
    "attributed_recall",
    "attributed_f1",
    "author_precision",
    "author_recall",
    "stance_macro_f1",
    "mode_accuracy",
    "speaker_precision",
    "speaker_recall",
    "duplicates",
)

_QUOTES = str.maketrans(
    {
        "\u2018": "'",  # ‘
        "\u2019": "'",  # ’
        "\u201a": "'",  # ‚
        "\u201b": "'",  # ‛
        "\u2032": "'",  # ′ (prime, often typed for an apostrophe)
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u201e": '"',  # „
        "\u201f": '"',  # ‟
        "\u2033": '"',  # ″
    }
)
_WHITESPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The form texts are compared in: straight quotes, single spaces, casefolded."""
    return _WHITESPACE.sub(" ", text.translate(_QUOTES)).strip().casefold()


def name_key(name: str) -> str:
    """A name as actors are compared: folded, leading honorifics ("Dr", "Prof.") dropped."""
    return without_honorifics(name)


def ratio(num: int, den: int) -> Optional[float]:
    """num / den, or None when there is nothing to divide by (a figure that is undefined)."""
    return num / den if den else None


def _f1(precision: Optional[float], recall: Optional[float]) -> Optional[float]:
    if precision is None or recall is None:
        return None
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


# --------------------------------------------------------------------------- report


class Counts(BaseModel):
    """True/false positives and false negatives of one pool, with the ratios."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    optional: int = Field(default=0, description="Predictions matched to optional gold claims: not counted.")

    @computed_field
    @property
    def precision(self) -> Optional[float]:
        return ratio(self.tp, self.tp + self.fp)

    @computed_field
    @property
    def recall(self) -> Optional[float]:
        return ratio(self.tp, self.tp + self.fn)

    @computed_field
    @property
    def f1(self) -> Optional[float]:
        return _f1(self.precision, self.recall)

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(
            tp=self.tp + other.tp, fp=self.fp + other.fp, fn=self.fn + other.fn, optional=self.optional + other.optional
        )


def _empty_confusion() -> dict[str, dict[str, int]]:
    return {gold: {pred: 0 for pred in STANCES} for gold in STANCES}


class StanceScores(BaseModel):
    """Stance on matched claims: confusion table (gold label → predicted label → count) and macro-F1."""

    confusion: dict[str, dict[str, int]] = Field(default_factory=_empty_confusion)

    @computed_field
    @property
    def pairs(self) -> int:
        return sum(sum(row.values()) for row in self.confusion.values())

    @computed_field
    @property
    def per_label_f1(self) -> dict[str, float]:
        scores: dict[str, float] = {}
        for label in STANCES:
            in_gold = sum(self.confusion[label].values())
            predicted = sum(row[label] for row in self.confusion.values())
            if in_gold + predicted:
                scores[label] = 2 * self.confusion[label][label] / (in_gold + predicted)
        return scores

    @computed_field
    @property
    def macro_f1(self) -> Optional[float]:
        scores = self.per_label_f1
        return sum(scores.values()) / len(scores) if scores else None

    def __add__(self, other: "StanceScores") -> "StanceScores":
        return StanceScores(
            confusion={g: {p: self.confusion[g][p] + other.confusion[g][p] for p in STANCES} for g in STANCES}
        )


class ModeScores(BaseModel):
    """Direct vs indirect on matched attributed claims."""

    matched: int = 0
    correct: int = 0

    @computed_field
    @property
    def accuracy(self) -> Optional[float]:
        return ratio(self.correct, self.matched)

    def __add__(self, other: "ModeScores") -> "ModeScores":
        return ModeScores(matched=self.matched + other.matched, correct=self.correct + other.correct)


class SpeakerScores(BaseModel):
    """Who speaks: gold speakers found, predicted speakers right, and the names that were not."""

    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0
    missed: list[str] = Field(default_factory=list, description="Gold speakers no predicted actor matched.")
    spurious: list[str] = Field(default_factory=list, description="Predicted actors that match no gold actor.")

    @computed_field
    @property
    def precision(self) -> Optional[float]:
        return ratio(self.correct, self.predicted)

    @computed_field
    @property
    def recall(self) -> Optional[float]:
        return ratio(self.found, self.gold)


class DocumentScores(BaseModel):
    """The scores of one gold document, or (doc == "TOTAL") of all of them."""

    doc: str = Field(description="The gold document's `doc` name, 'TOTAL', or the genre or target of a group row.")
    predicted_doc: Optional[str] = Field(default=None, description="The predicted `doc` scored against it.")
    genre: Optional[str] = Field(default=None, description="The gold file's genre, when it gives one.")
    target: Optional[str] = Field(default=None, description="The gold file's target.")
    documents: int = Field(default=1, description="How many documents the row sums.")
    predicted_claims: int = 0
    attributed: Counts = Field(default_factory=Counts)
    author: Counts = Field(default_factory=Counts)
    author_unscored: int = Field(default=0, description="Predicted author claims outside annotated sentences.")
    duplicates: int = 0
    stance: StanceScores = Field(default_factory=StanceScores)
    mode: ModeScores = Field(default_factory=ModeScores)
    speakers: SpeakerScores = Field(default_factory=SpeakerScores)

    def figures(self) -> dict[str, float | int | None]:
        """The headline figures of this row, keyed as in `HEADLINE_FIGURES`."""
        return {
            "attributed_precision": self.attributed.precision,
            "attributed_recall": self.attributed.recall,
            "attributed_f1": self.attributed.f1,
            "author_precision": self.author.precision,
            "author_recall": self.author.recall,
            "stance_macro_f1": self.stance.macro_f1,
            "mode_accuracy": self.mode.accuracy,
            "speaker_precision": self.speakers.precision,
            "speaker_recall": self.speakers.recall,
            "duplicates": self.duplicates,
        }


MistakeKind = Literal["missed", "false_positive", "duplicate", "wrong_stance", "wrong_mode"]


class Mistake(BaseModel):
    """One thing that went wrong, with enough context to see why."""

    doc: str
    kind: MistakeKind
    pool: Pool
    anchor: Optional[str] = Field(default=None, description="The gold claim's anchor, when one is involved.")
    text: Optional[str] = Field(default=None, description="The predicted claim's text, when one is involved.")
    claim_id: Optional[str] = None
    gold_actor: Optional[str] = None
    gold_mode: Optional[str] = None
    gold_stance: Optional[str] = None
    predicted_actor: Optional[str] = None
    predicted_mode: Optional[str] = None
    predicted_stance: Optional[str] = None
    rule: Optional[str] = Field(default=None, description="The rule that produced the predicted claim.")
    note: str = ""


class EvaluationReport(BaseModel):
    """Everything `evaluate` found: per-document rows, the total row and every mistake."""

    kind: Literal["claims"] = "claims"
    gold_dir: str
    documents: list[DocumentScores] = Field(default_factory=list)
    total: DocumentScores = Field(default_factory=lambda: DocumentScores(doc="TOTAL", documents=0))
    by_genre: list[DocumentScores] = Field(default_factory=list, description="One row per genre (gold files without one: '-').")
    by_target: list[DocumentScores] = Field(default_factory=list, description="One row per target.")
    mistakes: list[Mistake] = Field(default_factory=list)
    documents_without_gold: list[str] = Field(default_factory=list, description="Predicted docs no gold file names.")
    gold_without_documents: list[str] = Field(
        default_factory=list, description="Gold docs left out because their article was not among those read."
    )
    warnings: list[str] = Field(default_factory=list)

    def headline(self) -> dict[str, float | int | None]:
        """The headline figures of the total row, keyed as in `HEADLINE_FIGURES`."""
        return self.total.figures()


# --------------------------------------------------------------------------- actors


#: A report of either kind: claim gold (EvaluationReport) or brat attribution gold (AttributionReport).
Report = Union["EvaluationReport", "AttributionReport"]


def _name_keys(names: Iterable[str]) -> set[str]:
    return {key for key in map(name_key, names) if key}


def _surnames(keys: Iterable[str]) -> set[str]:
    return {key.rsplit(" ", 1)[-1] for key in keys}


class _ActorMatcher:
    """Which gold actors of one document a predicted actor is."""

    def __init__(self, gold: GoldDocument):
        self.gold = gold
        self._gold_keys = {a.id: _name_keys(a.names) for a in gold.actors}
        self._cache: dict[tuple, frozenset[str]] = {}

    def _by_name(self, pred_keys: set[str], actor: GoldActor) -> bool:
        gold_keys = self._gold_keys[actor.id]
        if pred_keys & gold_keys:
            return True
        return actor.kind == "person" and bool(_surnames(pred_keys) & _surnames(gold_keys))

    def matches(self, pred: Actor) -> frozenset[str]:
        """Ids of the gold actors `pred` matches; a match by name excludes the match by kind."""
        key = (pred.id, pred.name, pred.kind, tuple(pred.aliases))
        if key not in self._cache:
            pred_keys = _name_keys([pred.name, *pred.aliases])
            found = {a.id for a in self.gold.actors if self._by_name(pred_keys, a)}
            if not found and pred.kind == "author":
                found = {a.id for a in self.gold.actors if a.kind == "author"}
            self._cache[key] = frozenset(found)
        return self._cache[key]


# --------------------------------------------------------------------------- matching


def max_matching(edges: Sequence[Sequence[int]], order: Sequence[int]) -> dict[int, int]:
    """Maximum one-to-one matching by augmenting paths (Kuhn's algorithm).

    `edges[g]` lists the predictions gold claim `g` may take, in preference
    order; gold claims are tried in `order`. A gold claim once matched stays
    matched (augmenting paths only re-route it), so trying required claims
    first maximises the required ones before any optional one is placed.

    Returns:
        prediction index → gold index.
    """
    owner: dict[int, int] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for p in edges[g]:
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or augment(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in order:
        augment(g, set())
    return owner


def _pool(mode: str) -> Pool:
    return "author" if mode == "author" else "attributed"


def _sort_key(claim: Claim) -> tuple:
    return (claim.start, claim.end, claim.id)


class _DocumentScorer:
    """Scores the predicted claims of one document against its gold file."""

    def __init__(self, gold: GoldDocument, claims: list[Claim]):
        self.gold = gold
        self.claims = sorted(claims, key=_sort_key)
        self.actors = _ActorMatcher(gold)
        self.texts = [normalise(c.text) for c in self.claims]
        self.anchors = [normalise(g.anchor) for g in gold.claims]
        self.non_claims = [normalise(t) for t in gold.non_claims]
        self.scores = DocumentScores(doc=gold.doc, predicted_claims=len(self.claims))
        self.mistakes: list[Mistake] = []

    # -- helpers

    def _gold_actor_name(self, claim: GoldClaim) -> str:
        return self.gold.actor(claim.actor).name

    def _contained_gold(self, p: int, pool: Pool) -> Optional[int]:
        """A gold claim whose anchor the prediction's text contains (same pool first)."""
        hits = [g for g, anchor in enumerate(self.anchors) if anchor in self.texts[p]]
        hits.sort(key=lambda g: _pool(self.gold.claims[g].mode) != pool)
        return hits[0] if hits else None

    def _non_claim(self, p: int) -> Optional[str]:
        for text, norm in zip(self.gold.non_claims, self.non_claims):
            if norm in self.texts[p]:
                return text
        return None

    def _mistake(self, kind: MistakeKind, pool: Pool, g: Optional[int], p: Optional[int], note: str) -> None:
        gold = self.gold.claims[g] if g is not None else None
        pred = self.claims[p] if p is not None else None
        self.mistakes.append(
            Mistake(
                doc=self.gold.doc,
                kind=kind,
                pool=pool,
                anchor=gold.anchor if gold else None,
                text=pred.text if pred else None,
                claim_id=pred.id if pred else None,
                gold_actor=self._gold_actor_name(gold) if gold else None,
                gold_mode=gold.mode if gold else None,
                gold_stance=gold.stance if gold else None,
                predicted_actor=pred.actor.name if pred else None,
                predicted_mode=pred.mode if pred else None,
                predicted_stance=pred.stance if pred else None,
                rule=pred.rule if pred else None,
                note=note,
            )
        )

    # -- scoring

    def score(self) -> tuple[DocumentScores, list[Mistake]]:
        for pool in ("attributed", "author"):
            self._score_pool(pool)
        self._score_speakers()
        return self.scores, self.mistakes

    def _score_pool(self, pool: Pool) -> None:
        golds = [g for g, c in enumerate(self.gold.claims) if _pool(c.mode) == pool]
        preds = [p for p, c in enumerate(self.claims) if _pool(c.mode) == pool]
        edges: dict[int, list[int]] = {
            g: [
                p
                for p in preds
                if self.anchors[g] in self.texts[p]
                and self.gold.claims[g].actor in self.actors.matches(self.claims[p].actor)
            ]
            for g in golds
        }
        required_first = sorted(golds, key=lambda g: self.gold.claims[g].optional)
        owner = max_matching([edges.get(g, []) for g in range(len(self.gold.claims))], required_first)
        matched_gold = {g: p for p, g in owner.items()}
        counts = self.scores.attributed if pool == "attributed" else self.scores.author

        for g in golds:
            claim = self.gold.claims[g]
            if g in matched_gold:
                self._score_pair(pool, g, matched_gold[g])
            elif not claim.optional:
                counts.fn += 1
                self._report_miss(pool, g)

        for p in preds:
            if p in owner:
                if self.gold.claims[owner[p]].optional:
                    counts.optional += 1
                else:
                    counts.tp += 1
                continue
            taken = [g for g in golds if p in edges[g]]
            if taken:
                counts.fp += 1
                self.scores.duplicates += 1
                first = matched_gold.get(taken[0])
                by = f" by {self.claims[first].id}" if first is not None else ""
                self._mistake("duplicate", pool, taken[0], p, f"the gold claim is already matched{by}")
                continue
            contained = self._contained_gold(p, pool)
            non_claim = self._non_claim(p)
            if pool == "author" and contained is None and non_claim is None:
                self.scores.author_unscored += 1
                continue
            counts.fp += 1
            if non_claim is not None:
                note = f"contains the non-claim {non_claim!r}"
                contained = None
            elif contained is not None:
                note = "the sentence holds this gold claim, by another actor or in another mode"
            else:
                note = "no gold claim in this sentence"
            self._mistake("false_positive", pool, contained, p, note)

    def _score_pair(self, pool: Pool, g: int, p: int) -> None:
        gold, pred = self.gold.claims[g], self.claims[p]
        if not gold.stance_optional:
            self.scores.stance.confusion[gold.stance][pred.stance] += 1
            if pred.stance != gold.stance:
                self._mistake("wrong_stance", pool, g, p, "")
        if pool == "attributed":
            self.scores.mode.matched += 1
            if pred.mode == gold.mode:
                self.scores.mode.correct += 1
            else:
                self._mistake("wrong_mode", pool, g, p, "")

    def _report_miss(self, pool: Pool, g: int) -> None:
        """A missed gold claim, with the prediction on its sentence if there is one (wrong actor? mode?)."""
        on_sentence = [p for p, text in enumerate(self.texts) if self.anchors[g] in text]
        on_sentence.sort(key=lambda p: _pool(self.claims[p].mode) != pool)
        near = on_sentence[0] if on_sentence else None
        if near is None:
            self._mistake("missed", pool, g, None, "no predicted claim contains the anchor")
            return
        pred = self.claims[near]
        if _pool(pred.mode) != pool:
            why = f"predicted in mode {pred.mode}"
        elif self.gold.claims[g].actor not in self.actors.matches(pred.actor):
            why = "predicted actor does not match"
        else:
            why = "the predicted claim went to another gold claim"
        self._mistake("missed", pool, g, near, why)

    def _score_speakers(self) -> None:
        required_actors = {c.actor for c in self.gold.claims if not c.optional}
        gold_speakers = [a for a in self.gold.actors if not a.optional and a.id in required_actors]
        predicted: dict[str, Actor] = {}
        for claim in self.claims:
            predicted.setdefault(claim.actor.id, claim.actor)
        matched_ids: set[str] = set()
        s = self.scores.speakers
        for actor in predicted.values():
            ids = self.actors.matches(actor)
            matched_ids |= ids
            if ids:
                s.correct += 1
            else:
                s.spurious.append(actor.name)
        for actor in gold_speakers:
            if actor.id in matched_ids:
                s.found += 1
            else:
                s.missed.append(actor.name)
        s.gold, s.predicted = len(gold_speakers), len(predicted)


# --------------------------------------------------------------------------- documents


def doc_is(predicted_doc: str, gold_doc: str) -> bool:
    """`X.txt` and `any/folder/X.txt` are the article gold file `X.json` annotates."""
    path = predicted_doc.replace("\\", "/")
    return path == gold_doc or path.endswith("/" + gold_doc)


def _anchor_warnings(gold: GoldDocument, document: Document) -> list[str]:
    """Anchors that occur nowhere in the article as read: annotation typos, certain misses."""
    if not document.segments:
        return []
    texts = [normalise(seg.text) for seg in document.segments]
    return [
        f"{gold.doc}: anchor not found in the article: {claim.anchor!r}"
        for claim in gold.claims
        if not any(normalise(claim.anchor) in text for text in texts)
    ]


def _total(rows: list[DocumentScores], name: str = "TOTAL") -> DocumentScores:
    total = DocumentScores(doc=name, documents=0)
    for row in rows:
        total.documents += row.documents
        total.predicted_claims += row.predicted_claims
        total.attributed += row.attributed
        total.author += row.author
        total.author_unscored += row.author_unscored
        total.duplicates += row.duplicates
        total.stance += row.stance
        total.mode += row.mode
        s, r = total.speakers, row.speakers
        s.gold += r.gold
        s.found += r.found
        s.predicted += r.predicted
        s.correct += r.correct
        s.missed += [f"{row.doc}: {name}" for name in r.missed]
        s.spurious += [f"{row.doc}: {name}" for name in r.spurious]
    return total


def evaluate_gold(
    golds: list[GoldDocument],
    claims: list[Claim],
    documents: Optional[list[Document]] = None,
    gold_dir: str = "",
) -> EvaluationReport:
    """Score `claims` against already loaded gold documents (see the module docstring).

    Raises:
        UsageError: two predicted documents (in different folders) both match one gold file.
    """
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_doc[claim.doc].append(claim)
    read = {d.doc: d for d in documents or []}
    predicted_docs = sorted(set(by_doc) | set(read))

    report = EvaluationReport(gold_dir=gold_dir)
    graded: set[str] = set()
    for gold in golds:
        candidates = [d for d in predicted_docs if doc_is(d, gold.doc)]
        if len(candidates) > 1:
            raise UsageError(
                f"gold file for {gold.doc} matches several documents ({', '.join(candidates)}); evaluate them separately"
            )
        predicted_doc = candidates[0] if candidates else None
        if documents is not None and predicted_doc is None:
            report.gold_without_documents.append(gold.doc)
            continue
        doc_claims = by_doc.get(predicted_doc, []) if predicted_doc else []
        scores, mistakes = _DocumentScorer(gold, doc_claims).score()
        scores.predicted_doc, scores.genre, scores.target = predicted_doc, gold.genre, gold.target
        report.documents.append(scores)
        report.mistakes += mistakes
        if predicted_doc:
            graded.add(predicted_doc)
            targets = sorted({c.target for c in doc_claims} - {gold.target})
            if targets:
                report.warnings.append(
                    f"{gold.doc}: claims are about {', '.join(targets)}, the gold about {gold.target}; stances compared anyway"
                )
            if predicted_doc in read:
                report.warnings += _anchor_warnings(gold, read[predicted_doc])
    report.documents_without_gold = [d for d in predicted_docs if d not in graded]
    report.total = _total(report.documents)
    report.by_genre = _groups(report.documents, lambda row: row.genre or "-")
    report.by_target = _groups(report.documents, lambda row: row.target or "-")
    return report


def _groups(rows: list[DocumentScores], key: Callable[[DocumentScores], str]) -> list[DocumentScores]:
    """Rows summed by a key (genre, target), micro-averaged like the total; sorted by key."""
    grouped: dict[str, list[DocumentScores]] = defaultdict(list)
    for row in rows:
        grouped[key(row)].append(row)
    return [_total(members, name) for name, members in sorted(grouped.items())]


def evaluate(gold_dir: Path, claims: list[Claim], documents: Optional[list[Document]] = None) -> EvaluationReport:
    """Score predicted claims against the gold files in `gold_dir`.

    Args:
        gold_dir: folder of gold files (`*.json`, one per article).
        claims: the predicted claim records, any number of documents.
        documents: the articles that were read, if known. Then only their gold
            files are scored (others are listed in `gold_without_documents`),
            and gold anchors are checked against their text.

    Raises:
        GoldError: the gold folder is missing, empty or holds a malformed file.
        UsageError: a gold file matches two predicted documents.
    """
    return evaluate_gold(load_gold_dir(Path(gold_dir)), claims, documents, gold_dir=str(gold_dir))

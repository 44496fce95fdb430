"""The spaCy component ``argmine_stance``: stance toward the target for every claim of a Doc."""

from __future__ import annotations

import json
from pathlib import Path
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Optional, Sequence, Union

from spacy.language import Language
from spacy.tokens import Doc

from argmine.components import extensions  # noqa: F401  (registers doc._.claims)
from argmine.components.contract import ClaimDict
from argmine.components.stance.coherence import cohere
from argmine.components.stance.context import DocContext, decisive, from_context, goal_and_means, paragraph_starts
from argmine.components.stance.learned import adapted_model, features, load_model, masked_tokens
from argmine.components.stance.lexicon import Lexicon
from argmine.components.stance.mentions import find_mentions, in_domain
from argmine.components.stance.premises import argues_nothing
from argmine.components.stance.reading import from_model, stance_of
from argmine.components.stance.result import StanceResult
from argmine.components.stance.settings import DEFAULT_SETTINGS, Settings
from argmine.components.stance.text import DOC_PIECES, Source, pieces_of
from argmine.target import DEFAULT_TARGET, Target, resolve_target


@Language.factory(
    "argmine_stance",
    assigns=["doc._.claims"],
    default_config={"target": DEFAULT_TARGET, "also": []},
)
def make_stance(
    nlp: Language, name: str, target: Union[str, Dict[str, Any]], also: List[Union[str, Dict[str, Any]]]
) -> "StanceComponent":
    """spaCy factory: ``nlp.add_pipe("argmine_stance", config={"target": "integration"})``.

    `target` is a bundled name, a target file, or a target definition (what
    `argmine.pipeline` passes: the run's resolved target, by value); `also`
    the run's other targets (``--target`` given again), each read alone."""
    return StanceComponent(nlp, name, target=resolve_target(target), also=[resolve_target(t) for t in also])


@dataclass
class _Reading:
    """What reading toward one target needs: the target, its lexicon, its adapted model."""

    target: Target
    lexicon: Lexicon
    model: Any

    @classmethod
    def of(cls, target: Target, base: Lexicon) -> "_Reading":
        return cls(target, base.with_target(target), adapted_model(load_model(), target))


class StanceComponent:
    """Adds stance, stance_score, stance_evidence, stance_basis and target to every claim in ``doc._.claims``.

    Runs after attribution; leaves ``doc._.claims`` as it is when it is None.
    """

    def __init__(self, nlp: Optional[Language], name: str = "argmine_stance", *, target: Target,
                 lexicon: Optional[Lexicon] = None, settings: Settings = DEFAULT_SETTINGS,
                 also: Sequence[Target] = ()):
        self.name = name
        self.target = target
        self.settings = settings
        self._base_lexicon = lexicon or Lexicon.default()
        self.lexicon = self._base_lexicon.with_target(target)
        self.model = adapted_model(load_model(), target)
        self.also = [_Reading.of(t, self._base_lexicon) for t in also]

    def use_target(self, target: Target) -> None:
        """Read toward another target from now on (its lexicon additions and examples too)."""
        self.target = target
        self.lexicon = self._base_lexicon.with_target(target)
        self.model = adapted_model(load_model(), target)

    def __call__(self, doc: Doc) -> Doc:
        claims: Optional[list[ClaimDict]] = doc._.claims
        if not claims:
            return doc
        first = _Reading(self.target, self.lexicon, self.model)
        results = self._read(doc, claims, first)
        others = [(reading.target.name, self._read(doc, claims, reading)) for reading in self.also]
        for i, claim in enumerate(claims):
            _write_result(claim, results[i], self.target.name)
            claim["stances"] = [_entry(results[i], self.target.name)] + [
                _entry(found[i], name) for name, found in others if concerns(found[i])
            ]
        return doc

    def _read(self, doc: Doc, claims: list[ClaimDict], reading: "_Reading") -> list[StanceResult]:
        """Every claim's stance toward one target, as a run about that target alone would read it."""
        saved = self.target, self.lexicon, self.model
        self.target, self.lexicon, self.model = reading.target, reading.lexicon, reading.model
        try:
            return self._results(doc, claims)
        finally:
            self.target, self.lexicon, self.model = saved

    def _results(self, doc: Doc, claims: list[ClaimDict]) -> list[StanceResult]:
        pieces = pieces_of(doc)
        domain = in_domain(doc, self.target, pieces)
        text = doc.text
        named = len(find_mentions(Source(text), pieces, self.target, domain=domain))
        anaphora = bool(named)
        # the learned model reads claims without a mention only in a text about the target
        topical = named >= self.settings.model_doc_mentions
        doc.user_data[DOC_PIECES] = ([piece.start for piece in pieces], pieces)
        try:
            results = [self._own(doc, claim, anaphora, domain) for claim in claims]
            ctx = DocContext(doc, text, claims, results, paragraph_starts(text), self.target, self.settings,
                             anaphora, domain, topical)
            for i, claim in enumerate(claims):
                results[i] = goal_and_means(ctx, i) or results[i]  # "a sound idea at the wrong pace": mixed
                if not decisive(results[i]) and not argues_nothing(text[slice(*claim["content"])]):
                    results[i] = (self._context(ctx, doc, i, domain)
                                  or self._from_model(doc, claim, results[i], topical, domain) or results[i])
            cohere(claims, results, ctx.follows, text, damp=self.settings.inherit_damp)
        finally:
            del doc.user_data[DOC_PIECES]  # Piece objects must not travel with a serialised Doc
        return results

    def _own(self, doc: Doc, claim: dict, anaphora: bool, domain: bool) -> StanceResult:
        start, end = claim["content"]
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return StanceResult("neutral", 0.0, basis="none")
        cue = source = None
        if claim.get("cue"):
            cue = doc.char_span(claim["cue"][0], claim["cue"][1], alignment_mode="expand")
        if claim.get("source"):
            source = doc.char_span(claim["source"][0], claim["source"][1], alignment_mode="expand")
        return stance_of(span, self.target, self.lexicon, cue=cue, source=source, anaphora=anaphora, domain=domain,
                         settings=self.settings)

    def _context(self, ctx: DocContext, doc: Doc, i: int, domain: bool) -> Optional[StanceResult]:
        """The claim's stance from its context; inherited support is dropped when the learned
        model reads the claim's own words as opposition with some confidence (inheritance is
        right about half the time, and its errors are mostly opposition read as support)."""
        result = from_context(ctx, i)
        veto = self.settings.inherit_veto
        if result is None or result.basis != "context" or result.label != "support" or not veto or self.model is None:
            return result
        probs = self.model.probabilities(features(self._tokens(doc, ctx.claims[i], ctx.results[i], domain)))
        return None if probs["oppose"] >= veto else result

    def _tokens(self, doc: Doc, claim: dict, own: StanceResult, domain: bool) -> list[str]:
        """The words the model reads: the claim's whole sentence, target mentions masked."""
        if self.settings.model_reads_sentence and claim.get("text") and claim["text"] != claim["content"]:
            span = doc.char_span(*claim["text"], alignment_mode="expand")
            if span is not None and len(span):
                pieces = pieces_of(span)
                return masked_tokens(pieces, find_mentions(Source.of(span), pieces, self.target, domain=domain))
        return own.tokens

    def _from_model(self, doc: Doc, claim: dict, own: StanceResult, topical: bool, domain: bool) -> Optional[StanceResult]:
        """The learned model's reading of a claim neither its words nor its context decided.

        It reads the claim's whole sentence (its content with the attribution: "accused
        the board of ...") as it was trained to, in a text about the target or where the
        sentence names the target itself."""
        if self.model is None or self.settings.model_min >= 1 or own.basis != "none":
            return None
        tokens = self._tokens(doc, claim, own, domain)
        if not (topical or "<tgt>" in tokens or "<opp>" in tokens):
            return None
        return from_model(self.model, tokens, self.settings)

    # ---------------------------------------------------------------- serialisation

    def to_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        _write(path / "target.json", json.dumps(self.target.model_dump(mode="json"), indent=1, ensure_ascii=False))
        _write(path / "evaluative.json", json.dumps(self._base_lexicon.curated, indent=1, ensure_ascii=False))
        _write(path / "evaluative.vader.tsv",
               "".join(f"{w}\t{v}\n" for w, v in sorted(self._base_lexicon.vader.items())))
        _write(path / "settings.json", json.dumps(self.settings.__dict__, indent=1))
        _write(path / "also.json", json.dumps([r.target.model_dump(mode="json") for r in self.also], indent=1, ensure_ascii=False))

    def from_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = ()) -> "StanceComponent":
        path = Path(path)
        self.target = Target.model_validate_json((path / "target.json").read_text(encoding="utf-8"))
        self._base_lexicon = Lexicon.from_files(path / "evaluative.json", path / "evaluative.vader.tsv")
        self.lexicon = self._base_lexicon.with_target(self.target)
        self.model = adapted_model(load_model(), self.target)
        also_file = path / "also.json"
        if also_file.exists():
            saved_also = json.loads(also_file.read_text(encoding="utf-8"))
            self.also = [_Reading.of(Target.model_validate(t), self._base_lexicon) for t in saved_also]
        settings_file = path / "settings.json"
        if settings_file.exists():
            saved = json.loads(settings_file.read_text(encoding="utf-8"))
            known = {f for f in Settings.__dataclass_fields__}
            self.settings = Settings(**{k: v for k, v in saved.items() if k in known})
        return self


def concerns(result: StanceResult) -> bool:
    """Whether a claim concerns a target: it names the target or its opposite, or its words,
    cue, topic, context or the learned model decided a stance toward it."""
    return result.has_target or result.basis != "none"


def _entry(result: StanceResult, target_name: str) -> Dict[str, Any]:
    """One entry of a claim's ``stances``: its stance toward one target."""
    return {"target": target_name, "stance": result.label, "stance_score": result.score,
            "stance_evidence": list(result.evidence), "stance_basis": result.basis}


def _write_result(claim: dict, result: StanceResult, target_name: str) -> None:
    claim["stance"] = result.label
    claim["stance_score"] = result.score
    claim["stance_evidence"] = result.evidence
    claim["target"] = target_name
    claim["stance_basis"] = result.basis


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)

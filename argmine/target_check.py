"""`argmine target check`: how a target file meets a user's corpus.

A target is only as good as its terms. This reads the corpus with argmine's
pipeline and reports, so that a user can widen a target without reading code:

* every term of the file, how often it occurs (and in how many documents),
  and which extracted claims it touches;
* the terms that never occur (candidates to drop or respell);
* candidate terms: noun phrases the corpus uses in the same sentences as the
  target's mentions, ranked by association (log-likelihood G², Dunning 1993)
  against the rest of the corpus.

The library never prints: :func:`check_target` returns a :class:`TargetReport`.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from pydantic import BaseModel, Field

from argmine.errors import InputError
from argmine.target import Target

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span

#: Words a candidate phrase may not start or end with, and at most this many words.
_PHRASE_MAX = 3
_NOUN_TAGS = frozenset({"NOUN", "PROPN"})
_MODIFIER_TAGS = frozenset({"NOUN", "PROPN", "ADJ"})


class TermUse(BaseModel):
    term: str
    side: str = Field(description="pro (names the target) or con (names its opposite)")
    occurrences: int = 0
    documents: int = 0
    claims: int = Field(default=0, description="Extracted claims whose content mentions the term.")
    examples: list[str] = Field(default_factory=list, description="Up to three claims it touches.")


class Candidate(BaseModel):
    phrase: str
    with_target: int = Field(description="Sentences holding both the phrase and a target mention.")
    total: int = Field(description="Sentences holding the phrase.")
    score: float = Field(description="Log-likelihood G² of the association (higher: more tied to the target).")


class TargetReport(BaseModel):
    target: str
    documents: int = 0
    sentences: int = 0
    sentences_with_target: int = 0
    claims: int = 0
    claims_with_target: int = 0
    terms: list[TermUse] = Field(default_factory=list)
    unused: list[str] = Field(default_factory=list)
    candidates: list[Candidate] = Field(default_factory=list)


def check_target(target: Target, docs: Iterable["Doc"], *, candidates: int = 20) -> TargetReport:
    """Term use and candidate terms over documents already run through argmine's pipeline."""
    tally = _Tally(target)
    for doc in docs:
        tally.add_document(doc)
    return tally.report(candidates)


class _Tally:
    """Counts gathered document by document."""

    def __init__(self, target: Target):
        self.target = target
        self.report_ = TargetReport(target=target.name)
        self.uses = {t.term: TermUse(term=t.term, side="pro") for t in target.pro}
        self.uses.update({t.term: TermUse(term=t.term, side="con") for t in target.con})
        self.phrase_all: Counter[str] = Counter()
        self.phrase_with: Counter[str] = Counter()

    def add_document(self, doc: "Doc") -> None:
        from argmine.components.stance import in_domain

        self.report_.documents += 1
        domain = in_domain(doc, self.target)
        seen_in_doc: set[str] = set()
        for sent in doc.sents:
            found = _mentions_in(sent, self.target, domain)
            terms = [term for term, _ in found]
            self.report_.sentences += 1
            self.report_.sentences_with_target += bool(terms)
            for term in terms:
                self.uses[term].occurrences += 1
                seen_in_doc.add(term)
            surfaces = [surface.lower() for _, surface in found] + [t.lower() for t in terms]
            phrases = {p for p in _phrases(sent) if not _is_term_text(p, surfaces)}
            self.phrase_all.update(phrases)
            if terms:
                self.phrase_with.update(phrases)
        for term in seen_in_doc:
            self.uses[term].documents += 1
        self._claims(doc, domain)

    def _claims(self, doc: "Doc", domain: bool) -> None:
        for claim in doc._.claims or []:
            span = doc.char_span(*claim["content"], alignment_mode="expand")
            if span is None:
                continue
            self.report_.claims += 1
            terms = {term for term, _ in _mentions_in(span, self.target, domain)}
            self.report_.claims_with_target += bool(terms)
            for term in terms:
                use = self.uses[term]
                use.claims += 1
                if len(use.examples) < 3:
                    use.examples.append(_short(span.text))

    def report(self, limit: int) -> TargetReport:
        out = self.report_
        out.terms = sorted((u for u in self.uses.values() if u.occurrences), key=lambda u: (-u.occurrences, u.term))
        found = {_variant_key(u.term) for u in out.terms}
        # "low-traffic neighbourhoods" is not unused when "low-traffic neighbourhood" matched the same words
        out.unused = sorted(u.term for u in self.uses.values() if not u.occurrences and _variant_key(u.term) not in found)
        out.candidates = _ranked(self.phrase_with, self.phrase_all, out.sentences_with_target, out.sentences)[:limit]
        return out


def _variant_key(term: str) -> tuple[str, ...]:
    return tuple(w.lower().rstrip("s") for w in term.replace("-", " ").split())


def _mentions_in(span: "Span", target: Target, domain: bool) -> list[tuple[str, str]]:
    """(term, text as written) for each mention of a target term in the span."""
    from argmine.components.stance.mentions import find_mentions
    from argmine.components.stance.text import Source, pieces_of

    return [(m.term, m.text) for m in find_mentions(Source.of(span), pieces_of(span), target, domain=domain) if m.term]


def _phrases(sent: "Span") -> list[str]:
    """Noun phrases of one to three words (adjectives and nouns ending in a noun), lower-cased."""
    out = []
    run: list = []
    for tok in [*sent, None]:
        if tok is not None and tok.pos_ in _MODIFIER_TAGS and tok.is_alpha and not tok.is_stop:
            run.append(tok)
            continue
        while run and run[-1].pos_ not in _NOUN_TAGS:
            run.pop()
        for size in range(1, _PHRASE_MAX + 1):
            if len(run) >= size:
                out.append(" ".join(t.lower_ for t in run[-size:]))
        run = []
    return out


def _is_term_text(phrase: str, written: list[str]) -> bool:
    """A phrase that is, contains or is part of a mention already matched is no candidate."""
    return any(phrase in text or text in phrase for text in written)


def _g2(a: int, b: int, n_target: int, n: int) -> float:
    """Log-likelihood of the 2x2 table: phrase with/without a target mention in the sentence."""
    cells = [(a, b * n_target / n), (b - a, b * (n - n_target) / n)]
    rest = n - b
    cells += [(n_target - a, rest * n_target / n), (n - n_target - (b - a), rest * (n - n_target) / n)]
    return 2 * sum(o * math.log(o / e) for o, e in cells if o > 0 and e > 0)


def _ranked(with_target: Counter, total: Counter, n_target: int, n: int) -> list[Candidate]:
    if not n_target or n_target == n:
        return []
    out = []
    for phrase, a in with_target.items():
        b = total[phrase]
        if a < 2 or a / n_target <= b / n:  # seen twice with the target, and more often than chance
            continue
        out.append(Candidate(phrase=phrase, with_target=a, total=b, score=round(_g2(a, b, n_target, n), 2)))
    out.sort(key=lambda c: (-c.score, c.phrase))
    return _drop_contained(out)


def _drop_contained(ranked: list[Candidate]) -> list[Candidate]:
    """"care" under "social care" with the same counts says nothing new."""
    keep: list[Candidate] = []
    by_counts: dict[tuple[int, int], list[str]] = defaultdict(list)
    for c in ranked:
        if any(c.phrase in longer.split(" ") or c.phrase in longer for longer in by_counts[(c.with_target, c.total)]):
            continue
        by_counts[(c.with_target, c.total)].append(c.phrase)
        keep.append(c)
    return keep


def _short(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def read_corpus(paths: list[Path], target: str | Path, skipped: list[str] | None = None) -> Iterable["Doc"]:
    """Run argmine's pipeline (with `target`) over the articles under `paths`, yielding Docs with claims.

    Files that cannot be read are left out and listed in `skipped` ("path: reason").

    Raises:
        InputError: a path that does not exist.
    """
    from argmine.ingest import Skipped, iter_articles
    from argmine.pipeline import load_pipeline, prepare_doc

    for path in paths:
        if not Path(path).exists():
            raise InputError(f"{path}: no such file or folder")
    nlp = load_pipeline(target)
    for article in iter_articles(paths):
        if isinstance(article, Skipped):
            if skipped is not None:
                skipped.append(f"{article.path}: {article.reason}")
            continue
        yield nlp(prepare_doc(nlp, article, article.view("latest")))

"""Stance on gold folders, three ways: as users get it, with perfect attribution, and per speaker.

    python benchmarks/stance_dev.py [--set DIR ...] [--oracle-only] [--detail] [-v] [--json FILE]

A *set* is a folder of gold files (``X.json``) with the texts beside them or in
``texts/`` and, for targets that are not bundled, target files in ``targets/``
(the layout of ``../shared/gold/dev-blind`` and ``gold/dev``). The seeds are the
set ``gold/seeds`` with texts in ``seeds/``. Every document is read with the target
its gold file names.

Three measurements per set, each grouped by target and by genre (a gold file's
``genre``, else its name's prefix letter: ``n`` news, ``t`` transcripts):

* **pipeline**: ``argmine extract`` as a user runs it, scored as ``argmine evaluate``
  scores it (stance on matched claims only; the pairs depend on attribution).
* **oracle**: every gold claim's sentence becomes a claim with the gold actor, mode
  and cue, and the stance component labels them all (context included). This is
  stance with perfect attribution: it separates stance's errors from attribution's.
* **sides**: each gold speaker's claims aggregated as ``argmine actors`` does
  (:func:`argmine.aggregate.overall_stance`) against the same aggregate of the gold
  claims (required, stance scored). ``pipeline`` sides take every predicted claim
  of the predicted actors that match the gold speaker (a speaker not found is
  wrong); ``oracle`` sides take the oracle labels of the speaker's gold claims.

Macro-F1 is ``argmine evaluate``'s: the mean F1 over the labels in gold or prediction.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from argmine.aggregate import overall_stance  # noqa: E402
from argmine.components.stance import DEFAULT_SETTINGS  # noqa: E402
from argmine.evaluate import StanceScores, _ActorMatcher, evaluate_gold, normalise  # noqa: E402
from argmine.gold import GoldDocument, load_gold_dir  # noqa: E402
from argmine.records import STANCES  # noqa: E402

DEFAULT_SETS = (Path("/work/shared/gold/dev-blind"), REPO / "gold" / "seeds")
GENRES = {"n": "news", "t": "transcripts"}


@dataclass
class Tally:
    """Stance pairs and speakers' sides for one group of documents."""

    stance: StanceScores = field(default_factory=StanceScores)
    sides_right: int = 0
    sides: int = 0
    sides_found: int = 0
    basis: Counter = field(default_factory=Counter)  # "BASIS right" / "BASIS wrong" (oracle only)

    def add(self, other: "Tally") -> None:
        self.stance = self.stance + other.stance
        self.basis.update(other.basis)
        self.sides_right += other.sides_right
        self.sides += other.sides
        self.sides_found += other.sides_found

    def row(self) -> dict:
        s = self.stance
        return {
            "pairs": s.pairs,
            "macro_f1": round(s.macro_f1, 3) if s.macro_f1 is not None else None,
            "accuracy": round(sum(s.confusion[k][k] for k in STANCES) / s.pairs, 3) if s.pairs else None,
            "per_label": {k: round(v, 3) for k, v in s.per_label_f1.items()},
            "sides": f"{self.sides_right}/{self.sides}",
            "sides_share": round(self.sides_right / self.sides, 3) if self.sides else None,
            "speakers_found": self.sides_found,
            "confusion": {g: {p: s.confusion[g][p] for p in STANCES} for g in STANCES},
            "basis": dict(sorted(self.basis.items())),
        }


# --------------------------------------------------------------------------- a set's documents


def texts_dir(set_dir: Path) -> Path:
    if (set_dir / "texts").is_dir():
        return set_dir / "texts"
    if set_dir.name == "seeds" and (REPO / "seeds").is_dir():
        return REPO / "seeds"
    return set_dir


def target_for(set_dir: Path, gold: GoldDocument) -> str:
    """The gold's target as argmine takes it: a file in the set's targets/, else a bundled name."""
    own = set_dir / "targets" / f"{gold.target}.json"
    return str(own) if own.is_file() else gold.target


def genre_of(path: Path, gold_raw: dict) -> str:
    if gold_raw.get("genre"):
        return str(gold_raw["genre"])
    return GENRES.get(path.stem[:1], "other")


def stance_pairs(gold: GoldDocument, labels: list[str]) -> StanceScores:
    scores = StanceScores()
    for claim, label in zip(gold.claims, labels):
        if label is not None and not claim.stance_optional:
            scores.confusion[claim.stance][label] += 1
    return scores


def gold_sides(gold: GoldDocument) -> dict[str, str]:
    """Each gold speaker's side from its required, stance-scored claims."""
    mixes: dict[str, Counter] = defaultdict(Counter)
    for claim in gold.claims:
        actor = gold.actor(claim.actor)
        if claim.optional or actor.optional:
            continue
        mixes[claim.actor]  # a speaker whose every stance is optional still counts
        if not claim.stance_optional:
            mixes[claim.actor][claim.stance] += 1
    return {actor: overall_stance(mix) for actor, mix in mixes.items()}


def side_tally(gold: GoldDocument, predicted: dict[str, Counter | None]) -> Tally:
    tally = Tally()
    for actor, side in gold_sides(gold).items():
        mix = predicted.get(actor)
        tally.sides += 1
        if mix is not None:
            tally.sides_found += 1
            tally.sides_right += overall_stance(mix) == side
    return tally


# --------------------------------------------------------------------------- the two readings


def pipeline_tally(gold: GoldDocument, claims: list, verbose: bool) -> Tally:
    report = evaluate_gold([gold], claims)
    tally = Tally(stance=report.total.stance)
    matcher = _ActorMatcher(gold)
    mixes: dict[str, Counter] = {}
    for claim in claims:
        for actor in matcher.matches(claim.actor):
            mixes.setdefault(actor, Counter())[claim.stance] += 1
    tally.add(side_tally(gold, mixes))
    if verbose:
        basis = {c.id: c.stance_basis for c in claims}
        for m in report.mistakes:
            if m.kind == "wrong_stance":
                print(f"   P {gold.doc[:3]} gold={m.gold_stance:8} pred={m.predicted_stance:8} [{basis.get(m.claim_id)}] "
                      f"{m.text[:110]!r}")
    return tally


def find_anchor(text: str, needle: str) -> tuple[int, int]:
    """Where `needle` is in `text`, compared as evaluate compares (-1, -1 if absent)."""
    chars, where = [], []
    for i, ch in enumerate(text):
        n = normalise(ch) if not ch.isspace() else " "
        if n == " " and chars and chars[-1] == " ":
            continue
        chars.append(n or " ")
        where.append(i)
    at = "".join(chars).find(normalise(needle))
    if at < 0:
        return -1, -1
    return where[at], where[at + len(normalise(needle)) - 1] + 1


def _sentence_of(doc, at: int, end: int) -> tuple[int, int]:
    """The sentence(s) holding [at, end), cut at line breaks as the pipeline's paragraphs are."""
    text = doc.text
    first = doc.char_span(at, at + 1, alignment_mode="expand")[0].sent
    last = doc.char_span(end - 1, end, alignment_mode="expand")[-1].sent
    start, stop = first.start_char, max(first.end_char, last.end_char)
    start = max(start, text.rfind("\n", 0, at) + 1)
    line_end = text.find("\n", end)
    stop = min(stop, line_end if line_end >= 0 else len(text))
    while start < stop and text[start].isspace():
        start += 1
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return start, stop


def oracle_claims(gold: GoldDocument, doc) -> tuple[list[dict], list[int]]:
    """Claim records for the gold claims found in the pipeline's text, and their gold indexes."""
    claims, index = [], []
    for g, claim in enumerate(gold.claims):
        at, end = find_anchor(doc.text, claim.anchor)
        if at < 0:
            continue
        start, stop = _sentence_of(doc, at, end)
        cue = None
        if claim.cue:
            c, c_end = find_anchor(doc.text[start:stop], claim.cue)
            cue = [start + c, start + c_end] if c >= 0 else None
        claims.append({"text": [start, stop], "content": [start, stop], "cue": cue, "cue_lemma": None,
                       "source": None, "mode": claim.mode, "actor": claim.actor, "confidence": 1.0})
        index.append(g)
    order = sorted(range(len(claims)), key=lambda k: claims[k]["content"][0])
    return [claims[k] for k in order], [index[k] for k in order]


def oracle_tally(gold: GoldDocument, doc, stance_pipe, verbose: bool) -> Tally:
    claims, index = oracle_claims(gold, doc)
    doc._.claims = claims
    stance_pipe(doc)
    labels: list = [None] * len(gold.claims)
    for g, claim in zip(index, doc._.claims):
        labels[g] = claim["stance"]
    tally = Tally(stance=stance_pairs(gold, labels))
    for g, claim in zip(index, doc._.claims):
        if not gold.claims[g].stance_optional:
            tally.basis[f"{claim['stance_basis']} {'right' if claim['stance'] == gold.claims[g].stance else 'wrong'}"] += 1
    mixes: dict[str, Counter] = {}
    for g, label in enumerate(labels):
        if label is not None and not gold.claims[g].optional:
            mixes.setdefault(gold.claims[g].actor, Counter())[label] += 1
    tally.add(side_tally(gold, mixes))
    if verbose:
        for g, claim in zip(index, doc._.claims):
            gc = gold.claims[g]
            if gc.stance_optional or claim["stance"] == gc.stance:
                continue
            text = doc.text[claim["content"][0] : claim["content"][1]]
            print(f"   O {gold.doc[:3]} gold={gc.stance:8} pred={claim['stance']:8} [{claim['stance_basis']}] "
                  f"{claim['stance_evidence'][:4]} {text[:120]!r}")
    return tally


# --------------------------------------------------------------------------- running


def run_document(set_dir: Path, path: Path, gold: GoldDocument, args) -> tuple[Tally, Tally]:
    from argmine.ingest import read_article
    from argmine.pipeline import build_result, load_pipeline, prepare_doc

    target = target_for(set_dir, gold)
    nlp = load_pipeline(target)
    text_path = texts_dir(set_dir) / gold.doc
    article = read_article(text_path, gold.doc)
    view = article.view("latest")
    stance_pipe = nlp.get_pipe("argmine_stance")
    if args.setting:
        from dataclasses import replace

        stance_pipe.settings = replace(DEFAULT_SETTINGS, **{k: float(v) for k, v in (s.split("=") for s in args.setting)})
    original = stance_pipe.target
    if args.examples_cv:
        stance_pipe.use_target(with_examples_from_others(set_dir, gold, original))
    doc = nlp(prepare_doc(nlp, article, view))
    result = build_result(article, view, doc, gold.target)
    pipeline = Tally() if args.oracle_only else pipeline_tally(gold, result.claims, args.verbose)
    oracle = oracle_tally(gold, doc, stance_pipe, args.verbose)
    if args.examples_cv:
        stance_pipe.use_target(original)
    return pipeline, oracle


def with_examples_from_others(set_dir: Path, gold: GoldDocument, target):
    """The target with the set's other gold files of the same target as labelled examples
    (leave-one-document-out: the document read is never among its own examples)."""
    from argmine.target_examples import examples_from_gold

    others = [p for p in sorted(set_dir.glob("*.json"))
              if p.name != Path(gold.doc).with_suffix(".json").name
              and json.loads(p.read_text(encoding="utf-8")).get("target", "integration") == gold.target]
    return target.with_examples(examples_from_gold(others))


def run_set(set_dir: Path, args) -> dict:
    groups: dict[str, dict[str, Tally]] = defaultdict(lambda: {"pipeline": Tally(), "oracle": Tally()})
    paths = sorted(p for p in set_dir.glob("*.json"))
    golds = {g.doc: g for g in load_gold_dir(set_dir)}
    for path in paths:
        raw = json.loads(path.read_text(encoding="utf-8"))
        gold = golds[raw["doc"]]
        if args.verbose:
            print(f"-- {gold.doc} ({gold.target})")
        pipeline, oracle = run_document(set_dir, path, gold, args)
        keys = ("ALL", f"target:{'integration' if gold.target == 'integration' else 'other'}",
                f"genre:{genre_of(path, raw)}")
        for key in keys:
            groups[key]["pipeline"].add(pipeline)
            groups[key]["oracle"].add(oracle)
    return {key: {how: t.row() for how, t in hows.items()} | {"confusion": hows["oracle"].stance.confusion}
            for key, hows in sorted(groups.items())}


def show(name: str, result: dict, oracle_only: bool, detail: bool = False) -> None:
    print(f"== {name}")
    for key, row in result.items():
        for how in ("oracle",) if oracle_only else ("pipeline", "oracle"):
            r = row[how]
            labels = " ".join(f"{k[:3]} {v:.2f}" for k, v in r["per_label"].items())
            print(f"  {key:22} {how:8} n={r['pairs']:3} F1 {r['macro_f1']} acc {r['accuracy']}  [{labels}]  "
                  f"sides {r['sides']} ({r['sides_share']}, found {r['speakers_found']})")
            if detail and key == "ALL":
                show_detail(r)


def show_detail(r: dict) -> None:
    """The confusion matrix (gold rows, predicted columns) and how often each basis was right."""
    print("      gold \\ pred " + " ".join(f"{p[:3]:>5}" for p in STANCES))
    for g in STANCES:
        print(f"      {g:11}" + " ".join(f"{r['confusion'][g][p]:5}" for p in STANCES))
    if r["basis"]:
        print("      basis: " + ", ".join(f"{k} {v}" for k, v in r["basis"].items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, action="append", help="gold folder (repeatable); default dev-blind and seeds")
    parser.add_argument("--oracle-only", action="store_true", help="skip the pipeline's own claims")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every stance error")
    parser.add_argument("--detail", action="store_true", help="also print the confusion matrix and each basis's hits (ALL)")
    parser.add_argument("--setting", action="append", help="NAME=VALUE: a stance setting (repeatable)")
    parser.add_argument("--examples-cv", action="store_true",
                        help="adapt to the set's other documents of the same target (leave-one-document-out)")
    parser.add_argument("--json", type=Path, help="also write the figures to FILE")
    args = parser.parse_args()
    results = {}
    for set_dir in args.set or DEFAULT_SETS:
        results[str(set_dir)] = run_set(set_dir, args)
        show(str(set_dir), results[str(set_dir)], args.oracle_only, args.detail)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

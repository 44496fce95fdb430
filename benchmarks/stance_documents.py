"""Stance with perfect attribution on the team's labelled documents (training/stance_data/documents).

    python benchmarks/stance_documents.py [--source DIR] [-v] [--json FILE]

A third check beside gold/dev and dev-blind, against fitting those two: each
document is read whole (so context and the learned model's gate work as in a
run), every labelled claim sentence becomes a claim (the writer's in the author
mode, others direct when quoted, else indirect), and the stance component
labels them toward a target built from ``targets.jsonl`` (its ``terms`` the
target's, its ``opposite`` the opposite's; no anaphors, no field words).
Reports macro-F1 (``argmine evaluate``'s: mean F1 over the labels in gold or
prediction), per label, per target group and per speaker type.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from argmine.evaluate import StanceScores  # noqa: E402
from stance_dev import find_anchor  # noqa: E402

DEFAULT_SOURCE = REPO / "training" / "stance_data" / "documents"


def target_of(row: dict) -> dict:
    """A target definition from one line of targets.jsonl."""
    return {"name": row["target"], "description": row.get("description", ""),
            "pro": list(row["terms"]), "con": list(row.get("opposite", []))}


def claim_record(text: str, claim: dict, at: int, end: int) -> dict:
    quoted = any(q in claim["text"] for q in '"\u201c\u201d')
    mode = "author" if claim["speaker"].startswith("writer") else "direct" if quoted else "indirect"
    return {"text": [at, end], "content": [at, end], "cue": None, "cue_lemma": None, "source": None,
            "mode": mode, "actor": claim["speaker"], "confidence": 1.0}


def read_document(source: Path, name: str, claims: list[dict], target: dict, verbose: bool) -> list[tuple[str, str]]:
    """(gold, predicted) for every claim of one document that is found in its text."""
    from argmine.pipeline import load_pipeline

    nlp = load_pipeline(target)
    text = (source / "docs" / name).read_text(encoding="utf-8")
    doc = nlp.make_doc(text)
    for _, proc in nlp.pipeline:
        if getattr(proc, "name", "") == "argmine_stance":
            break
        doc = proc(doc)
    placed = []
    for claim in claims:
        at, end = find_anchor(text, claim["text"])
        if at >= 0:
            placed.append((at, end, claim))
    placed.sort(key=lambda p: p[0])
    doc._.claims = [claim_record(text, c, at, end) for at, end, c in placed]
    nlp.get_pipe("argmine_stance")(doc)
    pairs = []
    for (at, end, claim), record in zip(placed, doc._.claims):
        pairs.append((claim["label"], record["stance"]))
        if verbose and record["stance"] != claim["label"]:
            print(f"   D {name[:2]} gold={claim['label']:8} pred={record['stance']:8} [{record['stance_basis']}] "
                  f"{record['stance_evidence'][:4]} {claim['text'][:110]!r}")
    return pairs


def row_of(scores: StanceScores) -> dict:
    right = sum(scores.confusion[k][k] for k in scores.confusion)
    return {"pairs": scores.pairs, "macro_f1": round(scores.macro_f1 or 0.0, 3),
            "accuracy": round(right / scores.pairs, 3) if scores.pairs else None,
            "per_label": {k: round(v, 3) for k, v in scores.per_label_f1.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("-v", "--verbose", action="store_true", help="print every stance error")
    parser.add_argument("--json", type=Path, help="also write the figures to FILE")
    args = parser.parse_args()
    targets = {t["target"]: target_of(t) for t in map(json.loads, (args.source / "targets.jsonl").read_text(encoding="utf-8").splitlines())}
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for line in (args.source / "claims.jsonl").read_text(encoding="utf-8").splitlines():
        claim = json.loads(line)
        by_doc[claim["doc"]].append(claim)
    groups: dict[str, StanceScores] = defaultdict(StanceScores)
    for name, claims in sorted(by_doc.items()):
        if args.verbose:
            print(f"-- {name}")
        for gold, predicted in read_document(args.source, name, claims, targets[claims[0]["target"]], args.verbose):
            for key in ("ALL", "target:integration" if name < "13" else "target:other"):
                groups[key].confusion[gold][predicted] += 1
    rows = {key: row_of(scores) for key, scores in sorted(groups.items())}
    for key, r in rows.items():
        labels = " ".join(f"{k[:3]} {v:.2f}" for k, v in r["per_label"].items())
        print(f"  {key:20} n={r['pairs']:3} F1 {r['macro_f1']} acc {r['accuracy']}  [{labels}]")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

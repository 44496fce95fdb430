"""Train argmine's linear stance model (``data/models/stance/linear.json``) from labelled claims.

    python -m training.train_stance [--data DIR ...] [--out data/models/stance/linear.json]
                                    [--cv] [--balance 0.75] [--epochs 60] [--l2 1e-4] [--min-count 2]

Each line of the data files is a claim with its ``text``, ``stance`` and the
``mention`` substring that names the target (``mention_role`` ``opposite``
for its opposite). The mention is masked (``<tgt>`` / ``<opp>``) exactly as
argmine masks a target file's mentions at run time, so the model learns how
stance toward *a* target is expressed, not the 29 targets themselves.

``--cv`` reports leave-targets-out cross-validation (five folds of whole
targets) instead of writing the model: the figure to watch is how it does on
targets it never saw. ``--cv-documents FILE`` reports, instead, how the model does on
claims shaped like real documents' (``training/stance_data/documents.jsonl``: most name no
target): four folds of whole documents (the rows' ``genre``), each read by a model trained on
the data less that fold's rows, both as its top label and as argmine applies it (a side only
when that sure: ``model_min``). It is training data, so it may be tuned on, unlike the dev sets. Real-genre figures come from ``benchmarks/stance_dev.py``.
By default the data are ``../shared/stance`` (1,642 claims, 29 targets);
``--data`` (repeatable) names the folders instead, e.g. ``--data ../shared/stance
--data training/stance_data`` adds the team-written claims shipped with argmine
(CC BY 4.0; its README says what they did to the dev figures: not yet in the
shipped model). ``--balance`` sets how far the labels are weighed equally (1) rather than at the
data's own prior (0).
Deterministic: no randomness (full-batch AdaGrad from zero weights).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from argmine.components.stance.learned import LABELS, LinearStance, features, fit, masked_tokens  # noqa: E402
from argmine.components.stance.mentions import Mention  # noqa: E402
from argmine.components.stance.text import pieces_of  # noqa: E402

#: ../shared/stance beside the repository (a worktree one level deeper looks one level higher).
DEFAULT_DATA = next((p / "shared" / "stance" for p in (REPO.parent, REPO.parent.parent) if (p / "shared" / "stance").is_dir()),
                    REPO.parent / "shared" / "stance")
DEFAULT_OUT = REPO / "data" / "models" / "stance" / "linear.json"


def read_examples(data_dirs: list[Path]) -> list[dict]:
    rows = []
    for path in sorted(p for d in data_dirs for p in d.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line))
    return rows


def example_features(nlp, row: dict) -> list[str]:
    """The claim's features with its labelled mention masked."""
    doc = nlp(row["text"])
    pieces = pieces_of(doc)
    mentions = []
    if row.get("mention"):
        at = row["text"].find(row["mention"])
        if at >= 0:
            end = at + len(row["mention"])
            inside = [k for k, p in enumerate(pieces) if p.start >= at and p.end <= end]
            if inside:
                polarity = -1 if row.get("mention_role") == "opposite" else 1
                mentions.append(Mention(inside[0], inside[-1] + 1, polarity, 1.0, row["mention"]))
    return features(masked_tokens(pieces, mentions))


def macro_f1(gold: list[str], pred: list[str]) -> float:
    scores = []
    for label in LABELS:
        g, p = gold.count(label), pred.count(label)
        if g + p:
            scores.append(2 * sum(a == b == label for a, b in zip(gold, pred)) / (g + p))
    return sum(scores) / len(scores)


def cross_validate(rows, feats, args) -> None:
    targets = sorted({r["target"] for r in rows})
    gold, pred = [], []
    for fold in range(5):
        held = set(targets[fold::5])
        train = [k for k, r in enumerate(rows) if r["target"] not in held]
        model = fit([feats[k] for k in train], [rows[k]["stance"] for k in train],
                    epochs=args.epochs, l2=args.l2, min_count=args.min_count, balance=args.balance)
        for k, r in enumerate(rows):
            if r["target"] in held:
                probs = model.probabilities(feats[k])
                gold.append(r["stance"])
                pred.append(max(probs, key=probs.get))
    print(f"leave-targets-out macro-F1 {macro_f1(gold, pred):.3f} accuracy "
          f"{sum(a == b for a, b in zip(gold, pred)) / len(gold):.3f} (n={len(gold)})")


def document_folds(rows, feats, held_rows: list[dict], args, folds: int = 4) -> dict:
    """Leave-documents-out figures on `held_rows` (grouped by ``genre``, their document)."""
    import spacy

    from argmine.components.stance.settings import DEFAULT_SETTINGS

    nlp = spacy.blank("en")
    documents = sorted({r.get("genre", "") for r in held_rows})
    gold, top, applied = [], [], []
    for fold in range(folds):
        held = [r for r in held_rows if r.get("genre", "") in documents[fold::folds]]
        keys = {(r.get("id"), r["text"]) for r in held}
        train = [k for k, r in enumerate(rows) if (r.get("id"), r["text"]) not in keys]
        model = fit([feats[k] for k in train], [rows[k]["stance"] for k in train],
                    epochs=args.epochs, l2=args.l2, min_count=args.min_count, balance=args.balance)
        for r in held:
            probs = model.probabilities(example_features(nlp, r))
            best = max(probs, key=probs.get)
            gold.append(r["stance"])
            top.append(best)
            applied.append(best if best != "neutral" and probs[best] >= DEFAULT_SETTINGS.model_min else "neutral")
    decided = [(g, a) for g, a in zip(gold, applied) if a != "neutral"]
    return {"macro_f1": round(macro_f1(gold, top), 3), "applied_macro_f1": round(macro_f1(gold, applied), 3),
            "decided_right": sum(g == a for g, a in decided), "decided_wrong": sum(g != a for g, a in decided),
            "flips": sum({g, t} == {"support", "oppose"} for g, t in zip(gold, top)), "n": len(gold)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, action="append", help="a folder of labelled *.jsonl (repeatable); "
                        "default ../shared/stance")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--epochs", type=int, default=60)
    parser.add_argument("--l2", type=float, default=1e-4)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--balance", type=float, default=0.75,
                        help="1 weighs the four labels equally, 0 keeps the data's own prior (default 0.75, as shipped)")
    parser.add_argument("--cv", action="store_true", help="leave-targets-out cross-validation; writes nothing")
    parser.add_argument("--cv-documents", type=Path, help="a documents.jsonl to score leave-documents-out; writes nothing")
    args = parser.parse_args()
    import spacy

    nlp = spacy.blank("en")
    args.data = args.data or [DEFAULT_DATA]
    rows = read_examples(args.data)
    if not rows:
        sys.exit(f"no labelled claims in {args.data}")
    feats = [example_features(nlp, r) for r in rows]
    if args.cv:
        cross_validate(rows, feats, args)
        return
    if args.cv_documents:
        held = [json.loads(line) for line in args.cv_documents.read_text(encoding="utf-8").splitlines() if line.strip()]
        print(json.dumps(document_folds(rows, feats, held, args)))
        return
    model = fit(feats, [r["stance"] for r in rows], epochs=args.epochs, l2=args.l2, min_count=args.min_count,
                balance=args.balance)
    digest = hashlib.sha256("".join(sorted(json.dumps(r, sort_keys=True) for r in rows)).encode()).hexdigest()[:16]
    sources = {f"{d.parent.name}/{d.name}": sum(1 for _ in d.glob("*.jsonl")) and
               len(read_examples([d])) for d in args.data}
    meta = {"data": sources, "targets": len({r["target"] for r in rows}), "claims": len(rows), "data_sha256": digest,
            "balance": args.balance, "epochs": args.epochs, "l2": args.l2, "min_count": args.min_count, "features": len(model.weights),
            "labels": dict(Counter(r["stance"] for r in rows))}
    model = LinearStance(model.bias, model.weights, meta)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_name(args.out.name + ".tmp")
    tmp.write_text(model.to_json(), encoding="utf-8")
    tmp.replace(args.out)
    print(f"wrote {args.out} ({len(model.weights)} features, {args.out.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()

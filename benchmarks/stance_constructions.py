"""The stance rules on the labelled claims of shared/stance, per construction.

    python benchmarks/stance_constructions.py [--data ../shared/stance] [--model] [--construction TEXT] [-v]

Each claim is read against a target made of its own labelled mention (a ``pro``
term, or ``con`` for the opposite), so the figure is how well the rules read
*how* stance is expressed — negation, contrast, "rather than", rhetorical
questions, irony — with the target found. ``--model`` lets the learned model
read what the rules cannot (it was trained on these claims: that figure is not
a test). Written claims, not real pages: ``stance_dev.py`` decides.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from argmine.components.stance import stance_of  # noqa: E402
from argmine.components.stance.learned import load_model  # noqa: E402
from argmine.target import Target  # noqa: E402
from training.train_stance import DEFAULT_DATA, macro_f1, read_examples  # noqa: E402


def target_of(row: dict) -> Target | None:
    if not row.get("mention"):
        return None
    side = "con" if row.get("mention_role") == "opposite" else "pro"
    terms = {"pro": [], "con": []}
    terms[side].append({"term": row["mention"], "exact": True})
    if side == "con":
        terms["pro"].append({"term": row["target"]})
    return Target.model_validate({"name": "t", **terms})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--model", action="store_true", help="let the learned model read what the rules cannot")
    parser.add_argument("--construction", help="only constructions containing this text")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every error")
    args = parser.parse_args()
    from argmine.model import load_base_model

    nlp = load_base_model()
    model = load_model() if args.model else None
    by_construction: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in read_examples([args.data]):
        if args.construction and args.construction not in row["construction"]:
            continue
        target = target_of(row)
        if target is None:
            continue
        result = stance_of(nlp(row["text"]), target, model=model)
        by_construction[row["construction"]].append((row["stance"], result.label))
        if args.verbose and result.label != row["stance"]:
            print(f"  gold={row['stance']:8} pred={result.label:8} [{row['construction']}] {row['text'][:110]!r}")
    everything = [pair for pairs in by_construction.values() for pair in pairs]
    print(f"ALL: n={len(everything)} macro-F1 {macro_f1(*zip(*everything)):.3f} accuracy "
          f"{sum(g == p for g, p in everything) / len(everything):.3f}")
    for construction, pairs in sorted(by_construction.items(), key=lambda kv: -len(kv[1]))[:30]:
        right = sum(g == p for g, p in pairs)
        wrong = Counter(f"{g}->{p}" for g, p in pairs if g != p).most_common(2)
        print(f"  {construction[:40]:40} n={len(pairs):3} acc {right / len(pairs):.2f}  {wrong}")


if __name__ == "__main__":
    main()

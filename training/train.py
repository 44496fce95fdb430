"""Retrain argmine's English pipeline from scratch and ship it to data/models/argmine_en.

    python -m training.train                 # full run (up to 20 epochs: ~3 h on one core)
    python -m training.train --quick         # a few epochs, for a usable parse fast
    python -m training.train --no-ship       # train and evaluate, leave data/models alone

Steps: convert the corpora (training.convert), train with spaCy on ONE core (fixed seed,
configs/argmine_en.cfg), evaluate the best model on the held-out test splits
(training.evaluate), then copy it to data/models/argmine_en with scores in meta.json.
The run is reproducible for a given machine; logs go to training/logs/, runs to
training/runs/ (both git-ignored).
"""

from __future__ import annotations

import os

# One core, set before numpy/thinc load: training must leave the machine's other core free.
for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
CONFIG = REPO / "training" / "configs" / "argmine_en.cfg"
CORPUS = REPO / "training" / "corpus"
RUNS = REPO / "training" / "runs"
SHIPPED = REPO / "data" / "models" / "argmine_en"

QUICK_OVERRIDES = {"training.max_epochs": 4, "training.eval_frequency": 400}


def parse_overrides(pairs: list[str]) -> dict[str, object]:
    """``section.key=value`` pairs, values parsed as JSON when they can be."""
    out: dict[str, object] = {}
    for pair in pairs:
        key, _, value = pair.partition("=")
        try:
            out[key] = json.loads(value)
        except json.JSONDecodeError:
            out[key] = value
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description="Retrain and ship argmine_en.")
    parser.add_argument("--quick", action="store_true", help="4 epochs only")
    parser.add_argument("--name", default=None, help="run folder under training/runs/")
    parser.add_argument("--config", type=Path, default=CONFIG)
    parser.add_argument("--set", nargs="*", default=[], metavar="SECTION.KEY=VALUE",
                        help="config overrides, e.g. training.max_epochs=10")
    parser.add_argument("--cpu", type=int, default=None, help="pin training to this core")
    parser.add_argument("--no-ship", action="store_true", help="do not copy to data/models")
    parser.add_argument("--reconvert", action="store_true", help="rebuild training/corpus")
    args = parser.parse_args()

    if args.cpu is not None:
        os.sched_setaffinity(0, {args.cpu})
    os.chdir(REPO)  # the config names its data files relative to the repository

    # augmenters and lemma_tables register the functions the config names.
    from training import augmenters, convert, evaluate, lemma_tables, package  # noqa: F401

    if args.reconvert or not (CORPUS / "train.spacy").exists():
        convert.convert()

    from spacy.cli.train import train

    overrides = dict(QUICK_OVERRIDES) if args.quick else {}
    overrides.update(parse_overrides(args.set))
    run_dir = RUNS / (args.name or ("quick" if args.quick else "full"))
    train(args.config, run_dir, overrides=overrides)
    best = run_dir / "model-best"
    scores = evaluate.evaluate_all(best)
    (run_dir / "test-scores.json").write_text(json.dumps(scores, indent=2))
    print(json.dumps(evaluate.summary(scores), indent=2))
    if not args.no_ship:
        package.ship(best, SHIPPED, scores, quick=args.quick)


if __name__ == "__main__":
    main()

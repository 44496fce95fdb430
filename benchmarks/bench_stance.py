"""What stance costs inside `extract`: CPU time per pipeline component on a folder of articles.

    python benchmarks/bench_stance.py [FOLDER] [--target NAME|FILE] [--repeat N] [--checkout DIR]

Runs argmine's pipeline over every article of FOLDER (default /work/bench40) as
``extract`` does (read, segment, prepare, every component), timing each
component's ``__call__`` with the process's CPU clock, and prints each
component's share of the whole (ingest included). The best of ``--repeat`` runs
(default 3) is kept per component: on a shared machine the minimum is the
least disturbed figure. The first pass over the folder warms caches and is
not timed. ``--checkout DIR`` times another checkout's argmine (e.g. main's,
for a before/after) with this script.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if "--checkout" in sys.argv[:-1]:  # before argmine is first imported
    REPO = Path(sys.argv[sys.argv.index("--checkout") + 1]).resolve()
sys.path.insert(0, str(REPO))


def _timed(pipe, name: str, clock: dict):
    def call(doc):
        start = time.process_time()
        out = pipe(doc)
        clock[name] += time.process_time() - start
        return out

    return call


def one_pass(folder: Path, target: str) -> dict[str, float]:
    from argmine.ingest import Skipped, iter_articles
    from argmine.pipeline import load_pipeline, prepare_doc

    nlp = load_pipeline(target)
    clock: dict[str, float] = defaultdict(float)
    start = time.process_time()
    for article in iter_articles([folder]):
        if isinstance(article, Skipped):
            continue
        t0 = time.process_time()
        view = article.view("latest")
        doc = prepare_doc(nlp, article, view)
        clock["(ingest + tokenizer)"] += time.process_time() - t0
        for name, pipe in nlp.pipeline:
            doc = _timed(pipe, name, clock)(doc)
    clock["TOTAL"] = time.process_time() - start
    return clock


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=Path("/work/bench40"))
    parser.add_argument("--target", default="integration")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--checkout", type=Path, help="time this checkout's argmine instead of this one's")
    args = parser.parse_args()
    one_pass(args.folder, args.target)  # warm-up: model load, lexicon, caches
    runs = [one_pass(args.folder, args.target) for _ in range(args.repeat)]
    import argmine

    print(f"argmine from {Path(argmine.__file__).parent}")
    best = {name: min(run[name] for run in runs) for name in runs[0]}
    total = best["TOTAL"]
    for name, seconds in sorted(best.items(), key=lambda kv: -kv[1]):
        print(f"{name:28} {seconds:7.3f} s CPU  {100 * seconds / total:5.1f}%")


if __name__ == "__main__":
    main()

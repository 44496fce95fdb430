"""Does a corpus file stream? Peak memory of `argmine extract big.csv` against the number of rows.

Writes a CSV of N rows (made-up two-paragraph news items, each different), runs
``argmine extract FILE -o claims.jsonl --store TMP`` in a child process and samples
its resident memory every 0.2 s. Flat memory means the peak for 10,000 rows is
about the peak for 1,000.

    python benchmarks/bench_corpus_memory.py --rows 1000 10000 --pipeline stand-in
    python benchmarks/bench_corpus_memory.py --rows 200 1000 --pipeline real

`--pipeline stand-in` replaces the spaCy step with the tests' stand-in (reading,
store, runner and output are real: what this benchmark is about); `real` runs the
shipped model too (its own memory is bounded per batch, see bench_extract.py).
Report CPU time, not wall time: the machine is usually shared.
"""

from __future__ import annotations

import argparse
import csv
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NAMES = ["Jane Doe", "Amir Shah", "Lena Hart", "Bob Stone", "Ruth Akande", "Mark Bellamy", "Sunita Rao", "Tom Ellery"]
BODIES = ["the council", "the hospital trust", "the health board", "the union", "the royal college", "ministers"]
VERBS = ["said", "warned", "argued"]
CLAIMS = [
    "pooled budgets would help patients leave hospital sooner",
    "the merger will fail unless community nursing is protected",
    "shared records ended duplicated assessments",
    "the plan had been rushed and needed an independent review",
    "joint teams would fail without protected time for meetings",
]

STAND_IN = """
import sys
sys.path.insert(0, {tests!r})
import conftest
from argmine import runner
runner.pipeline_extract = conftest.fake_extract
from argmine.cli import main
sys.argv = ["argmine"] + sys.argv[1:]
main()
"""


def write_corpus(path: Path, rows: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "title", "text", "published_at", "source"])
        for n in range(rows):
            a, b = rng.sample(NAMES, 2)
            text = (
                f"{a} {rng.choice(VERBS)} that {rng.choice(CLAIMS)}. The item is number {n} of the corpus.\n\n"
                f"{b} {rng.choice(VERBS)} that {rng.choice(CLAIMS)}, speaking for {rng.choice(BODIES)} on day {n % 28 + 1}."
            )
            writer.writerow([f"item-{n}", f"Story {n}", text, f"2024-{n % 12 + 1:02d}-{n % 28 + 1:02d}", f"Outlet {n % 9}"])


def rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def run(rows: int, pipeline: str, work: Path) -> dict:
    corpus = work / f"corpus_{rows}.csv"
    write_corpus(corpus, rows)
    out = work / f"claims_{rows}.jsonl"
    store = work / f"store_{rows}.db"
    if pipeline == "stand-in":
        command = [sys.executable, "-c", STAND_IN.format(tests=str(REPO / "tests"))]
    else:
        command = [sys.executable, "-m", "argmine"]
    command += ["extract", str(corpus), "-o", str(out), "--store", str(store)]
    started = time.monotonic()
    child = subprocess.Popen(command, cwd=work, stderr=subprocess.PIPE, text=True)
    samples = []
    while child.poll() is None:
        samples.append(rss_kb(child.pid))
        time.sleep(0.2)
    stderr = child.stderr.read() if child.stderr else ""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    if child.returncode != 0:
        raise SystemExit(f"argmine failed on {rows} rows: {stderr.strip()[-500:]}")
    lines = sum(1 for _ in out.open(encoding="utf-8"))
    samples = [s for s in samples if s] or [0]
    quarter = samples[len(samples) // 4 :]
    return {
        "rows": rows,
        "claims": lines,
        "peak_mb": max(samples) / 1024,
        "median_after_warmup_mb": sorted(quarter)[len(quarter) // 2] / 1024,
        "wall_s": time.monotonic() - started,
        "cpu_children_s": usage.ru_utime + usage.ru_stime,
        "corpus_mb": corpus.stat().st_size / 1e6,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--pipeline", choices=["stand-in", "real"], default="stand-in")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="argmine-corpus-") as tmp:
        results = []
        cpu_before = 0.0
        for rows in args.rows:
            result = run(rows, args.pipeline, Path(tmp))
            result["cpu_s"], cpu_before = result["cpu_children_s"] - cpu_before, result["cpu_children_s"]
            results.append(result)
            print(
                f"{rows:>6} rows ({result['corpus_mb']:.1f} MB CSV, {result['claims']} claims): peak RSS "
                f"{result['peak_mb']:.0f} MB, median after the first quarter {result['median_after_warmup_mb']:.0f} MB, "
                f"CPU {result['cpu_s']:.1f} s, wall {result['wall_s']:.1f} s ({args.pipeline} pipeline)",
                flush=True,
            )
        if len(results) > 1:
            first, last = results[0], results[-1]
            print(f"peak RSS x{last['peak_mb'] / first['peak_mb']:.2f} for x{last['rows'] / first['rows']:.0f} rows")


if __name__ == "__main__":
    main()

"""`argmine network` and `argmine report` on a store of 15,000 claims (goals: under 2 s and 5 s).

The store is synthetic (no model needed): 1,500 dated articles over two years,
10 claims each, by 300 actors of every kind, about three targets, each article
with its text as one body segment, as `extract` would leave it. Each command
runs as a fresh process, as a user runs it, several times; the median and the
worst wall-clock time and the median CPU time (user + system) are reported,
and whether the command imported spaCy (it must not).

    python benchmarks/bench_network_report.py                 # prints the table
    python benchmarks/bench_network_report.py --write         # and writes benchmarks/NETWORK.md
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOALS = {"network": 2.0, "report": 5.0}
LAUNCHER = """
import sys
from argmine.cli import app
try:
    app(sys.argv[1:], prog_name="argmine")
except SystemExit as exit:
    code = exit.code
else:
    code = 0
sys.stderr.write("\\nSPACY=%d\\n" % ("spacy" in sys.modules))
sys.exit(code)
"""
TARGETS = ("housing", "transport", "energy")
KINDS = ("person", "organisation", "group", "author")
STANCES = ("support", "oppose", "mixed", "neutral")


def _actors(count: int) -> list:
    from argmine.records import Actor

    return [Actor(id=f"actor-{i}", name=f"Actor{i} Name{i % 41}", kind=KINDS[i % 3]) for i in range(count)]


def _document(d: int, claims_per_document: int, actors: list, start_day: date) -> tuple:
    from argmine.records import Claim, Document, DocumentMeta, Segment, SegmentKind, TextSpan

    doc = f"article_{d:05d}.txt"
    sentences = [f"Actor number {d}-{n} said that the plan would change things in area {n}." for n in range(claims_per_document)]
    text = " ".join(sentences)
    day = (start_day + timedelta(days=(d * 37) % 730)).isoformat()
    document = Document(
        doc=doc, path=f"/corpus/{doc}", sha256=hashlib.sha256(text.encode()).hexdigest(), encoding="utf-8", chars=len(text),
        meta=DocumentMeta(title=f"Story {d}", date=day, outlet=f"Outlet {d % 7}"),
        segments=[Segment(kind=SegmentKind.body, start=0, end=len(text), text=text, rule="bench")],
    )
    target = TARGETS[d % len(TARGETS)]
    claims, used, start = [], {}, 0
    for n, sentence in enumerate(sentences):
        actor = actors[(d * 13 + n * 7) % len(actors)]
        used[actor.id] = actor
        span = TextSpan(text=sentence, start=start, end=start + len(sentence))
        claims.append(
            Claim(
                id=f"{doc}#{n + 1}", doc=doc, text=sentence, start=start, end=start + len(sentence), content=span, actor=actor,
                mode="indirect", stance=STANCES[(d + n) % 4], stance_score=0.0, target=target, confidence=0.5,
            )
        )
        start += len(sentence) + 1
    return document, list(used.values()), claims, target


def build_store(path: Path, documents: int = 1500, claims_per_document: int = 10) -> int:
    """The synthetic store; returns the number of claims in it."""
    sys.path.insert(0, str(REPO))
    from argmine.results import DocumentResult
    from argmine.store import ExtractionKey, Store

    actors = _actors(300)
    total = 0
    with Store(path) as store:
        for d in range(documents):
            document, used, claims, target = _document(d, claims_per_document, actors, date(2015, 1, 1))
            key = ExtractionKey(document.sha256, "bench", "latest", f"{target}@bench")
            store.save(key, DocumentResult.of(document, used, claims), source=f"/corpus/{document.doc}")
            total += len(claims)
    return total


def time_command(args: list[str], cwd: Path, runs: int) -> tuple[list[float], list[float], bool]:
    """Wall and CPU seconds of each run of `argmine ARGS` in a fresh interpreter, and whether spaCy was imported."""
    walls, cpus, spacy = [], [], False
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", LAUNCHER, *args], cwd=cwd, capture_output=True, text=True)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if done.returncode != 0:
            raise SystemExit(f"argmine {' '.join(args)} failed: {done.stderr[-500:]}")
        spacy = spacy or "SPACY=1" in done.stderr
    return walls, cpus, spacy


COMMANDS = [
    ("network", "two-mode GraphML", ["network", "-o", "net.graphml"]),
    ("network", "one-mode congruence, average", ["network", "--mode", "one-mode", "-a", "congruence", "-n", "average", "-o", "one.graphml"]),
    ("network", "6-month windows, edge list", ["network", "--window", "6m", "-f", "csv", "-o", "edges.csv"]),
    ("network", "DNA event list", ["network", "-f", "events", "-o", "events.csv"]),
    ("report", "HTML report", ["report", "-o", "report.html"]),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--docs", type=int, default=1500)
    parser.add_argument("--write", action="store_true", help="write benchmarks/NETWORK.md")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        cwd = Path(work)
        store = cwd / ".argmine" / "argmine.db"
        store.parent.mkdir()
        claims = build_store(store, options.docs)
        lines = [
            f"Store: {claims:,} claims in {options.docs:,} synthetic documents, 300 actors, 3 targets, dated over two years. "
            f"{options.runs} runs each, fresh process; {platform.python_version()} on {os.cpu_count()} CPUs "
            f"(load average {os.getloadavg()[0]:.1f} at the start).",
            "",
            "| command | what | median wall s | worst wall s | median CPU s | goal s | spaCy imported |",
            "|---|---|---:|---:|---:|---:|---|",
        ]
        for command, what, args in COMMANDS:
            walls, cpus, spacy = time_command(args, cwd, options.runs)
            lines.append(
                f"| `argmine {' '.join(args)}` | {what} | {statistics.median(walls):.2f} | {max(walls):.2f} | "
                f"{statistics.median(cpus):.2f} | {GOALS[command]:.0f} | {'yes' if spacy else 'no'} |"
            )
            print(lines[-1], flush=True)
        size = (cwd / "report.html").stat().st_size
        lines.append("")
        lines.append(f"The report page is {size / 1e6:.1f} MB.")
    text = "\n".join(lines) + "\n"
    print(text)
    if options.write:
        header = "# `network` and `report` on 15,000 claims\n\nWritten by `python benchmarks/bench_network_report.py --write`.\n\n"
        (REPO / "benchmarks" / "NETWORK.md").write_text(header + text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

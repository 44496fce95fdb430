"""Start-up time of argmine's query commands (the target: under 0.5 s each).

Runs each command as a fresh process, as a user would, several times, and
reports the median and the worst wall-clock time, and the median CPU time
(user + system) of the process. On a busy machine wall time grows with the
load while CPU time barely moves: it is what the wall time would be with a
free core. The store the queries read is built first with synthetic claims
(no model needed), so the figures include reading and matching, not only
imports.

    python benchmarks/bench_startup.py              # 7 runs each, a 200-document store
    python benchmarks/bench_startup.py --runs 15 --docs 1000 --check

`--check` exits 1 when a median is over the limit. It also reports whether a
command imported spaCy (it must not).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LIMIT_S = 0.5

#: Runs the CLI in a fresh interpreter and says, on stderr, whether spaCy got imported.
LAUNCHER = """
import sys
from argmine.cli import app
try:
    app(sys.argv[1:], prog_name="argmine")
except SystemExit:
    pass
sys.stderr.write("\\nSPACY=%d\\n" % ("spacy" in sys.modules))
"""


def build_store(path: Path, documents: int, claims_per_document: int = 10) -> None:
    """A store holding `documents` synthetic articles, as `extract` would leave it."""
    sys.path.insert(0, str(REPO))
    from argmine.records import Actor, Claim, Document, DocumentMeta, TextSpan
    from argmine.results import DocumentResult
    from argmine.store import ExtractionKey, Store

    speakers = [Actor(id=f"person-{i}", name=f"Speaker{i} Surname{i % 37}", kind="person") for i in range(60)]
    speakers.append(Actor(id="tom-coffey", name="Tom Coffey", kind="person", aliases=["Dr Tom Coffey"]))
    with Store(path) as store:
        for d in range(documents):
            doc = f"article_{d:05d}.txt"
            sentence = f"Speaker {d} said that joined-up care would help patients in area {d}."
            text = " ".join([sentence] * claims_per_document)
            document = Document(
                doc=doc, path=f"/corpus/{doc}", sha256=hashlib.sha256(text.encode()).hexdigest(),
                encoding="utf-8", chars=len(text), meta=DocumentMeta(title=f"Story {d}"),
            )
            claims = []
            actors = {}
            for n in range(claims_per_document):
                actor = speakers[(d * 7 + n) % len(speakers)]
                actors[actor.id] = actor
                start = n * (len(sentence) + 1)
                claims.append(
                    Claim(
                        id=f"{doc}#{n + 1}", doc=doc, text=sentence, start=start, end=start + len(sentence),
                        content=TextSpan(text=sentence, start=start, end=start + len(sentence)), actor=actor,
                        mode="indirect", stance=("support", "oppose", "mixed", "neutral")[n % 4],
                        stance_score=0.0, target="integration", confidence=0.5,
                    )
                )
            key = ExtractionKey(document.sha256, "bench", "latest", "integration@bench")
            store.save(key, DocumentResult.of(document, actors.values(), claims), source=f"/corpus/{doc}")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_command(command: list[str], cwd: Path, runs: int, env: dict[str, str]) -> tuple[list[float], list[float], bool, int]:
    """Wall-clock and CPU seconds of each run, whether spaCy was imported, and the exit code."""
    walls, cpus, spacy, code = [], [], False, 0
    for _ in range(runs):
        cpu_before = _children_cpu()
        started = time.perf_counter()
        done = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        walls.append(time.perf_counter() - started)
        cpus.append(_children_cpu() - cpu_before)
        spacy = spacy or "SPACY=1" in done.stderr
        code = done.returncode
    return walls, cpus, spacy, code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--docs", type=int, default=200, help="documents in the store the queries read")
    parser.add_argument("--check", action="store_true", help=f"exit 1 if a median exceeds {LIMIT_S} s")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    options = parser.parse_args()

    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    env.pop("ARGMINE_STORE", None)
    with tempfile.TemporaryDirectory() as folder:
        cwd = Path(folder)
        build_store(cwd / ".argmine" / "argmine.db", options.docs)
        commands = {
            "python -c pass (floor)": None,
            "argmine --help": ["--help"],
            "argmine who-said --actor Coffey": ["who-said", "--actor", "Coffey", "-f", "jsonl"],
            "argmine who-said --actor Coffey -f table": ["who-said", "--actor", "Coffey", "-f", "table"],
            "argmine actors": ["actors", "-f", "jsonl"],
            "argmine schema": ["schema"],
        }
        launcher = cwd / "launch.py"
        launcher.write_text(LAUNCHER)
        rows = []
        for label, args in commands.items():
            command = [sys.executable, "-c", "pass"] if args is None else [sys.executable, str(launcher), *args]
            walls, cpus, spacy, code = time_command(command, cwd, options.runs, env)
            rows.append(
                {
                    "command": label,
                    "median_s": statistics.median(walls),
                    "max_s": max(walls),
                    "cpu_median_s": statistics.median(cpus),
                    "spacy": spacy,
                    "exit": code,
                }
            )

    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    machine = (
        f"{platform.node()} · {platform.machine()} · {os.cpu_count()} cores · load {load} · "
        f"Python {platform.python_version()}"
    )
    if options.json:
        print(json.dumps({"machine": machine, "runs": options.runs, "docs": options.docs, "results": rows}, indent=2))
    else:
        print(f"argmine start-up · {machine} · {options.runs} runs each · store of {options.docs} documents")
        print(f"{'command':42} {'wall median':>11} {'wall worst':>10} {'CPU median':>10}  spaCy  exit")
        for row in rows:
            print(
                f"{row['command']:42} {row['median_s']:10.3f}s {row['max_s']:9.3f}s {row['cpu_median_s']:9.3f}s"
                f"  {'YES' if row['spacy'] else 'no':5}  {row['exit']}"
            )
    # Judged on wall time: that is what a user waits.
    failed = [r for r in rows if r["spacy"] or r["exit"] != 0 or (r["median_s"] > LIMIT_S and "floor" not in r["command"])]
    return 1 if options.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())

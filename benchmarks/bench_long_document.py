"""Long documents: one article of 1.5 MB against one of 50 kB (issue 15, defect 5).

A long document is read in pieces cut between paragraphs, so its peak memory
should be about that of an article one piece long, and every claim's offsets
must still point into the file. This script builds articles of the sizes
asked for from the benchmark corpus (`benchmarks/corpus.py`: treebank running
text), runs `argmine extract` on each in a fresh process (a fresh store, so
nothing is cached), and reports for each: claims, whether every claim's
`text`, `content`, `cue` and `source` are exact slices of the file, peak RSS
(`ru_maxrss` of the process) and CPU seconds (user + system).

    python benchmarks/bench_long_document.py [--sizes 50000 1500000] [--corpora DIR]

Figures: CPU time rather than wall time (the machine may be shared).
Aim: the largest article's peak RSS within 1.5x the smallest's.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import DEFAULT_CORPORA, build_corpus  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
#: Peak memory of the largest article over the smallest's, at most.
AIM_RATIO = 1.5


@dataclass
class Measured:
    chars: int
    claims: int
    exact: bool
    rss_mb: float
    cpu_s: float
    code: int
    error: str = ""


def long_article(paragraphs: list[str], chars: int) -> str:
    """A headline and paragraphs until the text is `chars` characters long (paragraphs reused in turn)."""
    parts = ["A long report on the future of health and care services"]
    size = len(parts[0])
    i = 0
    while size < chars:
        paragraph = paragraphs[i % len(paragraphs)]
        parts.append(paragraph)
        size += len(paragraph) + 2
        i += 1
    return "\n\n".join(parts)[:chars].rstrip() + "\n"


def corpus_paragraphs(corpora: Path, docs: int) -> list[str]:
    """Body paragraphs of the benchmark corpus (headlines left out)."""
    paragraphs = []
    for article in build_corpus(docs, corpora=corpora):
        paragraphs.extend(p for p in article.text.split("\n\n")[1:] if len(p.split()) >= 8)
    return paragraphs


def measure(path: Path, work: Path) -> Measured:
    """Run `argmine extract` on one file in a fresh process and check every claim's offsets."""
    store = work / f"{path.stem}.db"
    out = work / f"{path.stem}.jsonl"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for name in ("ARGMINE_STORE", "ARGMINE_RAISE_ERRORS"):
        env.pop(name, None)
    with out.open("w", encoding="utf-8") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "argmine", "extract", str(path), "-f", "jsonl", "--store", str(store)],
            env=env, stdout=sink, stderr=subprocess.PIPE, text=True,
        )
        _, status, usage = os.wait4(process.pid, 0)
    error = process.stderr.read() if process.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    text = path.read_text(encoding="utf-8")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
    return Measured(
        chars=len(text),
        claims=len(records),
        exact=all(_exact(text, record) for record in records),
        rss_mb=usage.ru_maxrss / 1024,  # KiB on Linux
        cpu_s=usage.ru_utime + usage.ru_stime,
        code=code,
        error=error.strip().splitlines()[-1] if error.strip() else "",
    )


def _exact(text: str, claim: dict) -> bool:
    if text[claim["start"] : claim["end"]] != claim["text"]:
        return False
    for key in ("content", "cue", "source"):
        span: Optional[dict] = claim.get(key)
        if span is not None and text[span["start"] : span["end"]] != span["text"]:
            return False
    return True


def render(results: list[Measured]) -> str:
    base = results[0]
    lines = [
        "| Article (chars) | Claims | Offsets exact | Peak RSS (MB) | × smallest | CPU (s) | Exit |",
        "|---:|---:|:---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r.chars:,} | {r.claims:,} | {'yes' if r.exact else 'NO'} | {r.rss_mb:.0f} | "
            f"{r.rss_mb / base.rss_mb:.2f} | {r.cpu_s:.1f} | {r.code} |"
        )
    worst = max(r.rss_mb for r in results) / base.rss_mb
    ok = worst <= AIM_RATIO and all(r.exact and r.code == 0 for r in results)
    lines.append("")
    lines.append(f"Aim (peak RSS within {AIM_RATIO}x, exact offsets, exit 0): {'met' if ok else 'NOT met'} ({worst:.2f}x)")
    for r in results:
        if r.error:
            lines.append(f"- {r.chars:,} chars: {r.error}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50_000, 1_500_000], help="article lengths in characters")
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="UD treebanks for the benchmark corpus")
    parser.add_argument("--docs", type=int, default=300, help="corpus articles to draw paragraphs from")
    args = parser.parse_args()
    paragraphs = corpus_paragraphs(args.corpora, args.docs)
    results = []
    with tempfile.TemporaryDirectory(prefix="argmine-long-") as folder:
        work = Path(folder)
        for chars in sorted(args.sizes):
            path = work / f"long_{chars}.txt"
            path.write_text(long_article(paragraphs, chars), encoding="utf-8")
            results.append(measure(path, work))
            print(f"measured {chars:,} chars", file=sys.stderr)
    print(render(results))
    print(f"\n(machine: {os.cpu_count()} CPUs, shared; peak of this script: "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")


if __name__ == "__main__":
    main()

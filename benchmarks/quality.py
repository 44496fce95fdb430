"""How good argmine's output is, on every gold set at once: writes benchmarks/QUALITY.md.

    python benchmarks/quality.py [--polnear PATH/TO/PolNeAR/data/dev] [--shared ../shared] [--out FILE]

Sets, each scored as `argmine evaluate` scores it (each document with its gold
file's target): the seeds (gold/seeds + seeds/), the dev corpus (gold/dev, by
genre), the blind dev set (SHARED/gold/dev-blind, by genre and target) and
PolNeAR's dev split (brat attribution gold; PolNeAR has no licence and stays
outside the repository, so its path is an argument). A set that is absent is
left out of the table, and said to be.

Beside argmine, each set gets trivial baselines, so a figure can be read against
what no understanding at all achieves:

* *every sentence an author claim, neutral*: each sentence of the raw text
  (split at . ! ? followed by a space, and at line ends) is a claim of the
  writer with stance neutral. On PolNeAR, where the writer's claims are not
  attributions, each sentence is an attribution with no source and no cue.
* *argmine, every stance neutral*: argmine's own claims, stance replaced by
  neutral — the stance column against the majority-free trivial labeller.

CPU time (user + system) of the extraction is given per set; the machine may
have been shared, so read it as an order of magnitude.
"""

from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterator, Optional, Union

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from argmine.attribution_scores import AttributionReport, AttributionScores, evaluate_attributions  # noqa: E402
from argmine.brat import load_brat_dir  # noqa: E402
from argmine.evaluate import DocumentScores, EvaluationReport, evaluate_gold  # noqa: E402
from argmine.gold import load_gold_dir  # noqa: E402
from argmine.gold_sets import GoldExtractor, evaluate_folder, pipeline_extractor  # noqa: E402
from argmine.records import Actor, Claim, TextSpan  # noqa: E402
from argmine.results import DocumentResult  # noqa: E402

Report = Union[EvaluationReport, AttributionReport]
Row = Union[DocumentScores, AttributionScores]

_SENTENCE_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s|$)")
_LINE = re.compile(r"[^\r\n]+")


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence: split at line ends and at . ! ? before a space; trimmed."""
    for line in _LINE.finditer(text):
        start = line.start()
        ends = [m.end() for m in _SENTENCE_END.finditer(text, line.start(), line.end())]
        for end in [*ends, line.end()]:
            piece = text[start:end]
            stripped = piece.strip()
            if stripped:
                left = start + len(piece) - len(piece.lstrip())
                yield left, left + len(stripped)
            start = end


def sentence_claims(doc: str, text: str, mode: str) -> list[Claim]:
    """The trivial baseline: every sentence a neutral claim (of the writer, or with no source)."""
    writer = Actor(id="author", name="author", kind="author")
    claims = []
    for n, (start, end) in enumerate(sentence_spans(text), start=1):
        span = TextSpan(text=text[start:end], start=start, end=end)
        claims.append(
            Claim(
                id=f"{doc}#{n}", doc=doc, text=span.text, start=start, end=end, content=span, actor=writer,
                mode=mode, stance="neutral", stance_score=0.0, target="integration", confidence=0.5, rule="baseline-sentence",
            )
        )
    return claims


def _read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as fp:
        return fp.read()


# --------------------------------------------------------------------------- running the sets


@dataclass
class SetResult:
    """One gold set: argmine's report, the baselines' reports, and what extraction cost."""

    name: str
    report: Report
    baselines: dict[str, Report] = field(default_factory=dict)
    cpu_seconds: float = 0.0
    group_by_genre: bool = True


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _extract_recording(results: list[DocumentResult]) -> GoldExtractor:
    """The pipeline as extractor, keeping what it found (the baselines re-score argmine's claims)."""

    def extract(files: list[Path], target: str) -> list[DocumentResult]:
        found = pipeline_extractor(files, target)
        results.extend(found)
        return found

    return extract


def run_claim_set(name: str, gold: Path, texts: Path) -> SetResult:
    """argmine and the baselines on a set of claim gold files."""
    results: list[DocumentResult] = []
    start = _cpu()
    report = evaluate_folder(gold, [texts], _extract_recording(results))
    cpu = _cpu() - start
    golds = load_gold_dir(gold)
    documents = [r.document for r in results if r.document is not None]
    sentences = [c for d in documents for c in sentence_claims(d.doc, _read(Path(d.path)), "author")]
    neutral = [c.model_copy(update={"stance": "neutral"}) for r in results for c in r.claims]
    baselines = {
        "every sentence an author claim, neutral": evaluate_gold(golds, sentences, documents),
        "argmine, every stance neutral": evaluate_gold(golds, neutral, documents),
    }
    return SetResult(name, report, baselines, cpu)


def run_brat_set(name: str, folder: Path) -> SetResult:
    """argmine and the sentence baseline on brat attribution gold."""
    start = _cpu()
    report = evaluate_folder(folder, None, pipeline_extractor)
    cpu = _cpu() - start
    golds, _ = load_brat_dir(folder)
    sentences = [c for g in golds for c in sentence_claims(g.doc, g.text, "indirect")]
    baselines = {"every sentence an attribution, no source or cue": evaluate_attributions(golds, sentences)}
    return SetResult(name, report, baselines, cpu)


# --------------------------------------------------------------------------- the table

COLUMNS = ("Set", "Row", "Docs", "Attributed P / R / F1", "Author P / R", "Stance F1 (pairs)", "Mode", "Speakers P / R", "Content F1 · Source · Cue")


def _f(*values: Optional[float]) -> str:
    return " / ".join("–" if v is None else f"{v:.2f}" for v in values)


def claim_cells(row: DocumentScores) -> list[str]:
    return [
        str(row.documents),
        _f(row.attributed.precision, row.attributed.recall, row.attributed.f1),
        _f(row.author.precision, row.author.recall),
        f"{_f(row.stance.macro_f1)} ({row.stance.pairs})",
        _f(row.mode.accuracy),
        _f(row.speakers.precision, row.speakers.recall),
        "",
    ]


def attribution_cells(row: AttributionScores, documents: int) -> list[str]:
    return [
        str(documents),
        _f(row.whole.precision, row.whole.recall, row.whole.f1),
        "", "", "", "",
        " · ".join((_f(row.content.f1), _f(row.source.accuracy), _f(row.cue.accuracy))),
    ]


def _cells(report: Report, row: Row) -> list[str]:
    if isinstance(report, AttributionReport):
        return attribution_cells(row, len(report.documents))
    return claim_cells(row)


def _group_rows(report: EvaluationReport) -> list[tuple[str, DocumentScores]]:
    rows = []
    if any(row.doc != "-" for row in report.by_genre):
        rows += [(f"genre: {row.doc}", row) for row in report.by_genre]
    if len(report.by_target) > 1:
        rows += [(f"target: {row.doc}", row) for row in report.by_target]
    return rows


def table_lines(results: list[SetResult]) -> list[str]:
    """One Markdown table: each set's total, its groups, then its baselines."""
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for result in results:
        rows: list[tuple[str, Report, Row]] = [("**argmine**", result.report, result.report.total)]
        if isinstance(result.report, EvaluationReport):
            rows += [(name, result.report, row) for name, row in _group_rows(result.report)]
        rows += [(f"baseline: {name}", report, report.total) for name, report in result.baselines.items()]
        for label, report, row in rows:
            lines.append("| " + " | ".join([result.name, label, *_cells(report, row)]) + " |")
    return lines


# --------------------------------------------------------------------------- the page


def _commit() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head} (with uncommitted changes)" if dirty else head


def set_lines(results: list[SetResult], absent: list[str]) -> list[str]:
    lines = ["| Set | Documents | Gold | Extraction CPU |", "|---|---|---|---|"]
    for result in results:
        report = result.report
        if isinstance(report, AttributionReport):
            gold = f"{report.total.content.gold} attributions"
        else:
            t = report.total
            gold = f"{t.attributed.tp + t.attributed.fn} attributed + {t.author.tp + t.author.fn} author claims required"
        lines.append(f"| {result.name} | {len(report.documents)} | {gold} | {result.cpu_seconds:.1f} s |")
    lines += [f"| {name} | absent | | |" for name in absent]
    return lines


PREAMBLE = """\
# Quality: argmine on every gold set

Rebuilt by `python benchmarks/quality.py --polnear PATH/TO/PolNeAR/data/dev` (from the repository,
venv active; `--shared DIR` if the shared folder is not `../shared`). Do not edit by hand.
Scoring as `argmine evaluate` (docs/gold-format.md), each document read with its gold file's target.

- *Attributed*: claims by others (direct/indirect); on PolNeAR, **whole-attribution overlap**
  (contents overlap and sources agree). *Content F1 · Source · Cue* (PolNeAR only): content
  overlap F1, and source and cue accuracy on content-overlap pairs — PolNeAR's own measures.
- *Author*: the writer's own claims (precision only over sentences the annotators looked at).
- *Stance F1*: macro-F1 over matched claims whose stance is scored (their number in brackets).
- Rows: **argmine** on the whole set, then by genre (when the gold files give one) and by target,
  then trivial baselines on the whole set: *every sentence an author claim, neutral* (on PolNeAR,
  every sentence an attribution with no source or cue) and *argmine, every stance neutral*.
"""


def page(results: list[SetResult], absent: list[str]) -> str:
    head = f"Measured {date.today().isoformat()} on commit {_commit()}."
    body = [PREAMBLE, head, "", *table_lines(results), "", "## Sets", "", *set_lines(results, absent), ""]
    body.append("CPU: user + system seconds of the extraction (spaCy pipeline, no cache) on a shared 2-core machine.")
    return "\n".join(body) + "\n"


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", type=Path, help="PolNeAR's dev split (text/ + attributions/); its row is left out without it")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared folder (default: ../shared)")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "QUALITY.md")
    args = parser.parse_args(argv)
    claim_sets = [
        ("seeds", REPO / "gold" / "seeds", REPO / "seeds"),
        ("dev", REPO / "gold" / "dev", REPO / "gold" / "dev" / "texts"),
        ("dev-blind", args.shared / "gold" / "dev-blind", args.shared / "gold" / "dev-blind" / "texts"),
    ]
    results, absent = [], []
    for name, gold, texts in claim_sets:
        if gold.is_dir() and any(gold.glob("*.json")):
            results.append(run_claim_set(name, gold, texts))
            print(f"{name}: {len(results[-1].report.documents)} documents, {results[-1].cpu_seconds:.1f} s CPU", file=sys.stderr)
        else:
            absent.append(name)
    if args.polnear is not None and args.polnear.is_dir():
        results.append(run_brat_set("PolNeAR dev", args.polnear))
        print(f"PolNeAR dev: {len(results[-1].report.documents)} documents, {results[-1].cpu_seconds:.1f} s CPU", file=sys.stderr)
    else:
        absent.append("PolNeAR dev")
    args.out.write_text(page(results, absent), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

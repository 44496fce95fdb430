"""The accuracy ratchet: measured figures of each gold set against those recorded in ratchet.json.

Used by tests/test_ratchet.py, and run directly to print the figures to record:

    python tests/ratchet.py            # every set present; prints JSON to paste into tests/ratchet.json

A set is a gold folder and its texts (`gold/seeds` + `seeds/`, `gold/dev` +
`gold/dev/texts/`, `../shared/gold/dev-blind` + its `texts/`). `../shared` is
the shared folder beside the checkout; `$ARGMINE_SHARED` names another. A set
whose folder is missing or holds no gold file is skipped. Each recorded set
carries a fingerprint of its files: figures are only comparable on the same
documents and gold, so a changed set must be measured and recorded again.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:  # pragma: no cover
    from argmine.gold_sets import GoldExtractor

REPO = Path(__file__).resolve().parent.parent
RATCHET = Path(__file__).resolve().parent / "ratchet.json"
SHARED_PREFIX = "../shared"

#: Floats are recorded with three decimals; this absorbs their rounding.
EPSILON = 1e-9


def load_ratchet(path: Path = RATCHET) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def resolve(relative: str) -> Path:
    """A set's path as recorded (relative to the repository; `../shared/...` may be moved by $ARGMINE_SHARED)."""
    if relative.startswith(SHARED_PREFIX + "/") and os.environ.get("ARGMINE_SHARED"):
        return Path(os.environ["ARGMINE_SHARED"]) / relative[len(SHARED_PREFIX) + 1 :]
    return (REPO / relative).resolve()


def available(gold: Path) -> bool:
    """Whether a gold set is there to measure: a folder with at least one gold file."""
    return gold.is_dir() and any(gold.glob("*.json"))


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []


def fingerprint(gold: Path, texts: Path) -> str:
    """A hash of the gold files, target files and texts: changes whenever the set does."""
    digest = hashlib.sha256()
    members = [*sorted(gold.glob("*.json")), *_files(gold / "targets"), *_files(texts)]
    for path in sorted(set(members)):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


@dataclass
class Measurement:
    """One set's figures as measured now."""

    documents: int
    gold_files: int
    fingerprint: str
    figures: dict[str, Optional[float]]
    counts: dict[str, int]


def measure(gold: Path, texts: Path, extract: "Optional[GoldExtractor]" = None) -> Measurement:
    """Extract the set's texts (each with its gold file's target) and score them."""
    from argmine.evaluate import HEADLINE_FIGURES
    from argmine.gold_sets import evaluate_folder, pipeline_extractor

    report = evaluate_folder(gold, [texts], extract or pipeline_extractor)
    headline = report.headline()
    counts = {name: int(headline[name] or 0) for name in HEADLINE_FIGURES if name == "duplicates"}
    figures = {name: headline[name] for name in HEADLINE_FIGURES if name not in counts}
    return Measurement(len(report.documents), len(list(gold.glob("*.json"))), fingerprint(gold, texts), figures, counts)


def breaches(measured: Measurement, recorded: dict, tolerance: float) -> list[str]:
    """Every figure below its recorded value by more than `tolerance`, every count above its ceiling."""
    found = []
    for name, value in recorded.get("figures", {}).items():
        if value is None:
            continue
        now = measured.figures.get(name)
        if now is None or now < value - tolerance - EPSILON:
            found.append(f"{name}: {_shown(now)} < recorded {value} - {tolerance}")
    for name, ceiling in recorded.get("maximum", {}).items():
        if measured.counts.get(name, 0) > ceiling:
            found.append(f"{name}: {measured.counts.get(name)} > recorded maximum {ceiling}")
    return found


def _shown(value: Optional[float]) -> str:
    return "n/a" if value is None else f"{value:.4f}"


def _floor3(value: Optional[float]) -> Optional[float]:
    return None if value is None else int(value * 1000 + EPSILON) / 1000


def record(spec: dict, measured: Measurement) -> dict:
    """The set's entry as it should be recorded: measured figures rounded down to three decimals."""
    return {
        "gold": spec["gold"],
        "texts": spec["texts"],
        "documents": measured.documents,
        "fingerprint": measured.fingerprint,
        "figures": {name: _floor3(value) for name, value in measured.figures.items()},
        "maximum": dict(measured.counts),
    }


def main() -> int:
    """Measure every set present and print the entries to record (nothing is written)."""
    ratchet = load_ratchet()
    entries = {}
    for name, spec in ratchet["sets"].items():
        gold, texts = resolve(spec["gold"]), resolve(spec["texts"])
        if not available(gold):
            print(f"{name}: {spec['gold']} absent or empty — skipped", file=sys.stderr)
            continue
        measured = measure(gold, texts)
        entries[name] = record(spec, measured)
        problems = breaches(measured, spec, ratchet["tolerance"])
        print(f"{name}: {measured.documents} documents; " + ("; ".join(problems) or "within the ratchet"), file=sys.stderr)
    print(json.dumps(entries, indent=2))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    raise SystemExit(main())

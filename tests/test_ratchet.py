"""The accuracy ratchet: the real extraction on the seeds must not score below tests/ratchet.json.

`ratchet.json` records floors under the headline figures (and a ceiling on
duplicates); they are raised by hand when the figures improve (see its
"comment"), so a change that loses accuracy on the seeds fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

from argmine.evaluate import HEADLINE_FIGURES, EvaluationReport, evaluate
from argmine.records import Claim, Document

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SEED_GOLD = REPO / "gold" / "seeds"
RATCHET = Path(__file__).resolve().parent / "ratchet.json"

#: Tolerance for floats written with a few decimals.
EPSILON = 1e-9

def load_ratchet() -> dict:
    return json.loads(RATCHET.read_text(encoding="utf-8"))


def test_ratchet_file_covers_every_headline_figure():
    ratchet = load_ratchet()
    recorded = set(ratchet["minimum"]) | set(ratchet["maximum"])
    assert recorded == set(HEADLINE_FIGURES)
    assert not set(ratchet["minimum"]) & set(ratchet["maximum"])
    assert all(isinstance(v, (int, float)) and v >= 0 for v in [*ratchet["minimum"].values(), *ratchet["maximum"].values()])
    assert "raise" in ratchet["comment"].lower()


def _extract_seeds() -> tuple[list[Claim], list[Document]]:
    """Run the real pipeline on the repo's seeds."""
    from argmine.ingest import Article, iter_articles
    from argmine.pipeline import extract_articles

    articles = [a for a in iter_articles([SEEDS]) if isinstance(a, Article)]
    claims: list[Claim] = []
    documents: list[Document] = []
    for result in extract_articles(articles):
        claims += result.claims
        documents.append(result.document)
    return claims, documents


def _describe(report: EvaluationReport, ratchet: dict) -> str:
    figures = report.headline()
    lines = []
    for name in HEADLINE_FIGURES:
        bound = ratchet["minimum"].get(name, ratchet["maximum"].get(name))
        side = ">=" if name in ratchet["minimum"] else "<="
        value = figures[name]
        shown = "n/a" if value is None else (f"{value:.4f}" if isinstance(value, float) else str(value))
        lines.append(f"  {name:22} {shown:>8}  (recorded {side} {bound})")
    return "\n".join(lines)


def test_seed_figures_do_not_fall_below_the_ratchet():
    ratchet = load_ratchet()
    claims, documents = _extract_seeds()
    report = evaluate(SEED_GOLD, claims, documents)
    assert len(report.documents) == len(list(SEEDS.glob("*.txt"))), "every seed must be scored against its gold file"

    figures = report.headline()
    table = _describe(report, ratchet)
    print(f"seed figures:\n{table}")
    below = [
        name for name, floor in ratchet["minimum"].items() if (figures[name] or 0.0) < floor - EPSILON
    ]
    above = [name for name, ceiling in ratchet["maximum"].items() if figures[name] > ceiling]
    assert not below and not above, f"outside the ratchet: {below + above}\n{table}"

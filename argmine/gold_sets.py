"""A gold folder evaluated end to end: its kind, its texts, each document's target, the report.

`argmine evaluate`, the ratchet test and `benchmarks/quality.py` all score a
gold folder the same way, differing only in how claims are extracted (through
the store's cache, or straight through the pipeline), so extraction is passed
in as a function.

* **Kind.** A folder with brat annotation files (`*.ann`, or PolNeAR's `text/`
  + `attributions/`) holds attribution gold (`argmine.attribution_scores`);
  any other holds claim gold files (`argmine.evaluate`).
* **Texts.** When no articles are named, claim gold is read with the articles
  in its `texts/` folder, brat gold with its own `.txt` files.
* **Targets.** Each claim gold file names its target: a target file
  `targets/NAME.json` (or `.toml`) in the gold folder, else a bundled target of
  that name. Each document is extracted with its gold file's target, unless
  one target is forced for all (`--target`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional, Sequence

from argmine.attribution_scores import AttributionReport, evaluate_attributions
from argmine.brat import BratDocument, is_brat_folder, load_brat_dir, text_files
from argmine.errors import GoldError, UsageError
from argmine.evaluate import EvaluationReport, Report, doc_is, evaluate_gold
from argmine.gold import GoldDocument, load_gold_dir
from argmine.results import DocumentResult
from argmine.records import Claim
from argmine.target import DEFAULT_TARGET

#: (article files, target name or target file) -> what each article yielded.
GoldExtractor = Callable[[list[Path], str], list[DocumentResult]]


def is_attribution_gold(gold_dir: Path) -> bool:
    """Whether `gold_dir` holds brat attribution gold rather than claim gold files."""
    return is_brat_folder(Path(gold_dir))


def default_texts(gold_dir: Path) -> list[Path]:
    """The articles a gold folder annotates, when the user names none.

    Raises:
        UsageError: claim gold without a `texts/` folder (the articles must be named).
    """
    gold_dir = Path(gold_dir)
    if is_attribution_gold(gold_dir):
        return text_files(gold_dir)
    texts = gold_dir / "texts"
    if not texts.is_dir():
        raise UsageError(f"{gold_dir} has no texts/ folder: name the articles its gold files annotate")
    return [texts]


def gold_target(gold_dir: Path, name: str) -> str:
    """The target a gold file names: the gold folder's `targets/NAME.json|toml`, else a bundled one.

    Raises:
        GoldError: neither exists.
    """
    from argmine.target import bundled_targets

    for suffix in (".json", ".toml"):
        candidate = Path(gold_dir) / "targets" / f"{name}{suffix}"
        if candidate.is_file():
            return str(candidate)
    if name in bundled_targets():
        return name
    raise GoldError(f"{gold_dir}: gold names target {name!r}, which is neither bundled nor in targets/{name}.json")


@dataclass
class ExtractionPlan:
    """Which article files to extract with which target, and the articles no gold annotates."""

    groups: dict[str, list[Path]] = field(default_factory=dict)
    without_gold: list[str] = field(default_factory=list)


def _article_files(paths: Sequence[Path]) -> list[tuple[str, Path]]:
    """(doc id, file) of every article the paths name, as extraction would name them."""
    from argmine.ingest.files import candidates

    return [(c.doc_id, c.path) for c in candidates([Path(p) for p in paths]) if not c.skip_reason]


def plan_extraction(
    gold_dir: Path, names: dict[str, Optional[str]], paths: Sequence[Path], target: Optional[str] = None
) -> ExtractionPlan:
    """Group the articles by the target their gold names (`names`: gold doc -> target name).

    Raises:
        UsageError: no article has gold, or two articles are the same gold document (`a/X.txt`, `b/X.txt`).
        GoldError: a gold file names a target that cannot be found.
    """
    plan = ExtractionPlan()
    owners: dict[str, str] = {}
    for doc_id, path in _article_files(paths):
        gold_doc = next((g for g in names if doc_is(doc_id, g)), None)
        if gold_doc is None:
            plan.without_gold.append(doc_id)
            continue
        if gold_doc in owners:
            raise UsageError(f"gold file for {gold_doc} matches several documents ({owners[gold_doc]}, {doc_id}); evaluate them separately")
        owners[gold_doc] = doc_id
        chosen = target or gold_target(gold_dir, names[gold_doc] or DEFAULT_TARGET)
        plan.groups.setdefault(chosen, []).append(path)
    if not plan.groups:
        named = ", ".join(str(p) for p in paths) or "(nothing)"
        raise UsageError(f"no article in {named} has gold in {gold_dir} (gold X.json annotates article X.txt)")
    return plan


def _run(plan: ExtractionPlan, extract: GoldExtractor) -> tuple[list[Claim], list[DocumentResult]]:
    results = [result for chosen, files in plan.groups.items() for result in extract(files, chosen)]
    return [c for r in results for c in r.claims], results


def _annotators_note(golds: Sequence[BratDocument]) -> list[str]:
    several = [g for g in golds if g.other_annotations]
    if not several:
        return []
    return [f"{len(several)} article(s) have several annotation files; each is scored against the first in file-name order"]


def evaluate_claim_gold(gold_dir: Path, paths: Sequence[Path], extract: GoldExtractor, target: Optional[str] = None) -> EvaluationReport:
    """Extract the articles (each with its gold file's target) and score them against claim gold."""
    golds = load_gold_dir(Path(gold_dir))
    plan = plan_extraction(gold_dir, {g.doc: g.target for g in golds}, paths, target)
    claims, results = _run(plan, extract)
    documents = [r.document for r in results if r.document is not None]
    report = evaluate_gold(golds, claims, documents, gold_dir=str(gold_dir))
    report.documents_without_gold += plan.without_gold
    return report


def evaluate_brat_gold(gold_dir: Path, paths: Sequence[Path], extract: GoldExtractor, target: Optional[str] = None) -> AttributionReport:
    """Extract the articles and score their attributions against brat gold."""
    golds, warnings = load_brat_dir(Path(gold_dir))
    plan = plan_extraction(gold_dir, {g.doc: None for g in golds}, paths, target or DEFAULT_TARGET)
    claims, results = _run(plan, extract)
    report = evaluate_attributions(golds, claims, [r.doc for r in results], gold_dir=str(gold_dir))
    report.documents_without_gold += plan.without_gold
    report.warnings = warnings + _annotators_note(golds) + report.warnings
    return report


def evaluate_folder(gold_dir: Path, paths: Optional[Sequence[Path]], extract: GoldExtractor, target: Optional[str] = None) -> Report:
    """Score a gold folder of either kind; `paths` None means the folder's own texts.

    Raises:
        GoldError: malformed gold, or a target that cannot be found.
        UsageError: no articles to read, or two articles for one gold document.
    """
    gold_dir = Path(gold_dir)
    chosen = list(paths) if paths else default_texts(gold_dir)
    if is_attribution_gold(gold_dir):
        return evaluate_brat_gold(gold_dir, chosen, extract, target)
    return evaluate_claim_gold(gold_dir, chosen, extract, target)


def score_records(gold_dir: Path, claims: list[Claim]) -> Report:
    """Score claim records already at hand (e.g. read from stdin) against a gold folder of either kind."""
    gold_dir = Path(gold_dir)
    if is_attribution_gold(gold_dir):
        golds, warnings = load_brat_dir(gold_dir)
        report = evaluate_attributions(golds, claims, gold_dir=str(gold_dir))
        report.warnings = warnings + _annotators_note(golds) + report.warnings
        return report
    golds: list[GoldDocument] = load_gold_dir(gold_dir)
    return evaluate_gold(golds, claims, gold_dir=str(gold_dir))


def pipeline_extractor(paths: list[Path], target: str) -> list[DocumentResult]:
    """Extract straight through the pipeline, no store: for tests and benchmarks."""
    from argmine.ingest import Article, iter_articles
    from argmine.pipeline import extract_articles

    articles = [a for a in iter_articles(paths) if isinstance(a, Article)]
    return list(extract_articles(articles, target=target))

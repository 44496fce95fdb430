"""`argmine evaluate` as a developer's instrument: genres, each document's target, the rule
behind each mistake, --compare, and brat attribution gold — end to end with the stand-in
pipeline (conftest.fake_extract: "Name said that ..." sentences become claims)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import conftest
from argmine import runner as runner_module
from argmine.cli import app
from argmine.errors import GoldError
from argmine.evaluate import evaluate
from argmine.gold_sets import evaluate_folder, plan_extraction, gold_target
from argmine.results import DocumentResult

NEWS = "Clinic plans\n\nJane Doe said that integration would help patients.\n\nBob Stone warned that the merger will fail.\n"
LETTER = "Parking letter\n\nAmy Lord argued that parking fees help nobody.\n"
TARGET = {"name": "parking", "description": "Paid parking at hospitals.", "pro": ["parking fees"]}


def gold_file(doc: str, actors: list[tuple[str, str]], claims: list[tuple[str, str, str]], **top) -> dict:
    return {
        "doc": doc,
        **top,
        "actors": [{"id": a, "name": name, "kind": "person"} for a, name in actors],
        "claims": [{"actor": a, "anchor": anchor, "mode": "indirect", "stance": stance} for a, anchor, stance in claims],
    }


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    """A dev-corpus-like folder: gold files, texts/, and targets/ for the off-domain one."""
    gold = tmp_path / "dev"
    (gold / "texts").mkdir(parents=True)
    (gold / "targets").mkdir()
    (gold / "texts" / "news.txt").write_text(NEWS)
    (gold / "texts" / "letter.txt").write_text(LETTER)
    (gold / "targets" / "parking.json").write_text(json.dumps(TARGET))
    news = gold_file(
        "news.txt",
        [("jane", "Jane Doe"), ("bob", "Bob Stone")],
        [("jane", "integration would help patients", "support"), ("bob", "the merger will fail", "oppose")],
        genre="news",
    )
    letter = gold_file(
        "letter.txt", [("amy", "Amy Lord")], [("amy", "parking fees help nobody", "oppose")],
        genre="letter", target="parking", licence="CC BY 4.0, written for argmine",
    )
    (gold / "news.json").write_text(json.dumps(news))
    (gold / "letter.json").write_text(json.dumps(letter))
    return gold


@pytest.fixture
def cli(monkeypatch, tmp_path) -> CliRunner:
    monkeypatch.setattr(runner_module, "pipeline_extract", conftest.fake_extract)
    monkeypatch.setenv("ARGMINE_STORE", str(tmp_path / "store.db"))
    monkeypatch.setenv("COLUMNS", "120")
    return CliRunner()


def fake_extractor(calls: list):
    """An extractor for gold_sets that records which files went with which target."""

    def extract(files: list[Path], target: str) -> list[DocumentResult]:
        from argmine.ingest import Article, iter_articles

        calls.append((target, sorted(f.name for f in files)))
        articles = [a for a in iter_articles(files) if isinstance(a, Article)]
        return conftest.fake_extract(articles, target, "latest")

    return extract


# --------------------------------------------------------------------------- targets and genres


def test_each_document_is_extracted_with_its_gold_files_target(gold_dir):
    calls: list = []
    report = evaluate_folder(gold_dir, None, fake_extractor(calls))
    assert sorted(calls, key=lambda call: call[1]) == [(str(gold_dir / "targets" / "parking.json"), ["letter.txt"]), ("integration", ["news.txt"])]
    assert [(row.doc, row.documents) for row in report.by_target] == [("integration", 1), ("parking", 1)]
    assert [(row.doc, row.genre, row.target) for row in report.documents] == [("letter.txt", "letter", "parking"), ("news.txt", "news", "integration")]


def test_forced_target_reads_every_document_with_it(gold_dir):
    calls: list = []
    evaluate_folder(gold_dir, None, fake_extractor(calls), target="integration")
    assert calls == [("integration", ["letter.txt", "news.txt"])]


def test_by_genre_rows_sum_their_documents(gold_dir):
    report = evaluate_folder(gold_dir, None, fake_extractor([]))
    genres = {row.doc: row for row in report.by_genre}
    assert sorted(genres) == ["letter", "news"]
    assert (genres["news"].attributed.tp, genres["news"].attributed.fn) == (2, 0)
    assert genres["letter"].attributed.tp == 1
    assert report.total.attributed.tp == 3 and report.total.documents == 2


def test_unknown_target_is_a_gold_error(gold_dir):
    with pytest.raises(GoldError, match="neither bundled nor in targets/ltn.json"):
        gold_target(gold_dir, "ltn")
    assert gold_target(gold_dir, "integration") == "integration"


def test_articles_without_gold_are_listed_not_extracted(gold_dir, tmp_path):
    (gold_dir / "texts" / "extra.txt").write_text("Nobody said that anything mattered.\n")
    plan = plan_extraction(gold_dir, {"news.txt": "integration"}, [gold_dir / "texts"])
    assert plan.without_gold == ["extra.txt", "letter.txt"]
    assert {t: [p.name for p in files] for t, files in plan.groups.items()} == {"integration": ["news.txt"]}


def test_mistakes_carry_the_rule_that_produced_the_claim(gold_dir):
    from argmine.ingest import Article, iter_articles

    [article] = [a for a in iter_articles([gold_dir / "texts" / "news.txt"]) if isinstance(a, Article)]
    [result] = conftest.fake_extract([article], None, "latest")
    claims = result.claims
    claims = [claims[0].model_copy(update={"rule": "verb:say", "actor": claims[1].actor})]
    report = evaluate(gold_dir, claims)
    false_positive = next(m for m in report.mistakes if m.kind == "false_positive")
    assert false_positive.rule == "verb:say" and "integration would help" in false_positive.text


# --------------------------------------------------------------------------- the command


def test_evaluate_reads_the_gold_folders_texts_and_reports_groups(cli, gold_dir):
    result = cli.invoke(app, ["evaluate", "--gold", str(gold_dir), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["kind"] == "claims" and report["total"]["attributed"]["tp"] == 3
    assert [row["doc"] for row in report["by_genre"]] == ["letter", "news"]
    table = cli.invoke(app, ["evaluate", "--gold", str(gold_dir), "-f", "table"])
    assert "By genre" in table.stdout and "By target" in table.stdout and "parking" in table.stdout


def test_compare_sets_figures_beside_an_earlier_report(cli, gold_dir, tmp_path):
    before = tmp_path / "before.json"
    assert cli.invoke(app, ["evaluate", "--gold", str(gold_dir), "-o", str(before)]).exit_code == 0
    saved = json.loads(before.read_text())
    saved["total"]["attributed"].update(tp=2, fn=1)  # plant an earlier run that missed a claim
    before.write_text(json.dumps(saved))
    result = cli.invoke(app, ["evaluate", "--gold", str(gold_dir), "--compare", str(before), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    comparison = json.loads(result.stdout)["comparison"]
    total = next(row for row in comparison["rows"] if row["row"] == "TOTAL")
    recall = next(f for f in total["figures"] if f["figure"] == "attributed_recall")
    assert (recall["before"], recall["now"], recall["delta"]) == (pytest.approx(2 / 3), 1.0, pytest.approx(1 / 3))
    assert {row["row"] for row in comparison["rows"]} >= {"TOTAL", "genre: news", "target: parking", "news.txt"}
    table = cli.invoke(app, ["evaluate", "--gold", str(gold_dir), "--compare", str(before), "-f", "table"])
    assert "Compared with" in table.stdout and "+0.333" in table.stdout


def test_compare_refuses_a_file_that_is_no_report(cli, gold_dir, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"claims": []}')
    result = cli.invoke(app, ["evaluate", "--gold", str(gold_dir), "--compare", str(bad)])
    assert result.exit_code == 1 and result.stderr.startswith("Error: ") and len(result.stderr.splitlines()) == 1


def test_claim_gold_without_texts_needs_the_articles_named(cli, tmp_path):
    (tmp_path / "g").mkdir()
    (tmp_path / "g" / "a.json").write_text(json.dumps(gold_file("a.txt", [], [])))
    result = cli.invoke(app, ["evaluate", "--gold", str(tmp_path / "g")])
    assert result.exit_code == 2 and "texts/" in result.stderr


# --------------------------------------------------------------------------- brat gold through the command

BRAT_TEXT = "Clinic plans\r\n\r\nJane Doe said that integration would help patients.\r\n\r\nNo one else spoke.\r\n"


def brat_folder(root: Path) -> Path:
    folder = root / "brat"
    folder.mkdir()
    (folder / "story.txt").write_bytes(BRAT_TEXT.encode("utf-8"))
    spans = {"Source": "Jane Doe", "Cue": "said", "Content": "integration would help patients"}
    lines = []
    for n, (label, piece) in enumerate(spans.items(), start=1):
        start = BRAT_TEXT.index(piece)
        lines.append(f"T{n}\t{label} {start} {start + len(piece)}\t{piece}")
    missed = BRAT_TEXT.index("No one else spoke")
    lines += [f"T4\tContent {missed} {missed + 17}\tNo one else spoke", "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3", "E2\tAttribution-no-source:T4 Content:T4"]
    (folder / "story_a1.ann").write_text("\n".join(lines) + "\n")
    return folder


def test_brat_gold_is_recognised_and_its_texts_extracted(cli, tmp_path):
    result = cli.invoke(app, ["evaluate", "--gold", str(brat_folder(tmp_path)), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["kind"] == "attribution"
    total = report["total"]
    assert (total["content"]["pairs"], total["content"]["predicted"], total["content"]["gold"]) == (1, 1, 2)
    assert total["whole"]["pairs"] == 1 and total["source"]["accuracy"] == 1.0 and total["cue"]["accuracy"] == 1.0
    assert [m["kind"] for m in report["mistakes"]] == ["missed"]
    table = cli.invoke(app, ["evaluate", "--gold", str(tmp_path / "brat"), "-f", "table"])
    assert "Whole P/R/F1" in table.stdout and "1.00/0.50/0.67" in table.stdout


def test_brat_gold_scores_claim_records_from_stdin(cli, tmp_path):
    folder = brat_folder(tmp_path)
    extracted = cli.invoke(app, ["extract", str(folder / "story.txt"), "-f", "jsonl"])
    result = cli.invoke(app, ["evaluate", "--gold", str(folder), "-", "-f", "json"], input=extracted.stdout)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["total"]["whole"]["pairs"] == 1


def test_compare_refuses_reports_of_the_other_kind(cli, gold_dir, tmp_path):
    before = tmp_path / "claims.json"
    assert cli.invoke(app, ["evaluate", "--gold", str(gold_dir), "-o", str(before)]).exit_code == 0
    result = cli.invoke(app, ["evaluate", "--gold", str(brat_folder(tmp_path)), "--compare", str(before)])
    assert result.exit_code == 2 and "claim gold" in result.stderr


def test_articles_none_of_which_has_gold_are_a_usage_error(cli, gold_dir, tmp_path):
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "x.txt").write_text("Nobody said that anything mattered.\n")
    for named in (str(tmp_path / "other"), str(tmp_path / "missing")):
        result = cli.invoke(app, ["evaluate", "--gold", str(gold_dir), named])
        assert result.exit_code == 2 and "has gold in" in result.stderr and len(result.stderr.splitlines()) == 1


def test_malformed_brat_gold_is_a_one_line_error(cli, tmp_path):
    folder = brat_folder(tmp_path)
    with open(folder / "story_a1.ann", "a") as fp:
        fp.write("T9\tContent 40 20\tbackwards\n")
    result = cli.invoke(app, ["evaluate", "--gold", str(folder)])
    assert result.exit_code == 1 and "story_a1.ann:7" in result.stderr and len(result.stderr.splitlines()) == 1

"""The command line on the real pipeline (the shipped model): small hand-written articles and
the seeds.

What the pipeline finds is tuned elsewhere, so these tests pin what the command line
promises whatever it finds: offsets that point into the files, every format telling the same
story, the cache, worker processes, and the store feeding who-said and actors. Exact output,
format by format, is pinned in test_cli_extract.py with a stand-in pipeline.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmine.cli import app
from argmine.records import Claim, ExtractionResult

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"

ARTICLES = {
    "health.txt": (
        "Trust chiefs back merger plan\n\n"
        "Jane Doe, chief executive of Northfield Health Trust, said the merger would help patients "
        "by joining up hospital and community care.\n\n"
        "\u201cThis plan will fail,\u201d said Bob Stone, a local GP. \u201cIt ignores what patients need.\u201d\n"
    ),
    "council.txt": (
        "Councillors split over care deal\n\n"
        "Council leader Mary Smith argued that integrating health and social care was overdue.\n\n"
        "Critics warned that the deal would create more bureaucracy.\n"
    ),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pipeline") / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def extracted(corpus) -> dict[str, str]:
    """Each format's stdout for one run over the corpus (the first run fills the cache)."""
    runner = CliRunner()
    store = corpus.parent / "store.db"
    outputs = {}
    for fmt in ("jsonl", "json", "csv", "markdown", "table"):
        result = runner.invoke(app, ["extract", str(corpus), "-f", fmt, "--store", str(store)], env={"COLUMNS": "120"})
        assert result.exit_code == 0, result.stderr
        outputs[fmt] = result.stdout_bytes.decode()
    return outputs


def records(jsonl: str) -> list[dict]:
    return [json.loads(line) for line in jsonl.splitlines()]


def check_offsets(claims: list[dict], folder: Path) -> None:
    for claim in claims:
        text = (folder / claim["doc"]).read_text(encoding="utf-8")
        assert text[claim["start"] : claim["end"]] == claim["text"], claim["id"]
        for span in ("content", "cue", "source"):
            if claim[span] is not None:
                assert text[claim[span]["start"] : claim[span]["end"]] == claim[span]["text"], (claim["id"], span)


def test_pipeline_extract_records_follow_the_contract(extracted, corpus):
    claims = records(extracted["jsonl"])
    assert claims, "the pipeline found no claim at all"
    for claim in claims:
        Claim.model_validate(claim)
    check_offsets(claims, corpus)
    assert len({c["id"] for c in claims}) == len(claims)


def test_pipeline_extract_finds_the_plain_attributions(extracted):
    """The plainest constructions (X, a role, said ...; "...," said X) come through the CLI."""
    speakers = {c["actor"]["name"] for c in records(extracted["jsonl"]) if c["doc"] == "health.txt"}
    assert {"Jane Doe", "Bob Stone"} <= speakers, speakers


def test_pipeline_every_format_tells_the_same_story(extracted):
    claims = records(extracted["jsonl"])
    ids = [c["id"] for c in claims]
    result = ExtractionResult.model_validate_json(extracted["json"])
    assert [c.id for c in result.claims] == ids
    assert sorted(d.doc for d in result.documents) == sorted(ARTICLES)
    assert sum(a.claims for a in result.actors) == len(claims)
    rows = list(csv.DictReader(io.StringIO(extracted["csv"], newline="")))
    assert [r["id"] for r in rows] == ids
    assert [r["actor.name"] for r in rows] == [c["actor"]["name"] for c in claims]
    for claim in claims:
        name = claim["actor"]["name"]
        assert name in extracted["markdown"]
        assert name.split()[0] in extracted["table"]


def test_pipeline_second_run_comes_from_the_store(extracted, corpus, monkeypatch):
    from argmine import pipeline

    def must_not_run(*args, **kwargs):
        raise AssertionError("the pipeline ran on an unchanged file")

    monkeypatch.setattr(pipeline, "extract_articles", must_not_run)
    again = CliRunner().invoke(app, ["extract", str(corpus), "-f", "jsonl", "--store", str(corpus.parent / "store.db")])
    assert again.exit_code == 0, again.stderr
    assert again.stdout == extracted["jsonl"]


def test_pipeline_jobs_2_gives_the_same_claims(extracted, corpus, tmp_path):
    result = CliRunner().invoke(app, ["extract", str(corpus), "-f", "jsonl", "--jobs", "2", "--store", str(tmp_path / "s.db")])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == extracted["jsonl"]


def test_pipeline_store_feeds_who_said_and_actors(extracted, corpus):
    store = str(corpus.parent / "store.db")
    runner = CliRunner()
    first = records(extracted["jsonl"])[0]["actor"]
    said = runner.invoke(app, ["who-said", "--actor", first["name"], "--store", store])
    assert said.exit_code == 0, said.stderr
    assert said.stdout == "".join(
        json.dumps(c, ensure_ascii=False, separators=(",", ":")) + "\n"
        for c in records(extracted["jsonl"])
        if c["actor"]["name"] == first["name"] and c["actor"]["kind"] == first["kind"]
    )
    actors = runner.invoke(app, ["actors", "--store", store, "-f", "json"])
    assert json.loads(actors.stdout)["actors"] == json.loads(extracted["json"])["actors"]


# --------------------------------------------------------------------------- the seeds


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory) -> tuple[CliRunner, Path, str]:
    folder = tmp_path_factory.mktemp("seeds")
    store = folder / "store.db"
    runner = CliRunner()
    result = runner.invoke(app, ["extract", str(SEEDS), "-f", "json", "--store", str(store)])
    assert result.exit_code == 0, result.stderr
    return runner, store, result.stdout


def test_seeds_extract_reads_all_five_and_keeps_offsets_exact(seeds_run):
    _, _, output = seeds_run
    result = ExtractionResult.model_validate_json(output)
    assert [d.doc for d in result.documents] == sorted(p.name for p in SEEDS.glob("*.txt"))
    claims = [c.model_dump() for c in result.claims]
    check_offsets(claims, SEEDS)
    for document in result.documents:
        numbers = [int(c.id.rpartition("#")[2]) for c in result.claims if c.doc == document.doc]
        assert numbers == list(range(1, len(numbers) + 1)), document.doc  # counted in document order


def test_seeds_never_report_a_claim_twice(seeds_run):
    result = ExtractionResult.model_validate_json(seeds_run[2])
    seen = [(c.doc, c.start, c.end, c.actor.id) for c in result.claims]
    assert len(seen) == len(set(seen))


def test_pipeline_who_said_speakers_come_from_the_claims(extracted, corpus):
    """Every actor the pipeline credits can be asked for by name, and answers with its own claims."""
    runner = CliRunner()
    store = str(corpus.parent / "store.db")
    for name in {c["actor"]["name"] for c in records(extracted["jsonl"])}:
        said = runner.invoke(app, ["who-said", "--actor", name, "--store", store])
        assert said.exit_code == 0, (name, said.stderr)
        assert {json.loads(line)["actor"]["name"] for line in said.stdout.splitlines()} == {name}


def test_seeds_who_said_answers_from_the_store(seeds_run):
    runner, store, output = seeds_run
    result = ExtractionResult.model_validate_json(output)
    speaker = next(a for a in result.actors if a.kind == "person")
    surname = speaker.name.split()[-1]
    said = runner.invoke(app, ["who-said", "--actor", surname, "--store", str(store), "-f", "jsonl"])
    assert said.exit_code in (0, 2), said.stderr  # 2: the surname is shared, and the candidates are listed
    if said.exit_code == 0:
        assert {json.loads(line)["actor"]["name"] for line in said.stdout.splitlines()} >= {speaker.name}


def test_seeds_inspect_every_file(seeds_run):
    runner = seeds_run[0]
    for path in sorted(SEEDS.glob("*.txt")):
        result = runner.invoke(app, ["inspect", str(path), "-f", "jsonl"])
        assert result.exit_code == 0, result.stderr
        text = path.read_text(encoding="utf-8-sig")
        for segment in map(json.loads, result.stdout.splitlines()):
            assert text[segment["start"] : segment["end"]] == segment["text"]


def test_seeds_copy_elsewhere_comes_from_the_cache(seeds_run, tmp_path, monkeypatch):
    from argmine import pipeline

    runner, store, output = seeds_run
    copy = tmp_path / "copy"
    shutil.copytree(SEEDS, copy)
    monkeypatch.setattr(pipeline, "extract_articles", lambda *a, **k: (_ for _ in ()).throw(AssertionError("ran")))
    again = runner.invoke(app, ["extract", str(copy), "-f", "json", "--store", str(store)])
    assert again.exit_code == 0, again.stderr
    assert [c.id for c in ExtractionResult.model_validate_json(again.stdout).claims] == [
        c.id for c in ExtractionResult.model_validate_json(output).claims
    ]

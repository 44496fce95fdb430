"""The Dask engine and `argmine merge` (issue 14).

Tests marked `dask` start local Dask clusters: they are left out of the default run
(pytest config) and run on their own with `pytest -m dask`. The shard and merge
tests below need no cluster: a retried task is the same function run twice.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

import conftest
from argmine import runner as runner_module
from argmine.cli import app
from argmine.distributed.merge import merge_shards
from argmine.distributed.shards import ShardItem, read_shard, shard_files, shard_name
from argmine.distributed.worker import run_shard
from argmine.ingest import iter_articles
from argmine.runner import ExtractRun, RunListener, article_source
from argmine.store import ExtractionKey, Store
from argmine.target import resolve_target

TEXTS = {
    "budget.txt": "Budget talks\n\nMaria Lopez said that the new budget would help schools. Tom Reed warned that it would fail.\n",
    "rail.txt": "Rail plan\n\nThe minister said the rail link would open next year. Unions argued that fares must fall.\n",
    "housing.txt": "Housing\n\nAnna Berg said that more homes would help young families. Critics said the plan would fail.\n",
    "water.txt": "Water\n\nThe regulator warned that bills would rise. Sam Oduya argued that public ownership would help.\n",
    "clinic.txt": "Clinic\n\nDr Lee said the clinic would close in May. Patients said that the decision would fail them.\n",
}


def _corpus(folder: Path, texts: dict[str, str] = TEXTS) -> Path:
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _items(folder: Path) -> list[ShardItem]:
    """The corpus's articles as a shard carries them."""
    items = []
    for article in iter_articles([folder]):
        key = ExtractionKey(article.document.sha256, "test-1", "latest", "integration@test")
        items.append(ShardItem(article, key, article_source(article)))
    return items


def _claims_in(store_path: Path) -> int:
    with Store(store_path) as store:
        return store.counts()["claims"]


def test_a_retried_shard_writes_one_file_and_stores_its_claims_once(tmp_path):
    items = _items(_corpus(tmp_path / "corpus"))
    shards = tmp_path / "shards"
    target = resolve_target(None)
    first = run_shard(str(shards), items, target, "latest", conftest.fake_extract)
    again = run_shard(str(shards), items, target, "latest", conftest.fake_extract)  # the scheduler's retry
    assert first == again and Path(first).name == shard_name(items)
    assert [p.name for p in shards.iterdir()] == [Path(first).name]  # no second file, no temporary left
    expected = sum(len(entry.result.claims) for entry in read_shard(Path(first)))
    assert expected > 0
    with Store(tmp_path / "s.db") as store:
        merge_shards([shards, Path(first)], store)  # the folder and the file: the same shard twice
    assert _claims_in(tmp_path / "s.db") == expected


def test_merge_twice_adds_nothing(tmp_path):
    shards = tmp_path / "shards"
    run_shard(str(shards), _items(_corpus(tmp_path / "corpus")), resolve_target(None), "latest", conftest.fake_extract)
    runner = CliRunner()
    first = runner.invoke(app, ["merge", str(shards), "--store", str(tmp_path / "s.db")])
    assert first.exit_code == 0, first.output
    assert first.stderr.startswith("1 shard: 5 documents merged, ")
    with Store(tmp_path / "s.db") as store:
        before = store.counts()
    second = runner.invoke(app, ["merge", str(shards), "--store", str(tmp_path / "s.db")])
    assert second.exit_code == 0, second.output
    with Store(tmp_path / "s.db") as store:
        assert store.counts() == before


def test_merge_reports_the_documents_a_shard_lost_and_keeps_the_rest(tmp_path, monkeypatch):
    monkeypatch.setenv("FAKE_EXTRACT_FAIL", "regulator")
    shards = tmp_path / "shards"
    run_shard(str(shards), _items(_corpus(tmp_path / "corpus")), resolve_target(None), "latest", conftest.fake_extract)
    result = CliRunner().invoke(app, ["merge", str(shards), "--store", str(tmp_path / "s.db")])
    assert result.exit_code == 1
    assert "Warning: water.txt: extraction failed (ValueError: cannot parse water.txt); not stored" in result.stderr
    assert result.stderr.endswith("Error: 1 document in the shards had failed\n")
    with Store(tmp_path / "s.db") as store:
        assert store.counts()["extractions"] == 4


def test_merge_of_a_missing_or_foreign_file_is_one_line(tmp_path):
    (tmp_path / "notes.jsonl").write_text('{"hello": 1}\n')
    runner = CliRunner()
    missing = runner.invoke(app, ["merge", str(tmp_path / "nowhere"), "--store", str(tmp_path / "s.db")])
    assert missing.exit_code == 1 and missing.stderr == f"Error: no shard file or folder at {tmp_path / 'nowhere'}\n"
    foreign = runner.invoke(app, ["merge", str(tmp_path / "notes.jsonl"), "--store", str(tmp_path / "s.db")])
    assert foreign.exit_code == 1 and foreign.stderr.startswith("Error: ") and "not a shard line" in foreign.stderr


def test_a_folder_of_shards_lists_only_shard_files(tmp_path):
    (tmp_path / "shard-a.jsonl").write_text("")
    (tmp_path / ".shard-b.jsonl.0.tmp").write_text("")
    (tmp_path / "other.jsonl").write_text("")
    assert [p.name for p in shard_files([tmp_path])] == ["shard-a.jsonl"]


@pytest.mark.parametrize(
    "options, message",
    [
        (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler and --shards go with --engine dask"),
        (["--engine", "dask", "--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --shards DIR"),
    ],
)
def test_dask_options_out_of_place_are_usage_errors(tmp_path, options, message):
    pytest.importorskip("distributed")
    corpus = _corpus(tmp_path / "corpus")
    result = CliRunner().invoke(app, ["extract", str(corpus), "--store", str(tmp_path / "s.db"), *options])
    assert result.exit_code == 2 and result.stderr.startswith("Error: ") and message in result.stderr
    assert not (tmp_path / "s.db").exists()


def test_a_run_whose_documents_are_all_cached_starts_no_cluster(tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    from argmine.distributed import engine as engine_module

    corpus = _corpus(tmp_path / "corpus")
    with Store(tmp_path / "s.db") as store:
        first = list(ExtractRun([corpus], store=store, extractor=conftest.fake_extract))

    def no_cluster(*args: object) -> None:
        raise AssertionError("a cluster was started")

    monkeypatch.setattr(engine_module, "_connect", no_cluster)
    with Store(tmp_path / "s.db") as store:
        run = ExtractRun([corpus], store=store, extractor=conftest.fake_extract, engine=engine_module.DaskEngine())
        again = list(run)
    assert run.stats.cached == 5 and [r.doc for r in again] == [r.doc for r in first]


def test_shards_naming_a_file_is_a_usage_error(tmp_path):
    pytest.importorskip("distributed")
    corpus = _corpus(tmp_path / "corpus")
    (tmp_path / "taken").write_text("")
    options = ["--engine", "dask", "--shards", str(tmp_path / "taken")]
    result = CliRunner().invoke(app, ["extract", str(corpus), "--store", str(tmp_path / "s.db"), *options])
    assert result.exit_code == 2 and result.stderr == f"Error: --shards {tmp_path / 'taken'} is a file, not a folder\n"


def test_the_dask_engine_without_dask_installed_says_how_to_install_it(tmp_path, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "distributed" else real(name, *a))
    corpus = _corpus(tmp_path / "corpus")
    result = CliRunner().invoke(app, ["extract", str(corpus), "--store", str(tmp_path / "s.db"), "--engine", "dask"])
    assert result.exit_code == 2
    assert result.stderr == "Error: --engine dask needs Dask: pip install 'argmine[dask]'\n"


# --------------------------------------------------------------------------- on a local cluster


def crashing_extract(articles: list, target, versions: str) -> list:
    """fake_extract, but the worker process dies (as when it runs out of memory) on a text saying CRASH."""
    if any("CRASH" in article.text for article in articles):
        os._exit(1)
    return conftest.fake_extract(articles, target, versions)


#: A worker death fails the shard it was running at once (no retry), and only that shard:
#: one task a worker at a time, so no other shard waits in a dying worker's queue.
ONE_DEATH_FAILS_A_SHARD = {"distributed.scheduler.allowed-failures": 0, "distributed.scheduler.worker-saturation": 1.0}


class Heard(RunListener):
    def __init__(self) -> None:
        self.failed_docs: list[str] = []
        self.messages: list[str] = []

    def failed(self, doc: str, message: str) -> None:
        self.failed_docs.append(doc)
        self.messages.append(message)


def _sorted_lines(text: str) -> list[str]:
    return sorted(text.splitlines())


@pytest.mark.dask
def test_jobs_1_jobs_2_and_dask_give_the_same_claims_byte_for_byte(tmp_path):
    corpus = _corpus(tmp_path / "corpus")
    runner = CliRunner()
    outputs = {}
    for name, options in {
        "jobs1": ["--jobs", "1"],
        "jobs2": ["--jobs", "2"],
        "dask": ["--engine", "dask", "--jobs", "2", "--shards", str(tmp_path / "shards")],
    }.items():
        result = runner.invoke(app, ["extract", str(corpus), "-f", "jsonl", "--store", str(tmp_path / f"{name}.db"), *options])
        assert result.exit_code == 0, result.output
        outputs[name] = _sorted_lines(result.stdout)
    assert outputs["jobs1"] and outputs["jobs1"] == outputs["jobs2"] == outputs["dask"]
    # A small run is spread thin: 5 documents over 2 workers, one document a shard.
    assert len(list((tmp_path / "shards").glob("shard-*.jsonl"))) == 5
    with Store(tmp_path / "jobs1.db") as one, Store(tmp_path / "dask.db") as dask:
        assert one.counts() == dask.counts()


@pytest.mark.dask
def test_dask_shards_come_back_in_reading_order_and_are_stored(tmp_path):
    from argmine.distributed.engine import DaskEngine

    corpus = _corpus(tmp_path / "corpus")
    here = list(ExtractRun([corpus], store=None, extractor=conftest.fake_extract))
    engine = DaskEngine(shards=tmp_path / "shards", shard_docs=2)
    with Store(tmp_path / "s.db") as store:
        run = ExtractRun([corpus], store=store, jobs=2, extractor=conftest.fake_extract, engine=engine)
        found = list(run)
        assert store.counts()["extractions"] == 5
    assert [r.doc for r in found] == [r.doc for r in here]
    assert [[c.model_dump_json() for c in r.claims] for r in found] == [[c.model_dump_json() for c in r.claims] for r in here]
    assert len(list((tmp_path / "shards").glob("shard-*.jsonl"))) == 3  # 5 documents, 2 a shard


@pytest.mark.dask
def test_a_failed_shard_is_reported_with_its_documents_and_the_others_are_kept(tmp_path):
    import dask
    from argmine.distributed.engine import DaskEngine

    texts = dict(TEXTS, **{"broken.txt": "Broken\n\nCRASH. Ola Kim said that it would help.\n"})
    corpus = _corpus(tmp_path / "corpus", texts)
    heard = Heard()
    with dask.config.set(ONE_DEATH_FAILS_A_SHARD):
        engine = DaskEngine(shards=tmp_path / "shards", shard_docs=2, retries=0)
        with Store(tmp_path / "s.db") as store:
            run = ExtractRun([corpus], store=store, jobs=2, extractor=crashing_extract, engine=engine, listener=heard)
            found = list(run)
            stored = store.counts()["extractions"]
    # Read in name order, 2 a shard: (broken, budget) die together; the other four are kept.
    assert sorted(heard.failed_docs) == ["broken.txt", "budget.txt"]
    assert all(message.startswith("shard shard-") and "failed on a worker" in message for message in heard.messages)
    assert run.stats.failed == 2 and stored == 4 and len(found) == 4


@pytest.mark.dask
def test_the_cli_exits_non_zero_when_a_shard_fails(tmp_path, monkeypatch):
    import dask
    from argmine.distributed import engine as engine_module

    from argmine.cli import messages

    monkeypatch.setattr(messages, "RAISE_UNEXPECTED", False)  # a failed document is reported, not raised
    monkeypatch.setattr(runner_module, "pipeline_extract", crashing_extract)
    monkeypatch.setattr(engine_module, "SHARD_RETRIES", 0)
    texts = dict(TEXTS, **{"broken.txt": "Broken\n\nCRASH. Ola Kim said that it would help.\n"})
    corpus = _corpus(tmp_path / "corpus", texts)
    with dask.config.set(ONE_DEATH_FAILS_A_SHARD):
        result = CliRunner().invoke(
            app, ["extract", str(corpus), "-f", "jsonl", "--store", str(tmp_path / "s.db"), "--engine", "dask", "--jobs", "2"]
        )
    assert result.exit_code == 1
    assert "broken.txt: extraction failed (shard shard-" in result.stderr
    assert result.stderr.rstrip().endswith("Error: extraction failed on 1 of 6 documents")  # one document a shard
    assert {json.loads(line)["doc"] for line in result.stdout.splitlines()} >= {"rail.txt", "water.txt"}

"""`argmine extract` (and who-said/actors/evaluate/inspect on paths) end to end, with a
stand-in pipeline (conftest.fake_extract) so the exact output does not move with the model.

Real ingest, real store, real runner: only the spaCy step is replaced.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import conftest
from argmine import runner as runner_module
from argmine.cli import app
from argmine.store import Store

REPO = Path(__file__).resolve().parents[1]

ONE = "Care plans unveiled\n\nJane Doe said that integration would help patients.\n\nBob Stone warned that the merger will fail.\n"
TWO = "Second story\n\nJane Doe argued that silos fail everyone.\n"


@pytest.fixture(autouse=True)
def _setting(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setattr(runner_module, "pipeline_extract", conftest.fake_extract)
    (tmp_path / "corpus" / "sub").mkdir(parents=True)
    (tmp_path / "corpus" / "one.txt").write_text(ONE)
    (tmp_path / "corpus" / "sub" / "two.txt").write_text(TWO)


@pytest.fixture
def cli() -> CliRunner:
    return CliRunner()


def claim(doc, n, name, text, start, cue, content_at, stance):
    slug = name.lower().replace(" ", "-")
    cue_at = start + text.index(cue)
    return {
        "schema_version": 1,
        "id": f"{doc}#{n}",
        "doc": doc,
        "text": text,
        "start": start,
        "end": start + len(text),
        "content": {"text": text[content_at:], "start": start + content_at, "end": start + len(text), "parts": None},
        "cue": {"text": cue, "start": cue_at, "end": cue_at + len(cue), "lemma": cue},
        "source": {"text": name, "start": start, "end": start + len(name)},
        "actor": {"id": slug, "name": name, "kind": "person", "aliases": [], "roles": []},
        "mode": "indirect",
        "stance": stance,
        "stance_score": 0.0,
        "stance_evidence": [],
        "stance_basis": None,
        "target": "integration",
        "confidence": 0.8,
        "rule": None,
        "row": None,
        "stances": [],
        "duplicate_of": None,
        "addressee": None,
    }


EXPECTED_CLAIMS = [
    claim("one.txt", 1, "Jane Doe", "Jane Doe said that integration would help patients.", 21, "said", 19, "support"),
    claim("one.txt", 2, "Bob Stone", "Bob Stone warned that the merger will fail.", 74, "warned", 22, "oppose"),
    claim("sub/two.txt", 1, "Jane Doe", "Jane Doe argued that silos fail everyone.", 14, "argued", 21, "oppose"),
]
EXPECTED_JSONL = "".join(json.dumps(c, ensure_ascii=False, separators=(",", ":")) + "\n" for c in EXPECTED_CLAIMS)

EXPECTED_CSV = """\
schema_version,id,doc,text,start,end,content.text,content.start,content.end,content.parts,cue.text,cue.start,cue.end,cue.lemma,source.text,source.start,source.end,actor.id,actor.name,actor.kind,actor.aliases,actor.roles,mode,stance,stance_score,stance_evidence,stance_basis,target,confidence,rule,row,stances,duplicate_of,addressee.text,addressee.start,addressee.end,addressee.actor\r
1,one.txt#1,one.txt,Jane Doe said that integration would help patients.,21,72,integration would help patients.,40,72,,said,30,34,said,Jane Doe,21,29,jane-doe,Jane Doe,person,,,indirect,support,0.0,,,integration,0.8,,,,,,,,\r
1,one.txt#2,one.txt,Bob Stone warned that the merger will fail.,74,117,the merger will fail.,96,117,,warned,84,90,warned,Bob Stone,74,83,bob-stone,Bob Stone,person,,,indirect,oppose,0.0,,,integration,0.8,,,,,,,,\r
1,sub/two.txt#1,sub/two.txt,Jane Doe argued that silos fail everyone.,14,55,silos fail everyone.,35,55,,argued,23,29,argued,Jane Doe,14,22,jane-doe,Jane Doe,person,,,indirect,oppose,0.0,,,integration,0.8,,,,,,,,\r
"""

EXPECTED_MARKDOWN = """\
## one.txt

*Care plans unveiled*

Target: integration

| # | Actor | Kind | Mode | Stance | Cue | Claim |
|---|---|---|---|---|---|---|
| 1 | Jane Doe | person | indirect | support | said | integration would help patients. |
| 2 | Bob Stone | person | indirect | oppose | warned | the merger will fail. |

## sub/two.txt

*Second story*

Target: integration

| # | Actor | Kind | Mode | Stance | Cue | Claim |
|---|---|---|---|---|---|---|
| 1 | Jane Doe | person | indirect | oppose | argued | silos fail everyone. |

"""

EXPECTED_TABLE = """\
one.txt — Care plans unveiled · 2 claims · target integration
┏━━━┳━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓
┃ # ┃ Actor              ┃ Mode     ┃ Stance  ┃ Claim                          ┃
┡━━━╇━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┩
│ 1 │ Jane Doe (person)  │ indirect │ support │ integration would help         │
│   │                    │          │         │ patients.  [said]              │
│ 2 │ Bob Stone (person) │ indirect │ oppose  │ the merger will fail.          │
│   │                    │          │         │ [warned]                       │
└───┴────────────────────┴──────────┴─────────┴────────────────────────────────┘

sub/two.txt — Second story · 1 claim · target integration
┏━━━┳━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓
┃ # ┃ Actor             ┃ Mode     ┃ Stance ┃ Claim                            ┃
┡━━━╇━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┩
│ 1 │ Jane Doe (person) │ indirect │ oppose │ silos fail everyone.  [argued]   │
└───┴───────────────────┴──────────┴────────┴──────────────────────────────────┘
"""


# --------------------------------------------------------------------------- formats


def test_extract_jsonl_is_the_default_in_a_pipe(cli):
    result = cli.invoke(app, ["extract", "corpus"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == EXPECTED_JSONL
    assert result.stderr == ""


@pytest.mark.parametrize(
    "fmt, expected", [("csv", EXPECTED_CSV), ("markdown", EXPECTED_MARKDOWN), ("table", EXPECTED_TABLE), ("jsonl", EXPECTED_JSONL)]
)
def test_extract_each_format_exact(cli, fmt, expected):
    result = cli.invoke(app, ["extract", "corpus", "--format", fmt])
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes.decode() == expected  # .stdout would turn CSV's CRLF into LF


def test_extract_json_object(cli):
    result = cli.invoke(app, ["extract", "corpus", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    body = json.loads(result.stdout)
    assert body["claims"] == EXPECTED_CLAIMS
    assert [d["doc"] for d in body["documents"]] == ["one.txt", "sub/two.txt"]
    assert [d["meta"]["title"] for d in body["documents"]] == ["Care plans unveiled", "Second story"]
    assert [(a["name"], a["docs"], a["stance"]) for a in body["actors"]] == [
        ("Jane Doe", ["one.txt", "sub/two.txt"], "mixed"),
        ("Bob Stone", ["one.txt"], "oppose"),
    ]


def test_extract_offsets_point_into_the_files(cli, tmp_path):
    result = cli.invoke(app, ["extract", "corpus"])
    for record in map(json.loads, result.stdout.splitlines()):
        original = (tmp_path / "corpus" / record["doc"]).read_text()
        assert original[record["start"] : record["end"]] == record["text"]
        for span in ("content", "cue", "source"):
            assert original[record[span]["start"] : record[span]["end"]] == record[span]["text"]


def test_extract_a_single_file_is_named_by_its_file_name(cli):
    result = cli.invoke(app, ["extract", "corpus/sub/two.txt"])
    assert [json.loads(line)["doc"] for line in result.stdout.splitlines()] == ["two.txt"]


def test_extract_output_file_atomic_and_by_suffix(cli, tmp_path):
    result = cli.invoke(app, ["extract", "corpus", "-o", "claims.csv"])
    assert (result.exit_code, result.stdout) == (0, "")
    assert (tmp_path / "claims.csv").read_bytes().decode() == EXPECTED_CSV


# --------------------------------------------------------------------------- the store and the cache


def counting(counter: list):
    def extract(articles, target, versions):
        counter.extend(a.document.doc for a in articles)
        return conftest.fake_extract(articles, target, versions)

    return extract


def test_extract_never_processes_an_unchanged_file_twice(cli, monkeypatch, tmp_path):
    seen: list[str] = []
    monkeypatch.setattr(runner_module, "pipeline_extract", counting(seen))
    first = cli.invoke(app, ["extract", "corpus"])
    second = cli.invoke(app, ["extract", "corpus"])
    assert first.stdout == second.stdout == EXPECTED_JSONL
    assert seen == ["one.txt", "sub/two.txt"]
    (tmp_path / "corpus" / "one.txt").write_text(ONE + "\nAmy Lee said that nothing changed.\n")
    third = cli.invoke(app, ["extract", "corpus"])
    assert seen == ["one.txt", "sub/two.txt", "one.txt"]  # only the edited file again
    assert len(third.stdout.splitlines()) == 4


def test_extract_copy_of_a_file_elsewhere_comes_from_the_cache(cli, monkeypatch, tmp_path):
    seen: list[str] = []
    monkeypatch.setattr(runner_module, "pipeline_extract", counting(seen))
    cli.invoke(app, ["extract", "corpus"])
    (tmp_path / "copy.txt").write_text(ONE)
    result = cli.invoke(app, ["extract", "copy.txt"])
    assert seen == ["one.txt", "sub/two.txt"]
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["copy.txt#1", "copy.txt#2"]


def test_extract_then_who_said_and_actors_from_the_store(cli):
    cli.invoke(app, ["extract", "corpus"])
    said = cli.invoke(app, ["who-said", "--actor", "doe"])
    assert said.exit_code == 0, said.stderr
    assert [json.loads(line)["id"] for line in said.stdout.splitlines()] == ["one.txt#1", "sub/two.txt#1"]
    actors = cli.invoke(app, ["actors", "-f", "csv"])
    assert actors.stdout.splitlines()[1:] == [
        "jane-doe,Jane Doe,person,,,one.txt; sub/two.txt,2,mixed,1,1,0,0,integration",
        "bob-stone,Bob Stone,person,,,one.txt,1,oppose,0,1,0,0,integration",
    ]


def test_who_said_on_paths_uses_the_cache(cli, monkeypatch):
    seen: list[str] = []
    monkeypatch.setattr(runner_module, "pipeline_extract", counting(seen))
    first = cli.invoke(app, ["who-said", "--actor", "Bob Stone", "corpus"])
    second = cli.invoke(app, ["who-said", "--actor", "Bob Stone", "corpus/one.txt"])
    assert first.exit_code == second.exit_code == 0
    assert [json.loads(line)["id"] for line in first.stdout.splitlines()] == ["one.txt#2"]
    assert first.stdout == second.stdout
    assert seen == ["one.txt", "sub/two.txt"]


def test_extract_piped_into_who_said(cli):
    extracted = cli.invoke(app, ["extract", "corpus", "-f", "jsonl"])
    result = cli.invoke(app, ["who-said", "--actor", "Jane Doe", "-", "--stance", "oppose"], input=extracted.stdout)
    assert result.stdout == EXPECTED_JSONL.splitlines(keepends=True)[2]


def test_extract_store_option(cli, tmp_path):
    result = cli.invoke(app, ["extract", "corpus", "--store", str(tmp_path / "my.db")])
    assert result.exit_code == 0
    assert not (tmp_path / ".argmine").exists()
    with Store(tmp_path / "my.db", create=False) as store:
        assert store.counts() == {"extractions": 2, "claims": 3, "sources": 2}


# --------------------------------------------------------------------------- bad input


def test_extract_missing_path(cli):
    result = cli.invoke(app, ["extract", "nope"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "Warning: skipped nope: no such file or folder\nError: nothing to read in nope (1 skipped)\n"


def test_extract_empty_folder(cli, tmp_path):
    (tmp_path / "empty").mkdir()
    result = cli.invoke(app, ["extract", "empty", "-f", "json"])
    assert result.exit_code == 1
    assert result.stdout == ""  # not even half a JSON object
    assert result.stderr.endswith("Error: nothing to read in empty (1 skipped)\n")


def test_extract_only_a_binary_file(cli, tmp_path):
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02 binary \x00")
    result = cli.invoke(app, ["extract", "blob.txt"])
    assert result.exit_code == 1
    assert result.stderr == "Warning: skipped blob.txt: binary file (NUL bytes)\nError: nothing to read in blob.txt (1 skipped)\n"


def test_extract_bad_files_among_good_ones_are_skipped_with_a_warning(cli, tmp_path):
    (tmp_path / "corpus" / "blob.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "corpus" / "photo.jpg").write_bytes(b"\xff\xd8")
    result = cli.invoke(app, ["extract", "corpus"])
    assert result.exit_code == 0
    assert result.stdout == EXPECTED_JSONL
    assert result.stderr == (
        f"Warning: skipped {Path('corpus/blob.txt')}: binary file (NUL bytes)\n"
        f"Warning: skipped {Path('corpus/photo.jpg')}: not a file argmine reads (.jpg; reads .txt .text .md .html .htm .pdf .docx .csv .tsv .jsonl .parquet)\n"
    )


def test_extract_failed_output_leaves_the_old_file(cli, tmp_path):
    (tmp_path / "claims.jsonl").write_text("old\n")
    result = cli.invoke(app, ["extract", "nope", "-o", "claims.jsonl"])
    assert result.exit_code == 1
    assert (tmp_path / "claims.jsonl").read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".argmine", "claims.jsonl", "corpus"]


def test_extract_output_into_a_missing_folder_fails_before_any_work(cli, monkeypatch):
    seen: list[str] = []
    monkeypatch.setattr(runner_module, "pipeline_extract", counting(seen))
    result = cli.invoke(app, ["extract", "corpus", "-o", "nowhere/claims.json"])
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot write {Path('nowhere/claims.json')}: there is no folder nowhere\n"
    assert seen == []


@pytest.mark.parametrize("given", ["corpus/one.txt", "corpus", "."])
def test_extract_refuses_to_overwrite_an_input(cli, tmp_path, given):
    result = cli.invoke(app, ["extract", given, "-o", "corpus/one.txt"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: --output corpus/one.txt is one of the input files")
    assert (tmp_path / "corpus" / "one.txt").read_text() == ONE


def test_extract_unknown_target_fails_before_any_work(cli, tmp_path):
    result = cli.invoke(app, ["extract", "corpus", "--target", "no-such-target"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: unknown target 'no-such-target'")
    assert not (tmp_path / ".argmine").exists()


def test_extract_bad_option_values_are_usage_errors(cli):
    assert cli.invoke(app, ["extract", "corpus", "--versions", "newest"]).exit_code == 2
    assert cli.invoke(app, ["extract", "corpus", "--jobs", "0"]).exit_code == 2
    assert cli.invoke(app, ["extract"]).exit_code == 2


def test_extract_versions_all_is_accepted_and_cached_apart(cli, monkeypatch):
    seen: list[str] = []
    monkeypatch.setattr(runner_module, "pipeline_extract", counting(seen))
    latest = cli.invoke(app, ["extract", "corpus", "--versions", "latest"])
    every = cli.invoke(app, ["extract", "corpus", "--versions", "all"])
    assert latest.stdout == every.stdout == EXPECTED_JSONL  # no version tables here
    assert len(seen) == 4


def test_extract_one_failing_document_does_not_sink_the_rest(cli, monkeypatch):
    monkeypatch.setattr("argmine.cli.messages.RAISE_UNEXPECTED", False)
    monkeypatch.setenv("FAKE_EXTRACT_FAIL", "silos")
    result = cli.invoke(app, ["extract", "corpus"])
    assert result.exit_code == 1
    assert result.stdout == "".join(EXPECTED_JSONL.splitlines(keepends=True)[:2])
    assert result.stderr == (
        "Warning: sub/two.txt: extraction failed (ValueError: cannot parse sub/two.txt); the rest goes on\n"
        "Error: extraction failed on 1 of 2 documents\n"
    )


def test_extract_jobs_gives_the_same_output(cli):
    one = cli.invoke(app, ["extract", "corpus", "--jobs", "1", "--store", "a.db"])
    two = cli.invoke(app, ["extract", "corpus", "--jobs", "2", "--store", "b.db"])
    assert two.exit_code == 0, two.stderr
    assert one.stdout == two.stdout == EXPECTED_JSONL


# --------------------------------------------------------------------------- progress


def test_progress_bar_draws_on_a_terminal_only_past_a_few_files():
    import io

    from rich.console import Console

    from argmine.cli.progress import Progress

    screen = io.StringIO()
    progress = Progress(Console(file=screen, force_terminal=True, width=100), enabled=True)
    progress.listener.started(3)
    assert not progress.showing  # three files: no bar
    progress.listener.started(10)
    assert progress.showing
    for n in range(10):
        progress.listener.finished(f"d{n}.txt", cached=False, claims=1)
    progress.stop()
    assert "extracting" in screen.getvalue() and "10/10" in screen.getvalue()
    # Skipped and failed files move the bar too: every listed file is reported once.
    mixed = Progress(Console(file=io.StringIO(), force_terminal=True, width=100), enabled=True)
    mixed.listener.started(5)
    mixed.listener.skipped("a.pdf", "not an article")
    mixed.listener.failed("b.txt", "ValueError: x")
    assert mixed.bar.tasks[0].completed == 2
    mixed.stop()
    quiet = Progress(Console(file=io.StringIO(), force_terminal=False), enabled=True)
    quiet.listener.started(100)
    assert not quiet.showing  # never on a pipe or a log file


# --------------------------------------------------------------------------- inspect and evaluate


def test_inspect_shows_what_ingest_read(cli):
    from argmine.ingest import read_article

    result = cli.invoke(app, ["inspect", "corpus/one.txt", "-f", "jsonl"])
    assert result.exit_code == 0, result.stderr
    segments = read_article(Path("corpus/one.txt"), "one.txt").document.segments
    assert result.stdout == "".join(s.model_dump_json() + "\n" for s in segments)
    table = cli.invoke(app, ["inspect", "corpus/one.txt", "-f", "table"])
    assert "title" in table.stdout and "Care plans unveiled" in table.stdout
    assert "encoding: utf-8" in table.stdout


def test_inspect_bad_paths(cli):
    assert cli.invoke(app, ["inspect", "corpus"]).exit_code == 2
    missing = cli.invoke(app, ["inspect", "nope.txt"])
    assert missing.exit_code == 1 and missing.stderr.startswith("Error: ") and len(missing.stderr.splitlines()) == 1


def test_evaluate_scores_extraction_against_gold(cli, tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "one.json").write_text(
        json.dumps(
            {
                "doc": "one.txt",
                "actors": [
                    {"id": "jane-doe", "name": "Jane Doe", "kind": "person"},
                    {"id": "bob-stone", "name": "Bob Stone", "kind": "person"},
                ],
                "claims": [
                    {"actor": "jane-doe", "anchor": "integration would help patients", "mode": "indirect", "stance": "support"},
                    {"actor": "bob-stone", "anchor": "the merger will fail", "mode": "indirect", "stance": "support"},
                ],
            }
        )
    )
    result = cli.invoke(app, ["evaluate", "--gold", str(gold), "corpus/one.txt", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    total = json.loads(result.stdout)["total"]
    assert total["attributed"]["tp"] == 2 and total["attributed"]["fp"] == 0
    assert total["stance"]["confusion"]["support"] == {"support": 1, "oppose": 1, "mixed": 0, "neutral": 0}
    table = cli.invoke(app, ["evaluate", "--gold", str(gold), "corpus/one.txt", "-f", "table"])
    assert "TOTAL" in table.stdout and "Stance: gold (rows)" in table.stdout


def test_evaluate_needs_paths(cli, tmp_path):
    (tmp_path / "gold").mkdir()
    assert cli.invoke(app, ["evaluate", "--gold", "gold"]).exit_code == 2


# --------------------------------------------------------------------------- processes: two at once, kill -9

RUN_CLI = textwrap.dedent(
    """
    import sys
    sys.path[:0] = [{repo!r}, {tests!r}]
    import conftest
    from argmine import cli, runner
    runner.pipeline_extract = conftest.fake_extract
    sys.argv[0] = "argmine"
    cli.main()
    """
).format(repo=str(REPO), tests=str(REPO / "tests"))


def _corpus(folder: Path, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        (folder / f"doc{i:03d}.txt").write_text(f"Story {i}\n\nAda Byron said that plan {i} would help.\n")


def _store_is_whole(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute(
            "SELECT COUNT(*) FROM (SELECT e.id FROM extractions e LEFT JOIN claims c ON c.extraction_id = e.id "
            "GROUP BY e.id HAVING COUNT(c.seq) != e.claim_count)"
        ).fetchone()[0] == 0
        return conn.execute("SELECT COUNT(*) FROM extractions").fetchone()[0]


def test_two_extracts_at_once_share_one_store(tmp_path):
    _corpus(tmp_path / "many", 24)
    script = tmp_path / "argmine_fake.py"
    script.write_text(RUN_CLI)
    env = {**os.environ, "FAKE_EXTRACT_DELAY": "0.02"}
    runs = [
        subprocess.Popen(
            [sys.executable, str(script), "extract", "many", "-f", "jsonl"],
            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    for run, (out, err) in zip(runs, outputs):
        assert run.returncode == 0, err
        assert len(out.splitlines()) == 24
    assert outputs[0][0] == outputs[1][0]
    assert _store_is_whole(tmp_path / ".argmine" / "argmine.db") == 24


def test_killed_extract_leaves_whole_documents_and_the_next_run_finishes(tmp_path):
    _corpus(tmp_path / "many", 40)
    script = tmp_path / "argmine_fake.py"
    script.write_text(RUN_CLI)
    store = tmp_path / ".argmine" / "argmine.db"
    run = subprocess.Popen(
        [sys.executable, str(script), "extract", "many", "-o", "out.jsonl"],
        cwd=tmp_path, env={**os.environ, "FAKE_EXTRACT_DELAY": "0.1"}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if store.exists() and _count(store) >= 8:
                break
            # 40 articles at 0.1 s each: it cannot finish before 8 are stored and seen.
            assert run.poll() is None, f"finished too early (exit {run.returncode}): {run.stderr.read().decode()}"
            time.sleep(0.02)
    finally:
        os.kill(run.pid, signal.SIGKILL)
        run.wait(timeout=30)
        run.stdout.close()
        run.stderr.close()
    kept = _store_is_whole(store)
    assert 8 <= kept < 40, kept
    assert not (tmp_path / "out.jsonl").exists()  # no half-written output either
    again = subprocess.run(
        [sys.executable, str(script), "extract", "many", "-o", "out.jsonl"], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert again.returncode == 0, again.stderr
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 40
    assert _store_is_whole(store) == 40


def _count(store: Path) -> int:
    try:
        with sqlite3.connect(store, timeout=1) as conn:
            return conn.execute("SELECT COUNT(*) FROM extractions").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0

"""The query commands through Typer's CliRunner: who-said, actors, schema, help, errors.

Claims come from hand-made records (conftest), piped in as JSON Lines or put
in a store directly, so these tests need no model and pin the exact output.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

import argmine
from argmine import records
from argmine.cli import messages, options
from argmine.cli import app
from argmine.errors import StoreError
from argmine.output import OutputFormat, render_to_string
from argmine.results import DocumentResult
from argmine.store import ExtractionKey, Store
from conftest import make_actor, make_claim, sample_documents

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    """Each test in its own folder, so the default store ./.argmine/argmine.db is its own."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "80")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def jsonl(two_groups) -> str:
    return render_to_string(two_groups, OutputFormat.jsonl)


def lines_of(text: str, ids: list[str]) -> str:
    """The JSON Lines records of `text` with these ids, in that order, as text."""
    by_id = {json.loads(line)["id"]: line for line in text.splitlines()}
    return "".join(by_id[i] + "\n" for i in ids)


def fill_store(path: Path = Path(".argmine/argmine.db")) -> None:
    with Store(path) as store:
        for document, actors, claims in sample_documents():
            key = ExtractionKey(document.sha256, "v1", "latest", "integration@x")
            store.save(key, DocumentResult.of(document, actors, claims), source=str(Path(document.doc).resolve()))


# --------------------------------------------------------------------------- help and basics


@pytest.mark.parametrize("command", ["extract", "who-said", "actors", "schema", "inspect", "evaluate"])
def test_cli_every_command_has_help_with_an_example(runner, command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: argmine" in result.stdout
    assert result.stderr == ""


def test_cli_no_arguments_shows_help_and_usage_exit(runner):
    result = runner.invoke(app, [])
    assert result.exit_code == 2
    assert "who-said" in result.stderr and "extract" in result.stderr
    assert result.stdout == ""


def test_cli_version(runner):
    result = runner.invoke(app, ["--version"])
    assert (result.exit_code, result.stdout) == (0, f"argmine {argmine.__version__}\n")


def test_cli_choices_match_the_record_vocabulary():
    """The CLI's choices (built without pydantic, for a fast --help) are the records' own vocabularies."""
    assert [c.value for c in options.StanceChoice] == list(records.Claim.model_fields["stance"].annotation.__args__)
    assert [c.value for c in options.ModeChoice] == list(records.Claim.model_fields["mode"].annotation.__args__)
    assert [c.value for c in options.KindChoice] == list(records.Actor.model_fields["kind"].annotation.__args__)


def test_cli_unknown_format_is_a_usage_error(runner, jsonl):
    result = runner.invoke(app, ["who-said", "--actor", "Coffey", "-", "--format", "xml"], input=jsonl)
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.stderr
    assert result.stdout == ""


# --------------------------------------------------------------------------- who-said from stdin


def test_who_said_reads_claims_on_stdin(runner, jsonl):
    result = runner.invoke(app, ["who-said", "--actor", "Coffey", "-"], input=jsonl)
    assert result.exit_code == 0, result.stderr
    # "Dr Ann Coffey" (a.txt) and "Ann Coffey" (b.txt) are one person; the trust and the writer are not.
    assert result.stdout == lines_of(jsonl, ["a.txt#1", "a.txt#3", "b.txt#1"])
    assert result.stderr == ""


@pytest.mark.parametrize("query", ["coffey", "Ann Coffey", "DR ANN COFFEY", "Dr. Coffey", "Ann Cöffey", "Professor Ann Coffey"])
def test_who_said_forgiving_names(runner, jsonl, query):
    result = runner.invoke(app, ["who-said", "--actor", query, "-"], input=jsonl)
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a.txt#1", "a.txt#3", "b.txt#1"]


@pytest.mark.parametrize(
    "options, ids",
    [
        (["--stance", "oppose"], ["a.txt#3", "b.txt#1"]),
        (["--stance", "support", "--stance", "oppose"], ["a.txt#1", "a.txt#3", "b.txt#1"]),
        (["--mode", "direct"], ["a.txt#3"]),
        (["--doc", "b.txt"], ["b.txt#1"]),
        (["--doc", "a"], ["a.txt#1", "a.txt#3"]),
        (["--doc", "*.txt", "--stance", "support"], ["a.txt#1"]),
    ],
)
def test_who_said_filters(runner, jsonl, options, ids):
    result = runner.invoke(app, ["who-said", "--actor", "Coffey", "-", *options], input=jsonl)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == lines_of(jsonl, ids)


def test_who_said_filters_that_leave_nothing_give_empty_output(runner, jsonl):
    result = runner.invoke(app, ["who-said", "--actor", "Coffey", "-", "--stance", "mixed"], input=jsonl)
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "no claims by Coffey about integration match these filters\n"


def test_who_said_organisation_and_json_format(runner, jsonl):
    result = runner.invoke(app, ["who-said", "-a", "northfield health trust", "-", "-f", "json"], input=jsonl)
    assert result.exit_code == 0, result.stderr
    body = json.loads(result.stdout)
    assert [c["id"] for c in body["claims"]] == ["a.txt#2"]
    assert [(a["name"], a["claims"]) for a in body["actors"]] == [("Northfield Health Trust", 1)]


def test_who_said_ambiguous_name_lists_the_candidates(runner, jsonl):
    extra = make_claim("c.txt", 1, make_actor("Tom Coffey"), "Tom Coffey said no.", stance="oppose")
    result = runner.invoke(app, ["who-said", "--actor", "Coffey", "-"], input=jsonl + extra.model_dump_json() + "\n")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "Error: 'Coffey' matches 2 actors: Dr Ann Coffey (person); Tom Coffey (person) — give a fuller name\n"
    )


def test_who_said_unknown_actor(runner, jsonl):
    result = runner.invoke(app, ["who-said", "--actor", "Ann Cofey", "-"], input=jsonl)
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: no actor matches 'Ann Cofey'; did you mean 'Dr Ann Coffey'? (`argmine actors` lists them)\n"
    )


def test_who_said_malformed_stdin_names_the_line(runner, jsonl):
    broken = jsonl.splitlines()
    broken[2] = broken[2][:40]
    result = runner.invoke(app, ["who-said", "--actor", "Coffey", "-"], input="\n".join(broken) + "\n")
    assert result.exit_code == 1
    assert result.stderr == "Error: stdin line 3: not a claim record (invalid JSON)\n"
    assert result.stdout == ""


def test_who_said_stdin_cannot_be_mixed_with_paths(runner, jsonl):
    result = runner.invoke(app, ["who-said", "--actor", "Coffey", "-", "seeds"], input=jsonl)
    assert result.exit_code == 2
    assert result.stderr == "Error: - (claim records on stdin) cannot be mixed with paths\n"


def test_who_said_accepts_extract_json_output_on_stdin(runner, two_groups):
    text = render_to_string(two_groups, OutputFormat.json)
    result = runner.invoke(app, ["who-said", "--actor", "Coffey", "-", "-f", "markdown"], input=text)
    assert result.exit_code == 0, result.stderr
    assert "*Trusts and silos*" in result.stdout  # the documents came through too


# --------------------------------------------------------------------------- from the store


def test_who_said_answers_from_the_store_by_default(runner, jsonl):
    fill_store()
    result = runner.invoke(app, ["who-said", "--actor", "Coffey"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == lines_of(jsonl, ["a.txt#1", "a.txt#3", "b.txt#1"])


def test_who_said_store_option_and_env(runner, jsonl, tmp_path, monkeypatch):
    fill_store(tmp_path / "elsewhere.db")
    by_option = runner.invoke(app, ["who-said", "-a", "Coffey", "--store", str(tmp_path / "elsewhere.db")])
    monkeypatch.setenv("ARGMINE_STORE", str(tmp_path / "elsewhere.db"))
    by_env = runner.invoke(app, ["who-said", "-a", "Coffey"])
    assert by_option.exit_code == by_env.exit_code == 0
    assert by_option.stdout == by_env.stdout == lines_of(jsonl, ["a.txt#1", "a.txt#3", "b.txt#1"])


def test_who_said_without_a_store_says_what_to_do(runner):
    result = runner.invoke(app, ["who-said", "--actor", "Coffey"])
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: no store at .argmine/argmine.db: run `argmine extract PATH...` first, "
        "or give PATHs, or `-` to read claims from stdin\n"
    )
    assert not Path(".argmine").exists()


def test_cli_corrupt_store_is_one_clear_line(runner):
    Path(".argmine").mkdir()
    Path(".argmine/argmine.db").write_text("garbage " * 1000)
    result = runner.invoke(app, ["actors"])
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: store .argmine/argmine.db is not a readable argmine store (file is not a database); "
        "move it away or pass --store to use another file\n"
    )
    assert "Traceback" not in result.output


def test_cli_store_from_an_older_version_warns_and_keeps_stdout_clean(runner):
    import sqlite3

    Path(".argmine").mkdir()
    with sqlite3.connect(".argmine/argmine.db") as conn:
        conn.execute("CREATE TABLE results (x)")
    result = runner.invoke(app, ["actors", "-f", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"schema_version": 1, "actors": []}
    assert result.stderr.startswith("Warning: store .argmine/argmine.db was from an older argmine (store schema 0")
    assert result.stderr.endswith("no actors found\n")


def test_cli_raise_errors_env_gives_the_exception(runner, monkeypatch):
    monkeypatch.setenv("ARGMINE_RAISE_ERRORS", "1")
    result = runner.invoke(app, ["who-said", "--actor", "Coffey"])
    assert isinstance(result.exception, StoreError)


def test_cli_a_bug_becomes_one_line_not_a_traceback(runner, jsonl, monkeypatch):
    monkeypatch.setattr(messages, "RAISE_UNEXPECTED", False)

    def broken(*args, **kwargs):
        raise KeyError("boom")

    monkeypatch.setattr("argmine.aggregate.ActorAggregator.summaries", broken)
    result = runner.invoke(app, ["actors", "-"], input=jsonl)
    assert result.exit_code == 1
    assert result.stderr == "Error: internal error: KeyError: 'boom' (set ARGMINE_RAISE_ERRORS=1 for the traceback)\n"


# --------------------------------------------------------------------------- actors


EXPECTED_ACTORS_TABLE = """\
target: integration

┏━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━┳━━━━━━━━┳━━━━━━━━━┳━━━━━━━━━┓
┃ Actor          ┃ Kind         ┃ Roles    ┃ Docs ┃ Claims ┃ Stance  ┃ s/o/m/n ┃
┡━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━╇━━━━━━━━╇━━━━━━━━━╇━━━━━━━━━┩
│ Dr Ann Coffey  │ person       │ GP       │    2 │      3 │ oppose  │ 1/2/0/0 │
│ Northfield     │ organisation │          │    1 │      1 │ support │ 1/0/0/0 │
│ Health Trust   │              │          │      │        │         │         │
│ the author     │ author       │          │    1 │      1 │ support │ 1/0/0/0 │
│ (b.txt)        │              │          │      │        │         │         │
└────────────────┴──────────────┴──────────┴──────┴────────┴─────────┴─────────┘
"""


def test_actors_from_stdin_table(runner, jsonl):
    result = runner.invoke(app, ["actors", "-", "-f", "table"], input=jsonl)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == EXPECTED_ACTORS_TABLE


def test_actors_from_the_store_jsonl_and_kind_filter(runner):
    fill_store()
    result = runner.invoke(app, ["actors", "--kind", "person", "--kind", "organisation"])
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["name"], r["docs"], r["stance"], r["stance_mix"]) for r in rows] == [
        ("Dr Ann Coffey", ["a.txt", "b.txt"], "oppose", {"support": 1, "oppose": 2, "mixed": 0, "neutral": 0}),
        ("Northfield Health Trust", ["a.txt"], "support", {"support": 1, "oppose": 0, "mixed": 0, "neutral": 0}),
    ]


def test_actors_output_file_by_suffix_and_atomic(runner, jsonl, tmp_path):
    result = runner.invoke(app, ["actors", "-", "--output", "actors.csv"], input=jsonl)
    assert (result.exit_code, result.stdout) == (0, "")
    with open("actors.csv", newline="") as written:
        assert written.readline() == "id,name,kind,aliases,roles,docs,claims,stance," + (
            "stance_mix.support,stance_mix.oppose,stance_mix.mixed,stance_mix.neutral,target\r\n"
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["actors.csv"]


def test_actors_empty_stdin_gives_empty_valid_output(runner):
    result = runner.invoke(app, ["actors", "-", "-f", "json"], input="")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"schema_version": 1, "actors": []}


# --------------------------------------------------------------------------- schema


def test_schema_is_the_claim_record_json_schema(runner):
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "Claim"
    assert set(schema["required"]) >= {"id", "doc", "text", "start", "end", "content", "actor", "mode", "stance"}
    assert schema["properties"]["stance"]["enum"] == list(records.STANCES)
    assert schema == {"$schema": schema["$schema"], **records.Claim.model_json_schema()}


@pytest.mark.parametrize("record, title", [("result", "ExtractionResult"), ("actor", "ActorSummary"), ("document", "Document")])
def test_schema_of_other_records(runner, record, title):
    result = runner.invoke(app, ["schema", record])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"] == title


# --------------------------------------------------------------------------- start-up: no spaCy

NO_SPACY = textwrap.dedent(
    """
    import sys, os
    sys.path[:0] = [{repo!r}, {tests!r}]
    os.chdir(sys.argv[1])
    from argmine.cli import app
    try:
        app(sys.argv[2:], prog_name="argmine")
    except SystemExit as exit:
        code = exit.code or 0
    heavy = sorted(m for m in ("spacy", "thinc", "argmine.pipeline", "argmine.model") if m in sys.modules)
    print("HEAVY:" + ",".join(heavy), file=sys.stderr)
    sys.exit(code)
    """
).format(repo=str(REPO), tests=str(REPO / "tests"))


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["who-said", "--help"],
        ["who-said", "--actor", "Coffey"],
        ["who-said", "--actor", "Coffey", "-"],
        ["actors"],
        ["actors", "-", "-f", "csv"],
        ["schema"],
    ],
)
def test_cli_query_commands_never_import_spacy(tmp_path, jsonl, args):
    fill_store(tmp_path / ".argmine" / "argmine.db")
    script = tmp_path / "probe.py"
    script.write_text(NO_SPACY)
    run = subprocess.run(
        [sys.executable, str(script), str(tmp_path), *args], input=jsonl, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    assert run.stderr.splitlines()[-1] == "HEAVY:"


def test_who_said_with_no_claims_at_all_says_so(runner):
    empty_stdin = runner.invoke(app, ["who-said", "--actor", "Coffey", "-"], input="")
    assert (empty_stdin.exit_code, empty_stdin.stderr) == (1, "Error: no claim records on stdin\n")
    Store(Path(".argmine/argmine.db")).close()
    empty_store = runner.invoke(app, ["who-said", "--actor", "Coffey"])
    assert empty_store.exit_code == 1
    assert empty_store.stderr == (
        "Error: no claims in the store .argmine/argmine.db: run `argmine extract PATH...` first\n"
    )

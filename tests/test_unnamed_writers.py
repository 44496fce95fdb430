"""`who-said --actor author` lists the unnamed writers instead of merging them; the names
and ids `actors` prints for them are accepted (issue 15, defect 13)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from argmine.cli import app
from argmine.records import Actor
from conftest import make_claim

WRITER = Actor(id="author", name="author", kind="author")


def _stdin() -> str:
    lines = []
    for doc, text in (("a.txt", "I think integration is overdue."), ("b.txt", "I doubt the merger will work."),
                      ("c.txt", "We believe joined-up care helps.")):
        claim = make_claim(doc, 1, WRITER, text, mode="author", cue=None)
        lines.append(claim.model_dump_json())
    return "\n".join(lines) + "\n"


def test_who_said_author_lists_the_unnamed_writers():
    result = CliRunner().invoke(app, ["who-said", "--actor", "author", "-"], input=_stdin())
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "Error: 'author' fits 3 different writers: author (a.txt) [id author]; author (b.txt) [id author-2]; "
        "author (c.txt) [id author-3] — give one of these names or ids\n"
    )


def test_actors_labels_and_ids_are_accepted_by_who_said():
    cli = CliRunner()
    rows = [json.loads(line) for line in cli.invoke(app, ["actors", "-", "-f", "jsonl"], input=_stdin()).stdout.splitlines()]
    by_doc = {r["docs"][0]: r["id"] for r in rows}
    table = cli.invoke(app, ["actors", "-", "-f", "table"], input=_stdin()).stdout
    assert "author (b.txt)" in table
    by_id = cli.invoke(app, ["who-said", "--actor", by_doc["b.txt"], "-", "-f", "jsonl"], input=_stdin())
    assert by_id.exit_code == 0, by_id.output
    assert [json.loads(line)["doc"] for line in by_id.stdout.splitlines()] == ["b.txt"]
    by_label = cli.invoke(app, ["who-said", "--actor", "author (c.txt)", "-", "-f", "jsonl"], input=_stdin())
    assert by_label.exit_code == 0, by_label.output
    assert [json.loads(line)["doc"] for line in by_label.stdout.splitlines()] == ["c.txt"]


def test_a_named_writer_across_documents_is_still_one_actor():
    writer = Actor(id="jane-roe", name="Jane Roe", kind="author")
    lines = [make_claim(doc, 1, writer, "I think integration is overdue.", mode="author", cue=None).model_dump_json()
             for doc in ("a.txt", "b.txt")]
    result = CliRunner().invoke(app, ["who-said", "--actor", "Roe", "-", "-f", "jsonl"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 2

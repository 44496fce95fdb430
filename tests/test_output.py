"""The one output path: every format, exact text, CSV safety, streaming, reading back."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from argmine.errors import InputError, UsageError
from argmine.output import (
    OutputFormat,
    atomic_output,
    choose_format,
    csv_columns,
    neutralise_formula,
    read_claim_stream,
    write_records,
)
from argmine.records import ActorSummary, Claim, ExtractionResult, Segment, SegmentKind
from argmine.results import DocumentResult
from conftest import make_actor, make_claim, make_document


def render(records, fmt: OutputFormat, **kwargs) -> str:
    buffer = io.StringIO()
    write_records(records, fmt, buffer, **kwargs)
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def _fixed_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")  # Rich sizes tables from it


EXPECTED_CSV = '''\
schema_version,id,doc,text,start,end,content.text,content.start,content.end,content.parts,cue.text,cue.start,cue.end,cue.lemma,source.text,source.start,source.end,actor.id,actor.name,actor.kind,actor.aliases,actor.roles,mode,stance,stance_score,stance_evidence,stance_basis,target,confidence,rule,row,stances,duplicate_of,addressee.text,addressee.start,addressee.end,addressee.actor
1,a.txt#1,a.txt,Coffey said joined-up care would help.,0,38,Coffey said joined-up care would help.,0,38,,said,7,11,said,Coffey,0,6,dr-ann-coffey,Dr Ann Coffey,person,Coffey,GP,indirect,support,0.0,,,integration,0.8,,,,,,,,
1,a.txt#2,a.txt,The trust warned of silos.,39,65,The trust warned of silos.,39,65,,warned,49,55,warned,,,,northfield-health-trust,Northfield Health Trust,organisation,,,indirect,support,0.0,,,integration,0.8,,,,,,,,
1,a.txt#3,a.txt,"""It will fail,"" Coffey said.",66,94,"""It will fail,"" Coffey said.",66,94,,said,89,93,said,,,,dr-ann-coffey,Dr Ann Coffey,person,Coffey,GP,direct,oppose,0.0,,,integration,0.8,,,,,,,,
1,b.txt#1,b.txt,Ann Coffey said the merger was a mistake.,0,41,Ann Coffey said the merger was a mistake.,0,41,,said,11,15,said,Ann Coffey,0,10,ann-coffey,Ann Coffey,person,,,indirect,oppose,0.0,,,integration,0.8,,,,,,,,
1,b.txt#2,b.txt,I think integration is overdue.,42,73,I think integration is overdue.,42,73,,think,44,49,think,,,,author,the author,author,,,author,support,0.0,,,integration,0.8,,,,,,,,
'''

EXPECTED_MARKDOWN = """\
## a.txt

*Trusts and silos*

Target: integration

| # | Actor | Kind | Mode | Stance | Cue | Claim |
|---|---|---|---|---|---|---|
| 1 | Dr Ann Coffey | person | indirect | support | said | Coffey said joined-up care would help. |
| 2 | Northfield Health Trust | organisation | indirect | support | warned | The trust warned of silos. |
| 3 | Dr Ann Coffey | person | direct | oppose | said | "It will fail," Coffey said. |

## b.txt

Target: integration

| # | Actor | Kind | Mode | Stance | Cue | Claim |
|---|---|---|---|---|---|---|
| 1 | Ann Coffey | person | indirect | oppose | said | Ann Coffey said the merger was a mistake. |
| 2 | the author | author | author | support | think | I think integration is overdue. |

"""

EXPECTED_TABLE = """\
a.txt — Trusts and silos · 3 claims · target integration
┏━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━┓
┃ # ┃ Actor                    ┃ Mode     ┃ Stance  ┃ Claim                    ┃
┡━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━┩
│ 1 │ Dr Ann Coffey (person)   │ indirect │ support │ Coffey said joined-up    │
│   │                          │          │         │ care would help.  [said] │
│ 2 │ Northfield Health Trust  │ indirect │ support │ The trust warned of      │
│   │ (organisation)           │          │         │ silos.  [warned]         │
│ 3 │ Dr Ann Coffey (person)   │ direct   │ oppose  │ "It will fail," Coffey   │
│   │                          │          │         │ said.  [said]            │
└───┴──────────────────────────┴──────────┴─────────┴──────────────────────────┘

b.txt · 2 claims · target integration
┏━━━┳━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓
┃ # ┃ Actor               ┃ Mode     ┃ Stance  ┃ Claim                         ┃
┡━━━╇━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┩
│ 1 │ Ann Coffey (person) │ indirect │ oppose  │ Ann Coffey said the merger    │
│   │                     │          │         │ was a mistake.  [said]        │
│ 2 │ the author (author) │ author   │ support │ I think integration is        │
│   │                     │          │         │ overdue.  [think]             │
└───┴─────────────────────┴──────────┴─────────┴───────────────────────────────┘
"""

EXPECTED_ACTORS_CSV = """\
id,name,kind,aliases,roles,docs,claims,stance,stance_mix.support,stance_mix.oppose,stance_mix.mixed,stance_mix.neutral,target
dr-ann-coffey,Dr Ann Coffey,person,Coffey; Ann Coffey,GP,a.txt; b.txt,3,oppose,1,2,0,0,
northfield-health-trust,Northfield Health Trust,organisation,,,a.txt,1,support,1,0,0,0,
author,the author,author,,,b.txt,1,support,1,0,0,0,
"""


# --------------------------------------------------------------------------- claims, each format


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def test_output_csv_exact(two_groups):
    assert render(two_groups, OutputFormat.csv) == crlf(EXPECTED_CSV)


def test_output_markdown_exact(two_groups):
    assert render(two_groups, OutputFormat.markdown) == EXPECTED_MARKDOWN


def test_output_table_grouped_by_document(two_groups):
    assert render(two_groups, OutputFormat.table) == EXPECTED_TABLE


def test_output_jsonl_one_claim_per_line(two_groups):
    lines = render(two_groups, OutputFormat.jsonl).splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["a.txt#1", "a.txt#2", "a.txt#3", "b.txt#1", "b.txt#2"]
    assert json.loads(lines[0]) == {
        "schema_version": 1,
        "id": "a.txt#1",
        "doc": "a.txt",
        "text": "Coffey said joined-up care would help.",
        "start": 0,
        "end": 38,
        "content": {"text": "Coffey said joined-up care would help.", "start": 0, "end": 38, "parts": None},
        "cue": {"text": "said", "start": 7, "end": 11, "lemma": "said"},
        "source": {"text": "Coffey", "start": 0, "end": 6},
        "actor": {"id": "dr-ann-coffey", "name": "Dr Ann Coffey", "kind": "person", "aliases": ["Coffey"], "roles": ["GP"]},
        "mode": "indirect",
        "stance": "support",
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


def test_output_json_is_one_object_with_documents_actors_claims(two_groups):
    text = render(two_groups, OutputFormat.json)
    result = ExtractionResult.model_validate_json(text)  # the contract's own model reads it back
    assert [d.doc for d in result.documents] == ["a.txt", "b.txt"]
    assert [c.id for c in result.claims] == ["a.txt#1", "a.txt#2", "a.txt#3", "b.txt#1", "b.txt#2"]
    assert [(a.name, a.claims, a.stance) for a in result.actors] == [
        ("Dr Ann Coffey", 3, "oppose"),
        ("Northfield Health Trust", 1, "support"),
        ("the author", 1, "support"),
    ]
    assert list(json.loads(text)) == ["schema_version", "documents", "actors", "claims"]


def test_output_actor_rows_csv_flatten_the_stance_mix(two_groups):
    from argmine.aggregate import summarise

    summaries = summarise([c for g in two_groups for c in g.claims], [g.document for g in two_groups])
    assert render(summaries, OutputFormat.csv, model=ActorSummary) == crlf(EXPECTED_ACTORS_CSV)
    as_json = json.loads(render(summaries, OutputFormat.json, model=ActorSummary))
    assert [a["id"] for a in as_json["actors"]] == ["dr-ann-coffey", "northfield-health-trust", "author"]


@pytest.mark.parametrize(
    "fmt, expected",
    [
        (OutputFormat.jsonl, ""),
        (OutputFormat.csv, EXPECTED_CSV.splitlines()[0] + "\r\n"),
        (OutputFormat.markdown, "_No claims._\n"),
        (OutputFormat.table, ""),
    ],
)
def test_output_empty_input_gives_valid_empty_output(fmt, expected):
    assert render([], fmt) == expected


def test_output_empty_json_is_valid():
    assert json.loads(render([], OutputFormat.json)) == {"schema_version": 1, "documents": [], "actors": [], "claims": []}
    assert json.loads(render([], OutputFormat.json, model=ActorSummary)) == {"schema_version": 1, "actors": []}


def test_output_json_streams_documents_before_reading_the_next(two_groups):
    """A document is written out before the next one is even produced."""
    buffer = io.StringIO()
    seen_when_pulled = []

    def produce():
        for group in two_groups:
            seen_when_pulled.append(buffer.getvalue().count('"sha256"'))
            yield group

    write_records(produce(), OutputFormat.json, buffer)
    assert seen_when_pulled == [0, 1]


# --------------------------------------------------------------------------- CSV safety


@pytest.mark.parametrize("dangerous", ["=HYPERLINK(\"x\")", "+1+2", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "\tx", "\rx"])
def test_output_csv_neutralises_formula_cells(dangerous):
    actor = make_actor(dangerous, "group")
    claim = make_claim("x.txt", 1, actor, dangerous, cue=None, score=-0.5)
    import csv

    text = render([DocumentResult(doc="x.txt", claims=[claim])], OutputFormat.csv)
    header, row = csv.reader(io.StringIO(text, newline=""))
    cells = dict(zip(header, row))
    assert cells["text"] == "'" + dangerous
    assert cells["actor.name"] == "'" + dangerous
    assert cells["stance_score"] == "-0.5"  # numbers stay numbers


def test_output_neutralise_leaves_ordinary_text_alone():
    assert neutralise_formula("Coffey said so") == "Coffey said so"
    assert neutralise_formula("") == ""


def test_output_csv_columns_come_from_the_pydantic_fields():
    names = [name for name, _ in csv_columns(Claim)]
    assert names[:6] == ["schema_version", "id", "doc", "text", "start", "end"]
    assert "actor.name" in names and "cue.lemma" in names and "source.text" in names
    assert len(names) == len(set(names))


def test_output_segment_rows_for_inspect():
    segments = [
        Segment(kind=SegmentKind.title, start=0, end=12, text="A clear head", rule="first-line"),
        Segment(kind=SegmentKind.body, start=14, end=80, text="one two three four five six seven eight nine ten", rule="paragraph"),
    ]
    text = render(segments, OutputFormat.markdown, model=Segment)
    assert text.splitlines() == [
        "| # | Kind | Start | End | Rule | Text |",
        "|---|---|---|---|---|---|",
        "| 0 | title | 0 | 12 | first-line | A clear head |",
        "| 1 | body | 14 | 80 | paragraph | one two three four five six seven eight … |",
    ]


# --------------------------------------------------------------------------- reading claims back


def test_read_claim_stream_round_trips_jsonl(two_groups):
    text = render(two_groups, OutputFormat.jsonl)
    groups = read_claim_stream(io.StringIO(text))
    assert [g.doc for g in groups] == ["a.txt", "b.txt"]
    assert [c for g in groups for c in g.claims] == [c for g in two_groups for c in g.claims]


def test_read_claim_stream_accepts_the_json_object_and_pretty_json(two_groups):
    text = render(two_groups, OutputFormat.json)
    pretty = json.dumps(json.loads(text), indent=2)
    for given in (text, pretty):
        groups = read_claim_stream(io.StringIO(given))
        assert [len(g.claims) for g in groups] == [3, 2]
        assert groups[0].document is not None and groups[0].document.meta.title == "Trusts and silos"


def test_read_claim_stream_accepts_a_json_array(two_groups):
    claims = [json.loads(c.model_dump_json()) for g in two_groups for c in g.claims]
    groups = read_claim_stream(io.StringIO(json.dumps(claims, indent=1)))
    assert sum(len(g.claims) for g in groups) == 5


def test_read_claim_stream_names_the_malformed_line(two_groups):
    good = render(two_groups, OutputFormat.jsonl).splitlines()
    with pytest.raises(InputError, match=r"^stdin line 2: not a claim record \(invalid JSON\)$"):
        read_claim_stream(io.StringIO(good[0] + "\n{not json\n" + good[1] + "\n"))
    with pytest.raises(InputError, match=r"^stdin line 3: not a claim record \(stance: "):
        bad = json.loads(good[1])
        bad["stance"] = "furious"
        read_claim_stream(io.StringIO(good[0] + "\n\n" + json.dumps(bad) + "\n"))


def test_read_claim_stream_empty_input_is_no_claims():
    assert read_claim_stream(io.StringIO("")) == []
    assert read_claim_stream(io.StringIO("\n  \n")) == []


# --------------------------------------------------------------------------- files and defaults


def test_atomic_output_leaves_the_old_file_when_writing_fails(tmp_path: Path):
    target = tmp_path / "claims.jsonl"
    target.write_text("old\n")
    with pytest.raises(RuntimeError):
        with atomic_output(target) as fp:
            fp.write("half of the new")
            raise RuntimeError("interrupted")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["claims.jsonl"]  # no temp file left


def test_atomic_output_replaces_the_file_on_success(tmp_path: Path):
    target = tmp_path / "claims.jsonl"
    target.write_text("old\n")
    with atomic_output(target) as fp:
        fp.write("new\n")
        assert target.read_text() == "old\n"  # not visible until done
    assert target.read_text() == "new\n"


@pytest.mark.parametrize(
    "fmt, output, terminal, expected",
    [
        (None, None, True, OutputFormat.table),
        (None, None, False, OutputFormat.jsonl),
        (OutputFormat.csv, None, True, OutputFormat.csv),
        (None, Path("out.csv"), True, OutputFormat.csv),
        (None, Path("out.JSON"), False, OutputFormat.json),
        (None, Path("out.md"), False, OutputFormat.markdown),
        (OutputFormat.json, Path("out.csv"), False, OutputFormat.json),
    ],
)
def test_choose_format(fmt, output, terminal, expected):
    assert choose_format(fmt, output, terminal) is expected


@pytest.mark.parametrize("output", [Path("out"), Path("out.xlsx")])
def test_choose_format_refuses_to_guess_a_file_format(output):
    with pytest.raises(UsageError, match="-f table|json|jsonl|csv|markdown"):
        choose_format(None, output, True)


def test_output_markdown_escapes_pipes_and_newlines():
    actor = make_actor("A | B", "group")
    claim = make_claim("x.txt", 1, actor, "one |\ntwo", cue=None)
    row = render([DocumentResult(doc="x.txt", claims=[claim], document=make_document("x.txt", "one |\ntwo"))], OutputFormat.markdown)
    assert "| 1 | A \\| B | group | indirect | neutral |  | one \\| two |" in row.splitlines()

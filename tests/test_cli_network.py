"""`argmine network` through the CLI, on a small store written by hand (two targets, dated documents)."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from argmine.cli import app
from argmine.records import DocumentMeta
from argmine.results import DocumentResult
from argmine.store import ExtractionKey, Store
from conftest import make_actor, make_claim, make_document

nx = pytest.importorskip("networkx")
runner = CliRunner()


def _document(doc: str, text: str, date: str):
    document = make_document(doc, text, title=f"Title of {doc}")
    return document.model_copy(update={"meta": DocumentMeta(title=f"Title of {doc}", date=date, outlet="Daily")})


def _claims(doc: str, target: str, specs):
    claims, start = [], 0
    for n, (actor, text, stance) in enumerate(specs, start=1):
        claim = make_claim(doc, n, actor, text, stance=stance, start=start)
        claims.append(claim.model_copy(update={"target": target}))
        start += len(text) + 1
    return claims


@pytest.fixture
def store_path(tmp_path):
    """Two documents about two targets: Ann Lowe in both, the council in one."""
    lowe, council = make_actor("Ann Lowe"), make_actor("County Council", "organisation")
    texts = {
        "a.txt": ("2016-01-10", [(lowe, "Ann Lowe said it would help.", "support"), (council, "The council said it would fail.", "oppose")]),
        "b.txt": ("2016-08-02", [(lowe, "Ann Lowe said it would help again.", "support"), (lowe, "Ann Lowe said maybe.", "neutral")]),
    }
    path = tmp_path / "s.db"
    with Store(path) as store:
        for target in ("housing", "transport"):
            for doc, (date, specs) in texts.items():
                claims = _claims(doc, target, specs)
                text = " ".join(c.text for c in claims)
                document = _document(doc, text, date)
                key = ExtractionKey(document.sha256, "v", "latest", f"{target}@x")
                store.save(key, DocumentResult.of(document, [lowe, council], claims), source=f"/corpus/{doc}")
    return path


def invoke(*args: str):
    return runner.invoke(app, list(args))


def test_graphml_has_one_node_per_actor_and_target_and_claim_counts_as_weights(store_path, tmp_path):
    out = tmp_path / "net.graphml"
    result = invoke("network", "--store", str(store_path), "-o", str(out))
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(out)
    labels = sorted(data["label"] for _, data in graph.nodes(data=True))
    assert labels == ["Ann Lowe", "County Council", "housing", "transport"]
    weights = {(graph.nodes[u]["label"], graph.nodes[v]["label"]): w for u, v, w in graph.edges(data="weight")}
    assert weights == {
        ("Ann Lowe", "housing"): 3.0,
        ("Ann Lowe", "transport"): 3.0,
        ("County Council", "housing"): 1.0,
        ("County Council", "transport"): 1.0,
    }


def test_target_since_and_subtract(store_path, tmp_path):
    out = tmp_path / "edges.csv"
    nodes = tmp_path / "nodes.csv"
    result = invoke(
        "network", "--store", str(store_path), "--target", "housing", "--since", "2016-06", "--qualifier-aggregation", "subtract",
        "-f", "csv", "-o", str(out), "--nodes", str(nodes),
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open()))
    assert [(r["source_label"], r["target_label"], r["Weight"]) for r in rows] == [("Ann Lowe", "housing", "1")]
    assert [r["Label"] for r in csv.DictReader(nodes.open())] == ["Ann Lowe", "housing"]


def test_one_mode_conflict_between_the_two_actors(store_path, tmp_path):
    result = invoke("network", "--store", str(store_path), "--mode", "one-mode", "--qualifier-aggregation", "conflict", "-f", "csv", "-o", "-")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    # per target: Lowe supports twice, the council opposes once -> 2 conflicts; two targets
    assert [(r["source_label"], r["target_label"], r["Weight"]) for r in rows] == [("Ann Lowe", "County Council", "4")]


def test_event_list_has_dna_header_and_one_row_per_claim_and_target(store_path):
    result = invoke("network", "--store", str(store_path), "-f", "events", "-o", "-")
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith('"statement_id";"time";"person";"organization";"concept";"agreement"')
    assert len(lines) == 1 + 8
    assert '"County Council";"housing";0;"oppose"' in result.stdout


def test_windows_write_one_file_per_window(store_path, tmp_path):
    out = tmp_path / "w.graphml"
    result = invoke("network", "--store", str(store_path), "--window", "3m", "-o", str(out))
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in tmp_path.glob("w-*.graphml"))
    assert written and written[0] == "w-2016-02-10.graphml" and not out.exists()
    assert sum(nx.read_graphml(tmp_path / name).number_of_edges() for name in written) > 0


@pytest.mark.parametrize(
    "args, message",
    [
        (["--mode", "three-mode"], "--mode must be two-mode or one-mode"),
        (["--qualifier-aggregation", "congruence"], "does not apply to two-mode"),
        (["--window", "6x"], "--window '6x'"),
        (["--since", "soon"], "--since 'soon' is not a date"),
        (["--target", "nowhere"], "no claims about target 'nowhere'"),
        (["--nodes", "n.csv"], "--nodes goes with --format csv"),
        (["--window", "3m", "-f", "graphml"], "writes one file per window"),
    ],
)
def test_bad_options_are_one_line_errors(store_path, args, message):
    result = invoke("network", "--store", str(store_path), *args)
    assert result.exit_code != 0
    assert message in result.output and "Traceback" not in result.output


def test_network_does_not_import_spacy(store_path, tmp_path):
    code = (
        "import sys\nfrom typer.testing import CliRunner\nfrom argmine.cli import app\n"
        f"r = CliRunner().invoke(app, ['network', '--store', {str(store_path)!r}, '-o', {str(tmp_path / 'n.graphml')!r}])\n"
        "assert r.exit_code == 0, r.output\nprint('spacy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_a_record_with_a_stances_list_gives_one_fact_per_target() -> None:
    """A claim about several targets (a `stances` list on the record) is one fact per target;
    the same claim seen twice about one target counts once."""
    from types import SimpleNamespace

    from argmine.network.gather import gather
    from argmine.query import ClaimSource
    from argmine.store import ClaimRow

    lowe = make_actor("Ann Lowe")
    record = SimpleNamespace(
        id="a.txt#1", target="housing", stances=[{"target": "housing", "stance": "support"}, {"target": "transport", "stance": "oppose"}]
    )
    row = ClaimRow("a.txt", lowe, "support", "indirect", "a.txt", claim=record, target="housing")  # type: ignore[arg-type]
    source = ClaimSource({}, [row, row], lambda rows: [r.claim for r in rows], lambda doc: None)
    facts = gather(source).facts
    assert [(f.claim_id, f.target, f.stance) for f in facts] == [("a.txt#1", "housing", "support"), ("a.txt#1", "transport", "oppose")]
    assert [(f.target, f.stance) for f in gather(source, targets=["transport"]).facts] == [("transport", "oppose")]


def test_report_shows_each_claim_once_whatever_the_targets(store_path, tmp_path) -> None:
    """Two targets over the same two documents: four claims, four highlights, each with both stances."""
    out = tmp_path / "report.html"
    result = invoke("report", "--store", str(store_path), "-o", str(out))
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.count("<mark ") == 4
    assert "housing: oppose; transport: oppose" in page
    assert page.count('<svg class="network"') == 2  # one network per target

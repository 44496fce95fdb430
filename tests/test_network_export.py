"""Network files: GraphML for networkx/Gephi/visone, edge and node CSV, DNA's matrix CSV, UCINET DL,
DNA 3's event list, each on a small network whose file we can write out by hand."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import pytest

from argmine.network.build import NetworkOptions, build_events, build_network
from argmine.network.export.events import HEADER, ClaimDetails, DocumentDetails, write_events
from argmine.network.export.graphml import NS, write_graphml
from argmine.network.export.tables import write_dl, write_edges, write_matrix_csv, write_nodes
from argmine.network.statements import ClaimFacts, Node
from argmine.network.windows import WindowSpec

nx = pytest.importorskip("networkx")

HOSTILE = 'Dr "X" <script>alert(1)</script>; =cmd\x07'
A = Node("ann-lowe", "Ann Lowe", "actor", "person")
B = Node("council", "County Council", "actor", "organisation")
H = Node("hostile", HOSTILE, "actor", "group")

CLAIMS = [
    ClaimFacts("a.txt#1", "a.txt", A, "integration", "support", "2015-03-02"),
    ClaimFacts("a.txt#2", "a.txt", A, "integration", "support", "2015-03-02"),
    ClaimFacts("b.txt#1", "b.txt", B, "integration", "oppose", "2015-04-20"),
    ClaimFacts("b.txt#2", "b.txt", B, "sugar tax", "mixed", "2015-04-20"),
    ClaimFacts("c.txt#1", "c.txt", H, "sugar tax", "neutral"),
]


def graphml(result, matrix) -> str:
    out = io.StringIO()
    write_graphml(result, matrix, out)
    return out.getvalue()


def test_graphml_loads_in_networkx_with_claim_counts_as_weights() -> None:
    result = build_network(CLAIMS, NetworkOptions())
    graph = nx.parse_graphml(graphml(result, result.matrices[0]))
    labels = {data["label"]: data for _, data in graph.nodes(data=True)}
    assert set(labels) == {"Ann Lowe", "County Council", HOSTILE.replace("\x07", ""), "integration", "sugar tax"}
    assert labels["Ann Lowe"] == {"label": "Ann Lowe", "mode": "actor", "kind": "person", "frequency": 2, "argmine_id": "ann-lowe"}
    assert labels["integration"]["mode"] == "target" and labels["integration"]["frequency"] == 3
    weights = {(graph.nodes[u]["label"], graph.nodes[v]["label"]): w for u, v, w in graph.edges(data="weight")}
    assert weights == {
        ("Ann Lowe", "integration"): 2.0,
        ("County Council", "integration"): 1.0,
        ("County Council", "sugar tax"): 1.0,
        (HOSTILE.replace("\x07", ""), "sugar tax"): 1.0,
    }
    assert graph.graph["aggregation"] == "ignore" and graph.graph["statements"] == 5


def test_graphml_declares_each_key_once_and_writes_no_empty_value() -> None:
    result = build_network(CLAIMS, NetworkOptions(network_type="onemode"))
    root = ET.fromstring(graphml(result, result.matrices[0]).encode("utf-8"))
    keys = root.findall(f"{{{NS}}}key")
    assert len({k.get("id") for k in keys}) == len(keys)
    assert all(data.text not in (None, "", "None") for data in root.iter(f"{{{NS}}}data"))
    node_keys = {k.get("id") for k in keys if k.get("for") == "node"}
    for node in root.iter(f"{{{NS}}}node"):
        assert {d.get("key") for d in node.findall(f"{{{NS}}}data")} == node_keys


def test_edges_and_nodes_csv_for_gephi() -> None:
    result = build_network(CLAIMS, NetworkOptions(aggregation="subtract"))
    edges, nodes = io.StringIO(), io.StringIO()
    assert write_edges(result, edges) == 2 and write_nodes(result, nodes) == 4
    # the mixed claim agrees and disagrees (1 - 1 = 0: no edge); the neutral claim takes no side
    assert edges.getvalue().splitlines() == [
        "Source,Target,Type,Weight,source_label,target_label",
        "ann-lowe,target:integration,Undirected,2,Ann Lowe,integration",
        "council,target:integration,Undirected,-1,County Council,integration",
    ]
    rows = list(csv.DictReader(io.StringIO(nodes.getvalue())))
    assert [(r["Id"], r["Label"], r["mode"], r["frequency"]) for r in rows] == [
        ("ann-lowe", "Ann Lowe", "actor", "2"),
        ("council", "County Council", "actor", "3"),
        ("target:integration", "integration", "target", "3"),
        ("target:sugar tax", "sugar tax", "target", "2"),
    ]


def test_a_long_edge_list_carries_each_window() -> None:
    result = build_network(CLAIMS, NetworkOptions(window=WindowSpec.parse("30d")))
    out = io.StringIO()
    write_edges(result, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows and {"window", "window_time", "window_start", "window_stop"} <= set(rows[0])
    first = [r for r in rows if r["window"] == "1"]
    assert first[0]["window_start"] == "2015-03-02 00:00:00" and first[0]["window_time"] == "2015-03-17 00:00:00"


def test_matrix_csv_and_dl_as_dna_writes_them() -> None:
    result = build_network(CLAIMS[:3], NetworkOptions())
    matrix = result.matrices[0]
    out = io.StringIO()
    write_matrix_csv(matrix, out)
    assert out.getvalue() == '"";"integration"\n"Ann Lowe";2\n"County Council";1\n'
    out = io.StringIO()
    write_dl(matrix, out)
    assert out.getvalue() == (
        'dl nr = 2, nc = 1, format = fullmatrix\nrow labels:\n"Ann Lowe"\n"County Council"\n'
        'col labels:\n"integration"\ndata:\n 2\n 1\n'
    )
    normalised = build_network(CLAIMS[:3], NetworkOptions(network_type="onemode", normalisation="average")).matrices[0]
    out = io.StringIO()
    write_dl(normalised, out)
    assert out.getvalue().splitlines()[0] == "dl n = 2, format = fullmatrix"
    assert out.getvalue().splitlines()[-2:] == [" 0.000000 1.333333", " 1.333333 0.000000"]  # 2*1 / ((2+1)/2)


def test_matrix_labels_lose_quotes_and_formulas() -> None:
    result = build_network(CLAIMS[4:], NetworkOptions())
    out = io.StringIO()
    write_matrix_csv(result.matrices[0], out)
    row = out.getvalue().splitlines()[1]
    assert row.startswith('"Dr \'X\' <script>') and '"' not in row[1:-3]


def test_event_list_has_dna3_columns_and_one_row_per_claim() -> None:
    events = build_events(CLAIMS, NetworkOptions())
    details = {
        "a.txt#1": ClaimDetails('Integration "works"; really', 10, 35, "support"),
        "a.txt#2": ClaimDetails("=SUM(A1)", 40, 48, "support"),
        "b.txt#1": ClaimDetails("No.", 0, 3, "oppose"),
        "b.txt#2": ClaimDetails("Yes and no.", 5, 16, "mixed"),
        "c.txt#1": ClaimDetails("Maybe.", 0, 6, "neutral"),
    }
    out = io.StringIO()
    assert write_events(events, details.__getitem__, lambda doc: DocumentDetails(title=f"T {doc}", source="HSJ"), out) == 5
    lines = out.getvalue().splitlines()
    assert lines[0] == ";".join(f'"{c}"' for c in HEADER)
    assert lines[0].startswith('"statement_id";"time";"person";"organization";"concept";"agreement"')
    assert lines[0].endswith('"document_title";"document_author";"document_source";"document_section";"document_type"')
    assert lines[1] == (
        '1;2015-03-02 00:00:00;"Ann Lowe";"";"integration";1;"support";"a.txt#1";10;35;'
        '"Integration \'works\', really";1;1;"T a.txt";"";"HSJ";"";""'
    )
    assert lines[2].split(";")[10] == "\"'=SUM(A1)\""
    assert [line.split(";")[5] for line in lines[1:]] == ["1", "1", "0", "", ""]
    assert lines[5].split(";")[1] == "" and lines[5].split(";")[3] == f'"{HOSTILE.replace(";", ",").replace(chr(34), chr(39))}"'

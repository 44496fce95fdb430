"""Networks as tables: edge and node lists (Gephi's spreadsheet import), DNA's matrix CSV, UCINET DL.

The edge list is one long table: with time windows, each window's edges
follow each other, with the window's centre, start and end in columns of
their own (one file for the whole series). Matrix CSV and DL follow DNA's
own writers (semicolons, quoted labels, whole numbers unless normalised,
six decimals otherwise), one network per file.
"""

from __future__ import annotations

import csv
from datetime import datetime
from typing import Optional, TextIO

from argmine.network.build import NetworkResult
from argmine.network.matrices import Matrix
from argmine.network.statements import Node
from argmine.output import neutralise_formula

EDGE_COLUMNS = ["Source", "Target", "Type", "Weight", "source_label", "target_label"]
WINDOW_COLUMNS = ["window", "window_time", "window_start", "window_stop"]
NODE_COLUMNS = ["Id", "Label", "mode", "kind", "frequency"]


def _cell(text: str) -> str:
    return neutralise_formula(text)


def _moment(value: Optional[datetime]) -> str:
    return value.isoformat(sep=" ") if value else ""


def _weight(value: float, integer: bool) -> str:
    return str(int(value)) if integer else repr(float(value))


def write_edges(result: NetworkResult, fp: TextIO) -> int:
    """Every edge of every network (Gephi: Source, Target, Type, Weight); returns the rows written."""
    writer = csv.writer(fp, lineterminator="\n")
    header = EDGE_COLUMNS + (WINDOW_COLUMNS if result.windowed else [])
    writer.writerow(header)
    rows = 0
    for number, matrix in enumerate(result.matrices, start=1):
        window = [str(number), _moment(matrix.time), _moment(matrix.start), _moment(matrix.stop)] if result.windowed else []
        for source, target, weight in matrix.edges():
            writer.writerow(
                [_cell(source.id), _cell(target.id), "Undirected", _weight(weight, matrix.integer), _cell(source.label), _cell(target.label)]
                + window
            )
            rows += 1
    return rows


def network_nodes(result: NetworkResult) -> list[Node]:
    """Every node of any network in the result, actors first, each once, in DNA's label order."""
    seen: dict[str, Node] = {}
    for matrix in result.matrices:
        for node in list(matrix.rows) + list(matrix.cols):
            seen.setdefault(node.id, node)
    return sorted(seen.values(), key=lambda n: (n.mode != "actor", n.label, n.id))


def write_nodes(result: NetworkResult, fp: TextIO) -> int:
    """The node list (Gephi: Id, Label) with mode, kind and statement count; returns the rows written."""
    writer = csv.writer(fp, lineterminator="\n")
    writer.writerow(NODE_COLUMNS)
    nodes = network_nodes(result)
    for node in nodes:
        writer.writerow([_cell(node.id), _cell(node.label), node.mode, node.kind, result.frequency.get(node.id, 0)])
    return len(nodes)


def _dna_label(label: str) -> str:
    """A label as DNA quotes it in matrix files: double quotes become single ones."""
    return '"' + _cell(label).replace('"', "'").replace("\r", " ").replace("\n", " ") + '"'


def _dna_value(value: float, integer: bool) -> str:
    return str(int(value)) if integer else f"{value:.6f}"


def write_matrix_csv(matrix: Matrix, fp: TextIO) -> None:
    """DNA's matrix CSV: semicolons, a quoted label row and column, one row per row node."""
    fp.write('""' + "".join(";" + _dna_label(n.label) for n in matrix.cols))
    for i, row in enumerate(matrix.rows):
        fp.write("\n" + _dna_label(row.label))
        fp.write("".join(";" + _dna_value(matrix.value(i, j), matrix.integer) for j in range(len(matrix.cols))))
    fp.write("\n")


def _dl_label(label: str) -> str:
    """A label as DNA writes it for UCINET: in double quotes, with no quote of either kind inside."""
    return '"' + label.replace('"', "").replace("'", "").replace("\r", " ").replace("\n", " ") + '"'


def write_dl(matrix: Matrix, fp: TextIO) -> None:
    """UCINET DL full matrix, as DNA writes it (one-mode: labels; two-mode: row and column labels)."""
    if matrix.one_mode:
        fp.write(f"dl n = {len(matrix.rows)}, format = fullmatrix\nlabels:")
    else:
        fp.write(f"dl nr = {len(matrix.rows)}, nc = {len(matrix.cols)}, format = fullmatrix\nrow labels:")
    fp.write("".join("\n" + _dl_label(n.label) for n in matrix.rows))
    if not matrix.one_mode:
        fp.write("\ncol labels:" + "".join("\n" + _dl_label(n.label) for n in matrix.cols))
    fp.write("\ndata:")
    for i in range(len(matrix.rows)):
        fp.write("\n" + "".join(" " + _dna_value(matrix.value(i, j), matrix.integer) for j in range(len(matrix.cols))))
    fp.write("\n")

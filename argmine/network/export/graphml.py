"""GraphML that networkx, Gephi and visone open.

Every attribute is declared once with an explicit, unique key id and a
type; every node carries every node attribute (no empty or null values, which
Gephi reads as errors); node ids are ``n0``, ``n1``… (argmine's own id is an
attribute), so any actor name is safe. Text is escaped by the XML writer,
and characters XML 1.0 cannot hold (most control characters) are dropped.
Written as escaped strings, not an element tree, so a one-mode network of
tens of thousands of edges takes a fraction of a second.
"""

from __future__ import annotations

import re
from typing import Optional, TextIO
from xml.sax.saxutils import escape

from argmine.network.build import NetworkResult
from argmine.network.matrices import Matrix

NS = "http://graphml.graphdrawing.org/xmlns"
_SCHEMA = "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

#: (key id, element, attribute name, type)
NODE_KEYS = (
    ("d_label", "node", "label", "string"),
    ("d_mode", "node", "mode", "string"),
    ("d_kind", "node", "kind", "string"),
    ("d_frequency", "node", "frequency", "int"),
    ("d_argmine_id", "node", "argmine_id", "string"),
)
EDGE_KEYS = (("e_weight", "edge", "weight", "double"),)
GRAPH_KEYS = (
    ("g_network_type", "graph", "network_type", "string"),
    ("g_aggregation", "graph", "aggregation", "string"),
    ("g_normalisation", "graph", "normalisation", "string"),
    ("g_duplicates", "graph", "duplicates", "string"),
    ("g_statements", "graph", "statements", "int"),
    ("g_window_time", "graph", "window_time", "string"),
    ("g_window_start", "graph", "window_start", "string"),
    ("g_window_stop", "graph", "window_stop", "string"),
)


def xml_text(text: str) -> str:
    """Text XML 1.0 can carry: control characters and lone surrogates dropped."""
    return _NOT_XML.sub("", text)


def _text(value: object) -> str:
    return escape(xml_text(str(value)))


def _data(key: str, value: object, indent: str) -> str:
    return f'{indent}<data key="{key}">{_text(value)}</data>\n'


def _graph_values(result: NetworkResult, matrix: Matrix) -> dict[str, object]:
    """The graph's attributes that have a value (GraphML readers take an empty one for an error)."""
    options = result.options
    values: dict[str, Optional[object]] = {
        "g_network_type": options.network_type,
        "g_aggregation": options.aggregation,
        "g_normalisation": options.normalisation,
        "g_duplicates": options.duplicates,
        "g_statements": matrix.statements,
        "g_window_time": matrix.time.isoformat() if matrix.time else None,
        "g_window_start": matrix.start.isoformat() if matrix.start else None,
        "g_window_stop": matrix.stop.isoformat() if matrix.stop else None,
    }
    return {key: value for key, value in values.items() if value is not None}


def write_graphml(result: NetworkResult, matrix: Matrix, fp: TextIO) -> None:
    """Write one matrix of `result` as GraphML (UTF-8 declared; `fp` must write UTF-8).

    Two-mode: actors and targets; one-mode: actors. Written as a stream of
    escaped strings (an element tree of a large one-mode network took seconds).
    """
    fp.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    fp.write(f'<graphml xmlns="{NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="{_SCHEMA}">\n')
    for key_id, element, name, kind in NODE_KEYS + EDGE_KEYS + GRAPH_KEYS:
        fp.write(f'  <key id="{key_id}" for="{element}" attr.name="{name}" attr.type="{kind}" />\n')
    fp.write('  <graph id="argmine" edgedefault="undirected">\n')
    fp.write("".join(_data(key, value, "    ") for key, value in _graph_values(result, matrix).items()))
    nodes = list(matrix.rows) + ([] if matrix.one_mode else list(matrix.cols))
    xml_id = {}
    for index, node in enumerate(nodes):
        xml_id[node.id] = f"n{index}"
        values = (node.label, node.mode, node.kind, result.frequency.get(node.id, 0), node.id)
        fp.write(f'    <node id="n{index}">\n')
        fp.write("".join(_data(key[0], value, "      ") for key, value in zip(NODE_KEYS, values)))
        fp.write("    </node>\n")
    fp.write(
        "".join(
            f'    <edge id="e{index}" source="{xml_id[source.id]}" target="{xml_id[target.id]}">\n'
            f'      <data key="e_weight">{float(weight)!r}</data>\n    </edge>\n'
            for index, (source, target, weight) in enumerate(matrix.edges())
        )
    )
    fp.write("  </graph>\n</graphml>\n")

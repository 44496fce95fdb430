"""The code's shape, checked from its syntax trees (docs/architecture.md says why each holds).

- persistence and the extract loop never depend on rendering: store, runner,
  results, pipeline and query never import argmine.output;
- the library never reaches up into the command line: only argmine/cli (and
  `python -m argmine`) imports argmine.cli;
- one name, one meaning: no module-level name is defined in two modules of argmine
  (a name that means two different things is listed below, with what each means);
- small functions: none outside argmine/components is longer than 60 lines;
- docs/architecture.md has a paragraph for every module.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "argmine"
MAX_FUNCTION_LINES = 60

#: Names two modules define for different things, and what each one is.
SAME_NAME_DIFFERENT_THING = {
    "Candidate": "attribution: a reported-speech candidate; ingest.files: a file that may be read; "
    "target_check: a phrase that may join a target",
    "MODEL_NAME": "model: the spaCy model's folder; components.stance.learned: the stance model's file",
    "Mention": "components.actors: an actor's mention; components.stance: a target term's mention",
    "Piece": "components.stance: a word of a claim as stance reads it; ingest.view: a segment in the analysis view",
    "Row": "compare: a report's row of figures; network.claims: the query row a network is built from",
    "_URL": "dates: a web address in a page's text; ingest.formats: a path that is a web address",
    "_WORD": "dates: a month-name pattern; ingest.language: a word pattern",
    "_groups": "evaluate: rows summed by a key; matching: connected groups of a candidate graph",
    "extract": "api: the library function that extracts claims from texts or paths; cli.extract: the command",
    "extracted_text": "ingest: reads the text a document's offsets point into; api: the same, re-exported for notebooks "
    "without the byte cap argument",
    "_load": "components.lexicons: a data file; model: the spaCy model; store: a stored result",
}


def modules() -> list[tuple[str, ast.Module]]:
    return [
        (str(path.relative_to(PACKAGE.parent)), ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted(PACKAGE.rglob("*.py"))
    ]


def imported(tree: ast.Module) -> set[str]:
    """Every module an import statement names, at any depth (imports inside functions too)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_persistence_and_the_extract_loop_never_import_the_output_layer():
    below_output = {"argmine/store.py", "argmine/runner.py", "argmine/results.py", "argmine/pipeline.py", "argmine/query.py"}
    found = {path for path, tree in modules() if path in below_output}
    assert found == below_output
    offenders = {path for path, tree in modules() if path in below_output and "argmine.output" in imported(tree)}
    assert offenders == set()


def test_only_the_command_line_imports_the_command_line():
    offenders = {
        path
        for path, tree in modules()
        if not path.startswith("argmine/cli/")
        and path != "argmine/__main__.py"
        and any(n == "argmine.cli" or n.startswith("argmine.cli.") for n in imported(tree))
    }
    assert offenders == set()


def module_level_names(tree: ast.Module) -> set[str]:
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names - {"__all__"}


def test_no_module_level_name_is_defined_twice():
    where = defaultdict(list)
    for path, tree in modules():
        for name in module_level_names(tree):
            where[name].append(path)
    twice = {name: paths for name, paths in where.items() if len(paths) > 1}
    assert {n: p for n, p in twice.items() if n not in SAME_NAME_DIFFERENT_THING} == {}
    # The list stays true: a name that is no longer defined twice leaves it.
    assert set(SAME_NAME_DIFFERENT_THING) <= set(twice)


def test_no_function_outside_the_components_is_over_60_lines():
    long = []
    for path, tree in modules():
        if path.startswith("argmine/components/"):
            continue
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{path}:{node.lineno} {node.name} ({lines} lines)")
    assert long == []


def test_every_module_has_its_paragraph_in_the_architecture_notes():
    notes = (PACKAGE.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    missing = [path for path, _ in modules() if f"`{path}`" not in notes]
    assert missing == []
    gone = [path for path in re.findall(r"`(argmine/[\w/]+\.py)`", notes) if not (PACKAGE.parent / path).is_file()]
    assert gone == []

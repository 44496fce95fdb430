"""Labelled examples for a target from gold files: each gold claim's sentence and stance.

A target file's ``gold`` list names gold folders or files (argmine's gold
format); every claim whose stance is scored becomes an example. The claim's
sentence is cut from the article (``texts/NAME`` beside the gold file, or
``NAME`` beside it) around the anchor; without the article, the anchor alone.
No spaCy: a sentence here ends at a full stop, question or exclamation mark
followed by a space, or at a line break.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from argmine.errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from argmine.target import Example

_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s|\n")


def examples_from_gold(paths: list[Path]) -> list["Example"]:
    """Examples from gold files and folders. Raises InputError for a path that does not exist."""
    from argmine.gold import load_gold_file
    from argmine.target import Example

    out: list[Example] = []
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: gold file or folder named by the target not found")
        files = sorted(path.glob("*.json")) if path.is_dir() else [path]
        for file in files:
            gold = load_gold_file(file)
            text = _article(file, gold.doc)
            for claim in gold.claims:
                if not claim.stance_optional:
                    out.append(Example(text=_sentence(text, claim.anchor), stance=claim.stance))
    return out


def _article(gold_file: Path, doc: str) -> str:
    for candidate in (gold_file.parent / "texts" / doc, gold_file.parent / doc):
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8", errors="replace")
    return ""


def _sentence(text: str, anchor: str) -> str:
    """The sentence of `text` holding `anchor` (whitespace-insensitive); the anchor when absent."""
    words = anchor.split()
    pattern = r"\s+".join(re.escape(w) for w in words)
    found = re.search(pattern, text) if words else None
    if found is None:
        return anchor
    start = 0
    for end in _SENTENCE_END.finditer(text, 0, found.start()):
        start = end.end()
    stop = _SENTENCE_END.search(text, found.end())
    return " ".join(text[start : stop.end() if stop else len(text)].split())

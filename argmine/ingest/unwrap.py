"""What the reader sees, not how the file spells it: hard wraps and Markdown markup undone.

A paragraph folded at 72 columns is one paragraph; `**Cllr Ann Lee**, chair
of the [Health Board](https://...)` is the sentence "Cllr Ann Lee, chair of
the Health Board". The rules and the pipeline read the second; every offset
they find still points into the file, through the map kept here.

Two forms, for two readers:

- `flatten` (for the segmentation rules): the same length as the original,
  line breaks and markup characters turned into spaces, so every offset a
  rule takes from it is already an offset into the file;
- `unwrap` (for the pipeline): line breaks inside a paragraph and the
  whitespace around them become one space, markup is removed, link targets
  are dropped; `Unwrapped.runs` maps each kept stretch back to the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

#: A line break inside a paragraph, with the spaces around it.
_WRAP = re.compile(r"[ \t]*(?:\r\n|[\n\r\u2028\u2029])[ \t]*")

# Markdown inline markup (CommonMark's common cases). Each pattern's named
# groups mark what is *removed*; the rest of the match is kept.
_MARKDOWN = [
    # [text](target "title") and ![alt](src): keep the text.
    re.compile(r"(?P<open>!?\[)(?=[^\]\n]*\S)[^\]\n]*(?P<close>\]\([^)\s]*(?:\s+\"[^\"\n]*\")?\))"),
    # [text][ref] reference links.
    re.compile(r"(?P<open>\[)[^\]\n]+(?P<close>\]\[[^\]\n]*\])"),
    # <https://...> autolinks: keep the address.
    re.compile(r"(?P<open><)(?:https?://|mailto:)[^>\s]+(?P<close>>)"),
    # **strong**, __strong__, ~~struck~~.
    re.compile(r"(?P<open>\*\*|__|~~)(?=\S)[^\n]*?(?<=\S)(?P<close>(?P=open))"),
    # *emphasis* and _emphasis_, not inside words (snake_case, 2*3*4).
    re.compile(r"(?<![\w*])(?P<open>\*)(?=[^\s*])[^*\n]*?(?<=[^\s*])(?P<close>\*)(?![\w*])"),
    re.compile(r"(?<![\w_])(?P<open>_)(?=[^\s_])[^_\n]*?(?<=[^\s_])(?P<close>_)(?![\w_])"),
    # `code`.
    re.compile(r"(?P<open>`+)(?=[^`\n])[^`\n]*?(?P<close>(?P=open))"),
    # A backslash escaping punctuation: keep the punctuation.
    re.compile(r"(?P<open>\\)(?=[\\`*_{}\[\]()#+\-.!|~<>])"),
]

#: Suffixes of files whose inline markup is Markdown.
MARKDOWN_SUFFIXES = (".md", ".markdown")


@dataclass(frozen=True)
class Run:
    """A stretch of the unwrapped text and where it lies in the original (offsets from the start of each)."""

    view: int
    original: int
    length: int


@dataclass(frozen=True)
class Unwrapped:
    """A text as read, and the runs that map it back to the original."""

    text: str
    runs: tuple[Run, ...]

    @property
    def is_identity(self) -> bool:
        return len(self.runs) == 1 and self.runs[0].view == self.runs[0].original == 0


def unwrap(text: str, *, markdown: bool = False) -> Unwrapped:
    """`text` as the pipeline reads it: one line, markup removed; see the module docstring."""
    edits = _edits(text, markdown)
    if not edits:
        return Unwrapped(text, (Run(0, 0, len(text)),))
    parts: list[str] = []
    runs: list[Run] = []
    view = position = 0
    for start, end, replacement in edits:
        if start > position:
            parts.append(text[position:start])
            runs.append(Run(view, position, start - position))
            view += start - position
        if replacement:
            parts.append(replacement)
            runs.append(Run(view, start, len(replacement)))
            view += len(replacement)
        position = end
    if position < len(text):
        parts.append(text[position:])
        runs.append(Run(view, position, len(text) - position))
    return Unwrapped("".join(parts), tuple(runs))


def flatten(text: str, *, markdown: bool = False) -> str:
    """`text` with line breaks and markup as spaces: the same length, offsets unchanged."""
    edits = _edits(text, markdown)
    if not edits:
        return text
    chars = list(text)
    for start, end, _ in edits:
        for i in range(start, end):
            chars[i] = " "
    return "".join(chars)


def is_markdown_path(path: str) -> bool:
    """Is this file Markdown, by its name?"""
    return path.lower().endswith(MARKDOWN_SUFFIXES)


def _edits(text: str, markdown: bool) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, replacement) edits, in order."""
    if "\n" not in text and "\r" not in text and "\u2028" not in text and "\u2029" not in text and not (
        markdown and _may_have_markup(text)
    ):
        return []
    found = list(_wrap_edits(text))
    if markdown:
        found.extend(_markup_edits(text))
    found.sort()
    edits: list[tuple[int, int, str]] = []
    for edit in found:
        if edits and edit[0] < edits[-1][1]:
            continue  # overlaps an earlier edit: the earlier one wins
        edits.append(edit)
    return edits


def _may_have_markup(text: str) -> bool:
    return any(ch in text for ch in "*_[`~<\\")


def _wrap_edits(text: str) -> Iterator[tuple[int, int, str]]:
    """Each line break becomes a space; after a hyphenated word's hyphen ("cost-\ncutting",
    "Smith-\nJones"), nothing: wrapping tools break after a hyphen, they never add one."""
    for match in _WRAP.finditer(text):
        start, end = match.span()
        hyphenated = start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha() and text[end : end + 1].isalpha()
        yield start, end, "" if hyphenated else " "


def _markup_edits(text: str) -> Iterator[tuple[int, int, str]]:
    for pattern in _MARKDOWN:
        for match in pattern.finditer(text):
            for group in ("open", "close"):
                if group in pattern.groupindex and match.group(group) is not None:
                    start, end = match.span(group)
                    if start < end:
                        yield start, end, ""

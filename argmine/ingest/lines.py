"""The decoded text cut into units: lines, or paragraphs of hard-wrapped lines.

Scraped pages usually hold one paragraph per line; plain-text and Markdown
files often wrap a paragraph over several lines with blank lines between
paragraphs, and any file may break a long line mid-sentence (a line that
stops without punctuation, continued in lower case). Both become one `Unit` per paragraph, each an exact stretch of
the text (surrounding whitespace excluded), so later rules never have to
think about offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional

# Line breaks: CRLF first so that it counts as one break. U+2028/2029 are
# Unicode's own line and paragraph separators.
_LINE_BREAK = re.compile(r"\r\n|[\n\r\u2028\u2029]")
_MARKDOWN_HEADING = re.compile(r"^(#{1,6})[ \t]+")
_MARKDOWN_CLOSING = re.compile(r"[ \t]+#+$")
_SETEXT_UNDERLINE = re.compile(r"^(=+|-+)$")
_LIST_ITEM = re.compile(r"^(?:[-*+•▪◦]|\d{1,3}[.)])\s+")
_STRUCTURAL = re.compile(r"^(?:#{1,6}\s|[-*+•▪◦]\s|\d{1,3}[.)]\s|\||>|[-=*_]{3,}\s*$)|\|\s*$")


@dataclass(frozen=True)
class Unit:
    """One paragraph-sized stretch of the text, the thing rules classify.

    ``text == document_text[start:end]`` always holds.
    """

    start: int
    end: int
    text: str
    index: int  # position among the document's units
    blank_before: bool = False
    markdown_heading: bool = False
    version: Optional[int] = None  # set for version-table cells
    line: int = 0  # 0-based line number of the first line
    front_matter: bool = False  # a line of a Markdown file's YAML front matter


def split_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, line breaks excluded; the last line may be empty."""
    spans = []
    pos = 0
    for match in _LINE_BREAK.finditer(text):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, len(text)))
    return spans


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow a span to exclude surrounding whitespace (empty spans collapse to start)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_FRONT_MATTER = re.compile(r"---[ \t]*(?:\r\n|\n)(?:.*?(?:\r\n|\n))??(?:---|\.\.\.)[ \t]*(?:\r\n|\n|$)", re.DOTALL)


def front_matter_end(text: str) -> int:
    """Where a Markdown file's YAML front matter ("---\\ntitle: ...\\n---") ends; 0 if it has none."""
    match = _FRONT_MATTER.match(text, 0, min(len(text), 5000))
    if not match:
        return 0
    inner = [line for line in text[: match.end()].splitlines()[1:-1] if line.strip()]
    if not inner or not all(re.match(r"\s*[\w-]+\s*:|\s+|\s*-\s", line) for line in inner):
        return 0
    return match.end()


def units_from_text(text: str) -> list[Unit]:
    """Paragraph units of the whole text, in reading order."""
    front_end = front_matter_end(text)
    front: list[Unit] = []
    raw: list[tuple[int, int, int, bool]] = []  # start, end, line number, blank before
    blank = False
    for number, (line_start, line_end) in enumerate(split_lines(text)):
        start, end = strip_span(text, line_start, line_end)
        if start < end and end <= front_end:
            front.append(Unit(start, end, text[start:end], len(front), line=number, front_matter=True))
            continue
        if start == end:
            blank = True
            continue
        raw.append((start, end, number, blank))
        blank = False

    wrap_width = _hard_wrap_width(text, raw)
    shortest = _shortest_wrapped(wrap_width) if wrap_width else _SHORTEST_CONTINUED
    units: list[Unit] = []
    i = 0
    while i < len(raw):
        start, end, number, blank_before = raw[i]
        j = i
        while (
            j + 1 < len(raw)
            and not raw[j + 1][3]
            and raw[j + 1][2] == raw[j][2] + 1
            and _continues(text[raw[j][0] : raw[j][1]], text[raw[j + 1][0] : raw[j + 1][1]], shortest)
            and (wrap_width or _breaks_mid_sentence(text[raw[j][0] : raw[j][1]], text[raw[j + 1][0] : raw[j + 1][1]]))
        ):
            j += 1
        end = raw[j][1]
        units.append(Unit(start, end, text[start:end], len(front) + len(units), blank_before, line=number))
        i = j + 1
    return front + _mark_markdown_headings(text, units)


#: A line shorter than this never carries on into the next (unless the file is hard-wrapped
#: narrower, see `_shortest_wrapped`).
_SHORTEST_CONTINUED = 30


def _hard_wrap_width(text: str, raw: list[tuple[int, int, int, bool]]) -> int:
    """The column a wrapped plain-text file is folded at (0 when it is not one).

    Short lines in blocks separated by blank lines, most of a block's lines
    filled close to one width: 72 columns is usual, but a file folded at 40
    is read the same way.
    """
    if len(raw) < 4 or not any(blank for _, _, _, blank in raw):
        return 0
    lengths = sorted(end - start for start, end, _, _ in raw)
    if sum(1 for n in lengths if n > 100) > 0.05 * len(lengths):
        return 0
    width = lengths[int(0.9 * (len(lengths) - 1))]
    shortest = _shortest_wrapped(width)
    continued = 0
    for (s1, e1, n1, _), (s2, e2, n2, b2) in zip(raw, raw[1:]):
        if not b2 and n2 == n1 + 1 and e1 - s1 >= shortest and _continues(text[s1:e1], text[s2:e2], shortest):
            continued += 1
    return width if continued >= max(2, 0.2 * len(raw)) else 0


def _shortest_wrapped(width: int) -> int:
    """How long a line of a file folded at `width` must be to carry on into the next."""
    return max(20, min(50, int(0.6 * width)))


def _continues(line: str, next_line: str, shortest: int = _SHORTEST_CONTINUED) -> bool:
    """Does ``next_line`` carry on the paragraph ``line`` started?"""
    if len(line) < min(shortest, _SHORTEST_CONTINUED) or _STRUCTURAL.search(line) or _STRUCTURAL.match(next_line):
        return False
    if _SETEXT_UNDERLINE.match(next_line):
        return False
    return True


def _breaks_mid_sentence(line: str, next_line: str) -> bool:
    """A long line cut off mid-sentence and carried on in lower case: one paragraph, whatever the file's style."""
    last = line.rstrip()[-1:]
    return len(line) >= 60 and (last.isalnum() or last in ",–—-") and next_line[:1].islower()


def _mark_markdown_headings(text: str, units: list[Unit]) -> list[Unit]:
    """ATX headings ("## Title") lose their marker; setext headings ("Title\\n===") keep their text."""
    out: list[Unit] = []
    for unit in units:
        match = _MARKDOWN_HEADING.match(unit.text)
        if match and "\n" not in unit.text:
            start = unit.start + match.end()
            closing = _MARKDOWN_CLOSING.search(unit.text)
            end = unit.start + closing.start() if closing and closing.start() > match.end() else unit.end
            start, end = strip_span(text, start, end)
            if start < end:
                unit = replace(unit, start=start, end=end, text=text[start:end], markdown_heading=True)
        elif (
            out
            and _SETEXT_UNDERLINE.match(unit.text)
            and not unit.blank_before
            and unit.line == out[-1].line + out[-1].text.count("\n") + 1
            and len(out[-1].text) <= 120
            and "\n" not in out[-1].text
            and not out[-1].text.rstrip().endswith((".", ",", ";"))  # a sentence above a rule is prose
            and not is_list_item(out[-1].text)
            and len(out[-1].text.split()) <= 12
        ):
            out[-1] = replace(out[-1], markdown_heading=True)
        out.append(unit)
    return out


def is_list_item(text: str) -> bool:
    return bool(_LIST_ITEM.match(text))

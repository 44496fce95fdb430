"""Find quotations in text, robust to the marks scraped news actually carries.

A quote mark is not always a quote: apostrophes, plural possessives
(``voters’``) and stray marks look alike. Marks are paired by direction,
inferred from the characters around them, one paragraph at a time, so one
stray mark can at worst affect its own paragraph, never shift every later pair.

Conventions handled:
- curly and straight, double and single marks, guillemets and low-9 openers;
- nesting (single inside double, or the same mark nested);
- the news convention for multi-paragraph quotes: a quoted paragraph may have
  no closing mark; the quote then runs to the end of its paragraph
  (``closed=False``) and the next paragraph opens with a fresh mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

DOUBLE_OPEN = "“„«‟"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‚‹"
SINGLE_CLOSE = "’›"
OPENING_CONTEXT = " \t\n([{—–-/"  # characters after which a mark opens
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset after the closing mark (paragraph end when unclosed)
    inner_start: int
    inner_end: int
    closed: bool
    mark: str  # "double" or "single"

    def contains(self, offset: int) -> bool:
        return self.inner_start <= offset < self.inner_end


_DOUBLE_MARKS = re.compile("[" + re.escape(DOUBLE_OPEN + DOUBLE_CLOSE + '"') + "]")
_SINGLE_MARKS = re.compile("[" + re.escape(SINGLE_OPEN + SINGLE_CLOSE + "'") + "]")


def _direction(text: str, i: int) -> str:
    """'open', 'close' or 'apostrophe'/'unknown' for the mark at text[i]."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in DOUBLE_OPEN or ch in SINGLE_OPEN:
        return "open"
    if ch in "’'" and before.isalnum() and after.isalpha():
        return "apostrophe"  # don't, it's, O'Neill
    if ch in DOUBLE_CLOSE or ch in SINGLE_CLOSE:
        # Writers (and converters) sometimes use the closing form to open.
        if before in OPENING_CONTEXT and after.isalnum() and ch == "”":
            return "open"
        return "close"
    # straight marks: infer from context
    if (before in OPENING_CONTEXT or before in "“‘") and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-" or i + 1 == len(text)):
        return "close"
    return "unknown"


def _pair_doubles(text: str, lo: int, hi: int) -> list[Quote]:
    quotes: list[Quote] = []
    depth = 0
    open_at = -1
    for mark in _DOUBLE_MARKS.finditer(text, lo, hi):  # a regex finds the marks: no loop over every character
        i = mark.start()
        ch = text[i]
        d = _direction(text, i)
        if d == "unknown" and ch == '"':
            d = "close" if depth else "open"
        if d == "open":
            if depth == 0:
                open_at = i
            depth += 1
        elif d == "close" and depth:
            depth -= 1
            if depth == 0:
                quotes.append(Quote(open_at, i + 1, open_at + 1, i, True, "double"))
    if depth and open_at >= 0:
        end = hi
        while end > open_at + 1 and text[end - 1].isspace():
            end -= 1
        quotes.append(Quote(open_at, end, open_at + 1, end, False, "double"))
    return quotes


def _pair_singles(text: str, lo: int, hi: int, inside: list[Quote]) -> list[Quote]:
    """Single-mark quotes outside double quotes. Unclosed single openers are dropped:
    with apostrophes about, extending them would swallow text."""

    def masked(i: int) -> bool:
        return any(q.start <= i < q.end for q in inside)

    opens: list[int] = []
    closes: list[int] = []
    for mark in _SINGLE_MARKS.finditer(text, lo, hi):
        i = mark.start()
        if masked(i):
            continue
        d = _direction(text, i)
        if d == "open":
            opens.append(i)
        elif d == "close":
            closes.append(i)
    quotes: list[Quote] = []
    ci = 0
    last_end = lo
    for o in opens:
        if o < last_end:
            continue
        candidates = [c for c in closes[ci:] if c > o + 1]
        if not candidates:
            break
        chosen = candidates[0]
        # A plural possessive ("the voters’ view") looks like a close: prefer a
        # later candidate when this one is an s-final word followed by a word.
        for k, c in enumerate(candidates[:-1]):
            nxt = text[c + 1 : c + 3]
            if text[c - 1] in "sS" and len(nxt) == 2 and nxt[0] == " " and nxt[1].isalpha() and nxt[1].islower():
                chosen = candidates[k + 1]
                continue
            chosen = c
            break
        quotes.append(Quote(o, chosen + 1, o + 1, chosen, True, "single"))
        last_end = chosen + 1
        ci = closes.index(chosen) + 1
    return quotes


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph: runs of text between blank lines."""
    pos = 0
    for m in PARAGRAPH_BREAK.finditer(text):
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if pos < len(text):
        yield pos, len(text)


def find_quotes(text: str) -> list[Quote]:
    """All top-level quotations in `text`, in order; nested quotes are not listed."""
    found: list[Quote] = []
    for lo, hi in paragraphs(text):
        doubles = _pair_doubles(text, lo, hi)
        singles = _pair_singles(text, lo, hi, doubles)
        both = sorted(doubles + singles, key=lambda q: (q.start, -q.end))
        found.extend(q for q in both if not any(o is not q and o.start <= q.start and q.end <= o.end for o in both))
    return found

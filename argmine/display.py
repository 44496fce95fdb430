"""Text on its way to a person: file names shown byte for byte, terminal controls removed.

Two kinds of text reach a terminal that argmine does not control: file names
(any bytes but NUL and "/" on Linux) and article text (anything a web page
held). Both are made safe here, in one place:

- `display_path` shows a name as text, every byte accounted for: a byte that
  is not UTF-8 as ``\\xNN`` (how Python and GNU tools escape it), a control
  character as ``\\n``, ``\\t`` or ``\\xNN``. It is also the document name records
  carry, since JSON holds text, not bytes.
- `terminal_safe` removes what a terminal would act on rather than show:
  ANSI CSI sequences (colours, clearing the screen), OSC strings (window
  titles, OSC 8 hidden links), other escape sequences and the C0/C1 control
  characters, keeping tabs and line ends.

Data formats (JSON, JSON Lines, CSV) carry text as data and skip
`terminal_safe`; tables, Markdown and messages go through it.
"""

from __future__ import annotations

import os
import re
from pathlib import PurePath
from typing import Union

#: ESC-introduced sequences and their 8-bit (C1) equivalents, longest forms first:
#: OSC/DCS/SOS/PM/APC strings up to BEL or ST (or the end), CSI with its
#: parameters, then any other two-character escape.
_CONTROL_SEQUENCE = re.compile(
    r"(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|\x1b[ -/]*[0-~]?"
)
#: Control characters left once the sequences are gone: C0 less tab and line
#: ends, DEL, and C1.
_CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

#: File names: every control character is escaped (a newline in a name too).
_NAME_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def terminal_safe(text: str) -> str:
    """`text` with every terminal control sequence and control character removed."""
    if not _needs_cleaning(text):
        return text
    return _CONTROL_CHARACTER.sub("", _CONTROL_SEQUENCE.sub("", text))


def _needs_cleaning(text: str) -> bool:
    return _CONTROL_CHARACTER.search(text) is not None


def display_path(path: Union[str, PurePath, bytes]) -> str:
    """A path as text a person can read and a JSON record can hold, every byte shown.

    Undecodable bytes (held as surrogate escapes by Python) become ``\\xNN``;
    control characters become ``\\n``, ``\\t``, ``\\r`` or ``\\xNN``. A name
    with neither comes back unchanged.
    """
    text = os.fsdecode(path) if isinstance(path, bytes) else str(path)
    if text.isprintable():
        return text
    return "".join(_shown_char(ch) for ch in text)


def _shown_char(ch: str) -> str:
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if ch in _NAME_ESCAPES:
        return _NAME_ESCAPES[ch]
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return f"\\x{code:02x}"
    if 0xD800 <= code <= 0xDFFF:  # any other lone surrogate: not text either
        return f"\\u{code:04x}"
    return ch

"""Escaping for the report: every piece of article text, label and name goes through `escape`.

HTML's own escape (`& < > " '`), and characters HTML may not carry — C0
and C1 controls other than tab, newline and carriage return, lone
surrogates, noncharacters — each replaced by U+FFFD, one for one, so
character offsets into a text still line up with what is shown.
"""

from __future__ import annotations

import html
import re

_NOT_HTML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def clean(text: str) -> str:
    """`text` with characters HTML cannot carry replaced, one for one."""
    return _NOT_HTML.sub("\ufffd", text)


def escape(text: str) -> str:
    """`text` safe anywhere in the page: element content and quoted attribute values."""
    return html.escape(clean(text), quote=True)

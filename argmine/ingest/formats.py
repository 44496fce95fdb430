"""Which files argmine reads as articles, and what it says about the others.

The one place that decides a file's format before reading it. argmine reads
plain text and Markdown; a format it recognises but cannot read yet (HTML)
gets a clear refusal instead of being read as raw text, tags and all. A
reader for such a format replaces its entry in `REFUSED` (and its caller in
`ingest`) and nothing else has to change.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Optional

#: Suffixes read as articles when found in a folder (a file named on the command
#: line is read whatever its suffix, unless it is refused below).
ARTICLE_SUFFIXES = (".txt", ".text", ".md")

#: Formats recognised but not read: suffix -> the reason given.
REFUSED = {
    ".html": "HTML is not read yet; save the page as plain text (.txt) first",
    ".htm": "HTML is not read yet; save the page as plain text (.txt) first",
    ".xhtml": "HTML is not read yet; save the page as plain text (.txt) first",
}

#: How an HTML page starts, whatever its name (first bytes, lower-cased, spaces stripped).
_HTML_STARTS = (b"<!doctype html", b"<html")


def refused_by_name(path: PurePath) -> Optional[str]:
    """Why a file is not read, judging by its name; None when it may be."""
    return REFUSED.get(path.suffix.lower())


def refused_by_content(data: bytes) -> Optional[str]:
    """Why a file's bytes are not read as an article (an HTML page named .txt); None when they may be."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(_HTML_STARTS):
        return REFUSED[".html"]
    return None


#: A web address, also as a Path spells it ("https:/host": the double slash collapsed).
_URL = re.compile(r"(?i)^(?:https?|ftp):/|^www\.")

#: What is said about a web address given as a path.
URL_REASON = "a web address: argmine reads files; save the page as text first"


def is_url(given: str) -> bool:
    """A web address given where a path was expected."""
    return bool(_URL.match(given))

"""Paragraph boundaries are sentence boundaries.

argmine joins an article's segments with blank lines (see
`argmine.ingest.view`); a claim must never run from one segment into the
next, because the two may not be adjacent in the file (a version table puts
another column between them). Placed before the parser, which respects
boundaries that are already set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("argmine_paragraphs")
def make_paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every blank line (a whitespace token with two line
    breaks), and after a full stop typed against the next word (" .Next")."""
    for token in doc[:-1]:
        nxt = doc[token.i + 1]
        if token.is_space and token.text.count("\n") >= 2:
            nxt.is_sent_start = True
        elif token.text in (".", "!", "?") and not token.whitespace_ and nxt.is_title and token.i > 0 and doc[token.i - 1].whitespace_:
            # a run-on typed "... in time .The next step": the stop starts a new sentence
            nxt.is_sent_start = True
    return doc

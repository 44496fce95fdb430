"""Run argmine's pipeline on a text written in a test, without the ingest rules.

Each non-blank line becomes one segment (body unless `kinds` says otherwise),
so a test controls exactly what the components see.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Optional

from argmine.ingest.view import AnalysisView
from argmine.pipeline import extract_article
from argmine.results import DocumentResult
from argmine.records import Document, DocumentMeta, Segment


@dataclass
class LineArticle:
    document: Document
    text: str

    def view(self, versions: str = "latest") -> AnalysisView:
        return AnalysisView.from_segments([s for s in self.document.segments if s.claim_bearing])


def line_article(
    text: str,
    *,
    author: Optional[str] = None,
    author_role: Optional[str] = None,
    kinds: Optional[dict[int, str]] = None,
    signers: Optional[dict[int, str]] = None,
    doc: str = "test.txt",
) -> LineArticle:
    segments = []
    pos = 0
    index = 0
    for line in text.split("\n"):
        if line.strip():
            segments.append(
                Segment(
                    kind=(kinds or {}).get(index, "body"),
                    start=pos,
                    end=pos + len(line),
                    text=line,
                    signer=(signers or {}).get(index),
                )
            )
            index += 1
        pos += len(line) + 1
    document = Document(
        doc=doc,
        path=doc,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        encoding="utf-8",
        chars=len(text),
        meta=DocumentMeta(author=author, author_role=author_role),
        segments=segments,
    )
    return LineArticle(document, text)


def analyse(text: str, **kwargs) -> DocumentResult:
    return extract_article(line_article(text, **kwargs))


def attributed(result: DocumentResult):
    return [c for c in result.claims if c.mode != "author"]


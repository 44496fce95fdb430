"""Long documents are read in pieces between paragraphs, offsets intact (issue 15, defect 5).

The pieces are made small here so the tests stay quick; benchmarks/bench_long_document.py
measures a 1.5 MB article against a 50 kB one.
"""

from __future__ import annotations

import pytest

from argmine import pipeline
from argmine.ingest import parse_text
from argmine.pipeline import extract_article, load_pipeline

PARAGRAPHS = [
    "Council and trust agree care plan",
    "Dr Ann Lowe, the medical director of Northfield Hospital Trust, said that the merger would help patients.",
    "The chair of the health board, Peter Grange, warned that the merger would fail without new money for hospital care.",
    "Lowe said that integration would cut the time older patients wait to leave hospital for care at home.",
    "Unison argued that the merger of hospital and social care was a cost-cutting exercise for the NHS.",
]


def _article(repeats: int = 1):
    body = PARAGRAPHS[1:] * repeats
    return parse_text("\n\n".join([PARAGRAPHS[0], *body]) + "\n", "long.txt")


def _summary(article, result) -> list[tuple]:
    out = []
    for claim in result.claims:
        assert article.text[claim.start : claim.end] == claim.text
        assert article.text[claim.content.start : claim.content.end] == claim.content.text
        out.append((claim.start, claim.actor.name, claim.mode, claim.stance))
    return out


def test_a_document_read_in_pieces_gives_the_claims_read_whole(monkeypatch):
    """(Each paragraph here is plainly about health care: whether a text is in the target's
    field is judged per piece, and real pieces are 50,000 characters long.)"""
    article = _article()
    whole = _summary(article, extract_article(article))
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 230, raising=False)
    pieces = extract_article(article)
    assert _summary(article, pieces) == whole
    assert [c.id for c in pieces.claims] == [f"long.txt#{n}" for n in range(1, len(whole) + 1)]


def test_a_later_piece_knows_the_actors_of_earlier_ones(monkeypatch):
    text = (
        "Care plan agreed\n\n"
        "The chair of the health board, Peter Grange, warned that the merger would fail without new money for hospital care.\n\n"
        "Unison argued that the merger of hospital and social care was a cost-cutting exercise for the NHS.\n\n"
        "Mr Grange said that the hospital and council care teams should still work together for patients.\n"
    )
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 150, raising=False)
    article = parse_text(text, "grange.txt")
    assert len(article.view().chunks(150)) == 3
    claims = extract_article(article).claims
    assert [c.actor.name for c in claims] == ["Peter Grange", "Unison", "Peter Grange"]
    assert claims[0].actor == claims[2].actor and "Mr Grange" in claims[0].actor.aliases


def test_a_document_longer_than_spacy_allows_is_read(monkeypatch):
    """spaCy refuses a text over nlp.max_length (a million characters): pieces never pass it."""
    nlp = load_pipeline()
    monkeypatch.setattr(nlp, "max_length", 1500)
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 1200, raising=False)
    article = _article(repeats=8)
    assert len(article.text) > 3000
    result = extract_article(article)
    assert len(result.claims) >= 8
    _summary(article, result)

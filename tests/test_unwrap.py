"""Hard wraps and Markdown markup are undone for reading; offsets still point into the file
(issue 15, defects 11 and 12)."""

from __future__ import annotations

import textwrap

import pytest

from argmine.ingest import parse_text
from argmine.ingest.unwrap import flatten, unwrap
from argmine.ingest.view import AnalysisView
from argmine.pipeline import extract_article
from argmine.records import Segment

PARAGRAPHS = [
    "Hospital trust and county council agree a joint plan to move older patients into community care",
    "By Martin Hale, Health Correspondent",
    "The chief executive of Northfield Hospital Trust, Dr Ruth Ambler, said that joining up hospital "
    "and council services would cut delays for older patients leaving hospital.",
    "Councillor Peter Grange, who chairs the board, warned that the plan would fail unless the "
    "government found extra money for social care, and said the council had already cut its adult "
    "care budget twice in three years.",
    "Unison, which represents many of the care staff affected, argued that the merger of the two "
    "teams was a cost-cutting exercise dressed up as integration.",
]
PLAIN = "\n\n".join(PARAGRAPHS) + "\n"
WRAPPED = "\n\n".join(textwrap.fill(p, 72) for p in PARAGRAPHS) + "\n"


def _readable(article, claim) -> tuple:
    """What a claim says, whitespace aside: its offsets must give its text."""
    assert article.text[claim.start : claim.end] == claim.text
    assert article.text[claim.content.start : claim.content.end] == claim.content.text
    return (claim.actor.name, claim.mode, claim.stance, " ".join(claim.content.text.split()).replace("- ", "-"))


# --------------------------------------------------------------------------- the map


def test_unwrap_joins_wrapped_lines_and_maps_back():
    text = "the plan would\n   fail unless\r\nfunded from cost-\ncutting"
    read = unwrap(text)
    assert read.text == "the plan would fail unless funded from cost-cutting"
    view = AnalysisView.from_parts([(Segment(kind="body", start=10, end=10 + len(text), text=text), read)])
    at = read.text.index("fail unless")
    start, end = view.to_original(at, at + len("fail unless"))
    assert (start - 10, end - 10) == (text.index("fail"), text.index("fail") + len("fail unless"))


def test_unwrap_markdown_emphasis_links_and_code():
    text = "**Cllr Ann Lee**, chair of the [Health Board](https://example.org/b \"Board\"), said `it` *works* well_enough"
    read = unwrap(text, markdown=True)
    assert read.text == "Cllr Ann Lee, chair of the Health Board, said it works well_enough"
    view = AnalysisView.from_parts([(Segment(kind="body", start=0, end=len(text), text=text), read)])
    for word in ("Cllr Ann Lee", "Health Board", "works"):
        at = read.text.index(word)
        start, end = view.to_original(at, at + len(word))
        assert text[start:end] == word


def test_unwrap_leaves_plain_text_and_non_markdown_alone():
    assert unwrap("2*3*4 = 24 and snake_case_name").text == "2*3*4 = 24 and snake_case_name"
    assert unwrap("**not markdown** here").text == "**not markdown** here"
    assert unwrap("2*3*4 and snake_case_name", markdown=True).text == "2*3*4 and snake_case_name"


def test_flatten_keeps_the_length():
    text = "A **bold**\nline with [a link](http://x.org)"
    assert len(flatten(text, markdown=True)) == len(text)
    assert flatten(text, markdown=True).split() == ["A", "bold", "line", "with", "a", "link"]


def test_long_view_is_cut_between_paragraphs_with_exact_maps():
    paragraph = "The council said the plan would help.\nIt would cut delays."
    text = "\n\n".join([paragraph] * 40)
    segments, pos = [], 0
    for _ in range(40):
        segments.append(Segment(kind="body", start=pos, end=pos + len(paragraph), text=paragraph))
        pos += len(paragraph) + 2
    whole = AnalysisView.from_segments(segments)
    chunks = whole.chunks(500)
    assert len(chunks) > 1 and all(len(c.text) <= 500 for c in chunks)
    assert sum(len(c.pieces) for c in chunks) == 40
    for chunk in chunks:
        at = chunk.text.index("cut delays")
        start, end = chunk.to_original(at, at + len("cut delays"))
        assert text[start:end] == "cut delays"


def test_an_over_long_paragraph_is_cut_at_sentence_ends():
    sentence = "The trust said the merger would help patients. "
    text = (sentence * 200).strip()
    view = AnalysisView.from_segments([Segment(kind="body", start=0, end=len(text), text=text)])
    chunks = view.chunks(1000)
    assert len(chunks) > 5
    for chunk in chunks:
        assert chunk.text.startswith("The trust said") and len(chunk.text) <= 1000
        start, end = chunk.to_original(0, len(chunk.text))
        assert text[start:end] == chunk.text


# --------------------------------------------------------------------------- segmentation


def test_hard_wrapped_article_keeps_its_title_and_byline():
    plain, wrapped = parse_text(PLAIN, "plain.txt"), parse_text(WRAPPED, "wrapped.txt")
    assert [s.kind for s in wrapped.document.segments] == [s.kind for s in plain.document.segments]
    assert wrapped.document.meta.title == plain.document.meta.title == PARAGRAPHS[0]
    assert wrapped.document.meta.author == plain.document.meta.author == "Martin Hale"


def test_markdown_byline_with_a_link_is_a_byline():
    text = "# Council backs care plan\n\nBy [Martin Hale](https://example.org/hale)\n\nThe council said the plan would help.\n"
    article = parse_text(text, "story.md")
    assert article.document.meta.author == "Martin Hale"


# --------------------------------------------------------------------------- the pipeline


@pytest.mark.parametrize("width", [72, 40])
def test_hard_wrapped_article_gives_the_claims_of_the_unwrapped_one(width):
    wrapped_text = "\n\n".join(textwrap.fill(p, width) for p in PARAGRAPHS) + "\n"
    plain, wrapped = parse_text(PLAIN, "plain.txt"), parse_text(wrapped_text, "wrapped.txt")
    expected = [_readable(plain, c) for c in extract_article(plain).claims]
    assert expected
    assert [_readable(wrapped, c) for c in extract_article(wrapped).claims] == expected


def test_markdown_emphasis_and_links_read_as_plain_text():
    plain_text = (
        "Care plan agreed\n\n"
        "Cllr Ann Lee, chair of the Northfield Health Board, said that the merger would help patients.\n"
    )
    markdown_text = (
        "Care plan agreed\n\n"
        "**Cllr Ann Lee**, chair of the [Northfield Health Board](https://example.org/board), "
        "said that the merger would *help* patients.\n"
    )
    plain, marked = parse_text(plain_text, "plain.txt"), parse_text(markdown_text, "story.md")
    expected = [(c.actor.name, c.mode, c.stance) for c in extract_article(plain).claims]
    claims = extract_article(marked).claims
    assert expected and [(c.actor.name, c.mode, c.stance) for c in claims] == expected
    for claim in claims:
        assert marked.text[claim.start : claim.end] == claim.text
        assert marked.text[claim.content.start : claim.content.end] == claim.content.text
        if claim.source is not None:
            assert marked.text[claim.source.start : claim.source.end] == claim.source.text
            assert "*" not in claim.source.text

"""Web pages: the article kept, the page around it left out, offsets into the extracted text."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("trafilatura")

from argmine.errors import InputError  # noqa: E402
from argmine.ingest import extracted_text, read_article  # noqa: E402
from argmine.ingest.html import decode_html, read_html  # noqa: E402
from argmine.records import SegmentKind  # noqa: E402

PAGES = Path(__file__).parent / "data" / "pages"

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Council backs care plan | Westshire Gazette</title>
<meta property="og:site_name" content="Westshire Gazette">
<meta name="author" content="Lena Hart">
<meta property="article:published_time" content="2023-11-02T09:00:00Z">
</head><body>
<div class="cookie-notice"><p>We use cookies. Analysts say cookies help us serve you better adverts every day.</p><button>OK</button></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Council backs care plan</h1>
<p class="byline">By <a rel="author" href="/lena">Lena Hart</a></p>
<figure><img src="a.jpg" alt=""><figcaption>The council chamber on Tuesday. Photograph: Sam Ray</figcaption></figure>
<p>Westshire council voted on Tuesday to pool its social care budget with the local hospital trust, a step the leader called overdue.</p>
<p>The council leader, Amir Shah, said the shared budget would let staff arrange care at home before patients leave hospital.</p>
<blockquote><p>“People should not wait in a ward because two organisations cannot agree who pays,” Shah said.</p></blockquote>
<aside class="related"><h3>Related</h3><ul><li><a href="/x">Minister says hospitals will get more money next year</a></li></ul></aside>
<p>Opposition councillors said the plan had been rushed and asked for an independent review before any money moves.</p>
<ul class="share"><li><a href="#">Share on Facebook</a></li><li><a href="#">Share on X</a></li></ul>
</article>
<footer><p>© Westshire Gazette Ltd</p></footer>
</body></html>
"""


def test_html_keeps_the_article_and_leaves_the_page_out() -> None:
    extracted = read_html(PAGE.encode("utf-8"))
    text = extracted.text
    assert "Amir Shah, said the shared budget" in text
    assert "“People should not wait in a ward" in text
    assert "Opposition councillors said" in text
    for furniture in ("cookies", "Minister says hospitals", "Share on", "Home", "© Westshire"):
        assert furniture not in text, furniture


def test_html_kinds_the_page_is_sure_of() -> None:
    extracted = read_html(PAGE.encode("utf-8"))
    kinds = {extracted.text[b.start : b.end]: b.kind for b in extracted.blocks}
    assert kinds["Council backs care plan"] is SegmentKind.title
    assert kinds["By Lena Hart"] is SegmentKind.byline
    assert kinds["The council chamber on Tuesday. Photograph: Sam Ray"] is SegmentKind.caption


def test_html_metadata_from_the_page() -> None:
    meta = read_html(PAGE.encode("utf-8")).meta
    assert (meta.title, meta.author, meta.outlet, meta.date) == (
        "Council backs care plan", "Lena Hart", "Westshire Gazette", "2023-11-02"
    )


def test_html_article_offsets_point_into_the_extracted_text(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    article = read_article(page, "page.html")
    document = article.document
    assert (document.format, document.offsets_into) == ("html", "extracted")
    assert document.extractor.startswith("trafilatura ")
    assert article.text == extracted_text(page)
    for segment in document.segments:
        assert article.text[segment.start : segment.end] == segment.text
    captions = [s for s in document.segments if s.kind is SegmentKind.caption]
    assert [s.text for s in captions] == ["The council chamber on Tuesday. Photograph: Sam Ray"]


def test_html_comments_carry_their_signers() -> None:
    extracted = read_html((PAGES / "blog.html").read_bytes())
    comments = [(b.signer, extracted.text[b.start : b.end][:20]) for b in extracted.blocks if b.kind is SegmentKind.comment]
    assert comments == [
        ("Marcus Webb", "I manage a community"),
        ("Anita Desai-Clarke", "With respect, small "),
        ("Joe Pritchard", "Brilliant piece. Sen"),
    ]
    assert "Leave a Reply" not in extracted.text and "Recent Posts" not in extracted.text


def test_html_debate_keeps_the_speaker_labels() -> None:
    text = read_html((PAGES / "parliament.html").read_bytes()).text
    assert "Helen Carver (Northfield) (Lab)\n\nWhat assessment" in text
    assert "The Minister of State, Department of Health and Social Care (Daniel Osei)\n\nIntegration works" in text
    assert "Share this specific contribution" not in text and "Previous debate" not in text


def test_html_title_repeated_in_breadcrumbs_is_the_headline_not_the_crumb() -> None:
    blocks = read_html((PAGES / "parliament.html").read_bytes()).blocks
    assert blocks[0].kind is SegmentKind.title


def test_html_declared_charset_is_honoured() -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 prices rose by 5%.</p></body></html>'
    assert "Café" in decode_html(page.encode("cp1252"))


def test_html_page_without_text_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="no article text"):
        read_html(b"<html><body><nav><a href='/'>Home</a></nav></body></html>")

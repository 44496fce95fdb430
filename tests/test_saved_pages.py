"""Saved pages of five layouts read as their plain text reads: the same claims, none from the page furniture.

Each page in tests/data/pages/ was written for these tests (news site with cookie
banner, related links and share buttons; a blog with comments; a press release; a
parliamentary debate; a PDF report made by tests/minipdf.py), beside the plain text
a reader would copy from it. The real pipeline runs on both.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from argmine.ingest import read_article
from argmine.pipeline import extract_article

PAGES = Path(__file__).parent / "data" / "pages"
LAYOUTS = [("news", ".html"), ("blog", ".html"), ("press", ".html"), ("parliament", ".html"), ("report", ".pdf")]
FURNITURE = (
    "cookies", "Share on", "Related", "Most read", "Sign up", "Recent Posts", "Leave a Reply", "Previous debate",
    "Is this page useful", "Minister says", "waiting lists will fall",
)


def claims_of(path: Path) -> tuple[str, list[tuple]]:
    article = read_article(path, path.name)
    result = extract_article(article)
    for claim in result.claims:
        assert article.text[claim.start : claim.end] == claim.text
    return article.text, [(c.text, c.content.text, c.actor.name, c.actor.kind, c.mode, c.stance) for c in result.claims]


@pytest.mark.parametrize("name,suffix", LAYOUTS)
def test_saved_page_gives_the_claims_of_its_plain_text(name: str, suffix: str) -> None:
    if suffix == ".pdf":
        pytest.importorskip("pypdf")
    page_text, from_page = claims_of(PAGES / f"{name}{suffix}")
    _, from_text = claims_of(PAGES / f"{name}.txt")
    assert from_page == from_text
    assert from_page, "each layout carries claims"
    for furniture in FURNITURE:
        assert furniture not in page_text

"""Which library finds a page's article? trafilatura, readability-lxml and jusText on the saved pages.

The pages in tests/data/pages/ (news site, blog with comments, press release,
parliamentary debate) were written for argmine's tests, each beside the plain
text a reader would copy from it (NAME.txt): that text is the gold. For each
extractor and page:

- recall: the share of the plain text's paragraphs found in the output
  (whitespace-normalised, as a substring);
- furniture: the share of the output's words that are in no paragraph of the
  plain text (cookie banners, menus, related links, share buttons);
- kept: which of title, byline, date, caption, comments and speaker labels
  the output still has.

`argmine` is argmine's own reader (trafilatura plus its walk of the page, see
argmine/ingest/html.py). A library that is not installed is left out, so

    pip install readability-lxml justext lxml_html_clean
    python benchmarks/html_extractors.py

compares all four. The install weights (`pip install --target DIR NAME`, `du -sh DIR`,
all dependencies included) are measured by hand and quoted in the README.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, Optional

PAGES = Path(__file__).resolve().parents[1] / "tests" / "data" / "pages"
LAYOUTS = ["news", "blog", "press", "parliament"]
#: What each page's plain text holds that is not running text, to see who keeps it.
STRUCTURE = {
    "news": {"byline": "By Priya Raman", "date": "14 Mar 2024", "caption": "Photograph: Tom Ellery"},
    "blog": {"byline": "by Dr Helen Mercer", "caption": "The Tuesday meeting", "comments": "Marcus Webb"},
    "press": {"title": "New funding to bring GP and hospital teams together"},
    "parliament": {"speakers": "Helen Carver (Northfield) (Lab)", "date": "5 March 2024"},
}


def _norm(text: str) -> str:
    return " ".join(text.split())


def trafilatura_text(page: bytes) -> str:
    import trafilatura

    return trafilatura.extract(page.decode("utf-8"), include_comments=True, include_tables=True) or ""


def readability_text(page: bytes) -> str:
    from lxml import html
    from readability import Document

    document = Document(page.decode("utf-8"))
    body = html.fromstring(document.summary(html_partial=True))
    return document.short_title() + "\n" + "\n".join(_norm(e.text_content()) for e in body.iter("p", "h1", "h2", "h3", "li", "blockquote"))


def justext_text(page: bytes) -> str:
    import justext

    paragraphs = justext.justext(page, justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def argmine_text(page: bytes) -> str:
    from argmine.ingest.html import read_html

    return read_html(page).text


EXTRACTORS: dict[str, Callable[[bytes], str]] = {
    "trafilatura": trafilatura_text,
    "readability-lxml": readability_text,
    "jusText": justext_text,
    "argmine": argmine_text,
}


def score(output: str, gold: str) -> tuple[float, float]:
    paragraphs = [_norm(p) for p in re.split(r"\n\s*\n|\n", gold) if p.strip()]
    flat = _norm(output)
    recall = sum(1 for p in paragraphs if p in flat) / len(paragraphs)
    gold_words = set(_norm(gold).lower().split())
    words = flat.lower().split()
    furniture = sum(1 for w in words if w not in gold_words) / len(words) if words else 0.0
    return recall, furniture


def run(name: str, extract: Callable[[bytes], str]) -> Optional[list[tuple[str, float, float, list[str]]]]:
    rows = []
    for layout in LAYOUTS:
        page = (PAGES / f"{layout}.html").read_bytes()
        gold = (PAGES / f"{layout}.txt").read_text(encoding="utf-8")
        try:
            output = extract(page)
        except ImportError:
            return None
        recall, furniture = score(output, gold)
        kept = [what for what, marker in STRUCTURE[layout].items() if marker in output]
        lost = [what for what in STRUCTURE[layout] if what not in kept]
        rows.append((layout, recall, furniture, lost))
    return rows


def main() -> None:
    print("| extractor | page | paragraphs found | furniture share of output | structure lost |")
    print("|---|---|---|---|---|")
    for name, extract in EXTRACTORS.items():
        rows = run(name, extract)
        if rows is None:
            print(f"| {name} | (not installed) | | | |")
            continue
        for layout, recall, furniture, lost in rows:
            print(f"| {name} | {layout} | {recall:.0%} | {furniture:.0%} | {', '.join(lost) or '-'} |")


if __name__ == "__main__":
    main()

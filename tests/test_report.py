"""`argmine report`: one highlight per claim, hostile text escaped, nothing external, a deterministic layout."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from typer.testing import CliRunner

from argmine.cli import app
from argmine.network.statements import Node
from argmine.records import DocumentMeta
from argmine.report.content import ReportClaim
from argmine.report.escape import escape
from argmine.report.layout import force_layout
from argmine.report.page import highlighted, nested
from argmine.results import DocumentResult
from argmine.store import ExtractionKey, Store
from conftest import make_actor, make_claim, make_document

runner = CliRunner()
HOSTILE_NAME = 'Eve "<script>alert(1)</script>" O\'Neil'
HOSTILE_TEXT = "Eve said <script>alert('x')</script> & \"quoted\" \x07\x1b it would help."


class Collector(HTMLParser):
    """Every start tag, with its attributes, and whether a script tag appeared."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(page: str) -> list[tuple[str, dict[str, str]]]:
    parser = Collector()
    parser.feed(page)
    return parser.tags


def _claim(number: int, start: int, end: int, stance: str = "support") -> ReportClaim:
    node = Node("ann", "Ann", "actor", "person")
    return ReportClaim(number, f"a.txt#{number}", "a.txt", start, end, "", node, [("t", stance)], None)


def test_escape_handles_markup_quotes_and_control_characters() -> None:
    assert escape('<a href="x">\'&') == "&lt;a href=&quot;x&quot;&gt;&#x27;&amp;"
    assert escape("a\x07b\x1bc\nd\te") == "a\ufffdb\ufffdc\nd\te"


def test_overlapping_claims_nest_so_each_has_one_highlight() -> None:
    text = "one two three four five six"
    claims = [_claim(1, 0, 13), _claim(2, 8, 23, "oppose"), _claim(3, 4, 7, "mixed"), _claim(4, 24, 27)]
    spans = {c.number: (s, e) for s, e, c in nested(claims, len(text))}
    assert spans == {1: (0, 13), 3: (4, 7), 2: (8, 13), 4: (24, 27)}
    html = highlighted(text, claims, {"ann": "actor-1"})
    assert [a.get("id") for t, a in tags(html) if t == "mark"] == ["claim-1", "claim-3", "claim-2", "claim-4"]
    assert re.sub(r"<[^>]+>|Ann", "", html) == text


@pytest.fixture
def hostile_store(tmp_path):
    """A document whose text, title and actor name are hostile, with two dated claims."""
    eve = make_actor(HOSTILE_NAME)
    other = make_actor("Sam Field", "organisation")
    text = HOSTILE_TEXT + " Sam Field said it would fail."
    claims = [
        make_claim("x.txt", 1, eve, HOSTILE_TEXT, stance="support"),
        make_claim("x.txt", 2, other, "Sam Field said it would fail.", stance="oppose", start=len(HOSTILE_TEXT) + 1),
    ]
    document = make_document("x.txt", text, title="<b>Title</b> & \"more\"")
    document = document.model_copy(update={"meta": DocumentMeta(title="<b>Title</b> & \"more\"", date="2016-02-01")})
    path = tmp_path / "s.db"
    with Store(path) as store:
        key = ExtractionKey(document.sha256, "v", "latest", "integration@x")
        store.save(key, DocumentResult.of(document, [eve, other], claims), source="/corpus/x.txt")
    return path


def test_report_page_is_self_contained_and_escapes_hostile_text(hostile_store, tmp_path) -> None:
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", "--store", str(hostile_store), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    found = tags(page)
    assert not [t for t, _ in found if t in ("script", "iframe", "img", "link", "object", "embed")]
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "\x07" not in page and "\x1b" not in page
    assert not re.search(r"(?:src|href)=\"(?!#)", page), "only in-page links"
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "") and "https://" not in page
    marks = [a for t, a in found if t == "mark"]
    assert sorted(a["id"] for a in marks) == ["claim-1", "claim-2"]
    assert "Content-Security-Policy" in page


def test_report_needs_an_output_and_claims(tmp_path) -> None:
    result = runner.invoke(app, ["report", "--store", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "-o report.html" in result.output
    with Store(tmp_path / "empty.db"):
        pass
    result = runner.invoke(app, ["report", "--store", str(tmp_path / "empty.db"), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 1 and "no claims" in result.output and not (tmp_path / "r.html").exists()


def test_layout_is_deterministic_and_inside_the_square() -> None:
    edges = [(0, 1, 2.0), (1, 2, -1.0), (2, 3, 1.0), (3, 0, 1.0), (4, 0, 1.0)]
    first, second = force_layout(6, edges), force_layout(6, edges)
    assert first == second
    assert all(-1.0 <= x <= 1.0 and -1.0 <= y <= 1.0 for x, y in first)
    assert len({(round(x, 3), round(y, 3)) for x, y in first}) == 6

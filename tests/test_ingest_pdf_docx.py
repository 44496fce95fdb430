"""PDF and Word files (optional extras): paragraphs rebuilt, running heads gone, clear refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmine.errors import InputError
from argmine.ingest import iter_articles, read_article
from argmine.ingest.formats import missing_library
from minipdf import Line, layout, write_pdf

PAGES = Path(__file__).parent / "data" / "pages"


def test_pdf_report_text_equals_its_plain_text() -> None:
    pytest.importorskip("pypdf")
    article = read_article(PAGES / "report.pdf", "report.pdf")
    assert article.text + "\n" == (PAGES / "report.txt").read_text(encoding="utf-8")
    assert (article.document.format, article.document.offsets_into) == ("pdf", "extracted")
    for segment in article.document.segments:
        assert article.text[segment.start : segment.end] == segment.text


def test_pdf_hyphenation_undone_unless_the_document_hyphenates_the_word(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    lines = [
        Line("The board agreed a long-term plan for the two trusts and their staff.", 72, 700),
        Line("Nurses said the plan needed a long-", 72, 686),
        Line("term budget and more addi-", 72, 672),
        Line("tional staff before it could begin.", 72, 658),
    ]
    write_pdf(tmp_path / "h.pdf", [lines])
    text = read_article(tmp_path / "h.pdf", "h.pdf").text
    assert "needed a long-term budget and more additional staff before it could begin." in text


def test_pdf_running_heads_and_page_numbers_dropped(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    blocks = [("para", f"Paragraph {n} says the teams worked well in every area that tried them.") for n in range(40)]
    write_pdf(tmp_path / "r.pdf", layout(blocks, "Interim report on joint teams, 2024"))
    text = read_article(tmp_path / "r.pdf", "r.pdf").text
    assert "Interim report on joint teams" not in text
    assert "Page " not in text
    assert text.count("Paragraph ") == 40


def test_pdf_without_a_text_layer_is_refused_clearly(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    write_pdf(tmp_path / "scan.pdf", [[], []], images=(0, 1))
    with pytest.raises(InputError, match="no text layer .*OCR"):
        read_article(tmp_path / "scan.pdf", "scan.pdf")


def test_pdf_damaged_file_is_one_line(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4\nthis is not a pdf at all")
    with pytest.raises(InputError, match="PDF"):
        read_article(tmp_path / "bad.pdf", "bad.pdf")


def test_docx_paragraphs_in_order_headers_left_out(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Response to the consultation", style="Title")
    document.add_paragraph("We believe that joint teams need protected time for meet\u00adings.")
    document.add_paragraph("Figure 2: caseloads by year", style="Caption")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Question 3"
    table.cell(0, 1).text = "We oppose mergers as a condition of funding."
    document.sections[0].header.paragraphs[0].text = "DRAFT - NOT FOR CIRCULATION"
    document.save(tmp_path / "r.docx")
    article = read_article(tmp_path / "r.docx", "r.docx")
    assert article.text == (
        "Response to the consultation\n\nWe believe that joint teams need protected time for meetings.\n\n"
        "Figure 2: caseloads by year\n\nQuestion 3\n\nWe oppose mergers as a condition of funding."
    )
    kinds = {s.text: s.kind.value for s in article.document.segments}
    assert kinds["Response to the consultation"] == "title"
    assert kinds["Figure 2: caseloads by year"] == "caption"


def test_docx_that_is_not_a_docx(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    (tmp_path / "old.docx").write_bytes(b"\xd0\xcf\x11\xe0 an old binary .doc")
    with pytest.raises(InputError, match="docx"):
        read_article(tmp_path / "old.docx", "old.docx")


def test_missing_extra_skips_the_file_with_the_install_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "pypdf" else real(name, *a))
    assert missing_library("pdf") == "reading .pdf files needs the pdf extra: pip install 'argmine[pdf]'"
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "b.txt").write_text("A short text file that says little.\n", encoding="utf-8")
    items = list(iter_articles([tmp_path]))
    assert [getattr(i, "reason", None) for i in items] == [missing_library("pdf"), None]

"""A minimal PDF writer for test documents (no dependency), and the report page the tests read.

PDFs made by word processors put each line of text at its own position, break
long words with a hyphen at the line end, and repeat a running header and a
page number on every page. `write_pdf` lays out pages of positioned lines in
the standard Helvetica fonts (WinAnsi encoding), which is all the PDF reader
needs to be tested on; a page given no lines and ``image=True`` stands for a
scanned page (an image, no text layer).

    python tests/minipdf.py    # rewrites tests/data/pages/report.pdf
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points


@dataclass(frozen=True)
class Line:
    text: str
    x: float
    y: float
    size: float = 10.5
    bold: bool = False


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")
    out = bytearray(b"(")
    for byte in raw:
        if byte in b"()\\":
            out += b"\\" + bytes([byte])
        elif byte > 126:
            out += b"\\%03o" % byte
        else:
            out.append(byte)
    return bytes(out + b")")


def _content(lines: list[Line], image: bool) -> bytes:
    parts = []
    if image:
        parts.append(b"q 400 0 0 560 97 140 cm /Im1 Do Q")
    for line in lines:
        font = b"/F2" if line.bold else b"/F1"
        parts.append(b"BT %s %.1f Tf %.2f %.2f Td %s Tj ET" % (font, line.size, line.x, line.y, _pdf_string(line.text)))
    return b"\n".join(parts)


def write_pdf(path: Path, pages: list[list[Line]], *, images: tuple[int, ...] = (), title: str = "") -> None:
    """Write `pages` (lists of positioned lines) as a PDF; pages whose index is in `images` carry an image."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    bold = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    pixels = zlib.compress(bytes(range(0, 256, 16)) * 16)
    image = add(
        b"<< /Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceGray /BitsPerComponent 8 "
        b"/Filter /FlateDecode /Length %d >>\nstream\n" % len(pixels) + pixels + b"\nendstream"
    )
    pages_id = len(objects) + 1 + 2 * len(pages)
    page_ids = []
    for index, lines in enumerate(pages):
        stream = zlib.compress(_content(lines, index in images))
        content = add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream")
        page_ids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> /XObject << /Im1 %d 0 R >> >> >>"
                % (pages_id, PAGE_WIDTH, PAGE_HEIGHT, content, font, bold, image)
            )
        )
    kids = b" ".join(b"%d 0 R" % i for i in page_ids)
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))) == pages_id
    info = add(b"<< /Title %s /Producer (argmine tests) >>" % _pdf_string(title)) if title else None
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    trailer = b"<< /Size %d /Root %d 0 R" % (len(objects) + 1, catalog)
    if info:
        trailer += b" /Info %d 0 R" % info
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    Path(path).write_bytes(bytes(out))


# -- laying out a report -----------------------------------------------------------

LEFT, TOP, BOTTOM, LINE_HEIGHT, WRAP = 72, 770, 420, 14, 57


def _wrap(paragraph: str) -> list[str]:
    """Greedy wrap at WRAP characters; a long word that does not fit is broken with a hyphen."""
    lines, current = [], ""
    for word in paragraph.split():
        candidate = f"{current} {word}".strip()
        if len(candidate) <= WRAP:
            current = candidate
            continue
        room = WRAP - len(current) - 2
        if len(word) >= 10 and room >= 4 and word.isalpha():
            cut = min(room, len(word) - 4)
            lines.append(f"{current} {word[:cut]}-".strip())
            current = word[cut:]
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def layout(blocks: list[tuple[str, str]], header: str) -> list[list[Line]]:
    """Pages of lines for (kind, text) blocks: 'title', 'heading' or 'para'; header and page number on each page."""
    pages: list[list[Line]] = [[]]
    y = TOP

    def new_page() -> None:
        nonlocal y
        pages.append([])
        y = TOP

    for kind, text in blocks:
        if kind == "title":
            pages[-1].append(Line(text, LEFT, y, 18, True))
            y -= 34
            continue
        if kind == "heading":
            if y < BOTTOM + 60:
                new_page()
            y -= 6
            pages[-1].append(Line(text, LEFT, y, 12.5, True))
            y -= 22
            continue
        for line in _wrap(text):
            if y < BOTTOM:
                new_page()
            pages[-1].append(Line(line, LEFT, y))
            y -= LINE_HEIGHT
        y -= 9  # space between paragraphs
    for number, page in enumerate(pages, start=1):
        page.append(Line(header, LEFT, 805, 8.5))
        page.append(Line(f"Page {number}", PAGE_WIDTH - 110, 40, 8.5))
    return pages


REPORT = [
    ("title", "Joining up care for older people: an interim evaluation"),
    ("heading", "Summary"),
    ("para", "This interim report looks at the first year of joint community teams in twelve areas of England. "
     "The teams bring together GPs, district nurses, social workers and hospital consultants around a shared "
     "list of older patients who are at risk of an emergency admission."),
    ("para", "The evaluation team found that emergency admissions among patients on the shared lists fell by eight "
     "per cent, compared with three per cent in similar areas without a team. Staff in nine of the twelve areas "
     "said the weekly case meetings were the most useful part of the arrangement."),
    ("heading", "What staff told us"),
    ("para", "The director of nursing at one community trust said that shared records had ended the duplication of "
     "assessments that frustrated patients and their families. A consultant geriatrician argued that the teams "
     "worked because nobody had been asked to change employer."),
    ("para", "Not every area was positive. Several social workers warned that their caseloads had grown without "
     "any additional funding, and two councils said they could not continue their contribution beyond next March."),
    ("heading", "Recommendations"),
    ("para", "We recommend that integrated care boards fund the case meetings for a further two years and publish "
     "admission figures for every team, so that the effect of the arrangements can be judged on comparable "
     "evidence. Merging organisations should not be a condition of funding, because the teams that performed "
     "best were formed without any structural reorganisation."),
    ("para", "The final evaluation, including the experience of patients and carers, will be published next year."),
]
REPORT_HEADER = "Joint community teams: interim evaluation (March 2024)"


def report_plain_text() -> str:
    """The report as its plain text: title, headings and paragraphs, one per line."""
    return "\n\n".join(text for _, text in REPORT) + "\n"


if __name__ == "__main__":
    here = Path(__file__).parent / "data" / "pages"
    write_pdf(here / "report.pdf", layout(REPORT, REPORT_HEADER), title="Joining up care for older people")
    (here / "report.txt").write_text(report_plain_text(), encoding="utf-8")
    print(f"wrote {here / 'report.pdf'} and report.txt")

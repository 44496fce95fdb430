"""PDF files (the `pdf` extra: pypdf): committee reports, consultation responses, Hansard volumes.

A PDF holds positioned lines, not paragraphs. pypdf's layout mode lays each
page out as fixed-width text (blank lines where the page has vertical space,
leading spaces for indents); argmine then

- drops running headers and footers: lines at the top or bottom of a page
  that repeat on other pages (numbers aside), and bare page numbers;
- rebuilds paragraphs: lines of a block are joined, a blank line or a
  first-line indent starts a new paragraph, and a paragraph cut by a page
  break continues on the next page;
- undoes end-of-line hyphenation ("addi-" + "tional" -> "additional"),
  keeping the hyphen when the document writes the word with one elsewhere
  ("long-" + "term" where "long-term" occurs).

A PDF without a text layer (scanned pages) is refused with a clear message:
argmine does not run OCR.
"""

from __future__ import annotations

import io
import re
from collections import Counter

from argmine.errors import InputError
from argmine.ingest.extracted import Extracted, TextBuilder
from argmine.records import DocumentMeta

_PAGE_NUMBER = re.compile(r"^(?:page\s+)?[ivxlcdm\d]+(?:\s*(?:of|/)\s*\d+)?$", re.IGNORECASE)
_HYPHENATED = re.compile(r"(\w+)-$")
_EDGE_LINES = 2  # lines at the top and at the bottom of a page that may be running heads
_MIN_CHARS_PER_PAGE = 20
_HEAD_WORDS = 10
_INDENT = 2  # leading spaces beyond the block's margin that mark a first-line indent


def read_pdf(data: bytes) -> Extracted:
    """The text of a PDF as paragraphs. Raises InputError (encrypted, damaged, scanned)."""
    try:
        import pypdf
    except ImportError:
        raise InputError("reading .pdf files needs the pdf extra: pip install 'argmine[pdf]'") from None
    pages, images, title = _page_texts(pypdf, data)
    if sum(len(p.replace(" ", "").replace("\n", "")) for p in pages) < _MIN_CHARS_PER_PAGE * max(1, len(pages)) // 2:
        if images:
            raise InputError(
                "the PDF has no text layer (scanned pages?); argmine does not run OCR: "
                "make a searchable PDF first (e.g. ocrmypdf) and read that"
            )
        raise InputError("the PDF holds no text")
    lines_by_page = _without_running_heads([_lines(p) for p in pages])
    paragraphs = _rebuilt_paragraphs(lines_by_page)
    builder = TextBuilder()
    for paragraph in paragraphs:
        builder.add(paragraph)
    meta = DocumentMeta(title=title)
    return Extracted(builder.text(), builder.blocks, meta, "pdf", f"pypdf {pypdf.__version__}")


def _page_texts(pypdf, data: bytes) -> tuple[list[str], int, str | None]:
    """(layout text of each page, pages with images, the document's own title if it looks like one)."""
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError("the PDF is encrypted (needs a password)")
        pages = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
        images = sum(1 for page in reader.pages if _has_images(page))
        title = (reader.metadata or {}).get("/Title") if reader.metadata else None
    except InputError:
        raise
    except Exception as error:  # pypdf raises many types for a damaged file
        raise InputError(f"not a readable PDF ({type(error).__name__}: {error})") from None
    title = str(title).strip() if title else None
    if title and (re.search(r"\.(docx?|pdf|indd|tex)$", title, re.IGNORECASE) or title.lower().startswith("microsoft")):
        title = None  # "Microsoft Word - draft3.docx" names the file, not the document
    return pages, images, title


def _has_images(page) -> bool:
    try:
        return bool(page.images)
    except Exception:  # an image pypdf cannot decode is still an image
        return True


def _lines(page_text: str) -> list[str]:
    return [line.rstrip() for line in page_text.splitlines()]


def _edge_key(line: str) -> str:
    """A running head repeats with its numbers changed ("Page 3", "Report 2024 | 7"); a line of
    body text only by chance, so only short lines are compared with their numbers masked."""
    words = " ".join(line.split()).lower()
    return re.sub(r"\d+", "#", words) if len(words.split()) <= _HEAD_WORDS else words


def _edges(lines: list[str]) -> list[int]:
    """Indexes of the first and last few non-blank lines of a page that stand alone.

    A running head is the page's outermost line, or set apart from the text
    (a blank line around it); a line that runs on into the next is the body's.
    """
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if not filled:
        return []
    outermost = {filled[0], filled[-1]}
    candidates = sorted(set(filled[:_EDGE_LINES] + filled[-_EDGE_LINES:]))
    return [i for i in candidates if i in outermost or _stands_alone(lines, i)]


def _stands_alone(lines: list[str], i: int) -> bool:
    before = lines[i - 1].strip() if i > 0 else ""
    after = lines[i + 1].strip() if i + 1 < len(lines) else ""
    return not before and not after


def _without_running_heads(pages: list[list[str]]) -> list[list[str]]:
    """Pages without running headers/footers (repeated at a page edge) and bare page numbers."""
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_edge_key(lines[i]) for i in _edges(lines)})
    needed = max(2, (len(pages) + 1) // 2)
    out = []
    for lines in pages:
        drop = {
            i for i in _edges(lines)
            if counts[_edge_key(lines[i])] >= needed or _PAGE_NUMBER.match(" ".join(lines[i].split()))
        }
        out.append(["" if i in drop else line for i, line in enumerate(lines)])
    return out


def _blocks(lines: list[str]) -> list[list[str]]:
    """Runs of lines between blank lines; a first-line indent also starts a run."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if not line.strip():
            if current:
                blocks.append(current)
            current = []
            continue
        if current and _indent(line) >= _indent(current[0]) + _INDENT and _indent(line) > min(_indent(x) for x in current):
            blocks.append(current)
            current = []
        current.append(line)
    if current:
        blocks.append(current)
    return blocks


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _rebuilt_paragraphs(pages: list[list[str]]) -> list[str]:
    """Paragraph texts: blocks joined line by line, a block cut by a page break joined to its end."""
    hyphenated = _hyphenated_words(pages)
    paragraphs: list[list[str]] = []
    for page_number, lines in enumerate(pages):
        for index, block in enumerate(_blocks(lines)):
            stripped = [" ".join(line.split()) for line in block]
            continues = (
                page_number > 0 and index == 0 and paragraphs
                and not re.search(r"[.!?:;]['\"”’)]*$", paragraphs[-1][-1])
                and stripped[0][:1].islower()
            )
            if continues:
                paragraphs[-1].extend(stripped)
            else:
                paragraphs.append(stripped)
    return [_join(lines, hyphenated) for lines in paragraphs]


def _hyphenated_words(pages: list[list[str]]) -> set[str]:
    """Words the document writes with a hyphen inside a line ("long-term"), lower-cased."""
    words: set[str] = set()
    for lines in pages:
        for line in lines:
            words.update(w.lower().strip(".,;:()“”‘’\"'") for w in re.findall(r"\w+-\w+", line))
    return words


def _join(lines: list[str], hyphenated: set[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        match = _HYPHENATED.search(text)
        if match and line[:1].islower():
            first = match.group(1)
            rest = re.match(r"\w+", line)
            joined = f"{first}-{rest.group(0)}".lower() if rest else ""
            text = text[:-1] + ("-" if joined in hyphenated else "") + line
        else:
            text = f"{text} {line}"
    return text

"""Reading files: encodings, line ends, folders, and every kind of bad input."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from argmine.errors import InputError
from argmine.ingest import Article, Skipped, iter_articles, parse_bytes, read_article
from argmine.ingest.reading import decode_bytes

ARTICLE = "Trusts plan “joint” care – at £2m\nThe board said it’s time to work together.\n"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _body_texts(article: Article) -> list[str]:
    return [s.text for s in article.document.segments]


# --- encodings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, encoding",
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "utf-8-sig"),
        (ARTICLE.encode("utf-16"), "utf-16"),  # with its byte-order mark
        (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), "utf-16"),
        (ARTICLE.encode("utf-16-le"), "utf-16-le"),  # no mark: NULs at every other byte give it away
        (ARTICLE.encode("cp1252"), "cp1252"),  # curly quotes, en dash and pound sign in Windows-1252
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "utf16-le-no-bom", "cp1252"],
)
def test_reading_decodes_each_encoding_to_the_same_text(data: bytes, encoding: str) -> None:
    article = parse_bytes(data, "a.txt")
    assert article.text == ARTICLE  # the byte-order mark is not part of the text
    assert article.document.encoding == encoding
    assert _body_texts(article) == ["Trusts plan “joint” care – at £2m", "The board said it’s time to work together."]


def test_reading_latin1_accents() -> None:
    text = "Café society\nThe café near the hospital serves über-strong coffee to the crèche staff.\n"
    article = parse_bytes(text.encode("latin-1"), "a.txt")
    assert article.text == text
    assert any("not UTF-8" in w for w in article.document.warnings)


@pytest.mark.parametrize(
    "text, encoding",
    [
        ("Больницы и социальные службы объединяют бюджеты. Совет заявил, что это сэкономит деньги.\n" * 3, "cp1251"),
        ("Szpitale i opieka społeczna łączą budżety. Zażółć gęślą jaźń, powiedział dyrektor szpitala.\n" * 3, "cp1250"),
    ],
    ids=["cyrillic-cp1251", "polish-cp1250"],
)
def test_reading_other_legacy_code_pages_are_not_taken_for_cp1252(text: str, encoding: str) -> None:
    article = parse_bytes(text.encode(encoding), "a.txt")
    assert article.text == text


def test_reading_utf8_with_a_stray_byte_keeps_the_utf8() -> None:
    data = "Trusts plan “joint” care – at £2m\n".encode("utf-8") + b"Caf\xe9 staff said it\xe2\x80\x99s good.\n"
    article = parse_bytes(data, "a.txt")
    assert article.document.encoding == "utf-8"
    assert article.text.startswith("Trusts plan “joint” care – at £2m\nCaf\ufffd staff said it’s good.")
    assert "1 byte(s) not valid UTF-8, shown as \ufffd" in article.document.warnings


def test_reading_keeps_crlf_and_offsets_point_past_it() -> None:
    text = "A short headline here\r\nFirst paragraph of the story, with a full stop.\r\n\r\nSecond paragraph follows it.\r\n"
    article = parse_bytes(text.encode("utf-8"), "a.txt")
    assert article.text == text
    segments = article.document.segments
    assert [s.text for s in segments] == [
        "A short headline here",
        "First paragraph of the story, with a full stop.",
        "Second paragraph follows it.",
    ]
    for segment in segments:
        assert "\r" not in segment.text and text[segment.start : segment.end] == segment.text


def test_reading_old_mac_line_ends() -> None:
    article = parse_bytes(b"A headline for the page\rThe only paragraph of the text.\r", "a.txt")
    assert [s.kind.value for s in article.document.segments] == ["title", "body"]


def test_reading_sha256_is_of_the_bytes(tmp_path: Path) -> None:
    import hashlib

    data = codecs.BOM_UTF8 + ARTICLE.encode("utf-8")
    path = _write(tmp_path, "a.txt", data)
    article = read_article(path, "a.txt")
    assert article.document.sha256 == hashlib.sha256(data).hexdigest()
    assert article.document.chars == len(ARTICLE)
    assert article.document.path == str(path)


# --- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (b"  \n\t\r\n ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file (NUL bytes)"),
        (bytes(range(1, 32)) * 20, "binary file (control characters)"),
    ],
    ids=["empty", "whitespace", "png", "controls"],
)
def test_decode_rejects_non_text(data: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=rf"^{reason.split(' (')[0]}"):
        decode_bytes(data)


def test_read_article_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="^no such file$"):
        read_article(tmp_path / "nope.txt", "nope.txt")


def test_read_article_over_the_size_cap(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.txt", b"A line of text.\n" * 100)
    with pytest.raises(InputError, match=r"^over the 1 kB size cap \(1.6 kB\)$"):
        read_article(path, "big.txt", max_bytes=1000)
    assert read_article(path, "big.txt", max_bytes=2000).document.chars == 1600


def test_read_article_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, "locked.txt", ARTICLE.encode())

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputError, match="^permission denied$"):
        read_article(path, "locked.txt")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_iter_articles_unreadable_file_by_mode(tmp_path: Path) -> None:
    path = _write(tmp_path, "locked.txt", ARTICLE.encode())
    path.chmod(0)
    try:
        (item,) = list(iter_articles([path]))
    finally:
        path.chmod(0o644)
    assert item == Skipped(str(path), "permission denied")


def test_iter_articles_reports_each_bad_path_and_goes_on(tmp_path: Path) -> None:
    good = _write(tmp_path, "in/good.txt", ARTICLE.encode())
    _write(tmp_path, "in/empty.txt", b"")
    _write(tmp_path, "in/binary.txt", b"abc\x00def")
    _write(tmp_path, "in/big.txt", b"x" * 150)
    _write(tmp_path, "in/picture.png", b"\x89PNG")
    (tmp_path / "empty-folder").mkdir()
    missing = tmp_path / "missing.txt"
    items = list(iter_articles([tmp_path / "in", missing, tmp_path / "empty-folder"], max_bytes=100))
    articles = [i for i in items if isinstance(i, Article)]
    notes = {Path(i.path).name: i.reason for i in items if isinstance(i, Skipped)}
    assert [a.document.doc for a in articles] == ["good.txt"]
    assert articles[0].document.path == str(good)
    assert notes == {
        "binary.txt": "binary file (NUL bytes)",
        "big.txt": "over the 100 bytes size cap (150 bytes)",
        "empty.txt": "empty file",
        "picture.png": "not a file argmine reads (.png; reads .txt .text .md .html .htm .pdf .docx .csv .tsv .jsonl .parquet)",
        "missing.txt": "no such file or folder",
        "empty-folder": "folder has no file argmine reads (reads .txt .text .md .html .htm .pdf .docx .csv .tsv .jsonl .parquet)",
    }


def test_iter_articles_walks_folders_sorted_with_relative_ids(tmp_path: Path) -> None:
    for name in ("b/2.md", "a.text", "b/1.txt", "c.TXT", ".hidden/x.txt", ".notes.txt"):
        _write(tmp_path, name, ARTICLE.encode())
    docs = [i.document.doc for i in iter_articles([tmp_path])]
    assert docs == ["a.text", "b/1.txt", "b/2.md", "c.TXT"]


def test_iter_articles_file_id_is_its_name_and_duplicates_are_read_once(tmp_path: Path) -> None:
    path = _write(tmp_path, "x/one.txt", ARTICLE.encode())
    other = _write(tmp_path, "y/one.txt", ARTICLE.encode())
    items = list(iter_articles([path, path, other]))
    assert [i.document.doc for i in items] == ["one.txt", other.as_posix()]


def test_iter_articles_is_deterministic(tmp_path: Path) -> None:
    for n in range(5):
        _write(tmp_path, f"d/{n}.txt", f"Headline number {n}\nBody text of article {n}.\n".encode())
    first = [(i.document.doc, i.document.model_dump()) for i in iter_articles([tmp_path / "d"])]
    second = [(i.document.doc, i.document.model_dump()) for i in iter_articles([tmp_path / "d"])]
    assert first == second


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_iter_articles_survives_a_symlink_loop(tmp_path: Path) -> None:
    _write(tmp_path, "top/a.txt", ARTICLE.encode())
    (tmp_path / "top" / "loop").symlink_to(tmp_path / "top", target_is_directory=True)
    assert [i.document.doc for i in iter_articles([tmp_path / "top"])] == ["a.txt"]


def test_iter_articles_turns_an_internal_error_into_a_skip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import argmine.ingest as ingest

    path = _write(tmp_path, "a.txt", ARTICLE.encode())

    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(ingest, "segment_text", broken)
    monkeypatch.delenv("ARGMINE_RAISE_ERRORS", raising=False)
    (item,) = list(iter_articles([path]))
    assert item == Skipped(str(path), "could not be segmented (internal error: KeyError; please report it)")
    monkeypatch.setenv("ARGMINE_RAISE_ERRORS", "1")
    with pytest.raises(KeyError):
        list(iter_articles([path]))


NUL_ARTICLE = (
    b"Council sets out its budget\n\nThe leader said the plan would protect libraries and parks.\x00\n\n"
    b"Opposition members said the cuts would fall hardest on the poorest wards.\n"
)


def test_decode_keeps_an_article_with_a_stray_nul_byte() -> None:
    """Binary means mostly binary (issue 15, defect 9): one NUL does not make an article binary."""
    data = NUL_ARTICLE
    decoded = decode_bytes(data)
    assert decoded.text == data.decode() and decoded.encoding == "utf-8"
    assert decoded.notes == ("1 NUL byte(s) in the text",)


def test_read_article_with_a_stray_nul_byte_keeps_offsets(tmp_path: Path) -> None:
    data = NUL_ARTICLE
    article = read_article(_write(tmp_path, "nul.txt", data), "nul.txt")
    assert "1 NUL byte(s) in the text" in article.document.warnings
    for segment in article.document.segments:
        assert article.text[segment.start : segment.end] == segment.text

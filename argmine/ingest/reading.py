"""Bytes to text: the one place that decides what a file's characters are.

Every offset argmine reports is a *character* offset into the text decoded
here. A byte-order mark is not part of that text (it is a property of the
encoding), and line ends are kept as they are in the file (CRLF stays CRLF),
so ``decoded[start:end]`` is exactly what the user's editor shows.

Order of decisions, cheapest and surest first:

1. size cap and empty file (from ``stat``, before reading a byte);
2. a byte-order mark (UTF-8, UTF-16, UTF-32) decides outright;
3. UTF-16 without a mark, when NUL bytes sit at every other position;
4. NUL bytes past a small share of the file mean a binary file (a stray
   one or two in an article are kept, with a warning);
5. strict UTF-8, or UTF-8 with a few stray bytes (shown as U+FFFD, with a
   warning) when real UTF-8 characters far outnumber them;
6. a legacy single-byte page: Windows-1252 when it decodes the bytes
   plausibly (the usual case for English text saved by old editors), else
   what ``charset-normalizer`` detects.

Text that decodes but has more than a small share of control characters is
reported as binary: a binary file is mostly bytes that are not text, while an
article with one bad byte is still an article.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from argmine.errors import InputError
from argmine.settings import DEFAULT_MAX_BYTES

#: A file is binary when NULs or other control characters pass this share of it.
BINARY_SHARE = 0.05

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # (mark, codec that strips it, name reported)
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)

# Control characters ordinary text files do not contain: category Cc (exactly
# U+0000-001F and U+007F-009F) less tab, line feed, CR, form feed and vertical
# tab. One regex scan instead of a category lookup per character.
_ODD_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class DecodedText:
    """A file's text and the encoding it was read with."""

    text: str
    encoding: str
    notes: tuple[str, ...] = ()


def describe_size(n_bytes: int) -> str:
    """'10 MB' style size for messages (decimal units, as file managers show)."""
    for unit, size in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if n_bytes >= size:
            value = n_bytes / size
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{n_bytes} bytes"


def read_file_bytes(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, after the checks that need no decoding.

    Raises:
        InputError: missing, a folder, unreadable, empty or over ``max_bytes``.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError("no such file") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc.__class__.__name__})") from None
    if path.is_dir():
        raise InputError("is a folder, not a file")
    if info.st_size > max_bytes:
        raise InputError(f"over the {describe_size(max_bytes)} size cap ({describe_size(info.st_size)})")
    try:
        with path.open("rb") as handle:
            # Read one byte past the cap: a file can grow between stat and read.
            data = handle.read(max_bytes + 1)
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc.__class__.__name__})") from None
    if len(data) > max_bytes:
        raise InputError(f"over the {describe_size(max_bytes)} size cap")
    return data


def decode_bytes(data: bytes) -> DecodedText:
    """Decode a file's bytes (see the module docstring for the order of decisions).

    Raises:
        InputError: empty, binary, or in no encoding that fits.
    """
    if not data:
        raise InputError("empty file")
    decoded = _decode(data)
    if not decoded.text.strip():
        raise InputError("empty file (only whitespace)")
    if _control_share(decoded.text) > BINARY_SHARE:
        raise InputError("binary file (control characters)")
    nuls = decoded.text.count("\x00")
    if nuls:
        note = f"{nuls} NUL byte(s) in the text"
        return DecodedText(decoded.text, decoded.encoding, decoded.notes + (note,))
    return decoded


def _decode(data: bytes) -> DecodedText:
    for mark, codec, name in _BOMS:
        if data.startswith(mark):
            try:
                return DecodedText(data.decode(codec), name)
            except UnicodeDecodeError:
                raise InputError(f"not valid {name.upper()} despite its byte-order mark") from None

    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if data.count(0) > BINARY_SHARE * len(data):
        raise InputError("binary file (NUL bytes)")

    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    return _decode_legacy(data)


def _mostly_utf8(data: bytes) -> DecodedText | None:
    """UTF-8 with a few stray bytes (a file pasted together from two sources).

    Reading it all as a legacy page would garble every real UTF-8 character,
    so the stray bytes alone become U+FFFD, and a warning says how many.
    """
    escaped = data.decode("utf-8", "surrogateescape")
    stray = sum(1 for ch in escaped if "\udc80" <= ch <= "\udcff")
    multibyte = sum(1 for ch in escaped if ord(ch) > 0x7F and not "\udc80" <= ch <= "\udcff")
    if multibyte < 2 * stray or multibyte < 3:
        return None
    return DecodedText(
        data.decode("utf-8", "replace"), "utf-8", (f"{stray} byte(s) not valid UTF-8, shown as \ufffd",)
    )


def _utf16_without_bom(data: bytes) -> DecodedText | None:
    """UTF-16 text saved without a mark: ASCII-heavy text leaves NULs at every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    half = len(data) // 2
    for nuls, other, codec in ((odd_nuls, even_nuls, "utf-16-le"), (even_nuls, odd_nuls, "utf-16-be")):
        if nuls >= 0.6 * half and other == 0:
            try:
                return DecodedText(data.decode(codec), codec, ("UTF-16 without a byte-order mark",))
            except UnicodeDecodeError:
                return None
    return None


def _decode_legacy(data: bytes) -> DecodedText:
    note = "not UTF-8; decoded as {}"
    try:
        cp1252 = data.decode("cp1252")
    except UnicodeDecodeError:
        cp1252 = None
    if cp1252 is not None and _plausible_western(cp1252):
        return DecodedText(cp1252, "cp1252", (note.format("cp1252"),))

    from charset_normalizer import from_bytes  # imported here: only legacy files pay for it

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = None
        if text is not None:
            return DecodedText(text, best.encoding, (note.format(best.encoding),))
    if cp1252 is not None:
        return DecodedText(cp1252, "cp1252", (note.format("cp1252") + " (a guess)",))
    raise InputError("unknown text encoding (not UTF-8, UTF-16 or a known code page)")


def _plausible_western(text: str) -> bool:
    """Does a cp1252 reading look like real text rather than another code page misread?

    Text from a Central European code page read as cp1252 puts symbols
    (``¿ ³ ¹ ¾``) inside words; a Cyrillic or Greek page turns nearly every
    letter into an accented one. Real Western text has mostly plain letters
    and the usual typographic marks (“ ” ‘ ’ – — … £ €).
    """
    letters = sum(1 for ch in text if ch.isalpha())
    accented = sum(1 for ch in text if ord(ch) > 127 and ch.isalpha())
    if letters and accented > 0.3 * letters:
        return False  # Cyrillic or Greek read as Latin: nearly every letter "accented"
    odd = 0
    non_ascii = 0
    for i, ch in enumerate(text):
        if ord(ch) < 128:
            continue
        non_ascii += 1
        category = unicodedata.category(ch)
        if category.startswith("L"):
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        # A symbol wedged between two letters ("Za¿ó³æ") is the mark of a misread page;
        # apostrophes and dashes legitimately sit there.
        if ch not in "’‘–—-·" and before.isalpha() and after.isalpha():
            odd += 1
        elif category == "Cc":
            odd += 1
    return non_ascii == 0 or odd <= max(1, non_ascii // 50)


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:20000]
    controls = len(_ODD_CONTROLS.findall(sample))
    return controls / len(sample)


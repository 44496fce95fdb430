"""Properties that hold for any input: exact offsets, no overlaps, no crash on any bytes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmine.errors import InputError
from argmine.ingest import parse_bytes, parse_text
from argmine.ingest.reading import decode_bytes

# Fragments that trigger the rules, so that generated pages exercise them together.
FRAGMENTS = [
    "Version 0 | Version 1 |",
    "---|---|",
    "A | B |",
    "| only | cells |",
    "| |",
    "Related: a story",
    "By Ann Lee",
    "One comment",
    "3 comments",
    "Post a Comment",
    "Hiç yorum yok:",
    "Great work. Ann Lee",
    "Ann Lee says:",
    "4 March 2020",
    "Previous version",
    "1",
    "# Heading",
    "Title\n=====",
    "Photograph: Alamy",
    "ENDS",
    "The trust said it would merge its services with the council next year.",
    "Short heading",
    "“A quote,” she said.",
    "",
    "   ",
    "\t",
]
LINE_BREAKS = ["\n", "\r\n", "\r", "\n\n", "\u2028"]

pages = st.lists(
    st.tuples(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), st.sampled_from(LINE_BREAKS)),
    max_size=25,
).map(lambda parts: "".join(fragment + brk for fragment, brk in parts))

FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_segments(text: str) -> None:
    article = parse_text(text)
    previous_end = 0
    for segment in article.document.segments:
        assert article.text[segment.start : segment.end] == segment.text
        assert segment.start < segment.end, "empty segment"
        assert segment.text.strip(), "whitespace-only segment"
        assert segment.start >= previous_end, "segments overlap or are out of order"
        previous_end = segment.end
    for versions in ("latest", "all"):
        view = article.view(versions)
        for piece in view.pieces:
            _check_piece_maps_back(article.text, view, piece)
        # An earlier version's paragraph is read only when no other piece has its text.
        info = article.document.versions
        texts = [" ".join(p.segment.text.split()) for p in view.pieces]
        for piece, key in zip(view.pieces, texts):
            if info is not None and piece.segment.version not in (None, info.used):
                assert texts.count(key) == 1, "an earlier version's paragraph is read twice"


def _check_piece_maps_back(text: str, view, piece) -> None:
    """Every character the pipeline reads is the file's character there, or a space for a line break."""
    seg = piece.segment
    assert view.to_original(piece.view_start, piece.view_end) == (seg.start, seg.end)
    for inside, char in enumerate(view.text[piece.view_start : piece.view_end]):
        at = piece.original_offset(inside)
        assert text[at] == char or (char == " " and text[at].isspace())
    read = view.text[piece.view_start : piece.view_end]
    assert "".join(read.split()) == "".join(seg.text.split())  # only whitespace differs


@FAST
@given(pages)
def test_segments_slice_the_text_exactly_on_generated_pages(text: str) -> None:
    _check_segments(text)


@FAST
@given(st.text(max_size=300))
def test_segments_slice_the_text_exactly_on_any_text(text: str) -> None:
    _check_segments(text)


@FAST
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_raise_input_error(data: bytes) -> None:
    try:
        article = parse_bytes(data, "x.txt")
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    for segment in article.document.segments:
        assert article.text[segment.start : segment.end] == segment.text


@FAST
@given(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_unicode_encodings_round_trip(text: str, encoding: str) -> None:
    try:
        decoded = decode_bytes(text.encode(encoding, "surrogatepass"))
    except InputError:
        return  # empty, whitespace only, or control characters: reported, not crashed
    except UnicodeEncodeError:  # pragma: no cover - lone surrogates
        return
    assert decoded.text == text

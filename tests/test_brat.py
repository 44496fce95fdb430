"""Reading brat standoff attribution gold: layouts, spans, events, annotators (argmine.brat)."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmine.brat import is_brat_folder, load_brat_dir, pair_annotations, read_attributions, text_files
from argmine.errors import GoldError

TEXT = "Ann Lee said the plan works.\r\nIt will, officials insist, cost less.\r\nThe plan is late.\r\n"


def at(text: str, piece: str, after: int = 0) -> tuple[int, int]:
    start = text.index(piece, after)
    return start, start + len(piece)


def span_line(tid: str, label: str, *ranges: tuple[int, int]) -> str:
    offsets = ";".join(f"{s} {e}" for s, e in ranges)
    shown = " ".join(TEXT[s:e] for s, e in ranges)
    return f"{tid}\t{label} {offsets}\t{shown}"


def write(folder: Path, name: str, content: str, *, binary_text: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if binary_text:
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_text(content, encoding="utf-8")
    return path


def ann(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def test_spans_count_crlf_as_two_characters(tmp_path):
    write(tmp_path, "a.txt", TEXT, binary_text=True)
    content = at(TEXT, "the plan works")
    later = at(TEXT, "The plan is late")
    assert later[0] == TEXT.index("The plan is late")  # after two \r\n, each two characters
    write(tmp_path, "a.ann", ann(
        span_line("T1", "Source", at(TEXT, "Ann Lee")),
        span_line("T2", "Cue", at(TEXT, "said")),
        span_line("T3", "Content", content),
        span_line("T4", "Content", later),
        "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3",
        "E2\tAttribution-no-source:T4 Content:T4",
    ))
    [doc], warnings = load_brat_dir(tmp_path)
    assert warnings == []
    first, second = doc.attributions
    assert first.content == frozenset(range(*content)) and first.content_text == "the plan works"
    assert first.source == frozenset(range(*at(TEXT, "Ann Lee"))) and first.cue_text == "said"
    assert second.source == frozenset() and second.cue == frozenset()  # attribution without a source
    assert second.content_text == "The plan is late"


def test_discontinuous_content_and_content2_are_merged(tmp_path):
    write(tmp_path, "a.txt", TEXT, binary_text=True)
    left, right = at(TEXT, "It will,"), at(TEXT, "cost less.")
    extra = at(TEXT, "The plan is late")
    write(tmp_path, "a.ann", ann(
        span_line("T1", "Source", at(TEXT, "officials")),
        span_line("T2", "Cue", at(TEXT, "insist")),
        span_line("T3", "Content", left, right),
        span_line("T4", "Content", extra),
        "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3 Content2:T4",
    ))
    [doc], _ = load_brat_dir(tmp_path)
    [only] = doc.attributions
    assert only.content == frozenset(range(*left)) | frozenset(range(*right)) | frozenset(range(*extra))
    assert only.content_text == "It will, … cost less. … The plan is late"


def test_other_events_and_lines_are_ignored_and_contentless_attributions_dropped(tmp_path):
    write(tmp_path, "a.txt", TEXT, binary_text=True)
    write(tmp_path, "a.ann", ann(
        span_line("T1", "Content", at(TEXT, "the plan works")),
        span_line("T2", "Cue", at(TEXT, "said")),
        "The second line of a span's text, which starts with a capital T",
        "E1\tDiscuss:T1 Content:T1",
        "E2\tAttribution:T2 Cue:T2",
        "A1\tFactuality E1 asserted",
        "#1\tAnnotatorNotes T1\tnote",
        "R1\tRel Arg1:T1 Arg2:T2",
    ))
    [doc], _ = load_brat_dir(tmp_path)
    assert doc.attributions == []


@pytest.mark.parametrize(
    "line, problem",
    [
        ("T1\tContent 5\tx", "bad span"),
        ("T1\tContent 9 4\tx", "ends before it starts"),
        ("T1\tContent 0 9999\tx", "beyond the end"),
        ("E1\tAttribution:T1 Content:T9", "not a text-bound span"),
        ("E1\tAttribution:T1 Content", "bad event argument"),
    ],
)
def test_malformed_annotation_is_a_gold_error_naming_file_and_line(tmp_path, line, problem):
    write(tmp_path, "a.txt", TEXT, binary_text=True)
    path = write(tmp_path, "a.ann", ann(span_line("T1", "Cue", at(TEXT, "said")), line))
    with pytest.raises(GoldError, match=problem) as error:
        read_attributions(path, TEXT)
    assert f"{path}:2" in str(error.value)


def test_two_annotators_first_file_in_name_order_wins(tmp_path):
    write(tmp_path, "a_story.txt", TEXT, binary_text=True)
    write(tmp_path, "a_story_zed.ann", ann(span_line("T1", "Content", at(TEXT, "cost less")), "E1\tAttribution:T1 Content:T1"))
    write(tmp_path, "a_story_amy.ann", ann(span_line("T1", "Content", at(TEXT, "the plan works")), "E1\tAttribution:T1 Content:T1"))
    [doc], _ = load_brat_dir(tmp_path)
    assert doc.annotation.name == "a_story_amy.ann"
    assert [p.name for p in doc.other_annotations] == ["a_story_zed.ann"]
    assert doc.attributions[0].content_text == "the plan works"


def test_split_layout_as_polnear_ships_it(tmp_path):
    write(tmp_path / "text", "s1.txt", TEXT, binary_text=True)
    write(tmp_path / "text", "unannotated.txt", "Nothing here.\n")
    write(tmp_path / "attributions", "s1_ab12.ann", ann(span_line("T1", "Content", at(TEXT, "cost less")), "E1\tAttribution:T1 Content:T1"))
    write(tmp_path / "attributions", "gone_ab12.ann", ann())
    assert is_brat_folder(tmp_path)
    assert [p.name for p in text_files(tmp_path)] == ["s1.txt", "unannotated.txt"]
    by_name, orphans = pair_annotations(tmp_path)
    assert list(by_name) == ["s1"] and [p.name for p in orphans] == ["gone_ab12.ann"]
    docs, warnings = load_brat_dir(tmp_path)
    assert [d.doc for d in docs] == ["s1.txt"]  # an article without annotation is not gold
    assert len(warnings) == 1 and "gone_ab12.ann" in warnings[0]


def test_an_annotation_named_exactly_after_an_article_is_that_articles(tmp_path):
    write(tmp_path, "x.txt", "One.\n")
    write(tmp_path, "x_y.txt", "Two.\n")
    write(tmp_path, "x_y.ann", ann())
    by_name, _ = pair_annotations(tmp_path)
    assert list(by_name) == ["x_y"]


def test_folder_without_brat_files(tmp_path):
    write(tmp_path, "a.txt", TEXT)
    assert not is_brat_folder(tmp_path)
    with pytest.raises(GoldError, match="no brat annotation files"):
        load_brat_dir(tmp_path)

"""Comment sections: markers, signers (signed after, or named before), and where they end."""

from __future__ import annotations

from argmine.ingest import parse_text
from argmine.records import SegmentKind

ARTICLE = (
    "Councils and hospitals agree to pool budgets\n"
    "The county council and the hospital trust said on Monday that they would share one budget from April.\n"
)


def rows(text: str) -> list[tuple[str, str, str, str | None]]:
    return [(s.kind.value, s.rule, s.text, s.signer) for s in parse_text(text).document.segments][2:]


def test_comment_signed_at_the_end_of_its_line() -> None:
    text = ARTICLE + "2 comments\nGreat to see this at last. Well done to the team. Sam Okafor\nI worry about the cost.\n"
    assert rows(text) == [
        ("comment_marker", "comment-count", "2 comments", None),
        ("comment", "comment", "Great to see this at last. Well done to the team.", "Sam Okafor"),
        ("byline", "comment-signature", "Sam Okafor", "Sam Okafor"),
        ("comment", "comment", "I worry about the cost.", None),
    ]


def test_comment_signature_on_its_own_last_line_signs_every_line_of_the_comment() -> None:
    text = ARTICLE + "Comments\nI was on the panel that chose these sites.\nThe progress is real.\n- Dr Ann Lee\n"
    assert rows(text)[1:] == [
        ("comment", "comment", "I was on the panel that chose these sites.", "Dr Ann Lee"),
        ("comment", "comment", "The progress is real.", "Dr Ann Lee"),
        ("byline", "comment-signature", "- Dr Ann Lee", "Dr Ann Lee"),
    ]


def test_comment_sign_off_with_a_first_name() -> None:
    text = ARTICLE + "One comment\nThis will not work without more staff. Regards, Gus\n"
    assert rows(text)[1:] == [
        ("comment", "comment", "This will not work without more staff.", "Gus"),
        ("byline", "comment-signature", "Regards, Gus", "Gus"),
    ]


def test_comment_headers_name_the_commenter_before_the_text() -> None:
    text = ARTICLE + (
        "2 thoughts on “Councils and hospitals agree”\n"
        "Ann Lee says:\n4 March 2020 at 9:12 am\nAbout time.\nReply\n"
        "nhs_watcher said...\nNot convinced.\n"
        "Leave a Reply\nYour email address will not be published.\n"
    )
    assert rows(text) == [
        ("comment_marker", "comment-count", "2 thoughts on “Councils and hospitals agree”", None),
        ("byline", "comment-header", "Ann Lee says:", "Ann Lee"),
        ("byline", "comment-date", "4 March 2020 at 9:12 am", None),
        ("comment", "comment", "About time.", "Ann Lee"),
        ("furniture", "platform-ui", "Reply", None),
        ("byline", "comment-header", "nhs_watcher said...", "nhs_watcher"),
        ("comment", "comment", "Not convinced.", "nhs_watcher"),
        ("comment_marker", "comment-form", "Leave a Reply", None),
        ("furniture", "platform-ui", "Your email address will not be published.", None),
    ]


def test_comment_sections_in_other_languages() -> None:
    text = ARTICLE + "3 Kommentare:\nA fine piece, thank you for writing it.\nKommentar veröffentlichen\n"
    assert rows(text) == [
        ("foreign", "platform-ui-de", "3 Kommentare:", None),
        ("comment", "comment", "A fine piece, thank you for writing it.", None),
        ("foreign", "platform-ui-de", "Kommentar veröffentlichen", None),
    ]


def test_no_comments_marker_opens_no_section() -> None:
    text = ARTICLE + "No comments:\nPost a Comment\n"
    assert [(k, r) for k, r, _, _ in rows(text)] == [
        ("comment_marker", "comment-none"),
        ("comment_marker", "comment-form"),
    ]


def test_comment_signatures_never_become_the_article_author() -> None:
    text = ARTICLE + "One comment\nAgreed with every word. Sam Okafor\n"
    assert parse_text(text).document.meta.author is None


def test_a_sentence_ending_in_a_name_is_not_cut_outside_comments() -> None:
    text = ARTICLE + "The plan was drawn up by the new chair. Sam Okafor\n"
    body = [s for s in parse_text(text).document.segments if s.kind == SegmentKind.body]
    assert body[-1].text.endswith("Sam Okafor")


def test_a_comment_count_above_the_article_opens_nothing() -> None:
    text = "Councils and hospitals agree to pool budgets\n12 comments\n" + ARTICLE.split("\n", 1)[1]
    assert [(s.kind.value, s.rule) for s in parse_text(text).document.segments] == [
        ("title", "title-first-line"),
        ("comment_marker", "comment-count-link"),
        ("body", "paragraph"),
    ]
    # Above the headline too.
    text = "12 comments\n" + ARTICLE
    assert [s.kind.value for s in parse_text(text).document.segments] == ["comment_marker", "title", "body"]


def test_comments_closed_notice_ends_the_section() -> None:
    text = ARTICLE + "2 comments\nAbout time.\nComments are closed.\nRead our guide to pooled budgets before you start.\n"
    assert [(k, r) for k, r, _, _ in rows(text)] == [
        ("comment_marker", "comment-count"),
        ("comment", "comment"),
        ("comment_marker", "comment-closed"),
        ("body", "paragraph"),
    ]


def test_comment_signed_after_a_dash_with_the_place_the_reader_writes_from() -> None:
    text = ARTICLE + "Comments\nThis is spot on. Integration only works if people stick with it. - Janet, Norwich\n"
    assert rows(text)[1:] == [
        ("comment", "comment", "This is spot on. Integration only works if people stick with it.", "Janet"),
        ("byline", "comment-signature", "- Janet, Norwich", "Janet"),
    ]


def test_comment_ending_in_a_comma_clause_is_not_signed() -> None:
    text = ARTICLE + "Comments\nI doubt it will work - not here, not now.\n"
    assert rows(text)[1:] == [("comment", "comment", "I doubt it will work - not here, not now.", None)]

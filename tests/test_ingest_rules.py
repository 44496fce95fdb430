"""One hand-written example per segmentation rule (texts written for these tests)."""

from __future__ import annotations

import pytest

from argmine.ingest import parse_text

OPENING = "Councils and hospitals agree to pool budgets\n"
BEFORE = "The county council and the hospital trust said on Monday that they would share one budget from April.\n"
AFTER = "Managers expect the change to cut delays for older patients leaving hospital after an operation.\n"


def segments(text: str) -> list[tuple[str, str, str]]:
    return [(s.kind.value, s.rule, s.text) for s in parse_text(text).document.segments]


def label_of(text: str, line: str) -> tuple[str, str]:
    found = [(kind, rule) for kind, rule, seg in segments(text) if seg == line]
    assert found, f"no segment is exactly {line!r}: {segments(text)}"
    return found[0]


# Lines a rule recognises by themselves, set between two paragraphs of an article.
LINE_RULES = [
    ("* * *", "furniture", "separator"),
    ("Share on Facebook", "furniture", "platform-ui"),
    ("Newer Post Older Post Home", "furniture", "platform-ui"),
    ("Labels: health, social care", "furniture", "platform-ui"),
    ("Reply", "furniture", "platform-ui"),
    ("Daha Yeni Kayıt", "foreign", "platform-ui-tr"),
    ("Kommentar veröffentlichen", "foreign", "platform-ui-de"),
    ("Publicar un comentario", "foreign", "platform-ui-es"),
    ("Aucun commentaire:", "foreign", "platform-ui-fr"),
    ("This article is from the source 'example' and won't be checked again for changes.", "furniture", "scraper-note"),
    ("This content is brought to you by Example Health Partners.", "furniture", "publisher-note"),
    ("The Example Corporation is not responsible for the content of external sites.", "furniture", "publisher-note"),
    ("Join the Social Care Leaders Network for regular emails and offers.", "furniture", "network-pitch"),
    ("Sign up to our weekly policy newsletter", "furniture", "network-pitch"),
    ("Follow us on Twitter for the latest updates", "furniture", "social-prompt"),
    ("Already a subscriber? Log in to read the full story.", "furniture", "paywall"),
    ("Priya Shah does not work for, consult, own shares in or receive funding from any company.", "furniture", "publisher-note"),
    ("Readers' comments (3)", "comment_marker", "comment-count"),
    ("We use cookies to improve your experience on this site.", "furniture", "cookie-notice"),
    ("© 2019 Example Media Ltd. All rights reserved.", "furniture", "copyright"),
    ("Email: press@example.org", "furniture", "contact-line"),
    ("https://www.example.org/story/123", "furniture", "contact-line"),
    ("Advertisement", "furniture", "platform-ui"),
    ("Story continues below advertisement", "furniture", "platform-ui"),
    ("4 min read", "furniture", "platform-ui"),
    ("![A ward at night](ward.jpg)", "caption", "markdown-image"),
    ("Next version", "version_meta", "version-navigation"),
    ("(about 2 days later)", "version_meta", "version-delta"),
    ("Related: Why joint budgets rarely save money", "related", "related-link"),
    ("Read more: The long road to integrated care", "related", "related-link"),
    ("See also: Five lessons from the pilots", "related", "related-link"),
    ("A nurse on the ward in Leeds. Photograph: Jane Doe/Getty Images", "caption", "caption-credit"),
    ("Patients wait outside (Photo: Sam Lee/PA)", "caption", "caption-credit"),
    ("Image caption, Staff at the new centre", "caption", "caption-label"),
    ("Getty Images", "caption", "credit-only"),
    ("By Priya Shah", "byline", "byline-by"),
    ("By Priya Shah and Tom Ellis, health correspondents", "byline", "byline-by"),
    ("By Priya Shah Health correspondent", "byline", "byline-by"),
    ("Posted by Priya Shah at 10:15", "byline", "byline-posted"),
    ("Author: Priya Shah", "byline", "byline-label"),
    ("Priya Shah, social affairs correspondent", "caption", "portrait-caption"),  # between paragraphs
    ("Tue 3 Mar 2020 06.00 GMT", "byline", "dateline"),
    ("Last modified on 4 March 2020", "byline", "dateline-updated"),
    ("This article first appeared on Policy Matters", "byline", "republication-note"),
    ("Associated Press writer Sam Lee contributed to this report.", "furniture", "publisher-note"),
    ("Reporting by Priya Shah; Editing by Tom Ellis", "byline", "byline-posted"),
    ("Dies ist ein Beitrag über die Zusammenarbeit der Kliniken und der Pflege in der Stadt.", "foreign", "foreign-function-words-de"),
    ("- Shared budgets across the county", "body", "list-item"),
]


@pytest.mark.parametrize("line, kind, rule", LINE_RULES, ids=[r for _, _, r in LINE_RULES])
def test_line_rule(line: str, kind: str, rule: str) -> None:
    text = OPENING + BEFORE + line + "\n" + AFTER
    assert label_of(text, line) == (kind, rule)


def test_not_furniture_ordinary_lines_stay_body() -> None:
    lines = [
        "His best-known idea is dynamic equivalence. For more information, see the chapter on translation, "
        "which sets out the method in detail and shows how it changed the practice of a whole generation.",
        "By contrast, the hospital trust said the plan would take years to agree.",
        "Jane Smith, the chief executive, said the plan would save money.",
        'Dr Amy Patel, Clinical Director for Urgent Care, said: "This is integration in action."',
        "Two days later the council changed its mind and backed the merger.",
        "Sign up for the pilot was slow, the council admitted, because staff were wary.",
        "Jean de la Fontaine",
    ]
    for line in lines:
        assert label_of(OPENING + BEFORE + line + "\n" + AFTER, line)[0] in ("body", "heading"), line


def test_title_first_line_and_body_paragraphs() -> None:
    text = OPENING + BEFORE + AFTER
    assert [(k, r) for k, r, _ in segments(text)] == [
        ("title", "title-first-line"),
        ("body", "paragraph"),
        ("body", "paragraph"),
    ]


def test_no_title_when_the_first_line_is_a_paragraph() -> None:
    assert [k for k, _, _ in segments(BEFORE + AFTER)] == ["body", "body"]


def test_title_markdown_heading_and_markdown_subheading() -> None:
    text = "# Pooling budgets\n\n" + BEFORE + "\n## What happens next\n\n" + AFTER
    assert [(k, r, t) for k, r, t in segments(text)][::2] == [
        ("title", "title-markdown-heading", "Pooling budgets"),
        ("heading", "markdown-heading", "What happens next"),
    ]


def test_breadcrumb_before_the_headline() -> None:
    text = "Home\nNews\n" + OPENING + BEFORE
    assert segments(text)[:3] == [
        ("furniture", "platform-ui", "Home"),
        ("furniture", "platform-ui", "News"),
        ("title", "title-first-line", OPENING.strip()),
    ]
    # One short line over a longer one is a short title, not a menu.
    assert label_of("Brock Holt\n" + OPENING + BEFORE, "Brock Holt") == ("title", "title-first-line")


def test_standfirst_after_title() -> None:
    standfirst = "The merger will test whether joint budgets can survive a cash crisis, writes our correspondent"
    text = OPENING + standfirst + "\n" + BEFORE + AFTER
    assert label_of(text, standfirst) == ("standfirst", "standfirst-after-title")
    # A news lede after the headline stays body.
    assert label_of(OPENING + BEFORE + AFTER, BEFORE.strip()) == ("body", "paragraph")


def test_heading_short_line_before_paragraph() -> None:
    text = OPENING + BEFORE + "What the money buys\n" + AFTER
    assert label_of(text, "What the money buys") == ("heading", "short-line-before-paragraph")
    # A short line with a full stop is a one-line paragraph, not a heading.
    assert label_of(OPENING + BEFORE + "That is the plan.\n" + AFTER, "That is the plan.") == ("body", "paragraph")


def test_header_line_with_a_role_word_that_is_not_a_role_stays_prose() -> None:
    text = OPENING + "Former Minister Ann Lee's Inaugural Address\n" + BEFORE
    assert label_of(text, "Former Minister Ann Lee's Inaugural Address")[0] != "byline"


def test_header_bylines_name_role_and_date() -> None:
    text = OPENING + "Priya Shah Health policy editor\nWed 4 Mar 2020 07.00 GMT\n" + BEFORE
    assert segments(text)[1:3] == [
        ("byline", "byline-name-role", "Priya Shah Health policy editor"),
        ("byline", "dateline", "Wed 4 Mar 2020 07.00 GMT"),
    ]
    text = OPENING + "Priya Shah\n4 March 2020\n" + BEFORE
    assert label_of(text, "Priya Shah") == ("byline", "byline-name")
    text = OPENING + "By Priya Shah\nSocial affairs correspondent\nPublished\n4 March 2020\n" + BEFORE
    assert [r for _, r, _ in segments(text)[1:5]] == ["byline-by", "byline-role", "dateline-label", "dateline"]


def test_name_role_line_above_the_text_is_a_byline() -> None:
    text = OPENING + "Priya Shah, social affairs correspondent\n" + BEFORE + AFTER
    assert label_of(text, "Priya Shah, social affairs correspondent") == ("byline", "byline-name-role")
    assert parse_text(text).document.meta.author == "Priya Shah"
    # Between paragraphs the same line captions a portrait and names no author.
    text = OPENING + BEFORE + "Priya Shah, social affairs correspondent\n" + AFTER
    assert parse_text(text).document.meta.author is None


def test_author_bio_at_the_end() -> None:
    bio = "Priya Shah is a senior fellow at a health policy think tank."
    assert label_of(OPENING + BEFORE + AFTER + bio + "\n", bio) == ("byline", "author-bio")


def test_signoff_name_after_the_last_paragraph() -> None:
    assert label_of(OPENING + BEFORE + AFTER + "Priya Shah\n", "Priya Shah") == ("byline", "signoff-name")


def test_tail_title_repeat_and_leftovers() -> None:
    text = OPENING + BEFORE + AFTER + "Share this article\n" + OPENING + "Health and care\n"
    assert segments(text)[-2:] == [
        ("furniture", "title-repeat", OPENING.strip()),
        ("furniture", "tail-short-line", "Health and care"),
    ]


def test_title_in_tail_when_the_page_opens_with_a_caption() -> None:
    text = "A ward at night. Photograph: Sam Lee/Alamy\n" + BEFORE + AFTER + "Share this article\nWhy budgets merge\n"
    assert segments(text)[0][:2] == ("caption", "caption-credit")
    assert label_of(text, "Why budgets merge") == ("title", "title-in-tail")
    assert parse_text(text).document.meta.title == "Why budgets merge"


def test_related_list_items() -> None:
    text = OPENING + BEFORE + AFTER + "More on this story\nWhy budgets merge\nIs integration working?\n"
    assert [(k, r) for k, r, _ in segments(text)[-3:]] == [
        ("related", "related-list"),
        ("related", "related-list-item"),
        ("related", "related-list-item"),
    ]


def test_press_release_notes_after_ends() -> None:
    text = OPENING + BEFORE + "ENDS\nNotes to editors\nThe trust serves 300,000 people across the county.\n"
    assert [(k, r) for k, r, _ in segments(text)[-3:]] == [
        ("furniture", "press-release-end"),
        ("furniture", "press-release-end"),
        ("furniture", "press-release-notes"),
    ]


def test_bare_numbers_beside_version_navigation_and_elsewhere() -> None:
    text = "Previous version\n2\nNext version\n" + OPENING + BEFORE + "3\n" + AFTER
    assert label_of(text, "2") == ("version_meta", "version-navigation")
    assert label_of(text, "3") == ("furniture", "bare-number")


def test_foreign_neighbour_lines() -> None:
    text = OPENING + BEFORE + AFTER + "Hiç yorum yok:\nGönderiyi paylaş\n"
    assert label_of(text, "Gönderiyi paylaş") == ("foreign", "foreign-neighbour")


def test_short_line_without_context_is_body() -> None:
    text = OPENING + BEFORE + AFTER + "- Shared budgets\n"
    assert label_of(text, "- Shared budgets") == ("body", "list-item")


def test_hard_wrapped_paragraphs_become_one_segment() -> None:
    text = (
        "Pooling budgets in the county\n\n"
        "The county council and the hospital trust said on Monday that they\n"
        "would share one budget from April, the first such deal in the\n"
        "region, after two years of talks between the two bodies.\n\n"
        "Managers expect the change to cut delays for older patients who\n"
        "are waiting to leave hospital after an operation or a fall at home.\n"
    )
    found = segments(text)
    assert [k for k, _, _ in found] == ["title", "body", "body"]
    assert found[1][2].startswith("The county council") and found[1][2].endswith("two bodies.")


def test_menu_lines_before_the_headline_are_breadcrumbs() -> None:
    text = "Opinion\nSport\nCulture\n" + OPENING + BEFORE
    assert [(k, r) for k, r, _ in segments(text)[:4]] == [
        ("furniture", "breadcrumb"),
        ("furniture", "breadcrumb"),
        ("furniture", "breadcrumb"),
        ("title", "title-first-line"),
    ]


def test_markdown_front_matter_is_furniture_that_states_metadata() -> None:
    text = "---\ntitle: Pooling budgets, explained\nauthor: Priya Shah\ndate: 2020-03-04\n---\n\n# Pooling budgets\n\n" + BEFORE
    article = parse_text(text)
    assert [(k, r) for k, r, _ in segments(text)[:6]] == [("furniture", "front-matter")] * 5 + [("title", "title-markdown-heading")]
    meta = article.document.meta
    assert (meta.title, meta.author, meta.date) == ("Pooling budgets, explained", "Priya Shah", "2020-03-04")


def test_a_leading_rule_line_is_not_front_matter() -> None:
    text = "---\n" + OPENING + BEFORE + "---\n" + AFTER
    assert [k for k, _, _ in segments(text)] == ["furniture", "title", "body", "furniture", "body"]


def test_a_line_broken_mid_sentence_is_one_paragraph() -> None:
    text = OPENING + "The county council and the hospital trust said on Monday that they\nwould share one budget from April.\n" + AFTER
    found = segments(text)
    assert [k for k, _, _ in found] == ["title", "body", "body"]
    assert found[1][2] == "The county council and the hospital trust said on Monday that they\nwould share one budget from April."

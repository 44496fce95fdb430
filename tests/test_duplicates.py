"""Near-duplicate documents: the similarity the threshold was set by, the finder, and
`extract`/`actors` end to end (copies marked, counted once)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import conftest
from argmine import runner as runner_module
from argmine.cli import app
from argmine.duplicates import SIMILARITY_THRESHOLD, DuplicateFinder, article_text, jaccard, shingles
from argmine.ingest import parse_text

STORY = [
    "The regional council voted on Tuesday to close three of its five public libraries by the end of next year, citing a budget gap of four million pounds.",
    "Councillors approved the plan by twenty votes to eleven after a debate that lasted more than three hours and drew protesters to the town hall steps.",
    "Nadia Ferro said that the decision was painful but unavoidable, and that the remaining libraries would extend their opening hours to make up for the loss.",
    "Opposition members argued that the closures would hit the poorest neighbourhoods hardest, where many residents rely on library computers to apply for jobs.",
    "A campaign group that collected more than eight thousand signatures against the plan said it would seek a judicial review of the consultation process.",
    "The council expects to save about one and a half million pounds a year once the buildings are sold, with the first closure planned for the spring.",
]
NEWS = [
    "Campaigners have now lodged a formal complaint with the ombudsman, saying residents were given only three weeks to respond to the consultation.",
    "A spokesperson for the council declined to comment on the complaint but said the timetable for the first closure had not changed.",
]
OTHER = [
    "Residents packed the town hall on Tuesday evening as councillors met to discuss the future of the borough's libraries.",
    "Many of those present had brought handmade placards, and several children read short poems about their favourite books before the meeting began.",
    STORY[2],
    "Local booksellers said they feared the closures would reduce the number of young readers in the area over the coming decade.",
    "A retired teacher who has volunteered at one of the branches for twelve years said the library was the only warm place some older people could go.",
    "The meeting ended shortly before eleven, and a second session on the council's transport budget was postponed until next month.",
]


def page(title: str, paragraphs: list[str]) -> str:
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


ORIGINAL = page("Council votes to close libraries", STORY)
SAVED_AGAIN = page("Council votes to close libraries", STORY)
REPRINT = page("Three libraries to shut as council cuts budget", STORY[:4] + STORY[5:] + ["This story was supplied by a news agency."])
UPDATE = page("Council votes to close libraries", STORY[:2] + NEWS + STORY[4:])
SAME_SUBJECT = page("Anger at library meeting", OTHER)


def similarity(a: str, b: str) -> float:
    return jaccard(*(shingles(article_text(parse_text(t).document)) for t in (a, b)))


@pytest.mark.parametrize(
    "text, low, high, copy",
    [
        (SAVED_AGAIN, 1.0, 1.0, True),
        (REPRINT, 0.70, 0.80, True),
        (UPDATE, 0.40, 0.55, False),
        (SAME_SUBJECT, 0.0, 0.15, False),
    ],
)
def test_similarity_the_threshold_was_measured_on(text, low, high, copy):
    value = similarity(ORIGINAL, text)
    assert low <= value <= high
    assert (value >= SIMILARITY_THRESHOLD) is copy


def test_finder_names_the_first_copy_read_and_ignores_short_texts():
    finder = DuplicateFinder()
    assert finder.check_text("a", "\n".join(STORY)) is None
    assert finder.check_text("other", "\n".join(OTHER)) is None
    match = finder.check_text("b", "\n".join(STORY[:4] + STORY[5:]))
    assert match is not None and (match.doc, match.original) == ("b", "a") and match.similarity >= 0.6
    again = finder.check_text("c", "\n".join(STORY))
    assert again is not None and again.original == "a"  # a copy of a copy names the original
    assert finder.check_text("short-1", "No comment.") is None
    assert finder.check_text("short-2", "No comment.") is None


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(runner_module, "pipeline_extract", conftest.fake_extract)
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text(ORIGINAL)
    (tmp_path / "c" / "b.txt").write_text(REPRINT)
    (tmp_path / "c" / "c.txt").write_text(SAME_SUBJECT)
    return tmp_path


def test_extract_marks_copies_and_says_so(corpus):
    result = CliRunner().invoke(app, ["extract", "c", "-f", "json", "--store", "s.db"])
    assert result.exit_code == 0, result.stderr
    body = json.loads(result.stdout)
    assert {d["doc"]: d["duplicate_of"] for d in body["documents"]} == {"a.txt": None, "b.txt": "a.txt", "c.txt": None}
    assert {c["id"]: c["duplicate_of"] for c in body["claims"]} == {"a.txt#1": None, "b.txt#1": "a.txt", "c.txt#1": None}
    assert "b.txt nearly duplicates a.txt (similarity 0.75)" in result.stderr


def test_actors_counts_copies_once_unless_asked(corpus):
    assert CliRunner().invoke(app, ["extract", "c", "-f", "jsonl", "--store", "s.db"]).exit_code == 0
    once = CliRunner().invoke(app, ["actors", "-f", "jsonl", "--store", "s.db"])
    assert once.exit_code == 0, once.stderr
    rows = {r["name"]: (r["claims"], r["docs"]) for r in map(json.loads, once.stdout.splitlines())}
    assert rows["Nadia Ferro"] == (2, ["a.txt", "c.txt"])
    assert "1 claim of near-duplicate documents counted once" in once.stderr
    every = CliRunner().invoke(app, ["actors", "-f", "jsonl", "--store", "s.db", "--include-duplicates"])
    rows = {r["name"]: (r["claims"], r["docs"]) for r in map(json.loads, every.stdout.splitlines())}
    assert rows["Nadia Ferro"] == (3, ["a.txt", "b.txt", "c.txt"])
    assert every.stderr == ""


def test_a_copy_read_alone_is_no_copy_any_more(corpus):
    """The mark belongs to the run: extract b.txt alone and the store forgets it."""
    assert CliRunner().invoke(app, ["extract", "c", "-f", "jsonl", "--store", "s.db"]).exit_code == 0
    alone = CliRunner().invoke(app, ["extract", "c/b.txt", "-f", "jsonl", "--store", "s.db"])
    assert json.loads(alone.stdout.splitlines()[0])["duplicate_of"] is None
    result = CliRunner().invoke(app, ["who-said", "-a", "Ferro", "-f", "jsonl", "--store", "s.db"])
    assert [json.loads(line)["duplicate_of"] for line in result.stdout.splitlines()] == [None, None, None]


def test_actors_on_claims_piped_in_honour_the_mark(corpus):
    extracted = CliRunner().invoke(app, ["extract", "c", "-f", "jsonl", "--store", "s.db"])
    result = CliRunner().invoke(app, ["actors", "-", "-f", "jsonl"], input=extracted.stdout)
    rows = {r["name"]: r["claims"] for r in map(json.loads, result.stdout.splitlines())}
    assert rows["Nadia Ferro"] == 2

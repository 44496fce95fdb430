"""Golden segmentation of the five seed articles (kinds, rules, offsets, metadata).

Each golden file in ``tests/golden/ingest/`` was generated from the code and
then read line by line against the article; a change in segmentation shows
up as a diff here. To regenerate after a deliberate change (and read the
diff before committing)::

    ARGMINE_UPDATE_GOLDEN=1 pytest tests/test_ingest_golden.py

What each seed checks:

- 000: plain prose with no title line (the first line is a long paragraph,
  not a headline); three short unpunctuated lines between paragraphs are
  headings; nothing else is furniture.
- 001: a change-tracker page: scraper notes at the top, "Previous version /
  1 / Next version" navigation, a two-column version table whose cells
  become separate segments per version, "Related:" link lines inside the
  table, a version-delta note "(about 3 hours later)", one paragraph only
  version 0 has (recorded in ``versions.dropped``), and the author taken from
  "an edited version of a post published on X's blog".
- 002: a headline, a standfirst that describes the unnamed author by role
  (``author_role``), a comment section opened by "One comment" whose comment
  is signed at its end: the signature becomes a byline and the comment's
  ``signer``.
- 003: a photo caption ending "Photograph: X" as the first line (so no
  title at the top), six headings, a publisher note naming the outlet, the
  page title repeated at the foot (taken as the title), and Blogger's
  Turkish interface strings (foreign boilerplate).
- 004: a headline and blank-line separated paragraphs, quote paragraphs
  kept as body, and a "Post a Comment" form marker at the end.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from argmine.ingest import Article, read_article
from argmine.records import SegmentKind

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
GOLDEN = Path(__file__).parent / "golden" / "ingest"


def golden_record(article: Article) -> dict:
    """What the golden file pins down: metadata, versions, and every segment."""
    document = article.document
    return {
        "doc": document.doc,
        "encoding": document.encoding,
        "chars": document.chars,
        "meta": document.meta.model_dump(exclude_none=True),
        "versions": document.versions.model_dump() if document.versions else None,
        "warnings": document.warnings,
        "segments": [
            {
                "kind": s.kind.value,
                "rule": s.rule,
                "start": s.start,
                "end": s.end,
                **({"version": s.version} if s.version is not None else {}),
                **({"signer": s.signer} if s.signer else {}),
                "text": s.text if len(s.text) <= 80 else s.text[:77] + "...",
            }
            for s in document.segments
        ],
    }


def _dump(record: dict) -> str:
    """JSON with one segment per line, so a golden file reads like the article."""
    head = {k: v for k, v in record.items() if k != "segments"}
    lines = json.dumps(head, ensure_ascii=False, indent=1)[:-2] + ',\n "segments": [\n'
    segments = [" " + json.dumps(s, ensure_ascii=False) for s in record["segments"]]
    return lines + ",\n".join(segments) + "\n ]\n}\n"


def test_there_are_five_seeds() -> None:
    assert len(SEEDS) == 5


@pytest.mark.parametrize("seed", SEEDS, ids=[p.stem[:3] for p in SEEDS])
def test_seed_segmentation_matches_golden(seed: Path) -> None:
    article = read_article(seed, seed.name)
    record = golden_record(article)
    golden_file = GOLDEN / (seed.stem + ".json")
    if os.environ.get("ARGMINE_UPDATE_GOLDEN"):
        golden_file.parent.mkdir(parents=True, exist_ok=True)
        golden_file.write_text(_dump(record), encoding="utf-8")
    expected = json.loads(golden_file.read_text(encoding="utf-8"))
    assert record == expected


@pytest.mark.parametrize("seed", SEEDS, ids=[p.stem[:3] for p in SEEDS])
def test_seed_offsets_slice_the_file(seed: Path) -> None:
    article = read_article(seed, seed.name)
    assert article.text == seed.read_text(encoding="utf-8")
    previous_end = 0
    for segment in article.document.segments:
        assert article.text[segment.start : segment.end] == segment.text
        assert segment.start >= previous_end
        previous_end = segment.end


def _seed(prefix: str) -> Article:
    path = next(p for p in SEEDS if p.name.startswith(prefix))
    return read_article(path, path.name)


def test_seed_001_reads_the_latest_version_once() -> None:
    article = _seed("001")
    latest = article.view("latest")
    everything = article.view("all")
    dropped = article.document.versions.dropped
    assert len(dropped) == 1 and dropped[0].text.startswith("There are three types of model")
    assert dropped[0].text not in latest.text
    assert dropped[0].text in everything.text
    # Each paragraph of the article appears once in either view, never once per version.
    for view in (latest, everything):
        paragraphs = view.text.split("\n\n")
        assert len(paragraphs) == len(set(paragraphs))
    assert "Related:" not in everything.text and "Version 0" not in everything.text


def test_seed_002_comment_is_signed_and_author_described_by_role() -> None:
    article = _seed("002")
    comment = next(s for s in article.document.segments if s.kind == SegmentKind.comment)
    assert comment.signer == "Gus Cairns" and not comment.text.endswith("Cairns")
    assert article.document.meta.author is None
    assert article.document.meta.author_role.startswith("Associate Director of Operations")

"""Shared test set-up: errors re-raise under test, and small hand-made records.

Claims here are built by hand (no spaCy) for a tiny made-up article, so the
output, store and query tests run in milliseconds and do not depend on what
the pipeline currently finds.
"""

from __future__ import annotations

from typing import Optional

import pytest

from argmine.records import Actor, Claim, ContentSpan, CueSpan, Document, DocumentMeta, Segment, SegmentKind, TextSpan
from argmine.results import DocumentResult


@pytest.fixture(autouse=True)
def _argmine_test_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug in a command fails the test loudly instead of becoming a one-line message
    (llm's `_called_from_test`); the user's environment cannot leak in."""
    from argmine.cli import messages

    monkeypatch.setattr(messages, "RAISE_UNEXPECTED", True)
    for name in ("ARGMINE_RAISE_ERRORS", "ARGMINE_STORE", "ARGMINE_STORE_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)


def make_actor(name: str, kind: str = "person", *, aliases: tuple[str, ...] = (), roles: tuple[str, ...] = ()) -> Actor:
    slug = "-".join(name.lower().replace(".", "").split()) or "author"
    return Actor(id=slug, name=name, kind=kind, aliases=list(aliases), roles=list(roles))


def make_claim(
    doc: str,
    n: int,
    actor: Actor,
    text: str,
    *,
    stance: str = "neutral",
    mode: str = "indirect",
    start: int = 0,
    cue: Optional[str] = "said",
    source: Optional[str] = None,
    score: float = 0.0,
) -> Claim:
    """A claim whose spans are consistent with `text` placed at `start` of its file."""
    end = start + len(text)
    cue_span = None
    if cue is not None and cue in text:
        at = start + text.index(cue)
        cue_span = CueSpan(text=cue, start=at, end=at + len(cue), lemma=cue)
    source_span = None
    if source is not None and source in text:
        at = start + text.index(source)
        source_span = TextSpan(text=source, start=at, end=at + len(source))
    return Claim(
        id=f"{doc}#{n}",
        doc=doc,
        text=text,
        start=start,
        end=end,
        content=TextSpan(text=text, start=start, end=end),
        cue=cue_span,
        source=source_span,
        actor=actor,
        mode=mode,
        stance=stance,
        stance_score=score,
        stance_evidence=[],
        target="integration",
        confidence=0.8,
    )


def make_document(doc: str, text: str, *, title: Optional[str] = None, author: Optional[str] = None) -> Document:
    import hashlib

    return Document(
        doc=doc,
        path=doc,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        encoding="utf-8",
        chars=len(text),
        meta=DocumentMeta(title=title, author=author),
        segments=[Segment(kind=SegmentKind.body, start=0, end=len(text), text=text, rule="test")],
    )


def sample_documents() -> list[tuple[Document, list[Actor], list[Claim]]]:
    """Two small made-up articles: a person quoted in both (titled in one), an organisation, a writer."""
    coffey = make_actor("Dr Ann Coffey", aliases=("Coffey",), roles=("GP",))
    trust = make_actor("Northfield Health Trust", "organisation")
    writer = Actor(id="author", name="the author", kind="author")
    text_a = 'Coffey said joined-up care would help. The trust warned of silos. "It will fail," Coffey said.'
    text_b = "Ann Coffey said the merger was a mistake. I think integration is overdue."
    claims_a = [
        make_claim("a.txt", 1, coffey, "Coffey said joined-up care would help.", stance="support", source="Coffey"),
        make_claim("a.txt", 2, trust, "The trust warned of silos.", stance="support", cue="warned", start=39),
        make_claim("a.txt", 3, coffey, '"It will fail," Coffey said.', stance="oppose", mode="direct", start=66),
    ]
    coffey_b = make_actor("Ann Coffey")
    claims_b = [
        make_claim("b.txt", 1, coffey_b, "Ann Coffey said the merger was a mistake.", stance="oppose", source="Ann Coffey"),
        make_claim("b.txt", 2, writer, "I think integration is overdue.", stance="support", mode="author", cue="think", start=42),
    ]
    return [
        (make_document("a.txt", text_a, title="Trusts and silos"), [coffey, trust], claims_a),
        (make_document("b.txt", text_b), [coffey_b, writer], claims_b),
    ]


@pytest.fixture
def two_documents() -> list[tuple[Document, list[Actor], list[Claim]]]:
    return sample_documents()


@pytest.fixture
def two_groups() -> list:
    """`sample_documents` as the DocumentResult groups every claim output consumes."""
    return [DocumentResult(doc=d.doc, claims=c, document=d, actors=a) for d, a, c in sample_documents()]


# --------------------------------------------------------------------------- a stand-in pipeline


def fake_extract(articles: list, target, versions: str) -> list:
    """A picklable stand-in for the spaCy pipeline (same signature as runner.pipeline_extract).

    Real claims with real offsets, so runner, store and CLI tests need no model. Each sentence "Name said that ..." becomes a claim by the person Name;
    "help" in it means support, "fail" oppose. Set FAKE_EXTRACT_DELAY (seconds
    per article) to make runs slow enough to interrupt, FAKE_EXTRACT_FAIL to a
    word that makes an article containing it raise.
    """
    import os
    import re
    import time

    pattern = re.compile(r"([A-Z][a-z]+(?: [A-Z][a-z]+)*) (said|warned|argued)(?: that)? ([^.]*\.)")
    delay = float(os.environ.get("FAKE_EXTRACT_DELAY", "0"))
    poison = os.environ.get("FAKE_EXTRACT_FAIL")
    found = []
    for article in articles:
        time.sleep(delay)
        if poison and poison in article.text:
            raise ValueError(f"cannot parse {article.document.doc}")
        doc = article.document.doc
        actors: dict[str, Actor] = {}
        claims = []
        for segment in article.claim_segments(versions):
            for match in pattern.finditer(segment.text):
                name, cue, clause = match.groups()
                actor = actors.setdefault(name, make_actor(name))
                offset = segment.start + match.start()
                sentence = match.group(0)
                stance = "support" if "help" in clause else "oppose" if "fail" in clause else "neutral"
                claim = make_claim(doc, len(claims) + 1, actor, sentence, stance=stance, start=offset, cue=cue, source=name)
                content = TextSpan(text=clause, start=offset + match.start(3) - match.start(), end=offset + len(sentence))
                claims.append(claim.model_copy(update={"content": ContentSpan(**content.model_dump()), "row": article.document.row}))
        found.append(DocumentResult.of(article.document, actors.values(), claims))
    return found

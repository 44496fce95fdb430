"""who-said and actor summaries as library calls: no CLI, from results in memory and from a store."""

from __future__ import annotations

import pytest

from argmine.actor_names import AmbiguousActor, NoSuchActor
from argmine.query import ClaimSource, actor_summaries, doc_matches, who_said
from argmine.results import DocumentResult
from argmine.store import ExtractionKey, Store
from conftest import make_actor, make_claim, make_document, sample_documents


def in_memory() -> ClaimSource:
    return ClaimSource.of_results(DocumentResult.of(d, a, c) for d, a, c in sample_documents())


@pytest.fixture
def stored(tmp_path):
    with Store(tmp_path / "s.db") as store:
        for document, actors, claims in sample_documents():
            key = ExtractionKey(document.sha256, "v", "latest", "integration@x")
            store.save(key, DocumentResult.of(document, actors, claims), source=f"/corpus/{document.doc}")
        yield ClaimSource.of_store(store)


def ids(results: list[DocumentResult]) -> list[str]:
    return [claim.id for result in results for claim in result.claims]


def test_who_said_merges_an_actor_across_documents_in_memory():
    results = who_said(in_memory(), "Coffey")
    assert [r.doc for r in results] == ["a.txt", "b.txt"]
    assert ids(results) == ["a.txt#1", "a.txt#3", "b.txt#1"]
    assert results[0].document is not None and results[0].document.meta.title == "Trusts and silos"


def test_who_said_from_a_store_gives_the_same_claims(stored):
    assert ids(who_said(stored, "Dr Coffey")) == ["a.txt#1", "a.txt#3", "b.txt#1"]
    assert ids(who_said(stored, "coffey", stances={"oppose"})) == ["a.txt#3", "b.txt#1"]


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({"stances": {"support"}}, ["a.txt#1"]),
        ({"modes": {"direct"}}, ["a.txt#3"]),
        ({"docs": ["b"]}, ["b.txt#1"]),
        ({"docs": ["*.txt"], "modes": {"indirect"}}, ["a.txt#1", "b.txt#1"]),
        ({"stances": {"mixed"}}, []),
    ],
)
def test_who_said_filters(filters, expected):
    assert ids(who_said(in_memory(), "Ann Coffey", **filters)) == expected


def test_who_said_unknown_and_ambiguous_names_raise_typed_errors():
    with pytest.raises(NoSuchActor):
        who_said(in_memory(), "Nobody Known")
    smith_a, smith_b = make_actor("Jo Smith"), make_actor("Sam Smith")
    document = make_document("c.txt", "Jo Smith said yes. Sam Smith said no.")
    claims = [make_claim("c.txt", 1, smith_a, "Jo Smith said yes."), make_claim("c.txt", 2, smith_b, "Sam Smith said no.", start=19)]
    with pytest.raises(AmbiguousActor):
        who_said(ClaimSource.of_results([DocumentResult.of(document, [smith_a, smith_b], claims)]), "Smith")


def test_actor_summaries_count_claims_and_documents(stored):
    by_name = {s.name: s for s in actor_summaries(stored)}
    coffey = next(s for name, s in by_name.items() if "Coffey" in name)
    assert (coffey.claims, coffey.docs) == (3, ["a.txt", "b.txt"])
    assert by_name["Northfield Health Trust"].kind == "organisation"
    assert [s.kind for s in actor_summaries(in_memory(), kinds={"organisation"})] == ["organisation"]
    assert actor_summaries(ClaimSource.of_results([])) == []


@pytest.mark.parametrize(
    "doc, pattern, fits",
    [
        ("news/a.txt", "news/a.txt", True),
        ("news/a.txt", "a", True),
        ("news/a.txt", "news/", True),
        ("news/a.txt", "*.txt", True),
        ("news/a.txt", "b*", False),
        ("news/a.txt", "x", False),
    ],
)
def test_doc_matches_name_prefix_or_glob(doc, pattern, fits):
    assert doc_matches(doc, pattern) is fits

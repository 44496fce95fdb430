"""Actor summaries across claims and documents."""

from __future__ import annotations

import pytest

from argmine.aggregate import ActorAggregator, is_named_author, looks_like_a_name, overall_stance, summarise
from argmine.records import Actor
from conftest import make_actor, make_claim, make_document


def mix(support=0, oppose=0, mixed=0, neutral=0) -> dict[str, int]:
    return {"support": support, "oppose": oppose, "mixed": mixed, "neutral": neutral}


@pytest.mark.parametrize(
    "counts, expected",
    [
        (mix(), "neutral"),
        (mix(neutral=4), "neutral"),
        (mix(support=1), "support"),
        (mix(support=2, oppose=1), "support"),  # exactly two thirds
        (mix(support=3, oppose=2), "mixed"),  # 60 %
        (mix(support=1, oppose=1), "mixed"),
        (mix(oppose=2, support=1, neutral=9), "oppose"),  # neutral weighs nothing
        (mix(mixed=3), "mixed"),
        (mix(support=1, mixed=1), "support"),  # 1.5 of 2
        (mix(oppose=1, mixed=2), "oppose"),  # 2 of 3
        (mix(oppose=1, mixed=3), "mixed"),  # 2.5 of 4 < 2/3
    ],
)
def test_aggregate_overall_stance_rule(counts, expected):
    assert overall_stance(counts) == expected


def test_aggregate_merges_one_person_across_documents_by_normalised_name():
    claims = [
        make_claim("a.txt", 1, make_actor("Dr Ann Coffey", roles=("GP",)), "x", stance="support"),
        make_claim("b.txt", 1, make_actor("ann coffey", roles=("clinical director",)), "y", stance="oppose"),
        make_claim("c.txt", 1, make_actor("Ann Cöffey"), "z", stance="oppose"),
    ]
    [summary] = summarise(claims)
    assert summary.name == "Dr Ann Coffey"
    assert summary.docs == ["a.txt", "b.txt", "c.txt"]
    assert summary.roles == ["GP", "clinical director"]
    assert summary.aliases == ["ann coffey", "Ann Cöffey"]
    assert (summary.claims, summary.stance) == (3, "oppose")
    assert summary.stance_mix == mix(support=1, oppose=2)


def test_aggregate_same_name_different_kind_stays_apart():
    claims = [
        make_claim("a.txt", 1, make_actor("Unison", "organisation"), "x"),
        make_claim("b.txt", 1, make_actor("Unison", "group"), "y"),
    ]
    assert sorted(s.kind for s in summarise(claims)) == ["group", "organisation"]


def test_aggregate_never_merges_unnamed_writers_of_different_documents():
    writer = Actor(id="author", name="the author", kind="author")
    docs = [make_document("a.txt", "x"), make_document("b.txt", "y")]
    claims = [make_claim("a.txt", 1, writer, "x"), make_claim("b.txt", 1, writer, "y")]
    summaries = summarise(claims, docs)
    assert [(s.docs, s.claims) for s in summaries] == [(["a.txt"], 1), (["b.txt"], 1)]
    assert sorted(s.id for s in summaries) == ["author", "author-2"]  # ids stay unique


def test_aggregate_never_merges_writers_described_by_role():
    role = Actor(id="author", name="the Associate Director of Operations", kind="author")
    claims = [make_claim("a.txt", 1, role, "x"), make_claim("b.txt", 1, role, "y")]
    assert len(summarise(claims)) == 2


def test_aggregate_merges_a_named_writer_across_documents():
    jane = Actor(id="jane-smith", name="Jane Smith", kind="author")
    docs = [make_document("a.txt", "x", author="Jane Smith"), make_document("b.txt", "y", author="Jane Smith")]
    claims = [make_claim("a.txt", 1, jane, "x"), make_claim("b.txt", 1, jane, "y")]
    [summary] = summarise(claims, docs)
    assert summary.docs == ["a.txt", "b.txt"]


def test_aggregate_page_without_a_byline_means_an_unnamed_writer():
    """With the documents known, a writer is named only when the page names one."""
    jane = Actor(id="jane-smith", name="Jane Smith", kind="author")
    docs = [make_document("a.txt", "x", author="Jane Smith"), make_document("b.txt", "y", author=None)]
    assert is_named_author(jane, docs[0]) and not is_named_author(jane, docs[1])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Jane Smith", True),
        ("Ursula von der Leyen", True),
        ("Dr Jane Smith", True),
        ("the author", False),
        ("Anonymous", False),
        ("the Associate Director of Operations at a trust", False),
        ("a GP in London", False),
        ("", False),
    ],
)
def test_aggregate_looks_like_a_name(text, expected):
    assert looks_like_a_name(text) is expected


def test_aggregate_summaries_most_claims_first_and_keys_stable():
    aggregator = ActorAggregator()
    a, b = make_actor("Amy Adams"), make_actor("Bob Brown")
    key_a = aggregator.add_claim(make_claim("d.txt", 1, a, "x"))
    key_b = aggregator.add_claim(make_claim("d.txt", 2, b, "y"))
    aggregator.add_claim(make_claim("d.txt", 3, b, "z"))
    assert [s.name for s in aggregator.summaries()] == ["Bob Brown", "Amy Adams"]
    by_key = aggregator.summaries_by_key()
    assert by_key[key_a].name == "Amy Adams" and by_key[key_b].claims == 2


def test_aggregate_asks_for_a_document_only_to_name_a_writer():
    """Lazily known documents (a store's) are looked up for writers only, once each."""
    jane = Actor(id="jane-smith", name="Jane Smith", kind="author")
    nurse = make_actor("Ann Lee", "person")
    docs = {"a.txt": make_document("a.txt", "x", author="Jane Smith"), "b.txt": make_document("b.txt", "y")}
    asked: list[str] = []

    def document_of(doc):
        asked.append(doc)
        return docs.get(doc)

    aggregator = ActorAggregator(document_of=document_of)
    for doc in ["a.txt", "a.txt", "b.txt"]:
        aggregator.add(jane, doc, "support")
        aggregator.add(nurse, doc, "oppose")
    assert asked == ["a.txt", "b.txt"]
    by_docs = {tuple(s.docs): (s.name, s.claims) for s in aggregator.summaries()}
    # b.txt has no byline: its "Jane Smith" is an unnamed writer, not merged with a.txt's.
    assert by_docs == {("a.txt",): ("Jane Smith", 2), ("b.txt",): ("Jane Smith", 1), ("a.txt", "b.txt"): ("Ann Lee", 3)}


def test_aggregate_lists_each_document_name_and_role_once():
    first = Actor(id="ann-lee", name="Ann Lee", kind="person", aliases=["Dr Ann Lee"], roles=["GP"])
    again = Actor(id="ann-lee", name="Dr Ann Lee", kind="person", roles=["GP", "chair"])
    aggregator = ActorAggregator()
    for actor, doc in [(first, "a.txt"), (first, "a.txt"), (again, "b.txt"), (first, "b.txt")]:
        aggregator.add(actor, doc, "neutral")
    [summary] = aggregator.summaries()
    assert (summary.aliases, summary.roles, summary.docs, summary.claims) == (
        ["Dr Ann Lee"], ["GP", "chair"], ["a.txt", "b.txt"], 4)

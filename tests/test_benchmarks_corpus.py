"""The benchmark corpus builder: deterministic, N non-empty articles, only text we may use.

Runs on small treebank-shaped files written here (the real treebanks live
outside the repository); one test also checks the real ones when present.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("bench_corpus", REPO / "benchmarks" / "corpus.py")
corpus = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = corpus  # dataclasses look their module up there
_spec.loader.exec_module(corpus)

WORDS = "the council said new plans for local care would need more staff and money over several years".split()


def _sentence(rng: random.Random, tag: str) -> str:
    return " ".join([tag] + rng.choices(WORDS, k=rng.randint(8, 20))).capitalize() + "."


def _conllu(docs: list[tuple[str, int]], rng: random.Random) -> str:
    """Comment lines as UD writes them (+ one token row per sentence); each sentence
    starts with its document id so tests can see where text came from."""
    lines = []
    for doc_id, paragraphs in docs:
        lines.append(f"# newdoc id = {doc_id}")
        if doc_id.startswith("GUM_"):
            lines.append(f"# meta::title = Title of {doc_id}")
        for p in range(paragraphs):
            lines.append(f"# newpar id = {doc_id}-p{p}")
            for s in range(rng.randint(1, 6)):
                lines += [f"# sent_id = {doc_id}-{p}-{s}", f"# text = {_sentence(rng, doc_id)}", "1\tx\tx\tX\tX\t_\t0\troot\t_\t_", ""]
    return "\n".join(lines) + "\n"


@pytest.fixture
def treebanks(tmp_path: Path) -> Path:
    rng = random.Random(1)
    ewt = [(f"{genre}-source_{i:03d}", rng.randint(1, 4)) for i in range(40) for genre in ("reviews", "weblog", "email")]
    gum = [(f"GUM_{genre}_doc{i}", rng.randint(3, 12)) for i in range(8) for genre in ("news", "interview", "fiction", "whow")]
    (tmp_path / "UD_English-EWT").mkdir()
    (tmp_path / "UD_English-GUM").mkdir()
    (tmp_path / "UD_English-EWT" / "en_ewt-ud-train.conllu").write_text(_conllu(ewt, rng), encoding="utf-8")
    (tmp_path / "UD_English-GUM" / "en_gum-ud-dev.conllu").write_text(_conllu(gum, rng), encoding="utf-8")
    return tmp_path


def test_corpus_gives_n_non_empty_articles_with_distinct_texts(treebanks):
    articles = corpus.build_corpus(60, seed=3, corpora=treebanks)
    assert len(articles) == 60
    assert all(a.words >= corpus.MIN_WORDS and a.text.strip() for a in articles)
    assert len({a.text for a in articles}) == 60  # every file is a cache miss
    assert len({a.name for a in articles}) == 60


def test_corpus_is_the_same_for_the_same_seed_and_differs_for_another(treebanks):
    first = corpus.build_corpus(40, seed=7, corpora=treebanks)
    again = corpus.build_corpus(40, seed=7, corpora=treebanks)
    other = corpus.build_corpus(40, seed=8, corpora=treebanks)
    assert [(a.name, a.text) for a in first] == [(a.name, a.text) for a in again]
    assert [a.text for a in first] != [a.text for a in other]
    # a bigger corpus starts with the smaller one: the 100-document run reads the first 100
    assert [a.text for a in corpus.build_corpus(50, seed=7, corpora=treebanks)[:40]] == [a.text for a in first]


def test_corpus_uses_only_openly_licensed_gum_genres(treebanks):
    articles = corpus.build_corpus(80, seed=0, corpora=treebanks)
    genres = {g for a in articles for g in a.genres}
    assert genres <= corpus.OPEN_GUM_GENRES | {"reviews", "weblog", "email"}
    assert {"news", "interview"} <= genres
    text = "".join(a.text for a in articles).lower()
    assert "gum_fiction" not in text and "gum_whow" not in text
    assert "gum_news" in text


def test_long_paragraphs_become_news_paragraphs_of_two_or_three_sentences():
    rng = random.Random(0)
    for n in range(1, 12):
        sentences = [f"Sentence {i}." for i in range(n)]
        pieces = corpus.news_paragraphs(sentences, rng)
        assert " ".join(pieces) == " ".join(sentences)
        if n > 3:
            assert all(2 <= p.count(".") <= 3 for p in pieces)


def test_write_corpus_writes_each_article_as_a_file(treebanks, tmp_path):
    articles = corpus.build_corpus(5, corpora=treebanks)
    paths = corpus.write_corpus(articles, tmp_path / "out")
    assert [p.read_text(encoding="utf-8") for p in paths] == [a.text for a in articles]


@pytest.mark.skipif(not (corpus.DEFAULT_CORPORA / "UD_English-GUM").is_dir(), reason="shared treebanks not present")
def test_real_treebanks_give_allowed_genres_only():
    articles = corpus.build_corpus(30, seed=0)
    assert len(articles) == 30
    gum = {corpus.genre_of(s) for a in articles for s in a.sources if s.startswith("GUM_")}
    assert gum and gum <= corpus.OPEN_GUM_GENRES

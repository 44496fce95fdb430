"""A realistic benchmark corpus: news-like articles made from treebank running text.

The benchmark must not time the seeds over and over (five articles, cached
after the first pass, and too few words to say anything about scaling). It
reads the raw sentences (``# text =``) of the UD English treebanks under
``shared/corpora`` instead, keeps each source document's paragraphs
(``# newpar``), and groups them into articles of news-like length:

* EWT (CC BY-SA 4.0): every document (weblogs, newsgroups, e-mails, answers,
  reviews). Most are short, so several follow each other in one article.
* GUM: only the genres whose text licence allows any use (academic, bio,
  conversation, court, interview, news, speech, textbook, vlog, voyage); the
  document's title (``# meta::title``) becomes the article's headline.

Paragraphs longer than three sentences are cut into two- and three-sentence
paragraphs, as news sites print them. Article lengths follow a log-normal
law (median about 500 words, 150 to 1,500). The order of the source
documents is shuffled with a seeded generator, so the same seed and N always
give the same files, byte for byte. When N asks for more text than the
treebanks hold (about 400k words), the documents are shuffled again and
grouped anew; no two articles are the same text (every file is a cache miss).

    python benchmarks/corpus.py OUT_DIR --docs 1000 [--seed 0] [--corpora DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import math
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional, Sequence

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = REPO.parent / "shared" / "corpora"

#: GUM genres whose source texts may be used for any purpose (LICENSE-gum-sources.txt);
#: the others (fiction, whow, essay, letter, podcast, reddit) are non-commercial or withheld.
OPEN_GUM_GENRES = frozenset(
    {"academic", "bio", "conversation", "court", "interview", "news", "speech", "textbook", "vlog", "voyage"}
)
TREEBANK_FILES = (
    ("UD_English-EWT", ("en_ewt-ud-train.conllu", "en_ewt-ud-dev.conllu", "en_ewt-ud-test.conllu")),
    ("UD_English-GUM", ("en_gum-ud-train.conllu", "en_gum-ud-dev.conllu", "en_gum-ud-test.conllu")),
)
MEDIAN_WORDS = 500
MIN_WORDS, MAX_WORDS = 150, 1500
MAX_SENTENCES_PER_PARAGRAPH = 3


@dataclass(frozen=True)
class SourceDoc:
    """One treebank document: its id, genre, title (GUM only) and paragraphs of sentences."""

    id: str
    genre: str
    title: Optional[str]
    paragraphs: tuple[tuple[str, ...], ...]

    @property
    def words(self) -> int:
        return sum(len(s.split()) for p in self.paragraphs for s in p)


@dataclass(frozen=True)
class BenchArticle:
    """One article of the benchmark corpus: file name, text, and where its text came from."""

    name: str
    text: str
    sources: tuple[str, ...]
    genres: tuple[str, ...]

    @property
    def words(self) -> int:
        """Whitespace-delimited words: the unit of every words/s figure."""
        return len(self.text.split())


def genre_of(doc_id: str) -> str:
    """'GUM_news_iodine' -> 'news'; 'weblog-blogspot.com_..._0001' -> 'weblog'."""
    if doc_id.startswith("GUM_"):
        return doc_id.split("_")[1]
    return doc_id.split("-", 1)[0]


def allowed(doc_id: str) -> bool:
    """EWT documents always; GUM documents only in the open genres."""
    return not doc_id.startswith("GUM_") or genre_of(doc_id) in OPEN_GUM_GENRES


def read_conllu(path: Path) -> Iterator[SourceDoc]:
    """The documents of one CoNLL-U file, from its comment lines only (fast: no token rows kept)."""
    doc_id: Optional[str] = None
    title: Optional[str] = None
    paragraphs: list[list[str]] = []

    def finished() -> Optional[SourceDoc]:
        kept = tuple(tuple(p) for p in paragraphs if p)
        if doc_id is None or not kept or not allowed(doc_id):
            return None
        return SourceDoc(doc_id, genre_of(doc_id), title, kept)

    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.startswith("#"):
                continue
            key, _, value = line[1:].partition("=")
            key, value = key.strip(), value.strip()
            if key == "newdoc id":
                done = finished()
                if done is not None:
                    yield done
                doc_id, title, paragraphs = value, None, []
            elif key == "meta::title":
                title = value or None
            elif key == "newpar" or key.startswith("newpar "):
                paragraphs.append([])
            elif key == "text" and value:
                if not paragraphs:
                    paragraphs.append([])
                paragraphs[-1].append(value)
    done = finished()
    if done is not None:
        yield done


def source_docs(corpora: Path) -> list[SourceDoc]:
    """Every usable treebank document under `corpora`, in file order."""
    docs: list[SourceDoc] = []
    for folder, names in TREEBANK_FILES:
        for name in names:
            path = corpora / folder / name
            if path.is_file():
                docs.extend(read_conllu(path))
    if not docs:
        raise FileNotFoundError(f"no UD English treebank (.conllu) under {corpora}")
    return docs


def news_paragraphs(paragraph: Sequence[str], rng: random.Random) -> list[str]:
    """A treebank paragraph as one or more news-style paragraphs of at most three sentences."""
    if len(paragraph) <= MAX_SENTENCES_PER_PARAGRAPH:
        return [" ".join(paragraph)]
    out, i = [], 0
    while i < len(paragraph):
        size = rng.choice((2, 3))
        if len(paragraph) - i - size == 1:  # never leave a one-sentence tail
            size += 1 if size == 2 else -1
        out.append(" ".join(paragraph[i : i + size]))
        i += size
    return out


def _target_length(rng: random.Random) -> int:
    return int(min(MAX_WORDS, max(MIN_WORDS, rng.lognormvariate(math.log(MEDIAN_WORDS), 0.6))))


def _articles_of_pass(docs: Sequence[SourceDoc], rng: random.Random) -> Iterator[tuple[list[str], list[SourceDoc]]]:
    """One shuffled pass over the documents, grouped into (paragraphs, sources) per article."""
    order = list(docs)
    rng.shuffle(order)
    paragraphs: list[str] = []
    sources: list[SourceDoc] = []
    words, target = 0, _target_length(rng)
    for doc in order:
        parts = [p for para in doc.paragraphs for p in news_paragraphs(para, rng)]
        if doc.title and not paragraphs:
            parts.insert(0, doc.title)  # a GUM document opening an article gives the headline
        for part in parts:
            paragraphs.append(part)
            words += len(part.split())
            if not sources or sources[-1] is not doc:
                sources.append(doc)
            if words >= target:
                yield paragraphs, sources
                paragraphs, sources, words, target = [], [], 0, _target_length(rng)
    if words >= MIN_WORDS:
        yield paragraphs, sources


def build_corpus(n: int, *, seed: int = 0, corpora: Path = DEFAULT_CORPORA) -> list[BenchArticle]:
    """N articles, the same for the same seed and treebanks; every text distinct."""
    if n < 1:
        raise ValueError("n must be at least 1")
    docs = source_docs(corpora)
    articles: list[BenchArticle] = []
    seen: set[str] = set()
    width = max(4, len(str(n)))
    for round_number in range(1000):
        rng = random.Random(f"argmine-bench:{seed}:{round_number}")
        for paragraphs, sources in _articles_of_pass(docs, rng):
            text = "\n\n".join(paragraphs) + "\n"
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            if digest in seen:
                continue
            seen.add(digest)
            articles.append(
                BenchArticle(
                    name=f"article_{len(articles) + 1:0{width}d}.txt",
                    text=text,
                    sources=tuple(d.id for d in sources),
                    genres=tuple(sorted({d.genre for d in sources})),
                )
            )
            if len(articles) == n:
                return articles
    raise RuntimeError(f"could not build {n} distinct articles")  # pragma: no cover


def write_corpus(articles: Sequence[BenchArticle], folder: Path) -> list[Path]:
    """Write the articles as UTF-8 .txt files into `folder` (created); returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in articles:
        path = folder / article.name
        path.write_text(article.text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the articles into (not inside the repository)")
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    args = parser.parse_args()
    if args.out.resolve().is_relative_to(REPO):
        parser.error("write the corpus outside the repository")
    articles = build_corpus(args.docs, seed=args.seed, corpora=args.corpora)
    write_corpus(articles, args.out)
    words = sum(a.words for a in articles)
    print(f"{len(articles)} articles, {words:,} words, {sum(len(a.text.encode()) for a in articles):,} bytes -> {args.out}")


if __name__ == "__main__":
    main()

"""Convert the treebanks to spaCy DocBins with tags, morphology, lemmas, parse and entities.

    python -m training.convert [--corpora ../shared/corpora] [--out training/corpus]

Writes train/dev DocBins for training (EWT + the GUM genres whose texts allow any use),
one DocBin per held-out test set, and ``training/documents.txt``: the exact list of
documents used, by split and source.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from training.conllu import Sentence, read_conllu
from training.entities import gum_tags, place_identities, read_uner, uner_tags

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = REPO.parent / "shared" / "corpora"
DEFAULT_OUT = REPO / "training" / "corpus"
DOCUMENT_LIST = REPO / "training" / "documents.txt"

# GUM genres whose *texts* are licensed for any use (CC BY / BY-SA / public domain; see
# LICENSE-gum-sources.txt). essay, fiction, letter, podcast, whow and reddit are NC.
GUM_OPEN_GENRES = (
    "academic bio conversation court interview news speech textbook vlog voyage".split()
)
SENTENCES_PER_DOC = 10  # spaCy's advice; one sentence per doc would hide boundaries


def ewt_sentences(corpora: Path, split: str) -> list[tuple[Sentence, list[str]]]:
    uner_file = {
        "train": "en_ewt-ud-train.PRELIM-0c7ce0d.iob2",
        "dev": "en_ewt-ud-dev.iob2",
        "test": "en_ewt-ud-test.iob2",
    }[split]
    uner = read_uner(corpora / "UNER_English-EWT" / uner_file)
    sents = list(read_conllu(corpora / "UD_English-EWT" / f"en_ewt-ud-{split}.conllu"))
    return [(s, uner_tags(s, uner)) for s in sents]


def gum_sentences(
    corpora: Path, split: str, genres: tuple[str, ...] | list[str] = GUM_OPEN_GENRES
) -> list[tuple[Sentence, list[str]]]:
    sents = [
        s
        for s in read_conllu(corpora / "UD_English-GUM" / f"en_gum-ud-{split}.conllu")
        if s.genre in genres
    ]
    places = place_identities(sents)
    common = common_words(corpora)
    return [(s, gum_tags(s, places, common)) for s in sents]


def common_words(corpora: Path, min_count: int = 3) -> frozenset[str]:
    """Lower-cased words used as common nouns/adjectives/verbs/adverbs in training data."""
    counts: Counter = Counter()
    files = [corpora / "UD_English-EWT" / "en_ewt-ud-train.conllu",
             corpora / "UD_English-GUM" / "en_gum-ud-train.conllu"]
    for path in files:
        for sent in read_conllu(path):
            if sent.doc_id.startswith("GUM_") and sent.genre not in GUM_OPEN_GENRES:
                continue
            for word in sent.words:
                if word.upos in ("NOUN", "ADJ", "VERB", "ADV"):
                    counts[word.form.lower()] += 1
    return frozenset(w for w, n in counts.items() if n >= min_count)


def to_docs(vocab, sentences: list[tuple[Sentence, list[str]]], paragraph_breaks: str = "none"):
    """Group sentences into docs of at most SENTENCES_PER_DOC, never across documents.

    ``paragraph_breaks`` "alternate" marks the paragraph breaks of every other doc with a
    "\n\n" whitespace token attached to the preceding word, as spaCy's tokenizer produces
    for text joined by blank lines: the parser learns that a new paragraph starts a
    sentence even after a heading without final punctuation, and still learns to split
    without. "all" marks them in every doc (test sets shaped like argmine's input).
    """
    from spacy.tokens import Doc

    groups: list[list[tuple[Sentence, list[str]]]] = []
    for sent, tags in sentences:
        if not groups or groups[-1][0][0].doc_id != sent.doc_id or len(groups[-1]) >= SENTENCES_PER_DOC:
            groups.append([])
        groups[-1].append((sent, tags))
    for number, group in enumerate(groups):
        words, spaces, xpos, upos, morphs, lemmas, heads, deps, ents = ([] for _ in range(9))
        for sent, tags in group:
            marked = paragraph_breaks == "all" or (paragraph_breaks == "alternate" and number % 2 == 0)
            if marked and sent.new_par and words:
                spaces[-1] = False
                words.append("\n\n")
                spaces.append(False)
                xpos.append("_SP")
                upos.append("SPACE")
                morphs.append("")
                lemmas.append("\n\n")
                heads.append(len(words) - 2)
                deps.append("dep")
                ents.append("O")
            offset = len(words)
            for i, w in enumerate(sent.words):
                words.append(w.form)
                spaces.append(w.space_after)
                xpos.append(w.xpos)
                upos.append(w.upos)
                morphs.append(w.feats)
                lemmas.append(w.lemma)
                heads.append(offset + i if w.head == 0 else offset + w.head - 1)
                deps.append("ROOT" if w.deprel == "root" else w.deprel)
                ents.append(tags[i] or None)
            spaces[-1] = True
        spaces[-1] = False
        yield Doc(
            vocab,
            words=words,
            spaces=spaces,
            tags=xpos,
            pos=upos,
            morphs=morphs,
            lemmas=lemmas,
            heads=heads,
            deps=deps,
            ents=ents,
        )


def write_docbin(path: Path, docs) -> dict[str, int]:
    from spacy.tokens import DocBin

    bin_ = DocBin(store_user_data=False)
    stats: Counter = Counter()
    for doc in docs:
        bin_.add(doc)
        stats["docs"] += 1
        stats["words"] += len(doc)
        stats["missing_ent_words"] += sum(1 for t in doc if t.ent_iob == 0)
        for ent in doc.ents:
            stats[ent.label_] += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    bin_.to_disk(path)
    return dict(stats)


def convert(corpora: Path = DEFAULT_CORPORA, out: Path = DEFAULT_OUT) -> dict[str, dict]:
    import spacy

    vocab = spacy.blank("en").vocab
    parts = {
        "ewt-train": ewt_sentences(corpora, "train"),
        "gum-train": gum_sentences(corpora, "train"),
        "ewt-dev": ewt_sentences(corpora, "dev"),
        "gum-dev": gum_sentences(corpora, "dev"),
        "ewt-test": ewt_sentences(corpora, "test"),
        "gum-test": gum_sentences(corpora, "test"),
    }
    parts["gum-test-news-interview"] = [
        (s, t) for s, t in parts["gum-test"] if s.genre in ("news", "interview")
    ]
    paragraphed = {"gum-test-paragraphs": "gum-test",
                   "gum-test-news-interview-paragraphs": "gum-test-news-interview"}
    files = {
        "train": parts["ewt-train"] + parts["gum-train"],
        "dev": parts["ewt-dev"] + parts["gum-dev"],
        **{name: parts[name] for name in ("ewt-dev", "gum-dev", "ewt-test", "gum-test",
                                           "gum-test-news-interview")},
        **{name: parts[source] for name, source in paragraphed.items()},
    }
    breaks = {"train": "alternate", **{name: "all" for name in paragraphed}}
    stats = {
        name: write_docbin(out / f"{name}.spacy", to_docs(vocab, sents, breaks.get(name, "none")))
        for name, sents in files.items()
    }
    _write_document_list(parts)
    (out / "stats.json").write_text(json.dumps(stats, indent=2))
    return stats


def _write_document_list(parts: dict[str, list[tuple[Sentence, list[str]]]]) -> None:
    lines = [
        "# Documents used to train and evaluate data/models/argmine_en",
        "# (generated by `python -m training.convert`; one line per document:",
        "#  corpus-split<TAB>document id<TAB>sentences)",
        "# GUM: only genres whose texts allow any use: " + ", ".join(GUM_OPEN_GENRES),
    ]
    for name in ("ewt-train", "gum-train", "ewt-dev", "gum-dev", "ewt-test", "gum-test"):
        counts: dict[str, int] = {}
        for sent, _ in parts[name]:
            counts[sent.doc_id] = counts.get(sent.doc_id, 0) + 1
        lines += [f"{name}\t{doc_id}\t{n}" for doc_id, n in counts.items()]
    DOCUMENT_LIST.write_text("\n".join(lines) + "\n", encoding="utf8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    for name, stats in convert(args.corpora, args.out).items():
        print(name, stats)


if __name__ == "__main__":
    main()

"""Score a trained pipeline on the held-out test splits.

    python -m training.evaluate [MODEL_DIR]      (default: data/models/argmine_en)

Each test set is scored twice: on the gold tokens (parse, tags and entities judged on the
treebank's own words, comparable with published figures) and from raw text (the model's
tokenizer, what users get). The dev split is never used here: it served model selection.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "training" / "corpus"
TEST_SETS = ("ewt-test", "gum-test", "gum-test-news-interview", "gum-test-paragraphs",
             "gum-test-news-interview-paragraphs")  # *-paragraphs: "\n\n" between paragraphs
KEYS = ("token_acc", "tag_acc", "pos_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las",
        "sents_p", "sents_r", "sents_f", "ents_p", "ents_r", "ents_f", "ents_per_type")


def _examples(nlp, path: Path, gold_tokens: bool):
    from spacy.tokens import Doc, DocBin
    from spacy.training import Example

    for ref in DocBin().from_disk(path).get_docs(nlp.vocab):
        if gold_tokens:
            pred = Doc(nlp.vocab, words=[t.text for t in ref],
                       spaces=[bool(t.whitespace_) for t in ref])
        else:
            pred = nlp.make_doc(ref.text)
        yield Example(pred, ref)


def evaluate_model(nlp, path: Path, gold_tokens: bool) -> dict:
    scores = nlp.evaluate(list(_examples(nlp, path, gold_tokens)))
    return {key: _round(scores.get(key)) for key in KEYS if key in scores}


def _round(value):
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _round(v) for k, v in value.items()}
    return value


def evaluate_all(model_dir: Path, corpus: Path = CORPUS) -> dict:
    """{test set: {"gold_tokens": scores, "raw_text": scores}} for every test set."""
    import spacy

    nlp = spacy.load(model_dir)
    return {
        name: {
            "gold_tokens": evaluate_model(nlp, corpus / f"{name}.spacy", gold_tokens=True),
            "raw_text": evaluate_model(nlp, corpus / f"{name}.spacy", gold_tokens=False),
        }
        for name in TEST_SETS
    }


def summary(scores: dict) -> dict:
    """The headline figures the issue asks for."""
    out = {}
    for name, by_mode in scores.items():
        s = by_mode["gold_tokens"]
        if name.endswith("-paragraphs"):
            out[name] = {"SENT_F": s.get("sents_f"), "SENT_F_raw": by_mode["raw_text"].get("sents_f")}
            continue
        per = s.get("ents_per_type") or {}
        out[name] = {
            "UAS": s.get("dep_uas"), "LAS": s.get("dep_las"), "POS": s.get("pos_acc"),
            "TAG": s.get("tag_acc"), "LEMMA": s.get("lemma_acc"), "SENT_F": s.get("sents_f"),
            "SENT_F_raw": by_mode["raw_text"].get("sents_f"), "ENTS_F": s.get("ents_f"),
            **{f"{label}_F": round(v["f"], 4) for label, v in sorted(per.items())},
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", nargs="?", type=Path,
                        default=REPO / "data" / "models" / "argmine_en")
    parser.add_argument("--full", action="store_true", help="print every score")
    args = parser.parse_args()
    scores = evaluate_all(args.model)
    print(json.dumps(scores if args.full else summary(scores), indent=2))


if __name__ == "__main__":
    main()

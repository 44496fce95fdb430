"""Copy a trained pipeline to data/models/argmine_en with its provenance in meta.json.

    python -m training.package MODEL_DIR [--scores test-scores.json]

The copy is written beside the target and renamed into place, so a failed run never
leaves a half-written model where argmine looks for it.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

from training.evaluate import summary

REPO = Path(__file__).resolve().parent.parent
SHIPPED = REPO / "data" / "models" / "argmine_en"
VERSION = "0.1.0"

SOURCES = [
    {
        "name": "UD English EWT (Universal Dependencies English Web Treebank)",
        "url": "https://github.com/UniversalDependencies/UD_English-EWT",
        "version": "master @ 15d613d8 (v2.15+)",
        "license": "CC BY-SA 4.0",
        "author": "Natalia Silveira, Timothy Dozat, Marie-Catherine de Marneffe, Samuel "
        "Bowman, Miriam Connor, John Bauer, Christopher D. Manning, Nathan Schneider "
        "and the UD English EWT contributors",
    },
    {
        "name": "UNER English EWT (Universal NER)",
        "url": "https://github.com/UniversalNER/UNER_English-EWT",
        "version": "master @ 8ed072de (train: first version 0c7ce0de)",
        "license": "CC BY-SA 4.0",
        "author": "Mayhew et al. (2024), Universal NER",
    },
    {
        "name": "UD English GUM (Georgetown University Multilayer corpus), open genres only: "
        "academic, bio, conversation, court, interview, news, speech, textbook, vlog, voyage",
        "url": "https://gucorpling.org/gum/",
        "version": "UD_English-GUM @ afb41ee9, amir-zeldes/gum @ 72ce5ac1",
        "license": "annotations CC BY 4.0; texts CC BY / CC BY-SA / public domain by genre",
        "author": "Amir Zeldes and the GUM annotators (see data/models/README.md)",
    },
]


PIPE_DESCRIPTIONS = {
    "tok2vec": "tok2vec (CNN, no pretrained vectors)",
    "tagger": "tagger (PTB tags)",
    "morphologizer": "morphologizer (UPOS + features)",
    "parser": "parser (Universal Dependencies labels, not ClearNLP)",
    "ner": "NER (PERSON, ORG, LOC; LOC includes countries and cities)",
    "attribute_ruler": "attribute_ruler",
    "lemmatizer": "rule lemmatizer (tables in the model)",
}


def ship(model_dir: Path, target: Path, scores: dict, quick: bool = False, training_note: str = "") -> Path:
    """Write model_dir's pipeline to target with meta.json describing data and scores."""
    import spacy

    nlp = spacy.load(model_dir)
    meta = nlp.meta
    pipes = ", ".join(PIPE_DESCRIPTIONS.get(name, name) for name in nlp.pipe_names)
    meta.update(
        {
            "lang": "en",
            "name": "argmine_en",
            "version": VERSION,
            "description": (
                f"argmine's English pipeline: tokenizer, {pipes}. Trained on UD English EWT + UNER "
                "and the openly licensed GUM genres." + (" QUICK MODEL (a few epochs)." if quick else "")
                + (f" {training_note}" if training_note else "")
            ),
            "author": "argmine contributors",
            "url": "",
            "license": "CC BY-SA 4.0",
            "sources": SOURCES,
            "performance": summary(scores) if scores else {},
            "argmine": {
                "label_scheme_note": "dependency labels are Universal Dependencies "
                "(nsubj, obj, ccomp, nsubj:pass, obl + case, nmod:poss), not ClearNLP",
                "test_scores": scores,
                "quick": quick,
                "training": training_note,
            },
        }
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(target.name + ".new")
    old = target.with_name(target.name + ".old")
    for path in (staging, old):
        if path.exists():
            shutil.rmtree(path)
    nlp.to_disk(staging)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    if old.exists():
        shutil.rmtree(old)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--scores", type=Path, default=None)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--note", default="", help="how this checkpoint was trained (recorded in meta.json)")
    args = parser.parse_args()
    scores = json.loads(args.scores.read_text()) if args.scores else {}
    print(ship(args.model, SHIPPED, scores, quick=args.quick, training_note=args.note))


if __name__ == "__main__":
    main()

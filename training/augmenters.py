"""Training-time data augmentation registered with spaCy (imported by training.train).

``argmine.casing_augmenter.v1`` is spaCy's combined augmenter (lower-casing, quote and
dash variants, stray whitespace tokens) plus upper-casing a share of the texts: names in
capitals ("KENNEDY, SOUTER and BREYER joined", headlines) otherwise look unknown to the
model, whose features keep the word's shape.
"""

from __future__ import annotations

import random
from typing import Callable, Iterator

import spacy
from spacy.training import Example
from spacy.training.augment import combined_augmenter


def upper_case_example(nlp, example: Example) -> Example:
    """The same example with every word in capitals (annotations unchanged)."""
    example_dict = example.to_dict()
    example_dict["token_annotation"]["ORTH"] = [
        w.upper() for w in example_dict["token_annotation"]["ORTH"]
    ]
    return Example.from_dict(nlp.make_doc(example.reference.text.upper()), example_dict)


@spacy.registry.augmenters("argmine.casing_augmenter.v1")
def create_casing_augmenter(
    upper_level: float,
    seed: int,
    lower_level: float,
    orth_level: float,
    orth_variants: dict | None,
    whitespace_level: float,
    whitespace_per_token: float,
    whitespace_variants: list[str] | None,
) -> Callable[..., Iterator[Example]]:
    rng = random.Random(seed)

    def augment(nlp, example: Example) -> Iterator[Example]:
        if rng.random() < upper_level:
            example = upper_case_example(nlp, example)
        yield from combined_augmenter(
            nlp, example, lower_level=lower_level, orth_level=orth_level,
            orth_variants=orth_variants, whitespace_level=whitespace_level,
            whitespace_per_token=whitespace_per_token, whitespace_variants=whitespace_variants,
        )

    return augment

"""The two pipelines the stance tests read sentences with.

A blank English pipeline with a sentencizer runs the rules alone (no tagger, no learned
model); the shipped base model runs them as `extract` does, and a test that needs it is
skipped where data/models does not hold it.
"""

from __future__ import annotations

import pytest
import spacy

from argmine.errors import ModelError


def blank_pipeline() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def base_model_or_skip() -> spacy.language.Language:
    from argmine.model import load_base_model

    try:
        return load_base_model()
    except ModelError:
        pytest.skip("the trained model is not in data/models yet")

"""Find and load argmine's own English spaCy pipeline (``argmine_en``).

The model is trained from treebanks by ``training/`` and shipped in the repository under
``data/models/argmine_en``; a wheel carries the same folder as ``argmine/_models``.
Loading never touches the network. spaCy is imported inside the functions so that
importing this module stays cheap for commands that never parse text.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmine.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAME = "argmine_en"
ENV_VAR = "ARGMINE_MODEL"
_PACKAGE_DIR = Path(__file__).resolve().parent


def model_path() -> Path:
    """Where the base model is: ``$ARGMINE_MODEL`` if set, else the copy inside the
    installed package (wheel), else the repository's ``data/models/argmine_en``."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    packaged = _PACKAGE_DIR / "_models" / MODEL_NAME
    if packaged.is_dir():
        return packaged
    return _PACKAGE_DIR.parent / "data" / "models" / MODEL_NAME


def load_base_model(**kwargs: Any) -> Language:
    """Load the base pipeline (cached per set of keyword arguments).

    Keyword arguments go to ``spacy.load`` (e.g. ``exclude=["ner"]``); lists are
    accepted and treated as tuples for the cache.

    Raises:
        ModelError: the model folder is missing or spaCy cannot load it.
    """
    frozen = tuple(
        sorted((key, tuple(value) if isinstance(value, list) else value)
               for key, value in kwargs.items())
    )
    return _load(str(model_path()), frozen)


def load_fresh_model(**kwargs: Any) -> Language:
    """A new, uncached copy of the base pipeline, for callers that add components to it."""
    return _load.__wrapped__(str(model_path()), tuple(sorted(kwargs.items())))


@lru_cache(maxsize=4)
def _load(path: str, frozen_kwargs: tuple[tuple[str, Any], ...]) -> Language:
    model_dir = Path(path)
    if not (model_dir / "config.cfg").is_file() or not (model_dir / "meta.json").is_file():
        hint = f" (set by ${ENV_VAR})" if os.environ.get(ENV_VAR) else ""
        raise ModelError(
            f"spaCy model not found at {model_dir}{hint}: expected a pipeline folder with "
            "config.cfg and meta.json; reinstall argmine or retrain with "
            "`python -m training.train`"
        )
    import spacy

    kwargs = {key: list(value) if isinstance(value, tuple) else value
              for key, value in frozen_kwargs}
    try:
        nlp = spacy.load(model_dir, **kwargs)
    except Exception as exc:  # spaCy raises many types for a broken pipeline folder
        raise ModelError(f"cannot load spaCy model at {model_dir}: {exc}") from exc
    index_lemma_tables(nlp)
    return nlp


def index_lemma_tables(nlp: Language) -> None:
    """Make the rule lemmatizer's word lists sets.

    spaCy's English tables store each part of speech's known words as a list, and the
    rule lemmatizer tests every candidate form with `in`: a scan of up to 57,000 words,
    about 0.5 ms for each new word form. Sets give the same lemmas; the first pass
    over 60 articles went from 1.8 s to 0.15 s of lemmatizer time. (Lists are what
    the model stores: msgpack has no sets.)
    """
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for pos in list(table.keys()):
        words = table[pos]
        if isinstance(words, list):
            table[pos] = frozenset(words)

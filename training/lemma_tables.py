"""Lemma tables for the rule lemmatizer, saved into the model at initialisation.

spaCy's English tables (``spacy-lookups-data``, needed only to train) have no entries for
auxiliaries, so "was" stays "was" when the tagger says AUX. We add an ``aux`` (and a
``part``) exception table here instead of running an attribute_ruler over every token:
the rule lemmatizer caches by word form, so this costs nothing at run time. Registered
as ``argmine.lemma_lookups.v1`` for ``[initialize.components.lemmatizer.lookups]``.
"""

from __future__ import annotations

import spacy
from spacy.lookups import Lookups, load_lookups

AUX_LEMMAS = {
    "be": "am 'm ’m m is 's ’s s are 're ’re re was were been being be ai".split(),
    "have": "has have had having 've ’ve ve 'd ’d".split(),
    "do": "does did do doing done".split(),
    "can": "ca can".split(),
    "will": "wo 'll ’ll ll will".split(),
    "would": "would".split(),
    "shall": "sha shall".split(),
}
PART_LEMMAS = {"not": "n't n’t nt not".split()}
# Closed-class lemmas as the UD treebanks give them (counted on EWT + GUM train), so the
# model's lemmas agree with its training data: me -> I, them -> they, an -> a.
PRON_LEMMAS = {
    "I": "i me".split(), "he": "him".split(), "they": "them em 'em ’em".split(),
    "we": "us".split(), "my": "mine".split(), "our": "ours".split(),
    "their": "theirs".split(), "your": "yours".split(), "you": "u".split(),
    "this": "these".split(), "that": "those".split(),
}
DET_LEMMAS = {"a": "an".split(), "this": "these".split(), "that": "those".split()}
# Contractions the tagger sometimes calls VERB rather than AUX.
VERB_LEMMAS = {"be": "'m ’m 're ’re 's ’s".split(), "have": "'ve ’ve".split(),
               "need": "need".split()}
TABLES = ("lemma_rules", "lemma_index", "lemma_exc")  # what rule mode reads


def add_auxiliary_lemmas(lookups: Lookups) -> Lookups:
    """Add aux/part/pron/det (and a few verb) exceptions to ``lemma_exc`` (in place)."""
    exc = lookups.get_table("lemma_exc")
    aux = {form: [lemma] for lemma, forms in AUX_LEMMAS.items() for form in forms}
    # "'d" is "would" as a modal (MD) and "had" as a verb: the rule table cannot see the
    # tag, and "would" is the commoner reading in news text.
    aux["'d"] = aux["’d"] = ["would"]
    exc["aux"] = aux
    for pos, table in (("part", PART_LEMMAS), ("pron", PRON_LEMMAS), ("det", DET_LEMMAS)):
        exc[pos] = {form: [lemma] for lemma, forms in table.items() for form in forms}
    verbs = dict(exc.get("verb", {}))
    verbs.update({form: [lemma] for lemma, forms in VERB_LEMMAS.items() for form in forms})
    exc["verb"] = verbs
    return lookups


@spacy.registry.misc("argmine.lemma_lookups.v1")
def create_lemma_lookups() -> Lookups:
    """spaCy's English rule tables plus argmine's auxiliary exceptions."""
    return add_auxiliary_lemmas(load_lookups("en", list(TABLES)))

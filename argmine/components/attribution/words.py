"""Word-level tests the attribution rules share: a token's lemma, the lemmas a
noun may have, and which cue classes a verb belongs to. The word lists live in
components/data/cues.json; this module only reads tokens against them."""

from __future__ import annotations

from spacy.tokens import Token

from argmine.components.lexicons import CueLexicon

SUBJECTS = {"nsubj", "nsubj:pass", "csubj"}
CLAUSAL = {"ccomp", "parataxis", "csubj"}
CLIMB = {"xcomp", "conj", "advcl"}
FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}
DASHES = {"—", "–", "-", "--", "―"}
#: A quote covering this share of what is reported makes a claim direct.
DIRECT_SHARE = 0.6


def lemma_of(token: Token) -> str:
    return token.lemma_.lower() if token.lemma_ else token.lower_


def noun_lemmas(token: Token) -> set[str]:
    """Lemmas a noun may have. A capitalised sentence opener is often tagged as a name
    ("Criticisms were voiced by ..." -> PROPN, even PERSON): then the
    lower-cased word and its singular are candidates too, for matching lexicons only."""
    lemmas = {lemma_of(token)}
    if token.pos_ == "PROPN" and token.is_sent_start:
        low = token.lower_
        lemmas.add(low)
        if low.endswith("ies") and len(low) > 4:
            lemmas.add(low[:-3] + "y")
        elif low.endswith("s") and not low.endswith("ss") and len(low) > 3:
            lemmas.add(low[:-1])
    return lemmas


def cue_classes(token: Token, lex: CueLexicon) -> frozenset[str]:
    """Which of 'speech', 'cognition', 'evaluation' a verb can cue (several for
    verbs like 'describe' or 'lament'); empty when it cues none."""
    if token.pos_ not in ("VERB",) and token.tag_[:2] != "VB":
        return frozenset()
    forms = {lemma_of(token), token.lower_}
    low = token.lower_
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("es", ""), ("s", "")):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            forms.add(low[: -len(suffix)] + repl)
    classes = {
        cls
        for cls, words in (("speech", lex.speech), ("cognition", lex.cognition), ("evaluation", lex.evaluation))
        if forms & words
    }
    if forms & lex.naming_verbs:
        classes.add("evaluation")
    return frozenset(classes)

"""Words as the stance rules compare them: one spelling, and the base forms an inflection hides."""

from __future__ import annotations

import re
from functools import lru_cache

from argmine.vocabulary import STRAIGHT_APOSTROPHES

_OUR_WORDS = re.compile(
    r"^(favo|behavio|hono|labo|neighbo|endeavo|vigo|rigo|humo|colo|savo|harbo|rumo|clamo|odo|parlo|fervo|ardo)r"
)


_IZE = re.compile(r"iz(e|ed|es|ing|ation|ations|ational|er|ers)$")

#: Entries of each per-word cache. Bounded so that memory stays flat over a long run: the
#: caches fill within about 100 articles, and frequent words stay in them.
WORD_CACHE = 16384


@lru_cache(maxsize=WORD_CACHE)
def canon(word: str) -> str:
    """Lower case, straight apostrophe, British spelling for -ize/-or variants."""
    w = word.lower().translate(STRAIGHT_APOSTROPHES)
    if len(w) > 5:
        w = _IZE.sub(r"is\1", w)
    w = _OUR_WORDS.sub(r"\1ur", w)
    if w.startswith("skeptic"):
        w = "sceptic" + w[7:]
    if w.startswith("center") or w.startswith("centered"):
        w = "centre" + w[6:]
    return w


@lru_cache(maxsize=WORD_CACHE)
def forms(word: str, lemma: str = "") -> frozenset[str]:
    """The word and the base forms a regular inflection may hide (canonical spelling).

    Generous on purpose: each form is only looked up, so a spurious base form
    costs nothing unless it is itself a lexicon entry.
    """
    w = canon(word)
    out = {w}
    if lemma:
        out.add(canon(lemma))
    if len(w) > 3 and w.isalpha() or "-" in w:
        if w.endswith("ies"):
            out.add(w[:-3] + "y")
        elif w.endswith("es"):
            out.update((w[:-2], w[:-1]))
        elif w.endswith("s") and not w.endswith("ss"):
            out.add(w[:-1])
        if w.endswith("ied"):
            out.add(w[:-3] + "y")
        elif w.endswith("ed") and len(w) > 4:
            out.update((w[:-2], w[:-1]))
            if w[-3] == w[-4]:
                out.add(w[:-3])
        if w.endswith("ing") and len(w) > 5:
            out.update((w[:-3], w[:-3] + "e"))
            if w[-4] == w[-5]:
                out.add(w[:-4])
    return frozenset(canon(f) for f in out)

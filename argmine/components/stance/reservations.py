"""A side taken on a condition: "We will back the plan -- but not if the hospital holds the purse".

"X, but not if Y" / "but not at the price of Y" says yes to the matter at hand and
no to it on terms the speaker names: both ways, mixed (the gold convention: a
sentence that argues both ways is mixed). The context rules read it so instead of
handing the sentence the side of the speaker's claim before.

A compact verdict ("promising but not conclusive", "welcome, yet flawed") weighs the
matter both ways in two words; in a text about the target it is mixed as well.
"""

from __future__ import annotations

import re

#: "but not if", "but not at the price of", "but not when", "but not unless", "but not by".
_BUT_NOT_ON_TERMS = re.compile(r"\bbut\s+not\s+(if|at|when|where|unless|by|on|while|until)\b", re.IGNORECASE)


def conditional_side(text: str) -> bool:
    """Does the sentence take a side only on terms it names ("but not if ...")?"""
    return bool(_BUT_NOT_ON_TERMS.search(text))


#: "promising but not conclusive", "welcome, but late", "a good start but far from enough".
_VERDICT = re.compile(r"\b([a-z][a-z-]+),?\s+(?:but|yet)\s+(not\s+|far\s+from\s+|hardly\s+)?(?:yet\s+|still\s+|very\s+|quite\s+)?([a-z][a-z-]+)\b",
                      re.IGNORECASE)


def two_sided_verdict(text: str) -> bool:
    """A compact verdict that weighs both ways ("promising but not conclusive"): two
    evaluative words of opposite sign (the second perhaps negated) joined by "but"."""
    from argmine.components.stance.lexicon import default_lexicon
    from argmine.components.stance.words import canon, forms

    lexicon = default_lexicon()

    def value(word: str) -> float:
        for entry in lexicon.starting_with(forms(word), canon(word)):
            if entry.words == (canon(word),) and entry.kind == "eval":
                return entry.value
        return 0.0

    for m in _VERDICT.finditer(text):
        first, second = value(m.group(1)), value(m.group(3))
        if m.group(2):
            # "promising but not conclusive": praise held back by what it is not
            second = -second if second else -first
        if first * second < 0:
            return True
    return False

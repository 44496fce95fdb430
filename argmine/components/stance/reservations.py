"""A side taken on a condition ("We will back the plan -- but not if the hospital holds the purse"),
or on the end but not the means ("We share the ambition, but the timescale is unrealistic").

"X, but not if Y" / "but not at the price of Y" says yes to the matter at hand and
no to it on terms the speaker names: both ways, mixed (the gold convention: a
sentence that argues both ways is mixed). The context rules read it so instead of
handing the sentence the side of the speaker's claim before.

A compact verdict ("promising but not conclusive", "welcome, yet flawed") weighs the
matter both ways in two words; in a text about the target it is mixed as well.
"""

from __future__ import annotations

import re

from argmine.components.stance.lexicon import default_lexicon

#: "but not if", "but not at the price of", "but not when", "but not unless", "but not by".
_BUT_NOT_ON_TERMS = re.compile(r"\bbut\s+not\s+(if|at|when|where|unless|by|on|while|until)\b", re.IGNORECASE)


def conditional_side(text: str) -> bool:
    """Does the sentence take a side only on terms it names ("but not if ...")?"""
    return bool(_BUT_NOT_ON_TERMS.search(text))


#: The end a measure serves, and the means it takes: "right in principle, wrong in practice".
_GOAL = frozenset({"goal", "goals", "aim", "aims", "principle", "idea", "direction", "ambition", "ambitions",
                   "intention", "intentions", "vision", "concept", "objective", "objectives", "purpose", "spirit"})
_MEANS = frozenset({"timetable", "timeline", "timescale", "timescales", "timing", "pace", "speed", "method",
                    "methods", "means", "execution", "implementation", "delivery", "detail", "details", "approach",
                    "mechanism", "process", "sequencing", "practice", "rollout", "haste"})
_FOR_GOAL = frozenset({"right", "sound", "good", "laudable", "admirable", "worthy", "noble", "correct", "support",
                       "supports", "back", "backs", "share", "shares", "welcome", "welcomes", "agree", "fine",
                       "sensible", "positive"})
_AGAINST_MEANS = frozenset({"wrong", "wary", "worried", "concerned", "doubts", "unrealistic", "rushed", "flawed",
                            "botched", "poor", "not", "n't", "nowhere", "object", "questions", "reservations",
                            "fear", "fears", "misguided", "too", "against"})
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|n't")


def goal_not_means(text: str) -> bool:
    """"A sound idea, delivered at the wrong pace", "We share the ambition, but the timescale is
    unrealistic": yes to the end a measure serves, no to how it gets there (mixed)."""
    words = _WORD.findall(text.lower())
    goals = [k for k, w in enumerate(words) if w in _GOAL and _near(words, k, _FOR_GOAL, 4, 3)]
    if not goals:
        return False
    return any(w in _MEANS and k > goals[0] and _near(words, k, _AGAINST_MEANS, 5, 5) for k, w in enumerate(words))


def _near(words: list[str], k: int, vocabulary: frozenset, before: int, after: int) -> bool:
    return any(w in vocabulary for w in words[max(0, k - before):k + after + 1])


#: "promising but not conclusive", "welcome, but late", "a good start but far from enough".
_VERDICT = re.compile(r"\b([a-z][a-z-]+),?\s+(?:but|yet)\s+(not\s+|far\s+from\s+|hardly\s+)?"
                      r"(?:yet\s+|still\s+|very\s+|quite\s+)?([a-z][a-z-]+)\b", re.IGNORECASE)


def two_sided_verdict(text: str) -> bool:
    """A compact verdict that weighs both ways ("promising but not conclusive"): two
    evaluative words of opposite sign (the second perhaps negated) joined by "but"."""
    lexicon = default_lexicon()
    for m in _VERDICT.finditer(text):
        first, second = lexicon.word_value(m.group(1)), lexicon.word_value(m.group(3))
        if m.group(2):
            # "promising but not conclusive": praise held back by what it is not
            second = -second if second else -first
        if first * second < 0:
            return True
    return False

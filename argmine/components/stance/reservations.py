"""A side taken on a condition: "We will back the plan -- but not if the hospital holds the purse".

"X, but not if Y" / "but not at the price of Y" says yes to the matter at hand and
no to it on terms the speaker names: both ways, mixed (the gold convention: a
sentence that argues both ways is mixed). The context rules read it so instead of
handing the sentence the side of the speaker's claim before.
"""

from __future__ import annotations

import re

#: "but not if", "but not at the price of", "but not when", "but not unless", "but not by".
_BUT_NOT_ON_TERMS = re.compile(r"\bbut\s+not\s+(if|at|when|where|unless|by|on|while|until)\b", re.IGNORECASE)


def conditional_side(text: str) -> bool:
    """Does the sentence take a side only on terms it names ("but not if ...")?"""
    return bool(_BUT_NOT_ON_TERMS.search(text))
